import { BEYOND_MAX_ABS_VALUE, MAX_ABS_VALUE } from "../forecast/config";
import { fail, ok, type Result } from "../result";
import { isLongerThanName, MAX_NAME_LENGTH, nameClaimer, toCellName } from "../series/names";
import { findCalendarField } from "../time/calendar-field";
import { looksLikeTimeName, offsetOf, rangeStart, type DateOrder, type DetectedTimeFormat } from "../time/detect-time-format";
import { inferFrequency, type Frequency } from "../time/frequency";
import { comparePeriod, describePeriod, periodFrequency, periodStart, toPeriodTimeFormat } from "../time/period";
import { toSettlementMinutes } from "../time/settlement-period";
import { describeTimeFormat, fixedPatternWidth, formatOffset, formatTime, isFiscalQuarter, makeTimeParser, matchPadding, monthFromName, monthLanguagesOf, type TimeFormat } from "../time/time-format";
import {
  AGGREGATE_FLAG,
  aggregateSeries,
  distinctTimes,
  finerPeriodMessage,
  hasSharedTimes,
  missingCellsTail,
  noTimeColumnMessage,
  toAggregationIssues,
  type AggregateOptions,
  type AggregationReport,
} from "./aggregate";
import { createCsvRowStream, type CsvRowStream } from "./csv-rows";
import { currencyCode, detectCurrencyColumns, isMoneyColumn, mainCurrencyColumn } from "./currency";
import { hasDatesAcross, joinNames, turnDatesAcross } from "./dates-across";
import { describeUnitCode, detectUnitColumns, mainUnitColumn, unitOfCode } from "./unit-column";
import { belowBound, hasStatusFlag, measureUnit, parseNumberCell, readPlainNumber, type DecimalMark } from "./parse-number";
import { readMissingMark, type MissingMark } from "./missing-mark";
import { REPEATED_TIMES_FLAG } from "./repeated-times";
import { hasMonthNamesBeside, isCommentCell, isHeaderOfWords, isNoteRow, SNIFF_CHARS, startsNotes, SUMMARY_LABEL, sniffCsv, ZERO_LED, type ColumnInfo, type CsvDialect, type CsvSniff, type SniffOptions } from "./sniff-csv";

export interface ReadOptions {
  /** Header of the time column; `null` reads the file as a plain sequence without time. */
  timeColumn?: string | null;
  /** Headers of the value columns (default: every numeric column). */
  valueColumns?: string[];
  /** Header of a column naming the series in a long/tidy file (`series,date,value`); `null` for none. */
  idColumn?: string | null;
  /**
   * Headers of the columns naming the series together (`store_nbr`, `family`: a row per store and
   * product family), in the order their cells join into names; takes precedence over `idColumn`.
   */
  idColumns?: string[];
  /** Day-first or month-first reading of slashed dates (default: decided from the data). */
  dateOrder?: DateOrder;
  /** The decimal mark (default: decided from the numbers, by the delimiter's convention when they do not say). */
  decimal?: DecimalMark;
  /**
   * Rows of one series with the same time (transactions, events): added up or averaged into one
   * point. By default they are refused, naming the rows (exact copies are dropped).
   */
  repeatedTimes?: "sum" | "mean";
  /**
   * Group each series' rows by a calendar period (an event log into daily totals, a daily series
   * into monthly means), after reading them: rows sharing a time simply fall in the same period.
   * See aggregateSeries for empty and partial periods.
   */
  aggregate?: AggregateOptions;
  /** New names for series, keyed by their detected name. */
  seriesNames?: Record<string, string>;
}

export interface ParsedSeries {
  name: string;
  /** The name detection gave it (the key of `ReadOptions.seriesNames`). */
  detectedName: string;
  /** The value column it came from. */
  column: string;
  /** Epoch ms (UTC), ascending, one per point. */
  times: Float64Array;
  /** Values; NaN marks a missing value. */
  values: Float64Array;
  missingCount: number;
  frequency: Frequency;
  /** The unit of its values, when the file gives one (units row, `Load (MW)`); null otherwise. */
  unit: string | null;
}

export type IssueKind = "missing" | "gaps" | "unsorted" | "dropped" | "note";

export interface IngestIssue {
  kind: IssueKind;
  message: string;
}

export type DatasetShape = "long" | "wide" | "tidy";

export interface ParsedDataset {
  dialect: CsvDialect;
  columns: ColumnInfo[];
  timeColumn: string | null;
  timeFormat: TimeFormat;
  /** How slashed dates were read, when the time column has them. */
  dateOrder: DateOrder | null;
  /** The (first) column naming the series; see idColumns. */
  idColumn: string | null;
  /** Every column naming the series, in the order their cells join into names (none for a wide file). */
  idColumns: string[];
  shape: DatasetShape;
  series: ParsedSeries[];
  /**
   * Value columns left out of the series because every cell is a calendar field of its row's date
   * (`week` the ISO week) or the same number (a code column): none when the analyst chose the
   * value columns.
   */
  leftOutColumns: string[];
  /**
   * Columns with no cell in the sampled rows that hold numbers further down, left out of the series
   * (with a note); the analyst may choose them as value columns.
   */
  lateColumns: string[];
  /**
   * The text column whose one cell, the same on every row, names the file's one series (BLS's
   * `series_id`, InfluxDB's `_field`), or null: it names the series as an id column would.
   */
  labelColumn: string | null;
  /** Data rows read (blank lines excluded). */
  rowCount: number;
  issues: IngestIssue[];
  /** The title the file gives itself (ONS's `"Title",…` row): the dataset's name unless one is chosen. */
  title?: string;
}

/**
 * The columns that name a read file's series, as the preview, the stored import report and the
 * API's answer give them: its id columns, or the column whose one code names a one-series file
 * (BLS's `series_id`), which names the series as an id column would.
 */
export function seriesNameColumns(parsed: Pick<ParsedDataset, "idColumns" | "labelColumn">): string[] {
  return parsed.idColumns.length === 0 && parsed.labelColumn ? [parsed.labelColumn] : parsed.idColumns;
}

const ROW_LIMIT_IN_MESSAGES = 5;
/** Characters handed to the CSV parser at a time when reading a text that is already in memory. */
const CHUNK_CHARS = 1 << 20;

/** `1204` → `1,204`, as row numbers read in messages. */
function formatRowNumber(row: number): string {
  return row.toLocaleString("en-US");
}

/** Different numbers a file may write for a missing reading (9999.9 and 999.9 in NOAA's GSOD). */
const MAX_MISSING_MARKS = 3;

/** A number the file writes for a missing reading, and the cells it was read in (a bit per row, per value column). */
interface FoundMark {
  found: MissingMark;
  cells: (Uint8Array | null)[];
  /** Its cells between a series' first and last values: its missing values, not counted again as empty cells. */
  inside: number;
}

/**
 * The note on a number the file writes for a missing reading (see readMissingMark), which also
 * says what became of its cells: a series' empty cells are named apart (missingIssues), so that
 * UCI's -200 is not told once as a code and again as `empty or non-numeric` cells.
 * @param tail how the missing values inside a series were used, ending the sentence (MISSING_KEPT)
 */
function missingMarkNote({ found, inside }: FoundMark, tail: string): string {
  const { mark, columns, far, rows, rowCount } = found;
  const where = columns.length === 1 ? `column \`${far.name}\`` : `${columns.length} columns (${columns.map((c) => `\`${c.name}\``).join(", ")})`;
  const cells = columns.reduce((n, c) => n + c.count, 0);
  const out = cells - inside;
  const fate =
    out === 0
      ? `, ${tail}`
      : inside === 0
        ? `; none lies inside a series: they come before its first value or after its last.`
        : `; the ${inside === 1 ? "one" : formatRowNumber(inside)} inside a series ${inside === 1 ? "is" : "are"} ${tail} ${out === 1 ? "The other comes" : `The other ${formatRowNumber(out)} come`} before a series' first value or after its last.`;
  return (
    `${mark} stands for a missing reading in ${where}: it repeats exactly and lies beyond every other value (in \`${far.name}\` far beyond them: they run from ${far.min.toLocaleString("en-US")} to ${far.max.toLocaleString("en-US")}), ` +
    `so its ${plural(cells, "cell was", "cells were")} read as missing, not as ${mark} (${rowCount === 1 ? "row" : "rows"} ${listRows(rows, rowCount)})${fate}`
  );
}

/** The mark a cell of value column `c` in `row` was read as missing for, if any. */
function markOf(marks: FoundMark[], c: number, row: number): FoundMark | undefined {
  return marks.find(({ cells }) => {
    const bits = cells[c];
    return bits !== null && bits !== undefined && ((bits[row >> 3] as number) & (1 << (row & 7))) !== 0;
  });
}

function listRows(rows: number[], total: number): string {
  const shown = rows.slice(0, ROW_LIMIT_IN_MESSAGES).map(formatRowNumber).join(", ");
  return total > ROW_LIMIT_IN_MESSAGES ? `${shown} and ${formatRowNumber(total - ROW_LIMIT_IN_MESSAGES)} more` : shown;
}

function quote(cell: string): string {
  const short = cell.length > 40 ? `${cell.slice(0, 37)}…` : cell;
  return `\`${short}\``;
}

function plural(count: number, one: string, many: string): string {
  return `${formatRowNumber(count)} ${count === 1 ? one : many}`;
}

/**
 * The rows of a block under `#` lines after the table, seen as a notes block: a label and its
 * value on each row (`# Notes`, `Source,Internal ERP`, `Extracted,2024-03-01`). `below` counts the
 * rows under the first, `numbers` those whose value is a number or a missing mark.
 */
interface Notes {
  labels: string[];
  below: number;
  numbers: number;
  /** Every row so far is a label (words) and at most one value after it. */
  only: boolean;
  /** A label ends with a colon (`Source:`), as no column's name does. */
  colon: boolean;
}

function noteRow(notes: Notes, row: string[], first: boolean, decimal: DecimalMark): void {
  if (!notes.only) return;
  // A label that is a time starts a row of data (UA's `Day Index,Sessions` over `1/1/23,5`).
  if (!isNoteRow(row, decimal)) {
    notes.only = false;
    return;
  }
  const label = (row[0] ?? "").trim();
  if (notes.labels.length <= 3) notes.labels.push(label);
  if (label.endsWith(":")) notes.colon = true;
  if (first) return;
  notes.below++;
  const value = parseNumberCell(row[1] ?? "", decimal).kind;
  if (value === "number" || value === "missing") notes.numbers++;
}

/**
 * Label rows are notes unless every value under the first row is a number (or missing): then the first row is a
 * header over a table of a label column and a number column (GA's `Country,Users` then `US,1234`).
 * GA4's sections (`Nth day,New users` over `0000,3474`) start their rows with numbers.
 */
function isNotesBlock(notes: Notes): boolean {
  return notes.only && (notes.colon || notes.below === 0 || notes.numbers < notes.below);
}

/**
 * A notes block that starts with a label and a number or a date (`Rows,4`): no header of words
 * says it is no part of the table, so its rows, copied, and its `#` lines are kept to be read as
 * the table's should a data row follow.
 */
interface HeldNotes {
  rows: { row: string[]; line: number }[];
  comments: number[];
}

/** Which column is the time, which names the series, which hold values. */
export interface ColumnPlan {
  time: ColumnInfo | null;
  /** The first column of `ids`, the only one unless several name the series together. */
  id: ColumnInfo | null;
  /** Every column naming the series: with more than one, a series is a combination of their cells. */
  ids?: ColumnInfo[];
  values: ColumnInfo[];
  /** A leading column of row numbers (R's and pandas' row names) left out of the values. */
  rowNumbers?: ColumnInfo | null;
  /** Calendar fields beside the time (`day_of_week`, `week_of_year`) left out of the values. */
  calendar?: ColumnInfo[];
  /** Columns numbering each record (Shopify's order `Id`, a `Transaction ID`) left out of the values. */
  identifiers?: ColumnInfo[];
  /** The rows are the lines of records with the record's totals on its first line (see holdsRecordTotals): no column names series unless chosen. */
  recordLines?: boolean;
  /**
   * A time-of-day column next to a date-only time column (`Date;Time;Load`, as loggers and
   * European energy exports write): read together with it, `time` the format of both joined by a space.
   */
  clock?: { column: ColumnInfo; time: DetectedTimeFormat } | null;
  /**
   * Month (or quarter), day and hour columns beside a year column (`year,month,day,births`, as
   * weather stations and statistics offices write): `compose` joins a row's cells into one time
   * that `time` reads, or into text it refuses.
   */
  parts?: { columns: ColumnInfo[]; time: DetectedTimeFormat; compose: (row: string[]) => string } | null;
  /**
   * A table of years by months (`Year,Jan,…,Dec,Annual`, as NOAA, BLS and GISS publish) or by
   * quarters: its period columns are read as one series (`values` is then that one series, index -1).
   */
  matrix?: { columns: ColumnInfo[]; leftOut: ColumnInfo[]; time: DetectedTimeFormat } | null;
  /**
   * A column of currency codes (PayPal's `Currency`, Stripe's `usd`) and the value columns holding
   * amounts in them (`Gross`, `Net`; not `Quantity`): one code is their unit, several split the series.
   */
  currency?: { column: ColumnInfo; money: ColumnInfo[] } | null;
  /**
   * A column of units (Eurostat's `unit` of `CP_MEUR`, OECD's `UNIT_MEASURE`, Statistics Canada's
   * `UOM`) and the value columns it gives a unit: one unit is theirs, several split the series.
   */
  unit?: { column: ColumnInfo; measured: ColumnInfo[] } | null;
}
type Plan = ColumnPlan;

function findColumn(columns: ColumnInfo[], name: string): ColumnInfo | undefined {
  // A header longer than a name is found by the name it was cut to, and by the header as written.
  const cut = toCellName(name);
  return columns.find((c) => c.name === name || c.name === cut) ?? columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
}

/** Cells that only say yes or no (`IsHoliday`): a flag on the row, never a series' name. */
const BOOLEAN_CELL = /^(true|false|yes|no|y|n)$/i;
/** A header of a flag written as 0/1 (`is_promo`, `holiday_flag`). */
const FLAG_NAME = /^(is|has|was)([\s_\-.]|[A-Z])|(^|[\s_\-.])(flag|bool)([\s_\-.]|$)|flag$/i;

function isFlagColumn(c: ColumnInfo, sampleRows: string[][]): boolean {
  const cells = sampleRows.map((row) => (row[c.index] ?? "").trim()).filter((cell) => cell !== "");
  if (cells.length === 0) return false;
  if (c.kind === "text") return cells.every((cell) => BOOLEAN_CELL.test(cell));
  return FLAG_NAME.test(c.name.trim()) && cells.every((cell) => cell === "0" || cell === "1");
}

/**
 * Whole numbers under a header that names things (`Store`, `store_nbr`): store, product or station
 * numbers; or, under any header, digits of one width with zeros before some, as codes are padded
 * (SAP's material numbers `000000000000012345` under `Material`, postcodes `01067` under `PLZ`).
 */
function isNumberId(c: ColumnInfo, sampleRows: string[][]): boolean {
  if (c.kind !== "number") return false;
  const cells = sampleRows.map((row) => (row[c.index] ?? "").trim());
  if (ID_NAME.test(c.name.trim()) && cells.every((cell) => /^\d{1,12}$/.test(cell))) return true;
  const width = cells[0]?.length ?? 0;
  return width >= 4 && cells.every((cell) => cell.length === width && /^\d+$/.test(cell)) && cells.some((cell) => cell.startsWith("0"));
}

/**
 * A number column holding one code with zeros before it on every sampled row, as a number id
 * (USGS NWIS's `site_no` `01646500`): the label of the file's series, not a value. Read as the
 * number 1646500, it was a second series, or over eight rows a code column noted as `(1646500)`.
 */
function isZeroLedLabel(c: ColumnInfo, sampleRows: string[][]): boolean {
  const first = (sampleRows[0]?.[c.index] ?? "").trim();
  return ZERO_LED.test(first) && isNumberId(c, sampleRows) && sampleRows.every((row) => (row[c.index] ?? "").trim() === first);
}

/** Most columns that may name the series together: beyond three, rows are more likely transactions. */
const MAX_ID_COLUMNS = 3;

/**
 * The columns naming the series of a long file: one where one does (see detectIdColumn), else the
 * fewest name-like columns whose cells together make every (series, time) pair of the sampled rows
 * unique, as Kaggle's retail files are written (a row per store × department × week).
 */
function detectIdColumns(columns: ColumnInfo[], timeOf: (row: string[]) => string, sampleRows: string[][]): ColumnInfo[] {
  const times = sampleRows.map(timeOf);
  if (new Set(times).size === times.length) return [];
  const one = detectIdColumn(columns, times, sampleRows);
  const keyOf = (ids: ColumnInfo[], i: number) => ids.map((c) => (sampleRows[i]?.[c.index] ?? "").trim()).join("\u0000");
  const unique = (ids: ColumnInfo[]) => new Set(times.map((t, i) => `${keyOf(ids, i)}\u0000${t}`)).size === times.length;
  if (one && unique([one])) return [one];
  const numbers = columns.filter((c) => c.kind === "number");
  // A column the same on every sampled row adds nothing; one different on every row is a row's own (an id counting rows, a comment).
  const candidates = columns.filter((c) => {
    if (!(c.kind === "text" || isNumberId(c, sampleRows)) || isFlagColumn(c, sampleRows) || hasBlanks(c, sampleRows)) return false;
    const cells = new Set(sampleRows.map((row) => (row[c.index] ?? "").trim()));
    return cells.size > 1 && cells.size < sampleRows.length;
  });
  for (let size = 2; size <= MAX_ID_COLUMNS; size++) {
    for (const ids of combinations(candidates, size)) {
      // One number column must be left to forecast, and each series seen at least twice on average.
      if (numbers.every((c) => ids.includes(c))) continue;
      const series = new Set(times.map((_, i) => keyOf(ids, i))).size;
      if (series * 2 <= times.length && unique(ids)) return ids;
    }
  }
  return one ? [one] : [];
}

/** Every choice of `size` items in their order, the earliest first. */
function* combinations<T>(items: T[], size: number, from = 0): Generator<T[]> {
  if (size === 0) {
    yield [];
    return;
  }
  for (let i = from; i <= items.length - size; i++) {
    for (const rest of combinations(items, size - 1, i + 1)) yield [items[i] as T, ...rest];
  }
}

/**
 * Whether a column's values each keep to one time while the times differ: an order's or a
 * transaction's number on each of its lines (Shopify's `Name`, `#1001` on every line item of an
 * order), which names records, not series that go on over time.
 */
function namesRecords(column: ColumnInfo, times: string[], sampleRows: string[][]): boolean {
  const timeOf = new Map<string, string>();
  for (let i = 0; i < sampleRows.length; i++) {
    const key = sampleRows[i]?.[column.index] ?? "";
    const time = times[i] as string;
    // Line items after an order's first often leave its time empty.
    if (time.trim() === "") continue;
    const seen = timeOf.get(key);
    if (seen === undefined) timeOf.set(key, time);
    else if (seen !== time) return false;
  }
  return new Set(times).size > 1;
}

