import Papa from "papaparse";
import { detectTimeFormat } from "../time/detect-time-format";
import { monthLanguagesOf } from "../time/time-format";

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
}

/** Fewer dates across than this and a header of years is more likely a coincidence. */
const MIN_DATES = 4;
/** Lines looked at for the header (titles and source lines come first in such downloads). */
const HEAD_LINES = 40;

interface Layout {
  delimiter: string;
  headerIndex: number;
  /** Cells before the first date: the labels of each row. */
  labelCount: number;
  dateCount: number;
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
function isDateRun(header: string[]): boolean {
  const cells = header.map(dateCell);
  if (cells.length < MIN_DATES || cells.some((c) => c === "")) return false;
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
      if (header.length < MIN_DATES + 1 || !isDateRun(header.slice(-MIN_DATES))) continue;
      // The header is the first line that wide: titles and source lines above it are narrower.
      if (lines.slice(0, h).some((line) => trimEnd(line).length >= header.length)) continue;
      // The labels come first and are not dates; the dates run to the end of the header.
      let labelCount = 0;
      while (labelCount < header.length && !isDateRun(header.slice(labelCount))) labelCount++;
      if (labelCount === 0 || labelCount >= header.length) continue;
      if (header.slice(0, labelCount).some((cell) => cell.trim() === "")) continue;
      const rows = lines.slice(h + 1).map(trimEnd).filter((row) => row.length > 0);
      const next = rows[0];
      if (!next || next.length > header.length || (next[0] as string).trim() === "") continue;
      // Months or dates down the first column (`Month,2019,2020,…`: a year per column) are a time
      // column already, not series names.
      const firstLabels = rows.map((row) => row[0] as string);
      if (detectTimeFormat(firstLabels, { columnName: header[0] as string }) || firstLabels.every((cell) => monthLanguagesOf(cell.trim()).length > 0)) continue;
      return { delimiter, headerIndex: h, labelCount, dateCount: header.length - labelCount };
    }
  }
  return null;
}

/** Whether the start of a file has its dates across the header (then the whole text is needed). */
export function hasDatesAcross(head: string): boolean {
  return detectLayout(head) !== null;
}

/**
 * Names for the rows: the label columns whose values differ between rows, leaving out one that
 * only repeats another (a country code beside the country name).
 */
function nameRows(labels: string[], rows: string[][]): { names: string[]; by: string[] } {
  const kept: number[] = [];
  for (let c = 0; c < labels.length; c++) {
    const values = rows.map((row) => (row[c] ?? "").trim());
    if (new Set(values).size < 2 && rows.length > 1) continue;
    const repeats = kept.some((k) => {
      const pairs = new Map<string, string>();
      return rows.every((row) => {
        const key = (row[k] ?? "").trim();
        const seen = pairs.get(key);
        pairs.set(key, (row[c] ?? "").trim());
        return seen === undefined || seen === (row[c] ?? "").trim();
      });
    });
    if (!repeats) kept.push(c);
  }
  if (kept.length === 0) kept.push(0);
  const names = rows.map((row) => kept.map((c) => (row[c] ?? "").trim()).join(" · "));
  return { names, by: kept.map((c) => labels[c] as string) };
}

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
  const { delimiter, headerIndex, labelCount, dateCount } = layout;
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
  const { names, by } = nameRows(labels, rows);
  const years = dates.every((d) => /^\d{4}$/.test(d));
  const out = [[years ? "Year" : "Period", ...names].map(quoteCell).join(delimiter)];
  for (let d = 0; d < dateCount; d++) {
    out.push([dates[d] as string, ...rows.map((row) => (row[labelCount + d] ?? "").trim())].map(quoteCell).join(delimiter));
  }
  const byText = by.map((name) => `\`${name}\``).join(" and ");
  return {
    text: `${out.join("\n")}\n`,
    note: `The dates run across the header (${dates[0]} to ${dates.at(-1)}) with a series per row, so the table was read turned: ${formatRowNumber(rows.length)} series named by ${byText}.`,
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
        .replace(/\(row (\d{1,3}(?:,\d{3})*(?:, \d{1,3}(?:,\d{3})*)*)/, (whole, rows: string) => {
          const named = rows.split(", ").map(dateOf);
          return named.every((date) => date !== undefined) ? `(${named.join(", ")}` : whole;
        });
    },
  };
}
