import Papa from "papaparse";
import { forcedText, unwrapTextFormulas } from "./csv-rows";
import { detectTimeFormat, looksLikeTimeName, withFileMonthNames, type DateOrder, type DetectedTimeFormat } from "../time/detect-time-format";
import { makeTimeParser, monthLanguagesOf } from "../time/time-format";
import { fail, ok, type Result } from "../result";
import { toCellName, toUniqueNames } from "../series/names";
import { cellUnit, decideDecimalMark, parseNumberCell, type DecimalDecision, type DecimalMark } from "./parse-number";
import { describedHeader, describeFromMetadata, filledCount, isTyped, labelsAboveHeader, looksNumeric, metadataBlock } from "./metadata-rows";
import { detectPeriodBlocks, type PeriodBlocks } from "./period-blocks";

export type Delimiter = "," | ";" | "\t" | "|";
const DELIMITERS: Delimiter[] = [",", ";", "\t", "|"];

/** How the file is written. */
export interface CsvDialect {
  delimiter: Delimiter;
  decimal: DecimalMark;
  lineBreak: "\n" | "\r\n" | "\r";
  hasHeader: boolean;
  /** Title and source lines above the table (non-blank rows), skipped when reading. */
  skipRows?: number;
  /** The row under the header gives each column's unit (`,MW,°C`); skipped when reading. */
  unitsRow?: boolean;
  /** The row under the header gives each column's width and type (`5s`, `15s`, `20d`, `14n`), as USGS's RDB files write it; skipped when reading. */
  formatRow?: boolean;
  /** The row under the header names the first column only (`date,,`, pandas' index name); skipped when reading. */
  indexNameRow?: boolean;
  /**
   * Header rows after the first that name the columns with it (pandas' column levels, a
   * spreadsheet's merged headings over the names): the columns' names join them (`A · sales`).
   */
  headerRows?: number;
  /**
   * Rows under the header that describe the series it names by code (the Bundesbank's and the
   * ECB's description, unit, date and source); skipped when reading, their name and unit taken.
   */
  describedRows?: number;
  /** Some fields are wrapped in double quotes. */
  quoted: boolean;
}

export type ColumnKind = "time" | "number" | "text" | "empty";

export interface ColumnInfo {
  index: number;
  name: string;
  kind: ColumnKind;
  /** For time columns: the format that reads every sampled cell. */
  time?: DetectedTimeFormat;
  /**
   * A time column whose cells are all plain numbers (years, serial dates, epoch seconds): it may
   * be a value column that happens to read as times (`Sales prior year` of 1000–2999).
   */
  numeric?: true;
  /** The unit of a value column: from a units row under the header, or `Load (MW)` / `Load [MW]`. */
  unit?: string;
  /**
   * A time column listing the series at several periods, a block after another (ONS: years, then
   * quarters, then months) or mixed (Statistics Netherlands: each year before its months): `time`
   * reads the finest period; the rows of the others are left out.
   */
  blocks?: Omit<PeriodBlocks, "time">;
}

export interface CsvSniff {
  dialect: CsvDialect;
  columns: ColumnInfo[];
  /** First data rows as cells, for previews. */
  sampleRows: string[][];
  /** Each sample row's number in the file, as the read's messages name rows (`Row 7`). */
  sampleRowNumbers: number[];
  /** The cell the decimal mark was guessed from when no cell decided it (`1.500`). */
  decimalGuessedFrom?: string;
  /** The title the label rows above a headerless table give it (ONS's `"Title","Retail sales index"`). */
  title?: string;
}

/** Data rows kept for previews. */
const SAMPLE_ROWS = 20;
/** How many lines detection looks at; the full read checks every row afterwards. */
const SAMPLE_LINES = 500;
/** Characters of text that detection looks at: readers collect this much before the rows are read. */
export const SNIFF_CHARS = 256 * 1024;

/** A row longer than the detection sample: no table has one, so the file is not the CSV it seems. */
function tooLongRow(which: string): string {
  return `${which} is longer than ${SNIFF_CHARS / 1024} kB. A CSV file has a line per row: check that this file is CSV text with line breaks.`;
}

function sampleText(text: string): string {
  // A reader's head is SNIFF_CHARS long and may end inside a row: that row is left out too.
  if (text.length < SNIFF_CHARS) return text;
  const cut = text.lastIndexOf("\n", SNIFF_CHARS);
  return text.slice(0, cut > 0 ? cut : SNIFF_CHARS);
}

function parseRows(sample: string, delimiter: Delimiter): string[][] {
  const parsed = Papa.parse<string[]>(sample, { delimiter, skipEmptyLines: "greedy", preview: SAMPLE_LINES });
  return parsed.data;
}

/**
 * The rows with content, each with its number as the full read counts rows in its messages (see
 * OnRow: blank lines count, a quoted cell over several lines is one row), so a preview can show
 * where a refused row is.
 */
function parseNumberedRows(sample: string, delimiter: Delimiter): { rows: string[][]; numberOf: Map<string[], number>; forcedOf: Map<string[], Set<number>> } {
  const parsed = Papa.parse<string[]>(sample, { delimiter, preview: SAMPLE_LINES });
  const rows: string[][] = [];
  const numberOf = new Map<string[], number>();
  const forcedOf = new Map<string[], Set<number>>();
  parsed.data.forEach((row, i) => {
    if (row.every((cell) => cell.trim() === "")) return;
    const forced = new Set<number>();
    row.forEach((cell, k) => forcedText(cell) !== null && forced.add(k));
    if (forced.size > 0) forcedOf.set(row, forced);
    rows.push(unwrapTextFormulas(row));
    numberOf.set(row, i + 1);
  });
  return { rows, numberOf, forcedOf };
}