/**
 * Whether the rows are the lines of records that carry the record's own numbers on its first line
 * only: a column other than the time names records (see namesRecords) and, on every record of
 * several sampled lines, some number column is filled on its first line and empty on the others
 * while another is filled on each line, as Shopify's orders export writes an order's `Subtotal`,
 * `Taxes` and `Total` above its line items' `Lineitem price`. A column that changes from line to
 * line (`Lineitem name`, the product) then names no series: taken for one, it gave each order's
 * total to the product on its first line (`Gift Card $50 · Total`). A long file whose second
 * series starts later has no such column of its own beside the time, nor a number filled on it.
 */
function holdsRecordTotals(columns: ColumnInfo[], times: string[], sampleRows: string[][]): boolean {
  const numbers = columns.filter((c) => c.kind === "number");
  const filled = (row: string[], c: ColumnInfo) => (row[c.index] ?? "").trim() !== "";
  return columns.some((records) => {
    if (sampleRows.every((row, i) => (row[records.index] ?? "") === times[i]) || !namesRecords(records, times, sampleRows)) return false;
    const lines = new Map<string, string[][]>();
    for (const row of sampleRows) {
      const key = (row[records.index] ?? "").trim();
      lines.set(key, [...(lines.get(key) ?? []), row]);
    }
    const several = [...lines.values()].filter((rows) => rows.length > 1);
    if (several.length === 0) return false;
    const onFirstLineOnly = (c: ColumnInfo) => several.every(([first, ...rest]) => filled(first as string[], c) && rest.every((row) => !filled(row, c)));
    const onEveryLine = (c: ColumnInfo) => several.every((rows) => rows.every((row) => filled(row, c)));
    return numbers.some(onFirstLineOnly) && numbers.some(onEveryLine);
  });
}

/**
 * Whether a column is empty on some sampled rows: a long file names each row's series, while an
 * order's status or shipping method is left empty on its line items after the first (Shopify).
 */
function hasBlanks(column: ColumnInfo, sampleRows: string[][]): boolean {
  // A row that ends before the column has no cell there, blank or not: it is refused by row when read.
  return sampleRows.some((row) => row.length > column.index && (row[column.index] as string).trim() === "");
}

/** A text column whose values repeat while the times repeat too names the series of a long file. */
function detectIdColumn(columns: ColumnInfo[], times: string[], sampleRows: string[][]): ColumnInfo | null {
  const text = columns.find((c) => {
    if (c.kind !== "text" || isFlagColumn(c, sampleRows) || hasBlanks(c, sampleRows) || namesRecords(c, times, sampleRows)) return false;
    const ids = new Set(sampleRows.map((row) => row[c.index] ?? ""));
    return ids.size > 1 && ids.size < sampleRows.length;
  });
  if (text) return text;
  // Store, product or station numbers: whole numbers under a header that names things, and with
  // them every time comes once per series. One number column must be left to forecast.
  const numbers = columns.filter((c) => c.kind === "number");
  if (numbers.length < 2) return null;
  const namesSeries = (c: ColumnInfo) => {
    if (!isNumberId(c, sampleRows)) return false;
    const cells = sampleRows.map((row) => (row[c.index] ?? "").trim());
    const ids = new Set(cells);
    const keys = new Set(sampleRows.map((row, i) => `${cells[i]}\u0000${times[i]}`));
    return ids.size > 1 && ids.size < sampleRows.length && keys.size === sampleRows.length;
  };
  // A header naming the thing first: zero-padded quantities (`Units` 0100, 0150) before `Store` are no id.
  return numbers.find((c) => ID_NAME.test(c.name.trim()) && namesSeries(c)) ?? numbers.find(namesSeries) ?? null;
}

/**
 * A header naming what a number identifies: `store`, `Store Nbr`, `sku`, `station_id`, `Filiale`.
 * Singular only: `items`, `units` and `numbers` are counts.
 */
const ID_NAME =
  /(^|[\s_\-.])(id|key|code|nr|nbr|store|shop|branch|outlet|site|station|sensor|device|meter|plant|location|loc|region|zone|district|item|sku|product|article|series|customer|client|account|dept|department|family|category|cat|group|filiale|artikel|kunde|magasin|tienda)([\s_\-.]|$)|id$|Id$|ID$|nr$/i;

/**
 * A header naming the one series a file holds, when its cell is the same on every row: BLS's
 * `series_id` (`CUUR0000SA0`), InfluxDB's `_field` (`usage_user`), a `metric` or `code` column.
 */
const SERIES_LABEL_NAME = /^_?(series|series[ _-]?(id|code|name|key)|seriesid|field|id|code|name|metric|metric[ _-]?name)$/i;

/**
 * The first column when it only counts the rows (1, 2, 3, … or 0, 1, 2, …), as R's write.csv and
 * pandas' to_csv write their row names: read as a series it would be forecast as a straight line.
 */
function detectRowNumbers(values: ColumnInfo[], sampleRows: string[][], rowNumbers?: number[]): ColumnInfo | null {
  const first = values[0];
  if (!first || first.index !== 0 || values.length < 2 || sampleRows.length < 3) return null;
  const cells = sampleRows.map((row) => (row[0] ?? "").trim());
  const start = Number(cells[0]);
  if (start !== 0 && start !== 1) return null;
  // Counted by the file's rows: the sampled rows leave out those of coarser periods (a year's total among the months).
  const step = (i: number) => (rowNumbers ? (rowNumbers[i] ?? 0) - (rowNumbers[0] ?? 0) : i);
  return cells.every((cell, i) => /^\d+$/.test(cell) && Number(cell) === start + step(i)) ? first : null;
}

/**
 * A time of day: `00:15`, `7:30`, `23:59:59`, `1:05 PM`, or with dots and seconds as Italian
 * loggers write it (`18.00.00`, UCI's Air Quality file); `18.00` alone is a number.
 */
const CLOCK = /^\s*\d{1,2}(:\d{2}(:\d{2})?|\.\d{2}\.\d{2})(\s*[AaPp][Mm])?\s*$/;

/**
 * The column right after a date-only time column when its sampled cells are times of day and the
 * dates repeat, with the format that reads the two joined by a space. Left alone, the file was
 * refused as holding duplicate times.
 */
function detectClockColumn(columns: ColumnInfo[], time: ColumnInfo, sampleRows: string[][]): ColumnPlan["clock"] {
  const format = time.time?.format;
  if (format?.kind !== "pattern" || /%[HI]/.test(format.pattern)) return null;
  const next = columns[time.index + 1];
  if (!next || next.kind === "number") return null;
  // Only when the dates repeat: a daily file with a reading time beside each date (or lap times)
  // is read by its dates alone, as before.
  const dates = sampleRows.map((row) => (row[time.index] ?? "").trim()).filter((cell) => cell !== "");
  if (new Set(dates).size === dates.length) return null;
  const clocks = sampleRows.map((row) => (row[next.index] ?? "").trim()).filter((cell) => cell !== "");
  // Most cells must be times of day; a malformed one is then refused at its row, as for any time.
  if (clocks.length === 0 || clocks.filter((cell) => CLOCK.test(cell)).length < 0.9 * clocks.length) return null;
  const first = clocks.find((cell) => CLOCK.test(cell)) as string;
  const meridiem = /([AaPp][Mm])$/.test(first) ? (/\s[AaPp][Mm]$/.test(first) ? " %p" : "%p") : "";
  const hour = `%${/^\d[:.]/.test(first) ? "-" : ""}${meridiem ? "I" : "H"}`;
  const mark = first.includes(":") ? ":" : ".";
  const clock = `${hour}${mark}%M${first.split(mark).length === 3 ? `${mark}%S` : ""}${meridiem}`;
  return { column: next, time: { ...time.time, format: { kind: "pattern", pattern: `${format.pattern} ${clock}` } } };
}

const MONTH_PART = /^(month|mon|mnth|mo|m|monat|mois|mes|maand|mese|månad|maaned|period)$/i;
/** BLS's period codes: `M01`–`M12`, and `M13` for the annual average. */
const BLS_MONTH = /^M(0[1-9]|1[0-3])$/i;
const QUARTER_PART = /^(quarter|qtr|q|quartal|trimestre|kwartaal)$/i;
const DAY_PART = /^(day|dy|d|dd|date_of_month|day_of_month|dayofmonth|dom|mday|tag|jour|dia|día|dag|giorno)$/i;
const HOUR_PART = /^(hour|hr|h|hh|stunde|heure|hora|uur|ora)$/i;

/** A numbered footnote under a table: `1) Provisional figures`, `2. Source: ONS`. */
const FOOTNOTE = /^\d{1,2}[).:]\s+\p{L}/u;

/**
 * A header made only of time words (`Year`, `Fiscal year`, `Unix time`): its numbers are times even
 * when another column is the time. `Sales prior year` or `Visitors per day` measure something.
 */
