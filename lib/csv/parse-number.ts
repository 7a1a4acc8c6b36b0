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
const CURRENCY = /^[$€£¥]\s*|\s*[$€£¥]$|\s*%$/g;
/** A sign written before the currency symbol: `-$5`, `- € 5`. */
const SIGNED_CURRENCY = /^([+-])\s*[$€£¥]\s*/;
/** Accounting negatives: `(1,200)`, `($50.00)`. */
const PARENTHESISED = /^\((.+)\)$/;

/**
 * The number part of a cell, without currency symbols, a percent sign or accounting parentheses
 * (which become a minus sign).
 */
function numberText(trimmed: string): string {
  const inner = PARENTHESISED.exec(trimmed);
  if (inner) return `-${(inner[1] as string).trim().replace(CURRENCY, "")}`;
  return trimmed.replace(SIGNED_CURRENCY, "$1").replace(CURRENCY, "");
}

/**
 * Reads one cell as a number (currency symbols, a percent sign and accounting parentheses allowed).
 * @param cell raw cell text
 * @param decimal the file's decimal mark; the other mark (and spaces) may group thousands
 */
export function parseNumberCell(cell: string, decimal: DecimalMark): NumberCell {
  const trimmed = cell.trim();
  if (MISSING_TOKENS.has(trimmed.toLowerCase())) return { kind: "missing" };
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
 * Decides a file's decimal mark from sample cells: a comma decimal shows as `1234,5` or `1.234,5`;
 * a dot decimal as `1234.5` or `1,234.5`. Ambiguous cells (`1,234` or `1.234`) do not vote.
 */
export function detectDecimalMark(cells: string[], delimiter: string): DecimalMark {
  let comma = 0;
  let dot = 0;
  for (const raw of cells) {
    const cell = numberText(raw.trim());
    if (/^[+-]?\d+,\d+$/.test(cell)) {
      // `1,234` could be a thousands group; only other digit counts decide.
      if (!/^[+-]?\d{1,3},\d{3}$/.test(cell)) comma++;
    } else if (/^[+-]?\d{1,3}(\.\d{3})+,\d+$/.test(cell)) comma++;
    else if (/^[+-]?\d+\.\d+$/.test(cell)) {
      if (!/^[+-]?\d{1,3}\.\d{3}$/.test(cell)) dot++;
    } else if (/^[+-]?\d{1,3}(,\d{3})+\.\d+$/.test(cell)) dot++;
  }
  if (comma > dot) return ",";
  if (dot > comma) return ".";
  // Nothing decisive: a comma-separated file cannot use unquoted decimal commas.
  return delimiter === "," ? "." : cells.some((c) => /^[+-]?\d{1,3},\d{3}$/.test(c.trim())) ? "," : ".";
}