/** Digits with a leading zero (`00123`, `01067`): kept so only by a code, never by a quantity. */
export const ZERO_LED = /^0\d+$/;
/** Flags written as a string of 0s and 1s (GSOD's `FRSHTT`, `010000`: fog, rain, snow, hail, thunder, tornado). */
const FLAG_DIGITS = /^[01]{4,}$/;

/**
 * Whether a column's numbers are codes: digits Excel was told to keep as text (`="00123"`, as
 * exports write postcodes, SAP's material numbers `="000000000000012345"`, or a station's id),
 * or strings of flags of one width (`010000`). Read as numbers they lost their zeros (123), and a
 * column naming the series was taken for one to forecast.
 * @param forced whether each cell was written as Excel's text (`="…"`, `'…`)
 */
function holdsCodes(cells: string[], forced: boolean[]): boolean {
  let zeroLed = false;
  let flags = true;
  let width = -1;
  let filled = 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = (cells[i] as string).trim();
    if (cell === "") continue;
    filled++;
    if (ZERO_LED.test(cell)) zeroLed = true;
    if (!FLAG_DIGITS.test(cell) || (width >= 0 && cell.length !== width)) flags = false;
    width = cell.length;
    if (!forced[i] && !flags) return false;
  }
  return filled > 0 && zeroLed;
}

/**
 * Share of rows with a cell that still holds another delimiter, a comma between digits aside (a
 * decimal comma). A headerless German export (`01.01.2024;100,25`) splits evenly at its one comma
 * as at its one semicolon: read at the comma, every value was the `25` after it.
 */
function unsplitShare(rows: string[][], delimiter: Delimiter): number {
  const others = DELIMITERS.filter((d) => d !== delimiter);
  const unsplit = (cell: string) => {
    const text = cell.replace(/(\d),(?=\d)/g, "$1");
    return others.some((d) => text.includes(d));
  };
  let count = 0;
  for (const row of rows) if (row.some(unsplit)) count++;
  return rows.length === 0 ? 0 : count / rows.length;
}

/** The delimiter that splits the sampled lines into the most equal, widest rows. */
function detectDelimiter(sample: string): Delimiter {
  let best: Delimiter = ",";
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const rows = parseRows(sample, delimiter);
    if (rows.length === 0) continue;
    const counts = new Map<number, number>();
    for (const row of rows) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    let width = 1;
    let agree = 0;
    for (const [length, count] of counts) {
      if (count > agree || (count === agree && length > width)) {
        width = length;
        agree = count;
      }
    }
    if (width < 2) continue;
    const headerAgrees = rows[0]?.length === width ? 1 : 0;
    const score = (agree / rows.length) * 10 + headerAgrees * 5 + Math.min(width, 20) * 0.01 - unsplitShare(rows, delimiter) * 3;
    if (score > bestScore) {
      bestScore = score;
      best = delimiter;
    }
  }
  return best;
}

/**
 * The time cell of a spreadsheet's totals row: `Total`, `Grand total`, `Sum`, `Average`, `Gesamt`,
 * German Excel's pivot `Gesamtergebnis`, …
 */
export const SUMMARY_LABEL =
  /^\s*(grand\s+)?(total|totals|sum|average|mean|summe|gesamt|insgesamt|gesamtergebnis|totaal|eindtotaal|totale|moyenne|total\s+general|total\s+général)\s*:?\s*$/i;

function isNumeric(cell: string, decimal: DecimalMark): boolean {
  return parseNumberCell(cell, decimal).kind === "number";
}

function classify(
  name: string,
  index: number,
  cells: string[],
  decimal: DecimalMark,
  dateOrder: DateOrder | undefined,
  timeLike: boolean,
  codes: boolean,
): ColumnInfo {
  const present = cells.map((c) => c.trim()).filter((c) => parseNumberCell(c, decimal).kind !== "missing");
  if (present.length === 0) return { index, name, kind: "empty" };
  // Where numbers are written with decimal commas, dates are written day first.
  const tieOrder: DateOrder = decimal === "," ? "dmy" : "mdy";
  // A pivot table's `Grand Total` under its dates must not make the column look like text.
  const dated = present.filter((cell) => !SUMMARY_LABEL.test(cell));
  const numeric = present.every((cell) => isNumeric(cell, decimal));
  // Periods of plain numbers could be values that happen to count up: a period must be written with words (`2010 Q1`).
  const found = detectTimeColumn(name, dated, dateOrder, timeLike, tieOrder, !numeric);
  if (found && "blocks" in found) {
    const { time, ...blocks } = found.blocks;
    return { index, name, kind: "time", time, blocks };
  }
  const time = found?.time;
  if (time) return numeric ? { index, name, kind: "time", time, numeric: true } : { index, name, kind: "time", time };
  if (codes) return { index, name, kind: "text" };
  let numbers = 0;
  let malformed = 0;
  for (const cell of present) {
    const kind = parseNumberCell(cell, decimal).kind;
    if (kind === "number") numbers++;
    else if (kind === "invalid") malformed++;
  }
  // A numeric column may hold a few words meaning "missing" (`n.a.`, `pending`) and a few malformed
  // numbers, which the full read reports by row; a text column is mostly words. Words alone beside
  // a majority of numbers (the first months `pending`) are missing values of a series too: as text,
  // the column was left out without a word and could not even be chosen as a series.
  const mostly = numbers + malformed >= 0.8 * present.length || (malformed === 0 && numbers >= 0.5 * present.length);
  if (numbers > 0 && mostly) return { index, name, kind: "number" };
  return { index, name, kind: "text" };
}