const TIME_ONLY_NAME =
  /^(\s|[_\-.()#]|date|time|timestamp|stamp|day|days|month|year|yr|quarter|qtr|week|period|epoch|unix|utc|local|hour|minute|second|seconds|ms|of|the|fiscal|financial|calendar|iso|serial|excel|ts|ds|t|datum|fecha|jahr|monat|zeit|mois|année|annee|ano|año)+$/i;

/** A column that describes the date rather than measuring anything: forecasting it is meaningless. */
const CALENDAR_FIELD = /^(day[ _]?of[ _]?(the[ _]?)?week|weekday|wday|dow|day[ _]?of[ _]?year|doy|yday|week[ _]?of[ _]?year|weekofyear|woy|iso[ _]?week|is[ _]?weekend|weekend|is[ _]?holiday|holiday|(is[ _]?)?(working|business|work)[ _]?day)$/i;

/**
 * A header naming the number of each record rather than a measure: Shopify's order `Id`, `Order ID`,
 * `Transaction ID`, `Invoice No`. Read as values, Shopify's ids (5600000001001, …) grouped by day
 * summed to 5.04e13 a day. By the header only: a column of distinct rising integers may be a count.
 * What names a series (`store_id`, `sku`) is left to the id columns.
 */
const RECORD_ID_NAME =
  /^(_?id|uu?id|guid|(row|record|entry|order|transaction|txn|invoice|receipt|payment|ticket|booking|reservation|shipment|charge|refund|payout|line[ _-]?item)[ _.-]?(id|no\.?|nr\.?|nbr|number|num|#))$/i;

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** A whole number from lo to hi written as one (`7`, `07`; `Q3` with the prefix /^q/i), else -1. */
function wholeIn(cell: string, lo: number, hi: number, prefix?: RegExp): number {
  const text = prefix ? cell.trim().replace(prefix, "") : cell.trim();
  if (!/^\d{1,2}$/.test(text)) return -1;
  const n = Number(text);
  return n >= lo && n <= hi ? n : -1;
}

/** A month cell's number: `3`, `03`, `Mar`, `März`, `mars`; 0 when it is none. */
function monthOf(cell: string): number {
  const n = wholeIn(cell, 1, 12);
  if (n > 0) return n;
  const bls = BLS_MONTH.exec(cell.trim());
  if (bls) return Number(bls[1]) <= 12 ? Number(bls[1]) : 0;
  const language = monthLanguagesOf(cell.trim())[0];
  return language ? monthFromName(cell.trim(), language) : 0;
}

/**
 * Month or quarter, then day and hour columns, each named as such, beside a bare-year time column
 * whose years repeat: the file keeps its date in parts. Left alone, it was refused for duplicate years.
 */
function detectDateParts(columns: ColumnInfo[], time: ColumnInfo, sampleRows: string[][]): ColumnPlan["parts"] {
  const format = time.time?.format;
  if (format?.kind !== "pattern" || format.pattern !== "%Y") return null;
  const years = sampleRows.map((row) => (row[time.index] ?? "").trim());
  if (new Set(years).size === years.length) return null;
  const cellsOf = (column: ColumnInfo) => sampleRows.map((row) => row[column.index] ?? "");
  // Most cells must fit, as for a time-of-day column: a malformed one is then refused at its row.
  const named = (name: RegExp, fits: (cell: string) => boolean) =>
    columns.find((c) => c !== time && name.test(c.name.trim()) && cellsOf(c).filter(fits).length >= 0.9 * sampleRows.length) ?? null;
  // Or a column of month names right after the years, under no name that says so (GENESIS: `2023;Januar`).
  const beside = columns[time.index + 1];
  const month = named(MONTH_PART, (cell) => monthOf(cell) > 0) ?? (beside?.kind === "text" && hasMonthNamesBeside(sampleRows, time.index) ? beside : null);
  if (!month) {
    const quarter = named(QUARTER_PART, (cell) => wholeIn(cell, 1, 4, /^q/i) > 0);
    if (!quarter) return null;
    return {
      columns: [quarter],
      time: { format: { kind: "pattern", pattern: "%Y-Q%q" } },
      compose: (row) => {
        const q = wholeIn(row[quarter.index] ?? "", 1, 4, /^q/i);
        return `${(row[time.index] ?? "").trim()}-Q${q > 0 ? q : "?"}`;
      },
    };
  }
  const day = named(DAY_PART, (cell) => wholeIn(cell, 1, 31) > 0);
  const hour = day ? named(HOUR_PART, (cell) => wholeIn(cell, 0, 23) >= 0) : null;
  const ymd = (row: string[]) => {
    const cell = row[month.index] ?? "";
    // Read as a summary row, left out with a note like a spreadsheet's totals row.
    if (/^M13$/i.test(cell.trim())) return "Average";
    const m = monthOf(cell);
    const year = (row[time.index] ?? "").trim();
    if (!day) return `${year}-${m ? pad2(m) : "?"}`;
    const d = wholeIn(row[day.index] ?? "", 1, 31);
    return `${year}-${m ? pad2(m) : "?"}-${d > 0 ? pad2(d) : "?"}`;
  };
  if (!hour) return { columns: day ? [month, day] : [month], time: { format: { kind: "pattern", pattern: day ? "%Y-%m-%d" : "%Y-%m" } }, compose: ymd };
  return {
    columns: [month, day as ColumnInfo, hour],
    time: { format: { kind: "pattern", pattern: "%Y-%m-%d %H:%M" } },
    compose: (row) => {
      const h = wholeIn(row[hour.index] ?? "", 0, 23);
      return `${ymd(row)} ${h >= 0 ? pad2(h) : "?"}:00`;
    },
  };
}

/** GB electricity market's half-hour of the day, 1–48 (46 or 50 when clocks change): NESO's and Elexon's `SETTLEMENT_PERIOD`. */
const SETTLEMENT_PERIOD = /^(settlement[ _-]?period|sett[ _-]?period|sp)$/i;

/**
 * A settlement-period column beside a date column whose dates repeat: each row is the half hour
 * `(period - 1) × 30` minutes into its day, on the UK's local clock (on the short day in March
 * period 3 is 02:00; on the long day in October periods 5 and 6 are 01:00 and 01:30 again, which
 * are then averaged as any repeated clock-change hour). Left alone, NESO's demand files were refused
 * for 48 rows a day at the same time.
 */
function detectSettlementPeriods(columns: ColumnInfo[], time: ColumnInfo, sampleRows: string[][]): ColumnPlan["parts"] {
  const format = time.time?.format;
  if (format?.kind !== "pattern" || !/%-?d/.test(format.pattern) || /%[HIMS]/.test(format.pattern)) return null;
  const dates = sampleRows.map((row) => (row[time.index] ?? "").trim());
  if (new Set(dates).size === dates.length) return null;
  const column = columns.find(
    (c) => c !== time && SETTLEMENT_PERIOD.test(c.name.trim()) && sampleRows.filter((row) => wholeIn(row[c.index] ?? "", 1, 50) > 0).length >= 0.9 * sampleRows.length,
  );
  if (!column) return null;
  const parseDate = makeTimeParser(format);
  // The two headers go with the format, so that exports write the date and the period again.
  const settlement = { dateColumn: time.name, periodColumn: column.name };
  return {
    columns: [column],
    time: { ...time.time, format: { ...format, pattern: `${format.pattern} %H:%M`, settlement } },
    compose: (row) => {
      const date = (row[time.index] ?? "").trim();
      const period = wholeIn(row[column.index] ?? "", 1, 50);
      if (period < 1) return `${date} ?`;
      const minutes = toSettlementMinutes(parseDate(date, 0), period);
      return `${date} ${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
    },
  };
}

const QUARTER_HEADER = /^(q|qtr|quarter|quartal|trimestre|kwartaal)[ _-]?([1-4])$/i;

/** The month (1–12) a header names (`Jan`, `February`, `mars`), else 0. */
function monthOfHeader(name: string): number {
  const text = name.trim();
  const language = monthLanguagesOf(text)[0];
  return language ? monthFromName(text, language) : 0;
}

/**
 * The period columns of a table of years by months or quarters: the twelve months (or four
 * quarters) in order among the value columns, beside a bare-year time column.
 */
function detectPeriodTable(values: ColumnInfo[], time: ColumnInfo | null): ColumnPlan["matrix"] {
  if (time?.time?.format.kind !== "pattern" || time.time.format.pattern !== "%Y") return null;
  for (const [periods, periodOf, pattern] of [
    [12, monthOfHeader, "%Y-%m"],
    [4, (name: string) => Number(QUARTER_HEADER.exec(name.trim())?.[2] ?? 0), "%Y-Q%q"],
  ] as const) {
    const start = values.findIndex((c) => periodOf(c.name) === 1);
    const columns = values.slice(start, start + periods);
    if (start < 0 || columns.length < periods || !columns.every((c, k) => periodOf(c.name) === k + 1)) continue;
    return { columns, leftOut: values.filter((c) => !columns.includes(c)), time: { format: { kind: "pattern", pattern } } };
  }
  return null;
}

/** Whether a column holds one cell on every sampled row. */
function sameOnEveryRow(column: ColumnInfo, sampleRows: string[][]): boolean {
  if (sampleRows.length < 3) return false;
  const first = (sampleRows[0]?.[column.index] ?? "").trim();
  return sampleRows.every((row) => (row[column.index] ?? "").trim() === first);
}

/**
 * Resolves the time, id and value columns from the detected columns and the analyst's choices.
 * @param sampleRowNumbers each sampled row's number in the file, when rows were left out between them
 */
export function planColumns(columns: ColumnInfo[], options: ReadOptions, sampleRows: string[][], sampleRowNumbers?: number[]): Result<Plan> {
  const names = columns.map((c) => `\`${c.name}\``).join(", ");
  let time: ColumnInfo | null = null;
  if (options.timeColumn !== undefined && options.timeColumn !== null) {
    const chosen = findColumn(columns, options.timeColumn);
    if (!chosen) return fail(`There is no column \`${options.timeColumn}\`. The columns are ${names}.`);
    if (chosen.kind !== "time") {
      return fail(`Column \`${chosen.name}\` does not hold dates or times that could be read. Pick the column with the dates.`);
    }
    time = chosen;
  } else if (options.timeColumn === undefined) {
    // Written dates over numbers that read as years or serial dates (`month,Sales prior year`).
    // A date that is the same on every row is a stamp on the file (Eurostat's `LAST UPDATE`
    // before `TIME_PERIOD`), not the time axis.
    const changing = columns.filter((c) => c.kind === "time" && !sameOnEveryRow(c, sampleRows));
    const dated = changing.length > 0 ? changing : columns.filter((c) => c.kind === "time");
    // A time filled on every row over one left empty on some: Shopify's `Created at` over `Paid at`,
    // which its line items after an order's first leave empty (and unpaid orders never fill).
    const filled = dated.filter((c) => sampleRows.every((row) => (row[c.index] ?? "").trim() !== ""));
    const candidates = filled.length > 0 ? filled : dated;
    time = candidates.find((c) => !c.numeric) ?? candidates[0] ?? null;
  }

  const parts = time ? (detectDateParts(columns, time, sampleRows) ?? detectSettlementPeriods(columns, time, sampleRows)) : null;
  const clock = time && !parts ? detectClockColumn(columns, time, sampleRows) : null;
  const isTime = (c: ColumnInfo) => c === time || c === clock?.column || (parts?.columns.includes(c) ?? false);

  let ids: ColumnInfo[] = [];
  let recordLines = false;
  const chosenIds = options.idColumns?.length ? options.idColumns : options.idColumn ? [options.idColumn] : [];
  if (chosenIds.length > 0) {
    for (const name of chosenIds) {
      const chosen = findColumn(columns, name);
      if (!chosen) return fail(`There is no column \`${name}\`. The columns are ${names}.`);
      if (isTime(chosen)) return fail(`Column \`${chosen.name}\` is the time column; it cannot also name the series.`);
      if (!ids.includes(chosen)) ids.push(chosen);
    }
  } else if (options.idColumn === undefined && time) {
    // A date with its time of day is one time: the dates alone repeat every day.
    const timeOf = (row: string[]) => (parts ? parts.compose(row) : clock ? `${row[time.index] ?? ""} ${row[clock.column.index] ?? ""}` : (row[time.index] ?? ""));
    const candidates = columns.filter((c) => !isTime(c) || c === time);
    recordLines = holdsRecordTotals(candidates, sampleRows.map(timeOf), sampleRows);
    if (!recordLines) ids = detectIdColumns(candidates, timeOf, sampleRows);
  }
  // Amounts in different currencies are split by their code whether or not it names the series
  // (see CurrencySplit), so a currency column found among those naming them is taken out: PayPal's
  // `Type` and `Currency` named `Website Payment · USD · Net`, now `Website Payment · Net · USD`.
  const currencies = detectCurrencyColumns(columns.filter((c) => !isTime(c)), sampleRows);
  let currencyColumn = mainCurrencyColumn(currencies);
  // Chosen to name the series, it names them as any column does (`USD`).
  if (currencyColumn && chosenIds.length > 0 && ids.includes(currencyColumn)) currencyColumn = null;
  if (currencyColumn) ids = ids.filter((c) => c !== currencyColumn);
  // A unit column that names the series with others (Eurostat's `unit` and `geo`) keeps naming them;
  // a series whose rows still hold several units is split by them once read (see splitByCode).
  const unitColumn = mainUnitColumn(detectUnitColumns(columns.filter((c) => !isTime(c) && c !== currencyColumn), sampleRows), sampleRows);
  const id = ids[0] ?? null;

  let values: ColumnInfo[];
  let rowNumbers: ColumnInfo | null = null;
  let calendar: ColumnInfo[] = [];
  let identifiers: ColumnInfo[] = [];
  if (options.valueColumns && options.valueColumns.length > 0) {
    values = [];
    for (const name of options.valueColumns) {
      const chosen = findColumn(columns, name);
      if (!chosen) return fail(`There is no column \`${name}\`. The columns are ${names}.`);
      if (isTime(chosen) || ids.includes(chosen)) {
        return fail(`Column \`${chosen.name}\` is the ${ids.includes(chosen) ? "series name" : "time"} column; it cannot also be a value column.`);
      }
      // A column empty in the sampled rows may fill further down (see lateNumbers): chosen, it is read as any value column.
      if (chosen.kind !== "number" && chosen.kind !== "empty" && !chosen.numeric) return fail(`Column \`${chosen.name}\` does not hold numbers, so it cannot be a series.`);
      if (!values.includes(chosen)) values.push(chosen);
    }
  } else {
    values = columns.filter((c) => (c.kind === "number" || (c.numeric && !TIME_ONLY_NAME.test(c.name))) && !isTime(c) && !ids.includes(c) && !isZeroLedLabel(c, sampleRows));
    rowNumbers = detectRowNumbers(values, sampleRows, sampleRowNumbers);
    if (rowNumbers) values = values.filter((c) => c !== rowNumbers);
    if (time) {
      calendar = values.filter((c) => CALENDAR_FIELD.test(c.name.trim()));
      if (calendar.length < values.length) values = values.filter((c) => !calendar.includes(c));
      else calendar = [];
    }
    identifiers = values.filter((c) => RECORD_ID_NAME.test(c.name.trim()));
    if (identifiers.length < values.length) values = values.filter((c) => !identifiers.includes(c));
    else identifiers = [];
  }
  if (values.length === 0) {
    // Name the column that was meant to hold the values (one with a few numbers among its words,
    // rather than a comment column beside it), and the words it holds instead.
    const texts = time ? columns.filter((c) => c.kind === "text" && !isTime(c) && !ids.includes(c)) : [];
    const cellsOf = (c: ColumnInfo) => sampleRows.map((row) => (row[c.index] ?? "").trim()).filter((cell) => cell !== "");
    const wordy = texts.find((c) => cellsOf(c).some((cell) => /\d/.test(cell))) ?? texts[0];
    const example = wordy ? (cellsOf(wordy).find((cell) => !/\d/.test(cell)) ?? cellsOf(wordy)[0]) : undefined;
    if (wordy && example !== undefined) {
      return fail(
        `No column holds numbers, so there is no series to read: column \`${wordy.name}\` holds text such as \`${example}\`. Write its values as numbers (empty cells are fine), or choose a file with a column of numbers.`,
      );
    }
    return fail(
      `No column holds numbers, so there is no series to read. The columns are ${names}; a time series needs a column of values such as \`sales\` or \`temperature\`.`,
    );
  }
  const matrix = !id && !parts && !clock ? detectPeriodTable(values, time) : null;
  if (matrix) {
    const name = matrix.columns.length === 12 ? "monthly values" : "quarterly values";
    values = [{ index: -1, name, kind: "number" }];
  }
  const currency = currencyColumn && !matrix ? { column: currencyColumn, money: values.filter((c) => isMoneyColumn(c, currencies, currencyColumn)) } : null;
  const unit = unitColumn && !matrix ? { column: unitColumn, measured: values.filter((c) => !c.unit && c !== unitColumn) } : null;
  return ok({ time, id, ids, values, rowNumbers, calendar, identifiers, clock, parts, matrix, currency, unit, ...(recordLines ? { recordLines } : {}) });
}


/**
 * Whether the header is InfluxDB's (`result`, `table`, `_time`, `_value`): its `table` column numbers
 * the query's tables, 0 on every row of a one-table export, which is a code, not an unsold product.
 */
function isInfluxTable(columns: ColumnInfo[]): boolean {
  const names = new Set(columns.map((c) => c.name));
  return ["result", "table", "_time", "_value"].every((name) => names.has(name));
}

/** Rows a total that is not their sum needs above it, and how many times every row's value it must be, to be taken for a total. */
const LOOSE_TOTAL_MIN_ROWS = 8;
const LOOSE_TOTAL_FACTOR = 3;

/** Fewer rows than this do not show that a column never changes. */
const CONSTANT_MIN_ROWS = 8;

/**
 * A header naming a code or how the values are written (Statistics Canada's `SCALAR_ID`, `UOM_ID`,
 * `DECIMALS`; SDMX's `UNIT_MULT`, the power of ten, as the ECB writes it): its zeros are a code,
 * not sales yet to come.
 */
const CODE_NAME = /(^|[\s_\-.])(id|code|decimals|unit[\s_\-.]?mult(iplier)?)\s*$/i;

/**
 * Value columns whose every cell, in every series, is one number, while at least one other value
 * column changes. In a wide file 0 does not count: a column of zeros can be a product that has not
 * sold yet, unless its header names a code (`SCALAR_ID`); in a long file the same column is 0 for every series (`DECIMALS`). In a long file a
 * column that keeps one number within each series, over eight or more rows of one, describes the
 * series rather than their course (NOAA's `LATITUDE`, `LONGITUDE`, `ELEVATION` of each station).
 * @param candidates the value columns that could be left out
 * @param values every value column, in the groups' order
 * @param long whether a column names the series
 * @param zeroIsCode whether a column of zeros is a code in a wide file too (InfluxDB's `table`)
 * @returns each constant column with its number as written in the note, null when it is one per series
 */
function constantColumns(candidates: ColumnInfo[], values: ColumnInfo[], groups: Map<string, Group>, long: boolean, zeroIsCode = false): [ColumnInfo, string | null][] {
  const constants: [ColumnInfo, string | null][] = [];
  for (const info of candidates) {
    const c = values.indexOf(info);
    let only = Number.NaN;
    let count = 0;
    let constant = true;
    let perSeries = long;
    let longest = 0;
    for (const group of groups.values()) {
      const column = group.values[c];
      if (!column) continue;
      let own = Number.NaN;
      let ownCount = 0;
      for (let i = 0; i < column.length && (constant || perSeries); i++) {
        const v = column.data[i] as number;
        if (Number.isNaN(v)) continue;
        if (count === 0) only = v;
        else if (v !== only) constant = false;
        if (ownCount === 0) own = v;
        else if (v !== own) perSeries = false;
        count++;
        ownCount++;
      }
      longest = Math.max(longest, ownCount);
    }
    if (constant && count >= CONSTANT_MIN_ROWS && (long || zeroIsCode || only !== 0 || CODE_NAME.test(info.name))) constants.push([info, String(only)]);
    else if (perSeries && groups.size > 1 && longest >= CONSTANT_MIN_ROWS) constants.push([info, null]);
  }
  return constants.length < candidates.length ? constants : [];
}

/**
 * The series a split's note gives as examples: the first and the same one in another currency or unit
 * (`gross · USD`, `gross · EUR`), not `fee · USD` after it.
 */
function splitExamples(names: readonly string[]): string {
  const first = names[0] ?? "";
  const base = first.slice(0, first.lastIndexOf(" · "));
  const other = names.find((name) => name !== first && name.slice(0, name.lastIndexOf(" · ")) === base) ?? names[1];
  return [first, other].filter((name) => name !== undefined).map((name) => `\`${name}\``).join(", ");
}

/**
 * The codes a currency or unit column holds, each numbered in the order met, as each row is read: an
 * empty cell is in the code of the row above (counted in `carried`), a row before any code in none (-1).
 */
function codesMet() {
  const codes = new Map<string, number>();
  const carried: MissingCells = { count: 0, rows: [] };
  let last = -1;
  return {
    codes,
    carried,
    meet(code: string): number {
      last = codes.get(code) ?? codes.size;
      if (last === codes.size) codes.set(code, last);
      return last;
    },
    carry(line: number): number {
      if (carried.count++ < ROW_LIMIT_IN_MESSAGES) carried.rows.push(line);
      return last;
    },
  };
}

/** A Float64Array (or Int32Array) that grows as points arrive: 8 bytes a point, no boxed numbers. */
class Growable<A extends Float64Array | Int32Array> {
  length = 0;
  constructor(
    public data: A,
    private readonly make: (size: number) => A,
  ) {}
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
}

const floats = (size = 1024) => new Growable(new Float64Array(size), (n) => new Float64Array(n));
const ints = (size = 1024) => new Growable(new Int32Array(size), (n) => new Int32Array(n));

/** The points of one series id (all of the file, for files without an id column). */
interface Group {
  key: string;
  times: Growable<Float64Array>;
  /** The row each point came from, for messages. */
  rows: Growable<Int32Array>;
  /** One column of values per value column. */
  values: Growable<Float64Array>[];
  /** The UTC offset each time was written with, in minutes, when the times carry one. */
  offsets: Growable<Int32Array> | null;
  /** Each row's currency, as its number among the codes met (-1: none yet), when the file has a currency column. */
  currencies: Growable<Int32Array> | null;
  /** The one currency of its rows' amounts, once known (see splitByCode). */
  currency?: string;
  /** Each row's unit, as its number among the units met, when the file has a unit column. */
  units: Growable<Int32Array> | null;
  /** The one unit of its rows' values as the unit column writes it (`CP_MEUR`), once known. */
  unit?: string;
  /** Whether it is one of a series' parts in different units, named by its unit (`LT · CP_MEUR`). */
  unitSplit?: boolean;
}

/** Copies row `i` of one group onto the end of another, every column of it: the splits by a late id, a currency or a unit move rows so. */
function copyRow(from: Group, i: number, to: Group): void {
  to.times.push(from.times.data[i] as number);
  to.rows.push(from.rows.data[i] as number);
  to.offsets?.push(from.offsets?.data[i] as number);
  to.currencies?.push(from.currencies?.data[i] as number);
  to.units?.push(from.units?.data[i] as number);
  from.values.forEach((column, c) => (to.values[c] as Growable<Float64Array>).push(column.data[i] as number));
}

interface MissingCells {
  count: number;
  rows: number[];
}

const isDigitCode = (code: number) => code >= 48 && code <= 57;

/** `cell.trim().length`, without making the trimmed string when the cell starts and ends in printable ASCII. */
function trimmedLength(cell: string): number {
  const first = cell.charCodeAt(0);
  const last = cell.charCodeAt(cell.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127 ? cell.length : cell.trim().length;
}

/**
 * Reads one cell as a value: a number, NaN for a missing value, or undefined for a malformed number.
 * Plain numbers (`12`, `-3.25`; `1e5` with a decimal point) take fast paths; everything else goes
 * to parseNumberCell.
 */
function readValue(cell: string, decimal: DecimalMark, unit?: string): number | undefined {
  const plain = readPlainNumber(cell, decimal);
  if (plain !== undefined) return plain;
  const first = cell.charCodeAt(0);
  if (decimal === "." && ((first >= 48 && first <= 57) || first === 45)) {
    const second = cell.charCodeAt(1) | 32;
    // `+cell` also reads hex (`0x1f`), binary and octal literals, which are not numbers in a CSV.
    if (second !== 120 && second !== 98 && second !== 111) {
      const value = +cell;
      if (value - value === 0) return value;
    }
  }
  const parsed = parseNumberCell(cell, decimal);
  if (parsed.kind === "number") return otherUnit(cell, unit) ? undefined : parsed.value;
  return parsed.kind === "invalid" ? undefined : NaN;
}

/**
 * A cell written in a unit of measure other than its column's (`1.2 kWh` among `800 Wh`), or in
 * one where the column has none: read as it stands, it would mix scales in one series.
 */
function otherUnit(cell: string, unit: string | undefined): string | undefined {
  const written = measureUnit(cell);
  if (written === undefined || written === unit) return undefined;
  return unit === undefined || measureUnit(`1 ${unit}`) !== undefined ? written : undefined;
}

/**
 * Whether two neighbouring cells of a row are the two halves of a number written with a decimal
 * comma (`11,5` read as `11` and `5`): only then does a row with too many fields call for that hint.
 */
function splitsDecimalComma(row: string[]): boolean {
  for (let i = 1; i < row.length; i++) {
    if (/^\s*[-+−]?\d+$/.test(row[i - 1] as string) && /^\d+\s*$/.test(row[i] as string)) return true;
  }
  return false;
}

/**
 * Numbers split at a comma for thousands in a comma-delimited row (`2006,202.4,1,017`: `1` and
 * `017`): a lead of 1–3 digits, then groups of exactly 3. Such a row was told to quote decimal
 * commas, which `1,017` is not. Null unless the groups found account for every cell too many.
 * @returns each number's cells and, when the groups are exactly the cells too many, the column it
 * would fill once joined
 */
function thousandsSplits(row: string[], width: number): { cells: string[]; at: number | null }[] | null {
  const runs: { start: number; cells: string[] }[] = [];
  for (let i = 0; i < row.length - 1; i++) {
    if (!/^\s*[-+−]?[$€£]?[1-9]\d{0,2}$/.test(row[i] as string) || !/^\d{3}\s*$/.test(row[i + 1] as string)) continue;
    let end = i + 1;
    while (end + 1 < row.length && /^\d{3}\s*$/.test(row[end + 1] as string)) end++;
    runs.push({ start: i, cells: row.slice(i, end + 1).map((cell) => cell.trim()) });
    i = end;
  }
  const extra = row.length - width;
  const groups = runs.reduce((sum, run) => sum + run.cells.length - 1, 0);
  if (runs.length === 0 || groups < extra) return null;
  let joined = 0;
  return runs.map((run) => {
    const at = groups === extra ? run.start - joined : null;
    joined += run.cells.length - 1;
    return { cells: run.cells, at };
  });
}

/** A text column that may yet turn out to name the series: its cell on every row, as codes. */
interface LateId {
  column: ColumnInfo;
  codes: Growable<Int32Array>;
  names: Map<string, number>;
}

/** The first two late id columns that together make each time come once per series, or null. */
function latePair(candidates: LateId[], times: Float64Array, n: number): [LateId, LateId] | null {
  const codes = new Int32Array(n);
  for (const [a, b] of combinations(candidates, 2) as Generator<[LateId, LateId]>) {
    const size = b.names.size;
    for (let i = 0; i < n; i++) codes[i] = (a.codes.data[i] as number) * size + (b.codes.data[i] as number);
    if (timesUniqueWithin(times, codes, n)) return [a, b];
  }
  return null;
}

/** More distinct cells than this and a text column is a comment, not series names. */
const MAX_LATE_IDS = 10_000;

/** How many times equal the time before them once sorted. */
function countRepeats(times: Float64Array): number {
  const sorted = Float64Array.from(times).sort();
  let repeats = 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) repeats++;
  return repeats;
}

/** Whether no two of the first n points with the same code have the same time. */
function timesUniqueWithin(times: Float64Array, codes: Int32Array, n: number): boolean {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (codes[a] as number) - (codes[b] as number) || (times[a] as number) - (times[b] as number));
  for (let k = 1; k < n; k++) {
    const a = order[k - 1] as number;
    const b = order[k] as number;
    if (codes[a] === codes[b] && times[a] === times[b]) return false;
  }
  return true;
}

/** Where a refusal points: the row as its sentence numbers it, and the index of the column it names (null: the row as a whole). */
export interface RefusedCell {
  row: number;
  column: number | null;
  /** How many more rows the sentence names after this one (rows with the same time); 0 when omitted. */
  others?: number;
  /** Those rows, in file order, for the preview to mark them too. */
  otherRows?: number[];
}

/** A bad row found after the first, with its own sentence. */
export interface FurtherRefusal {
  reason: string;
  at: RefusedCell;
}

/**
 * What reading a file gives: its series, or the sentence refusing it, with the cell that sentence
 * names when it names one; read with `collect`, also the bad rows after that one (`further`, in
 * file order) and how many more there are beyond those (`further.more`).
 */
export type ReadResult<T> =
  | { ok: true; data: T }
  | { ok: false; reason: string; at?: RefusedCell; further?: { rows: FurtherRefusal[]; more: number } };

interface Refusal {
  reason: string;
  at: RefusedCell;
}

function refuse(refusal: Refusal, further?: { rows: FurtherRefusal[]; more: number }): ReadResult<never> {
  return further && (further.rows.length > 0 || further.more > 0)
    ? { ok: false, reason: refusal.reason, at: refusal.at, further }
    : { ok: false, reason: refusal.reason, at: refusal.at };
}

/**
 * A refusal found once the whole file is read, naming several rows: it points at the first of
 * them and lists the rest, so that the preview marks them all (or as many as it marks).
 */
function refuseRows(reason: string, rows: number[], column: number | null): ReadResult<never> {
  const [row, ...otherRows] = [...rows].sort((a, b) => a - b) as [number, ...number[]];
  return refuse({ reason, at: { row, column, others: otherRows.length, otherRows } });
}

/** Collects rows into series; keeps the first bad row's sentence (and, collecting, the next ones'). */
interface DatasetBuilder {
  /** Adds one row; false (with `error` set) at the first bad row, unless collecting further ones. */
  add(row: string[], line: number): boolean;
  /** The sentence naming the first bad row and where it points, once add returned false. */
  error(): Refusal | null;
  /** The bad rows after the first, when collecting. */
  further(): { rows: FurtherRefusal[]; more: number };
  /** @param lineEnded whether the file ends with a line break (blanks after it aside) */
  finish(lineEnded: boolean): ReadResult<ParsedDataset>;
}

/** @param collect bad rows to keep after the first (the rest only counted); 0 stops at the first */
function startDataset(sniffed: CsvSniff, plan: Plan, options: ReadOptions, collect = 0): DatasetBuilder {
  const { dialect, columns } = sniffed;
  const timeDetected = plan.matrix?.time ?? plan.parts?.time ?? plan.clock?.time ?? plan.time?.time;
  const matrix = plan.matrix ?? null;
  const detectedFormat: TimeFormat = timeDetected?.format ?? { kind: "index" };
  const clockIndex = plan.clock?.column.index ?? -1;
  const compose = plan.parts?.compose ?? null;
  let timeFormat = detectedFormat;
  // A table of years by months has years in its time column and months across.
  const parseTime = makeTimeParser(matrix ? (plan.time?.time?.format as TimeFormat) : detectedFormat);
  const rangeSeparator = matrix ? undefined : timeDetected?.rangeSeparator;
  // A shorter cell than the padded pattern prints was written without padding (`1/2/2024`).
  const paddedWidth = matrix ? null : fixedPatternWidth(detectedFormat);
  let shortCell: { cell: string; t: number } | null = null;
  // Each time's UTC offset is kept: offsets an hour apart (daylight saving) are read on the local
  // clock in finish(); other mixes are written back with the latest one.
  const zoned = detectedFormat.kind === "pattern" && detectedFormat.pattern.includes("%z");
  let latest: { cell: string; t: number } | null = null;
  let offsetRange: [number, number] | null = null;
  const width = columns.length;
  const timeIndex = plan.time?.index ?? -1;
  const idIndex = plan.id?.index ?? -1;
  const ids = plan.ids ?? (plan.id ? [plan.id] : []);
  // Several columns name a series by their cells joined, a number under its header (`store_nbr 1 · AUTOMOTIVE`).
  const combinedKey =
    ids.length > 1
      ? (row: string[]) =>
          ids
            .map((c) => {
              const cell = (row[c.index] as string).trim();
              return cell === "" ? "(blank)" : c.kind === "number" ? `${c.name} ${cell}` : cell;
            })
            .join(" · ")
      : null;
  const valueIndexes = plan.values.map((c) => c.index);
  const decimal = dialect.decimal;

  const groups = new Map<string, Group>();
  const groupOf = (key: string): Group => {
    let group = groups.get(key);
    if (!group) {
      group = { key, times: floats(), rows: ints(), values: plan.values.map(() => floats()), offsets: zoned ? ints() : null, currencies: plan.currency ? ints() : null, units: plan.unit ? ints() : null };
      groups.set(key, group);
    }
    return group;
  };
  const single = plan.id ? null : groupOf("");
  // A long file sorted by series (`symbol,date,price`, every MSFT row first) shows one series in
  // the sampled rows, so its name column shows itself only once the whole file repeats its times:
  // every text column is kept as codes per row until then.
  const lateIds: LateId[] =
    single && plan.time && !matrix && options.idColumn === undefined && !plan.recordLines
      ? columns
          .filter(
            (c) =>
              (c.kind === "text" || (c.kind === "number" && ((plan.values.length > 1 && ID_NAME.test(c.name.trim())) || isZeroLedLabel(c, sniffed.sampleRows)))) &&
              !isFlagColumn(c, sniffed.sampleRows) &&
              c !== plan.clock?.column &&
              c !== plan.currency?.column &&
              !plan.parts?.columns.includes(c),
          )
          .map((column) => ({ column, codes: ints(), names: new Map() }))
      : [];
  // Columns with no cell in the sampled rows were not taken as values: a forecast CSV with its
  // history (`actual` first, the `forecast` columns only on its last rows) or a product launched
  // later in a wide file. Where such a column holds numbers further down, the read says so.
  const lateNumbers = matrix
    ? []
    : columns.filter((c) => c.kind === "empty" && !plan.values.includes(c) && c !== plan.time && !ids.includes(c) && c !== plan.clock?.column && !plan.parts?.columns.includes(c)).map((column) => ({ column, firstRow: 0, words: false }));
  let id = plan.id;
  /** The columns found to name the series once the whole file was read (see splitByLateId). */
  let lateIdColumns: ColumnInfo[] = [];
  /** The column whose one cell named the file's one series (see seriesLabel). */
  let labelColumn: ColumnInfo | null = null;
  let headerSeen = !dialect.hasHeader;
  /** Header rows after the first (column levels), then a units row, an RDB format row or pandas' index-name row under the header. */
  let underHeader = (dialect.headerRows ?? 0) + (dialect.unitsRow || dialect.formatRow || dialect.indexNameRow ? 1 : 0) + (dialect.describedRows ?? 0);
  let preamble = dialect.skipRows ?? 0;
  const summaryRows: number[] = [];
  /** Lines inside the table starting with `#`, as exporters write comments. */
  const commentRows: number[] = [];
  /** Where the `#` lines after the last data row begin in `commentRows`, or -1 when a data row came last. */
  let commentsAfterData = -1;
  /**
   * Another table under `#` lines after the first, as Google Analytics writes a report's sections
   * (`# ----` lines, then `Nth day,New users` or `Users,New Users,Sessions,…`): left out from its
   * `#` lines on. Read on, its rows were added to the first table's series.
   */
  let otherTable: { from: number; header: string[]; last: number; notes: Notes; held?: HeldNotes } | null = null;
  /** The header's cells, and the rows that repeat them (exports joined one after another). */
  let headerCells: string[] | null = null;
  /** The character code the header's first cell starts with (NaN when it is empty). */
  let headerLead = Number.NaN;
  const repeatedHeaders: number[] = [];
  // Values read without the status flag written after them (provisional, revised, estimated), per value column.
  const flagged: MissingCells[] = plan.values.map(() => ({ count: 0, rows: [] }));
  // Values written as below a bound (`<1`), read as half of it, per value column, with each bound's reading.
  const bounded: (MissingCells & { readings: Map<string, number> })[] = plan.values.map(() => ({ count: 0, rows: [], readings: new Map() }));
  // Rows of a coarser block of the time column (ONS's years and quarters before its months), left out.
  const coarser =
    matrix || compose || clockIndex >= 0
      ? []
      : (plan.time?.blocks?.coarser ?? []).map((block) => ({ label: block.label, at: block.at, parse: makeTimeParser(block.format), count: 0, rows: [] as number[], last: 0 }));
  // The block the rows have come to: a row of a block passed already (a year after the months) is no block's.
  let blockAt = 0;
  const finestAt = plan.time?.blocks?.at ?? 0;
  /** A row without a date after the data, left out at the end if its values are the column sums. */
  let unlabelledTotal: { line: number; row: string[]; refusal: Refusal } | null = null;
  let dataIndex = 0;
  /** The columns a row must reach: the time (and what it is composed of) and the series' names. */
  const rowKeys = [plan.time, plan.clock?.column, ...(plan.parts?.columns ?? []), ...ids].filter((c): c is ColumnInfo => c !== null && c !== undefined);
  /** Rows with fewer cells than the header, read with the missing last cells empty. */
  const short = { count: 0, first: { line: 0, length: 0 }, last: 0 };
  /** The number of the last row the file handed in, whatever it was. */
  let lastLine = 0;
  const currencyIndex = plan.currency?.column.index ?? -1;
  /** The currency codes met, in capitals; an empty cell is an order's later line item, in the currency of the row above. */
  const currencies = codesMet();
  const currencyCodes = currencies.codes;
  const carried = currencies.carried;
  const unitIndex = plan.unit?.column.index ?? -1;
  /** The units met, as the unit column writes them. */
  const units = codesMet();
  const unitCodes = units.codes;
  const unitCarried = units.carried;

  function raggedMessage(row: string[], line: number): string {
    const fields = `Row ${formatRowNumber(line)} has ${row.length} ${row.length === 1 ? "field" : "fields"} but the header has ${width}`;
    if (row.length < width) return `${fields}. Check the delimiter and the quotes on that row.`;
    const thousands = dialect.delimiter === "," && dialect.decimal === "." ? thousandsSplits(row, width) : null;
    if (thousands) {
      const shown = thousands.slice(0, ROW_LIMIT_IN_MESSAGES);
      const one = thousands.length === 1;
      const more = thousands.length > shown.length ? ", …" : "";
      const cells = shown.map(({ cells }) => joinNames(cells)).join("; ");
      const numbers = shown.map(({ cells }) => cells.join(","));
      // Not `column 3`: a file of such rows can have its header taken for a title line.
      const named = shown.map(({ at }) => (at === null || !dialect.hasHeader ? undefined : columns.find((c) => c.index === at)?.name));
      const where = named.every((name) => name !== undefined) ? ` (${one ? "column" : "columns"} ${joinNames(named)})` : "";
      const what = one ? `one number, ${numbers[0]}, written with a comma for thousands` : `the numbers ${numbers.slice(0, -1).join(", ")}${more ? `, ${numbers.at(-1)}${more}` : ` and ${numbers.at(-1)}`}, written with commas for thousands`;
      return `${fields}: ${cells}${more} are ${what}${where}. Quote such numbers ("${numbers[0]}") or export the file without thousands separators.`;
    }
    if (dialect.delimiter === "," && dialect.decimal === "." && splitsDecimalComma(row)) {
      return `${fields}. If numbers use a decimal comma, quote them or save the file with semicolons.`;
    }
    const extra = row.slice(width).map((cell) => quote(cell.trim()));
    const named = extra.length === 1 ? `the extra cell is ${extra[0]}` : `the extra cells are ${extra.slice(0, ROW_LIMIT_IN_MESSAGES).join(", ")}${extra.length > ROW_LIMIT_IN_MESSAGES ? ", …" : ""}`;
    return `${fields}: ${named}. If a cell holds the delimiter, quote it; otherwise check the delimiter and the quotes on that row.`;
  }

  /** Extra cells that are all empty (trailing delimiters, as some exports write) are not an error. */
  function onlyEmptyExtra(row: string[]): boolean {
    if (row.length < width) return false;
    for (let i = width; i < row.length; i++) if ((row[i] as string).trim() !== "") return false;
    return true;
  }

  /** A cell that is no number; one that is a number with the other decimal mark says how to read it so. */
  function notANumber(line: number, column: string, cell: string, unit?: string): string {
    const where = `Row ${formatRowNumber(line)}, column \`${column}\`: ${quote(cell.trim())}`;
    const written = otherUnit(cell, unit);
    if (written !== undefined) {
      return unit === undefined
        ? `${where} is written in ${written}, and the column's values do not share one unit. Write them all in one unit (or as plain numbers), so that one series does not mix scales.`
        : `${where} is written in ${written}, the column's values in ${unit}. Convert it to ${unit}, so that one series does not mix scales.`;
    }
    const bound = belowBound(cell);
    if (bound !== undefined && parseNumberCell(bound.slice(1), decimal).kind === "number") {
      return `${where} says only that the value is below ${bound.slice(1)}, which gives no number to read it as (half a bound above 0 is read). Write the value, or empty the cell to mark a missing value.`;
    }
    const other: DecimalMark = decimal === "." ? "," : ".";
    if (parseNumberCell(cell, other).kind !== "number") return `${where} is not a number. Correct it, or empty the cell to mark a missing value.`;
    const mark = (m: DecimalMark) => (m === "." ? "decimal point" : "decimal comma");
    return `${where} is not a number with a ${mark(decimal)}, which the file's first rows were read with. If its numbers use a ${mark(other)}, choose that decimal mark on import (CLI: --decimal ${other}); otherwise correct the cell.`;
  }

  /** A number beyond what the forecaster takes (see MAX_ABS_VALUE): refused here, by row, rather than when training. */
  function tooLarge(line: number, column: string, cell: string): string {
    return `Row ${formatRowNumber(line)}, column \`${column}\`: ${quote(cell.trim())} is ${BEYOND_MAX_ABS_VALUE}. Write the column in a larger unit (divide its values by a power of ten) and upload it again.`;
  }

  let error: Refusal | null = null;
  const further: { rows: FurtherRefusal[]; more: number } = { rows: [], more: 0 };
  // Collecting, the read goes on past a bad row, which is left out of the series.
  const stop = (reason: string, row: number, column: number | null) => {
    if (!error) error = { reason, at: { row, column } };
    else if (further.rows.length < collect) further.rows.push({ reason, at: { row, column } });
    else further.more++;
    return collect > 0;
  };
  /** A refusal held back (a note under the table, a row without a date) given once a data row shows it was a bad row. */
  const stopHeld = (held: Refusal) => {
    if (footer.refusal === held) footer.refusal = null;
    if (unlabelledTotal?.refusal === held) unlabelledTotal = null;
    return stop(held.reason, held.at.row, held.at.column);
  };

  /**
   * Notes and source lines under the table ("Source: ABS", "© Eurostat"): a row whose time cell is
   * words and that holds no number. Left out when nothing but such rows follows; a data row after
   * one means it was a bad row in the table after all, refused with its own message.
   */
  const footer: { rows: number[]; refusal: Refusal | null } = { rows: [], refusal: null };
  function isFooterRow(row: string[]): boolean {
    // Without a time column, the first cell: the title line under Brownlee's `shampoo.csv`.
    const cell = (row[Math.max(timeIndex, 0)] ?? "").trim();
    // A numbered footnote (`1) Provisional figures.`) starts with a digit but is words.
    if (cell === "" || (/^\d/.test(cell) && !FOOTNOTE.test(cell))) return false;
    return row.every((c) => parseNumberCell(c, decimal).kind !== "number");
  }
  function holdFooter(line: number, reason: string, column: number | null): boolean {
    footer.rows.push(line);
    footer.refusal ??= { reason, at: { row: line, column } };
    return true;
  }

  function add(row: string[], line: number): boolean {
    lastLine = line;
    if (preamble > 0) {
      preamble--;
      return true;
    }
    if (!headerSeen) {
      headerSeen = true;
      headerCells = row.map((cell) => cell.trim());
      headerLead = (headerCells[0] ?? "").charCodeAt(0);
      return true;
    }
    if (underHeader > 0) {
      underHeader--;
      return true;
    }
    // A row that is no note under held notes: the label rows were the table's after all, read (and refused by row) as before.
    if (otherTable?.held && !isNoteRow(row, decimal) && !isCommentCell(row[0] ?? "")) {
      const { rows, comments } = otherTable.held;
      otherTable = null;
      commentRows.push(...comments);
      for (const held of rows) if (!add(held.row, held.line)) return false;
      // Read again: the held rows may hold another such block.
      return add(row, line);
    }
    // Another table's rows fit none of this one's columns: they are counted for its note only.
    if (otherTable) {
      otherTable.last = line;
      otherTable.held?.rows.push({ row: [...row], line });
      // A `#` line among held notes is no label of theirs.
      if (!otherTable.held || !isCommentCell(row[0] ?? "")) noteRow(otherTable.notes, row, false, decimal);
      return true;
    }
    const first = row[0] ?? "";
    // A first cell starting with a printable ASCII character other than `#` is neither a comment
    // nor (unless that character starts the header too) a repeated header: no regex, no trim.
    const lead = first.charCodeAt(0);
    const plainLead = lead > 32 && lead < 127;
    // An order's or a ticket's number (Shopify's `#1001`) is a cell, not a comment.
    if (!(plainLead && lead !== 35) && isCommentCell(first)) {
      if (commentsAfterData < 0 && dataIndex > 0) commentsAfterData = commentRows.length;
      commentRows.push(line);
      return true;
    }
    if (
      headerCells &&
      !(plainLead && lead !== headerLead) &&
      first.trim() === headerCells[0] &&
      row.every((cell, i) => cell.trim() === (headerCells?.[i] ?? ""))
    ) {
      repeatedHeaders.push(line);
      return true;
    }
    if (commentsAfterData >= 0) {
      if (isHeaderOfWords(row, decimal)) {
        otherTable = { from: commentRows[commentsAfterData] as number, header: row.map((cell) => cell.trim()), last: line, notes: { labels: [], below: 0, numbers: 0, only: true, colon: false } };
        noteRow(otherTable.notes, row, true, decimal);
        commentRows.length = commentsAfterData;
        return true;
      }
      if (startsNotes(row, decimal)) {
        // Held until the end: a data row under it would make these rows the table's.
        const held = { rows: [{ row: [...row], line }], comments: commentRows.slice(commentsAfterData) };
        otherTable = { from: commentRows[commentsAfterData] as number, header: row.map((cell) => cell.trim()), last: line, notes: { labels: [], below: 0, numbers: 0, only: true, colon: false }, held };
        noteRow(otherTable.notes, row, false, decimal);
        commentRows.length = commentsAfterData;
        commentsAfterData = -1;
        return true;
      }
      commentsAfterData = -1;
    }
    if (row.length !== width && !onlyEmptyExtra(row)) {
      if (isFooterRow(row)) return holdFooter(line, raggedMessage(row, line), null);
      if (row.length > width) return stop(raggedMessage(row, line), line, null);
      // Fewer cells than the header: exporters that drop a row's empty last cells write them so,
      // and pandas and Excel read the missing cells as empty. A row ending before its time or
      // series name is broken, not shortened.
      const missing = rowKeys.find((c) => c.index >= row.length);
      if (missing) return stop(`${raggedMessage(row, line).replace(/\. Check/, `, so it has no \`${missing.name}\`. Check`)}`, line, null);
      if (short.count++ === 0) short.first = { line, length: row.length };
      short.last = line;
      while (row.length < width) row.push("");
    }
    let t: number;
    let offset = 0;
    if (timeIndex >= 0) {
      const written = compose ? compose(row) : clockIndex >= 0 ? `${(row[timeIndex] as string).trim()} ${(row[clockIndex] as string).trim()}` : (row[timeIndex] as string);
      const cell = rangeSeparator === undefined ? written : rangeStart(written, rangeSeparator);
      t = parseTime(cell, dataIndex);
      if (zoned && t - t === 0) {
        if (latest === null || t > latest.t) latest = { cell, t };
        offset = offsetOf(cell) ?? 0;
        offsetRange = offsetRange ? [Math.min(offsetRange[0], offset), Math.max(offsetRange[1], offset)] : [offset, offset];
      }
      if (paddedWidth !== null && shortCell === null && t - t === 0 && trimmedLength(cell) < paddedWidth) shortCell = { cell, t };
      if (!(t - t === 0)) {
        const where = plan.parts
          ? `columns ${[plan.time, ...plan.parts.columns].map((c) => `\`${c?.name ?? ""}\``).join(", ")}`
          : `column \`${plan.time?.name ?? ""}\``;
        const block = coarser.length > 0 ? coarser.find((b) => b.at >= blockAt && Number.isFinite(b.parse(cell.trim(), 0))) : undefined;
        if (block) {
          blockAt = block.at;
          if (block.count++ < ROW_LIMIT_IN_MESSAGES) block.rows.push(line);
          block.last = line;
          return true;
        }
        // A spreadsheet's totals row is not a point of the series.
        if (SUMMARY_LABEL.test(cell)) {
          summaryRows.push(line);
          return true;
        }
        const message =
          cell.trim() === ""
            ? `Row ${formatRowNumber(line)}, ${where}: the date is empty. Every row needs a date; fill it in or delete the row.`
            : `Row ${formatRowNumber(line)}, ${where}: ${quote(cell.trim())} is not a date like the others (${describeTimeFormat(timeFormat)}). Correct it or delete the row.`;
        if (cell.trim() === "" && single && !matrix && !unlabelledTotal && dataIndex > 1) {
          // A copy: the row array is reused for the next row, which may be a note under the table.
          unlabelledTotal = { line, row: [...row], refusal: { reason: message, at: { row: line, column: timeIndex } } };
          return true;
        }
        return isFooterRow(row) ? holdFooter(line, message, timeIndex) : stop(message, line, timeIndex);
      }
      if (coarser.length > 0) blockAt = finestAt;
      // Collecting, the row that showed it is read on: it may be bad itself.
      if (footer.refusal && !stopHeld(footer.refusal)) return false;
      if (unlabelledTotal && !stopHeld(unlabelledTotal.refusal)) return false;
    } else {
      if (footer.refusal && !stopHeld(footer.refusal)) return false;
      t = dataIndex;
    }
    let currency = -1;
    if (currencyIndex >= 0) {
      const cell = (row[currencyIndex] as string).trim();
      // Shopify writes an order's currency on its first line item only.
      if (cell === "") currency = currencies.carry(line);
      else {
        const code = currencyCode(cell);
        if (code === undefined) {
          const name = plan.currency?.column.name ?? "";
          return stop(
            `Row ${formatRowNumber(line)}, column \`${name}\`: ${quote(cell)} is not a currency code (ISO 4217, such as \`USD\` or \`EUR\`) as the column's other cells are, so its amounts cannot be kept apart from other currencies'. Correct it, or empty it if the row is in the currency of the row above.`,
            line,
            currencyIndex,
          );
        }
        currency = currencies.meet(code);
      }
    }
    let unit = -1;
    if (unitIndex >= 0) {
      const cell = (row[unitIndex] as string).trim();
      unit = cell === "" ? units.carry(line) : units.meet(cell);
    }
    const group = single ?? groupOf(combinedKey ? combinedKey(row) : (row[idIndex] as string).trim());
    if (matrix) return addPeriods(row, line, t, group);
    for (let c = 0; c < valueIndexes.length; c++) {
      const cell = row[valueIndexes[c] as number] as string;
      const value = readValue(cell, decimal, plan.values[c]?.unit);
      if (value === undefined) {
        const name = plan.values[c]?.name ?? "";
        return stop(notANumber(line, name, cell, plan.values[c]?.unit), line, valueIndexes[c] as number);
      }
      if (value > MAX_ABS_VALUE || value < -MAX_ABS_VALUE) return stop(tooLarge(line, plan.values[c]?.name ?? "", cell), line, valueIndexes[c] as number);
      // A flag ends in `*`, `)` or a letter: a cell ending in a digit needs no closer look.
      if (value === value && !isDigitCode(cell.charCodeAt(cell.length - 1)) && hasStatusFlag(cell)) {
        const cells = flagged[c] as MissingCells;
        cells.count++;
        if (cells.rows.length < ROW_LIMIT_IN_MESSAGES) cells.rows.push(line);
      }
      // `<` or a space first: a plain number needs no closer look.
      const lead = cell.charCodeAt(0);
      if ((lead === 60 || lead <= 32) && value === value) {
        const bound = belowBound(cell);
        if (bound !== undefined) {
          const cells = bounded[c] as (typeof bounded)[number];
          cells.count++;
          if (cells.rows.length < ROW_LIMIT_IN_MESSAGES) cells.rows.push(line);
          cells.readings.set(bound, value);
        }
      }
      (group.values[c] as Growable<Float64Array>).push(value);
    }
    group.times.push(t);
    group.rows.push(line);
    group.offsets?.push(offset);
    group.currencies?.push(currency);
    group.units?.push(unit);
    dataIndex++;
    for (const late of lateNumbers) {
      const cell = row[late.column.index] as string;
      if (late.words || cell.trim() === "") continue;
      const value = readValue(cell, decimal);
      if (value === undefined || Number.isNaN(value)) late.words = true;
      else if (late.firstRow === 0) late.firstRow = line;
    }
    for (let k = lateIds.length - 1; k >= 0; k--) {
      const late = lateIds[k] as LateId;
      const name = (row[late.column.index] as string).trim();
      let code = late.names.get(name);
      if (code === undefined) {
        if (late.names.size === MAX_LATE_IDS) {
          lateIds.splice(k, 1);
          continue;
        }
        code = late.names.size;
        late.names.set(name, code);
      }
      late.codes.push(code);
    }
    return true;
  }

  /** One row of a table of years by months (quarters): a point per period column. */
  function addPeriods(row: string[], line: number, t: number, group: Group): boolean {
    const columns = (matrix as NonNullable<ColumnPlan["matrix"]>).columns;
    const year = new Date(t).getUTCFullYear();
    const months = 12 / columns.length;
    for (let k = 0; k < columns.length; k++) {
      const column = columns[k] as ColumnInfo;
      const cell = row[column.index] as string;
      const value = readValue(cell, decimal);
      if (value === undefined) {
        return stop(notANumber(line, column.name, cell), line, column.index);
      }
      if (value > MAX_ABS_VALUE || value < -MAX_ABS_VALUE) return stop(tooLarge(line, column.name, cell), line, column.index);
      (group.values[0] as Growable<Float64Array>).push(value);
      group.times.push(Date.UTC(year, k * months, 1));
      group.rows.push(line);
    }
    dataIndex++;
    return true;
  }

  /**
   * Whether a group's offsets, in time order, change only as clocks do for daylight saving: weeks
   * apart at least. A UTC file with one row written in local time changes twice within an hour.
   */
  function switchesSeasonally(group: Group): boolean {
    const n = group.times.length;
    const times = group.times.data;
    const offsets = (group.offsets as Growable<Int32Array>).data;
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (times[a] as number) - (times[b] as number));
    let lastChange = Number.NEGATIVE_INFINITY;
    for (let k = 1; k < n; k++) {
      const [a, b] = [order[k - 1] as number, order[k] as number];
      if (offsets[a] === offsets[b]) continue;
      if ((times[b] as number) - lastChange < MIN_DAYS_BETWEEN_CLOCK_CHANGES * 86_400_000) return false;
      lastChange = times[b] as number;
    }
    return true;
  }

  /**
   * Whether `row` totals the columns: every filled value cell its column's sum so far (to 0.1%:
   * `sum`), or, for counts over enough rows, at most the sum and far above every row's value
   * (`total`): an analytics export's total of distinct users is below the sum of the days', and
   * sampled or rounded totals miss it. The first column whose total is not its sum, for the note.
   */
  function columnTotals(row: string[]): { kind: "sum" } | { kind: "total"; column: number; cell: string; sum: number } | null {
    if (!single) return null;
    const n = single.times.length;
    let filled = 0;
    let loose: { column: number; cell: string; sum: number } | null = null;
    for (let c = 0; c < valueIndexes.length; c++) {
      const cell = row[valueIndexes[c] as number] as string;
      const total = readValue(cell, decimal);
      if (total === undefined) return null;
      if (Number.isNaN(total)) continue;
      const column = (single.values[c] as Growable<Float64Array>).data;
      let sum = 0;
      let max = 0;
      let negative = false;
      for (let i = 0; i < n; i++) {
        const v = column[i] as number;
        if (v !== v) continue;
        sum += v;
        if (v > max) max = v;
        if (v < 0) negative = true;
      }
      filled++;
      if (Math.abs(total - sum) <= 1e-3 * Math.max(Math.abs(sum), 1e-9)) continue;
      if (negative || n < LOOSE_TOTAL_MIN_ROWS || total > sum * (1 + 1e-3) || total < LOOSE_TOTAL_FACTOR * max) return null;
      loose ??= { column: c, cell: cell.trim(), sum };
    }
    if (filled === 0) return null;
    return loose ? { kind: "total", ...loose } : { kind: "sum" };
  }

  /**
   * The cell naming a file's one series, when one text column under a header such as `series_id`
   * or `_field` holds it on every row of the file (BLS's `CUUR0000SA0`), or one column digits with
   * zeros before them (NWIS's `site_no` `01646500`, as written): a better name than the value
   * column's `value` or `_value`. None when two such columns do (which would be a guess).
   */
  function seriesLabel(): { column: ColumnInfo; label: string } | null {
    if (!single || id) return null;
    const labels = lateIds.filter(
      ({ column, names }) =>
        names.size === 1 && (column.kind === "text" ? SERIES_LABEL_NAME.test(column.name.trim()) : !plan.values.includes(column) && ZERO_LED.test([...names.keys()][0] as string)),
    );
    const [label] = labels.length === 1 ? [...(labels[0] as LateId).names.keys()] : [];
    return label ? { column: (labels[0] as LateId).column, label } : null;
  }

  /** The single group split by the first text column that makes every series' times unique, when the times repeat. */
  function splitByLateId(): void {
    if (!single || lateIds.length === 0) return;
    const n = single.times.length;
    // A few repeats are a duplicated row or the hour clocks go back (a `CET`/`CEST` column would
    // split those): several series share most of their times.
    if (countRepeats(single.times.data.subarray(0, n)) < Math.max(2, 0.05 * n)) return;
    const varying = lateIds.filter(({ names }) => names.size > 1 && names.size < n);
    const late = varying.find(({ codes }) => timesUniqueWithin(single.times.data, codes.data, n));
    // Else two columns together, as an InfluxDB export names each table by `_field` and `host`.
    const pair = late ? null : latePair(varying, single.times.data, n);
    const chosen = late ? [late] : pair;
    if (!chosen) return;
    const keys = chosen.map((c) => [...c.names.keys()]);
    groups.clear();
    for (let i = 0; i < n; i++) {
      const group = groupOf(chosen.map((c, k) => keys[k]?.[c.codes.data[i] as number] as string).join(" · "));
      copyRow(single, i, group);
    }
    id = (chosen[0] as LateId).column;
    lateIdColumns = chosen.map((c) => c.column);
  }

  /**
   * Amounts in different currencies, or values in different units, are never added together: with
   * several codes in the currency column, each group is split by its rows' code (`Net` into
   * `Net · USD` and `Net · EUR`), as a column naming the series would split it. A row before the
   * first code is in that code's currency. Units split only the groups whose rows hold several (a
   * country that changed its unit mid-series), since a unit column often names the series already.
   * @returns whether any group was split
   */
  function splitByCode(by: "currencies" | "units", met: Map<string, number>): boolean {
    const codes = [...met.keys()];
    const field = by === "currencies" ? "currency" : "unit";
    if (codes.length <= 1) {
      for (const group of groups.values()) if (codes[0]) group[field] = codes[0];
      return false;
    }
    const before = [...groups.values()];
    groups.clear();
    let split = false;
    for (const group of before) {
      const parts = new Map<number, Group>();
      const rowCodes = (group[by] as Growable<Int32Array>).data;
      const first = Math.max(rowCodes[0] ?? 0, 0);
      if (by === "units" && rowCodes.subarray(0, group.times.length).every((code) => Math.max(code, 0) === first)) {
        group.unit = codes[first];
        groups.set(`${group.key}\u0000${group.currency ?? ""}`, group);
        continue;
      }
      split = true;
      for (let i = 0; i < group.times.length; i++) {
        const code = Math.max(rowCodes[i] as number, 0);
        let part = parts.get(code);
        if (!part) {
          part = {
            key: group.key,
            times: floats(),
            rows: ints(),
            values: plan.values.map(() => floats()),
            offsets: group.offsets ? ints() : null,
            currencies: group.currencies ? ints() : null,
            units: group.units ? ints() : null,
            currency: group.currency,
            unit: group.unit,
            ...(by === "units" ? { unitSplit: true } : {}),
          };
          part[field] = codes[code] as string;
          parts.set(code, part);
        }
        copyRow(group, i, part);
      }
      for (const part of parts.values()) groups.set(`${part.key}\u0000${part.currency ?? ""}\u0000${part.unit ?? ""}`, part);
    }
    return split;
  }

  /**
   * The note on the currency column: the unit it gave the amounts, or how it split them.
   * @param names the series as read, for the split's examples: a column naming the series names them
   *   (`US · USD`), not the amount's column (`Price · USD`)
   */
  function currencyNote(split: boolean, names: readonly string[]): IngestIssue | null {
    if (!plan.currency || currencyCodes.size === 0) return null;
    const { column, money } = plan.currency;
    const codes = [...currencyCodes.keys()];
    if (!split) {
      const own = money.filter((c) => !c.unit);
      const given = own.filter((c) => !plan.unit?.measured.includes(c)).map((c) => c.name);
      // The ECB's exchange rates: `UNIT` says what `OBS_VALUE` is, which `CURRENCY` only names.
      const what =
        given.length === 0 && own.length > 0 && plan.unit
          ? `column \`${plan.unit.column.name}\` gives ${own.map((c) => `\`${c.name}\``).join(", ")} ${own.length === 1 ? "its unit" : "their units"} instead, so it is the unit of none`
          : given.length === 0
          ? "no column beside it is named as an amount of money (such as `Gross`, `Net`, `Amount` or `Total`) and has no unit of its own, so it is the unit of none"
          : `it is the unit of ${joinNames(given)}`;
      return { kind: "note", message: `Column \`${column.name}\` holds one currency, ${codes[0]}, on every row: ${what}, and it is not read as a series.` };
    }
    const named = splitExamples(names);
    const blanks =
      carried.count > 0
        ? ` ${plural(carried.count, "row has", "rows have")} no currency (${carried.count === 1 ? "row" : "rows"} ${listRows(carried.rows, carried.count)}), as an order's line items after its first do, and ${carried.count === 1 ? "was" : "were"} taken to be in the currency of the row above.`
        : "";
    return {
      kind: "note",
      message: `Column \`${column.name}\` holds ${codes.length} currencies (${codes.slice(0, ROW_LIMIT_IN_MESSAGES).join(", ")}${codes.length > ROW_LIMIT_IN_MESSAGES ? ", …" : ""}): amounts in different currencies are never added together, so each series was read per currency (${named}${names.length > 2 ? ", …" : ""}), its amounts in that currency.${blanks}`,
    };
  }

  /**
   * The note on the unit column: the unit it gave the values, or how it split them.
   * @param series the series as read: the split's examples, the columns it is the unit of
   */
  function unitNote(split: boolean, series: readonly ParsedSeries[]): IngestIssue | null {
    const names = series.map((s) => s.name);
    const read = new Set(series.map((s) => s.column));
    if (!plan.unit || unitCodes.size === 0) return null;
    const { column } = plan.unit;
    // Code columns left out (`UNIT_MULT`, `DECIMALS`) are no values it is the unit of.
    const measured = plan.unit.measured.filter((c) => read.has(c.name));
    const codes = [...unitCodes.keys()];
    if (codes.length === 1) {
      const what = measured.length === 0 ? "every value column has a unit of its own, so it is the unit of none" : `it is the unit of ${joinNames(measured.map((c) => c.name))}`;
      return { kind: "note", message: `Column \`${column.name}\` holds one unit, ${describeUnitCode(codes[0] as string)}, on every row: ${what}, and it is not read as a series.` };
    }
    const shown = codes.slice(0, ROW_LIMIT_IN_MESSAGES).map(describeUnitCode);
    const held = `Column \`${column.name}\` holds ${codes.length} units (${shown.join(", ")}${codes.length > ROW_LIMIT_IN_MESSAGES ? ", …" : ""})`;
    if (!split) {
      // Eurostat's `unit` beside `geo` names the series with it: each series already holds one unit.
      // The first series and the first in another unit, not two in the same (`CP_MEUR · AT`, `CP_MEUR · DE`).
      const first = series.find((s) => s.unit !== null);
      const other = series.find((s) => s.unit !== null && s.unit !== first?.unit);
      const units = [first, other].filter((s) => s !== undefined).map((s) => `\`${s.name}\` in ${s.unit}`);
      return { kind: "note", message: `${held}, one for each series: each series is in its own (${units.join(", ")}${series.length > 2 ? ", …" : ""}).` };
    }
    const named = splitExamples(names);
    const blanks =
      unitCarried.count > 0
        ? ` ${plural(unitCarried.count, "row has", "rows have")} no unit (${unitCarried.count === 1 ? "row" : "rows"} ${listRows(unitCarried.rows, unitCarried.count)}) and ${unitCarried.count === 1 ? "was" : "were"} taken to be in the unit of the row above.`
        : "";
    return {
      kind: "note",
      message: `${held}: values in different units are never added together, so each series was read per unit (${named}${names.length > 2 ? ", …" : ""}), its values in that unit.${blanks}`,
    };
  }

  function finish(lineEnded: boolean): ReadResult<ParsedDataset> {
    if (dataIndex === 0) {
      return fail("The file has a header row but no data rows. Add at least one row of values under the header.");
    }
    // A short last row with no line break after it, in a file whose other rows are whole, is where
    // a file cut off while being written ends: its last cell may be cut too (`12.` of `12.75`).
    if (short.count === 1 && short.last === lastLine && !lineEnded) {
      const { line, length } = short.first;
      return refuse({
        reason: `Row ${formatRowNumber(line)}, the last, has ${plural(length, "field", "fields")} but the header has ${width}, and the file ends in it without a line break, as a file cut off while it was being written does. Check that the file is complete (export or copy it again); if it is, end the row with a line break and its missing cells are read as empty.`,
        at: { row: line, column: null },
      });
    }
    const issues: IngestIssue[] = [];
    if (short.count > 0) {
      const { line, length } = short.first;
      const why = "as missing values (some exports leave out a row's empty last cells)";
      issues.push({
        kind: "note",
        message:
          short.count === 1
            ? `Row ${formatRowNumber(line)} has ${plural(length, "cell", "cells")}, the header ${width}: its missing last cells were read as empty, ${why}.`
            : `${plural(short.count, "row has", "rows have")} fewer cells than the header's ${width}, the first row ${formatRowNumber(line)} (with ${formatRowNumber(length)}): their missing last cells were read as empty, ${why}.`,
      });
    }
    if (unlabelledTotal) {
      const totals = columnTotals(unlabelledTotal.row);
      if (!totals) return refuse(unlabelledTotal.refusal);
      if (totals.kind === "sum") summaryRows.push(unlabelledTotal.line);
      else {
        issues.push({
          kind: "note",
          message: `Row ${formatRowNumber(unlabelledTotal.line)} has no date and holds ${quote(totals.cell)} in \`${plan.values[totals.column]?.name ?? ""}\`: not the column's sum (${totals.sum.toLocaleString("en-US")}), but far above every row's value, as analytics exports write the period's total (distinct users, or a sampled or rounded figure). It was left out as a totals row.`,
        });
      }
    }
    splitByLateId();
    const currencySplit = splitByCode("currencies", currencyCodes);
    const unitSplit = splitByCode("units", unitCodes);
    const split = currencySplit || unitSplit;
    const markColumns = plan.values.map((info, c) => ({ name: info.name, parts: [...groups.values()].map((g) => ({ values: (g.values[c] as Growable<Float64Array>).data, length: g.times.length, rows: g.rows.data })) }));
    // A file may have a mark per kind of reading: NOAA's daily summaries write 9999.9 for a
    // temperature and 999.9 for a wind speed. Each one found is read as missing before the next is looked for.
    // Their notes go here once the series say how many of the cells lie inside them.
    const marks: FoundMark[] = [];
    const marksAt = issues.length;
    for (let k = 0; k < MAX_MISSING_MARKS; k++) {
      const cells: (Uint8Array | null)[] = plan.values.map(() => null);
      const marked = readMissingMark(markColumns, ROW_LIMIT_IN_MESSAGES, (c, row) => {
        const bits = (cells[c] ??= new Uint8Array((lastLine >> 3) + 1));
        bits[row >> 3] = (bits[row >> 3] as number) | (1 << (row & 7));
      });
      if (!marked) break;
      marks.push({ found: marked, cells, inside: 0 });
    }
    if (shortCell) timeFormat = matchPadding(detectedFormat, shortCell.cell, shortCell.t);
    const latestOffset = latest ? offsetOf(latest.cell) : undefined;
    const localClock = timeFormat.kind === "pattern" && offsetRange !== null && offsetRange[1] - offsetRange[0] === 60 && [...groups.values()].every(switchesSeasonally);
    if (localClock && offsetRange && timeFormat.kind === "pattern") {
      // Offsets an hour apart are a zone's clock changing for daylight saving: the rows are read
      // on that clock, as the file shows them, so a daily pattern keeps its hours (read as moments,
      // the working day moved an hour across each change). The hour that repeats when clocks go
      // back then repeats here too, and the hour that is skipped is missing, as in files kept in
      // local time without offsets.
      for (const group of groups.values()) {
        const times = group.times.data;
        const offsets = (group.offsets as Growable<Int32Array>).data;
        for (let i = 0; i < group.times.length; i++) times[i] = (times[i] as number) + (offsets[i] as number) * 60_000;
      }
      timeFormat = { kind: "pattern", pattern: timeFormat.pattern.replace(/\s*%z/g, ""), ...(timeFormat.language ? { language: timeFormat.language } : {}) };
      issues.push({
        kind: "note",
        message: `Times are written with two UTC offsets an hour apart (${formatOffset(offsetRange[0])} and ${formatOffset(offsetRange[1])}), as where clocks change for daylight saving. They are read on that local clock, as the rows show them, so that a daily pattern keeps its hours; exports and forecasts write local times, without an offset.`,
      });
    } else if (timeFormat.kind === "pattern" && offsetRange && offsetRange[0] !== offsetRange[1] && latestOffset !== undefined) {
      timeFormat = { ...timeFormat, offsetMinutes: latestOffset };
      issues.push({
        kind: "note",
        message: `Times are written with UTC offsets from ${formatOffset(offsetRange[0])} to ${formatOffset(offsetRange[1])}. They are read as the moments they name, and written back, in exports and forecasts, with the latest offset, ${formatOffset(latestOffset)}.`,
      });
    }
    const guessed = sniffed.decimalGuessedFrom;
    if (guessed !== undefined) {
      const read = parseNumberCell(guessed, dialect.decimal);
      const value = read.kind === "number" ? String(read.value) : guessed;
      const why = dialect.decimal === "," ? (guessed.includes(".") ? "a dot grouping thousands, as files separated by semicolons write them" : "a decimal comma, as files separated by semicolons write them") : "a decimal point";
      const other = dialect.decimal === "," ? "." : ",";
      issues.push({
        kind: "note",
        message: `No number settled the decimal mark, so \`${guessed}\` was read as ${value} (${why}). If that is wrong, choose the decimal mark on import (CLI: --decimal ${other}).`,
      });
    }
    const together = combinedKey ? ids : lateIdColumns.length > 1 ? lateIdColumns : [];
    if (together.length > 0) {
      const names = together.map((c) => `\`${c.name}\``);
      issues.push({ kind: "note", message: `Columns ${names.slice(0, -1).join(", ")} and ${names.at(-1)} name the series together (${groups.size} of them), so each was read on its own.` });
    } else if (id && !plan.id) {
      issues.push({ kind: "note", message: `Column \`${id.name}\` names the series (${groups.size} of them), so each was read on its own.` });
    }
    // Said here among the notes on columns, once the series it names are read (below).
    const currencyAt = issues.length;
    const timeInfo = timeDetected;
    if (plan.time && timeInfo?.note) issues.push({ kind: "note", message: `Column \`${plan.time.name}\`: ${timeInfo.note}.` });
    if (plan.time && plan.parts) {
      const names = [plan.time, ...plan.parts.columns].map((c) => `\`${c.name}\``);
      issues.push({ kind: "note", message: `Columns ${names.slice(0, -1).join(", ")} and ${names.at(-1)} were read together as one time (${describeTimeFormat(detectedFormat)}).` });
    }
    if (plan.time && plan.clock) {
      issues.push({ kind: "note", message: `Columns \`${plan.time.name}\` and \`${plan.clock.column.name}\` were read together as one time (${describeTimeFormat(detectedFormat)}).` });
    }
    const blocks = plan.time?.blocks;
    if (blocks && coarser.some((b) => b.count > 0)) {
      // A block's rows run from its first to its last; mixed rows are listed.
      const where = (b: (typeof coarser)[number]) =>
        b.count === 1 ? `row ${formatRowNumber(b.last)}` : blocks.interleaved ? `rows ${listRows(b.rows, b.count)}` : `rows ${formatRowNumber(b.rows[0] ?? 0)}–${formatRowNumber(b.last)}`;
      const left = coarser.filter((b) => b.count > 0).map((b) => `${plural(b.count, `${b.label} row`, `${b.label} rows`)} (${where(b)})`);
      issues.push({
        kind: "note",
        message: `Column \`${plan.time?.name ?? ""}\` lists the series ${blocks.interleaved ? `${blocks.labels.slice(0, -1).join(", ")} and ${blocks.labels.at(-1)}, the rows mixed` : `${blocks.labels.join(", then ")}, a block after another`}, as ${blocks.interleaved ? "Statistics Netherlands' period codes do" : "ONS downloads do"}: the ${blocks.label} rows were read, and the ${left.slice(0, -1).join(", ")}${left.length > 1 ? " and " : ""}${left.at(-1)} left out.`,
      });
    }
    if (summaryRows.length > 0) {
      issues.push({ kind: "note", message: `${summaryRows.length === 1 ? "Row" : "Rows"} ${listRows(summaryRows, summaryRows.length)} ${summaryRows.length === 1 ? "is a total or summary row and was" : "are total or summary rows and were"} left out.` });
    }
    for (const [c, cells] of flagged.entries()) {
      if (cells.count === 0) continue;
      const name = plan.values[c]?.name ?? "";
      issues.push({
        kind: "note",
        message: `Column \`${name}\`: ${plural(cells.count, "value carries", "values carry")} a status flag after the number (${cells.count === 1 ? "row" : "rows"} ${listRows(cells.rows, cells.count)}), as statistics offices mark provisional, revised or estimated figures; ${cells.count === 1 ? "it was" : "they were"} read as the number.`,
      });
    }
    for (const [c, cells] of bounded.entries()) {
      if (cells.count === 0) continue;
      const readings = [...cells.readings].slice(0, ROW_LIMIT_IN_MESSAGES).map(([bound, value]) => `\`${bound}\` as ${value}`);
      const more = cells.readings.size > readings.length ? ", …" : "";
      issues.push({
        kind: "note",
        message: `Column \`${plan.values[c]?.name ?? ""}\`: ${plural(cells.count, "value is", "values are")} written as below a bound (${cells.count === 1 ? "row" : "rows"} ${listRows(cells.rows, cells.count)}), as tables mark values too small to show or counts withheld; ${cells.count === 1 ? "it was" : "each was"} read as half its bound (${readings.join(", ")}${more}).`,
      });
    }
    const late = lateNumbers.filter((c) => c.firstRow > 0 && !c.words);
    if (late.length > 0) {
      const named = late.slice(0, COLUMN_LIMIT_IN_MESSAGES).map((c) => `\`${c.column.name}\` (from row ${formatRowNumber(c.firstRow)})`);
      const more = late.length > named.length ? ` and ${formatRowNumber(late.length - named.length)} more` : "";
      const one = late.length === 1;
      issues.push({
        kind: "note",
        message: `${one ? "Column" : "Columns"} ${named.join(", ")}${more} ${one ? "is" : "are"} empty in the file's first rows and ${one ? "holds" : "hold"} numbers further down, so ${one ? "it was" : "they were"} not read as ${one ? "a series" : "series"}. To read ${one ? "it" : "them"}, tick ${one ? "it" : "them"} among the value columns (API: \`valueColumns\`; CLI: --value).`,
      });
    }
    if (repeatedHeaders.length > 0) {
      const one = repeatedHeaders.length === 1;
      issues.push({ kind: "note", message: `${one ? "Row" : "Rows"} ${listRows(repeatedHeaders, repeatedHeaders.length)} ${one ? "repeats" : "repeat"} the header, as files joined one after another do, and ${one ? "was" : "were"} left out.` });
    }
    if (otherTable && (otherTable.held || isNotesBlock(otherTable.notes))) {
      const { from, last, notes } = otherTable;
      const named = notes.labels.slice(0, 3).map((cell) => `\`${cell}\``).join(", ");
      issues.push({
        kind: "note",
        message: `Rows ${formatRowNumber(from)} to ${formatRowNumber(last)} under the table are notes (under \`#\` lines, a label and its value on each row: ${named}${notes.labels.length > 3 ? ", …" : ""}) and were left out.`,
      });
    } else if (otherTable) {
      const { from, header, last } = otherTable;
      const named = header.filter((cell) => cell !== "").slice(0, 3).map((cell) => `\`${cell}\``).join(", ");
      issues.push({
        kind: "note",
        message: `Rows ${formatRowNumber(from)} to ${formatRowNumber(last)} hold another table under \`#\` lines (${named}${header.filter((cell) => cell !== "").length > 3 ? ", …" : ""}), as reports exported in sections write them: only the first table was read. To read another, export it on its own or delete the rows above it.`,
      });
    }
    if (commentRows.length > 0) {
      issues.push({ kind: "note", message: `${commentRows.length === 1 ? "Row" : "Rows"} ${listRows(commentRows, commentRows.length)} ${commentRows.length === 1 ? "starts" : "start"} with # and ${commentRows.length === 1 ? "was" : "were"} left out as ${commentRows.length === 1 ? "a comment" : "comments"}.` });
    }
    if (footer.rows.length > 0) {
      issues.push({ kind: "note", message: `${footer.rows.length === 1 ? "Row" : "Rows"} ${listRows(footer.rows, footer.rows.length)} under the table ${footer.rows.length === 1 ? "is a note or source line and was" : "are note or source lines and were"} left out.` });
    }
    if (dialect.unitsRow) {
      const named = plan.values.filter((c) => c.unit).map((c) => `\`${c.name}\` in ${c.unit}`);
      issues.push({ kind: "note", message: `The row under the header gives units${named.length ? ` (${named.join(", ")})` : ""}; it is not data.` });
    }
    if (dialect.formatRow) {
      issues.push({ kind: "note", message: "The row under the header gives each column's width and type (such as `15s` or `14n`), as USGS's RDB files write it; it is not data." });
    }
    if (dialect.indexNameRow) {
      issues.push({ kind: "note", message: `The row under the header names the first column (\`${columns[0]?.name ?? ""}\`), as pandas writes a table's index name; it is not data.` });
    }
    if (dialect.headerRows) {
      const example = plan.values[0]?.name;
      issues.push({
        kind: "note",
        message: `The ${plural(dialect.headerRows + 1, "header row", "header rows")} name the columns together${example ? ` (\`${example}\`)` : ""}, as pandas writes columns of several levels and spreadsheets write a heading over several columns.`,
      });
    }
    if (dialect.describedRows) {
      const named = plan.values.filter((c) => headerCells?.[c.index] !== undefined && headerCells[c.index] !== c.name).map((c) => `\`${headerCells?.[c.index] ?? ""}\` as \`${c.name}\``);
      issues.push({
        kind: "note",
        message: `The ${plural(dialect.describedRows, "row", "rows")} under the header describe the series (a description, unit, date or source, as central banks' downloads write them); ${dialect.describedRows === 1 ? "it is" : "they are"} not data${named.length > 0 ? `, and name ${named.join(", ")}` : ""}.`,
      });
    }
    if (dialect.skipRows) {
      const lines = dialect.skipRows === 1 ? "The line above the table (a title or source) was" : `The ${plural(dialect.skipRows, "line", "lines")} above the table (a title or source) were`;
      issues.push({ kind: "note", message: `${lines} skipped.` });
    }
    if (plan.calendar?.length) {
      const names = plan.calendar.map((c) => `\`${c.name}\``).join(", ");
      issues.push({ kind: "note", message: `${plan.calendar.length === 1 ? `Column ${names} describes` : `Columns ${names} describe`} the date, so ${plan.calendar.length === 1 ? "it is" : "they are"} not read as a series (pick ${plan.calendar.length === 1 ? "it as a value column" : "them as value columns"} to forecast anyway).` });
    }
    if (plan.identifiers?.length) {
      const one = plan.identifiers.length === 1;
      const names = plan.identifiers.map((c) => `\`${c.name}\``).join(", ");
      issues.push({ kind: "note", message: `${one ? `Column ${names} numbers` : `Columns ${names} number`} each record (an order, transaction or invoice), so ${one ? "it is an identifier" : "they are identifiers"}, not read as a series (pick ${one ? "it as a value column" : "them as value columns"} to forecast anyway).` });
    }
    // Columns such as a week number beside the date: only on agreement with every row's time, and
    // never every value column (a file of dates and week numbers alone means the week numbers).
    const derived = new Map<ColumnInfo, string>();
    if (plan.time && !matrix && !options.valueColumns?.length) {
      const wallOffsets = zoned && !localClock;
      for (const [c, info] of plan.values.entries()) {
        if (info === id) continue;
        const parts = [...groups.values()].map((g) => ({ times: g.times.data, values: (g.values[c] as Growable<Float64Array>).data, length: g.times.length, offsets: wallOffsets ? g.offsets?.data : null }));
        const what = findCalendarField(parts);
        if (what) derived.set(info, what);
      }
      if (derived.size === plan.values.filter((v) => v !== id).length) derived.clear();
    }
    for (const [info, what] of derived) {
      issues.push({ kind: "note", message: `Column \`${info.name}\` is ${what} of the date: left out of the series (pick it as a value column to forecast it anyway).` });
    }
    // Statistics offices' long files (Statistics Canada, Eurostat) carry code columns beside the
    // value (`UOM_ID` 81, `SCALAR_ID` 3, `DECIMALS` 0 on every row): read as series they were
    // forecast as flat lines ahead of the one that mattered.
    // Not when rows are added up: a quantity of 1 on every sale is the count of sales.
    const constants = plan.time && !matrix && !options.valueColumns?.length && !options.aggregate ? constantColumns(plan.values.filter((v) => v !== id && !derived.has(v)), plan.values, groups, id !== null, isInfluxTable(columns)) : [];
    const same = constants.filter(([, value]) => value !== null);
    const described = constants.filter(([, value]) => value === null);
    const pick = (one: boolean) => `(pick ${one ? "it as a value column" : "them as value columns"} to forecast anyway)`;
    if (same.length > 0) {
      const names = same.map(([info, value]) => `\`${info.name}\` (${value})`).join(", ");
      const one = same.length === 1;
      issues.push({
        kind: "note",
        message: `${one ? "Column" : "Columns"} ${names} ${one ? "holds" : "hold"} the same number on every row, as code columns do, so ${one ? "it is" : "they are"} not read as a series ${pick(one)}.`,
      });
    }
    if (described.length > 0) {
      const names = described.map(([info]) => `\`${info.name}\``).join(", ");
      const one = described.length === 1;
      issues.push({
        kind: "note",
        message: `${one ? "Column" : "Columns"} ${names} ${one ? "holds" : "hold"} one number for each series on all its rows, as a station's position or a store's size does, so ${one ? "it describes" : "they describe"} the series and ${one ? "is" : "are"} not read as ${one ? "a series of its own" : "series of their own"} ${pick(one)}.`,
      });
    }
    for (const [info] of constants) derived.set(info, "constant");
    if (plan.rowNumbers) issues.push({ kind: "note", message: `Column \`${plan.rowNumbers.name}\` only counts the rows (the row names R and pandas write), so it is not read as a series.` });
    if (!plan.time) issues.push({ kind: "note", message: noTimeNote(columns, sniffed.sampleRows, options.timeColumn === null) });
    // Empty cells inside each value column's series (those before its first value and after its
    // last are not part of it: a column of a wide file that begins late).
    const missing: MissingCells[] = plan.values.map(() => ({ count: 0, rows: [] }));
    const clipped: { name: string; from: number; to: number; count: number }[] = [];

    const series: ParsedSeries[] = [];
    // A column's own unit (`Amount (EUR)`, `$1,200`) first; then a unit column's, which says what the
    // values are (the ECB's `UNIT` of an exchange rate beside its `CURRENCY`); else an amount's currency code.
    const unitOf = (info: ColumnInfo, group: Group) =>
      info.unit ??
      (group.unit !== undefined && plan.unit?.measured.includes(info) ? unitOfCode(group.unit) : null) ??
      (group.currency && plan.currency?.money.includes(info) ? group.currency : null);
    let unsortedReported = false;
    const aggregate = options.aggregate ?? null;
    if (aggregate && !plan.time) return fail(noTimeColumnMessage(aggregate.period));
    const fiscal = isFiscalQuarter(timeFormat) ? `Column \`${plan.time?.name ?? ""}\` holds fiscal quarters (${quote(formatTime(firstTime(groups), timeFormat))})` : null;
    if (aggregate && fiscal) {
      return fail(`${fiscal}, and the month a fiscal year starts in is not known, so its rows cannot be grouped by ${aggregate.period}. Keep the rows as they are: fiscal quarters are forecast as quarters.`);
    }
    if (fiscal) {
      issues.push({
        kind: "note",
        message: `${fiscal}: they are read as numbered quarters, four to a fiscal year, and forecasts continue them (\`${formatTime(Date.UTC(2024, 0, 1), timeFormat)}\` after \`${formatTime(Date.UTC(2023, 9, 1), timeFormat)}\`). The month a fiscal year starts in is not known, so they are not placed on the calendar: the JSON export gives them no \`time\`.`,
      });
    }
    // Times with a zone are stored as instants: periods are cut on the file's own wall clock.
    const wallShift = aggregate && timeFormat.kind === "pattern" && timeFormat.pattern.includes("%z") ? (timeFormat.offsetMinutes ?? 0) * 60_000 : 0;
    const grouped: AggregationReport["grouped"] = [];
    const unchanged: AggregationReport["unchanged"] = [];
    const claimName = nameClaimer();
    /** Series names cut to a name's length, with the length the file wrote them in. */
    const cutNames: { length: number; name: string }[] = [];
    /** Series of a long file with no value at all, and where each stands in `series`. */
    const blank: { name: string; series: number }[] = [];
    for (const group of groups.values()) {
      const n = group.times.length;
      const rawTimes = group.times.data;
      // A bare number says nothing as a name: `store 7` does, in the series' names and in messages alike.
      // A file's one code with zeros before it is a name as written (`01646500`), as when it labels the series.
      const asWritten = groups.size === 1 && ZERO_LED.test(group.key);
      const key = id?.kind === "number" && !combinedKey && group.key && !asWritten ? `${id.name} ${group.key}` : group.key || "(blank)";
      // On the local clock the half hour after 02:00 comes again after 02:00 when clocks go back,
      // so rows in time order are out of clock order there: only the moments say a file is unsorted.
      const offsets = localClock ? (group.offsets as Growable<Int32Array>).data : null;
      const { sorted, inOrder } = scanOrder(rawTimes, n, offsets);
      let order: Uint32Array | null = null;
      if (!sorted) {
        order = new Uint32Array(n);
        for (let i = 0; i < n; i++) order[i] = i;
        // Stable: equal times keep file order, so a duplicate is reported by its first rows.
        order.sort((a, b) => (rawTimes[a] as number) - (rawTimes[b] as number) || a - b);
        if (!inOrder && !unsortedReported) {
          issues.push({ kind: "unsorted", message: "Rows were not in time order; they were sorted by time." });
          unsortedReported = true;
        }
      }
      const pick = (source: Float64Array): Float64Array => pickInOrder(source, n, order);
      const picked = pick(rawTimes);
      // The second reading of the hour that repeats when clocks go back, in files kept in local time.
      const repeated: number[] = [];
      const clockHours: number[] = [];
      const copies: number[] = [];
      const at = (k: number) => (order ? (order[k] as number) : k);
      for (let i = nextRepeat(picked, 1); i < n; i = nextRepeat(picked, i + 1)) {
        if (options.repeatedTimes) {
          repeated.push(i);
          continue;
        }
        // Grouped by a period, rows sharing a time are in the same period like any others.
        if (aggregate) continue;
        // Read on the local clock, the same clock time at two offsets is the hour clocks go back,
        // whatever the zone's rules.
        if (offsets && offsets[at(i)] !== offsets[at(i - 1)] && picked[i - 2] !== picked[i]) {
          repeated.push(i);
          clockHours.push(i);
          continue;
        }
        const rowOf = (k: number) => group.rows.data[at(k)] as number;
        const [a, b] = [rowOf(i - 1), rowOf(i)].sort((x, y) => x - y) as [number, number];
        // A row exported twice: the copy adds nothing.
        const sameValues = plan.values.every((_, c) => {
          const data = (group.values[c] as Growable<Float64Array>).data;
          const [x, y] = [data[at(i - 1)] as number, data[at(i)] as number];
          return x === y || (x !== x && y !== y);
        });
        if (sameValues) {
          repeated.push(i);
          copies.push(b);
          continue;
        }
        if (plan.time && isRepeatedClockHour(picked[i] as number) && picked[i - 2] !== picked[i]) {
          repeated.push(i);
          clockHours.push(i);
          continue;
        }
        const label = formatTime(picked[i] as number, timeFormat, i);
        const where = group.key ? ` for series \`${key}\`` : "";
        const hint = id || !plan.time ? "" : ", or, if the file holds several series, add a column that names each one";
        return refuseRows(
          `Rows ${formatRowNumber(a)} and ${formatRowNumber(b)} have the same time \`${label}\`${where}. Remove the duplicate row${hint}. ` +
            `If rows with the same time are transactions or events, choose to add them up or average them on import (CLI: ${REPEATED_TIMES_FLAG} sum or mean), or to group them by day, week or month (CLI: ${AGGREGATE_FLAG} day).`,
          [a, b],
          plan.time?.index ?? null,
        );
      }
      const times = repeated.length > 0 ? dropIndexes(picked, repeated) : picked;
      if (clockHours.length > 0) {
        const labels = clockHours.slice(0, ROW_LIMIT_IN_MESSAGES).map((i) => formatTime(picked[i] as number, timeFormat, i));
        const where = group.key ? ` of series \`${key}\`` : "";
        issues.push({
          kind: "note",
          message:
            clockHours.length === 1
              ? `The time ${labels[0]}${where} comes twice, where clocks go back for daylight saving; its two readings were averaged.`
              : `${plural(clockHours.length, "time", "times")}${where} come twice, where clocks go back for daylight saving (${labels.join(", ")}${clockHours.length > labels.length ? ", …" : ""}); the two readings of each were averaged.`,
        });
      }
      if (options.repeatedTimes && repeated.length > 0) {
        const where = group.key ? ` of series \`${key}\`` : "";
        const how = options.repeatedTimes === "sum" ? "added up" : "averaged";
        issues.push({
          kind: "note",
          message: `${plural(repeated.length, "row", "rows")}${where} shared a time with an earlier row; the values at each time were ${how} (${plural(n - repeated.length, "point", "points")} from ${plural(n, "row", "rows")}).`,
        });
      }
      if (copies.length > 0) {
        const rows = copies.sort((x, y) => x - y);
        issues.push({
          kind: "note",
          message: `${rows.length === 1 ? "Row" : "Rows"} ${listRows(rows, rows.length)} ${rows.length === 1 ? "repeats an earlier row exactly (same time, same values) and was" : "repeat earlier rows exactly (same time, same values) and were"} left out. If they are separate transactions, choose to add up rows with the same time on import (CLI: ${REPEATED_TIMES_FLAG} sum).`,
        });
      }
      const frequency = plan.time ? inferFrequency(aggregate ? distinctTimes(times) : times) : indexFrequency();
      // Grouping by the series' own step changes nothing unless rows share a time.
      const relation = aggregate ? comparePeriod(aggregate.period, frequency) : null;
      if (aggregate && relation === "finer") return fail(finerPeriodMessage(aggregate.period, frequency, id ? key : null));
      const regroup = aggregate !== null && (relation !== "same" || hasSharedTimes(times));
      const wallTimes = regroup && wallShift !== 0 ? times.map((t) => t + wallShift) : times;
      // The row a point came from, asked for the first few missing values only: looked up rather
      // than copied out for every point (two arrays of 8 bytes a point), unless rows were combined.
      let combinedRows: Float64Array | null = null;
      const rowOfPoint = (i: number): number => {
        if (repeated.length === 0) return group.rows.data[at(i)] as number;
        combinedRows ??= dropIndexes(pick(Float64Array.from(group.rows.data.subarray(0, n))), repeated);
        return combinedRows[i] as number;
      };
      const valueCount = plan.values.filter((v) => v !== id && !derived.has(v)).length;
      const labelled = valueCount === 1 && !split ? seriesLabel() : null;
      const label = labelled?.label;
      labelColumn = labelled?.column ?? null;
      for (const [c, info] of plan.values.entries()) {
        // A store-number column found only once the whole file was read names series, not values.
        if (info === id || derived.has(info)) continue;
        const rowValues = pick((group.values[c] as Growable<Float64Array>).data);
        // Copies and the two readings of a clock-change hour are averaged; the analyst's choice otherwise.
        const values = repeated.length > 0 ? combineRepeats(rowValues, picked, options.repeatedTimes ?? "mean") : rowValues;
        // Column names are cut and numbered when the file is sniffed; names from a series column's cells here.
        // Levels of a header, or a description under it, name the column: no one header cell wrote it.
        const named = id ? (valueCount > 1 ? `${key} · ${info.name}` : key) : (label ?? (dialect.headerRows || dialect.describedRows ? undefined : headerCells?.[info.index]) ?? info.name);
        const written = [named, ...(currencySplit ? [group.currency ?? ""] : []), ...(group.unitSplit ? [group.unit ?? ""] : [])].join(" · ");
        const detectedName = id || label || split ? claimName(written) : info.name;
        if (isLongerThanName(written)) cutNames.push({ length: written.length, name: detectedName });
        const name = options.seriesNames?.[detectedName]?.trim() || detectedName;
        const seriesPrefix = groups.size > 1 || valueCount > 1 ? `Series \`${name}\`: ` : "";
        const beyond = repeated.length > 0 ? indexBeyondMax(values) : -1;
        if (beyond >= 0) {
          const rows: number[] = [];
          for (let k = 0; k < n; k++) if (picked[k] === times[beyond] && rowValues[k] === rowValues[k]) rows.push(group.rows.data[at(k)] as number);
          return refuseRows(sumBeyondMaxMessage(seriesPrefix, rows, formatTime(times[beyond] as number, timeFormat, beyond), values[beyond] as number, `${REPEATED_TIMES_FLAG} mean`), rows, info.index);
        }
        const [start, end] = presentSpan(values);
        // A station that does not report a measure leaves it empty on all its rows: no series.
        if ((id || split) && !aggregate && values.length > 0 && nextPresent(values, 0) === values.length) {
          blank.push({ name, series: series.length });
          series.push({ name, detectedName, column: info.name, times, values, missingCount: values.length, frequency, unit: unitOf(info, group) });
          continue;
        }
        const cells = missing[c] as MissingCells;
        const marked = marks.filter((m) => m.cells[c]);
        let missingCount = 0;
        for (let i = nextMissing(values, start, end); i < end; i = nextMissing(values, i + 1, end)) {
          missingCount++;
          const mark = marked.length > 0 ? markOf(marked, c, rowOfPoint(i)) : undefined;
          if (mark) {
            mark.inside++;
            continue;
          }
          cells.count++;
          if (cells.rows.length < ROW_LIMIT_IN_MESSAGES) cells.rows.push(rowOfPoint(i));
        }
        if (aggregate && regroup) {
          const result = aggregateSeries(wallTimes, values, aggregate);
          if (!result.ok) return fail(`${seriesPrefix}${result.reason}`);
          const { times: periods, values: totals } = result.data;
          const p = indexBeyondMax(totals);
          if (p >= 0) {
            const rows: number[] = [];
            for (let i = 0; i < wallTimes.length; i++) {
              if (periodStart(wallTimes[i] as number, aggregate.period) === periods[p] && values[i] === values[i]) rows.push(rowOfPoint(i));
            }
            return refuseRows(sumBeyondMaxMessage(seriesPrefix, rows, describePeriod(periods[p] as number, aggregate.period), totals[p] as number, `${AGGREGATE_FLAG}-by mean`), rows, info.index);
          }
          grouped.push({ name, result: result.data });
          if ((start > 0 || end < values.length) && periods.length > 0) {
            clipped.push({ name, from: periods[0] as number, to: periods[periods.length - 1] as number, count: values.length - (end - start) });
          }
          let missingPeriods = 0;
          for (const v of totals) if (v !== v) missingPeriods++;
          series.push({ name, detectedName, column: info.name, times: periods, values: totals, missingCount: missingPeriods, frequency: periodFrequency(aggregate.period), unit: unitOf(info, group) });
          continue;
        }
        if (aggregate) unchanged.push({ name, frequency });
        if (start === 0 && end === values.length) {
          series.push({ name, detectedName, column: info.name, times, values, missingCount, frequency, unit: unitOf(info, group) });
          continue;
        }
        const kept = times.slice(start, end);
        clipped.push({ name, from: kept[0] as number, to: kept[kept.length - 1] as number, count: values.length - (end - start) });
        const keptFrequency = plan.time ? inferFrequency(kept) : frequency;
        series.push({ name, detectedName, column: info.name, times: kept, values: values.slice(start, end), missingCount, frequency: keptFrequency, unit: unitOf(info, group) });
      }
    }
    if (blank.length > 0 && blank.length < series.length) {
      const names = blank.slice(0, ROW_LIMIT_IN_MESSAGES).map((b) => `\`${b.name}\``).join(", ");
      const more = blank.length > ROW_LIMIT_IN_MESSAGES ? ` and ${blank.length - ROW_LIMIT_IN_MESSAGES} more` : "";
      issues.push({ kind: "note", message: `Series ${names}${more} ${blank.length === 1 ? "has" : "have"} no value on any of ${blank.length === 1 ? "its" : "their"} rows, so ${blank.length === 1 ? "it was" : "they were"} left out.` });
      const left = new Set(blank.map((b) => b.series));
      const kept = series.filter((_, k) => !left.has(k));
      series.length = 0;
      series.push(...kept);
    }
    const currencyIssue = currencyNote(currencySplit, series.map((s) => s.name));
    const unitIssue = unitNote(unitSplit, series);
    issues.splice(currencyAt, 0, ...[currencyIssue, unitIssue].filter((i) => i !== null));
    // Grouped series are written by their period: `2025-03` for months, the date for days.
    const seriesFormat = aggregate && grouped.length > 0 ? toPeriodTimeFormat(aggregate.period, timeFormat) : timeFormat;
    if (aggregate) {
      issues.push(
        ...toAggregationIssues({
          options: aggregate,
          rowCount: dataIndex,
          grouped,
          unchanged,
          several: series.length > 1,
          rowLabel: (ms) => formatTime(ms - wallShift, timeFormat, 0),
        }),
      );
    }
    // Missing cells of grouped series were left out of their periods, not kept as missing values.
    const missingTail = aggregate && grouped.length > 0 ? missingCellsTail(aggregate) : undefined;
    issues.splice(marksAt, 0, ...marks.map((mark): IngestIssue => ({ kind: "note", message: missingMarkNote(mark, missingTail ?? MISSING_KEPT) })));
    // A table of years by months says what it clipped and what is missing in months (quarters).
    if (matrix && series[0]) issues.push(...periodTableIssues(matrix, clipped[0]?.count ?? 0, missing[0]?.count ?? 0, missingTail));
    else issues.push(...missingIssues(plan.values, missing, missingTail), ...clippedIssues(clipped, seriesFormat, marks.length > 0));
    if (cutNames.length > 0) issues.push(cutNamesIssue(cutNames));
    const names = new Set<string>();
    for (const s of series) {
      if (names.has(s.name)) return fail(`Two series would both be called \`${s.name}\`. Give each series its own name.`);
      names.add(s.name);
    }
    // In a file kept in local time the hour clocks skip in spring has no row: no reading is
    // missing there, so it is named rather than counted among the gaps (once for a wide file's columns).
    const wallClock = timeFormat.kind === "pattern" && (localClock || !/%z|UTC|GMT/.test(timeFormat.pattern));
    const skippedNotes = new Set<string>();
    for (const s of series) {
      const step = s.frequency.step;
      if (!wallClock || s.frequency.gapCount === 0 || step.unit !== "ms" || HOUR_MS % step.ms !== 0) continue;
      const skipped = skippedClockHours(s.times, step.ms);
      if (skipped.length === 0) continue;
      s.frequency = { ...s.frequency, gapCount: s.frequency.gapCount - skipped.length * (HOUR_MS / step.ms) };
      skippedNotes.add(skippedHoursNote(skipped, groups.size > 1 ? s.name : "", timeFormat));
    }
    for (const message of skippedNotes) issues.push({ kind: "note", message });
    for (const s of series) {
      if (s.frequency.gapCount > 0) {
        // `2 monthly steps`, but `102 steps of 10 minutes`: a label `every 10 minutes` read "102 every 10 minutes steps".
        const label = s.frequency.kind === "irregular" ? "" : s.frequency.label;
        const every = /^every (.+)$/.exec(label)?.[1];
        const steps = every ? `${plural(s.frequency.gapCount, "step", "steps")} of ${every}` : plural(s.frequency.gapCount, `${label ? `${label} ` : ""}step`, `${label ? `${label} ` : ""}steps`);
        issues.push({ kind: "gaps", message: `Series \`${s.name}\` skips ${steps}; the forecaster treats them as missing values.` });
      }
      if (s.frequency.events) {
        issues.push({
          kind: "note",
          message: `Series \`${s.name}\` holds events at irregular times, not readings at a regular step, so it is not forecast as it is. To forecast totals or averages per day, week or month, group its rows by a period on import (CLI: ${AGGREGATE_FLAG} day).`,
        });
      } else if (s.frequency.kind === "irregular" && s.times.length > 1) {
        issues.push({
          kind: "note",
          message: `Series \`${s.name}\` has no regular spacing between times; forecasts treat its points as equally spaced. To forecast totals or averages per day, week or month instead, group its rows by a period on import (CLI: ${AGGREGATE_FLAG} day).`,
        });
      }
    }

    return ok({
      dialect,
      columns,
      timeColumn: plan.time?.name ?? null,
      timeFormat: seriesFormat,
      dateOrder: timeInfo?.dateOrder ?? null,
      idColumn: id?.name ?? null,
      idColumns: id === plan.id ? ids.map((c) => c.name) : lateIdColumns.map((c) => c.name),
      shape: id || split ? "tidy" : plan.values.length - derived.size > 1 ? "wide" : "long",
      leftOutColumns: [...derived.keys()].map((c) => c.name),
      lateColumns: late.map((c) => c.column.name),
      labelColumn: labelColumn?.name ?? null,
      series,
      rowCount: dataIndex,
      issues,
      ...(sniffed.title ? { title: sniffed.title } : {}),
    });
  }

  return { add, error: () => error, further: () => further, finish };
}

