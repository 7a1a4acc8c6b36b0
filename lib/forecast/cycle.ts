import { isSeasonal } from "./seasonality";
import type { LongCycle } from "./types";

/** Most harmonics tried; a smooth yearly shape needs few, and more would follow the noise. */
const MAX_HARMONICS = 6;

/**
 * The length of a year in steps for frequencies whose yearly cycle is too long for a seasonal
 * smoothing, or 0 when there is none (monthly and quarterly years are ordinary seasons).
 * @param frequency frequency label of the request ("daily", "weekly", …)
 */
export function yearlyPeriod(frequency: string | undefined): number {
  switch (frequency) {
    case "daily":
      return 365.25;
    case "business-daily":
      return (365.25 * 5) / 7;
    case "weekly":
      return 365.25 / 7;
    default:
      return 0;
  }
}

/**
 * Whether a series repeats over `period` steps: the M4 seasonality test at the nearest whole lag
 * (which needs three cycles of history).
 * @param values the series on its modelling scale
 * @param period steps per cycle
 */
export function hasLongCycle(values: ArrayLike<number>, period: number): boolean {
  return period >= 2 && isSeasonal(values, Math.round(period));
}

/**
 * Fits the cycle by least squares, together with a straight line so that a trend is not taken
 * for part of the cycle; the number of harmonics (1 to 6) minimises AICc.
 * @param values the series on its modelling scale, oldest first (index 0 is step 0 of the cycle)
 * @param period steps per cycle
 */
export function fitLongCycle(values: ArrayLike<number>, period: number): LongCycle {
  const n = values.length;
  let best: { aicc: number; coefficients: number[] } | null = null;
  for (let k = 1; k <= MAX_HARMONICS; k++) {
    const p = 2 + 2 * k;
    if (n - p - 1 <= 0 || 2 * k >= period) break;
    const beta = leastSquares(n, p, (t, row) => {
      row[0] = 1;
      row[1] = t / n;
      for (let j = 1; j <= k; j++) {
        const angle = (2 * Math.PI * j * t) / period;
        row[2 * j] = Math.cos(angle);
        row[2 * j + 1] = Math.sin(angle);
      }
    }, values);
    if (!beta) break;
    let sse = 0;
    const row = new Float64Array(p);
    for (let t = 0; t < n; t++) {
      row[0] = 1;
      row[1] = t / n;
      let fit = beta[0]! + beta[1]! * row[1]!;
      for (let j = 1; j <= k; j++) {
        const angle = (2 * Math.PI * j * t) / period;
        fit += beta[2 * j]! * Math.cos(angle) + beta[2 * j + 1]! * Math.sin(angle);
      }
      sse += ((values[t] as number) - fit) ** 2;
    }
    const aicc = n * Math.log(Math.max(sse, 1e-300) / n) + 2 * p + (2 * p * (p + 1)) / (n - p - 1);
    if (!best || aicc < best.aicc) best = { aicc, coefficients: Array.from(beta.subarray(2)) };
  }
  return { period, coefficients: best?.coefficients ?? [] };
}

/** The cycle's value at step t (any t, also past the fitted data). */
export function cycleAt(cycle: LongCycle, t: number): number {
  let sum = 0;
  const K = cycle.coefficients.length / 2;
  for (let j = 1; j <= K; j++) {
    const angle = (2 * Math.PI * j * t) / cycle.period;
    sum += (cycle.coefficients[2 * j - 2] as number) * Math.cos(angle) + (cycle.coefficients[2 * j - 1] as number) * Math.sin(angle);
  }
  return sum;
}

/** Ordinary least squares by the normal equations (p is small); null when they are singular. */
function leastSquares(n: number, p: number, fill: (t: number, row: Float64Array) => void, y: ArrayLike<number>): Float64Array | null {
  const a = new Float64Array(p * p);
  const b = new Float64Array(p);
  const row = new Float64Array(p);
  for (let t = 0; t < n; t++) {
    fill(t, row);
    const v = y[t] as number;
    for (let i = 0; i < p; i++) {
      b[i] = b[i]! + row[i]! * v;
      for (let j = 0; j <= i; j++) a[i * p + j] = a[i * p + j]! + row[i]! * row[j]!;
    }
  }
  for (let i = 0; i < p; i++) for (let j = i + 1; j < p; j++) a[i * p + j] = a[j * p + i]!;
  // Gaussian elimination with partial pivoting.
  for (let c = 0; c < p; c++) {
    let pivot = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(a[r * p + c]!) > Math.abs(a[pivot * p + c]!)) pivot = r;
    if (Math.abs(a[pivot * p + c]!) < 1e-12 * n) return null;
    if (pivot !== c) {
      for (let j = 0; j < p; j++) [a[c * p + j], a[pivot * p + j]] = [a[pivot * p + j]!, a[c * p + j]!];
      [b[c], b[pivot]] = [b[pivot]!, b[c]!];
    }
    for (let r = c + 1; r < p; r++) {
      const f = a[r * p + c]! / a[c * p + c]!;
      if (f === 0) continue;
      for (let j = c; j < p; j++) a[r * p + j] = a[r * p + j]! - f * a[c * p + j]!;
      b[r] = b[r]! - f * b[c]!;
    }
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let j = i + 1; j < p; j++) s -= a[i * p + j]! * x[j]!;
    x[i] = s / a[i * p + i]!;
  }
  return x;
}
