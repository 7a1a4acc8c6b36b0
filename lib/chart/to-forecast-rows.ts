import type { MethodName } from "../forecast/types";
import type { RunSeries } from "../series/run-schema";
import { lttbIndices } from "./downsample";

/** Points of a series for a chart: epoch ms and values (null = missing). */
export interface HistoryPoints {
  t: ArrayLike<number>;
  y: ArrayLike<number | null>;
}

/** One x position of the forecast chart. Ranges are [low, high] for Recharts band areas. */
export interface ForecastRow {
  t: number;
  history?: number | null;
  forecast?: number | null;
  band80?: [number, number] | null;
  band95?: [number, number] | null;
  /** Backtest forecast of the shown method at a fold step. */
  backtest?: number | null;
}

export interface ForecastRowsOptions {
  /** Method whose forecast is drawn (default: the run's recommendation). */
  method?: MethodName;
  /** Also draw the backtest folds' forecasts over the history. */
  backtest?: boolean;
  /** History points drawn at most (LTTB keeps the shape); default 2,000. */
  maxHistoryPoints?: number;
  /** Only history at or after this time (epoch ms), e.g. to focus on the recent past. */
  from?: number;
  /**
   * The most recent history points kept whole when the rest is downsampled (default: the last
   * 1,000, or eight times the forecast when that is more), so a long series opens on its real
   * recent points rather than a thinned line over years.
   */
  recentPoints?: number;
}

/** The chart opens on this many steps of history per forecast step. */
const RECENT_SHARE = 8;

/** Default number of history points drawn: a sharp line at any width, quick to render. */
export const MAX_HISTORY_POINTS = 2000;

/**
 * A history longer than {@link MAX_HISTORY_POINTS} opens on this many of its last points, drawn
 * whole: the recent detail (a day's hours, a month's days) rather than years thinned to a blur.
 */
export const RECENT_POINTS = 1000;

/**
 * History points for a chart, downsampled with LTTB when there are more than `max`.
 * @param from keep only points at or after this time (epoch ms)
 * @param recent the last points kept whole (at most half of `max`); LTTB thins the ones before
 */
export function toHistoryRows(history: HistoryPoints, max = MAX_HISTORY_POINTS, from = Number.NEGATIVE_INFINITY, recent = 0): { t: number; y: number | null }[] {
  const n = history.t.length;
  let start = 0;
  while (start < n && (history.t[start] as number) < from) start++;
  const length = n - start;
  const whole = (a: number, b: number) => {
    const rows: { t: number; y: number | null }[] = new Array(b - a);
    for (let i = a; i < b; i++) rows[i - a] = { t: history.t[i] as number, y: history.y[i] ?? null };
    return rows;
  };
  if (length <= max) return whole(start, n);
  const kept = Math.min(Math.max(0, Math.floor(recent)), Math.floor(max / 2));
  if (kept > 0) {
    const split = n - kept;
    const head = toHistoryRows({ t: part(history.t, start, split), y: part(history.y, start, split) }, max - kept);
    return head.concat(whole(split, n));
  }
  const t = new Float64Array(length);
  const y = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    t[i] = history.t[start + i] as number;
    y[i] = history.y[start + i] ?? Number.NaN;
  }
  // LTTB keeps points with values only: a gap between two kept points is marked with a null row,
  // so the line breaks there as it does at full resolution instead of bridging the missing stretch.
  const missingBefore = new Uint32Array(length + 1);
  for (let i = 0; i < length; i++) missingBefore[i + 1] = (missingBefore[i] as number) + (y[i] !== y[i] ? 1 : 0);
  const rows: { t: number; y: number | null }[] = [];
  let previous = -1;
  for (const i of lttbIndices(t, y, max)) {
    if (previous >= 0 && (missingBefore[i] as number) > (missingBefore[previous + 1] as number)) rows.push({ t: t[previous + 1] as number, y: null });
    rows.push({ t: t[i] as number, y: y[i] as number });
    previous = i;
  }
  return rows;
}

/** Elements [start, end) of an array or a typed array, without copying a typed array. */
function part<T>(values: ArrayLike<T>, start: number, end: number): ArrayLike<T> {
  return ArrayBuffer.isView(values) ? ((values as unknown as Float64Array).subarray(start, end) as unknown as ArrayLike<T>) : Array.prototype.slice.call(values, start, end);
}

function band(low: number | null | undefined, high: number | null | undefined): [number, number] | null {
  return typeof low === "number" && typeof high === "number" ? [low, high] : null;
}

/**
 * The rows of the forecast chart: the history, then the forecast with its 80% and 95% bands,
 * anchored at the last observed value so the line and bands continue from the history.
 */
