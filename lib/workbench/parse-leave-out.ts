import { MAX_LEAVE_OUT_PERIODS } from "../forecast/leave-out";
import type { LeaveOutPeriod } from "../forecast/types";
import { fail, ok, type Result } from "../result";
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
