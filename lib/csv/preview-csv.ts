import { lttbIndices } from "../chart/downsample";
import { formatTimeRange, toTimeLabelStyle } from "../chart/format-time-label";
import { ok, type Result } from "../result";
import type { ColumnRole, ImportPreview, PreviewColumn, PreviewRefusal, PreviewRow, PreviewSeries } from "../series/schema";
import { describeTimeFormat, formatTimeLabel } from "../time/time-format";
import { hasDatesAcross, turnDatesAcross } from "./dates-across";
import { createCsvRowStream } from "./csv-rows";
import { decodeByteStream, readBlobChunks } from "./decode-text";
import { datasetNameOf, nameFromFileName } from "./describe-dialect";
import { readDatasetBlob, type BlobDataset } from "./read-blob";
import { planColumns, seriesNameColumns, toSniffOptions, type ColumnPlan, type ParsedDataset, type ParsedSeries, type FurtherRefusal, type ReadOptions, type ReadResult, type RefusedCell } from "./read-dataset";
import { SNIFF_CHARS, sniffCsv, type ColumnInfo, type CsvDialect, type CsvSniff } from "./sniff-csv";

/** Rows of the file shown in the preview table. */
const PREVIEW_ROWS = 8;
/** Values in a preview sparkline. */
const SPARKLINE_POINTS = 120;
/** Lines above a refused row among which the row before it is looked for (blank lines lie between rows). */
const NEAR_LINES = 64;
/** Bad rows marked after the first: enough to see what a file's rows have in common, few enough to read; the rest are counted. */
export const PREVIEW_FURTHER_ROWS = 49;

/** The first ~256 kB of a file as text (enough to detect its dialect and columns), or why it is not text. */
async function readHead(blob: Blob): Promise<Result<{ head: string; encoding: string; turned: boolean; readOptions: ReadOptions }>> {
  const decoding = await decodeByteStream(readBlobChunks(blob));
  if (!decoding.ok) return decoding;
  let head = "";
  let whole = false;
  for await (const chunk of decoding.data.text) {
    head += chunk;
    // A table with its dates across the header is shown turned, which takes all of it.
    if (head.length >= SNIFF_CHARS && !(whole ||= hasDatesAcross(head))) break;
  }
  const across = turnDatesAcross(head);
  return ok({ head: across ? across.text.slice(0, SNIFF_CHARS) : head, encoding: decoding.data.encoding(), turned: across !== null, readOptions: across?.readOptions ?? {} });
}

/**
 * The rows below the first rows shown that the refusal points at, read again from the file (the
 * reader keeps no rows, and a refusal is rare enough to pay for a second pass down to them): the
 * refused row with the row before and after it (blank lines not counted), then each further bad
 * row after the count of rows passed over to it.
 * @param first the refused row, or null when it is among the first rows shown
 * @param further the other rows the refusal names and the further bad rows, in file order
 * @param shownUpTo the number of the last row already shown: rows up to it are not returned
 */
async function readRowsBelow(blob: Blob, dialect: CsvDialect, first: number | null, further: number[], shownUpTo: number): Promise<NonNullable<PreviewRefusal["below"]>> {
  const rows: NonNullable<PreviewRefusal["below"]>["rows"] = [];
  let skipped = 0;
  /** Rows passed over since the last one kept. */
  let passed = 0;
  let before: PreviewRow | null = null;
  let neighbour = first === null;
  const wanted = new Set(further);
  const last = Math.max(first ?? 0, ...further);
  let done = false;
  const keep = (row: PreviewRow) => {
    if (rows.length === 0) skipped = passed;
    rows.push(rows.length > 0 && passed > 0 ? { ...row, skipped: passed } : row);
    passed = 0;
  };
  const decoding = await decodeByteStream(readBlobChunks(blob));
  if (!decoding.ok) return { skipped, rows };
  const stream = createCsvRowStream(dialect, (cells, number) => {
    if (number <= shownUpTo) return true;
    if (first !== null && number < first) {
      // Rows well above it are only counted: copying each of a million rows cost more than reading them.
      if (number < first - NEAR_LINES) passed++;
      else {
        if (before) passed++;
        // The stream reuses its array for the next row.
        before = { number, cells: [...cells] };
      }
      return true;
    }
    if (number === first) {
      if (before) keep(before);
      keep({ number, cells: [...cells] });
    } else if (!neighbour || wanted.has(number)) {
      neighbour = true;
      keep({ number, cells: [...cells] });
    } else passed++;
    done = number > last || (number === last && neighbour);
    return !done;
  });
  for await (const chunk of decoding.data.text) {
    stream.push(chunk);
    if (done) break;
  }
  if (!done) stream.end();
  return { skipped, rows };
}

