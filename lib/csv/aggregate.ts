import { fail, ok, type Result } from "../result";
import type { Frequency } from "../time/frequency";
import { comparePeriod, describePeriod, nextPeriodStart, periodAdjective, periodPlural, periodStart, PERIODS, type Period } from "../time/period";
import type { IngestIssue, ReadOptions } from "./read-dataset";

/**
 * The CLI flag that messages suggesting to group rows by a period name; the import preview finds
 * that advice by it, as it does for REPEATED_TIMES_FLAG.
 */
export const AGGREGATE_FLAG = "--aggregate";

/** The message suggests grouping rows by a period. */
export function mentionsAggregate(message: string | null | undefined): boolean {
  return message?.includes(AGGREGATE_FLAG) ?? false;
}

/** How the rows of one period become its value: their total, their mean, or the last one. */
export const COMBINE = ["sum", "mean", "last"] as const;
export type Combine = (typeof COMBINE)[number];

/** Group each series' rows by a calendar period on import (`ReadOptions.aggregate`). */
export interface AggregateOptions {
  period: Period;
  by: Combine;
}

/**
 * The options once the analyst picks a period to group by (`""`, or anything not a period: the
 * rows as in the file) and a way to combine them (default: the one already chosen, else a sum).
 */
export function withAggregate(options: ReadOptions, period: string, by: string = options.aggregate?.by ?? "sum"): ReadOptions {
  const { aggregate: _aggregate, ...rest } = options;
  const chosen = PERIODS.find((p) => p === period);
  return chosen ? { ...rest, aggregate: { period: chosen, by: COMBINE.find((c) => c === by) ?? "sum" } } : rest;
}

/** More periods than this in one series and the period is refused as far too short for the data. */
const MAX_PERIODS = 2_000_000;

export interface AggregatedSeries {
  /** Period starts (epoch ms, the file's wall clock as UTC), one per period, ascending. */
  times: Float64Array;
  /** One value per period; NaN marks a missing value. */
  values: Float64Array;
  /** Periods between the first and the last without any row: 0 in sums, missing otherwise. */
  emptyPeriods: number;
  /** Periods whose rows all have empty cells: missing, also in sums. */
  blankPeriods: number;
  /** The first period, left out of sums because the rows begin partway through it. */
  droppedFirst: { start: number; row: number } | null;
  /** The last period, left out of sums because the rows end partway through it. */
  droppedLast: { start: number; row: number } | null;
}

/** The q-quantile (0–1) of some numbers, by the nearest rank; NaN for none. */
function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] as number;
}

/** The median of the positive steps between consecutive times (ascending); NaN when there is none. */
function typicalSpacing(times: Float64Array, from: number, to: number): number {
  const steps: number[] = [];
  for (let i = from + 1; i <= to; i++) {
    const step = (times[i] as number) - (times[i - 1] as number);
    if (step > 0) steps.push(step);
  }
  return quantile(steps, 0.5);
}

/**
 * Groups one series' rows by a calendar period.
 *
 * The periods run from the one holding the first value to the one holding the last, every one in
 * between included. Missing cells (NaN) are left out of the sum, the mean and the last value; a
 * period whose rows are all missing is missing. A period without rows is 0 in a sum (no sales is
 * zero sales) and missing for a mean or last value (the forecaster interpolates it).
 *
 * Sums leave out a first or last period the rows cover only in part, which would otherwise read
 * as a drop: the first is partial when its first row comes later into it than the first row of
 * nine in ten of the periods between does, by more than half the typical (median) spacing between
 * rows; the last likewise by how early its last row comes before the period's end. Measuring
 * against the other periods keeps a shop's day that starts at opening time and a month of weekly
 * data that starts on the 5th; the half step of slack absorbs jitter, and still drops a period
 * of regular data that lacks even one step at its edge (a quarter of two months, a month of daily
 * data from the 2nd). A series of fewer than three periods has no periods between to measure by
 * and keeps both.
 *
 * @param times epoch ms (the file's wall clock as UTC), ascending; rows may share a time
 * @param values one per time; NaN marks a missing cell
 */
