import type { BackendInfo, ForecastConfig, MethodName } from "../forecast/types";
import type { RunDto, RunSeries, StoredMetrics, StoredTrainingHistory } from "../series/run-schema";
import { isFiscalQuarter, type TimeFormat } from "../time/time-format";
import { formatStamp, toExportMethod, toForecastSteps, toSettlementStamp, type ExportMethod, type SeriesHistory } from "./forecast-table";

/** A run as the exports read it: a saved run, one just made that could not be saved, or a saved model's new forecast. */
export type ExportableRun = Pick<RunDto, "status" | "startedAt" | "elapsedMs" | "config" | "horizon" | "mode" | "seasonLength" | "history" | "series"> & {
  /** Series the run left out (too few values), with why. */
  skipped?: RunDto["skipped"];
  id?: string | null;
  finishedAt?: string | null;
  backend?: BackendInfo | null;
};

/** When a step or an observed value is, in every form the exports give it. */
export interface RunJsonStamp {
  /** The time as the series writes it. */
  timestamp: string;
  /** ISO 8601 (UTC); null for a series without a time column or of fiscal quarters (`FY23 Q1`), which name no calendar months. */
  time: string | null;
  /** For a series read from GB settlement dates and periods (NESO): the date as the file writes it. */
  settlementDate?: string;
  /** With settlementDate: the period, 1–50 (null for 01:00 and 01:30 on the day clocks go forward, which have none). */
  settlementPeriod?: number | null;
}

/** An observed value (`?history=1`), exactly as stored; null where the series has none. */
export interface RunJsonObservation extends RunJsonStamp {
  actual: number | null;
}

export interface RunJsonStep extends RunJsonStamp {
  forecast: number | null;
  lower80: number | null;
  upper80: number | null;
  lower95: number | null;
  upper95: number | null;
}

/** GET /api/runs/<id>/forecast.json and the UI's "Export JSON". */
export interface RunJson {
  format: "tidecast-run";
  version: 1;
  run: {
    id: string | null;
    dataset: { id: string | null; name: string };
    status: ExportableRun["status"];
    startedAt: string;
    finishedAt: string | null;
    elapsedMs: number;
    horizon: number;
    mode: ExportableRun["mode"];
    seasonLength: number;
    backend: BackendInfo | null;
    /** Every setting the forecaster ran with (automatic ones resolved). */
    settings: ForecastConfig;
  };
  series: {
    seriesId: string;
    name: string;
    /** The method whose forecast is in `forecast`. */
    method: MethodName;
    /** The method Tidecast recommends for this series, and why. */
    chosen: MethodName;
    chosenReason: string;
    /** Backtest accuracy of the LSTM and of every baseline (MASE, sMAPE in %, RMSE, interval coverage). */
    metrics: Partial<Record<MethodName, StoredMetrics>>;
    backtestOrigins: number;
    preprocessing: RunSeries["preprocessing"];
    /** Only when asked for (`?history=1`): every stored value, in time order, before the forecast. */
    history?: RunJsonObservation[];
    forecast: RunJsonStep[];
  }[];
  /** Per-epoch training and validation loss of every network. */
  losses: StoredTrainingHistory[];
}

export interface RunJsonContext {
  dataset: { id?: string | null; name: string };
  /** The time format of each series, by series id. */
  timeFormats: Record<string, TimeFormat>;
  method?: ExportMethod;
  /** The stored points of each series, by series id: when given, each series carries its `history`. */
  history?: Record<string, SeriesHistory>;
}

function toStamp(t: number, timestamp: string, format: TimeFormat): RunJsonStamp {
  const settlement = toSettlementStamp(t, format);
  return {
    timestamp,
    // Fiscal quarters are held as calendar quarters only to step as quarters: no date to give.
    time: format.kind === "index" || isFiscalQuarter(format) ? null : new Date(t).toISOString(),
    ...(settlement ? { settlementDate: settlement.date, settlementPeriod: settlement.period } : {}),
  };
}

function toObservations(past: SeriesHistory, format: TimeFormat): RunJsonObservation[] {
  return Array.from({ length: past.times.length }, (_, i) => {
    const t = past.times[i] as number;
    const value = past.values[i];
    return { ...toStamp(t, formatStamp(t, format), format), actual: value === null || value === undefined || Number.isNaN(value) ? null : value };
  });
}

/**
 * A run as one JSON document: its settings, backtest metrics, losses and forecast (one method per
 * series, timestamps in the series' own format).
 * @throws Error when a series has no forecast of `method` (check with checkExportMethod)
 */
export function toRunJson(run: ExportableRun, context: RunJsonContext): RunJson {
  const method = context.method ?? "chosen";
  return {
    format: "tidecast-run",
    version: 1,
    run: {
      id: run.id ?? null,
      dataset: { id: context.dataset.id ?? null, name: context.dataset.name },
      status: run.status,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt ?? null,
      elapsedMs: run.elapsedMs,
      horizon: run.horizon,
      mode: run.mode,
      seasonLength: run.seasonLength,
      backend: run.backend ?? null,
      settings: run.config,
    },
    series: run.series.map((s) => {
      const format = context.timeFormats[s.seriesId] ?? { kind: "index" };
      const past = context.history?.[s.seriesId];
      return {
        seriesId: s.seriesId,
        name: s.name,
        method: toExportMethod(s, method) ?? s.chosen,
        chosen: s.chosen,
        chosenReason: s.chosenReason,
        metrics: s.metrics,
        backtestOrigins: s.backtestOrigins,
        preprocessing: s.preprocessing,
        ...(past ? { history: toObservations(past, format) } : {}),
        forecast: toForecastSteps(s, method, format).map(({ t, timestamp, ...numbers }): RunJsonStep => ({ ...toStamp(t, timestamp, format), ...numbers })),
      };
    }),
    losses: run.history,
  };
}
