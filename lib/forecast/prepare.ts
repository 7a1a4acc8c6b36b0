import { usableLength } from "./config";
import { blankAt } from "./leave-out";
import { slope } from "./baselines";
import { cycleAt, fitLongCycle, hasLongCycle, repeatsWeekly, weekLength, withoutCycle } from "./cycle";
import { chooseTrend, fitSmoothing, forecastSmoothing, runSmoothing, seasonAt } from "./exponential-smoothing";
import { quantile } from "./quantile";
import { centredMovingAverage, isSeasonal, isSeasonalAfterDifferencing, peaksAtSeason, seasonalStrength, STRONG_SEASON, variance } from "./seasonality";
import { applyTransform, ceilingOf, chooseTransform, isNonNegative, type OutputScale } from "./transform";
import type { ForecastConfig, LongCycle, SeriesInput, SmoothingModel, TransformKind } from "./types";
import { targetScale, type SeriesFrame } from "./windows";

/** A series with its missing values handled. */
export interface CleanSeries {
  /**
   * Values from the first finite one on; inner gaps interpolated (along the season when there is
   * a clear one, see {@link fillAlongSeason}), a missing tail carried forward.
   */
  values: Float64Array;
  /** Leading missing values dropped (index i of `values` is index offset + i of the input). */
  offset: number;
  /** Values filled in. */
  filled: number;
  /** The filled values follow the season's pattern rather than a straight line. */
  filledWithSeason: boolean;
  /** Indices (into `values`) of the values left out on purpose (ForecastConfig.leaveOut), filled like gaps. */
  leftOut: number[];
  /**
   * Indices (into `values`) of every filled value: gaps in the file and the values left out,
   * ascending. Nobody measured them: the backtest scores no forecast against them and takes
   * neither its MASE scale nor its interval residuals from them (see {@link scoredValues}).
   */
  filledAt: number[];
  /**
   * How many of the last values were missing (a column whose readings stopped before the file
   * ends): filled on from the last reading, so the forecast starts from a value nobody measured.
   */
  missingAtEnd: number;
}

/**
 * Drops leading missing values and fills the others: linear interpolation inside, last value
 * carried forward at the end, both on the seasonally adjusted values when the series has a clear
 * season of `seasonLength` steps (as R's `na.interp` fills seasonal series). Non-finite values
 * count as missing.
 * @param values raw values, oldest first; NaN = missing
 * @param seasonLength m in steps (1: no season)
 */
export function cleanSeries(values: ArrayLike<number>, seasonLength = 1, leftOut: readonly number[] = []): CleanSeries {
  const input = leftOut.length > 0 ? blankAt(values, leftOut) : values;
  const offset = input.length - usableLength(input);
  const raw = Float64Array.from({ length: input.length - offset }, (_, i) => input[offset + i] as number);
  const filledAt: number[] = [];
  raw.forEach((v, i) => {
    if (!Number.isFinite(v)) filledAt.push(i);
  });
  const linear = interpolateGaps(raw);
  const seasonal = filledAt.length > 0 ? fillAlongSeason(raw, linear, Math.round(seasonLength)) : null;
  return {
    values: seasonal ?? linear,
    offset,
    filled: filledAt.length,
    filledWithSeason: seasonal !== null,
    leftOut: leftOut.map((i) => i - offset).filter((i) => i >= 0),
    filledAt,
    missingAtEnd: missingAtEnd(raw),
  };
}

/** How many values at the end are missing (non-finite): 0 when the last one was read. */
export function missingAtEnd(values: ArrayLike<number>): number {
  let n = 0;
  while (n < values.length && !Number.isFinite(values[values.length - 1 - n] as number)) n++;
  return n;
}

/**
 * Whether a series whose last `missing` of `length` values are missing (its readings stopped before
 * the run's other series end) is left out of a run at `horizon`: every forecast step would follow
 * values carried on from its last reading. A series with no reading at all is the run's to refuse.
 */
export function stopsBeyondHorizon(missing: number, length: number, horizon: number): boolean {
  return missing > horizon && missing < length;
}

/**
 * The values a backtest may score against: the clean values with every filled one blank again,
 * gaps in the file as well as the values left out. A forecast judged against values filled from
 * the forecaster's own season scored itself, and one judged against a straight line across a
 * sensor dropout scored against a number nobody measured.
 */