/** Share of cells a detected format reads. */
function timeShare(detected: DetectedTimeFormat, cells: string[]): number {
  const parse = makeTimeParser(detected.format);
  let read = 0;
  for (let i = 0; i < cells.length; i++) if (Number.isFinite(parse(cells[i] as string, i))) read++;
  return read / cells.length;
}

/**
 * The time format of a column, tolerating a few bad cells (a typo in one date must be reported by
 * row, not turn the whole column into text): the format that reads at least 90% of the sample,
 * or half of it in a column whose header says it holds times; or periods of several lengths (see
 * detectPeriodBlocks) when `periods`.
 */
function detectTimeColumn(
  name: string,
  cells: string[],
  dateOrder: DateOrder | undefined,
  timeLike: boolean,
  tieOrder: DateOrder,
  periods: boolean,
): { time: DetectedTimeFormat } | { blocks: PeriodBlocks } | undefined {
  const options = { columnName: name, timeLike, tieOrder, ...(dateOrder ? { dateOrder } : {}) };
  const strict = detectTimeFormat(cells, options);
  if (strict) return { time: strict };
  // Before a few bad cells are tolerated: a year's total among the months is a period of its own.
  const blocks = periods ? detectPeriodBlocks(cells, options) : null;
  if (blocks) return { blocks };
  // Formats read off single cells near the top; the bad cell itself simply yields nothing.
  const orders: (DateOrder | undefined)[] = dateOrder ? [dateOrder] : [undefined, "dmy", "mdy"];
  let best: DetectedTimeFormat | undefined;
  let bestShare = looksLikeTimeName(name) ? 0.5 : 0.9;
  for (const cell of cells.slice(0, 5)) {
    for (const order of orders) {
      // Not `timeLike`: one number always "counts up", and the headerless first column may be values.
      const candidate = detectTimeFormat([cell], { columnName: name, tieOrder, ...(order ? { dateOrder: order } : {}) });
      if (!candidate) continue;
      // A number read alone passes the checks that make numbers times (serial dates and years
      // must count up): the cells it reads must pass them together, bad cells aside, or any
      // column of 20,000–80,000 under `Day-ahead …` became the time.
      const readable = cells.filter((c) => Number.isFinite(makeTimeParser(candidate.format)(c, 0)));
      if (readable.every((c) => isNumeric(c, ".")) && !detectTimeFormat(readable, { columnName: name, tieOrder })) continue;
      const share = timeShare(candidate, cells);
      if (share >= bestShare && (!best || share > bestShare)) {
        best = candidate;
        bestShare = share;
      }
    }
  }
  // One cell's format knows one month's spelling: the file's others (`Jan.`, `Sept.`) are written back too.
  return best && { time: withFileMonthNames(best, cells) };
}

/** A year as statistics tables write one in a column of its own. */
const YEAR = /^(1[5-9]|2\d)\d\d$/;

/** Whether most of the rows with a year in column `index` have a month's name beside it. */
export function hasMonthNamesBeside(rows: string[][], index: number): boolean {
  const dated = rows.filter((row) => YEAR.test((row[index] ?? "").trim()));
  const named = dated.filter((row) => {
    const cell = (row[index + 1] ?? "").trim();
    return !/\d/.test(cell) && monthLanguagesOf(cell).length > 0;
  });
  return dated.length >= 2 && named.length >= 0.9 * dated.length;
}

/**
 * The columns with a column of years taken for the time when a column of month names follows it,
 * neither named as such: GENESIS (Destatis) tables write `2023;Januar;114,3` under headers that
 * leave both empty. Without a time column, the years were a series of their own.
 */
function withYearsBesideMonths(columns: ColumnInfo[], rows: string[][]): ColumnInfo[] {
  const years = columns.find((c) => c.kind === "number" && columns[c.index + 1]?.kind === "text" && hasMonthNamesBeside(rows, c.index));
  if (!years) return columns;
  return columns.map((c) => (c === years ? { index: c.index, name: c.name, kind: "time", time: { format: { kind: "pattern", pattern: "%Y" } } } : c));
}

/** A header's row: two or more cells, every one of them words (`Nth day,New users`), none a number or a missing-value mark. */
export function isHeaderOfWords(row: string[], decimal: DecimalMark): boolean {
  let filled = 0;
  for (const cell of row) {
    if (cell.trim() === "") continue;
    if (parseNumberCell(cell, decimal).kind !== "text") return false;
    filled++;
  }
  return filled >= 2;
}

/**
 * A row of a notes block: a label that is no number, missing mark or time (`Rows`, `Extracted`,
 * `Source:`) and at most one value after it (`4`, `2024-03-01`, `Internal ERP`).
 */
export function isNoteRow(row: string[], decimal: DecimalMark): boolean {
  const label = (row[0] ?? "").trim();
  const kind = parseNumberCell(label, decimal).kind;
  return label !== "" && kind !== "number" && kind !== "missing" && !isTyped(label) && row.slice(2).every((cell) => cell.trim() === "");
}

