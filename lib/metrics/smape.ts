/**
 * Symmetric mean absolute percentage error, M4 definition.
 * @param actual held-out values y
 * @param forecast point forecasts f, same length
 * @returns mean of 200·|y − f| / (|y| + |f|) in percent (0–200); pairs with y = f = 0 count as 0
 */
export function smape(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i] as number;
    const f = forecast[i] as number;
    if (!Number.isFinite(y) || !Number.isFinite(f)) continue;
    const denominator = Math.abs(y) + Math.abs(f);
    sum += denominator === 0 ? 0 : (200 * Math.abs(y - f)) / denominator;
    count++;
  }
  return count > 0 ? sum / count : Number.NaN;
}
