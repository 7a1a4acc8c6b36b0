import { monthLanguagesOf } from "../time/time-format";
export type DecimalMark = "." | ",";

/** Cells that mean "no value here" in analysts' files (compared case-insensitively). */
const MISSING_TOKENS = new Set([
  "",
  "na",
  "n/a",
  "nan",
  "null",
  "none",
  "nil",
  "-",
  "--",
  "—",
  "–",
  ".",
  "?",
  // Statistics offices' and climate tables' "not available": GISS `***`, ABS and World Bank `..`, Eurostat `:`.
  "*",
  "**",
  "***",
  "****",
  "..",
  "...",
  ":",
  "#n/a",
  "#na",
  "#value!",
  "#div/0!",
  "missing",
  "inf",
  "-inf",
  // pandas' mark for a missing value in its nullable columns, written out by `astype(str)`.
  "<na>",
]);

export type NumberCell =
  | { kind: "number"; value: number }
  | { kind: "missing" }
  /** Looks like a number but is malformed (`12,5,0`): the analyst must fix it. */
  | { kind: "invalid" }
  /** Words, not a number: a text column. */
  | { kind: "text" };

const PLAIN_DOT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const PLAIN_COMMA = /^[+-]?(\d+,?\d*|,\d+)([eE][+-]?\d+)?$/;
const GROUPED_DOT = /^[+-]?\d{1,3}([, '\u00a0\u202f]\d{3})+(\.\d+)?$/;
const GROUPED_COMMA = /^[+-]?\d{1,3}([. '\u00a0\u202f]\d{3})+(,\d+)?$/;
/** Currency symbols and the ISO codes finance exports write instead (`USD 1,200`, `1.200,00 EUR`). */
const CURRENCY_MARK = "(?:[$€£¥₹₩₽]|(?:USD|EUR|GBP|JPY|CHF|CAD|AUD|NZD|CNY|INR|SEK|NOK|DKK|PLN|CZK|HUF|BRL|MXN|ZAR)(?![A-Za-z]))";
const CURRENCY = new RegExp(`^${CURRENCY_MARK}\\s*|\\s*${CURRENCY_MARK}$|\\s*%$`, "g");
/** A sign written before the currency symbol: `-$5`, `- € 5`. */
const SIGNED_CURRENCY = new RegExp(`^([+-])\\s*${CURRENCY_MARK}\\s*`);
/** Accounting negatives: `(1,200)`, `($50.00)`. */
const PARENTHESISED = /^\((.+)\)$/;

const LEADING_MARK = new RegExp(`^[(+-]*\\s*(${CURRENCY_MARK})`);
const TRAILING_MARK = new RegExp(`(${CURRENCY_MARK}|%)\\)?$`);

/**
 * A unit of measure written after the number, as meter, sensor and lab exports do (`12.5 kWh`,
 * `21,3 °C`, `3 pcs`): energy and power, mass, volume, length, pressure, temperature, time, counts,
 * bytes and bit rates as Grafana's "Download CSV" writes them formatted (`1.2 kB`, `3 ms`, `12 Mbps`).
 * A closed list, so that codes (`100A3`) and amounts in thousands or millions (`12k`, `$3m`) stay
 * out; a one-letter unit needs a space before it (`12 m`, not `12m`).
 */
const MEASURE_UNIT =
  /^(.*\d\.?)(\s*)([kMGT]?(?:Wh|VAh|VA|W|var|J|Hz)|[kMG]?Pa|hPa|mbar|bar|[mµk]?[gl]|[mµ]?L|[mck]?m[²³]?|m\/s|km\/h|mph|°\s?[CF]|°|K|min|ms|sec|h|s|t|ppm|ppb|lbs?|oz|ft|gal|kcal|cal|rpm|bpm|dB|pcs|Stk|kt|kn|mi|km|qm|[kMGTP]?B|KB|[KMGT]iB|[kMG]?bps|[kMG]?bit\/s)$/;

/**
 * A statistics office's status flag after a number: provisional, revised or estimated (ONS and BLS
 * `131*`, `(p)`, `(R)`; Eurostat's letters `105 e`, `98.1 bp`). The number is the value.
 */
const STATUS_FLAG = /(\d\.?)\s*(?:\*{1,3}|\((?:[prefPREF]|est|prov)\)|\s([bcdefnpruz]{1,3}))$/;

/** Whether a cell's number carries a status flag (`131*`, `133 (p)`, `105 e`), which reading drops. */
export function hasStatusFlag(cell: string): boolean {
  const trimmed = cell.trim();
  return withoutFlag(trimmed) !== trimmed;
}

/** The cell without a status flag after its number; a month name (`2020 dec`, `2020 feb`) is no flag. */
function withoutFlag(cell: string): string {
  const match = STATUS_FLAG.exec(cell);
  if (!match || (match[2] !== undefined && monthLanguagesOf(match[2]).length > 0)) return cell;
  return cell.slice(0, match.index) + (match[1] as string);
}

/** A cell's number and the unit of measure written after it (`12.5 kWh` → `12.5`, `kWh`), or null. */
function splitMeasureUnit(cell: string): { number: string; unit: string } | null {
  const match = MEASURE_UNIT.exec(cell);
  if (!match) return null;
  const unit = (match[3] as string).replace(/\s/g, "");
  if (unit.length === 1 && unit !== "°" && match[2] === "") return null;
  return { number: match[1] as string, unit };
}

/** The unit of measure a cell's number is written with (`12 kWh` → `kWh`), or undefined. */
export function measureUnit(cell: string): string | undefined {
  return splitMeasureUnit(cell.trim())?.unit;
}

/**
 * The unit a cell's number is written with: its currency symbol or code, `%`, or a unit of measure.
 * @returns `$`, `EUR`, `%`, `kWh`, … or undefined for a bare number
 */
export function cellUnit(cell: string): string | undefined {
  const trimmed = cell.trim().replace(BELOW, "");
  return LEADING_MARK.exec(trimmed)?.[1] ?? TRAILING_MARK.exec(trimmed)?.[1] ?? splitMeasureUnit(trimmed)?.unit;
}

/**
 * The number part of a cell, without currency symbols, a percent sign or accounting parentheses
 * (which become a minus sign).
 */
function numberText(cell: string): string {
  const unflagged = withoutFlag(cell);
  const measured = splitMeasureUnit(unflagged);
  // The typographic minus (U+2212) of reports, an en dash typeset as one, and SAP's trailing minus (`1.234,56-`).
  const trimmed = (measured ? measured.number.trim() : unflagged).replace(/^[\u2212\u2013](?=[\d.,(])/, "-").replace(/^(\d[\d.,'\s\u00a0\u202f]*)-$/, "-$1");
  const inner = PARENTHESISED.exec(trimmed);
  if (inner) return `-${(inner[1] as string).trim().replace(CURRENCY, "")}`;
  return trimmed.replace(SIGNED_CURRENCY, "$1").replace(CURRENCY, "");
}

/** A value below a bound: `<1` (Google Trends), `< 0.5`, `<5` (public-health tables' suppressed small counts). */
const BELOW = /^<\s*/;

/**
 * The bound a cell says its value is below, as written without spaces (`< 0.5` → `<0.5`), or
 * undefined for a cell that names none.
 */
export function belowBound(cell: string): string | undefined {
  const trimmed = cell.trim();
  if (!BELOW.test(trimmed) || !/^<\s*[\d.,]/.test(trimmed)) return undefined;
  return `<${trimmed.replace(BELOW, "")}`;
}

/** 10^k for k = 0…15, each exactly a double. */
const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The number of a cell written plainly (`12`, `-3.250`, `0,5` with a decimal comma): an optional
 * minus, digits, and at most one decimal mark with digits after it, 15 digits at most; undefined
 * for anything else, which parseNumberCell reads. Read digit by digit, about twice as fast as
 * `Number(cell)` on a million cells. The result is the same double: the digits without the mark
 * make a whole number below 2^53 and the divisor is a power of ten below 10^16, both exact, so
 * the one rounded division rounds the decimal just as Number() does.
 * @param decimal the file's decimal mark
 */
export function readPlainNumber(cell: string, decimal: DecimalMark): number | undefined {
  const length = cell.length;
  const mark = decimal === "." ? 46 : 44;
  let i = cell.charCodeAt(0) === 45 ? 1 : 0;
  const negative = i === 1;
  let whole = 0;
  let digits = 0;
  let markAt = -1;
  for (; i < length; i++) {
    const code = cell.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      whole = whole * 10 + (code - 48);
      digits++;
    } else if (code === mark && markAt < 0 && digits > 0) {
      markAt = digits;
    } else {
      return undefined;
    }
  }
  if (digits === 0 || digits > 15 || markAt === digits) return undefined;
  const value = markAt < 0 ? whole : whole / (POWERS_OF_TEN[digits - markAt] as number);
  return negative ? -value : value;
}

/**
 * Reads one cell as a number (currency symbols, a percent sign, a unit of measure or a status flag
 * after it and accounting parentheses allowed).
 * @param cell raw cell text
 * @param decimal the file's decimal mark; the other mark (and spaces) may group thousands
 */
export function parseNumberCell(cell: string, decimal: DecimalMark): NumberCell {
  const trimmed = cell.trim();
  if (MISSING_TOKENS.has(trimmed.toLowerCase())) return { kind: "missing" };
  if (BELOW.test(trimmed)) return readBelow(trimmed.replace(BELOW, ""), decimal);
  const text = numberText(trimmed);
  if (decimal === ".") {
    if (PLAIN_DOT.test(text)) return { kind: "number", value: Number(text) };
    if (GROUPED_DOT.test(text)) return { kind: "number", value: Number(text.replace(/[, '\u00a0\u202f]/g, "")) };
  } else {
    if (PLAIN_COMMA.test(text)) return { kind: "number", value: Number(text.replace(",", ".")) };
    if (GROUPED_COMMA.test(text)) {
      return { kind: "number", value: Number(text.replace(/[. '\u00a0\u202f]/g, "").replace(",", ".")) };
    }
  }
  return /\d/.test(text) ? { kind: "invalid" } : { kind: "text" };
}

/**
 * A value below a bound, read as half the bound: the usual stand-in for a value below a detection
 * limit. A bound of 0 or below leaves no such value, and another `<` is no bound at all.
 * @param bound the cell after its `<`
 */
function readBelow(bound: string, decimal: DecimalMark): NumberCell {
  if (BELOW.test(bound)) return { kind: "invalid" };
  const read = parseNumberCell(bound, decimal);
  if (read.kind !== "number") return /\d/.test(bound) ? { kind: "invalid" } : { kind: "text" };
  return read.value > 0 ? { kind: "number", value: read.value / 2 } : { kind: "invalid" };
}

/** What decided a file's decimal mark. */
export interface DecimalDecision {
  mark: DecimalMark;
  /**
   * A cell read by convention because no cell decided: `1.500` in a semicolon-separated file
   * (thousands, as European exports write them) or `1,500` (a decimal comma). Worth a note.
   */
  guessedFrom?: string;
}

/** A space (also no-break or narrow no-break) or apostrophe grouping thousands: `1 234,5`, `1'234.50`. */
const SPACE_GROUP = /(\d)[ '\u00a0\u202f](?=\d{3}(?:\D|$))/g;
/** Scientific notation's exponent, as spreadsheets write it: `1,2E+03`, `1.2e-5`. */
const EXPONENT = /[eE][+-]?\d+$/;

/** `1.500`: a dot before exactly three digits, which may group thousands or mark decimals. */
const AMBIGUOUS_DOT = /^[+-]?[1-9]\d{0,2}\.\d{3}$/;
const AMBIGUOUS_COMMA = /^[+-]?[1-9]\d{0,2},\d{3}$/;

/**
 * Decides a file's decimal mark from sample cells: a comma decimal shows as `1234,5`, `1.234,5`
 * or `1.234.567`; a dot decimal as `1234.5`, `1,234.5` or `1,234,567`. Cells that read either way
 * (`1,234` or `1.234`) do not vote; when only they are there, a comma-separated file has a decimal
 * point (an unquoted decimal comma would split the cell) and other files follow the European
 * convention their delimiter suggests.
 */
export function decideDecimalMark(cells: string[], delimiter: string): DecimalDecision {
  let comma = 0;
  let dot = 0;
  let ambiguousComma: string | undefined;
  let ambiguousDot: string | undefined;
  for (const raw of cells) {
    // A bound's number (`<0,5`) is written like any other.
    const written = numberText(raw.trim().replace(BELOW, ""));
    const cell = written.replace(SPACE_GROUP, "$1").replace(EXPONENT, "");
    // Beside thousands grouped by spaces or apostrophes, or before an exponent, the one mark left is the decimal mark.
    if (cell !== written && /^[+-]?\d+[.,]\d+$/.test(cell)) {
      if (cell.includes(",")) comma++;
      else dot++;
    } else if (/^[+-]?\d+,\d+$/.test(cell)) {
      if (AMBIGUOUS_COMMA.test(cell)) ambiguousComma ??= cell;
      else comma++;
    } else if (/^[+-]?\d{1,3}(\.\d{3})+,\d+$/.test(cell) || /^[+-]?\d{1,3}(\.\d{3}){2,}$/.test(cell)) comma++;
    else if (/^[+-]?\d+\.\d+$/.test(cell)) {
      if (AMBIGUOUS_DOT.test(cell)) ambiguousDot ??= cell;
      else dot++;
    } else if (/^[+-]?\d{1,3}(,\d{3})+\.\d+$/.test(cell) || /^[+-]?\d{1,3}(,\d{3}){2,}$/.test(cell)) dot++;
  }
  if (comma > dot) return { mark: "," };
  if (dot > comma) return { mark: "." };
  if (delimiter === ",") return { mark: "." };
  if (ambiguousComma !== undefined) return { mark: ",", guessedFrom: ambiguousComma };
  if (ambiguousDot !== undefined) return delimiter === ";" ? { mark: ",", guessedFrom: ambiguousDot } : { mark: ".", guessedFrom: ambiguousDot };
  return { mark: "." };
}
