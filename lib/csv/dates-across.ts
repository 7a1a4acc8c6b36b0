import Papa from "papaparse";
import { detectTimeFormat } from "../time/detect-time-format";
import { monthFromName, monthLanguagesOf } from "../time/time-format";
import { readPlainNumber } from "./parse-number";
import type { ReadOptions } from "./read-dataset";

/**
 * Tables laid out with the dates across the header and a series per row, as the World Bank, the
 * OECD and many statistics offices publish them:
 *
 *   "Country Name","Country Code","Indicator Name","1990","1991",…
 *   "Germany","DEU","GDP per capita","31476.1","32012.8",…
 *
 * Read as they stand, every year became a series of a handful of countries. Such a table is
 * turned into the usual layout (a date column, a column per series) before it is read, so every
 * later step (detection, checks, storage) is the ordinary one.
 */
export interface DatesAcross {
  /** The turned table as CSV text in the file's own delimiter. */
  text: string;
  /** What was done, for the import report. */
  note: string;
  /** Rewrites a message about a cell of the turned table to name the cell of the file. */
  translate(message: string): string;
  /** The header numbers steps, not dates: the turned table has no time column. */
  steps: boolean;
  /**
   * Choices to read the turned table with, under the analyst's own: a row's steps (`1,2,3,…`)
   * would otherwise pass for a column of row numbers and be left out.
   */
  readOptions: Pick<ReadOptions, "timeColumn" | "idColumn" | "valueColumns">;
}

/** Fewer dates across than this and a header of years is more likely a coincidence. */
const MIN_DATES = 4;
/** Lines looked at for the header (titles and source lines come first in such downloads). */
const HEAD_LINES = 40;
/** Fewer numbered columns than this are as likely a handful of sensors or products as steps. */
const MIN_STEPS = 8;

interface Layout {
  delimiter: string;
  /** 12 or 4 when the first column holds months (quarters) and the header years: a calendar grid. */
  periodsDown: number | null;
  headerIndex: number;
  /** Cells before the first date: the labels of each row. */
  labelCount: number;
  dateCount: number;
  /** The label column naming each row when the header numbers steps (`d_1,d_2,…`), else null. */
  nameColumn: number | null;
}

const formatRowNumber = (n: number) => n.toLocaleString("en-US");

/** A header cell as a date: World Bank DataBank writes `1990 [YR1990]`. */
const dateCell = (cell: string) => cell.trim().replace(/\s*\[[^\]]*\]$/, "");

function parseLines(text: string, delimiter: string, preview = 0): string[][] {
  return Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, ...(preview ? { preview } : {}) }).data;
}

/** The row without the empty cells at its end (World Bank lines end with a delimiter). */
function trimEnd(row: string[]): string[] {
  let end = row.length;
  while (end > 0 && (row[end - 1] as string).trim() === "") end--;
  return row.slice(0, end);
}

/** Cells that read as one run of dates in one format, ascending, like a row of column headers can. */
function isDateRun(header: string[], min = MIN_DATES): boolean {
  const cells = header.map(dateCell);
  if (cells.length < min || cells.some((c) => c === "")) return false;
  const detected = detectTimeFormat(cells, { columnName: "year" });
  if (!detected || detected.format.kind !== "pattern") return false;
  // Bare numbers must be ascending years: a header of codes in another order is not dates.
  return !/^\d+$/.test(cells[0] as string) || cells.every((c, i) => i === 0 || Number(c) > Number(cells[i - 1]));
}

