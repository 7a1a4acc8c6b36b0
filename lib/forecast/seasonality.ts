import { quantile } from "./quantile";

/**
 * Sample autocorrelations r_1..r_maxLag of a series.
 * @param values the series (finite values)
 * @param maxLag largest lag, in steps
 * @returns array whose element k−1 is r_k
 */
export function autocorrelations(values: ArrayLike<number>, maxLag: number): number[] {
  const n = values.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i] as number;
  mean /= n;
  let denominator = 0;
  for (let i = 0; i < n; i++) denominator += ((values[i] as number) - mean) ** 2;
  const out: number[] = [];
  for (let k = 1; k <= maxLag; k++) {
    let s = 0;
    for (let i = k; i < n; i++) s += ((values[i] as number) - mean) * ((values[i - k] as number) - mean);
    out.push(denominator > 0 ? s / denominator : 0);
  }
  return out;
}

/**
 * The M4 benchmarks' seasonality test: is the autocorrelation at lag m significant at 90%
 * (|r_m| > 1.645·√((1 + 2Σ_{k<m} r_k²)/n))? Needs at least three full seasons.
 * @param values the series (finite values, already transformed)
 * @param seasonLength m, in steps
 */
export function isSeasonal(values: ArrayLike<number>, seasonLength: number): boolean {
  const m = Math.round(seasonLength);
  if (m <= 1 || values.length < 3 * m) return false;
  const r = autocorrelations(values, m);
  let sum = 0;
  for (let k = 0; k < m - 1; k++) sum += (r[k] as number) ** 2;
  const limit = 1.645 * Math.sqrt((1 + 2 * sum) / values.length);
  return Math.abs(r[m - 1] as number) > limit;
}

/**
 * Whether the autocorrelation at lag m stands above the one just before it. A trend's
 * autocorrelations only decay from lag 1, yet at 120 monthly values they stay above M4's bound at
 * lag 12: a straight line with noise, a 2%-a-month exponential growth and prices raised every seven
 * months were all taken for seasonal, 20 draws of 20, and their "season" was noise.
 * @param values the series (finite values, already transformed)
 * @param seasonLength m, in steps (≥ 2)
 */
export function peaksAtSeason(values: ArrayLike<number>, seasonLength: number): boolean {
  const m = Math.round(seasonLength);
  if (m <= 1) return false;
  const r = autocorrelations(values, m);
  return (r[m - 1] as number) > (r[m - 2] as number);
}

/**
 * The QS test of seasonal adjustment practice (X-13, JDemetra+): the autocorrelations of the
 * first differences at lags m and 2m, Ljung-Box style, QS = n(n+2)·Σ max(0, r_k)²/(n−k), against
 * χ² with 2 degrees of freedom at 1% (9.21). Differencing takes a trend or a level shift off
 * before the season is looked for, which M4's test on the levels cannot: a monthly series whose
 * level jumps by six times its seasonal swing scores QS 31 and fails M4's test. Simulated (3,000
 * runs each, 36 to 144 monthly values), it says yes for 0.7–1.3% of white noise, 0–0.3% of random
 * walks and 3–4% of noise that flips sign from step to step (AR(1), φ = −0.5).
 * @param values the series (finite values, already transformed)
 * @param seasonLength m, in steps; needs 3m values
 */
export function isSeasonalAfterDifferencing(values: ArrayLike<number>, seasonLength: number): boolean {
  const m = Math.round(seasonLength);
  if (m <= 1 || values.length < 3 * m) return false;
  const d = winsorized(Float64Array.from({ length: values.length - 1 }, (_, t) => (values[t + 1] as number) - (values[t] as number)));
  const n = d.length;
  const r = autocorrelations(d, 2 * m);
  const atSeason = r[m - 1] as number;
  if (!(atSeason > 0)) return false;
  const qs = n * (n + 2) * (atSeason ** 2 / (n - m) + Math.max(0, r[2 * m - 1] as number) ** 2 / (n - 2 * m));
  return qs > QS_CRITICAL;
}

/**
 * Seasonal strength (Wang, Smith & Hyndman 2006, by classical decomposition): the share of the
 * detrended series' variance that its per-phase means explain, 1 − Var(remainder) / Var(detrended).
 * A strong, smooth season of many steps (a yearly wave in weekly sales) changes little from one
 * step to the next: seasonal naive then beats naive by little, and M4's bound, grown by the wave's
 * own autocorrelations, stays above r_m. Its strength shows it plainly (three years of a weekly
 * wave 7.5 times its noise: 0.96). With few seasons noise has strength too (about one over the
 * number of detrended seasons), so it counts only from {@link STRONG_SEASON} and three seasons.
 * @param values the series (finite values, already transformed)
 * @param seasonLength m, in steps (≥ 2; needs at least two seasons)
 * @returns a share in [0, 1]; 0 when the detrended series does not vary
 */
