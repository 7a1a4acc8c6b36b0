/**
 * Linear-interpolation quantile (R's type 7) of sorted values.
 * @param sorted finite values, ascending (at least one)
 * @param p the probability, 0 to 1 (0.5: the median)
 */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (h - lo) * (b - a);
}