export function aggregateSeries(times: Float64Array, values: Float64Array, options: AggregateOptions): Result<AggregatedSeries> {
  const { period, by } = options;
  const n = times.length;
  let first = 0;
  while (first < n && Number.isNaN(values[first])) first++;
  let last = n - 1;
  while (last > first && Number.isNaN(values[last])) last--;
  const hasValue = first < n;
  // A column with no value at all still spans the rows, as its periods are all missing.
  if (!hasValue) [first, last] = [0, n - 1];
  if (n === 0) return ok({ times: new Float64Array(0), values: new Float64Array(0), emptyPeriods: 0, blankPeriods: 0, droppedFirst: null, droppedLast: null });

  const starts: number[] = [];
  const end = periodStart(times[last] as number, period);
  for (let s = periodStart(times[first] as number, period); s <= end; s = nextPeriodStart(s, period)) {
    starts.push(s);
    if (starts.length > MAX_PERIODS) {
      return fail(
        `Grouping by ${period} would make more than ${MAX_PERIODS.toLocaleString("en-US")} ${periodPlural(period)} from ${(last - first + 1).toLocaleString("en-US")} rows, nearly all of them empty. Choose a longer period.`,
      );
    }
  }
  const count = starts.length;
  starts.push(nextPeriodStart(starts[count - 1] as number, period));

  const rows = new Uint32Array(count);
  const present = new Uint32Array(count);
  const sums = new Float64Array(count);
  const lastValue = new Float64Array(count);
  const firstAt = new Float64Array(count);
  const lastAt = new Float64Array(count);
  let k = 0;
  for (let i = first; i <= last; i++) {
    const t = times[i] as number;
    while (t >= (starts[k + 1] as number)) k++;
    rows[k] = (rows[k] as number) + 1;
    const v = values[i] as number;
    if (v !== v) continue;
    if (present[k] === 0) firstAt[k] = t;
    present[k] = (present[k] as number) + 1;
    sums[k] = (sums[k] as number) + v;
    lastValue[k] = v;
    lastAt[k] = t;
  }

  let droppedFirst: AggregatedSeries["droppedFirst"] = null;
  let droppedLast: AggregatedSeries["droppedLast"] = null;
  if (by === "sum" && count >= 3) {
    const slack = typicalSpacing(times, first, last) / 2;
    const leads: number[] = [];
    const trails: number[] = [];
    for (let p = 1; p < count - 1; p++) {
      if (present[p] === 0) continue;
      leads.push((firstAt[p] as number) - (starts[p] as number));
      trails.push((starts[p + 1] as number) - (lastAt[p] as number));
    }
    if (leads.length > 0 && slack === slack) {
      const lead = (firstAt[0] as number) - (starts[0] as number);
      if (lead > quantile(leads, 0.9) + slack) droppedFirst = { start: starts[0] as number, row: firstAt[0] as number };
      const trail = (starts[count] as number) - (lastAt[count - 1] as number);
      if (trail > quantile(trails, 0.9) + slack) droppedLast = { start: starts[count - 1] as number, row: lastAt[count - 1] as number };
    }
  }

  let from = droppedFirst ? 1 : 0;
  let to = droppedLast ? count - 1 : count;
  // Once a partial period is left out, the next may hold only empty cells: a series begins and ends
  // with a value, as every stored series does, or the training form counted a missing first period
  // as history the forecaster does not (a horizon one step longer than it takes).
  const blank = (p: number) => hasValue && present[p] === 0 && (rows[p] !== 0 || by !== "sum");
  while (from < to && blank(from)) from++;
  while (to > from && blank(to - 1)) to--;
  const out = new Float64Array(to - from);
  let emptyPeriods = 0;
  let blankPeriods = 0;
  for (let p = from; p < to; p++) {
    let value: number;
    if (present[p] as number > 0) {
      // A total of cents should read as cents: 12.34 + 5.66 is 18, not 18.000000000000004.
      value = by === "sum" ? Number((sums[p] as number).toPrecision(15)) : by === "mean" ? (sums[p] as number) / (present[p] as number) : (lastValue[p] as number);
    } else if (rows[p] === 0) {
      emptyPeriods++;
      value = by === "sum" ? 0 : Number.NaN;
    } else {
      blankPeriods++;
      value = Number.NaN;
    }
    out[p - from] = value;
  }
  return ok({ times: Float64Array.from(starts.slice(from, to)), values: out, emptyPeriods, blankPeriods, droppedFirst, droppedLast });
}

/** Whether any two of ascending times are equal. */
export function hasSharedTimes(times: Float64Array): boolean {
  for (let i = 1; i < times.length; i++) if (times[i] === times[i - 1]) return true;
  return false;
}

