import { MAX_LEAVE_OUT_PERIODS } from "../forecast/leave-out";
import type { LeaveOutPeriod } from "../forecast/types";
import { fail, ok, type Result } from "../result";
import { gridTimeAtOrBefore, nextTimes, type Frequency, type FrequencyKind } from "../time/frequency";
import { describeTimeFormat, formatTime, makeTimeParser, type TimeFormat } from "../time/time-format";

/**
 * One time of a period to leave out, written as the series' file writes its times (`2020-03`,
 * `Mar 2020`, `2020 Q1`), or a number of epoch ms; a numbered series (no time column) by its
 * position, 1 for the first value, as the app shows it (`#12`).
 * @returns epoch ms (for a numbered series the index), or NaN when it does not read
 */
function readTime(text: string | number, format: TimeFormat): number {
  if (typeof text === "number") return Number.isFinite(text) ? text : Number.NaN;
  const trimmed = text.trim();
  if (format.kind === "index") return /^#?\d+$/.test(trimmed) ? Number(trimmed.replace("#", "")) - 1 : Number.NaN;
  return makeTimeParser(format)(trimmed, 0);
}

/** How a time must be written, with an example: the last time a series has, in its own format. */
function describeWritten(format: TimeFormat, example: number | undefined): string {
  if (format.kind === "index") return "a position, 1 for the first value";
  const sample = example !== undefined ? `, e.g. ${JSON.stringify(formatTime(example, format))}` : "";
  return `as the file writes its times (${describeTimeFormat(format)}${sample})`;
}

/**
 * A period to leave out, from its two ends as the analyst wrote them, both included.
 * @param format the series' time format (what its file's times were read with)
 * @param example a time of the series, to show how one is written when a time does not read
 * @returns the period in epoch ms, or a sentence naming the time that does not read and the format
 */
export function parseLeaveOutPeriod(from: string | number, to: string | number, format: TimeFormat, example?: number): Result<LeaveOutPeriod> {
  const start = readTime(from, format);
  const end = readTime(to, format);
  for (const [text, ms, which] of [[from, start, "start"], [to, end, "end"]] as const) {
    if (Number.isNaN(ms)) return fail(`The ${which} of the period to leave out, ${JSON.stringify(String(text))}, is not a time: write it ${describeWritten(format, example)}.`);
  }
  if (start > end) return fail(`The period to leave out ends (${String(to)}) before it starts (${String(from)}).`);
  return ok({ from: start, to: end });
}

/**
 * The CLI's `--leave-out 2020-03..2021-06` (several periods separated by commas, a single time
 * for one step): each period's two ends in the file's own time format, joined by `..`.
 * @param format the file's time format
 * @param example a time of the file, shown when one does not read
 */
export function parseLeaveOutArgument(text: string, format: TimeFormat, example?: number): Result<LeaveOutPeriod[]> {
  const parts = text.split(",").map((p) => p.trim()).filter((p) => p !== "");
  if (parts.length === 0) return fail("--leave-out needs a period, e.g. 2020-03..2021-06 (both ends included, written as the file writes its times).");
  if (parts.length > MAX_LEAVE_OUT_PERIODS) return fail(`--leave-out takes at most ${MAX_LEAVE_OUT_PERIODS} periods (got ${parts.length}).`);
  const periods: LeaveOutPeriod[] = [];
  for (const part of parts) {
    const ends = part.split("..");
    if (ends.length > 2 || ends.some((e) => e.trim() === "")) return fail(`--leave-out ${JSON.stringify(part)} is not a period: write its start and end joined by "..", e.g. 2020-03..2021-06.`);
    const parsed = parseLeaveOutPeriod(ends[0] as string, (ends[1] ?? ends[0]) as string, format, example);
    if (!parsed.ok) return parsed;
    periods.push(parsed.data);
  }
  return ok(periods);
}

/** The input the training panel asks a period's ends with, by the series' frequency. */
export type LeaveOutInputKind = "month" | "date" | "datetime-local" | "year" | "position";

/**
 * How the training panel asks for a period's ends: a month for monthly and quarterly data, a date
 * for daily and weekly, a date and time below a day, a year for yearly, a position without times.
 */
export function toLeaveOutInputKind(kind: FrequencyKind): LeaveOutInputKind {
  switch (kind) {
    case "monthly":
    case "quarterly":
      return "month";
    case "daily":
    case "business-daily":
    case "weekly":
      return "date";
    case "yearly":
      return "year";
    case "index":
      return "position";
    default:
      return "datetime-local";
  }
}

