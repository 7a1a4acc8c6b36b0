import { toNameText } from "../series/names";
import type { ParsedDataset } from "./read-dataset";
import type { CsvDialect } from "./sniff-csv";

const DELIMITER_NAMES: Record<CsvDialect["delimiter"], string> = {
  ",": "comma-separated",
  ";": "semicolon-separated",
  "\t": "tab-separated",
  "|": "pipe-separated",
};

const ENCODING_NAMES: Record<string, string> = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8 with BOM",
  "utf-16le": "UTF-16 LE",
  "utf-16be": "UTF-16 BE",
  "windows-1252": "Windows-1252",
};

/**
 * How a file was read, in words for the preview: `["comma-separated", "decimal point", "UTF-8",
 * "header row", "CRLF line breaks"]`.
 */
export function describeDialect(dialect: CsvDialect, encoding: string | null): string[] {
  const words = [DELIMITER_NAMES[dialect.delimiter], dialect.decimal === "," ? "decimal comma" : "decimal point"];
  if (encoding) words.push(ENCODING_NAMES[encoding] ?? encoding);
  if (dialect.skipRows) words.push(`${dialect.skipRows} title ${dialect.skipRows === 1 ? "line" : "lines"} above the table skipped`);
  words.push(dialect.hasHeader ? (dialect.headerRows ? `${dialect.headerRows + 1} header rows (names joined)` : "header row") : "no header row (columns numbered)");
  if (dialect.describedRows) words.push(`${dialect.describedRows} ${dialect.describedRows === 1 ? "row" : "rows"} describing the series under the header skipped`);
  if (dialect.lineBreak !== "\n") words.push(dialect.lineBreak === "\r\n" ? "CRLF line breaks" : "CR line breaks");
  if (dialect.quoted) words.push("quoted fields");
  return words;
}

/** `1536` → `1.5 kB`, `31457280` → `30 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["kB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/**
 * File name without folders and extension: the default dataset name (`sales 2024.csv` → `sales 2024`),
 * as a name may be (no control characters, at most MAX_NAME_LENGTH characters): the file name is the client's, not the analyst's.
 */
export function nameFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return toNameText(base.replace(/\.(csv|tsv|txt)\s*$/i, "")) || "Untitled dataset";
}

/**
 * The name a dataset gets when none is chosen: the title the file gives itself (an ONS download is
 * called `series-161024.csv`, its `Title` row says `Retail sales index`), else the file's name.
 */
export function datasetNameOf(parsed: Pick<ParsedDataset, "title"> | null, fileName: string | null): string {
  const title = parsed?.title ? toNameText(parsed.title) : "";
  return title || (fileName ? nameFromFileName(fileName) : "Untitled dataset");
}
