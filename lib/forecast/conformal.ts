import { isIntermittent } from "./intermittent";
import { applyTransform, toOriginalScale, type OutputScale } from "./transform";
import type { Calibration, IntervalForecast } from "./types";

/**
 * Split-conformal calibration from backtest residuals, normalised per horizon step: sigma_j is the
 * mean absolute residual of step j made non-decreasing in j (pool-adjacent-violators), and q80/q95
 * are the finite-sample conformal quantiles of |e|/sigma_j pooled over all steps and origins.
 * Intervals are then ẑ_j ± q·sigma_j on the modelling scale: they widen with the horizon and
 * follow the level when the series is logged.
 * @param residuals one row per backtest origin, one column per step (actual − forecast on the
 *   modelling scale); NaN where the actual is not known
 * @param horizon steps per row
 * @param fallbackScale the error scale one step ahead when the residuals have none (see
 *   {@link toFallbackScale}; modelling scale; 0: none)
 */
export function calibrate(residuals: ArrayLike<number>[], horizon: number, fallbackScale = 0): Calibration {
  const sums = new Float64Array(horizon);
  const counts = new Float64Array(horizon);
  for (const row of residuals) {
    for (let j = 0; j < horizon; j++) {
      const e = row[j] as number;
      if (Number.isFinite(e)) {
        sums[j] = (sums[j] as number) + Math.abs(e);
        counts[j] = (counts[j] as number) + 1;
      }
    }
  }
  const raw = Array.from(sums, (s, j) => ((counts[j] as number) > 0 ? s / (counts[j] as number) : Number.NaN));
  // Steps no residual reached (a short series' later steps) grow from the last known one as a
  // random walk's error does, with the square root of the step: copying it flat made a 5-value
  // series' bands no wider three steps ahead than one.
  let known = -1;
  for (let j = 0; j < horizon; j++) {
    if (Number.isFinite(raw[j] as number)) known = j;
    else if (known >= 0) raw[j] = (raw[known] as number) * Math.sqrt((j + 1) / (known + 1));
  }
  const sigma = nonDecreasing(raw, Array.from(counts, (c) => Math.max(c, 1)));
  const floor = Math.max(1e-12, 1e-9 * sigma.reduce((max, s) => (Number.isFinite(s) ? Math.max(max, s) : max), 0));
  for (let j = 0; j < horizon; j++) sigma[j] = Number.isFinite(sigma[j] as number) ? Math.max(sigma[j] as number, floor) : floor;
  const scores = toScores(residuals, sigma, horizon);
  const q80 = conformalQuantile(scores, 0.8) ?? 1.28 * 1.25;
  // Under 19 scores the 95% rank is past the largest score, and the stretched largest score was
  // about q80 (a 5-value series at h = 3; 30 years of months at h = 1: 1.17·q80), so both bands
  // came out the same. There the 95% band is at least the 80% one widened by the ratio of the
  // normal quantiles (1.96 / 1.2816 = 1.53); heavier tails would need more, so it is a floor.
  const q95 = Math.max(conformalQuantile(scores, 0.95) ?? 0, q80, lacksRank(scores.length, 0.95) ? q80 * (NORMAL_Z95 / NORMAL_Z80) : 0);
  // At least 80% of the errors (all but) exactly 0: the method repeated a stretch where the series
  // did not move (60 months of 100, then 110 as the last value), so the backtest says the method
  // is certain and the bands have width 0 (the network's, nearly 0), while the series has just
  // moved. The errors carry no scale then, and the bands fall back to the naive method's textbook
  // interval (a random walk: ±z·s·√j, s the standard deviation of the one-step changes over the
  // whole history, the last one included), the least a forecast of a series that moves like this
  // one is unsure by. "All but 0" is below 1% of s: the network reproduces a flat stretch to
  // about 0.1% of it, and a method that learned a moving series' pattern misses by more than 1%.
  if (fallbackScale > 0 && negligible(residuals, horizon, 0.01 * fallbackScale)) {
    const floored = sigma.map((v, j) => Math.max(v, fallbackScale * Math.sqrt(j + 1)));
    const rescored = toScores(residuals, floored, horizon);
    const z80 = Math.max(conformalQuantile(rescored, 0.8) ?? 0, NORMAL_Z80);
    return { sigma: floored, q80: z80, q95: Math.max(conformalQuantile(rescored, 0.95) ?? 0, NORMAL_Z95, z80, lacksRank(rescored.length, 0.95) ? z80 * (NORMAL_Z95 / NORMAL_Z80) : 0) };
  }
  return { sigma, q80, q95 };
}

/** |error| / scale of its step for every known error, ascending. */
function toScores(residuals: ArrayLike<number>[], scale: number[], horizon: number): number[] {
  const scores: number[] = [];
  for (const row of residuals) {
    for (let j = 0; j < horizon; j++) {
      const e = row[j] as number;
      if (Number.isFinite(e)) scores.push(Math.abs(e) / (scale[j] as number));
    }
  }
  return scores.sort((a, b) => a - b);
}