/** Where the refusal points, and the rows it names that are not among the first rows shown. */
async function toRefusal(blob: Blob, dialect: CsvDialect, at: RefusedCell, further: FurtherRefusal[], furtherMore: number, shown: number[]): Promise<PreviewRefusal> {
  const last = shown.at(-1) ?? 0;
  const first = at.row > last ? at.row : null;
  // A refusal naming several rows (the same time) is found once the file is read, so comes with no further rows.
  const otherRows = at.otherRows?.slice(0, PREVIEW_FURTHER_ROWS) ?? [];
  const below = [...otherRows, ...further.map((f) => f.at.row)].filter((row) => row > last);
  return {
    row: at.row,
    column: at.column,
    ...(at.others ? { others: at.others } : {}),
    ...(otherRows.length > 0 ? { otherRows } : {}),
    below: first !== null || below.length > 0 ? await readRowsBelow(blob, dialect, first, below, last) : null,
    ...(further.length > 0 ? { further: further.map((f) => ({ row: f.at.row, column: f.at.column, reason: f.reason })) } : {}),
    ...(furtherMore > 0 ? { furtherMore } : {}),
  };
}

/** @param leftOut value columns the read left out (a week number beside the date) */
function roleOf(column: ColumnInfo, plan: ColumnPlan | null, idColumns: string[], leftOut: string[]): ColumnRole {
  if (!plan) return "ignored";
  if (plan.time === column || plan.clock?.column === column || plan.parts?.columns.includes(column)) return "time";
  if (idColumns.includes(column.name)) return "id";
  return (plan.matrix?.columns ?? plan.values).includes(column) && !leftOut.includes(column.name) ? "value" : "ignored";
}

/** @param late columns empty in the sampled rows that hold numbers further down (ParsedDataset.lateColumns) */
function toPreviewColumn(column: ColumnInfo, plan: ColumnPlan | null, idColumns: string[], leftOut: string[], late: string[]): PreviewColumn {
  const role = roleOf(column, plan, idColumns, leftOut);
  return {
    name: column.name,
    kind: column.kind,
    role,
    format: column.time ? describeTimeFormat(column.time.format) : null,
    hasDateOrder: column.time?.dateOrder !== undefined,
    // A late column stays offered once ticked (it is then read, so no longer left out).
    numeric: column.kind === "number" || column.numeric === true || late.includes(column.name) || (column.kind === "empty" && role === "value"),
  };
}

/** At most SPARKLINE_POINTS values that keep the series' shape (LTTB), missing values as null. */
function toSparkline(series: ParsedSeries): (number | null)[] {
  const kept = lttbIndices(series.times, series.values, SPARKLINE_POINTS);
  return kept.map((i) => {
    const value = series.values[i] as number;
    return Number.isNaN(value) ? null : value;
  });
}

function toPreviewSeries(series: ParsedSeries, dataset: ParsedDataset): PreviewSeries {
  const n = series.times.length;
  return {
    detectedName: series.detectedName,
    name: series.name,
    column: series.column,
    pointCount: n,
    missingCount: series.missingCount,
    startLabel: n ? formatTimeLabel(series.times[0] as number, dataset.timeFormat, 0) : null,
    endLabel: n ? formatTimeLabel(series.times[n - 1] as number, dataset.timeFormat, n - 1) : null,
    rangeLabel: n ? formatTimeRange(series.times[0] as number, series.times[n - 1] as number, toTimeLabelStyle(series.frequency.kind, dataset.timeFormat)) : null,
    frequency: series.frequency,
    sparkline: toSparkline(series),
  };
}

