import type { TransformKind } from "./types";

/**
 * Picks the variance-stabilising transform: log when every value is positive and the spread of
 * the series grows with its level (multiplicative), none otherwise. The spread is the mean
 * absolute change over one season (one step without a season) within blocks of at least a
 * season, so that a seasonal pattern itself does not count as spread; a log–log slope of spread
 * on level above ½ (with at least a 1.5× range of levels) counts as multiplicative. When the
 * levels cannot tell (fewer than four blocks, or a steady level), the log is taken only for a
 * series that stays above a third of its median ({@link LOG_WITHOUT_EVIDENCE}): on such a range
 * the log is close to a straight line and changes little.
 * @param values finite values, oldest first
 * @param seasonLength m in steps (1 = none)
 */
export function chooseTransform(values: ArrayLike<number>, seasonLength: number): TransformKind {
  const n = values.length;
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) min = Math.min(min, values[i] as number);
  if (!(min > 0)) return "none";
  const lag = Math.max(1, Math.round(seasonLength));
  const b = Math.max(6, lag);
  const levels: number[] = [];
  const spreads: number[] = [];
  let blocks = 0;
  for (let start = lag; start + b <= n; start += b) {
    blocks++;
    let level = 0;
    let spread = 0;
    for (let t = start; t < start + b; t++) {
      level += values[t] as number;
      spread += Math.abs((values[t] as number) - (values[t - lag] as number));
    }
    if (spread > 0) {
      levels.push(Math.log(level / b));
      spreads.push(Math.log(spread / b));
    }
  }
  // Nothing changed from one season to the next (a constant or exactly repeating series): a log
  // would only add rounding to forecasts that can be exact.
  if (blocks > 0 && levels.length === 0) return "none";
  if (levels.length < 4) return withoutEvidence(values, min);
  const range = levels.reduce((a, v) => Math.max(a, v), -Infinity) - levels.reduce((a, v) => Math.min(a, v), Infinity);
  if (range < Math.log(1.5)) return withoutEvidence(values, min);
  const mx = levels.reduce((a, v) => a + v, 0) / levels.length;
  const my = spreads.reduce((a, v) => a + v, 0) / spreads.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < levels.length; i++) {
    sxy += ((levels[i] as number) - mx) * ((spreads[i] as number) - my);
    sxx += ((levels[i] as number) - mx) ** 2;
  }
  return sxy / sxx > 0.5 ? "log" : "none";
}

/**
 * Smallest share of its median a series may come down to and still be logged without evidence
 * that its swings grow with its level. A monthly temperature in °C whose winters neared 0 (min
 * 0.03 of the median) was logged: a winter's 0.3 against 1.0 became the largest change of the
 * series, and July's 95% band ran from 10 to 35 °C around 19. Of the benchmark series logged
 * without that evidence, the lowest share is 0.51 (the Nile's flow).
 */
const LOG_WITHOUT_EVIDENCE = 1 / 3;

function withoutEvidence(values: ArrayLike<number>, min: number): TransformKind {
  const sorted = Float64Array.from(values).sort();
  const median = sorted[sorted.length >> 1] as number;
  return min >= LOG_WITHOUT_EVIDENCE * median ? "log" : "none";
}

/** Applies a transform to every value (log of a non-positive value gives NaN). */
export function applyTransform(values: ArrayLike<number>, kind: TransformKind): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = kind === "log" ? Math.log(values[i] as number) : (values[i] as number);
  return out;
}

/** Inverts {@link applyTransform} for one value. */
export function invertTransform(value: number, kind: TransformKind): number {
  return kind === "log" ? Math.exp(value) : value;
}

/** How modelling-scale values map back to the analyst's scale. */
export interface OutputScale {
  transform: TransformKind;
  /** The history never went below 0 (counts, sales, demand): neither may a forecast or a bound. */
  nonNegative: boolean;
  /** A cap no forecast or bound may pass (100 for a share in percent); absent: none. */
  ceiling?: number;
}

/**
 * The cap of a series whose unit is percent and whose values all lie between 0 and 100 (a share,
 * a rate, an occupancy): without it, the bands of an uptime near 100% reached 100.26%. A percentage
 * that already went past 100 (a growth rate) has none.
 * @param unit the series' unit as read from the file (`%`), or null
 * @param values the history
 */
export function percentCeiling(unit: string | null | undefined, values: ArrayLike<number>): number | undefined {
  if (unit?.trim() !== "%") return undefined;
  let seen = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    if (!(v >= 0 && v <= 100)) return undefined;
    seen++;
  }
  return seen > 0 ? 100 : undefined;
}

/** The cap to apply: `upperBound` when no value went above it. */
export function ceilingOf(values: ArrayLike<number>, upperBound: number | undefined): number | undefined {
  if (upperBound === undefined) return undefined;
  for (let i = 0; i < values.length; i++) if ((values[i] as number) > upperBound) return undefined;
  return upperBound;
}

/** Whether every value is at least 0. */
export function isNonNegative(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!((values[i] as number) >= 0)) return false;
  return values.length > 0;
}

/** A modelling-scale value on the original scale: inverted, floored at 0 for a non-negative series and capped at its ceiling. */
export function toOriginalScale(value: number, scale: OutputScale): number {
  const v = invertTransform(value, scale.transform);
  if (scale.ceiling !== undefined && v > scale.ceiling) return scale.ceiling;
  return scale.nonNegative && v < 0 ? 0 : v;
}