/** The panel's fields of one period, as typed. */
export interface LeaveOutFields {
  from: string;
  to: string;
}

/**
 * The span of time one field names: a whole month, day, year or minute, so that a period's end
 * takes every value within it (a monthly series stamped at month ends, an hour of a day).
 * @returns [first ms, last ms], or null when the text is not one (`2020-13` too: Date.UTC would
 *   roll it over to January 2021)
 */
function fieldSpan(text: string, input: LeaveOutInputKind): [number, number] | null {
  const t = text.trim();
  let m: RegExpMatchArray | null;
  if (input === "month" && (m = t.match(/^(\d{4})-(\d{2})$/))) {
    const [year, month] = [Number(m[1]), Number(m[2])];
    return month >= 1 && month <= 12 ? [Date.UTC(year, month - 1, 1), Date.UTC(year, month, 1) - 1] : null;
  }
  if (input === "date" && (m = t.match(/^(\d{4})-(\d{2})-(\d{2})$/))) {
    const day = calendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
    return day === null ? null : [day, day + 86_400_000 - 1];
  }
  if (input === "datetime-local" && (m = t.match(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/))) {
    const day = calendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
    const [hour, minute] = [Number(m[4]), Number(m[5])];
    if (day === null || hour > 23 || minute > 59) return null;
    const start = day + (hour * 60 + minute) * 60_000;
    return [start, start + 59_999];
  }
  if (input === "year" && /^\d{4}$/.test(t)) return [Date.UTC(Number(t), 0, 1), Date.UTC(Number(t) + 1, 0, 1) - 1];
  if (input === "position" && /^\d+$/.test(t) && Number(t) >= 1) return [Number(t) - 1, Number(t) - 1];
  return null;
}

/** Epoch ms of a day of the calendar, or null for one it does not have (`2021-02-30`, month 13). */
function calendarDay(year: number, month: number, day: number): number | null {
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  return back.getUTCMonth() === month - 1 && back.getUTCDate() === day ? ms : null;
}

const FIELD_FORMATS: Record<LeaveOutInputKind, string> = {
  month: "a month (YYYY-MM)",
  date: "a date (YYYY-MM-DD)",
  "datetime-local": "a date and time (YYYY-MM-DDTHH:MM)",
  year: "a year (YYYY)",
  position: "a position, 1 for the first value",
};

/** What is wrong with one period's fields: the sentence Train refuses with, and the fields it is about. */
export interface LeaveOutRowProblem {
  reason: string;
  fields: (keyof LeaveOutFields)[];
  /** A field is left empty: the analyst may not have got to it yet, so only Train says it. */
  empty: boolean;
}

/** One period's fields read: the period, or what is wrong with them. */
export type LeaveOutRowCheck = { ok: true; period: LeaveOutPeriod } | ({ ok: false } & LeaveOutRowProblem);

/**
 * Reads each of the training panel's periods to leave out. A period takes whole units: "2020-03"
 * to "2021-06" runs from 1 March 2020 to the last millisecond of June 2021. A time that does not
 * read is named before an empty field, so that the sentence said on leaving the field is Train's.
 * @param kind the chosen series' frequency (how the fields were asked)
 */
export function checkLeaveOutRows(rows: readonly LeaveOutFields[], kind: FrequencyKind): LeaveOutRowCheck[] {
  const input = toLeaveOutInputKind(kind);
  return rows.map((row, k): LeaveOutRowCheck => {
    const which = rows.length > 1 ? `Period ${k + 1} to leave out` : "The period to leave out";
    const problem = (reason: string, fields: LeaveOutRowProblem["fields"], empty = false): LeaveOutRowCheck => ({ ok: false, reason, fields, empty });
    const from = fieldSpan(row.from, input);
    const to = fieldSpan(row.to, input);
    if (!from && row.from.trim() !== "") return problem(`${which} starts at ${JSON.stringify(row.from)}, which is not ${FIELD_FORMATS[input]}.`, ["from"]);
    if (!to && row.to.trim() !== "") return problem(`${which} ends at ${JSON.stringify(row.to)}, which is not ${FIELD_FORMATS[input]}.`, ["to"]);
    if (!from || !to) {
      const empty = (["from", "to"] as const).filter((f) => row[f].trim() === "");
      return problem(`${which} needs a start and an end (${FIELD_FORMATS[input]}), or remove it.`, empty, true);
    }
    if (to[1] < from[0]) return problem(`${which} ends (${row.to}) before it starts (${row.from}).`, ["from", "to"]);
    return { ok: true, period: { from: from[0], to: to[1] } };
  });
}

