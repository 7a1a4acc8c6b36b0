import { niceTicks } from "./nice-ticks";

/** A value axis with round ticks: the domain runs from the first tick to the last. */
export interface ValueAxis {
  domain: [number, number];
  ticks: number[];
}

/**
 * Round ticks (1, 2, 2.5 or 5 times a power of ten apart: 10K, 20K, not 8.5K, 17K) covering
 * [min, max], and a domain that ends on the first and last tick, so every drawn value lies inside
 * and the axis begins and ends on a labelled line.
 * @param min smallest value drawn (any unit)
 * @param max largest value drawn
 * @param target about how many ticks (a 340 px chart reads well with five)
 * @returns null when there is no finite value to scale
 */
export function toValueAxis(min: number, max: number, target = 5): ValueAxis | null {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) return null;
  // A flat line: a range around it, so it draws mid-chart between round ticks.
  const pad = max === min ? Math.abs(min) * 0.1 || 1 : 0;
  const lo = min - pad;
  const hi = max + pad;
  const ticks = niceTicks(lo, hi, target);
  const first = ticks[0];
  const second = ticks[1];
  if (first === undefined || second === undefined) return null;
  const step = second - first;
  // niceTicks may stop up to half a step below the top: one more keeps the top value on the chart.
  while ((ticks.at(-1) as number) < hi) ticks.push(Number(((ticks.at(-1) as number) + step).toPrecision(12)));
  return { domain: [first, ticks.at(-1) as number], ticks };
}

/**
 * The smallest and largest value in rows[start..end] under the given keys; a key may hold a number
 * or a [low, high] range (a band). Null, missing and non-finite values are skipped.
 * @returns [min, max], or null when no row in the range has a value
 */
export function toValueExtent<R extends object>(rows: readonly R[], keys: readonly (keyof R)[], start = 0, end = rows.length - 1): [number, number] | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  const take = (v: unknown) => {
    if (typeof v === "number" && Number.isFinite(v)) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  };
  for (let i = Math.max(0, start); i <= Math.min(end, rows.length - 1); i++) {
    const row = rows[i] as R;
    for (const key of keys) {
      const v = row[key];
      if (Array.isArray(v)) v.forEach(take);
      else take(v);
    }
  }
  return min <= max ? [min, max] : null;
}

/**
 * {@link toValueAxis} of the values in rows[start..end] under the given keys (see toValueExtent):
 * the axis of a chart's visible window.
 */
export function toRowsValueAxis<R extends object>(rows: readonly R[], keys: readonly (keyof R)[], start = 0, end = rows.length - 1, target = 5): ValueAxis | null {
  const extent = toValueExtent(rows, keys, start, end);
  return extent ? toValueAxis(extent[0], extent[1], target) : null;
}
