import type { MethodName } from "./types";

/**
 * The methods whose forecasts the combination takes the per-step median of: the LSTM and the two
 * smoothing baselines. A median of three is the M4 lesson in its most robust form: it follows the
 * two that agree, so one member gone wrong on a series (a network that learned a wrong turn, a
 * theta drift that does not fit) cannot drag the forecast away.
 */
export const COMBINED_METHODS = ["lstm", "holt_winters", "theta"] as const satisfies readonly MethodName[];

/**
 * Per-step median of several forecasts (or of their residual rows: the median commutes with
 * `actual − forecast`, so the residuals of the combination are the median of the members').
 * @param members forecasts of the same length, one value per horizon step (any scale)
 * @returns the median at every step; NaN where no member is finite
 */
export function combineForecasts(members: ArrayLike<number>[]): Float64Array {
  const horizon = members[0]?.length ?? 0;
  const out = new Float64Array(horizon);
  for (let j = 0; j < horizon; j++) {
    const values = members.map((f) => f[j] as number).filter(Number.isFinite).sort((a, b) => a - b);
    const n = values.length;
    out[j] = n === 0 ? Number.NaN : n % 2 === 1 ? (values[(n - 1) / 2] as number) : ((values[n / 2 - 1] as number) + (values[n / 2] as number)) / 2;
  }
  return out;
}
