/**
 * Root mean squared error.
 * @param actual held-out values y
 * @param forecast point forecasts f, same length
 * @returns sqrt(mean (y − f)²) in the series' units, over the pairs where both are finite
 */
export function rmse(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < actual.length; i++) {
    const e = (actual[i] as number) - (forecast[i] as number);
    if (Number.isFinite(e)) {
      sum += e * e;
      count++;
    }
  }
  return count > 0 ? Math.sqrt(sum / count) : Number.NaN;
}