export function scoredValues(clean: CleanSeries): Float64Array {
  return clean.filledAt.length === 0 ? clean.values : blankAt(clean.values, clean.filledAt);
}

/**
 * How many of the backtest's actuals (the values after its first origin) are filled gaps of the
 * file, which it does not score; values left out on purpose are not counted (the run names them).
 * @param firstOrigin index (into `clean.values`) of the last value the first backtest forecast uses
 */
export function unscoredGaps(clean: CleanSeries, firstOrigin: number): number {
  const leftOut = new Set(clean.leftOut);
  return clean.filledAt.filter((i) => i > firstOrigin && !leftOut.has(i)).length;
}

/** Fills non-finite values linearly between their finite neighbours, the last finite value carried forward after them. */
function interpolateGaps(raw: Float64Array): Float64Array {
  const out = new Float64Array(raw.length);
  let lastIndex = -1;
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i] as number;
    if (!Number.isFinite(v)) continue;
    if (lastIndex >= 0 && i - lastIndex > 1) {
      const from = out[lastIndex] as number;
      for (let k = lastIndex + 1; k < i; k++) out[k] = from + ((v - from) * (k - lastIndex)) / (i - lastIndex);
    }
    out[i] = v;
    lastIndex = i;
  }
  for (let k = lastIndex + 1; k < out.length; k++) out[k] = out[lastIndex] as number;
  return out;
}

/**
 * Share of the detrended variance the season must explain before gaps are filled along it. Noise
 * over three seasons reaches about 0.5 in a few draws (see {@link STRONG_SEASON}); a season that
 * weak changes a fill by less than the noise does.
 */
const FILL_SEASON_STRENGTH = 0.6;

/**
 * The gaps filled along the season: seasonal indices (ratios for a positive series, differences
 * otherwise: classical decomposition, medians per phase over the values read) are taken off, the
 * adjusted values interpolated, and the indices put back. A straight line across a year missing
 * from a monthly series had no season in it, and every method then fitted a season a quarter
 * weaker (seasonal naive scored 0.32 in the backtest of such a series, the network 0.84).
 * @param raw the values with gaps (non-finite)
 * @param linear the same, gaps filled linearly
 * @param m season length in steps
 * @returns the filled values, or null when there is no clear season to fill along
 */
function fillAlongSeason(raw: Float64Array, linear: Float64Array, m: number): Float64Array | null {
  const n = raw.length;
  if (m < 2 || n < 3 * m) return null;
  const read = (t: number) => Number.isFinite(raw[t] as number);
  let positive = true;
  let nonNegative = true;
  for (let t = 0; t < n; t++) {
    if (read(t) && (raw[t] as number) <= 0) positive = false;
    if (read(t) && (raw[t] as number) < 0) nonNegative = false;
  }
  const trend = centredMovingAverage(linear, m);
  const byPhase: number[][] = Array.from({ length: m }, () => []);
  for (let t = 0; t < n; t++) {
    const level = trend[t] as number;
    if (!read(t) || Number.isNaN(level) || (positive && level <= 0)) continue;
    (byPhase[t % m] as number[]).push(positive ? (raw[t] as number) / level : (raw[t] as number) - level);
  }
  if (byPhase.some((phase) => phase.length < 2)) return null;
  const medians = byPhase.map((phase) => quantile(Float64Array.from(phase).sort(), 0.5));
  const centre = medians.reduce((sum, v) => sum + v, 0) / m;
  const indices = medians.map((v) => (positive ? v / centre : v - centre));
  const detrended = byPhase.flat();
  // Medians and read values only, unlike seasonalStrength: a filled gap has no season to measure.
  const remainder = byPhase.flatMap((phase, j) => phase.map((v) => v - (medians[j] as number)));
  const spread = variance(detrended);
  if (!(spread > 0) || 1 - variance(remainder) / spread < FILL_SEASON_STRENGTH) return null;

  const index = (t: number) => indices[t % m] as number;
  const adjusted = raw.map((v, t) => (positive ? v / index(t) : v - index(t)));
  const filled = interpolateGaps(adjusted);
  const out = Float64Array.from(raw);
  for (let t = 0; t < n; t++) {
    if (read(t)) continue;
    const v = positive ? (filled[t] as number) * index(t) : (filled[t] as number) + index(t);
    // A series that never went below 0 (counts with zeros, on differences) is not filled below it.
    out[t] = nonNegative ? Math.max(v, 0) : v;
  }
  return out;
}