function emptyPreview(blob: Blob, fileName: string, error: string): ImportPreview {
  return {
    fileName,
    datasetName: nameFromFileName(fileName),
    fileSize: blob.size,
    encoding: null,
    dialect: null,
    columns: [],
    sampleRows: [],
    sampleRowNumbers: null,
    refusal: null,
    timeColumn: null,
    idColumn: null,
    idColumns: [],
    valueColumns: [],
    dateOrder: null,
    shape: null,
    rowCount: 0,
    series: [],
    issues: [],
    error,
  };
}

/**
 * Reads a file the way an import would, without storing anything: detected columns and their
 * roles, the first rows, each series with its frequency and a sparkline, the issues found, and
 * the sentence the upload would be refused with, if any. Runs in the preview Web Worker.
 * @param options the analyst's choices so far (same as the upload's `options`)
 * @param onProgress share of the file read (0–1)
 */
export async function previewCsv(
  blob: Blob,
  fileName: string,
  options: ReadOptions = {},
  onProgress?: (share: number) => void,
): Promise<ImportPreview> {
  const head = await readHead(blob);
  if (!head.ok) return emptyPreview(blob, fileName, head.reason);
  const sniffed = sniffCsv(head.data.head, toSniffOptions(options));
  if (!sniffed.ok) return emptyPreview(blob, fileName, sniffed.reason);
  const sniff: CsvSniff = sniffed.data;
  // Planned as readDataset reads the turned table, so that the columns shown are the ones read.
  const planned = planColumns(sniff.columns, { ...head.data.readOptions, ...options }, sniff.sampleRows, sniff.sampleRowNumbers);
  const plan = planned.ok ? planned.data : null;
  const read: ReadResult<BlobDataset> = planned.ok ? await readDatasetBlob(blob, options, onProgress, PREVIEW_FURTHER_ROWS) : planned;
  const dataset = read.ok ? read.data.parsed : null;
  // The rows read can name the series where the sampled rows could not (a long file sorted by series).
  // A one-series file named by the code on its every row (BLS's `series_id`) shows that column as
  // what names it, as the control does: choosing none there names the series by its value column.
  const idColumns = dataset ? seriesNameColumns(dataset) : (plan?.ids ?? []).map((c) => c.name);
  const idColumn = idColumns[0] ?? null;
  // Unticked, so that ticking another value column does not choose them too without a word.
  const leftOut = dataset?.leftOutColumns ?? [];
  // A turned table's rows are not the file's lines: numbers would point at the wrong ones.
  const sampleRowNumbers = head.data.turned ? null : sniff.sampleRowNumbers.slice(0, PREVIEW_ROWS);
  const at = read.ok ? undefined : read.at;
  const further = read.ok ? undefined : read.further;
  return {
    fileName,
    datasetName: datasetNameOf(dataset, fileName),
    fileSize: blob.size,
    encoding: read.ok ? read.data.encoding : head.data.encoding,
    dialect: sniff.dialect,
    columns: sniff.columns.map((column) => toPreviewColumn(column, plan, idColumns, leftOut, dataset?.lateColumns ?? [])),
    sampleRows: sniff.sampleRows.slice(0, PREVIEW_ROWS),
    sampleRowNumbers,
    refusal: at && sampleRowNumbers ? await toRefusal(blob, sniff.dialect, at, further?.rows ?? [], further?.more ?? 0, sampleRowNumbers) : null,
    timeColumn: plan?.time?.name ?? null,
    idColumn,
    idColumns,
    valueColumns: (plan?.matrix?.columns ?? plan?.values)?.map((c) => c.name).filter((name) => !idColumns.includes(name) && !leftOut.includes(name)) ?? [],
    dateOrder: dataset?.dateOrder ?? plan?.time?.time?.dateOrder ?? null,
    shape: dataset?.shape ?? null,
    rowCount: dataset?.rowCount ?? 0,
    series: dataset ? dataset.series.map((s) => toPreviewSeries(s, dataset)) : [],
    issues: dataset?.issues ?? [],
    error: read.ok ? null : read.reason,
  };
}
