import { backtestMaseScale, coverage, mase, rmse, smape } from "../metrics";
import { calibrate, toFallbackScale, toIntervals } from "./conformal";
import { toOriginalScale, type OutputScale } from "./transform";
import type { BacktestFold, BacktestMetrics, Calibration, MethodName } from "./types";

/** Rolling origins of a backtest: every index from `first` to `last` (the last observation each forecast uses). */
export interface BacktestPlan {
  first: number;
  last: number;
}

/**
 * The rolling origins for a series of `length` values: the last origin leaves exactly one
 * horizon of actuals after it, and there are `origins` consecutive origins.
 * @param length number of (clean) values
 * @param horizon steps per forecast
 * @param origins number of rolling origins
 */
export function planBacktest(length: number, horizon: number, origins: number): BacktestPlan {
  const last = length - 1 - horizon;
  return { first: last - origins + 1, last };
}

export interface BacktestScores {
  metrics: BacktestMetrics;
  /** MASE over the earlier and the later half of the rolling origins (a consistency check). */
  maseByHalf: [number, number];
  /** Calibration from every origin, for the final forecast's intervals. */
  calibration: Calibration;
}

/**
 * Scores one method's rolling-origin forecasts. Point metrics pool every origin and step;
 * coverage is honest: intervals calibrated on the earlier half of the origins, checked on the
 * later half. The final calibration uses all origins.
 * @param values clean values on the original scale
 * @param z the same values on the modelling scale
 * @param scale the transform between them (and the floor of a non-negative series)
 * @param plan the rolling origins
 * @param forecasts modelling-scale forecasts, one per origin (origin order), each of length horizon
 * @param seasonLength m of the MASE scale
 * @param history residual rows from earlier in the history (see {@link historyResiduals}), added
 *   to the calibration set so that a calm backtest window does not make the intervals too narrow
 * @param denominator the MASE scale (default: {@link backtestMaseScale}, the in-sample seasonal-naive MAE before the first origin)
 */
export function scoreBacktest(
  values: Float64Array,
  z: Float64Array,
  scale: OutputScale,
  plan: BacktestPlan,
  forecasts: Float64Array[],
  seasonLength: number,
  history: Float64Array[] = [],
  denominator?: number,
): BacktestScores {
  const horizon = forecasts[0]?.length ?? 0;
  const maseDenominator = denominator ?? backtestMaseScale(values, plan.first, seasonLength);
  const actual: number[] = [];
  const predicted: number[] = [];
  const residuals: Float64Array[] = [];
  forecasts.forEach((f, k) => {
    const o = plan.first + k;
    const row = new Float64Array(horizon);
    for (let j = 1; j <= horizon; j++) {
      actual.push(values[o + j] as number);
      predicted.push(toOriginalScale(f[j - 1] as number, scale));
      row[j - 1] = (z[o + j] as number) - (f[j - 1] as number);
    }
    residuals.push(row);
  });
  const half = Math.floor(forecasts.length / 2);
  const split = half * horizon;
  // The fallback scale of each calibration sees only the values its residuals saw.
  const early = calibrate([...history, ...residuals.slice(0, Math.max(1, half))], horizon, toFallbackScale(values, z, plan.first + Math.max(1, half) + horizon));
  const lateActual: number[] = [];
  const late = { lower80: [] as number[], upper80: [] as number[], lower95: [] as number[], upper95: [] as number[] };
  for (let k = Math.max(1, half); k < forecasts.length; k++) {
    const o = plan.first + k;
    const band = toIntervals(forecasts[k] as Float64Array, early, scale);
    for (let j = 1; j <= horizon; j++) lateActual.push(values[o + j] as number);
    late.lower80.push(...band.lower80);
    late.upper80.push(...band.upper80);
    late.lower95.push(...band.lower95);
    late.upper95.push(...band.upper95);
  }
  return {
    metrics: {
      mase: mase(actual, predicted, maseDenominator),
      smape: smape(actual, predicted),
      rmse: rmse(actual, predicted),
      coverage80: coverage(lateActual, late.lower80, late.upper80),
      coverage95: coverage(lateActual, late.lower95, late.upper95),
    },
    maseByHalf: [mase(actual.slice(0, split), predicted.slice(0, split), maseDenominator), mase(actual.slice(split), predicted.slice(split), maseDenominator)],
    calibration: calibrate([...history, ...residuals], horizon, toFallbackScale(values, z)),
  };
}

/**
 * Residual rows of a forecaster at origins spread over the history before the backtest (at most
 * `count` of them, evenly strided, the latest last), on the modelling scale.
 * @param z values on the modelling scale
 * @param forecastAt forecast made at an origin, modelling scale
 * @param first earliest origin allowed (after the burn-in of the filters)
 * @param last latest origin allowed (its targets must end before the backtest's first origin)
 * @param horizon steps per row
 * @param count most rows
 */
export function historyResiduals(
  z: Float64Array,
  forecastAt: (origin: number) => ArrayLike<number>,
  first: number,
  last: number,
  horizon: number,
  count: number,
): Float64Array[] {
  if (last < first || count < 1) return [];
  const stride = Math.max(1, Math.ceil((last - first + 1) / count));
  const rows: Float64Array[] = [];
  for (let o = last; o >= first && rows.length < count; o -= stride) {
    const f = forecastAt(o);
    rows.push(Float64Array.from({ length: horizon }, (_, j) => (z[o + j + 1] as number) - (f[j] as number)));
  }
  return rows.reverse();
}

/**
 * The non-overlapping folds ending at the last value (origins last, last − h, …), oldest first.
 * @param values clean values on the original scale
 * @param scale the series' transform (and floor)
 * @param plan the rolling origins
 * @param forecasts modelling-scale forecasts per method, one per origin
 * @param offset leading values dropped by cleaning (added to the reported origins)
 */
export function toFolds(
  values: Float64Array,
  scale: OutputScale,
  plan: BacktestPlan,
  forecasts: Partial<Record<MethodName, Float64Array[]>>,
  offset: number,
): BacktestFold[] {
  const methods = Object.keys(forecasts) as MethodName[];
  const horizon = forecasts[methods[0] as MethodName]?.[0]?.length ?? 0;
  const folds: BacktestFold[] = [];
  for (let o = plan.last; horizon > 0 && o >= plan.first; o -= horizon) {
    const k = o - plan.first;
    const byMethod: Partial<Record<MethodName, number[]>> = {};
    for (const method of methods) {
      byMethod[method] = Array.from(forecasts[method]?.[k] as Float64Array, (v) => toOriginalScale(v, scale));
    }
    folds.unshift({ origin: o + offset, actual: Array.from(values.subarray(o + 1, o + 1 + horizon)), forecasts: byMethod });
  }
  return folds;
}