/** The note on series names cut to a name's length (a header of 20,000 characters). */
function cutNamesIssue(cut: { length: number; name: string }[]): IngestIssue {
  const longest = cut.reduce((most, c) => Math.max(most, c.length), 0).toLocaleString("en-US");
  const shown = cut.slice(0, ROW_LIMIT_IN_MESSAGES).map((c) => quote(c.name));
  const list = `${shown.join(", ")}${cut.length > shown.length ? ` and ${formatRowNumber(cut.length - shown.length)} more` : ""}`;
  return {
    kind: "note",
    message:
      cut.length === 1
        ? `A series name read from the file was longer than the ${MAX_NAME_LENGTH} characters a name may have (${longest}), so it was cut: ${list}. Rename the series on import to choose another name.`
        : `${formatRowNumber(cut.length)} series names read from the file were longer than the ${MAX_NAME_LENGTH} characters a name may have (the longest ${longest}), so they were cut: ${list}. Rename the series on import to choose other names.`,
  };
}

const NO_TIME_NOTE = "No time column was found: points are numbered in file order.";

/**
 * Why the points are numbered: the file has no time column, or the one its header names holds
 * times in no format that is read (`FY23 Q1`, `2010 H1`), which the analyst can rewrite.
 * @param chosen the analyst chose to read the file without time
 */
