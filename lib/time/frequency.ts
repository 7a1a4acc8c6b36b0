export type FrequencyKind =
  | "secondly"
  | "minutely"
  | "half-hourly"
  | "hourly"
  | "daily"
  | "business-daily"
  | "weekly"
  | "monthly"
  | "quarterly"
  | "yearly"
  | "fixed"
  | "irregular"
  | "index";

/** The spacing of a series' timestamps, as detected at import. */
export interface Frequency {
  kind: FrequencyKind;
  /** Step between points: calendar months for monthly/quarterly/yearly, else milliseconds. */
  step: { unit: "month"; months: number } | { unit: "ms"; ms: number } | { unit: "index" };
  /** Length of the main seasonal cycle in points (1 = no seasonality assumed). */
  seasonLength: number;
  /** Human label: "monthly", "every 15 minutes", … */
  label: string;
  /** Whole steps missing between consecutive points. */
  gapCount: number;
  /** Calendar series anchored at month ends (31 Jan, 28 Feb, …) rather than a fixed day. */
  monthEnd?: boolean;
  /**
   * Irregular times of single events (a row per charge or sale), not readings off a grid: such a
   * series has no step to forecast by until its rows are grouped by a period (see isEventSpacing).
   */
  events?: boolean;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** Season lengths by frequency: one day, week or year of points, as analysts expect. */
export const DEFAULT_SEASON: Record<FrequencyKind, number> = {
  secondly: 60,
  minutely: 60,
  "half-hourly": 48,
  hourly: 24,
  daily: 7,
  "business-daily": 5,
  weekly: 52,
  monthly: 12,
  quarterly: 4,
  yearly: 1,
  fixed: 1,
  irregular: 1,
  index: 1,
};

function mode(values: ArrayLike<number>): { value: number; count: number } {
  // Most series are regular: a value held by more than half of them is the mode, found in two passes.
  let candidate = values[0] ?? 0;
  let votes = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (votes === 0) candidate = value;
    votes += value === candidate ? 1 : -1;
  }
  let majority = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === candidate) majority++;
  if (majority * 2 > values.length) return { value: candidate, count: majority };

  const counts = new Map<number, number>();
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  let best = { value: 0, count: 0 };
  for (const [value, count] of counts) {
    if (count > best.count || (count === best.count && value < best.value)) best = { value, count };
  }
  return best;
}

/** Day of the week of epoch ms, 0 = Sunday (1 January 1970 was a Thursday). */
function weekdayOf(ms: number): number {
  return (((Math.floor(ms / DAY) + 4) % 7) + 7) % 7;
}