/** Ascending times without repeats. */
export function distinctTimes(times: Float64Array): Float64Array {
  if (!hasSharedTimes(times)) return times;
  const out: number[] = [];
  for (let i = 0; i < times.length; i++) if (i === 0 || times[i] !== times[i - 1]) out.push(times[i] as number);
  return Float64Array.from(out);
}

/** A frequency as the subject of a sentence: `The file is monthly`, `The file has a point every 2 months`. */
function spacingPhrase(frequency: Frequency): string {
  return frequency.kind === "fixed" ? `has a point ${frequency.label}` : `is ${frequency.label === "business days" ? "on business days" : frequency.label}`;
}

/**
 * Why a series cannot be grouped by a period shorter than its own step (monthly data by day),
 * naming the periods it can be grouped by.
 * @param name the series' name, or null for a file of one series
 */
export function finerPeriodMessage(period: Period, frequency: Frequency, name: string | null): string {
  const longer = PERIODS.filter((p) => comparePeriod(p, frequency) === "coarser");
  const subject = name ? `Series \`${name}\`` : "The file";
  const choose = longer.length > 0 ? `Choose a longer period (${longer.length === 1 ? longer[0] : `${longer.slice(0, -1).join(", ")} or ${longer.at(-1)}`})` : "Keep the rows as they are";
  return `${subject} ${spacingPhrase(frequency)}, so its rows cannot be grouped by ${period}: ${period === "hour" ? "an" : "a"} ${period} is shorter than the step between them. ${choose}.`;
}

/** Why a file read without a time column cannot be grouped by a period. */
export function noTimeColumnMessage(period: Period): string {
  return `Grouping rows by ${period} needs a time column, and the file is read without one. Choose the column with the dates (CLI: --time), or keep the rows as they are.`;
}

/** What was grouped, for the import's notes. */
export interface AggregationReport {
  options: AggregateOptions;
  /** Data rows in the file. */
  rowCount: number;
  /** The series that were grouped and what grouping did to each. */
  grouped: { name: string; result: AggregatedSeries }[];
  /** Series already spaced by the period, without rows sharing a time: left as they are. */
  unchanged: { name: string; frequency: Frequency }[];
  /** Whether the file holds several series (messages then name the series). */
  several: boolean;
  /** A row's time as the file writes it (for the row that shows a period is partial). */
  rowLabel: (ms: number) => string;
}

/** Series named in a row of notes before the rest are counted. */
const SERIES_LIMIT_IN_MESSAGES = 5;

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/** One note per series, at most SERIES_LIMIT_IN_MESSAGES, the rest counted in one more. */
function perSeries(notes: string[], rest: (more: number) => string): IngestIssue[] {
  const shown = notes.slice(0, SERIES_LIMIT_IN_MESSAGES).map((message): IngestIssue => ({ kind: "note", message }));
  if (notes.length > shown.length) shown.push({ kind: "note", message: rest(notes.length - shown.length) });
  return shown;
}

/** `Jan 2025 – Jun 2025`, `weeks of 6 Jan 2025 – 23 Jun 2025`. */
function describeSpan(from: number, to: number, period: Period): string {
  if (from === to) return describePeriod(from, period);
  if (period === "week") return `weeks of ${describePeriod(from, "day")} – ${describePeriod(to, "day")}`;
  return `${describePeriod(from, period)} – ${describePeriod(to, period)}`;
}

/**
 * The notes that say what grouping did, in plain words: rows → periods, the partial first or last
 * period left out of sums, the periods without rows (0 or missing), the series left as they were.
 */
