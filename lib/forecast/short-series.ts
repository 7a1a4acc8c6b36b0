import { backtestMaseScale } from "../metrics";
import { scoreBacktest, toFolds, type BacktestPlan } from "./backtest";
import { fitBaselines, runBaselines } from "./baselines";
import { minimumLength, usableLength } from "./config";
import { calibrate, toFallbackScale, toIntervals } from "./conformal";
import { SeriesTooShortError } from "./errors";
import { countLeftOut, describeLeaveOut, leftOutIndices } from "./leave-out";
import { choosePreparation, cleanSeries, scoredValues, unscoredGaps } from "./prepare";
import { applyTransform, ceilingOf, isNonNegative, type OutputScale } from "./transform";
import { METHOD_LABELS, type BacktestMetrics, type IntervalForecast, type LeaveOutPeriod, type MethodName, type SeriesInput, type SeriesOutcome } from "./types";

/** Fewest values Theta is fitted on, in the forecast and at every backtest origin. */
export const SHORT_SERIES_MIN_FIT = 4;

/** The forecast for a series too short for the LSTM (Theta's, as a rule), with the evidence there is. */
export interface ShortSeriesForecast {
  name: string;
  /** Theta, unless a naive method beat it by far in the backtest (see {@link SHORT_SERIES_MARGIN}). */
  method: ShortMethod;
  forecast: IntervalForecast;
  /** Rolling-origin scores of that method refitted at every origin with a whole horizon after it (null: none has). */
  metrics: BacktestMetrics | null;
  /** Origins the intervals were calibrated on (partly observed horizons included). */
  origins: number;
  /** Why the LSTM was not trained, for the analyst. */
  reason: string;
  /**
   * The same result as a run's series outcome: Theta (or the naive method that beat it)
   * recommended, naive (and seasonal naive when a season fits before the first origin) forecast
   * and backtested on the same origins beside it.
   */
  outcome: SeriesOutcome;
}

export type ShortMethod = "theta" | "naive" | "snaive";

/**
 * A naive method replaces Theta only when its backtest MASE is below 30% of Theta's and lower in
 * both halves of the origins, the rule that keeps the LSTM in a full run (`chooseMargin`): with a
 * handful of origins it catches a broken fit (Theta's drift carried 48 steps through a turn scored
 * 8.3 against seasonal naive's 2.4), not a close call.
 */
const SHORT_SERIES_MARGIN = 0.7;

/**
 * The forecast for a series shorter than the LSTM and its backtest need ({@link minimumLength}):
 * Theta (SES plus half the linear drift, on the seasonally adjusted series when the season is
 * there), the classical method with the best record on short yearly and quarterly series (M3, M4).
 * Intervals are split-conformal, as for every other method, from each method refitted at every
 * origin that leaves at least {@link SHORT_SERIES_MIN_FIT} values before it (and a whole season,
 * when seasonal naive is judged); with so few origins they are wide rather than precise.
 * @param series name and values (oldest first; non-finite values are gaps)
 * @param horizon steps to forecast
 * @param seasonLength m in steps (1 = none)
 * @param leaveOut periods whose values are filled as gaps and not scored (needs `series.times`)
 * @param frequency the frequency label, for the periods in messages
 * @throws SeriesTooShortError below {@link SHORT_SERIES_MIN_FIT} + 1 usable values
 */