export function seasonalStrength(values: ArrayLike<number>, seasonLength: number): number {
  const m = Math.round(seasonLength);
  const trend = centredMovingAverage(values, m);
  // Uncentred phase means: centring them shifts every remainder by one constant, not its variance.
  const indices = phaseMeans(values, m, trend, (value, level) => value - level, 0);
  const detrended: number[] = [];
  const remainder: number[] = [];
  for (let t = 0; t < values.length; t++) {
    const level = trend[t] as number;
    if (Number.isNaN(level)) continue;
    detrended.push((values[t] as number) - level);
    remainder.push((values[t] as number) - level - (indices[t % m] as number));
  }
  const spread = variance(detrended);
  return spread > 0 ? Math.max(0, 1 - variance(remainder) / spread) : 0;
}

/**
 * Strength from which a season of at least three cycles is taken. Simulated (400 draws each, three
 * and four seasons of m = 7, 12, 24 and 52), the 99th percentile of white noise, random walks,
 * AR(1) with φ = 0.9, integrated random walks, level shifts and lone spikes was 0.89 at most;
 * waves of another period (30, 40, 70 or 104 steps for m = 52) scored 0.54 at most.
 */
export const STRONG_SEASON = 0.9;

/** Population variance. */
export function variance(values: number[]): number {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  return values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length;
}

/** χ²₂ at 1%. */
const QS_CRITICAL = 9.21;

/**
 * The differences clipped to their median ± {@link CLIP_SPREADS} robust standard deviations
 * (1.4826·MAD). A level shift is one huge difference; squared, it outweighs every seasonal swing
 * in the autocorrelations' denominator, and a monthly wave whose last three values fell by 60% was
 * taken for no season in 20 of 20 draws. Clipped, the shift still counts as a large step.
 */
function winsorized(d: Float64Array): Float64Array {
  const sorted = Float64Array.from(d).sort();
  const median = quantile(sorted, 0.5);
  const spread = 1.4826 * quantile(Float64Array.from(d, (v) => Math.abs(v - median)).sort(), 0.5);
  if (!(spread > 0)) return d;
  const lo = median - CLIP_SPREADS * spread;
  const hi = median + CLIP_SPREADS * spread;
  return d.map((v) => Math.min(hi, Math.max(lo, v)));
}

/** Far in a normal's tails (about 6 in 10 million), so noise keeps its own differences. */
const CLIP_SPREADS = 5;

/**
 * Additive seasonal indices by classical decomposition: centred moving average of order m
 * (2×m when m is even) as the trend, mean detrended value per phase, centred to sum 0.
 * @param values the series (finite values), oldest first
 * @param seasonLength m, in steps (≥ 2; needs at least two seasons)
 * @returns m indices; element j belongs to the phase of values[j]
 */
export function seasonalIndices(values: ArrayLike<number>, seasonLength: number): number[] {
  const indices = phaseMeans(values, seasonLength, centredMovingAverage(values, Math.round(seasonLength)), (value, level) => value - level, 0);
  const mean = indices.reduce((x, y) => x + y, 0) / indices.length;
  return indices.map((v) => v - mean);
}

/**
 * Multiplicative seasonal indices by classical decomposition (R's `decompose(type =
 * "multiplicative")`, which `thetaf` uses): mean ratio of each value to the centred moving average
 * per phase, scaled to average 1.
 * @param values the series (finite, positive values), oldest first
 * @param seasonLength m, in steps (≥ 2; needs at least two seasons)
 * @returns m ratios; element j belongs to the phase of values[j]
 */
export function seasonalRatios(values: ArrayLike<number>, seasonLength: number): number[] {
  const ratios = phaseMeans(values, seasonLength, centredMovingAverage(values, Math.round(seasonLength)), (value, level) => value / level, 1);
  const mean = ratios.reduce((x, y) => x + y, 0) / ratios.length;
  return ratios.map((v) => v / mean);
}

/** Per phase, the mean of `detrend(value, trend)` over the steps the trend covers (`empty` for a phase with none). */
function phaseMeans(values: ArrayLike<number>, seasonLength: number, trend: Float64Array, detrend: (value: number, level: number) => number, empty: number): number[] {
  const m = Math.round(seasonLength);
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  for (let t = 0; t < values.length; t++) {
    const level = trend[t] as number;
    if (Number.isNaN(level)) continue;
    sums[t % m] = (sums[t % m] as number) + detrend(values[t] as number, level);
    counts[t % m] = (counts[t % m] as number) + 1;
  }
  return sums.map((s, j) => ((counts[j] as number) > 0 ? s / (counts[j] as number) : empty));
}

/**
 * Centred moving average of order m, as classical decomposition takes it: over t − ⌊m/2⌋ … t + ⌊m/2⌋,
 * with half weights at both ends when m is even (the 2×m average).
 * @param values the series (finite values)
 * @param order m, in steps
 * @returns one value per step; NaN within ⌊m/2⌋ steps of either end
 */
export function centredMovingAverage(values: ArrayLike<number>, order: number): Float64Array {
  const n = values.length;
  const half = Math.floor(order / 2);
  const out = new Float64Array(n).fill(Number.NaN);
  for (let t = half; t < n - half; t++) {
    let sum = 0;
    if (order % 2 === 0) {
      for (let k = -half; k <= half; k++) sum += (values[t + k] as number) * (Math.abs(k) === half ? 0.5 : 1);
    } else {
      for (let k = -half; k <= half; k++) sum += values[t + k] as number;
    }
    out[t] = sum / order;
  }
  return out;
}
