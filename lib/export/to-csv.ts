/**
 * CSV writing shared by every export (the UI's downloads, the API, the CLI): typed cells, so that
 * text is escaped against spreadsheet formulas while numbers stay numbers, in two dialects.
 */

/**
 * A number written with all its decimal places, trailing zeros included: a time the file wrote so
 * (`45290.041667`, then `45298.375000`), where the shortest form would change its look.
 */
export interface FixedNumber {
  value: number;
  /** Places after the decimal mark. */
  decimals: number;
}

/**
 * A cell: text (escaped and quoted as needed), a number (written as a number, shortest or
 * with fixed places), or empty (null, NaN).
 */
export type CsvCell = string | number | FixedNumber | null | undefined;

/**
 * standard: comma, decimal point, `\n`, no BOM (RFC 4180 apart from the line break; what the CLI writes).
 * excel: semicolon, decimal comma, `\r\n` and a UTF-8 BOM, which Excel in comma-decimal locales
 * (most of Europe) opens as columns of numbers on a double click.
 */
export type CsvDialect = "standard" | "excel";

interface DialectSpec {
  delimiter: string;
  decimal: "." | ",";
  lineBreak: string;
  bom: string;
}

const DIALECTS: Record<CsvDialect, DialectSpec> = {
  standard: { delimiter: ",", decimal: ".", lineBreak: "\n", bom: "" },
  excel: { delimiter: ";", decimal: ",", lineBreak: "\r\n", bom: "\uFEFF" },
};

/** First characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+1`, `-2+3`, `@SUM(…)`, or one
 * starting with a tab or carriage return) gets a leading apostrophe, which spreadsheets show as
 * text. Only for text cells: a negative number is written as a number, never escaped.
 */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export interface NumberFormat {
  decimal?: "." | ",";
  /** Round to this many significant digits (the forecasts: 10, as the CLI writes them); default: exact. */
  significantDigits?: number;
  /** Write exactly this many places after the decimal mark (overrides significantDigits). */
  decimals?: number;
}

/** `value` rounded to `digits` significant digits, as a number (what a CSV cell rounded so reads back as). */
export function roundSignificant(value: number, digits: number): number {
  return Number(value.toPrecision(digits));
}

/**
 * A number as CSV text: the shortest text that reads back as the same double (exact round trip),
 * or rounded to `significantDigits`; empty for NaN and ±Infinity; -0 stays -0.
 */
export function formatNumber(value: number, format: NumberFormat = {}): string {
  if (!Number.isFinite(value)) return "";
  const rounded = format.significantDigits ? roundSignificant(value, format.significantDigits) : value;
  const text = format.decimals !== undefined ? value.toFixed(format.decimals) : Object.is(rounded, -0) ? "-0" : String(rounded);
  return format.decimal === "," ? text.replace(".", ",") : text;
}

function quote(text: string, delimiter: string): string {
  return text.includes(delimiter) || /["\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One cell as CSV text in a dialect.
 * @param numberFormat rounding for number cells
 */
export function toCsvCell(cell: CsvCell, dialect: CsvDialect = "standard", numberFormat: Omit<NumberFormat, "decimal"> = {}): string {
  const spec = DIALECTS[dialect];
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return formatNumber(cell, { ...numberFormat, decimal: spec.decimal });
  if (typeof cell === "object") return formatNumber(cell.value, { decimals: cell.decimals, decimal: spec.decimal });
  return quote(escapeFormula(cell), spec.delimiter);
}

export interface CsvTable {
  header: string[];
  rows: Iterable<CsvCell[]>;
  /** Significant digits of number cells, by column index (absent: exact). */
  significantDigits?: (number | undefined)[];
}

/**
 * A whole CSV text: the header, then one line per row, each line ending in the dialect's line
 * break (and the excel dialect starting with a BOM).
 */
export function toCsv(table: CsvTable, dialect: CsvDialect = "standard"): string {
  return [...toCsvChunks(table, dialect)].join("");
}

/**
 * The text of {@link toCsv} in pieces of `rowsPerChunk` lines (the first also holds the BOM and
 * the header), so a server can send a long series a piece at a time and answer other requests in
 * between: written whole, two million points held the event loop for 12 s.
 */
export function* toCsvChunks(table: CsvTable, dialect: CsvDialect = "standard", rowsPerChunk = 10_000): Generator<string> {
  const spec = DIALECTS[dialect];
  // In a one-column file nothing shows that `1,5` is one decimal-comma number rather than two
  // cells; quoted, both Excel and our reader take it as the number.
  const single = table.header.length === 1 && spec.decimal === ",";
  const cell = (value: CsvCell, i: number) => {
    const text = toCsvCell(value, dialect, { significantDigits: table.significantDigits?.[i] });
    const numeric = typeof value === "number" || (typeof value === "object" && value !== null);
    return single && numeric && text.includes(",") ? `"${text}"` : text;
  };
  const line = (cells: CsvCell[]) => cells.map(cell).join(spec.delimiter) + spec.lineBreak;
  let parts = [spec.bom, line(table.header)];
  for (const row of table.rows) {
    parts.push(line(row));
    if (parts.length >= rowsPerChunk) {
      yield parts.join("");
      parts = [];
    }
  }
  if (parts.length > 0) yield parts.join("");
}

/** `text/csv` with the charset, as every CSV response and download is sent. */
export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";
