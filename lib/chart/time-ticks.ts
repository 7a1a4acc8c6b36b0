const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Step = { unit: "ms"; size: number } | { unit: "month"; size: number };

/** Candidate spacings between axis ticks, from a minute to a century. */
const STEPS: Step[] = [
  ...[1, 5, 15, 30].map((n) => ({ unit: "ms" as const, size: n * MINUTE })),
  ...[1, 3, 6, 12].map((n) => ({ unit: "ms" as const, size: n * HOUR })),
  ...[1, 2, 7, 14].map((n) => ({ unit: "ms" as const, size: n * DAY })),
  ...[1, 3, 6, 12, 24, 60, 120, 240, 600, 1200].map((n) => ({ unit: "month" as const, size: n })),
];

function approxMs(step: Step): number {
  return step.unit === "ms" ? step.size : step.size * 30.44 * DAY;
}

/**
 * Tick positions on calendar boundaries (whole years, quarters, months, days, hours) so labels
 * never repeat and fall where an analyst expects them.
 * @param min domain start, epoch ms
 * @param max domain end, epoch ms
 * @param target about how many ticks fit the chart's width
 */
export function timeTicks(min: number, max: number, target = 8): number[] {
  if (!(max > min)) return [min];
  const span = max - min;
  const step = STEPS.find((s) => span / approxMs(s) <= target) ?? (STEPS[STEPS.length - 1] as Step);
  const ticks: number[] = [];
  if (step.unit === "ms") {
    // Days and weeks start at midnight UTC; weeks on Mondays.
    let t = Math.ceil(min / step.size) * step.size;
    if (step.size === 7 * DAY) {
      t = Math.ceil(min / DAY) * DAY;
      while (new Date(t).getUTCDay() !== 1) t += DAY;
    }
    for (; t <= max; t += step.size) ticks.push(t);
    return ticks;
  }
  const start = new Date(min);
  let monthIndex = start.getUTCFullYear() * 12 + start.getUTCMonth();
  if (Date.UTC(Math.floor(monthIndex / 12), monthIndex % 12, 1) < min) monthIndex++;
  monthIndex = Math.ceil(monthIndex / step.size) * step.size;
  for (;;) {
    const t = Date.UTC(Math.floor(monthIndex / 12), monthIndex % 12, 1);
    if (t > max) break;
    ticks.push(t);
    monthIndex += step.size;
  }
  return ticks;
}

/** Room a time label takes with space around it (px): the longest, "28 Nov 13:00", is about 80 px. */
export const TIME_TICK_SPACING = 110;

/**
 * Time ticks inside [from, to] for an axis `width` pixels wide: one per TIME_TICK_SPACING px, at
 * least two (the page's Recharts axis and the server-drawn chart share it).
 */
export function timeTicksForWidth(from: number, to: number, width: number): number[] {
  const target = Math.max(2, Math.floor(width / TIME_TICK_SPACING));
  return timeTicks(from, to, target).filter((t) => t >= from && t <= to);
}