/**
 * The first row of a notes block that no header of words starts (`Rows,4`, `Extracted,2024-03-01`):
 * a label with a number or a date, which isHeaderOfWords refuses, so the block was read as data.
 */
export function startsNotes(row: string[], decimal: DecimalMark): boolean {
  return isNoteRow(row, decimal) && (parseNumberCell(row[1] ?? "", decimal).kind === "number" || isTyped(row[1] ?? ""));
}

/** A number written after `#` alone in the first cell: `#1001`, `#A-1024`. */
const ORDER_NUMBER = /^\s*#[A-Z]{0,3}-?\d+\s*$/;

/** A first cell starting a comment line (`# All Web Site Data`); an order's or a ticket's number (Shopify's `#1001`) is a cell. */
export function isCommentCell(cell: string): boolean {
  return /^\s*#/.test(cell) && !ORDER_NUMBER.test(cell);
}

/**
 * Where another table starts under `#` lines after the first table's rows (Google Analytics'
 * sections), or a block of notes that runs to the end (`# Notes`, `Rows,4`), or the rows' length:
 * their cells are no sample of the first table's columns.
 */
function otherTableAt(rows: string[][], decimal: DecimalMark): number {
  let data = false;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as string[];
    if (!isCommentCell(row[0] ?? "")) {
      data = true;
      continue;
    }
    if (!data) continue;
    let next = i;
    while (next < rows.length && isCommentCell(rows[next]?.[0] ?? "")) next++;
    if (next < rows.length && isHeaderOfWords(rows[next] as string[], decimal)) return i;
    if (next < rows.length && startsNotes(rows[next] as string[], decimal) && rows.slice(next).every((row) => isCommentCell(row[0] ?? "") || isNoteRow(row, decimal))) return i;
    i = next - 1;
  }
  return rows.length;
}

/** Whether a row repeats the header, cell for cell (as reading leaves it out). */
function repeatsHeader(row: string[], header: string[]): boolean {
  return row.length > 0 && row.every((cell, i) => cell.trim() === (header[i] ?? "").trim());
}

/** A header row has a text cell where the data below it has numbers or dates. */
function looksLikeHeader(first: string[], rest: string[][], decimal: DecimalMark): boolean {
  const allText = first.every((cell) => cell.trim() !== "" && !isNumeric(cell, decimal) && !detectTimeFormat([cell], {}));
  if (rest.length === 0) return first.some((cell) => !isNumeric(cell, decimal));
  // Distinct words over columns of words: a header over a text-only table.
  if (allText && new Set(first.map((c) => c.trim())).size === first.length) return true;
  return first.some((cell, i) => {
    // Missing marks (`.`, `NA`) among the numbers say nothing either way.
    const below = rest.map((row) => row[i] ?? "").filter((c) => parseNumberCell(c, decimal).kind !== "missing");
    if (below.length === 0) return false;
    // An empty cell names nothing: a headerless row with a gap is still data.
    const headerIsPlain = cell.trim() !== "" && !isNumeric(cell, decimal) && !detectTimeFormat([cell], {});
    const belowTyped = below.every((c) => isNumeric(c, decimal)) || detectTimeFormat(below.slice(0, 50), {}) !== null;
    return headerIsPlain && belowTyped;
  });
}

const INFLUX_ANNOTATION = /^#(datatype|group|default)$/;

/**
 * Title, source and note lines above the table, as government and spreadsheet downloads have
 * them. Two signs, each enough:
 * - a header row further down (two or more names, none a number or a date, with data right below
 *   it) and nothing above it that starts like data: "Source: ABS, 2020" then "month,turnover";
 * - leading rows whose filled cells end before the table's usually do and that hold no number,
 *   when a table of at least two filled columns follows. Widths count up to the last filled cell,
 *   so trailing delimiters on the data rows do not make the header look short.
 * A one-column file keeps all its rows; R's header `"","x"` fills its second cell and stays.
 * Label rows over a headerless table (ONS's, INSEE's) are a third sign: see metadataBlock.
 */
