import { isoWeekOf } from "./time-format";

const DAY_MS = 86_400_000;

/** A field of the calendar that spreadsheets and pandas add beside a date, computed from it. */
interface CalendarField {
  /** What the column is, as notes say it: `the week number` (of the date). */
  what: string;
  of: (date: Date) => number;
}

const CALENDAR_FIELDS: CalendarField[] = [
  { what: "the week number", of: (d) => isoWeekOf(d).week },
  { what: "the month number", of: (d) => d.getUTCMonth() + 1 },
  { what: "the quarter", of: (d) => Math.floor(d.getUTCMonth() / 3) + 1 },
  { what: "the year", of: (d) => d.getUTCFullYear() },
  { what: "the day of the year", of: (d) => Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY_MS) + 1 },
  { what: "the day of the month", of: (d) => d.getUTCDate() },
  // Weekdays are numbered four ways: from Sunday 0 (JavaScript, SQL Server's DATEPART less one),
  // from Monday 0 (pandas' dayofweek), from Monday 1 (ISO, Excel's WEEKDAY(…;2)), from Sunday 1 (Excel's WEEKDAY).
  { what: "the weekday number", of: (d) => d.getUTCDay() },
  { what: "the weekday number", of: (d) => (d.getUTCDay() + 6) % 7 },
  { what: "the weekday number", of: (d) => ((d.getUTCDay() + 6) % 7) + 1 },
  { what: "the weekday number", of: (d) => d.getUTCDay() + 1 },
  { what: "the hour", of: (d) => d.getUTCHours() },
];

/** One series' rows of a column: its values beside their times. */
export interface CalendarCells {
  /** Wall-clock epoch ms (UTC fields are the file's clock), one per value. */
  times: ArrayLike<number>;
  /** The column's values; NaN marks an empty cell. */
  values: ArrayLike<number>;
  /** How many of `times` and `values` are rows. */
  length: number;
  /** Each time's UTC offset in minutes, when the times are moments rather than the file's clock. */
  offsets?: ArrayLike<number> | null;
}

/** Fewer filled cells agree with some field by chance too easily (`1, 2, 3` beside 1–3 January). */
const MIN_CELLS = 8;

/**
 * What calendar field of the date (`the week number`) a column holds: every filled cell equals it,
 * computed from its row's time, there are MIN_CELLS of them at least and they take two values at
 * least (a constant says nothing of the date). Null otherwise: a column's name alone never makes it one.
 * @param parts the column's cells in each series of the file
 */
export function findCalendarField(parts: CalendarCells[]): string | null {
  let candidates = CALENDAR_FIELDS;
  let first = Number.NaN;
  let varies = false;
  let filled = 0;
  for (const { times, values, length, offsets } of parts) {
    for (let i = 0; i < length; i++) {
      const value = values[i] as number;
      if (value !== value) continue;
      const date = new Date((times[i] as number) + (offsets ? (offsets[i] as number) * 60_000 : 0));
      // (Narrowed only on a row that disagrees: a calendar column of a million rows agrees on all.)
      if (!candidates.every((field) => field.of(date) === value)) candidates = candidates.filter((field) => field.of(date) === value);
      if (candidates.length === 0) return null;
      filled++;
      if (first !== first) first = value;
      else if (value !== first) varies = true;
    }
  }
  return varies && filled >= MIN_CELLS ? (candidates[0]?.what ?? null) : null;
}
