import { scoreBacktest } from "./backtest";
import { fitBaselines, runBaselines } from "./baselines";
import { minimumLength } from "./config";
import { calibrate, toIntervals } from "./conformal";
import { SeriesTooShortError } from "./errors";
import { choosePreparation, cleanSeries } from "./prepare";
import { applyTransform, isNonNegative, type OutputScale } from "./transform";
import type { BacktestMetrics, IntervalForecast } from "./types";

/** Fewest values Theta is fitted on, in the forecast and at every backtest origin. */
export const SHORT_SERIES_MIN_FIT = 4;

/** Theta's forecast for a series too short for the LSTM, with the evidence there is. */
export interface ShortSeriesForecast {
  name: string;
  method: "theta";
  forecast: IntervalForecast;
  /** Rolling-origin scores of Theta refitted at every origin with a whole horizon after it (null: none has). */
  metrics: BacktestMetrics | null;
  /** Origins the intervals were calibrated on (partly observed horizons included). */
  origins: number;
  /** Why the LSTM was not trained, for the analyst. */
  reason: string;
}

/**
 * The forecast for a series shorter than the LSTM and its backtest need ({@link minimumLength}):
 * Theta (SES plus half the linear drift, on the seasonally adjusted series when the season is
 * there), the classical method with the best record on short yearly and quarterly series (M3, M4).
 * Intervals are split-conformal, as for every other method, from Theta refitted at every origin
 * that leaves at least {@link SHORT_SERIES_MIN_FIT} values before it; with so few origins they
 * are wide rather than precise.
 * @param series name and values (oldest first; non-finite values are gaps)
 * @param horizon steps to forecast
 * @param seasonLength m in steps (1 = none)
 * @throws SeriesTooShortError below {@link SHORT_SERIES_MIN_FIT} + 1 usable values
 */
export function forecastShortSeries(series: { name: string; values: ArrayLike<number> }, horizon: number, seasonLength: number): ShortSeriesForecast {
  const clean = cleanSeries(series.values);
  const values = clean.values;
  const n = values.length;
  if (n < SHORT_SERIES_MIN_FIT + 1) throw new SeriesTooShortError(series.name, n, SHORT_SERIES_MIN_FIT + 1, horizon);
  const m = Math.max(1, Math.round(seasonLength));
  const decided = choosePreparation(values, m, { transform: "auto", deseasonalize: "auto", cyclePeriod: 0, dampedTrend: false }, horizon);
  const z = applyTransform(values, decided.transform);
  const seasonal = decided.deseasonalize === "on";
  const scale: OutputScale = { transform: decided.transform, nonNegative: isNonNegative(values) };
  const thetaAt = (origin: number, steps: number) => runBaselines(z, fitBaselines(z, origin + 1, m, seasonal)).forecast("theta", origin, steps);

  const first = SHORT_SERIES_MIN_FIT - 1;
  const forecasts: Float64Array[] = [];
  const rows: Float64Array[] = [];
  for (let o = first; o < n - 1; o++) {
    const f = thetaAt(o, horizon);
    forecasts.push(f);
    rows.push(Float64Array.from({ length: horizon }, (_, j) => (o + j + 1 < n ? (z[o + j + 1] as number) - (f[j] as number) : Number.NaN)));
  }
  // Metrics only where a whole horizon was observed after the origin.
  const last = n - 1 - horizon;
  const metrics: BacktestMetrics | null = last >= first ? scoreBacktest(values, z, scale, { first, last }, forecasts.slice(0, last - first + 1), m).metrics : null;
  return {
    name: series.name,
    method: "theta",
    forecast: toIntervals(thetaAt(n - 1, horizon), calibrate(rows, horizon), scale),
    metrics,
    origins: rows.length,
    reason:
      `Series "${series.name}" has ${n} usable values; the LSTM with a backtest needs ${minimumLength(horizon)} for ${horizon} steps, ` +
      `so this is Theta's forecast (a classical method; its intervals come from refitting it at ${rows.length} earlier origins). ` +
      `A longer history or a shorter horizon gives the LSTM.`,
  };
}

/**
 * Whether a series is too short for the LSTM and its backtest at this horizon, so that
 * {@link forecastShortSeries} is the forecast there is.
 * @param values the series (oldest first; non-finite values are gaps)
 * @param horizon steps to forecast
 */
export function needsShortSeriesForecast(values: ArrayLike<number>, horizon: number): boolean {
  return cleanSeries(values).values.length < minimumLength(horizon);
}
