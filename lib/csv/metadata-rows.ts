import { detectTimeFormat, looksLikeTimeName } from "../time/detect-time-format";

export const looksNumeric = (cell: string) => /^\s*-?[\d.,]+\s*$/.test(cell) && /\d/.test(cell);
/** A cell that holds data: a number or something that reads as a date or time. */
export const isTyped = (cell: string) => cell.trim() !== "" && (looksNumeric(cell) || detectTimeFormat([cell], {}) !== null);
export const filledCount = (row: string[]) => row.reduce((n, cell) => n + (cell.trim() === "" ? 0 : 1), 0);

/** Rows looked at for the data under metadata rows. */
const DATA_ROWS = 50;

/** Whether most rows from `start` on begin with a time or number, as a table's data rows do. */
function dataFollows(rows: string[][], start: number): boolean {
  const data = rows.slice(start, start + DATA_ROWS);
  return data.length > 0 && isTyped(data[0]?.[0] ?? "") && data.filter((row) => isTyped(row[0] ?? "")).length >= 0.8 * data.length;
}

/**
 * A label in the first cell, a value after it and no number or date further on: `"CDID","J5EK"`,
 * `"PreUnit",""`; INSEE's first row also heads its status column (`"Libellé";"Indice …";"Codes"`).
 */
function isLabelRow(row: string[]): boolean {
  const label = (row[0] ?? "").trim();
  return label !== "" && !isTyped(label) && !row.slice(2).some(isTyped);
}

/**
 * Rows of `label,value` over a headerless table, as ONS time series downloads begin
 * (`"Title","Retail sales index"`, `"CDID","J5EK"`, …, `"Important notes",""`): three or more rows
 * of a label and at most one value, then data. Taken for a title, a source and a header, the
 * `"Unit","Index"` row named the columns and `"Release date"` was refused as a value. The last row
 * is no such label when it names a time column over the data (`Month,Sales` under title lines)
 * or every column of three or more, nor are rows naming several columns each (pandas' header levels).
 * @returns how many rows the block has; 0 for none
 */
export function metadataBlock(rows: string[][]): number {
  let k = 0;
  while (k < rows.length && isLabelRow(rows[k] as string[])) k++;
  if (k < 3 || !dataFollows(rows, k)) return 0;
  // One row may head a further column (INSEE's); rows of names over every column are header levels.
  if (rows.slice(0, k).filter((row) => filledCount(row.slice(2)) > 0).length > 1) return 0;
  const last = rows[k - 1] as string[];
  if (filledCount(last) >= 2 && looksLikeTimeName(last[0] ?? "")) return 0;
  // Nor when it names every column of three or more under title lines (`Woche;Absatz;Plan` under
  // `Absatzplanung;;` and `Stand: 01.03.2024;;`): a header, which was skipped with them.
  const width = filledCount(rows[k] as string[]);
  return k > 1 && width >= 3 && filledCount(last) >= width ? 0 : k;
}

/** Label rows looked at above a header naming the time column. */
const MAX_LABEL_ROWS = 12;

/**
 * Rows of a label and values over a header that names the time column, as the Federal Reserve's
 * Data Download Program writes (`"Series Description",…`, `"Unit:",…`, `"Multiplier:","1"`,
 * `"Currency:",…`, `"Unique Identifier: ",…`, then `"Time Period","RIFLGFCY10_N.B"`): three or more
 * rows whose first cell is a label, then a header of words whose first names a time, then data.
 * Taken for title lines, the first row above a number (`"Multiplier:","1"`) became the header, and
 * the identifier under it was refused as a value.
 * @returns how many rows lie above the header; 0 for none
 */
export function labelsAboveHeader(rows: string[][]): number {
  let h = 0;
  const isLabel = (row: string[]) => {
    const label = (row[0] ?? "").trim();
    return label !== "" && !isTyped(label) && !looksLikeTimeName(label);
  };
  while (h < MAX_LABEL_ROWS && h < rows.length && isLabel(rows[h] as string[])) h++;
  const header = rows[h];
  if (h < 3 || !header || !looksLikeTimeName(header[0] ?? "") || filledCount(header) < 2 || header.some(isTyped)) return 0;
  return dataFollows(rows, h + 1) ? h : 0;
}