/**
 * Reads the training panel's periods to leave out (see {@link checkLeaveOutRows}).
 * Whether the run takes the periods for the chosen series is its own check's to say
 * (describeLeaveOutBeforeRun).
 * @returns the periods in epoch ms, or the first problem in a sentence naming the period
 */
export function parseLeaveOutFields(rows: readonly LeaveOutFields[], kind: FrequencyKind): Result<LeaveOutPeriod[]> {
  return collectLeaveOutPeriods(checkLeaveOutRows(rows, kind));
}

/** The periods of rows already checked, or the first problem (what Train refuses with). */
export function collectLeaveOutPeriods(checks: readonly LeaveOutRowCheck[]): Result<LeaveOutPeriod[]> {
  const periods: LeaveOutPeriod[] = [];
  for (const check of checks) {
    if (!check.ok) return fail(check.reason);
    periods.push(check.period);
  }
  return ok(periods);
}

/** Which of a period's fields have had its problem said (on leaving them, or on Train). */
export type LeaveOutReported = Record<keyof LeaveOutFields, boolean>;

/**
 * Whether leaving a field says its period's problem: one the field is about, never while the
 * analyst is still typing it. An empty field is said only when the browser holds a half-typed time
 * in it (Chromium's month input keeps `Mar` without a year as an empty value, and its badInput).
 * @param halfTyped the field shows text its value does not carry (the input's validity.badInput)
 */
export function reportsOnLeave(check: LeaveOutRowCheck, field: keyof LeaveOutFields, halfTyped = false): boolean {
  return !check.ok && check.fields.includes(field) && (!check.empty || halfTyped);
}

/** Train says every period's problem under its fields, empty fields too, and follows each change from then on. */
export function reportOnTrain(checks: readonly LeaveOutRowCheck[], reported: readonly LeaveOutReported[]): LeaveOutReported[] {
  return reported.map((r, k) => {
    const check = checks[k];
    return check && !check.ok ? { from: r.from || check.fields.includes("from"), to: r.to || check.fields.includes("to") } : r;
  });
}

/**
 * The problem said under a period's fields: once one of the fields it is about was reported, it
 * follows every change (and is gone as soon as the period reads), else it waits for the field to be left.
 */
export function shownLeaveOutProblem(check: LeaveOutRowCheck, reported: LeaveOutReported): LeaveOutRowProblem | null {
  return !check.ok && check.fields.some((f) => reported[f]) ? { reason: check.reason, fields: check.fields, empty: check.empty } : null;
}

/**
 * How many of a series' steps the left-out periods take from its start: a run drops them like a
 * leading gap (nothing before them to fill from), so the history it measures the horizon against
 * is that much shorter. Periods that follow one another from the start all count.
 * @param start epoch ms of the series' first value
 * @param end epoch ms of its last value
 * @param frequency the series' grid, to step along it
 */
export function leadingLeftOut(start: number, end: number, frequency: Frequency, periods: readonly LeaveOutPeriod[]): number {
  let dropped = 0;
  for (let t = start; t <= end && periods.some((p) => t >= p.from && t <= p.to); t = nextTimes(t, frequency, 1)[0] as number) dropped++;
  return dropped;
}

/**
 * How many of a series' last steps the left-out periods take, and the last time they leave: the
 * run blanks them, so a series whose readings stopped early is missing that many more steps before
 * the others' end, counted from that last reading it keeps.
 * @param start epoch ms of the series' first value
 * @param end epoch ms of its last value
 * @param frequency the series' grid, to step back along it
 */
export function trailingLeftOut(start: number, end: number, frequency: Frequency, periods: readonly LeaveOutPeriod[]): { taken: number; keptAt: number } {
  let taken = 0;
  let t = end;
  while (periods.some((p) => t >= p.from && t <= p.to)) {
    taken++;
    if (t <= start) break;
    t = gridTimeAtOrBefore(start, t - 1, frequency);
  }
  return { taken, keptAt: t };
}