function noTimeNote(columns: ColumnInfo[], sampleRows: string[][], chosen: boolean): string {
  const named = chosen ? undefined : columns.find((c) => c.kind === "text" && looksLikeTimeName(c.name));
  const cell = named ? sampleRows.map((row) => (row[named.index] ?? "").trim()).find((c) => c !== "") : undefined;
  if (!named || cell === undefined) return NO_TIME_NOTE;
  return `No time column was found: column \`${named.name}\` holds ${quote(cell)}, which is not a date or time that can be read, so points are numbered in file order. To forecast on a calendar, write its times as dates (\`2024-01-31\`), months (\`2024-01\`), quarters (\`2024 Q1\`) or ISO weeks (\`2024-W05\`).`;
}

/** The first and one past the last index holding a value; the whole range when none does. */
function presentSpan(values: Float64Array): [number, number] {
  let start = 0;
  while (start < values.length && Number.isNaN(values[start])) start++;
  if (start === values.length) return [0, values.length];
  let end = values.length;
  while (Number.isNaN(values[end - 1])) end--;
  return [start, end];
}

/** Columns listed in a message before the rest are counted. */
const COLUMN_LIMIT_IN_MESSAGES = 5;

const MISSING_KEPT = "kept as missing values, never as 0; the forecaster fills them by interpolation, along the season when the series has a clear one.";

