import type { FrequencyKind } from "../time/frequency";
import { niceTicks } from "./nice-ticks";

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
 * The finest tick step for a series of each frequency: its own step. A monthly series zoomed to
 * two months had ticks on 7, 14, 21 and 28 July, times it has no values at.
 */
const MIN_STEP: Partial<Record<FrequencyKind, Step>> = {
  "half-hourly": { unit: "ms", size: 30 * MINUTE },
  hourly: { unit: "ms", size: HOUR },
  daily: { unit: "ms", size: DAY },
  "business-daily": { unit: "ms", size: DAY },
  weekly: { unit: "ms", size: DAY },
  monthly: { unit: "month", size: 1 },
  quarterly: { unit: "month", size: 3 },
  yearly: { unit: "month", size: 12 },
};

/**
 * Tick positions on calendar boundaries (whole years, quarters, months, days, hours) so labels
 * never repeat and fall where an analyst expects them.
 * @param min domain start, epoch ms
 * @param max domain end, epoch ms
 * @param target about how many ticks fit the chart's width
 * @param kind the series' frequency: ticks no closer than its step
 */
export function timeTicks(min: number, max: number, target = 8, kind?: FrequencyKind): number[] {
  if (!(max > min)) return [min];
  const span = max - min;
  const finest = approxMs(MIN_STEP[kind ?? "irregular"] ?? (STEPS[0] as Step));
  const steps = STEPS.filter((s) => approxMs(s) >= finest);
  const step = steps.find((s) => span / approxMs(s) <= target) ?? (STEPS[STEPS.length - 1] as Step);
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
export function timeTicksForWidth(from: number, to: number, width: number, kind?: FrequencyKind): number[] {
  const target = Math.max(2, Math.floor(width / TIME_TICK_SPACING));
  const inside = (ticks: number[]) => ticks.filter((t) => t >= from && t <= to);
  let ticks = inside(timeTicks(from, to, target, kind));
  // A span just over one step can hold a single boundary of it (a fortnight on a phone: one
  // Monday), and an axis with one date says nothing of its scale. A finer step, thinned to the
  // width, gives two or more.
  for (let finer = target + 1; ticks.length < 2 && finer <= 64 * target && to > from; finer *= 2) {
    const dense = inside(timeTicks(from, to, finer, kind));
    const every = Math.ceil(dense.length / target);
    ticks = dense.filter((_, i) => i % every === 0);
  }
  return ticks;
}

/** Width of an axis label, estimated (px): nothing is measured, so charts never force a layout. */
export function estimateLabelWidth(text: string, fontSize = 12): number {
  return text.length * fontSize * 0.62;
}

/**
 * Where to centre a time label so that it stays inside the chart: a tick at the first or last
 * time would otherwise hang half outside and be cut (`2024 Q` for 2024 Q2).
 * @param x the tick's position, px from the chart's left edge
 * @param chartWidth px
 */
export function clampLabelX(x: number, label: string, chartWidth: number, fontSize = 12): number {
  const half = estimateLabelWidth(label, fontSize) / 2;
  return Math.min(Math.max(x, half + 2), chartWidth - half - 2);
}

/**
 * Ticks of a chart's X axis `width` pixels wide: calendar ticks for dated series, round positions
 * for a series without times (the page's axis and the server-drawn chart share it).
 */
export function axisTicksForWidth(from: number, to: number, width: number, kind: FrequencyKind): number[] {
  if (kind !== "index") return timeTicksForWidth(from, to, width, kind);
  const target = Math.max(2, Math.floor(width / TIME_TICK_SPACING));
  // Positions 0, 1, … are labelled 1, 2, …: round labels, so ticks one before round numbers.
  return niceTicks(from + 1, to + 1, target)
    .map((n) => n - 1)
    .filter((t) => Number.isInteger(t) && t >= from && t <= to);
}
