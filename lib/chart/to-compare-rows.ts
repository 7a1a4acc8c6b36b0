import type { RunSeries } from "../series/run-schema";
import { MAX_HISTORY_POINTS, toHistoryRows, type HistoryPoints } from "./to-forecast-rows";

/** One x position of the comparison chart: history and the recommended forecast of two runs. */
export interface CompareRow {
  t: number;
  history?: number | null;
  a?: number | null;
  b?: number | null;
  a80?: [number, number] | null;
  b80?: [number, number] | null;
}

/**
 * History steps the comparison shows before the earlier forecast: five times the longer of the
 * two horizons (at least 36), so the longer forecast is not wider on the chart than the past it
 * continues.
 */
export function toCompareHistorySteps(a: RunSeries, b: RunSeries): number {
  return Math.max(36, 5 * Math.max(a.times.length, b.times.length));
}

/**
 * Two runs' forecasts of one series on one chart, with their 80% bands and the recent history
 * (the last `recent` steps before the earlier forecast start, so both forecasts are readable).
 * The rows span both runs, each run's values at its own times: a run that starts earlier (made
 * on a shorter history) or ends later (a longer horizon) than the other is drawn whole.
 * Each forecast line and band starts at the last observed value before it (as on the forecast
 * chart), so it continues the history instead of floating a step away from it.
 * @param recent history steps shown before the earlier forecast start (default toCompareHistorySteps)
 */
export function toCompareRows(history: HistoryPoints, a: RunSeries, b: RunSeries, recent = toCompareHistorySteps(a, b)): CompareRow[] {
  const rows = new Map<number, CompareRow>();
  // Counted back from the earlier run's last observed value, not from the history's end: a run
  // made before more data came would otherwise start before the history drawn, unanchored.
  const earlier = Math.min(a.historyEnd, b.historyEnd);
  let last = history.t.length - 1;
  while (last > 0 && (history.t[last] as number) > earlier) last--;
  const from = (history.t[Math.max(0, last - recent + 1)] as number | undefined) ?? Number.NEGATIVE_INFINITY;
  for (const p of toHistoryRows(history, MAX_HISTORY_POINTS, from)) rows.set(p.t, { t: p.t, history: p.y });
  const add = (series: RunSeries, line: "a" | "b", band: "a80" | "b80") => {
    const f = series.forecasts[series.chosen];
    if (!f) return;
    const anchor = rows.get(series.historyEnd);
    if (typeof anchor?.history === "number") {
      anchor[line] = anchor.history;
      anchor[band] = [anchor.history, anchor.history];
    }
    series.times.forEach((t, j) => {
      const row = rows.get(t) ?? { t };
      row[line] = f.mean[j] ?? null;
      const lo = f.lower80[j];
      const hi = f.upper80[j];
      row[band] = typeof lo === "number" && typeof hi === "number" ? [lo, hi] : null;
      rows.set(t, row);
    });
  };
  add(a, "a", "a80");
  add(b, "b", "b80");
  return [...rows.values()].sort((x, y) => x.t - y.t);
}
