import { formatTimeLabel, formatTimeRange } from "../chart/format-time-label";
import { DEFAULT_SEASON, type FrequencyKind } from "../time/frequency";
import { InvalidRequestError } from "./errors";
import type { ForecastRequest, LeaveOutPeriod, SeriesInput } from "./types";

/** Most periods one run may leave out: a handful is what analysts name (a strike, a pandemic). */
export const MAX_LEAVE_OUT_PERIODS = 20;

export const isFrequencyKind = (label: string | undefined): label is FrequencyKind => label !== undefined && Object.hasOwn(DEFAULT_SEASON, label);

/**
 * A time as the run names it: at the series' precision ("Mar 2020") when the frequency label is
 * one the app detects, else the ISO date.
 */
export function formatAt(ms: number, frequency: string | undefined): string {
  return isFrequencyKind(frequency) ? formatTimeLabel(ms, frequency) : new Date(ms).toISOString().slice(0, 10);
}

/** From one time to another, both ends with a time of day when either has one (as the dataset page writes ranges). */
function formatSpan(from: number, to: number, frequency: string | undefined): string {
  return isFrequencyKind(frequency) ? formatTimeRange(from, to, frequency) : `${formatAt(from, frequency)} – ${formatAt(to, frequency)}`;
}

/**
 * A period in words: "Mar 2020 – Jun 2021" for monthly data (one time when both ends fall on it).
 * @param frequency the request's frequency label ("monthly"); others are written as ISO dates
 */
export function describeLeaveOutPeriod(period: LeaveOutPeriod, frequency: string | undefined): string {
  const from = formatAt(period.from, frequency);
  return from === formatAt(period.to, frequency) ? from : formatSpan(period.from, period.to, frequency);
}

/** Several periods in words, joined with commas. */
export function describeLeaveOut(periods: readonly LeaveOutPeriod[], frequency: string | undefined): string {
  return periods.map((p) => describeLeaveOutPeriod(p, frequency)).join(", ");
}

/** A copy of `values` with NaN (missing) at `indices`. */
export function blankAt(values: ArrayLike<number>, indices: readonly number[]): Float64Array {
  const out = Float64Array.from(values);
  for (const i of indices) out[i] = Number.NaN;
  return out;
}

/**
 * Indices of a series' values whose time falls in a period (both ends included), ascending.
 * @param series values and their times (without times, nothing can be placed: none)
 */
export function leftOutIndices(series: Pick<SeriesInput, "times">, periods: readonly LeaveOutPeriod[] | undefined): number[] {
  const times = series.times;
  if (!times || !periods || periods.length === 0) return [];
  const out: number[] = [];
  for (let i = 0; i < times.length; i++) {
    const t = times[i] as number;
    if (periods.some((p) => t >= p.from && t <= p.to)) out.push(i);
  }
  return out;
}

/**
 * The request with the values of its left-out periods blanked (NaN), so that cleaning fills them
 * as gaps and every length check counts what is left. Checks the periods first.
 * @throws InvalidRequestError for a malformed period, a series without times, a period that covers
 *   a series' last value (nothing to start the forecast from) or holds no value of any series
 */
export function applyLeaveOut(request: ForecastRequest): ForecastRequest {
  const periods = request.config?.leaveOut;
  if (!periods || periods.length === 0) return request;
  checkLeaveOut(request.series, periods, request.frequency);
  return {
    ...request,
    series: request.series.map((s) => {
      const indices = leftOutIndices(s, periods);
      return indices.length === 0 ? s : { ...s, values: blankAt(s.values, indices) };
    }),
  };
}

/**
 * Refuses periods the run cannot leave out, naming the period and what to change.
 * @param series the request's series, each with its times
 * @param frequency the request's frequency label, for the times in the messages
 * @throws InvalidRequestError
 */
export function checkLeaveOut(series: readonly SeriesInput[], periods: readonly LeaveOutPeriod[], frequency: string | undefined): void {
  if (!Array.isArray(periods)) throw new InvalidRequestError("`leaveOut` must be a list of periods, each `{ from, to }` in epoch ms.");
  if (periods.length > MAX_LEAVE_OUT_PERIODS) throw new InvalidRequestError(`At most ${MAX_LEAVE_OUT_PERIODS} periods can be left out (got ${periods.length}).`);
  periods.forEach((p, k) => {
    const which = periods.length > 1 ? `Period ${k + 1} to leave out` : "The period to leave out";
    if (!p || !Number.isFinite(p.from) || !Number.isFinite(p.to)) throw new InvalidRequestError(`${which} needs a start and an end (\`from\` and \`to\`, epoch ms).`);
    if (p.from > p.to) throw new InvalidRequestError(`${which} ends (${formatAt(p.to, frequency)}) before it starts (${formatAt(p.from, frequency)}).`);
  });
  for (const s of series) {
    if (!s.times || s.times.length !== s.values.length) {
      throw new InvalidRequestError(`Series "${s.name}" needs the time of each of its values to leave a period out (\`times\`, as many as its values).`);
    }
  }
  const problem = describeLeaveOutProblem(series.filter((s) => s.values.length > 0).map(toLeaveOutSpan), periods, frequency);
  if (problem) throw new InvalidRequestError(problem);
}