/** Whether at least 80% of the known errors are within `tolerance` of 0. */
function negligible(residuals: ArrayLike<number>[], horizon: number, tolerance: number): boolean {
  const scores = toScores(residuals, new Array<number>(horizon).fill(tolerance), horizon);
  return scores.length > 0 && (scores[Math.ceil(0.8 * scores.length) - 1] as number) <= 1;
}

/** Two-sided normal quantiles of the 80% and 95% intervals. */
const NORMAL_Z80 = 1.2816;
const NORMAL_Z95 = 1.96;

/**
 * The scale {@link calibrate} falls back on when a method's backtest errors are all but exactly 0:
 * the standard deviation of the one-step changes of `z` (the naive method's residuals), or 0 for an
 * intermittent series, whose exact zeros are its demand (a slow item's 80% band of [0, 0] is right).
 * @param values the series on its own scale (for the intermittency test)
 * @param z the same values on the modelling scale; only the first `end` are used
 * @param end how many values of the history the calibration may see
 */
export function toFallbackScale(values: ArrayLike<number>, z: ArrayLike<number>, end = z.length): number {
  if (isIntermittent(values)) return 0;
  let sum = 0;
  let count = 0;
  for (let t = 1; t < Math.min(end, z.length); t++) {
    const d = (z[t] as number) - (z[t - 1] as number);
    if (Number.isFinite(d)) {
      sum += d * d;
      count++;
    }
  }
  return count > 0 ? Math.sqrt(sum / count) : 0;
}

/**
 * The ⌈(n+1)·level⌉-th smallest score (the split-conformal quantile); when there are too few
 * scores for that, the largest score stretched by a normal-tail factor; undefined without scores.
 */
function conformalQuantile(sorted: number[], level: number): number | undefined {
  const n = sorted.length;
  if (n === 0) return undefined;
  const rank = Math.ceil((n + 1) * level);
  if (rank <= n) return sorted[rank - 1];
  return (sorted[n - 1] as number) * (1 + (rank - n) / n);
}

/** Whether `n` scores are too few for the split-conformal quantile at `level` (its rank is past the largest). */
function lacksRank(n: number, level: number): boolean {
  return Math.ceil((n + 1) * level) > n;
}

/** Weighted isotonic (non-decreasing) regression by pool-adjacent-violators. */
function nonDecreasing(values: number[], weights: number[]): number[] {
  const blocks: { value: number; weight: number; size: number }[] = [];
  values.forEach((value, i) => {
    if (!Number.isFinite(value)) {
      blocks.push({ value, weight: 0, size: 1 });
      return;
    }
    blocks.push({ value, weight: weights[i] as number, size: 1 });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1] as (typeof blocks)[number];
      const prev = blocks[blocks.length - 2] as (typeof blocks)[number];
      if (!Number.isFinite(prev.value) || prev.value <= last.value) break;
      const weight = prev.weight + last.weight;
      blocks.splice(blocks.length - 2, 2, {
        value: (prev.value * prev.weight + last.value * last.weight) / weight,
        weight,
        size: prev.size + last.size,
      });
    }
  });
  return blocks.flatMap((b) => new Array<number>(b.size).fill(b.value));
}

/**
 * Builds the 80% and 95% intervals of a forecast from a calibration.
 * @param forecast point forecast on the modelling scale, one value per step
 * @param calibration from {@link calibrate} (at least as many steps as the forecast)
 * @param scale the series' transform (and floor); bounds are mapped back to the original scale.
 *   A series that never went below 0 and is forecast below it (a decline extrapolated past 0)
 *   has its bands around the floored forecast: from 0 up by the usual width, not squeezed to a
 *   zero-width band that claims the value is certainly 0. A forecast past the series' ceiling
 *   (100 for a share in percent) likewise has its bands below the ceiling.
 */
export function toIntervals(forecast: ArrayLike<number>, calibration: Calibration, scale: OutputScale): IntervalForecast {
  const out: IntervalForecast = { mean: [], lower80: [], upper80: [], lower95: [], upper95: [] };
  const cap = scale.ceiling !== undefined ? applyTransform([scale.ceiling], scale.transform)[0] : undefined;
  for (let j = 0; j < forecast.length; j++) {
    const raw = forecast[j] as number;
    const z = cap !== undefined && raw > cap ? cap : scale.nonNegative && scale.transform === "none" && raw < 0 ? 0 : raw;
    const s = calibration.sigma[Math.min(j, calibration.sigma.length - 1)] as number;
    out.mean.push(toOriginalScale(z, scale));
    out.lower80.push(toOriginalScale(z - calibration.q80 * s, scale));
    out.upper80.push(toOriginalScale(z + calibration.q80 * s, scale));
    out.lower95.push(toOriginalScale(z - calibration.q95 * s, scale));
    out.upper95.push(toOriginalScale(z + calibration.q95 * s, scale));
  }
  return out;
}