function detectLayout(head: string): Layout | null {
  for (const delimiter of [",", ";", "\t"]) {
    const lines = parseLines(head, delimiter, HEAD_LINES);
    for (let h = 0; h < lines.length; h++) {
      const header = trimEnd(lines[h] as string[]);
      // The header is the first line that wide: titles and source lines above it are narrower.
      if (header.length < 3 || lines.slice(0, h).some((line) => trimEnd(line).length >= header.length)) continue;
      // Two years suffice for a calendar grid (a row per month), whose rows say what it is.
      if (!isDateRun(header.slice(-2), 2)) continue;
      // The labels come first and are not dates; the dates run to the end of the header.
      let labelCount = 0;
      while (labelCount < header.length && !isDateRun(header.slice(labelCount), 2)) labelCount++;
      if (labelCount === 0 || labelCount >= header.length) continue;
      if (header.slice(0, labelCount).some((cell) => cell.trim() === "")) continue;
      const rows = lines.slice(h + 1).map(trimEnd).filter((row) => row.length > 0);
      const next = rows[0];
      // A row's first label may be empty (JHU's `Province/State` for a whole country); not all of them.
      if (!next || next.length > header.length || next.slice(0, labelCount).every((cell) => cell.trim() === "")) continue;
      // Months or dates down the first column (`Month,2019,2020,…`: a year per column) are a time
      // column already, not series names.
      const firstLabels = rows.map((row) => row[0] as string);
      const years = header.slice(labelCount).every((cell) => /^\d{4}$/.test(dateCell(cell)));
      const periodsDown = years && labelCount === 1 ? calendarRows(firstLabels) : null;
      if (!periodsDown && header.length - labelCount < MIN_DATES) continue;
      // Numbers down the first column (`week,2022,2023,2024` with weeks 1–52) count periods of
      // the year, not series: such a table is read as it stands.
      if (!periodsDown && firstLabels.every((cell) => /^\s*\d+\s*$/.test(cell))) continue;
      if (!periodsDown && (detectTimeFormat(firstLabels, { columnName: header[0] as string }) || firstLabels.every((cell) => periodOfRow(cell, 12) > 0))) continue;
      return { delimiter, periodsDown, headerIndex: h, labelCount, dateCount: header.length - labelCount, nameColumn: null };
    }
  }
  return detectSteps(head);
}

const isNumber = (cell: string) => readPlainNumber(cell, ".") !== undefined || readPlainNumber(cell, ",") !== undefined;

/**
 * The forecasting competitions' layout: a series per row, numbered steps across the header and no
 * dates anywhere (M5's `id,…,d_1,d_2,…`, M4's `"V1","V2",…` with the name under `V1`). Numbered
 * columns are as often separate series (`date,sensor_1,…,sensor_12`), so the labels must hold no
 * time and one of them must name every row differently, as an id does and a row number or a status
 * does not.
 */
function detectSteps(head: string): Layout | null {
  for (const delimiter of [",", ";", "\t"]) {
    const lines = parseLines(head, delimiter, HEAD_LINES);
    const header = trimEnd((lines[0] ?? []).map((cell) => cell.trim()));
    const rows = lines.slice(1).map(trimEnd).filter((row) => row.length > 0);
    if (header.length < MIN_STEPS + 1 || rows.length === 0 || rows.some((row) => row.length > header.length)) continue;
    const numbered = header.map((cell) => /^(.*?\D)(\d+)$/.exec(cell));
    const last = numbered.at(-1);
    if (!last) continue;
    // The run of one prefix with consecutive numbers that ends the header.
    let start = header.length - 1;
    while (start > 0) {
      const before = numbered[start - 1];
      if (!before || before[1] !== last[1] || Number(before[2]) !== Number((numbered[start] as RegExpExecArray)[2]) - 1) break;
      start--;
    }
    const cellsOf = (c: number) => rows.map((row) => (row[c] ?? "").trim());
    const filled = header.map((_, c) => cellsOf(c).filter((cell) => cell !== ""));
    const numberShare = (c: number) => (filled[c] as string[]).filter(isNumber).length / Math.max(1, (filled[c] as string[]).length);
    // M4 numbers its name column too (`V1`): the run starts where the rows hold numbers.
    while (start < header.length && numberShare(start) < 0.5) start++;
    if (start === 0 || header.length - start < MIN_STEPS) continue;
    // A mistyped cell (`1x`) is not a reason to read the table otherwise: it is refused by its row and step.
    const stepCells = filled.slice(start).flat();
    if (stepCells.filter(isNumber).length < 0.9 * stepCells.length) continue;
    const labels = Array.from({ length: start }, (_, c) => cellsOf(c));
    if (labels.some((cells, c) => detectTimeFormat(cells, { columnName: header[c] as string }))) continue;
    const nameColumn = labels.findIndex((cells) => new Set(cells).size === cells.length && !cells.every(isNumber));
    if (nameColumn < 0) continue;
    return { delimiter, periodsDown: null, headerIndex: 0, labelCount: start, dateCount: header.length - start, nameColumn };
  }
  return null;
}