function preambleRows(rows: string[][]): { skip: number; unitsRow: boolean; formatRow?: boolean } {
  // InfluxDB's annotation rows (any of them, as its `annotations` parameter chooses) are as wide as
  // the header: a lone `#datatype` row above it was read as the header.
  let annotations = 0;
  while (annotations < rows.length && INFLUX_ANNOTATION.test(rows[annotations]?.[0] ?? "")) annotations++;
  if (annotations > 0) return { skip: annotations, unitsRow: false };
  const labels = metadataBlock(rows) || labelsAboveHeader(rows);
  if (labels > 0) return { skip: labels, unitsRow: false };
  const limit = Math.min(rows.length - 2, 30);
  for (let h = 1; h <= limit; h++) {
    const header = rows[h] as string[];
    const isHeader = filledCount(header) >= 2 && header.every((cell) => cell.trim() === "" || !isTyped(cell)) && (rows[h + 1] ?? []).some(isTyped);
    if (!isHeader && !isLoneUnitsRow(header, rows[h - 1] as string[], rows.slice(h + 1))) continue;
    if (!isHeader || isUnitsRow(header, rows[h - 1] as string[])) {
      return { skip: rows.slice(0, h - 1).every((row) => !isTyped(row[0] ?? "")) ? h - 1 : 0, unitsRow: true };
    }
    if (isFormatRow(header) && h >= 1) return { skip: rows.slice(0, h - 1).every((row) => !isTyped(row[0] ?? "")) ? h - 1 : 0, unitsRow: false, formatRow: true };
    return { skip: rows.slice(0, h).every((row) => !isTyped(row[0] ?? "")) ? h : 0, unitsRow: false };
  }
  const filledWidth = (row: string[] | undefined) => {
    const cells = row ?? [];
    let last = cells.length;
    while (last > 0 && (cells[last - 1] as string).trim() === "") last--;
    return last;
  };
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(filledWidth(row), (counts.get(filledWidth(row)) ?? 0) + 1);
  const width = [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best), [0, 0])[0];
  if (width < 2) return { skip: 0, unitsRow: false };
  let k = 0;
  while (k < limit && filledWidth(rows[k]) < width && !(rows[k] ?? []).some(looksNumeric)) k++;
  if (k === 0) return { skip: 0, unitsRow: false };
  const below = rows.slice(k, k + 50);
  // Source lines under a short table (GENESIS' `__________` and copyright) are not among its rows.
  let end = below.length;
  while (end > 0 && filledCount(below[end - 1] as string[]) < 2) end--;
  // A header may name only the value column over unnamed time columns (GENESIS: `;;Verbraucherpreisindex` over `2023;Januar;114,3`).
  const heads = filledCount(below[0] as string[]) >= 2 || filledWidth(below[0]) === width;
  return { skip: heads && below.slice(0, end).filter((row) => filledCount(row) >= 2).length >= 0.8 * end ? k : 0, unitsRow: false };
}

/** A header row that could be one of several: no number or date, and at least as wide as the table needs to have levels. */
function isHeadingRow(row: string[], width: number): boolean {
  return width >= 3 && row.length === width && row.every((cell) => !isTyped(cell));
}

/**
 * Header rows that name the columns together, over each other: pandas writes a row per level of
 * its columns (`store,A,A,B` over `metric,sales,visits,sales`, then the index name `date,,,`),
 * spreadsheets write a heading over the columns to its right (`Region;North;;South;` over
 * `Monat;Umsatz;Stück;Umsatz;Stück`), which reads as a title line above the table. Read as one
 * header and the others as data, the rows of words stopped the import at a "date" `store`, or lost
 * the regions and left two columns `Umsatz`. The rows are levels when none holds a number or a
 * date, every row under the first fills each column after the first, and data (a date or number
 * in the first column) follows them and the index name's row, if any.
 * @param above the rows taken for lines above the table
 * @param rows the rows from the header on
 * @returns how many of `above` are headings (`over`), the header rows in all and the columns' names; null for a header of one row
 */
function headerLevels(above: string[][], rows: string[][]): { over: number; rows: number; names: string[] } | null {
  const header = rows[0];
  if (!header) return null;
  const width = header.length;
  if (!isHeadingRow(header, width)) return null;
  // Each column the header names is named again; GENESIS leaves its two time columns unnamed in both (`;;2020=100`).
  const full = (row: string[]) => isHeadingRow(row, width) && filledCount(row.slice(1)) > 0 && row.slice(1).every((cell, j) => cell.trim() !== "" || (header[j + 1] ?? "").trim() === "");
  // A line taken for a title is a heading row when its names stand over columns: spanning some
  // (a blank between them, as merged cells export, or a name repeated over different names),
  // or under no name of its own for the first column. A metadata line
  // (`Report;Region North;Currency EUR`) does neither.
  const heading = (row: string[]) => {
    const names = row.slice(1).map((cell) => cell.trim() !== "");
    const spans = names.indexOf(false) >= 0 && names.indexOf(false) < names.lastIndexOf(true);
    return isHeadingRow(row, width) && filledCount(row.slice(1)) >= 2 && ((row[0] ?? "").trim() === "" || spans || repeatsOverNames(row, header));
  };
  let over = 0;
  while (over < above.length && heading(above[above.length - 1 - over] as string[])) over++;
  let under = 0;
  while (under + 1 < rows.length && full(rows[under + 1] as string[])) under++;
  if (over + under === 0) return null;
  const indexRow = rows[under + 1];
  const indexName = indexRow && filledCount(indexRow) === 1 && (indexRow[0] ?? "").trim() !== "" ? (indexRow[0] as string).trim() : undefined;
  const data = rows[under + (indexName === undefined ? 1 : 2)];
  if (!data || !isTyped(data[0] ?? "")) return null;
  const levels = [...above.slice(above.length - over), ...rows.slice(0, under + 1)];
  const names = header.map((_, i) => {
    if (i === 0) return indexName ?? [...levels].reverse().map((row) => (row[0] ?? "").trim()).find((cell) => cell !== "") ?? "";
    const parts: string[] = [];
    for (const [l, row] of levels.entries()) {
      // A heading over the columns to its right, as merged cells export; the last row names each column.
      let j = i;
      while (l < levels.length - 1 && j > 1 && (row[j] ?? "").trim() === "") j--;
      const part = (row[j] ?? "").trim();
      if (part !== "" && part !== parts[parts.length - 1]) parts.push(part);
    }
    return parts.join(" · ");
  });
  return { over, rows: levels.length, names };
}

/** A units-row cell that names a unit a number is written in (`MW`, `°C`, `EUR`, `[kWh]`), not a word (`North`). */
const isUnitCell = (cell: string) => cellUnit(`1 ${cleanUnit(cell) ?? ""}`) !== undefined;