/**
 * The transform and whether to deseasonalise, decided once on the whole history and then fixed
 * for the backtest too: the seasonality test needs about three seasons, which the prefix before
 * the first backtest origin of a short series (e.g. 54 monthly values, h = 18) does not have, and
 * a season missed there is missed by every method in the final forecast as well.
 * @param values clean values (see {@link cleanSeries})
 * @param seasonLength m, in steps
 * @param config the run's transform and deseasonalize settings ("auto" decides from the data)
 * @param horizon steps ahead the forecast is for (judges a damped trend)
 * @param frequency the request's frequency: a week of daily data is tested as {@link repeatsWeekly} does
 */
export function choosePreparation(
  values: Float64Array,
  seasonLength: number,
  config: Pick<ForecastConfig, "transform" | "deseasonalize" | "cyclePeriod" | "dampedTrend">,
  horizon: number,
  frequency?: string,
): { transform: TransformKind; deseasonalize: "on" | "off"; cycle: "on" | "off"; dampedTrend: boolean } {
  const m = Math.round(seasonLength);
  const transform = config.transform === "auto" ? chooseTransform(values, m) : config.transform;
  let z = applyTransform(values, transform);
  const P = config.cyclePeriod;
  const cycle = P >= 2 && config.deseasonalize !== "off" && (config.deseasonalize === "on" ? z.length >= 2 * P : hasLongCycle(z, P, m));
  if (cycle) z = withoutCycle(z, fitLongCycle(z, P));
  const seasonal = m > 1 && config.deseasonalize !== "off" && (config.deseasonalize === "on" ? z.length >= 2 * m : seasonTest(z, m, frequency) && !isRoundedLine(values));
  const dampedTrend = config.dampedTrend === "auto" ? chooseTrend(z, { seasonLength: m, seasonal, horizon }) === "damped" : config.dampedTrend;
  return { transform, deseasonalize: seasonal ? "on" : "off", cycle: cycle ? "on" : "off", dampedTrend };
}

/**
 * The seasonality test for a season of m steps: the week test for a week of daily data; M4's
 * otherwise, or a season that repeats much better than the series persists, or QS's. M4's test compares the
 * autocorrelation at lag m with a bound that grows with the autocorrelations below it, which a
 * strong season makes large: three years of monthly means of a clean yearly wave (r₁₂ 0.68, bound
 * 0.94) were taken for no season, and every non-seasonal method then scored a MASE of 25 against
 * seasonal naive's 1.06. A trend or a jump in level hides a season from M4's test too, so the QS
 * test on the first differences may also say yes; and a strong smooth season of many steps, which
 * neither test nor seasonal naive's edge over naive shows, is taken by its strength.
 */
function seasonTest(z: Float64Array, m: number, frequency: string | undefined): boolean {
  if (m === weekLength(frequency)) return repeatsWeekly(z, m) ?? isSeasonal(z, m);
  return (
    (isSeasonal(z, m) && peaksAtSeason(z, m)) ||
    (z.length >= 2 * m && repeatsMuchBetter(z, m)) ||
    (z.length >= 3 * m && seasonalStrength(z, m) > STRONG_SEASON) ||
    isSeasonalAfterDifferencing(z, m)
  );
}

/**
 * Season-apart differences from which seasonal naive's edge over naive is read at
 * {@link SEASON_OVER_PERSISTENCE} with under three seasons of history. Two years of monthly values
 * give 12: M4's test, with 24 values, never said yes, and Theta forecast every 24- and 30-month
 * window of the benchmark's monthly series without its season. Simulated at 24 monthly values
 * (4,000 draws each), the edge says yes to 2.3% of white noise, 0.1% of random walks and 11.5% of
 * noise that flips sign from step to step.
 */
const MIN_SEASON_DIFFERENCES = 12;

/**
 * The edge needed with fewer differences (two to three seasons of quarterly values: 4 to 7). At
 * 0.6, 8 quarterly values took a season in 19% of white noise; at 0.3, in 3.0% of white noise,
 * 1.3% of random walks and 5.8% of sign-flipping noise (0.4%, 0.1% and 2.3% at 10 values).
 */
const FEW_DIFFERENCES_BOUND = 0.3;