export function toAggregationIssues(report: AggregationReport): IngestIssue[] {
  const { options, grouped, several } = report;
  const { period, by } = options;
  const periods = periodPlural(period);
  const issues: IngestIssue[] = [];
  const kept = grouped.filter(({ result }) => result.times.length > 0);

  if (kept.length > 0) {
    const how = by === "sum" ? `Rows were added up by ${period}` : by === "mean" ? `Rows were averaged by ${period}` : `Rows were grouped by ${period}, keeping the last value of each`;
    const lengths = kept.map(({ result }) => result.times.length);
    const [fewest, most] = [Math.min(...lengths), Math.max(...lengths)];
    const spans = fewest === most ? count(most, period, periods) : `${fewest.toLocaleString("en-US")} to ${most.toLocaleString("en-US")} ${periods}`;
    const into = kept.length === 1 ? spans : `${kept.length.toLocaleString("en-US")} series of ${spans}`;
    const from = Math.min(...kept.map(({ result }) => result.times[0] as number));
    const to = Math.max(...kept.map(({ result }) => result.times[result.times.length - 1] as number));
    issues.push({ kind: "note", message: `${how}${several ? ", series by series" : ""}: ${count(report.rowCount, "row", "rows")} → ${into} (${describeSpan(from, to, period)}).` });
  }

  // One note per series, its first and last periods together: a note per edge was counted as a
  // series, so 7 series cut at both ends read "left out of 9 more series" under the 5 shown.
  const partial: string[] = [];
  for (const { name, result } of grouped) {
    const { droppedFirst: first, droppedLast: last } = result;
    const subject = several ? `Series \`${name}\`: the` : "The";
    if (first && last) {
      partial.push(
        `${subject} first and last ${periods}, ${describePeriod(first.start, period)} and ${describePeriod(last.start, period)}, were left out: the rows start at \`${report.rowLabel(first.row)}\` and end at \`${report.rowLabel(last.row)}\`, partway through them, so their totals would cover only part of each ${period} and read as drops.`,
      );
    } else if (first || last) {
      const [which, edge, verb] = first ? (["first", first, "start"] as const) : (["last", last as NonNullable<typeof last>, "end"] as const);
      partial.push(
        `${subject} ${which} ${period}, ${describePeriod(edge.start, period)}, was left out: the rows ${verb} at \`${report.rowLabel(edge.row)}\`, partway through it, so its total would cover only part of the ${period} and read as a drop.`,
      );
    }
  }
  issues.push(...perSeries(partial, (more) => `A first or last ${period} covered only in part was left out of ${count(more, "more series", "more series")} in the same way.`));

  const empty: string[] = [];
  const blank: string[] = [];
  for (const { name, result } of grouped) {
    const total = result.times.length;
    const subject = several ? `Series \`${name}\`: ` : "";
    if (by === "sum") {
      if (result.emptyPeriods > 0) empty.push(`${subject}${count(result.emptyPeriods, `of the ${total.toLocaleString("en-US")} ${periods} has`, `of the ${total.toLocaleString("en-US")} ${periods} have`)} no rows, so ${result.emptyPeriods === 1 ? "its total is" : "their totals are"} 0.`);
      if (result.blankPeriods > 0) {
        blank.push(`${subject}${count(result.blankPeriods, `${period} has`, `${periods} have`)} rows with only empty cells; ${result.blankPeriods === 1 ? "it is a missing value" : "they are missing values"} (not 0), which the forecaster fills by linear interpolation.`);
      }
    } else {
      const none = result.emptyPeriods + result.blankPeriods;
      if (none > 0) empty.push(`${subject}${count(none, `of the ${total.toLocaleString("en-US")} ${periods} has`, `of the ${total.toLocaleString("en-US")} ${periods} have`)} no values; ${none === 1 ? "it is a missing value" : "they are missing values"}, which the forecaster fills by linear interpolation.`);
    }
  }
  issues.push(...perSeries(empty, (more) => `${count(more, "more series has", "more series have")} ${periods} without rows as well.`));
  issues.push(...perSeries(blank, (more) => `${count(more, "more series has", "more series have")} ${periods} with only empty cells as well.`));

  if (report.unchanged.length > 0) {
    const adjective = periodAdjective(period);
    if (grouped.length === 0) {
      issues.push({ kind: "note", message: `The file is already ${adjective}, so grouping its rows by ${period} changed nothing.` });
    } else {
      const names = report.unchanged.slice(0, SERIES_LIMIT_IN_MESSAGES).map(({ name }) => `\`${name}\``);
      const more = report.unchanged.length - names.length;
      const one = report.unchanged.length === 1;
      issues.push({
        kind: "note",
        message: `Series ${names.join(", ")}${more > 0 ? ` and ${more} more` : ""} ${one ? "is" : "are"} already ${adjective}, so grouping by ${period} left ${one ? "it" : "them"} as ${one ? "it was" : "they were"}.`,
      });
    }
  }
  return issues;
}

/** How the missing cells of a grouped column were used, ending the sentence that counts them. */
export function missingCellsTail(options: AggregateOptions): string {
  const adjective = periodAdjective(options.period);
  if (options.by === "sum") return `left out of the ${adjective} totals.`;
  if (options.by === "mean") return `left out of the ${adjective} means.`;
  return `left out: each ${options.period} keeps its last value that is present.`;
}