/** Title lines allowed above a header of codes (ECB's `Data Source in SDW: null`). */
const MAX_TITLE_LINES = 3;

/**
 * A header of series codes with rows describing the series under it, before the data, as the
 * Bundesbank's and the ECB's downloads write: `;BBDP1.M.DE.N.VPI…;…_FLAGS`, then
 * `;Verbraucherpreisindex / Deutschland / Gesamt;`, `Einheit;2020 = 100;`, `Quelle:;Statistisches
 * Bundesamt;`, then `2014-01;89,8;`. The header leaves the time column's cell empty; the rows under
 * it fill only cells the header names besides a label in the first, and one of them pairs a label
 * with a value (pandas' index name alone under a header, `date,,`, is no description). Taken for
 * title lines, the rows made the last of them (`Quelle:;Statistisches Bundesamt`) the header.
 * @returns the title lines above the header and the description rows under it, or null
 */
export function describedHeader(rows: string[][]): { skip: number; described: number } | null {
  let r = 0;
  const isTitle = (row: string[]) => filledCount(row) === 1 && (row[0] ?? "").trim() !== "" && !isTyped(row[0] ?? "");
  while (r < MAX_TITLE_LINES && r < rows.length && isTitle(rows[r] as string[])) r++;
  const header = rows[r];
  if (!header || (header[0] ?? "").trim() !== "" || filledCount(header) === 0 || header.some(isTyped)) return null;
  let d = r + 1;
  while (d < rows.length && !isTyped(rows[d]?.[0] ?? "")) d++;
  const under = rows.slice(r + 1, d);
  if (under.length < 2 || !dataFollows(rows, d)) return null;
  const named = (row: string[]) => row.every((cell, j) => j === 0 || cell.trim() === "" || (header[j] ?? "").trim() !== "");
  if (!under.every(named) || !under.some((row) => (row[0] ?? "").trim() !== "" && filledCount(row) >= 2)) return null;
  return { skip: r, described: under.length };
}

const TITLE_KEY = /^(title|titel|titre|título|libellé|series|series title|description|beschreibung)\s*:?$/i;
const UNIT_KEY = /^(unit|units|unit of measure|einheit|maßeinheit|unité|unidad|eenheid|period\\unit)\s*:?$/i;
/** ONS writes a currency before the number apart from the unit after it: `PreUnit` `£`, `Unit` `m`. */
const PRE_UNIT_KEY = /^pre-?unit\s*:?$/i;
/** Units that say no more than "a number": an index (`Index`, the Bundesbank's `2020 = 100`), a count. */
const NO_UNIT = /(^|\s)(index|number|ratio|level|count|none)(\s|$)|=/i;

/**
 * The name and unit that metadata rows give the series in one column: a title row (ONS's `Title`),
 * else a description under the codes (a row whose label is empty); a unit row when it names a unit.
 * @param rows the metadata rows, a label first
 * @param column the value column's index, where each row holds its value
 */
export function describeFromMetadata(rows: string[][], column: number): { title?: string; unit?: string } {
  let title: string | undefined;
  let description: string | undefined;
  let unit = "";
  let preUnit = "";
  for (const row of rows) {
    const label = (row[0] ?? "").trim();
    const value = (row[column] ?? "").trim();
    if (value === "") continue;
    if (label === "") description ??= value;
    else if (TITLE_KEY.test(label)) title ??= value;
    else if (UNIT_KEY.test(label)) unit = value.replace(/^\[\s*(.*?)\s*\]$/, "$1");
    else if (PRE_UNIT_KEY.test(label)) preUnit = value;
  }
  const name = title ?? description;
  const written = `${preUnit}${unit}`.trim();
  return { ...(name ? { title: name } : {}), ...(unit !== "" && !NO_UNIT.test(unit) ? { unit: written } : {}) };
}
