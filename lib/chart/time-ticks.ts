import type { FrequencyKind } from "../time/frequency";
import { formatTimeTick, toFrequencyKind, type TimeLabelKind } from "./format-time-label";
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

/** Calendar ticks of one step inside [min, max] (epoch ms): days at midnight UTC, weeks on Mondays, months on the 1st. */
function stepTicks(min: number, max: number, step: Step): number[] {
  const ticks: number[] = [];
  if (step.unit === "ms") {
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

/** The steps a series of this frequency may be ticked by, finest first. */
function stepsFor(kind: FrequencyKind | undefined): Step[] {
  const finest = approxMs(MIN_STEP[kind ?? "irregular"] ?? (STEPS[0] as Step));
  return STEPS.filter((s) => approxMs(s) >= finest);
}

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
  const step = stepsFor(kind).find((s) => span / approxMs(s) <= target) ?? (STEPS[STEPS.length - 1] as Step);
  return stepTicks(min, max, step);
}

/**
 * Space kept between neighbouring time labels (px). With the longest label ("28 Nov 13:00",
 * about 90 px as estimated) that is about the 110 px per tick every label used to get; "2010"
 * needs 50.
 */
export const TIME_LABEL_GAP = 20;

/** Where a time axis lies in its chart, so that its outermost labels can use the room beside it. */
export interface AxisPlacement {
  /** The axis's left end, px from the chart's left edge (the value axis is left of it). */
  left: number;
  /** The whole chart's width, px: labels are kept whole inside it (clampLabelX). */
  chartWidth: number;
}

/**
 * Whether the labels of `ticks`, written and placed as the axis draws them (formatTimeTick,
 * clampLabelX), stay TIME_LABEL_GAP apart and each differs from the one before: the first and last
 * are pulled inwards at the chart's edges, which can bring them onto their neighbours.
 */
function labelsFit(ticks: number[], from: number, to: number, width: number, style: TimeLabelKind, placement: AxisPlacement): boolean {
  let previousEnd = Number.NEGATIVE_INFINITY;
  let previous = "";
  for (const t of ticks) {
    const label = formatTimeTick(t, style, to - from);
    // Over more than three days a label names the day only: six-hourly ticks read `27 Mar` four times.
    if (label === previous) return false;
    previous = label;
    const half = estimateLabelWidth(label) / 2;
    const x = clampLabelX(placement.left + ((t - from) / (to - from)) * width, label, placement.chartWidth);
    if (x - half < previousEnd + TIME_LABEL_GAP) return false;
    previousEnd = x + half;
  }
  return true;
}

/**
 * Time ticks inside [from, to] for an axis `width` pixels wide: the finest calendar step (never
 * finer than the series' own) whose labels, as the axis writes them, fit side by side. The room
 * follows the labels, not a fixed number of pixels per tick: "2010" needs less than "12 May
 * 14:00". The page's Recharts axis and the server-drawn chart share it.
 * @param from first time shown, epoch ms
 * @param to last time shown, epoch ms
 * @param width the axis's length, px
 * @param style the series' frequency or label style: what the labels say, and the finest step
 * @param placement where the axis lies in its chart (default: the chart is just the axis)
 */
export function timeTicksForWidth(from: number, to: number, width: number, style: TimeLabelKind = "irregular", placement: AxisPlacement = { left: 0, chartWidth: width }): number[] {
  if (!(to > from)) return [from];
  const fits = (ticks: number[]) => labelsFit(ticks, from, to, width, style, placement);
  // No label is narrower than the gap, so a step with more ticks than width / gap cannot fit
  // (and a minute's step over years would be millions of ticks).
  const steps = stepsFor(toFrequencyKind(style)).filter((s) => (to - from) / approxMs(s) <= width / TIME_LABEL_GAP + 1);
  for (const [i, step] of steps.entries()) {
    const ticks = stepTicks(from, to, step);
    if (ticks.length === 0 || !fits(ticks)) continue;
    if (ticks.length >= 2) return ticks;
    // A span just over one step can hold a single boundary of it (a fortnight on a phone: one
    // Monday), and an axis with one date says nothing of its scale. A finer step, thinned,
    // gives two or more.
    for (const finer of steps.slice(0, i).reverse()) {
      const dense = stepTicks(from, to, finer);
      for (let every = 2; Math.ceil(dense.length / every) >= 2; every++) {
        const thinned = dense.filter((_, j) => j % every === 0);
        if (fits(thinned)) return thinned;
      }
    }
    return ticks;
  }
  return [];
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

/** Room each numbered position's label takes with space around it (px), for a series without times. */
const INDEX_TICK_SPACING = 110;

/**
 * Ticks of a chart's X axis `width` pixels wide: calendar ticks for dated series, round positions
 * for a series without times (the page's axis and the server-drawn chart share it).
 * @param placement where the axis lies in its chart (see timeTicksForWidth)
 */
export function axisTicksForWidth(from: number, to: number, width: number, style: TimeLabelKind, placement?: AxisPlacement): number[] {
  if (toFrequencyKind(style) !== "index") return timeTicksForWidth(from, to, width, style, placement);
  const target = Math.max(2, Math.floor(width / INDEX_TICK_SPACING));
  // Positions 0, 1, … are labelled 1, 2, …: round labels, so ticks one before round numbers.
  return niceTicks(from + 1, to + 1, target)
    .map((n) => n - 1)
    .filter((t) => Number.isInteger(t) && t >= from && t <= to);
}
