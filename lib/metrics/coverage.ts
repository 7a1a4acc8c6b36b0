/**
 * Empirical coverage of a prediction interval.
 * @param actual held-out values y
 * @param lower lower bounds, same length
 * @param upper upper bounds, same length
 * @returns share (0–1) of the finite actuals with lower ≤ y ≤ upper
 */
export function coverage(actual: ArrayLike<number>, lower: ArrayLike<number>, upper: ArrayLike<number>): number {
  let inside = 0;
  let count = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i] as number;
    if (!Number.isFinite(y)) continue;
    count++;
    if (y >= (lower[i] as number) && y <= (upper[i] as number)) inside++;
  }
  return count > 0 ? inside / count : Number.NaN;
}