/** The month (1–12) or quarter (1–4) a row's first cell names (`Jan`, `März`, `Q3`), else 0. */
function periodOfRow(cell: string, periods: number): number {
  const text = cell.trim();
  if (periods === 4) return Number(/^(?:q|qtr|quarter)\s*([1-4])$/i.exec(text)?.[1] ?? 0);
  const language = monthLanguagesOf(text)[0];
  return language ? monthFromName(text, language) : 0;
}

/**
 * 12 (4) when the rows are the months (quarters) of the year in order, give or take a totals
 * row under them (`Total`, `Annual`); null otherwise.
 */
function calendarRows(cells: string[]): number | null {
  for (const periods of [12, 4]) {
    const named = cells.map((cell) => periodOfRow(cell, periods)).filter((p) => p > 0);
    if (named.length === periods && named.every((p, i) => p === i + 1) && cells.length - named.length <= 2) return periods;
  }
  return null;
}

/** Whether the start of a file has its dates across the header (then the whole text is needed). */
export function hasDatesAcross(head: string): boolean {
  return detectLayout(head) !== null;
}

/**
 * Names for the rows: the label columns whose values differ between rows, leaving out one that
 * only repeats those kept before it (a country code beside the country name; JHU's `Lat`, which
 * differs within Australia and within the empty province, but not within both together).
 */
function nameRows(labels: string[], rows: string[][]): { names: string[]; by: string[] } {
  const kept: number[] = [];
  /** Whether column c holds one value for each value of the columns together. */
  const dependsOn = (columns: number[], c: number) => {
    const pairs = new Map<string, string>();
    return rows.every((row) => {
      const key = columns.map((k) => (row[k] ?? "").trim()).join("\u0000");
      const seen = pairs.get(key);
      pairs.set(key, (row[c] ?? "").trim());
      return seen === undefined || seen === (row[c] ?? "").trim();
    });
  };
  for (let c = 0; c < labels.length; c++) {
    const values = rows.map((row) => (row[c] ?? "").trim());
    if (new Set(values).size < 2 && rows.length > 1) continue;
    if (kept.length === 0 || !dependsOn(kept, c)) kept.push(c);
  }
  if (kept.length === 0) kept.push(0);
  // An empty label names nothing: JHU's country without a province is `Afghanistan`, not `· Afghanistan`.
  const names = rows.map((row) => kept.map((c) => (row[c] ?? "").trim()).filter((label) => label !== "").join(" · ") || "(blank)");
  return { names, by: kept.map((c) => labels[c] as string) };
}

/** The rows named by one label column whose cells all differ (M5's `id`). */
function nameByColumn(labels: string[], rows: string[][], column: number): { names: string[]; by: string[] } {
  return { names: rows.map((row) => (row[column] ?? "").trim()), by: [labels[column] as string] };
}

