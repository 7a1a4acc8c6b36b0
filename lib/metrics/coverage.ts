/** Relative distance treated as equality: well above the rounding of the transforms a value goes through. */
const ROUNDING = 1e-9;

/**
 * Empirical coverage of a prediction interval.
 * @param actual held-out values y
 * @param lower lower bounds, same length
 * @param upper upper bounds, same length
 * @returns share (0–1) of the finite actuals with lower ≤ y ≤ upper, up to float rounding (an exact
 *   forecast's zero-width band holds a value it reproduced as 119.99999999999999)
 */
export function coverage(actual: ArrayLike<number>, lower: ArrayLike<number>, upper: ArrayLike<number>): number {
  let inside = 0;
  let count = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i] as number;
    if (!Number.isFinite(y)) continue;
    count++;
    const lo = lower[i] as number;
    const hi = upper[i] as number;
    const slack = ROUNDING * Math.max(Math.abs(y), Math.abs(lo), Math.abs(hi));
    if (y >= lo - slack && y <= hi + slack) inside++;
  }
  return count > 0 ? inside / count : Number.NaN;
}
