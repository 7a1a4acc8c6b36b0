/**
 * In-sample mean absolute error of the seasonal naive forecast, the denominator of MASE.
 * @param insample training values, oldest first; NaN values (and differences touching them) are skipped
 * @param seasonLength lag m of the seasonal naive forecast (1 = naive), in steps
 * @returns mean |y_t − y_{t−m}| over the training rows, in the series' units; NaN when undefined
 */
export function maseScale(insample: ArrayLike<number>, seasonLength: number): number {
  const m = Math.max(1, Math.round(seasonLength));
  let sum = 0;
  let count = 0;
  for (let t = m; t < insample.length; t++) {
    const d = Math.abs((insample[t] as number) - (insample[t - m] as number));
    if (Number.isFinite(d)) {
      sum += d;
      count++;
    }
  }
  return count > 0 ? sum / count : Number.NaN;
}

/**
 * The MASE scale of a backtest: the in-sample seasonal-naive MAE of the values up to the first
 * origin, as M4 scales a holdout. When those values never changed (a flat start before the series
 * moved, or too few values for a season's difference), that scale is 0 or undefined and every
 * error would read as infinitely bad; the whole series' seasonal scale stands in, then its naive one.
 * @param values the series, oldest first
 * @param firstOrigin index of the last value the first backtest forecast uses
 * @param seasonLength m, in steps
 */
export function backtestMaseScale(values: Float64Array, firstOrigin: number, seasonLength: number): number {
  const usable = (s: number) => Number.isFinite(s) && s > 0;
  const before = maseScale(values.subarray(0, firstOrigin + 1), seasonLength);
  if (usable(before)) return before;
  const seasonal = maseScale(values, seasonLength);
  return usable(seasonal) ? seasonal : maseScale(values, 1);
}

/**
 * Mean absolute scaled error (Hyndman & Koehler 2006; M4 convention).
 * @param actual held-out values y, length h
 * @param forecast point forecasts f, same length
 * @param scale in-sample seasonal-naive MAE from {@link maseScale}, in the series' units
 * @returns mean |y − f| / scale over the pairs where both are finite (unitless)
 */
export function mase(actual: ArrayLike<number>, forecast: ArrayLike<number>, scale: number): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < actual.length; i++) {
    const e = Math.abs((actual[i] as number) - (forecast[i] as number));
    if (Number.isFinite(e)) {
      sum += e;
      count++;
    }
  }
  if (count === 0) return Number.NaN;
  // A perfectly flat (or perfectly periodic) history has scale 0: any real error is then
  // infinitely bad, none (up to float rounding) is perfect.
  if (scale === 0) {
    let magnitude = 0;
    for (let i = 0; i < actual.length; i++) magnitude = Math.max(magnitude, Math.abs(actual[i] as number) || 0);
    return sum / count <= 1e-9 * magnitude ? 0 : Number.POSITIVE_INFINITY;
  }
  return sum / count / scale;
}