/**
 * Last season's value plus the average change over a season misses by less than
 * {@link SEASON_OVER_PERSISTENCE} of what the last value plus the average step misses (in-sample
 * MAE of seasonal naive over naive, each with drift). Noise without a season scores about 1, a
 * random walk above 1. Of the benchmark's seasonal series and holdouts M4's test rejects, one
 * scores below (uk_lung_deaths, 36 values, 0.55) and the rest 0.65 or more. The drift keeps a
 * trend from hiding the season: seasonal naive alone carries a year's growth in every error, so
 * 42 months of Mauna Loa CO₂ (M4's shortest monthly length) scored 1.73 without it and 0.26 with.
 * Under three seasons it needs {@link MIN_SEASON_DIFFERENCES} season-apart differences or a
 * larger edge ({@link FEW_DIFFERENCES_BOUND}), and never reads fewer than 4 differences.
 */
function repeatsMuchBetter(z: Float64Array, m: number): boolean {
  const differences = z.length - m;
  if (differences < 4) return false;
  const bound = z.length >= 3 * m || differences >= MIN_SEASON_DIFFERENCES ? SEASON_OVER_PERSISTENCE : FEW_DIFFERENCES_BOUND;
  return errorWithDrift(z, m).error < bound * errorWithDrift(z, 1).error;
}

/**
 * Whether the values lie on a straight line up to the rounding of their written digits (at most
 * six decimals). Such a line has no season, but its rounding repeats every few steps (a slope of a
 * third, written to two decimals, rounds the same way every three), which the seasonality tests
 * on differences would take for one.
 */
function isRoundedLine(values: Float64Array): boolean {
  const n = values.length;
  if (n < 3) return false;
  const whole = (decimals: number) => values.every((v) => Math.abs(v * 10 ** decimals - Math.round(v * 10 ** decimals)) < 1e-6);
  let decimals = 0;
  while (decimals < 6 && !whole(decimals)) decimals++;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  // A unit as wide as the values' spread is not the precision they were written to: values of
  // 1e-7 are "whole" within the test's 1e-6, and a unit of 1 would make any of them a line.
  const unit = whole(decimals) && 10 ** -decimals <= (max - min) / 4 ? 10 ** -decimals : 0;
  const tolerance = Math.max(unit, 1e-9 * Math.max(Math.abs(min), Math.abs(max)));
  const tMean = (n - 1) / 2;
  const yMean = values.reduce((sum, v) => sum + v, 0) / n;
  const b = slope(values);
  return values.every((v, t) => Math.abs(v - (yMean + b * (t - tMean))) <= tolerance);
}

/** Mean of the lag-`lag` differences (drift) and their mean absolute deviation from it (finite ones only). */
function errorWithDrift(z: Float64Array, lag: number): { drift: number; error: number } {
  let sum = 0;
  let count = 0;
  for (let t = lag; t < z.length; t++) {
    const d = (z[t] as number) - (z[t - lag] as number);
    if (Number.isFinite(d)) {
      sum += d;
      count++;
    }
  }
  if (count === 0) return { drift: Number.NaN, error: Number.NaN };
  const drift = sum / count;
  let deviation = 0;
  for (let t = lag; t < z.length; t++) {
    const d = (z[t] as number) - (z[t - lag] as number);
    if (Number.isFinite(d)) deviation += Math.abs(d - drift);
  }
  return { drift, error: deviation / count };
}

/**
 * See {@link repeatsMuchBetter}. Simulated (4,000 runs each), it takes a season M4's test rejects in
 * white noise 8 times for 36 monthly values and 216 times for 12 quarterly ones (1 in 19); in noise
 * that flips sign from step to step (AR(1), φ = −0.5) 159 times for 36 monthly values; never in a
 * random walk with drift (42 monthly values). Without the drift the counts were 7, 167 and 150.
 */
const SEASON_OVER_PERSISTENCE = 0.6;

/** The normalisation of one series for the network, fitted on a prefix of it. */
export interface PreparedSeries {
  transform: TransformKind;
  /** Every value is at least 0, so forecasts and bounds are floored there (see {@link OutputScale}). */
  nonNegative: boolean;
  /** No value went above the series' upper bound, so forecasts and bounds are capped there. */
  ceiling?: number;
  deseasonalized: boolean;
  /** The long cycle (a week of hourly data, a year of daily data) removed before the smoothing (null: none). */
  cycle: LongCycle | null;
  /** Level, damped trend and season filter: normalises the windows and gives the base forecast. */
  smoothing: SmoothingModel;
  frame: SeriesFrame;
}