/** `` `a`, `b` and `c` `` */
export function joinNames(names: string[]): string {
  const quoted = names.map((name) => `\`${name}\``);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1)}` : (quoted[0] ?? "");
}

/** `(rows 2, 3, 1,204` in an issue: the rows of the turned table a message lists. */
const ROW_LIST = /\(rows? (\d{1,3}(?:,\d{3})*(?:, \d{1,3}(?:,\d{3})*)*)/;

/** The listed rows of the turned table as the file's dates, or the text unchanged. */
function renameRows(whole: string, list: string, dateOf: (row: string) => string | undefined): string {
  const named = list.split(", ").map(dateOf);
  return named.every((date) => date !== undefined) ? `(${named.join(", ")}` : whole;
}

const EUROSTAT_HEADER = /^(.*)\\(?:TIME_PERIOD|time)$/i;
/** A Eurostat value with its flags: `2.9 p`, `1.9 bep`, `: c` (missing). */
const EUROSTAT_FLAG = /^\s*(-?[\d.]+|:)\s*[a-z]{1,4}\s*$/;

/**
 * A note on the turned table's time column (`Column \`Period\`: dates read as month/day/year: …`):
 * the file has no such column, its dates are the header's (JHU's `1/22/20`).
 */
function timeNote(name: string): RegExp {
  return new RegExp(`^Column \`${name}\`: (?:dates (read as|could be))?`);
}

/** Matches no text: steps have no time column to name. */
const NOTHING = /(?!)/;

function quoteCell(cell: string): string {
  return `"${cell.replace(/"/g, '""')}"`;
}

/**
 * The table turned so that its dates run down a column, or null when the dates do not run across
 * the header. Lines above the header (titles, "Last Updated Date") are left out.
 */
export function turnDatesAcross(text: string): DatesAcross | null {
  const layout = detectLayout(text.slice(0, 64 * 1024));
  if (!layout) return null;
  const { delimiter, headerIndex, dateCount } = layout;
  let labelCount = layout.labelCount;
  const lines = parseLines(text, delimiter);
  const header = trimEnd(lines[headerIndex] as string[]);
  const labels = header.slice(0, labelCount).map((cell) => cell.trim());
  const dates = header.slice(labelCount).map(dateCell);
  const rows: string[][] = [];
  const fileLines: number[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const row = trimEnd(lines[i] as string[]);
    if (row.length === 0) continue;
    rows.push(row);
    fileLines.push(i + 1);
  }
  if (layout.periodsDown) return turnCalendar(layout.periodsDown, delimiter, header, rows, fileLines);
  // Eurostat's TSV: `freq,unit,geo\TIME_PERIOD` heads one column of comma-joined labels, and
  // values carry flags (`2.9 p` provisional, `: c` confidential).
  const eurostat = labelCount === 1 && EUROSTAT_HEADER.exec(labels[0] as string);
  if (eurostat) {
    labels.splice(0, 1, ...(eurostat[1] as string).split(","));
    for (const row of rows) {
      row.splice(0, 1, ...(row[0] as string).split(","));
      for (let c = labels.length; c < row.length; c++) row[c] = (row[c] as string).replace(EUROSTAT_FLAG, "$1");
    }
    labelCount = labels.length;
  }
  const steps = layout.nameColumn !== null;
  const { names, by } = steps ? nameByColumn(labels, rows, layout.nameColumn as number) : nameRows(labels, rows);
  const years = dates.every((d) => /^\d{4}$/.test(d));
  const timeName = years ? "Year" : "Period";
  // Steps have no time to write: the turned table is read as a file without a time column.
  const out = [(steps ? names : [timeName, ...names]).map(quoteCell).join(delimiter)];
  for (let d = 0; d < dateCount; d++) {
    const values = rows.map((row) => (row[labelCount + d] ?? "").trim());
    out.push((steps ? values : [dates[d] as string, ...values]).map(quoteCell).join(delimiter));
  }
  const byText = by.map((name) => `\`${name}\``).join(" and ");
  const left = labels.filter((label) => !by.includes(label));
  return {
    text: `${out.join("\n")}\n`,
    steps,
    readOptions: steps ? { timeColumn: null, idColumn: null, valueColumns: names } : {},
    note: steps
      ? `The steps run across the header (\`${dates[0]}\` to \`${dates.at(-1)}\`) with a series per row, so the table was read turned: ${formatRowNumber(rows.length)} series named by ${byText}${left.length ? ` (${joinNames(left)} only label them and were left out)` : ""}. The file holds no dates for the steps: they are numbered 1 to ${formatRowNumber(dateCount)}, and a forecast continues the numbering.`
      : `The dates run across the header (${dates[0]} to ${dates.at(-1)}) with a series per row, so the table was read turned: ${formatRowNumber(rows.length)} series named by ${byText}${eurostat ? " (Eurostat's flags such as p for provisional were dropped; `:` is a missing value)" : ""}.`,
    translate(message) {
      // The turned table's row r is the file's date column r − 2; its column is the file's row.
      const dateOf = (row: string) => dates[Number(row.replace(/,/g, "")) - 2];
      return message
        .replace(/^Row ([\d,]+), column `([^`]*)`/, (whole, row: string, column: string) => {
          const date = dateOf(row);
          const series = names.indexOf(column);
          if (date === undefined || series < 0) return whole;
          return `Row ${formatRowNumber(fileLines[series] as number)}, column \`${date}\``;
        })
        .replace(ROW_LIST, (whole, list: string) => renameRows(whole, list, dateOf))
        .replace(steps ? NOTHING : timeNote(timeName), (_, said: string | undefined) => (said === undefined ? "The header's dates: " : `The header's dates ${said === "read as" ? "were read as" : said}`));
    },
  };
}