function monthIndex(ms: number): number {
  const date = new Date(ms);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

function isMonthEnd(ms: number): boolean {
  return new Date(ms + DAY).getUTCDate() === 1;
}

function durationLabel(ms: number): string {
  const units: [number, string][] = [
    [WEEK, "week"],
    [DAY, "day"],
    [HOUR, "hour"],
    [MINUTE, "minute"],
    [SECOND, "second"],
  ];
  for (const [size, name] of units) {
    if (ms % size === 0) {
      const n = ms / size;
      return n === 1 ? `every ${name}` : `every ${n} ${name}s`;
    }
  }
  return `every ${ms} ms`;
}

/** Share of a grid's intervals that stay within GRID_SLACK of their median: a logger's, off by a second or two. */
const GRID_SHARE = 0.5;
const GRID_SLACK = 0.1;

/**
 * Whether irregular intervals are events' (spread from minutes to hours: Stripe's charges, 7% of
 * them within a tenth of their median) rather than a grid's read a second or two off (a 10-minute
 * logger's, all within it), which forecasting on the grid's step still serves.
 * @param diffs the intervals between consecutive times, ms
 */
export function isEventSpacing(diffs: ArrayLike<number>): boolean {
  if (diffs.length === 0) return false;
  const sorted = Float64Array.from(diffs).sort();
  const median = sorted[Math.floor(sorted.length / 2)] as number;
  let near = 0;
  for (let i = 0; i < diffs.length; i++) if (Math.abs((diffs[i] as number) - median) <= GRID_SLACK * median) near++;
  return near < GRID_SHARE * diffs.length;
}

/**
 * Infers the frequency of ascending timestamps.
 * @param times epoch ms, ascending, without duplicates
 */
export function inferFrequency(times: ArrayLike<number>): Frequency {
  const n = times.length;
  if (n < 2) {
    return { kind: "irregular", step: { unit: "ms", ms: DAY }, seasonLength: 1, label: "a single point", gapCount: 0 };
  }
  const first = times[0] as number;

  // Calendar frequencies: every point at midnight on the same day of the month (or at month end).
  let midnight = true;
  for (let i = 0; i < n && midnight; i++) if ((times[i] as number) % DAY !== 0) midnight = false;
  const dayOfMonth = new Date(first).getUTCDate();
  let sameDay = midnight;
  for (let i = 0; i < n && sameDay; i++) if (new Date(times[i] as number).getUTCDate() !== dayOfMonth) sameDay = false;
  let monthEnd = midnight && !sameDay;
  for (let i = 0; i < n && monthEnd; i++) if (!isMonthEnd(times[i] as number)) monthEnd = false;
  if (sameDay || monthEnd) {
    const months: number[] = [];
    for (let i = 1; i < n; i++) months.push(monthIndex(times[i] as number) - monthIndex(times[i - 1] as number));
    const step = mode(months).value;
    if (step >= 1 && months.every((m) => m > 0 && m % step === 0)) {
      const gapCount = months.reduce((sum, m) => sum + (m / step - 1), 0);
      const kind: FrequencyKind = step === 12 ? "yearly" : step === 3 ? "quarterly" : step === 1 ? "monthly" : "fixed";
      const seasonLength = kind === "fixed" ? (12 % step === 0 && step < 12 ? 12 / step : 1) : DEFAULT_SEASON[kind];
      return {
        kind,
        step: { unit: "month", months: step },
        seasonLength,
        label: kind === "fixed" ? `every ${step} months` : kind,
        gapCount,
        ...(monthEnd ? { monthEnd: true } : {}),
      };
    }
  }

  const diffs = new Float64Array(n - 1);
  for (let i = 1; i < n; i++) diffs[i - 1] = (times[i] as number) - (times[i - 1] as number);
  const { value: step, count } = mode(diffs);
  if (step <= 0 || count < 0.5 * diffs.length) {
    return { kind: "irregular", step: { unit: "ms", ms: Math.max(1, step) }, seasonLength: 1, label: "irregular", gapCount: 0, ...(isEventSpacing(diffs) ? { events: true } : {}) };
  }

  if (step === DAY) {
    let weekdaysOnly = true;
    for (let i = 0; i < n && weekdaysOnly; i++) {
      const weekday = weekdayOf(times[i] as number);
      if (weekday === 0 || weekday === 6) weekdaysOnly = false;
    }
    if (weekdaysOnly && diffs.some((d) => d === 3 * DAY)) {
      let gapCount = 0;
      for (let i = 1; i < n; i++) gapCount += businessDaysBetween(times[i - 1] as number, times[i] as number) - 1;
      return {
        kind: "business-daily",
        step: { unit: "ms", ms: DAY },
        seasonLength: DEFAULT_SEASON["business-daily"],
        label: "business days",
        gapCount,
      };
    }
  }

  let gapCount = 0;
  // A step of the spacing itself skips nothing; only the others need the (slow) floating-point `%`.
  for (const d of diffs) if (d !== step && d % step === 0) gapCount += d / step - 1;
  const named: [number, FrequencyKind][] = [
    [SECOND, "secondly"],
    [MINUTE, "minutely"],
    [30 * MINUTE, "half-hourly"],
    [HOUR, "hourly"],
    [DAY, "daily"],
    [WEEK, "weekly"],
  ];
  const kind = named.find(([size]) => size === step)?.[1] ?? "fixed";
  let seasonLength = DEFAULT_SEASON[kind];
  if (kind === "fixed") {
    // A step that divides a day evenly cycles daily (15-minute data: 96 points a day).
    seasonLength = step < DAY && DAY % step === 0 && DAY / step <= 1440 ? DAY / step : 1;
  }
  return {
    kind,
    step: { unit: "ms", ms: step },
    seasonLength,
    label: kind === "fixed" ? durationLabel(step) : kind,
    gapCount,
  };
}

function businessDaysBetween(from: number, to: number): number {
  let count = 0;
  for (let t = from + DAY; t <= to; t += DAY) {
    const weekday = weekdayOf(t);
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}

function addMonths(ms: number, months: number, monthEnd: boolean): number {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  if (monthEnd) return Date.UTC(year, month + 1, 0);
  const day = date.getUTCDate();
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(day, lastDay), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
}

/**
 * The timestamps of the next `count` steps after `last`, continuing the series' frequency.
 * @param last epoch ms of the last observed point
 */
export function nextTimes(last: number, frequency: Frequency, count: number): number[] {
  const out: number[] = [];
  let t = last;
  for (let i = 0; i < count; i++) {
    const { step } = frequency;
    if (step.unit === "month") t = addMonths(t, step.months, frequency.monthEnd === true);
    else if (step.unit === "index") t += 1;
    else if (frequency.kind === "business-daily") {
      do t += DAY;
      while ([0, 6].includes(new Date(t).getUTCDay()));
    } else t += step.ms;
    out.push(t);
  }
  return out;
}

/**
 * Timestamps of a regular grid from `start` to `end` inclusive: the series with its gaps made
 * explicit, which is what the forecaster trains on.
 */
export function regularTimes(start: number, end: number, frequency: Frequency): number[] {
  const out = [start];
  const limit = 50_000_000;
  while ((out[out.length - 1] as number) < end && out.length < limit) {
    out.push(nextTimes(out[out.length - 1] as number, frequency, 1)[0] as number);
  }
  return out;
}

/**
 * The last time of a grid running from `anchor` (one of its times) at or before `target`, or
 * `anchor` itself when `target` comes first: where a series' grid reaches a time, without listing
 * every step before it (a million hourly steps took 0.2 s to list).
 */
export function gridTimeAtOrBefore(anchor: number, target: number, frequency: Frequency): number {
  if (target <= anchor) return anchor;
  const { step } = frequency;
  if (step.unit === "ms") {
    let t = anchor + Math.floor((target - anchor) / step.ms) * step.ms;
    // Business days are every weekday at the anchor's time of day; walked from the anchor, as callers
    // step back one at a time, 30 years of them left the training panel 6 s per keystroke.
    if (frequency.kind === "business-daily") while (t > anchor && [0, 6].includes(new Date(t).getUTCDay())) t -= DAY;
    return t;
  }
  if (step.unit === "index") return anchor + Math.floor(target - anchor);
  // Months are few enough to walk, and walking keeps nextTimes' day-of-month clamping (31 Jan, 28 Feb, 28 Mar).
  let t = anchor;
  for (let next = nextTimes(t, frequency, 1)[0] as number; next <= target; next = nextTimes(t, frequency, 1)[0] as number) t = next;
  return t;
}

/** The first time of a grid running from `anchor` at or after `target` (`anchor` when `target` comes first). */
export function gridTimeAtOrAfter(anchor: number, target: number, frequency: Frequency): number {
  const before = gridTimeAtOrBefore(anchor, target, frequency);
  return before >= target ? before : (nextTimes(before, frequency, 1)[0] as number);
}