/** Settings that fix a preparation instead of estimating it (a saved model's). */
export interface FixedPreparation {
  transform: TransformKind;
  deseasonalized: boolean;
  cycle: LongCycle | null;
  smoothing: SmoothingModel;
  scale: number;
}

/**
 * Fits the normalisation of a series on its first `fitEnd` values and applies it to all of them:
 * transform (log for positive multiplicative series), seasonality test, exponential smoothing of
 * level and season, and the scale of the normalised targets.
 * @param values clean values (see {@link cleanSeries})
 * @param options.seasonLength m, in steps
 * @param options.fitEnd number of leading values the estimates may use
 * @param options.lookback and options.horizon window sizes (for the scale)
 * @param options.fixed reuse a saved preparation instead of estimating one
 */
export function prepareSeries(
  values: Float64Array,
  options: {
    seasonLength: number;
    fitEnd: number;
    lookback: number;
    horizon: number;
    transform: ForecastConfig["transform"];
    deseasonalize: ForecastConfig["deseasonalize"];
    /** Remove a long cycle of this many steps (see {@link choosePreparation}); 0 or absent: none. */
    cyclePeriod?: number;
    /** Damped trend in the smoothing (default true). */
    dampedTrend?: boolean;
    fixed?: FixedPreparation;
    /** The series' {@link SeriesInput.upperBound}. */
    upperBound?: number;
  },
): PreparedSeries {
  const m = Math.round(options.seasonLength);
  const head = values.subarray(0, options.fitEnd);
  const transform =
    options.fixed?.transform ?? (options.transform === "auto" ? chooseTransform(head, m) : options.transform);
  const z = applyTransform(values, transform);
  const period = options.cyclePeriod ?? 0;
  const cycle = options.fixed ? options.fixed.cycle : period >= 2 ? fitLongCycle(z.subarray(0, options.fitEnd), period) : null;
  // The smoothing and the network see the deviation from the usual time of year.
  const y = cycle ? withoutCycle(z, cycle) : z;
  const yHead = y.subarray(0, options.fitEnd);
  const deseasonalized =
    options.fixed?.deseasonalized ??
    (m > 1 &&
      options.deseasonalize !== "off" &&
      (options.deseasonalize === "on" ? yHead.length >= 2 * m : seasonTest(yHead, m, undefined)));
  const smoothing = options.fixed?.smoothing ?? fitSmoothing(yHead, { seasonLength: m, seasonal: deseasonalized, trend: options.dampedTrend === false ? "none" : "damped" });
  const states = runSmoothing(y, smoothing);
  // The smoothing's forecasts, computed once per origin on demand (windows ask step by step).
  let cachedOrigin = -1;
  let cached: Float64Array = new Float64Array(0);
  const baseForecast = (origin: number, step: number): number => {
    if (origin !== cachedOrigin || step > cached.length) {
      cached = forecastSmoothing(states, smoothing, origin, Math.max(step, options.horizon));
      if (cycle) for (let j = 0; j < cached.length; j++) cached[j] = (cached[j] as number) + cycleAt(cycle, origin + j + 1);
      cachedOrigin = origin;
    }
    return cached[step - 1] as number;
  };
  const adjusted = new Float64Array(z.length);
  for (let t = 0; t < z.length; t++) adjusted[t] = (y[t] as number) - seasonAt(states, smoothing, t - 1, 1);
  const partial = {
    z,
    adjusted,
    level: states.level,
    base: (origin: number, step: number) => baseForecast(origin, step),
  };
  let scale = options.fixed?.scale;
  if (scale === undefined) {
    const origins: number[] = [];
    for (let o = options.lookback - 1; o + options.horizon < options.fitEnd; o++) origins.push(o);
    if (origins.length === 0) origins.push(Math.max(0, options.fitEnd - 1 - options.horizon));
    scale = targetScale(partial, origins, options.horizon);
  }
  const ceiling = ceilingOf(values, options.upperBound);
  return { transform, nonNegative: isNonNegative(values), ...(ceiling !== undefined ? { ceiling } : {}), deseasonalized, cycle, smoothing, frame: { ...partial, scale, differenceLag: deseasonalized ? m : 1 } };
}