/**
 * Whether a header row names a column again over a different name in the row under it
 * (`date,Sales,Sales` over `,North,South`): a heading written over each column it spans, as
 * pandas writes a level (`store,A,A,B`), so the rows are levels (`Sales · North`). Taken for a
 * units row, `North` and `South` were the units of `Sales` and `Sales (2)`. Units under a repeated
 * name (`Temp,Temp` over `,°C,°F`: one measure in two units) stay units.
 */
function repeatsOverNames(top: string[], below: string[]): boolean {
  const under = new Map<string, string>();
  for (let j = 1; j < top.length; j++) {
    const name = (top[j] ?? "").trim();
    const cell = (below[j] ?? "").trim();
    if (name === "" || cell === "") continue;
    const first = under.get(name);
    if (first === undefined) under.set(name, cell);
    else if (first !== cell && !(isUnitCell(first) && isUnitCell(cell))) return true;
  }
  return false;
}

/** An RDB column's width and type: string, number or date (`15s`, `14n`, `20d`). */
const RDB_FORMAT = /^\d+[sdn]$/;

/**
 * Whether a row gives each column's width and type, as USGS NWIS writes it under the header of its
 * RDB files (`5s	15s	20d	14n	10s`). Taken for the header, it named the columns `5s`, `15s`, …
 * and the real header was skipped as a title line.
 */
function isFormatRow(row: string[]): boolean {
  return row.length >= 2 && row.every((cell) => RDB_FORMAT.test(cell.trim()));
}

/** How a date column's format is spelled out under its header: `yyyy-mm-dd`, `DD.MM.YYYY hh:mm`. */
const FORMAT_HINT = /^[ymdhs\-/.:T ]+$/i;

/**
 * Whether `row` is a units row under the header `above` (`Date,Load,Temp` then `,MW,°C`, as
 * loggers and energy exports write): the header names the first column and fills at least as
 * many cells; the units row leaves the time column empty (or spells its format) and holds short
 * labels. A title line over a header is told apart by the header's first cell, a name.
 */
function isUnitsRow(row: string[], above: string[] | undefined): boolean {
  if (!above || (above[0] ?? "").trim() === "" || filledCount(above) < filledCount(row)) return false;
  if (!above.every((cell) => cell.trim() === "" || !isTyped(cell))) return false;
  if (repeatsOverNames(above, row)) return false;
  const first = (row[0] ?? "").trim();
  if (first !== "" && !FORMAT_HINT.test(first)) return false;
  return row.slice(1).every((cell) => cell.trim().length <= 16);
}

/**
 * Whether `row` is a units row giving one column's unit only (`date,Load` over `,MW`, as SCADA
 * historians and energy exports write a single measure): one cell, not the time's, holding a unit a
 * number is written in, under a name in the header, and every row below starting with a time and
 * holding a number there (or nothing). isUnitsRow wants two filled cells, so this row was read as
 * data and the file refused at its empty date. A data row missing its date holds a number, and a
 * second level of names (`,North`) no unit, so both are still read as before.
 */
function isLoneUnitsRow(row: string[], above: string[] | undefined, below: string[][]): boolean {
  const at = row.findIndex((cell) => cell.trim() !== "");
  if (!above || at < 1 || filledCount(row) !== 1 || !isUnitCell(row[at] as string)) return false;
  if ((above[0] ?? "").trim() === "" || (above[at] ?? "").trim() === "" || !above.every((cell) => cell.trim() === "" || !isTyped(cell))) return false;
  // The decimal mark is not known yet: a number with either mark counts.
  const kind = (cell: string) => (parseNumberCell(cell, ".").kind === "number" ? "number" : parseNumberCell(cell, ",").kind);
  const kinds = below.map((data) => (isTyped(data[0] ?? "") ? kind(data[at] ?? "") : "untimed"));
  return kinds.includes("number") && kinds.every((k) => k === "number" || k === "missing");
}

/**
 * The name on a row of its own under the header, in the first cell only, with data under it:
 * pandas writes a table's index name there when its columns are named too (a pivot's
 * `region,North,South` over `date,,`). Left in the data, the name made the dates a text column.
 */
function indexNameOf(rows: string[][]): string | undefined {
  const [row, next] = rows;
  const name = (row?.[0] ?? "").trim();
  if (!row || row.length < 2 || name === "" || isTyped(name) || filledCount(row) !== 1) return undefined;
  return isTyped(next?.[0] ?? "") ? name : undefined;
}

/**
 * `Load (MW)` or `Load [MW]` → `MW`; square brackets anywhere (`Biomasse [MWh] Originalauflösungen`,
 * ENTSO-E's `Actual Total Load [MW] - BZN|DE-LU`). Brackets after a colon name a scope, not a unit:
 * Google Trends heads its column `tidecast: (Worldwide)`.
 */
function unitFromName(name: string): string | undefined {
  const match = /(?<!:\s*)[([]\s*([^()[\]]{1,16}?)\s*[)\]]\s*$/.exec(name) ?? /(?<!:\s*)\[\s*([^()[\]]{1,16}?)\s*\]/.exec(name);
  const unit = match?.[1];
  if (unit === undefined || !/[^\d\s]/.test(unit) || QUALIFIER.test(unit)) return undefined;
  // Parentheses against the word are part of its name (UCI Air Quality's `CO(GT)`, `PT08.S1(CO)`:
  // the ground truth, a sensor's target gas) unless they hold a unit a number could be written with.
  const glued = name[(match as RegExpExecArray).index - 1];
  if (name[(match as RegExpExecArray).index] === "(" && glued !== undefined && /\S/.test(glued)) {
    return cellUnit(`1 ${unit}`) !== undefined || /[^\p{L}\d\s]/u.test(unit) ? unit : undefined;
  }
  return unit;
}