/**
 * One issue per value column with empty cells inside its series; one for all when there are many.
 * @param tail how the cells were used, ending the sentence (grouped series leave them out)
 */
function missingIssues(columns: ColumnInfo[], missing: MissingCells[], tail = MISSING_KEPT): IngestIssue[] {
  const affected = columns.flatMap((info, c) => ((missing[c] as MissingCells).count > 0 ? [{ info, cells: missing[c] as MissingCells }] : []));
  if (affected.length > COLUMN_LIMIT_IN_MESSAGES) {
    const total = affected.reduce((sum, { cells }) => sum + cells.count, 0);
    const named = affected.slice(0, COLUMN_LIMIT_IN_MESSAGES).map(({ info }) => `\`${info.name}\``).join(", ");
    return [{ kind: "missing", message: `${formatRowNumber(affected.length)} columns (${named} and ${formatRowNumber(affected.length - COLUMN_LIMIT_IN_MESSAGES)} more) have ${plural(total, "empty or non-numeric cell", "empty or non-numeric cells")} between their first and last values, ${tail}` }];
  }
  return affected.map(({ info, cells }) => ({
    kind: "missing",
    message: `Column \`${info.name}\` has ${plural(cells.count, "empty or non-numeric cell", "empty or non-numeric cells")} (${cells.count === 1 ? "row" : "rows"} ${listRows(cells.rows, cells.count)}), ${tail}`,
  }));
}