export function forecastShortSeries(series: SeriesInput, horizon: number, seasonLength: number, leaveOut?: LeaveOutPeriod[], frequency?: string): ShortSeriesForecast {
  const clean = cleanSeries(series.values, seasonLength, leftOutIndices(series, leaveOut));
  const values = clean.values;
  // Scores and interval residuals are taken against the values read, never a gap's or a left-out value's fill.
  const actual = scoredValues(clean);
  const n = values.length;
  const leftOut = countLeftOut(series, leaveOut, clean.offset);
  if (n < SHORT_SERIES_MIN_FIT + 1) {
    throw new SeriesTooShortError(series.name, n, SHORT_SERIES_MIN_FIT + 1, horizon, false, leftOut.length > 0 ? describeLeaveOut(leftOut, frequency) : undefined);
  }
  const asked = Math.max(1, Math.round(seasonLength));
  const methods = shortSeriesMethods(n, horizon, asked);
  // A season too long for seasonal naive is not modelled at all (Theta cannot judge it either), and said so.
  const withSeason = methods.includes("snaive");
  const m = withSeason ? asked : 1;
  const decided = choosePreparation(values, m, { transform: "auto", deseasonalize: "auto", cyclePeriod: 0, dampedTrend: false }, horizon);
  const z = applyTransform(values, decided.transform);
  const zActual = clean.filledAt.length > 0 ? applyTransform(actual, decided.transform) : z;
  const seasonal = decided.deseasonalize === "on";
  const ceiling = ceilingOf(values, series.upperBound);
  const scale: OutputScale = { transform: decided.transform, nonNegative: isNonNegative(values), ...(ceiling !== undefined ? { ceiling } : {}) };
  const fitAt = (origin: number) => runBaselines(z, fitBaselines(z, origin + 1, m, seasonal, decided.transform === "none"));

  const first = Math.max(SHORT_SERIES_MIN_FIT - 1, withSeason ? m - 1 : 0);
  const forecasts = Object.fromEntries(methods.map((method) => [method, [] as Float64Array[]])) as Record<ShortMethod, Float64Array[]>;
  const rows = Object.fromEntries(methods.map((method) => [method, [] as Float64Array[]])) as Record<ShortMethod, Float64Array[]>;
  for (let o = first; o < n - 1; o++) {
    const runner = fitAt(o);
    for (const method of methods) {
      const f = runner.forecast(method, o, horizon);
      forecasts[method].push(f);
      rows[method].push(Float64Array.from({ length: horizon }, (_, j) => (o + j + 1 < n ? (zActual[o + j + 1] as number) - (f[j] as number) : Number.NaN)));
    }
  }

  // Metrics only where a whole horizon was observed after the origin. The MASE scale comes from
  // the values before the first origin when they hold a season's differences, else from the whole
  // series (a handful of values has no in-sample error to scale by).
  const plan: BacktestPlan = { first, last: n - 1 - horizon };
  const scored = plan.last >= plan.first ? plan.last - plan.first + 1 : 0;
  const denominator = backtestMaseScale(actual, first, m);
  const metrics: Partial<Record<MethodName, BacktestMetrics>> = {};
  const halves: Partial<Record<ShortMethod, [number, number]>> = {};
  if (scored > 0) {
    for (const method of methods) {
      const scores = scoreBacktest(actual, zActual, scale, plan, forecasts[method].slice(0, scored), m, [], denominator);
      metrics[method] = scores.metrics;
      halves[method] = scores.maseByHalf;
    }
  }
  const chosen = scored >= 2 ? pickShortMethod(methods, metrics, halves) : "theta";
  const runner = fitAt(n - 1);
  const intervals = Object.fromEntries(
    methods.map((method) => [method, toIntervals(runner.forecast(method, n - 1, horizon), calibrate(rows[method], horizon, toFallbackScale(values, z)), scale)]),
  ) as Record<ShortMethod, IntervalForecast>;
  const refits = rows.theta.length;
  // Origins whose horizon runs past the end still calibrate the intervals on the steps they have.
  const scoredText = scored === 0 ? "; none leaves a whole horizon after it, so there are no backtest scores" : scored < refits ? `, ${scored} of them with a whole horizon after it to score` : "";
  const short = `Series "${series.name}" has ${n} usable values; the LSTM with a backtest needs ${minimumLength(horizon)} for ${horizon} steps, `;
  const fmt = (method: ShortMethod) => (metrics[method]?.mase ?? Number.NaN).toFixed(3);
  const reason =
    chosen === "theta"
      ? short +
        `so this is Theta's forecast (a classical method; its intervals come from refitting it at ${refits} earlier ${refits === 1 ? "origin" : "origins"}${scoredText}). ` +
        describeCloseCall(methods, metrics, n) +
        `A longer history or a shorter horizon gives the LSTM.`
      : short +
        `so a classical method's forecast is given: ${METHOD_LABELS[chosen]}, which beat Theta by far in the backtest (MASE ${fmt(chosen)} vs ${fmt("theta")}, better in both halves of ${scored} origins). ` +
        `A longer history or a shorter horizon gives the LSTM.`;
  // Every value after the first origin is an actual of some refit, scored or calibrating the intervals.
  const unscored = unscoredGaps(clean, first);
  const scoredForecasts = Object.fromEntries(methods.map((method) => [method, forecasts[method].slice(0, scored)]));
  return {
    name: series.name,
    method: chosen,
    forecast: intervals[chosen],
    metrics: metrics[chosen] ?? null,
    origins: rows.theta.length,
    reason,
    outcome: {
      name: series.name,
      forecasts: intervals,
      metrics,
      backtestOrigins: scored,
      folds: scored > 0 ? toFolds(actual, scale, plan, scoredForecasts, clean.offset) : [],
      chosen,
      chosenReason: reason,
      preprocessing: { transform: decided.transform, deseasonalized: seasonal, seasonLength: m, filled: clean.filled, ...(clean.filledWithSeason ? { filledWithSeason: true } : {}), ...(leftOut.length > 0 ? { leftOut } : {}), ...(unscored > 0 ? { unscoredGaps: unscored } : {}), ...(clean.missingAtEnd > 0 ? { missingAtEnd: clean.missingAtEnd } : {}), ...(m < asked ? { seasonDropped: asked } : {}) },
    },
  };
}