/**
 * A word that qualifies what is measured rather than the unit it is measured in: Our World in
 * Data's `Life expectancy at birth (historical)`, `(estimated)`, `(nominal)`, `(annual)`.
 */
const QUALIFIER = /^[A-Za-z]?[a-z]{3,}(ed|al|ic|ive|ly)$/;

/** The currency, `%` or unit of measure that at least 80% of a column's numbers are written with (`$1,200`, `12,5 %`, `3 kWh`). */
function unitFromCells(cells: string[]): string | undefined {
  const counts = new Map<string | undefined, number>();
  let filled = 0;
  for (const cell of cells) {
    // `n.a.`, `-` and the like say nothing about the unit the numbers are written in.
    if (!/\d/.test(cell)) continue;
    filled++;
    const unit = cellUnit(cell);
    counts.set(unit, (counts.get(unit) ?? 0) + 1);
  }
  for (const [unit, count] of counts) if (unit !== undefined && count >= 0.8 * filled) return unit;
  return undefined;
}

/** A units-row cell without its brackets: `[MW]` → `MW`; empty → undefined. */
function cleanUnit(cell: string | undefined): string | undefined {
  const text = (cell ?? "").trim().replace(/^[([]\s*(.*?)\s*[)\]]$/, "$1");
  return text === "" ? undefined : text;
}

/** Column names from header cells: each cut to a name's length, an empty one `column 3`, repeats numbered. */
function uniqueNames(cells: string[]): string[] {
  return toUniqueNames(cells.map((cell, i) => toCellName(cell) || `column ${i + 1}`));
}

/**
 * Text files that are no table, which people upload for one: a JSON export, a web page (reports
 * saved from a browser, "Excel" downloads that are HTML), an XML workbook. Read as CSV, their
 * first line became a header and the message named its fragments as columns.
 */
const NOT_CSV: { start: RegExp; what: string; todo: string }[] = [
  { start: /^\s*(\{\s*"|\[\s*[[{"\]])/, what: "JSON", todo: "Export the data as CSV (a header row, then a row per time) and upload that." },
  { start: /^\s*<\?xml[^>]*>\s*<\?mso-application/i, what: "an Excel XML workbook", todo: "Open it in Excel and save it as CSV, then upload that." },
  { start: /^\s*(<!doctype html|<html|<head|<body|<table)/i, what: "a web page (HTML)", todo: "Open it in a spreadsheet and save it as CSV, or download the data as CSV, then upload that." },
  { start: /^\s*<\?xml/i, what: "XML", todo: "Export the data as CSV (a header row, then a row per time) and upload that." },
];

/** A dotted month or year-month (`01.2024`, `2024.01`), which reads as a number with a decimal point too. */
const DOTTED = /^\s*\d+\.\d+\s*$/;

/**
 * The cells that decide the decimal mark: all but those of a column of dotted months. German
 * Excel writes months as `01.2024`; counted as numbers with a decimal point, they outvoted the
 * values' `1.234,56` on every row, and no column held numbers.
 */
function decimalCandidates(header: string[], rows: string[][]): string[] {
  const width = Math.max(header.length, ...rows.slice(0, 50).map((row) => row.length));
  const dated = new Set<number>();
  for (let index = 0; index < width; index++) {
    const cells = rows.slice(0, 100).map((row) => (row[index] ?? "").trim()).filter((cell) => cell !== "");
    if (!cells.some((cell) => DOTTED.test(cell))) continue;
    if (detectTimeFormat(cells, { columnName: header[index] ?? "" })?.format.kind === "pattern") dated.add(index);
  }
  return dated.size === 0 ? rows.flat() : rows.flatMap((row) => row.filter((_, index) => !dated.has(index)));
}

export interface SniffOptions {
  dateOrder?: DateOrder;
  /** The decimal mark, when the analyst chose it (default: decided from the numbers). */
  decimal?: DecimalMark;
}

/**
 * Looks at the start of a CSV text and works out its dialect and the kind of each column.
 * @param text the whole file as text (only its first ~256 kB are read here)
 */