/**
 * A note on the series that begin after the file does or end before it (a product launched late).
 * Without a time column a time is the point's index, which numbers it.
 * @param marked whether the file has a missing-value mark: such cells (999.9) are neither empty nor non-numeric
 */
function clippedIssues(clipped: { name: string; from: number; to: number; count: number }[], format: TimeFormat, marked = false): IngestIssue[] {
  if (clipped.length === 0) return [];
  const spans = clipped.slice(0, COLUMN_LIMIT_IN_MESSAGES).map(({ name, from, to }) => `\`${name}\` ${formatTime(from, format, from)} – ${formatTime(to, format, to)}`);
  const more = clipped.length > spans.length ? ` and ${formatRowNumber(clipped.length - spans.length)} more` : "";
  const which = clipped.length === 1 ? "1 series begins later or ends earlier than the file" : `${formatRowNumber(clipped.length)} series begin later or end earlier than the file`;
  return [{ kind: "note", message: `${which} (${spans.join(", ")}${more}): the ${marked ? "cells read as missing" : "empty or non-numeric cells"} before the first value and after the last are not part of ${clipped.length === 1 ? "it" : "them"}.` }];
}

/** How a table of years by months (quarters) was read: its columns, what was left out, what is missing. */
function periodTableIssues(matrix: NonNullable<ColumnPlan["matrix"]>, clipped: number, missingCount: number, tail = MISSING_KEPT): IngestIssue[] {
  const period = matrix.columns.length === 12 ? "month" : "quarter";
  const first = matrix.columns[0]?.name ?? "";
  const last = matrix.columns.at(-1)?.name ?? "";
  const issues: IngestIssue[] = [{ kind: "note", message: `Columns \`${first}\` to \`${last}\` were read as one ${period === "month" ? "monthly" : "quarterly"} series, a year per row.` }];
  if (matrix.leftOut.length > 0) {
    const names = matrix.leftOut.map((c) => `\`${c.name}\``).join(", ");
    issues.push({ kind: "note", message: `${matrix.leftOut.length === 1 ? `Column ${names} was` : `Columns ${names} were`} left out: ${matrix.leftOut.length === 1 ? "it sums up" : "they sum up"} the ${period}s.` });
  }
  if (clipped > 0) {
    issues.push({ kind: "note", message: `${plural(clipped, `empty ${period}`, `empty ${period}s`)} before the first value or after the last ${clipped === 1 ? "was" : "were"} left out.` });
  }
  if (missingCount > 0) {
    issues.push({ kind: "missing", message: `${plural(missingCount, `${period} is`, `${period}s are`)} empty inside the series, ${tail}` });
  }
  return issues;
}