export function toForecastRows(history: HistoryPoints, series: RunSeries, options: ForecastRowsOptions = {}): ForecastRow[] {
  const method = options.method ?? series.chosen;
  const rows = new Map<number, ForecastRow>();
  const recent = options.recentPoints ?? Math.max(RECENT_POINTS, RECENT_SHARE * series.times.length);
  for (const p of toHistoryRows(history, options.maxHistoryPoints, options.from, recent)) rows.set(p.t, { t: p.t, history: p.y });

  if (options.backtest) {
    for (const fold of series.folds) {
      const values = fold.forecasts[method] ?? [];
      fold.times.forEach((t, j) => {
        if (options.from !== undefined && t < options.from) return;
        const row = rows.get(t) ?? { t };
        row.backtest = values[j] ?? null;
        rows.set(t, row);
      });
    }
  }

  // The anchor: the forecast line and bands start at the last observed value.
  const last = lastValue(history);
  if (last) {
    const row = rows.get(last.t) ?? { t: last.t };
    row.forecast = last.y;
    row.band80 = [last.y, last.y];
    row.band95 = [last.y, last.y];
    rows.set(last.t, row);
  }
  const f = series.forecasts[method];
  if (f) {
    series.times.forEach((t, j) => {
      rows.set(t, {
        ...rows.get(t),
        t,
        forecast: f.mean[j] ?? null,
        band80: band(f.lower80[j], f.upper80[j]),
        band95: band(f.lower95[j], f.upper95[j]),
      });
    });
  }
  return [...rows.values()].sort((a, b) => a.t - b.t);
}

/** The last point of a history with a value. */
export function lastValue(history: HistoryPoints): { t: number; y: number } | null {
  for (let i = history.t.length - 1; i >= 0; i--) {
    const y = history.y[i];
    if (typeof y === "number" && Number.isFinite(y)) return { t: history.t[i] as number, y };
  }
  return null;
}

/** How many future steps have a forecast value and each band (after the history's last time). */
export function toForecastCounts(rows: ForecastRow[], historyEnd: number): { forecast: number; band80: number; band95: number } {
  const counts = { forecast: 0, band80: 0, band95: 0 };
  for (const row of rows) {
    if (row.t <= historyEnd) continue;
    if (typeof row.forecast === "number") counts.forecast++;
    if (row.band80) counts.band80++;
    if (row.band95) counts.band95++;
  }
  return counts;
}

/** The chart opens on at least this many rows (fewer on a narrow chart, in proportion). */
const MIN_WINDOW_ROWS = 48;

/**
 * Width (CSS px) the forecast gets at least when the chart opens: what a desktop's chart (about
 * 740 px beside the training panel) gives it at eight steps of history per step. Eight per step
 * on a phone left a year ahead about 28 px.
 */
const MIN_FORECAST_PX = 72;

/** What the value axis and the margins take of the chart's width, in CSS px: the rest is the plot. */
const PLOT_INSET_PX = 80;

/** However narrow the chart, this many steps of history per forecast step, so the forecast has its history beside it. */
const MIN_SHARE = 2;

/**
 * Where the forecast chart's initial window starts: the recent history, eight times as long as
 * the forecast (at least 48 rows) on a desktop-wide chart, less on a narrower one (the forecast
 * gets at least {@link MIN_FORECAST_PX} px of the plot), so the forecast is readable; 0 when the whole chart fits. A history of more than
 * {@link MAX_HISTORY_POINTS} stored points (drawn downsampled, its last {@link RECENT_POINTS}
 * whole) opens within those last points, never on the thinned ones before.
 * @param historyCount points in the stored history (default: the rows up to historyEnd)
 * @param chartWidth the chart's width in CSS px (0: not measured yet, opened as on a desktop)
 * @returns an index into rows
 */
export function toInitialWindowStart(rows: ForecastRow[], historyEnd: number, historyCount?: number, chartWidth = 0): number {
  const future = rows.filter((r) => r.t > historyEnd).length;
  return toRecentWindowStart(rows.length, future, historyCount, chartWidth);
}

/**
 * {@link toInitialWindowStart} counted in any points: where the recent window starts among `count`
 * points of which the last `future` are after the history.
 * @param stored points in the whole stored history (default: count − future)
 * @param chartWidth the chart's width in CSS px (0: not measured, or a drawing of no screen: as on a desktop)
 * @returns an index into the points
 */
export function toRecentWindowStart(count: number, future: number, stored = count - future, chartWidth = 0): number {
  const fit = chartWidth > 0 ? (chartWidth - PLOT_INSET_PX) / MIN_FORECAST_PX - 1 : RECENT_SHARE;
  const share = Math.min(RECENT_SHARE, Math.max(MIN_SHARE, fit));
  const scale = share / RECENT_SHARE;
  const keep = Math.max(Math.round(MIN_WINDOW_ROWS * scale), Math.round((share + 1) * future));
  if (stored > MAX_HISTORY_POINTS) {
    // Only the last 1,000 points are drawn whole: the window stays among them. Opening on all of
    // them left a day ahead of an hourly series 2% of the plot, its bands a sliver.
    return Math.max(count - future - RECENT_POINTS, count - keep, 0);
  }
  return count > keep * 1.5 ? count - keep : 0;
}