/**
 * What {@link describeLeaveOutProblem} reads of a series: its ends and whether a period holds one
 * of its times. The training panel gives the same from a series' first and last times and its grid,
 * without loading its points.
 */
export interface LeaveOutSpan {
  name: string;
  /** Epoch ms of its first time. */
  first: number;
  /** Epoch ms of its last time (as the run has it: a series whose readings stopped is padded to the others' end). */
  last: number;
  /**
   * Its readings stopped before `last` (the run padded it with missing values): its last value is
   * not at `last`, and a period over `last` covers the last value of a series that reads there.
   */
  stopped?: boolean;
  /** Epoch ms of the time before the last one, if it has one. */
  beforeLast?: number;
  /** Whether the period holds one of its times. */
  holds: (period: LeaveOutPeriod) => boolean;
}

/** A series' span from its times (at least one); missing values after its last reading are alignEnds' padding. */
function toLeaveOutSpan(s: SeriesInput): LeaveOutSpan {
  const times = s.times as ArrayLike<number>;
  const n = times.length;
  let lastRead = n - 1;
  while (lastRead >= 0 && Number.isNaN(s.values[lastRead] as number)) lastRead--;
  const stopped = lastRead >= 0 && lastRead < n - 1;
  return {
    name: s.name,
    first: times[0] as number,
    last: times[n - 1] as number,
    ...(n > 1 ? { beforeLast: times[n - 2] as number } : {}),
    ...(stopped ? { stopped } : {}),
    holds: (p) => leftOutIndices(s, [p]).length > 0,
  };
}

/**
 * Why the run would refuse well-formed periods, in its words, or null when it would not: a period
 * over a series' last value (nothing to start the forecast from) or one holding no value of any series.
 * @param frequency the request's frequency label, for the times in the sentence
 */
export function describeLeaveOutProblem(series: readonly LeaveOutSpan[], periods: readonly LeaveOutPeriod[], frequency: string | undefined): string | null {
  // A series whose readings stopped is named by one that reads at the end, with its own last
  // time: south, stopped at Apr 2020, was named with the file's Dec 2021. When none reads there (one
  // series sent with missing values at its end), a period over the end still leaves nothing to start from.
  const someRead = series.some((s) => !s.stopped);
  for (const p of periods) {
    const text = describeLeaveOutPeriod(p, frequency);
    for (const s of series) {
      if ((!s.stopped || !someRead) && s.last >= p.from && s.last <= p.to) {
        // The latest end allowed is the last value before the period's own last value.
        const allowed = s.beforeLast !== undefined && s.beforeLast >= p.from ? `; end it by ${formatAt(s.beforeLast, frequency)} at the latest` : "";
        return `The period left out, ${text}, covers the last value of "${s.name}" (${formatAt(s.last, frequency)}): nothing would be left to start the forecast from${allowed}.`;
      }
    }
    if (series.every((s) => !s.holds(p))) {
      const spans = series.map((s) => formatSpan(s.first, s.last, frequency));
      const span = new Set(spans).size === 1 ? `the series run ${spans[0]}` : "no series has a value in it";
      return `The period left out, ${text}, holds no value to leave out (${span}).`;
    }
  }
  return null;
}

/**
 * The left-out periods that held values of one series, each with how many of its values (counted
 * from the first usable one: values before it are dropped as leading gaps, not filled). A value
 * two periods hold counts in the first of them only: the run's note adds the counts up, and
 * Mar 2020 – Jun 2021 beside 2021 said 28 values left out of 22.
 * @param offset leading values the cleaning dropped
 */
export function countLeftOut(series: Pick<SeriesInput, "times">, periods: readonly LeaveOutPeriod[] | undefined, offset: number): (LeaveOutPeriod & { count: number })[] {
  const times = series.times;
  if (!periods || !times) return [];
  return periods.flatMap((p, k) => {
    const earlier = periods.slice(0, k);
    const heldBefore = (i: number) => earlier.some((e) => (times[i] as number) >= e.from && (times[i] as number) <= e.to);
    const count = leftOutIndices(series, [p]).filter((i) => i >= offset && !heldBefore(i)).length;
    return count > 0 ? [{ from: p.from, to: p.to, count }] : [];
  });
}
