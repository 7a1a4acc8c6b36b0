import { isIntermittent } from "./intermittent";
import { quantile } from "./quantile";

/**
 * Isolated outliers: single readings (a typo, a meter glitch, a one-off order) far outside what the
 * series' level and season around them allow. The smoothing's season state and the network's
 * inputs would otherwise carry a spike a few steps before the end into every later season of the
 * forecast. Found as R's `forecast::tsoutliers` finds them: the remainder of a robust decomposition
 * beyond 3 interquartile ranges from its quartiles; then kept only when the run of such points is
 * short, so that a level shift, a strike or a lockdown stays in the data as the change it is.
 */

/** Longest run of consecutive flagged points treated as outliers; longer runs are events. */
const MAX_RUN = 2;
/**
 * Interquartile ranges beyond the quartiles. tsoutliers' 3, on the remainder's spread alone, took
 * 43–46 days of each of two stock indices and 31 years of sunspots for outliers; with the spread
 * floored as below, 3 still took 34 readings in 14 of the 66 benchmark series, many of them months
 * of stock prices. At 5 they give 7 readings in 3 series (the same two days of August 1991 in both
 * DAX series, three flood years of a disaster count), while a reading a few times its neighbours
 * is still far beyond.
 */
const IQR_LIMIT = 5;

export interface OutlierScreen {
  /** Indices of the values taken for outliers, ascending. */
  indices: number[];
  /** The values with each outlier replaced by the robust fit at its place (the input when none). */
  values: Float64Array;
  /**
   * The last one or {@link MAX_RUN} values when they stand as far outside the level and season as
   * an outlier does. They are kept: nothing after them says whether they are a mistake or a new
   * level. But every forecast starts from them, so the analyst is told to check them.
   */
  unusualEnd: number[];
}

/**
 * Finds isolated outliers and the values to fit models on instead.
 * @param values finite values, oldest first (see cleanSeries)
 * @param seasonLength m in steps (1 = none)
 * @returns the outliers' indices and the values with them replaced; the last value is never
 *   taken for one (a jump there may be a new level, and nothing after it can say which)
 */
export function screenOutliers(values: Float64Array, seasonLength: number): OutlierScreen {
  const n = values.length;
  const m = Math.max(1, Math.round(seasonLength));
  const none: OutlierScreen = { indices: [], values, unusualEnd: [] };
  if (n < Math.max(16, 3 * m)) return none;
  // An intermittent series' spikes are the demand itself.
  if (isIntermittent(values)) return none;
  let positive = true;
  for (let i = 0; i < n; i++) if (!((values[i] as number) > 0)) positive = false;
  // Multiplicative series are judged on the log scale, or every peak of a grown series stands out.
  const x = positive ? values.map(Math.log) : values;
  const width = m > 1 ? m + 1 - (m % 2) : 7;
  const half = Math.floor(width / 2);
  const trend = runningMedian(x, width);
  const phase = new Float64Array(m);
  if (m > 1) {
    for (let p = 0; p < m; p++) {
      const detrended = new Float64Array(Math.ceil((n - p) / m));
      for (let t = p, k = 0; t < n; t += m, k++) detrended[k] = (x[t] as number) - (trend[t] as number);
      phase[p] = quantile(detrended.sort(), 0.5);
    }
  }
  const fit = (t: number) => (trend[t] as number) + (phase[t % m] as number);
  const remainder = x.map((v, t) => v - fit(t));
  const sorted = Float64Array.from(remainder).sort();
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  // A smooth series leaves almost no remainder around its running median; its step-to-step changes
  // say how far a reading may stray before it is an error rather than the series moving.
  const steps = new Float64Array(n - 1);
  for (let k = 0; k < n - 1; k++) steps[k] = (x[k + 1] as number) - (x[k] as number);
  steps.sort();
  const iqr = Math.max(q3 - q1, quantile(steps, 0.75) - quantile(steps, 0.25));
  // A remainder with no spread (quantised or mostly repeating values) gives no scale to judge by.
  if (!(iqr > 0)) return none;
  const low = q1 - IQR_LIMIT * iqr;
  const high = q3 + IQR_LIMIT * iqr;
  const indices: number[] = [];
  // The first half-window's median leans on later values only, so a trend reads as an outlier
  // there; an error at the start of a long history also matters least.
  let t = half;
  while (t < n - 1) {
    const r = remainder[t] as number;
    if (r >= low && r <= high) {
      t++;
      continue;
    }
    let end = t;
    while (end + 1 < n && !((remainder[end + 1] as number) >= low && (remainder[end + 1] as number) <= high)) end++;
    if (end - t + 1 <= MAX_RUN && end < n - 1 && !(end + half >= n - 1 && startsNewLevel(x, phase, t, end, low, high))) {
      for (let k = t; k <= end; k++) indices.push(k);
    }
    t = end + 1;
  }
  const unusualEnd = finalRun(n, half, (k) => !((remainder[k] as number) >= low && (remainder[k] as number) <= high) && outOfLevelBefore(x, phase, k, width, low, high));
  if (indices.length === 0) return { ...none, unusualEnd };
  const out = Float64Array.from(values);
  for (const k of indices) out[k] = positive ? Math.exp(fit(k)) : fit(k);
  return { indices, values: out, unusualEnd };
}

