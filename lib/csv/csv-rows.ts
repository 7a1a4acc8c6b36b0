import Papa from "papaparse";
import type { CsvDialect } from "./sniff-csv";

/** Rows cut from one chunk of text, numbered as a spreadsheet numbers them (the first line is row 1). */
export interface RowBatch {
  rows: string[][];
  /** Row number of `rows[0]`; blank lines count, as they do in a spreadsheet, and stand as `BLANK`. */
  firstRow: number;
}

export interface CsvRowStream {
  /** Parses the complete rows in `text` (appended to what was left over from the last call). */
  push(text: string): RowBatch;
  /** Parses what is left at the end of the file. */
  end(): RowBatch;
}

function isBlank(row: string[]): boolean {
  for (const cell of row) if (cell.trim() !== "") return false;
  return true;
}

/**
 * Splits CSV text into rows chunk by chunk with papaparse's own parser, so a big file never has to
 * be one string: a row cut by the end of a chunk (even inside a quoted field) is kept for the next.
 * @param dialect delimiter and line break, from sniffCsv
 */
export function createCsvRowStream(dialect: Pick<CsvDialect, "delimiter" | "lineBreak">): CsvRowStream {
  const parser = new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.lineBreak, quoteChar: '"' });
  let rest = "";
  let nextRow = 1;

  function take(input: string, last: boolean): RowBatch {
    const result = parser.parse(input, 0, !last) as { data: string[][]; meta: { cursor: number } };
    rest = last ? "" : input.slice(result.meta.cursor);
    const firstRow = nextRow;
    nextRow += result.data.length;
    const rows = result.data;
    // A blank line keeps its place (and so the numbering of the rows after it) as `BLANK`.
    for (let i = 0; i < rows.length; i++) if (isBlank(rows[i] as string[])) rows[i] = BLANK;
    return { rows, firstRow };
  }

  return {
    push: (text) => take(rest + text, false),
    end: () => (rest === "" ? { rows: [], firstRow: nextRow } : take(rest, true)),
  };
}

/** The one array standing for every blank line; compare by identity. */
export const BLANK: string[] = [];