// The loops below run once per point of a series. They are functions of their own because V8
// optimises a loop inside a function as large as finish() late or not at all: inline, the same
// loops took about a tenth of a second per million rows (measured in bench:ingest's profile).

/**
 * Whether the first n times ascend (`sorted`), and whether the rows came in time order
 * (`inOrder`): on the local clock the moments are the times less their offsets, and without
 * offsets the second readings of the hour that repeats when clocks go back may step back into it.
 * @param offsets each time's UTC offset in minutes, when the times are read on the local clock
 */
function scanOrder(times: Float64Array, n: number, offsets: Int32Array | null): { sorted: boolean; inOrder: boolean } {
  let sorted = true;
  let inOrder = true;
  for (let i = 1; i < n; i++) {
    const time = times[i] as number;
    const before = times[i - 1] as number;
    if (time < before) sorted = false;
    // (The clock-change hour is asked of a step back only: two Dates a row were a tenth of the
    // time a million rows took.)
    if (offsets) {
      if (time - (offsets[i] as number) * 60_000 < before - (offsets[i - 1] as number) * 60_000) inOrder = false;
    } else if (time < before && !(isRepeatedClockHour(time) && isRepeatedClockHour(before))) {
      inOrder = false;
    }
    if (!sorted && !inOrder) break;
  }
  return { sorted, inOrder };
}

/** The first n values of `source`, in `order` when given. */
function pickInOrder(source: Float64Array, n: number, order: Uint32Array | null): Float64Array {
  const out = new Float64Array(n);
  if (order) for (let i = 0; i < n; i++) out[i] = source[order[i] as number] as number;
  else out.set(source.subarray(0, n));
  return out;
}

/** The first index from `from` on whose time equals the one before it; `times.length` when none does. */
function nextRepeat(times: Float64Array, from: number): number {
  for (let i = from; i < times.length; i++) if (times[i] === times[i - 1]) return i;
  return times.length;
}

/** The first index from `from` on holding a value (not NaN); `values.length` when none does. */
function nextPresent(values: Float64Array, from: number): number {
  for (let i = from; i < values.length; i++) if (values[i] === values[i]) return i;
  return values.length;
}

/** The first index in [from, end) holding a missing value (NaN); `end` when none does. */
function nextMissing(values: Float64Array, from: number, end: number): number {
  for (let i = from; i < end; i++) if (values[i] !== values[i]) return i;
  return end;
}

/** Clocks change for daylight saving twice a year at most; offsets that switch sooner are not that. */
const MIN_DAYS_BETWEEN_CLOCK_CHANGES = 28;

/** A wall-clock time's (UTC fields) month (0–11), day and hour when it is on a Sunday, the day clocks change; else null. */
function sundayClock(ms: number): { month: number; day: number; hour: number } | null {
  const date = new Date(ms);
  return date.getUTCDay() === 0 ? { month: date.getUTCMonth(), day: date.getUTCDate(), hour: date.getUTCHours() } : null;
}

/**
 * Whether a wall-clock time (UTC fields) lies in the hour that repeats when clocks go back: 02:00
 * on the last Sunday of October (Europe; 01:00 in the UK, and North America until 2006), 01:00 on
 * the first Sunday of November (North America), 02:00 on the first Sunday of April (Australia, New
 * Zealand); or the hour after, as files that stamp each hour by its end write it (PJM's hourly load,
 * `2014-11-02 02:00:00` twice).
 */
function isRepeatedClockHour(ms: number): boolean {
  const sunday = sundayClock(ms);
  if (!sunday) return false;
  const { month, day, hour } = sunday;
  if (month === 9) return day + 7 > 31 && hour >= 1 && hour <= 3;
  if (month === 10) return day <= 7 && (hour === 1 || hour === 2);
  if (month === 3) return day <= 7 && (hour === 2 || hour === 3);
  return false;
}

const HOUR_MS = 3_600_000;

/**
 * Whether a wall-clock time (UTC fields) lies in the hour that is skipped when clocks go forward,
 * the mirror of isRepeatedClockHour: 02:00 on the last Sunday of March (Europe; 01:00 in the UK),
 * on the second Sunday of March (North America; the first Sunday of April until 2006), on the first
 * Sunday of October (Australia) and the last Sunday of September (New Zealand); or the hour after,
 * stamped by its end.
 */
function isSkippedClockHour(ms: number): boolean {
  const sunday = sundayClock(ms);
  if (!sunday) return false;
  const { month, day, hour } = sunday;
  const early = hour === 2 || hour === 3;
  if (month === 2) return (day + 7 > 31 && hour >= 1 && hour <= 3) || (day >= 8 && day <= 14 && early);
  if (month === 3) return day <= 7 && early && new Date(ms).getUTCFullYear() < 2007;
  if (month === 9) return day <= 7 && early;
  if (month === 8) return day + 7 > 30 && early;
  return false;
}

/**
 * The starts of the hours a series skips where clocks go forward: a step over exactly one whole
 * hour more than the series' own, from the full hour. A longer gap there is data that is missing.
 * @param times wall-clock epoch ms, ascending
 * @param stepMs the series' step, a whole fraction of an hour
 */
function skippedClockHours(times: Float64Array, stepMs: number): number[] {
  const hours: number[] = [];
  for (let i = 1; i < times.length; i++) {
    const from = (times[i - 1] as number) + stepMs;
    if ((times[i] as number) - from === HOUR_MS && from % HOUR_MS === 0 && isSkippedClockHour(from)) hours.push(from);
  }
  return hours;
}

/** The note on hours skipped when clocks go forward, worded as the note on the hour that comes twice. */
function skippedHoursNote(hours: number[], series: string, format: TimeFormat): string {
  const labels = hours.slice(0, ROW_LIMIT_IN_MESSAGES).map((t) => formatTime(t, format, 0));
  const where = series ? ` of series \`${series}\`` : "";
  return hours.length === 1
    ? `The hour from ${labels[0]}${where} is missing, where clocks go forward for daylight saving; that hour never happened on the local clock, so it is not a gap.`
    : `${plural(hours.length, "hour", "hours")}${where} are missing where clocks go forward for daylight saving (${labels.join(", ")}${hours.length > labels.length ? ", …" : ""}); those hours never happened on the local clock, so they are not gaps.`;
}

function dropIndexes(values: Float64Array, drop: number[]): Float64Array {
  const out = new Float64Array(values.length - drop.length);
  let k = 0;
  let d = 0;
  for (let i = 0; i < values.length; i++) {
    if (d < drop.length && drop[d] === i) {
      d++;
      continue;
    }
    out[k++] = values[i] as number;
  }
  return out;
}

/**
 * One value per time: each run of equal `times` (sorted) becomes the sum or the mean of its
 * present values, or missing when none is present.
 */
function combineRepeats(values: Float64Array, times: Float64Array, how: "sum" | "mean"): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < values.length; ) {
    let j = i;
    let sum = 0;
    let count = 0;
    for (; j < values.length && times[j] === times[i]; j++) {
      const v = values[j] as number;
      if (v === v) {
        sum += v;
        count++;
      }
    }
    out.push(count === 0 ? Number.NaN : how === "sum" ? sum : sum / count);
    i = j;
  }
  return Float64Array.from(out);
}

/** The first value beyond ±MAX_ABS_VALUE, or -1: only a sum of rows can get there, each row being checked as it is read. */
function indexBeyondMax(values: Float64Array): number {
  return values.findIndex((v) => v > MAX_ABS_VALUE || v < -MAX_ABS_VALUE);
}

/**
 * Why rows added up into one point are refused: naming the rows and where they fall.
 * @param prefix `Series \`b\`: ` when the file has several series, else empty
 * @param where the period (`2 Jan 2020`) or the shared time (`2020-01-01`)
 * @param averageFlag the CLI's way to average the rows instead
 */
function sumBeyondMaxMessage(prefix: string, rows: number[], where: string, total: number, averageFlag: string): string {
  const sorted = [...rows].sort((a, b) => a - b);
  const list =
    sorted.length <= ROW_LIMIT_IN_MESSAGES
      ? `${sorted.slice(0, -1).map(formatRowNumber).join(", ")} and ${formatRowNumber(sorted[sorted.length - 1] as number)}`
      : listRows(sorted, sorted.length);
  return (
    `${prefix}${prefix ? "rows" : "Rows"} ${list} (${where}) add up to ${total}, ${BEYOND_MAX_ABS_VALUE}. ` +
    `Write the column in a larger unit (divide its values by a power of ten) and upload it again, or average the rows instead of adding them up (CLI: ${averageFlag}).`
  );
}

function indexFrequency(): Frequency {
  return { kind: "index", step: { unit: "index" }, seasonLength: 1, label: "sequence", gapCount: 0 };
}

/** The analyst's choices that detection must follow. */
export function toSniffOptions(options: ReadOptions): SniffOptions {
  return { ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}), ...(options.decimal ? { decimal: options.decimal } : {}) };
}

function sniffWith(sample: string, options: ReadOptions): Result<{ sniffed: CsvSniff; plan: Plan }> {
  const sniffed = sniffCsv(sample, toSniffOptions(options));
  if (!sniffed.ok) return sniffed;
  const plan = planColumns(sniffed.data.columns, options, sniffed.data.sampleRows, sniffed.data.sampleRowNumbers);
  if (!plan.ok) return plan;
  return ok({ sniffed: sniffed.data, plan: plan.data });
}

/**
 * Reads a CSV text into series: detects the dialect and columns, then reads every row, checking
 * each cell. Errors name the row (as a spreadsheet numbers it: the header is row 1) and the column.
 * @param collect bad rows to keep after the first, for the preview to mark them all (the rest are
 *   counted); 0, as imports read, stops at the first. A turned table's rows are not the file's: none kept.
 */
export function readDataset(text: string, options: ReadOptions = {}, collect = 0): ReadResult<ParsedDataset> {
  const across = turnDatesAcross(text);
  if (!across) return readTable(text, options, collect);
  const read = readTable(across.text, { ...across.readOptions, ...options });
  // The turned table's rows are not the file's: the translated sentence names the file's, no cell is pointed at.
  if (!read.ok) return fail(across.translate(read.reason));
  for (const issue of read.data.issues) issue.message = across.translate(issue.message);
  // The note on the steps already says why the points are numbered.
  if (across.steps) read.data.issues = read.data.issues.filter((issue) => issue.message !== NO_TIME_NOTE);
  read.data.issues.unshift({ kind: "note", message: across.note });
  return read;
}

/** The earliest time of any group (each group's rows are in file order, not yet sorted). */
function firstTime(groups: Map<string, Group>): number {
  let first = Number.POSITIVE_INFINITY;
  for (const group of groups.values()) for (let i = 0; i < group.times.length; i++) first = Math.min(first, group.times.data[i] as number);
  return first;
}

/** Whether the text's last line ends with a line break (spaces and tabs after it aside). */
function endsWithLineBreak(text: string): boolean {
  return /[\r\n][ \t]*$/.test(text.slice(-256));
}

/** @param collect bad rows to keep after the first (see startDataset) */
function readTable(text: string, options: ReadOptions, collect = 0): ReadResult<ParsedDataset> {
  const start = sniffWith(text, options);
  if (!start.ok) return start;
  const builder = startDataset(start.data.sniffed, start.data.plan, options, collect);
  const rows = createCsvRowStream(start.data.sniffed.dialect, builder.add);
  for (let at = 0; at < text.length && (collect > 0 || !builder.error()); at += CHUNK_CHARS) rows.push(text.slice(at, at + CHUNK_CHARS));
  rows.end();
  const error = builder.error();
  return error ? refuse(error, builder.further()) : builder.finish(endsWithLineBreak(text));
}

/**
 * Reads a CSV that arrives in pieces (a file or request body decoded chunk by chunk), so that the
 * whole file never has to be one string. Same result as readDataset on the joined text.
 * @param chunks decoded text, in order
 */
export async function readDatasetChunks(chunks: AsyncIterable<string>, options: ReadOptions = {}, collect = 0): Promise<ReadResult<ParsedDataset>> {
  let head = "";
  let reader: { builder: DatasetBuilder; rows: CsvRowStream } | null = null;
  let lineEnded = false;
  for await (const chunk of chunks) {
    if (/\S/.test(chunk)) lineEnded = endsWithLineBreak(chunk);
    else if (/[\r\n]/.test(chunk)) lineEnded = true;
    if (!reader) {
      head += chunk;
      if (head.length < SNIFF_CHARS) continue;
      // A table with its dates across the header is turned whole; such tables are small.
      if (hasDatesAcross(head)) {
        for await (const rest of chunks) head += rest;
        return readDataset(head, options);
      }
      const start = sniffWith(head, options);
      if (!start.ok) return start;
      const builder = startDataset(start.data.sniffed, start.data.plan, options, collect);
      reader = { builder, rows: createCsvRowStream(start.data.sniffed.dialect, builder.add) };
      reader.rows.push(head);
      head = "";
    } else {
      reader.rows.push(chunk);
    }
    const error = reader.builder.error();
    if (error && collect === 0) return refuse(error);
  }
  if (!reader) return readDataset(head, options, collect);
  reader.rows.end();
  const error = reader.builder.error();
  return error ? refuse(error, reader.builder.further()) : reader.builder.finish(lineEnded);
}
