import { METHOD_LABELS } from "../forecast/types";
import type { RunSeries, StoredMetrics } from "../series/run-schema";
import { toBacktestColumns, type BacktestColumn } from "./backtest-columns";

/** How the overview lists a run's series: as the run has them (the file's order), or worst backtest first. */
export type SeriesOverviewOrder = "run" | "worst";

export interface SeriesOverviewRow {
  seriesId: string;
  name: string;
  /** The recommended method's label. */
  recommended: string;
  /** Its MASE, 80% and 95% coverage, as the backtest table writes them. */
  cells: string[];
}

/** The scores the overview shows of each series' recommended forecast. */
const OVERVIEW_COLUMNS: readonly BacktestColumn["key"][] = ["mase", "coverage80", "coverage95"];

/**
 * Every series of a run on one line: its recommended forecast and that forecast's backtest MASE
 * and coverage, written as the backtest table writes them. A run of a wide file showed one series
 * at a time behind a menu: finding the products whose forecast is poor meant opening all 60.
 * @param order "worst": highest MASE first (series without one last), else the run's order
 * @returns the columns (header, definition) and the rows
 */
export function toSeriesOverview(series: readonly Pick<RunSeries, "seriesId" | "name" | "chosen" | "metrics">[], order: SeriesOverviewOrder = "run") {
  const scored = series.map((s) => ({ s, metrics: s.metrics[s.chosen] ?? null }));
  if (order === "worst") scored.sort((a, b) => (b.metrics?.mase ?? Number.NEGATIVE_INFINITY) - (a.metrics?.mase ?? Number.NEGATIVE_INFINITY));
  const empty: StoredMetrics = { mase: null, smape: null, rmse: null, coverage80: null, coverage95: null };
  const backtestRows = scored.map(({ s, metrics }) => ({ ...empty, ...metrics, method: s.chosen, label: METHOD_LABELS[s.chosen], best: false, chosen: true }));
  const columns = toBacktestColumns(backtestRows, null).filter((c) => OVERVIEW_COLUMNS.includes(c.key));
  const rows: SeriesOverviewRow[] = scored.map(({ s }, i) => ({
    seriesId: s.seriesId,
    name: s.name,
    recommended: METHOD_LABELS[s.chosen],
    cells: columns.map((c) => c.cells[i] as string),
  }));
  return { columns: columns.map(({ key, label, definition }) => ({ key, label, definition })), rows };
}
