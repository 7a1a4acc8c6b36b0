/**
 * Round tick values covering [min, max] (1, 2, 2.5 or 5 times a power of ten apart), so a chart
 * can draw every tick without measuring labels for overlap.
 * @param target about how many ticks
 * @returns ascending ticks, the first ≤ min and the last within half a step of max, either side
 *   (toValueAxis adds one where it falls below)
 */
export function niceTicks(min: number, max: number, target = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (max <= min) return [min];
  const raw = (max - min) / Math.max(1, target);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let v = first; v < max + step * 0.5 && ticks.length < 100; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/**
 * Ticks for a log axis: the powers of ten covering [min, max] (min > 0), with 2 and 5 times them
 * when the range spans fewer than three decades.
 */
export function logTicks(min: number, max: number): number[] {
  if (!(min > 0) || !(max >= min)) return [];
  const lo = Math.floor(Math.log10(min));
  const hi = Math.ceil(Math.log10(max));
  const factors = hi - lo < 3 ? [1, 2, 5] : [1];
  const ticks: number[] = [];
  for (let p = lo; p <= hi; p++) for (const f of factors) ticks.push(Number((f * 10 ** p).toPrecision(12)));
  const inside = ticks.filter((t) => t >= min && t <= max);
  const below = ticks.filter((t) => t < min).at(-1);
  const above = ticks.find((t) => t > max);
  return [...(below === undefined ? [] : [below]), ...inside, ...(above === undefined ? [] : [above])];
}
