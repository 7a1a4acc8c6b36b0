import { METHOD_LABELS, type MethodName } from "../forecast/types";
import { METHOD_NAMES } from "../forecast/types";
import type { RunSeries, StoredMetrics } from "../series/run-schema";

export interface BacktestRow extends StoredMetrics {
  method: MethodName;
  label: string;
  /** Lowest backtest MASE of all methods. */
  best: boolean;
  /** The run's recommended forecast. */
  chosen: boolean;
}

/** The backtest table: the LSTM first, then each baseline, the lowest MASE marked. */
export function toBacktestRows(series: Pick<RunSeries, "metrics" | "chosen">): BacktestRow[] {
  const present = METHOD_NAMES.filter((m) => series.metrics[m]);
  let best: MethodName | null = null;
  for (const m of present) {
    const mase = series.metrics[m]?.mase;
    const bestMase = best ? series.metrics[best]?.mase : null;
    if (typeof mase === "number" && (typeof bestMase !== "number" || mase < bestMase)) best = m;
  }
  return present.map((method) => ({
    ...(series.metrics[method] as StoredMetrics),
    method,
    label: METHOD_LABELS[method],
    best: method === best,
    chosen: method === series.chosen,
  }));
}