export function sniffCsv(text: string, options: SniffOptions = {}): Result<CsvSniff> {
  const sample = sampleText(text);
  if (sample.trim() === "") return fail("The file is empty. Choose a CSV file with a header row and at least one data row.");
  if (text.length >= SNIFF_CHARS && text.slice(0, SNIFF_CHARS).search(/[\r\n]/) < 0) return fail(tooLongRow("The first line"));
  const other = NOT_CSV.find(({ start }) => start.test(sample));
  if (other) return fail(`This file is ${other.what}, not CSV. ${other.todo}`);
  const delimiter = detectDelimiter(sample);
  const { rows: allRows, numberOf, forcedOf } = parseNumberedRows(sample, delimiter);
  const codes = describedHeader(allRows);
  const preamble = codes ? { skip: codes.skip, unitsRow: false } : preambleRows(allRows);
  const { unitsRow } = preamble;
  const formatRow = preamble.formatRow === true;
  const levels = unitsRow || formatRow || codes ? null : headerLevels(allRows.slice(0, preamble.skip), allRows.slice(preamble.skip));
  // Headings over the header were taken for a title above the table: they are the header's first rows.
  const skipRows = preamble.skip - (levels?.over ?? 0);
  const described = codes ? allRows.slice(skipRows + 1, skipRows + 1 + codes.described) : [];
  const rows = levels ? [levels.names, ...allRows.slice(skipRows + levels.rows)] : [...allRows.slice(skipRows, skipRows + 1), ...allRows.slice(skipRows + 1 + described.length)];
  const [firstRow, ...afterHeader] = rows;
  const units = unitsRow ? afterHeader[0] : undefined;
  const indexName = unitsRow || formatRow ? undefined : indexNameOf(afterHeader);
  const restRows = unitsRow || formatRow || indexName !== undefined ? afterHeader.slice(1) : afterHeader;
  if (!firstRow) return fail("The file is empty. Choose a CSV file with a header row and at least one data row.");

  const candidates = decimalCandidates(firstRow, restRows);
  const decision: DecimalDecision = options.decimal ? { mark: options.decimal } : decideDecimalMark(candidates.length ? candidates : firstRow, delimiter);
  const decimal = decision.mark;
  const hasHeader = looksLikeHeader(firstRow, restRows.slice(0, 50), decimal);
  const indexNameRow = hasHeader && indexName !== undefined;
  // A header repeated further down (files joined one after another) is left out when reading: its
  // words must not make a column of dates or numbers look like text.
  const tableRows = restRows.slice(0, otherTableAt(restRows, decimal));
  const dataRows = hasHeader ? tableRows.filter((row) => !repeatsHeader(row, firstRow)) : rows;
  if (dataRows.length === 0) {
    // The sample ends at the last line break in it: a longer first row was left out of it whole.
    if (text.slice(sample.length, SNIFF_CHARS).trim() !== "") return fail(tooLongRow(`Row ${skipRows + rows.length + 1}`));
    return fail("The file has a header row but no data rows. Add at least one row of values under the header.");
  }
  const width = firstRow.length;
  const headerNames = uniqueNames(hasHeader ? (indexNameRow ? [indexName, ...firstRow.slice(1)] : firstRow) : firstRow.map((_, i) => `column ${i + 1}`));
  // Metadata rows name the series: under a header of codes (Bundesbank, ECB), or above a headerless table (ONS).
  const metadata = codes ? described : !hasHeader && skipRows > 0 ? allRows.slice(0, skipRows) : [];
  const about = headerNames.map((_, index) => (metadata.length > 0 && index > 0 ? describeFromMetadata(metadata, index) : {}));
  const names = metadata.length > 0 ? uniqueNames(headerNames.map((name, index) => about[index]?.title ?? name)) : headerNames;
  // Label rows (ONS, INSEE) title the download as a whole; a header of codes describes each column.
  const title = !codes ? about[1]?.title : undefined;
  const columns = names.map((name, index) => {
    const cells = dataRows.map((row) => row[index] ?? "");
    const forced = dataRows.map((row) => forcedOf.get(row)?.has(index) === true);
    const column = classify(name, index, cells, decimal, options.dateOrder, !hasHeader && index === 0, holdsCodes(cells, forced));
    // A description is no header of the file's own: its brackets need not hold a unit (the ECB's `2:15 pm (C.E.T.)`).
    const named = hasHeader && about[index]?.title === undefined ? unitFromName(name) : undefined;
    const unit =
      column.kind === "number" ? (cleanUnit(units?.[index]) ?? about[index]?.unit ?? named ?? unitFromCells(dataRows.map((row) => row[index] ?? ""))) : undefined;
    return unit ? { ...column, unit } : column;
  });
  const timed = columns.some((c) => c.kind === "time") ? columns : withYearsBesideMonths(columns, dataRows);
  // The rows of coarser blocks are left out when reading: the preview shows the rows that are read.
  const blocked = timed.find((c) => c.blocks);
  const coarser = blocked?.blocks?.coarser.map((block) => makeTimeParser(block.format)) ?? [];
  const isCoarser = (row: string[]) => coarser.some((parse) => Number.isFinite(parse((row[blocked?.index ?? 0] ?? "").trim(), 0)));
  const shownRows = coarser.length > 0 ? dataRows.filter((row) => !isCoarser(row)) : dataRows;
  const head = sample.slice(0, 10_000);
  const lineBreak = head.includes("\r\n") ? "\r\n" : !head.includes("\n") && head.includes("\r") ? "\r" : "\n";
  return ok({
    dialect: {
      delimiter,
      decimal,
      lineBreak,
      hasHeader,
      ...(skipRows > 0 ? { skipRows } : {}),
      ...(unitsRow ? { unitsRow } : {}),
      ...(formatRow ? { formatRow } : {}),
      ...(indexNameRow ? { indexNameRow } : {}),
      ...(levels ? { headerRows: levels.rows - 1 } : {}),
      ...(described.length > 0 ? { describedRows: described.length } : {}),
      quoted: sample.slice(0, 10_000).includes('"'),
    },
    columns: timed.slice(0, Math.max(width, 1)),
    sampleRows: shownRows.slice(0, SAMPLE_ROWS),
    sampleRowNumbers: shownRows.slice(0, SAMPLE_ROWS).map((row) => numberOf.get(row) ?? 0),
    ...(decision.guessedFrom !== undefined ? { decimalGuessedFrom: decision.guessedFrom } : {}),
    ...(title ? { title } : {}),
  });
}