/**
 * The methods {@link forecastShortSeries} forecasts a series with: Theta and naive, and seasonal
 * naive when a whole season fits before its first origin with one scored horizon after it.
 * @param length usable values of the series
 * @param horizon steps to forecast
 * @param seasonLength m in steps (1 = none)
 */
export function shortSeriesMethods(length: number, horizon: number, seasonLength: number): ShortMethod[] {
  const m = Math.max(1, Math.round(seasonLength));
  return m > 1 && m - 1 + horizon <= length - 1 ? ["theta", "naive", "snaive"] : ["theta", "naive"];
}

/**
 * Why Theta stays recommended beside a naive method that scored better, not by far: the backtest
 * table marks that method "Best MASE", and without a word the recommendation read as a mistake.
 * @param length usable values of the series
 * @returns sentences and a space, or "" when Theta scored best (as written, to three decimals)
 */
function describeCloseCall(methods: ShortMethod[], metrics: Partial<Record<MethodName, BacktestMetrics>>, length: number): string {
  const fmt = (method: ShortMethod) => (metrics[method]?.mase ?? Number.NaN).toFixed(3);
  const better = methods.filter((method) => method !== "theta" && (metrics[method]?.mase ?? Number.NaN) < (metrics.theta?.mase ?? Number.NaN) && fmt(method) !== fmt("theta"));
  const best = better.sort((a, b) => (metrics[a]?.mase as number) - (metrics[b]?.mase as number))[0];
  if (!best) return "";
  return (
    `${METHOD_LABELS[best]} scored better in the backtest (MASE ${fmt(best)} vs ${fmt("theta")}), but Theta stays recommended unless another method's error is below ` +
    `${Math.round((1 - SHORT_SERIES_MARGIN) * 100)}% of Theta's and lower in both halves of the backtest: the earliest origins leave Theta only a few values to fit, where a naive method does best, and its forecast is fitted on all ${length}. ` +
    `Its forecast can be shown instead. `
  );
}

/** Theta, or the naive method that beat it by far and in both halves of the backtest. */
export function pickShortMethod(methods: ShortMethod[], metrics: Partial<Record<MethodName, BacktestMetrics>>, halves: Partial<Record<ShortMethod, [number, number]>>): ShortMethod {
  const theta = metrics.theta?.mase ?? Number.NaN;
  const [thetaEarly, thetaLate] = halves.theta ?? [Number.NaN, Number.NaN];
  let best: ShortMethod = "theta";
  for (const method of methods) {
    const mase = metrics[method]?.mase ?? Number.NaN;
    const [early, late] = halves[method] ?? [Number.NaN, Number.NaN];
    const clearly = mase < (1 - SHORT_SERIES_MARGIN) * theta && early < thetaEarly && late < thetaLate;
    if (method !== "theta" && clearly && (best === "theta" || mase < (metrics[best]?.mase ?? Number.NaN))) best = method;
  }
  return best;
}

/**
 * What a run does with a series of this many usable values: leave it out (fewer than any method
 * is fitted on), give it the classical forecast (too short for the LSTM and its backtest at this
 * horizon), or train the network on it. The training panel's preview and the run share it, so the
 * settings shown are the ones the network gets.
 * @param usable values from the first finite one on (gaps inside are interpolated), as {@link usableLength} counts
 * @param horizon steps to forecast
 */
export function planSeries(usable: number, horizon: number): "skip" | "classical" | "network" {
  if (usable < SHORT_SERIES_MIN_FIT + 1) return "skip";
  return usable < minimumLength(horizon) ? "classical" : "network";
}

/**
 * Whether a series is too short for the LSTM and its backtest at this horizon, so that
 * {@link forecastShortSeries} is the forecast there is.
 * @param values the series (oldest first; non-finite values are gaps)
 * @param horizon steps to forecast
 */
export function needsShortSeriesForecast(values: ArrayLike<number>, horizon: number): boolean {
  return planSeries(usableLength(values), horizon) !== "network";
}