/**
 * A calendar grid (`Month,2021,2022,2023` with a row per month) as one series: the periods of
 * each year in turn, without the empty ones before the first value and after the last.
 */
function turnCalendar(periods: number, delimiter: string, header: string[], rows: string[][], fileLines: number[]): DatesAcross {
  const years = header.slice(1).map(dateCell);
  const byPeriod = new Map<number, number>();
  rows.forEach((row, r) => {
    const period = periodOfRow(row[0] as string, periods);
    if (period > 0) byPeriod.set(period, r);
  });
  const cells: { stamp: string; value: string; row: number; year: string }[] = [];
  years.forEach((year, y) => {
    for (let p = 1; p <= periods; p++) {
      const r = byPeriod.get(p) as number;
      const stamp = periods === 12 ? `${year}-${String(p).padStart(2, "0")}` : `${year}-Q${p}`;
      cells.push({ stamp, value: ((rows[r] as string[])[y + 1] ?? "").trim(), row: fileLines[r] as number, year });
    }
  });
  let start = 0;
  while (start < cells.length && cells[start]?.value === "") start++;
  let end = cells.length;
  while (end > start && cells[end - 1]?.value === "") end--;
  const kept = cells.slice(start, end);
  const name = periods === 12 ? "monthly values" : "quarterly values";
  const out = [[periods === 12 ? "Month" : "Quarter", name], ...kept.map((cell) => [cell.stamp, cell.value])];
  const period = periods === 12 ? "month" : "quarter";
  return {
    text: `${out.map((row) => row.map(quoteCell).join(delimiter)).join("\n")}\n`,
    steps: false,
    readOptions: {},
    note: `The years run across the header (${years[0]} to ${years.at(-1)}) and the ${period}s down the first column, so the table was read as one ${periods === 12 ? "monthly" : "quarterly"} series.`,
    translate(message) {
      const cellOf = (row: string) => kept[Number(row.replace(/,/g, "")) - 2];
      return message
        .replace(/^Row ([\d,]+), column `[^`]*`/, (whole, row: string) => {
          const cell = cellOf(row);
          return cell ? `Row ${formatRowNumber(cell.row)}, column \`${cell.year}\`` : whole;
        })
        .replace(ROW_LIST, (whole, list: string) => renameRows(whole, list, (row) => cellOf(row)?.stamp));
    },
  };
}