/**
 * The indices of the run of values taken for outliers that ends at the last value, when it is at
 * most {@link MAX_RUN} long (longer, it is the series moving, not a reading to check).
 * @param out whether the value at an index stands out
 */
function finalRun(n: number, from: number, out: (k: number) => boolean): number[] {
  let start = n;
  while (start > from && n - start <= MAX_RUN && out(start - 1)) start--;
  const length = n - start;
  return length >= 1 && length <= MAX_RUN ? Array.from({ length }, (_, k) => start + k) : [];
}

/**
 * Whether the value at k stands outside [low, high] from the level of the `width` values before it,
 * season removed. At the end the running median's window holds part of a season only, so its
 * remainders lean on which phases are in it: a steady weekday pattern with a little noise had its
 * last, ordinary days named as errors.
 */
function outOfLevelBefore(x: Float64Array, phase: Float64Array, k: number, width: number, low: number, high: number): boolean {
  const r = (x[k] as number) - (phase[k % phase.length] as number) - levelOf(x, phase, Math.max(0, k - width), k);
  return r < low || r > high;
}

/** The median of x[from..to), season removed: the level those values sit at. */
function levelOf(x: Float64Array, phase: Float64Array, from: number, to: number): number {
  const m = phase.length;
  return quantile(Float64Array.from({ length: to - from }, (_, j) => (x[from + j] as number) - (phase[(from + j) % m] as number)).sort(), 0.5);
}

/**
 * Whether flagged points t..end near the end of the history sit at the level of the values after
 * them. There the running median's window is cut short and leans on the values before, so the
 * first points of a drop in the last few steps (a lost customer, a price change) stand out from the
 * old level; put back onto it, the forecast would start from a level the series has left.
 */
function startsNewLevel(x: Float64Array, phase: Float64Array, t: number, end: number, low: number, high: number): boolean {
  const m = phase.length;
  const level = levelOf(x, phase, end + 1, x.length);
  for (let k = t; k <= end; k++) {
    const r = (x[k] as number) - (phase[k % m] as number) - level;
    if (r < low || r > high) return false;
  }
  return true;
}

/**
 * Median of each centred window of `width` values (shrunk at the ends to the values there are).
 * One buffer is sorted in place for every window: a million hourly values took 6 s with a fresh
 * array per window.
 */
function runningMedian(x: Float64Array, width: number): Float64Array {
  const half = Math.floor(width / 2);
  const out = new Float64Array(x.length);
  const buffer = new Float64Array(width);
  for (let t = 0; t < x.length; t++) {
    const from = Math.max(0, t - half);
    const size = Math.min(x.length, t + half + 1) - from;
    const window = buffer.subarray(0, size);
    window.set(x.subarray(from, from + size));
    window.sort();
    out[t] = size % 2 === 1 ? (window[size >> 1] as number) : ((window[size / 2 - 1] as number) + (window[size / 2] as number)) / 2;
  }
  return out;
}
