import { z } from "zod";
import { COMBINE } from "../csv/aggregate";
import { PERIODS } from "../time/period";
import { checkNameText, MAX_NAME_LENGTH } from "./names";
import { DATASET_SORTS, type DatasetSort } from "./to-dataset-page";
import type { DatasetShape, IngestIssue } from "../csv/read-dataset";
import type { ColumnKind, CsvDialect } from "../csv/sniff-csv";
import type { DateOrder } from "../time/detect-time-format";
import type { Frequency, FrequencyKind } from "../time/frequency";
import type { TimeFormat } from "../time/time-format";

/**
 * The shapes that cross the server/client boundary. Prisma rows never leave lib/server; they are
 * reshaped into these DTOs (dates as ISO strings, JSON columns parsed).
 */

/** Options an analyst can set when importing a CSV (multipart field `options`, JSON). */
/** A dataset or series name: trimmed, 1–200 characters, no control characters. */
const nameSchema = z
  .string()
  .trim()
  .max(MAX_NAME_LENGTH)
  .superRefine((name, ctx) => {
    const problem = checkNameText(name);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const importOptionsSchema = z
  .object({
    name: nameSchema.min(1).optional(),
    timeColumn: z.string().nullable().optional(),
    valueColumns: z.array(z.string()).max(500).optional(),
    idColumn: z.string().nullable().optional(),
    /** Columns naming the series together (`["Store", "Dept"]`); takes precedence over `idColumn`. */
    idColumns: z.array(z.string()).min(1).max(3).optional(),
    dateOrder: z.enum(["dmy", "mdy"]).optional(),
    decimal: z.enum([".", ","]).optional(),
    repeatedTimes: z.enum(["sum", "mean"]).optional(),
    /** Group each series' rows by a period; `by` is how a period's rows combine (default: their sum). */
    aggregate: z.object({ period: z.enum(PERIODS), by: z.enum(COMBINE).default("sum") }).strict().optional(),
    seriesNames: z.record(z.string(), nameSchema).optional(),
  })
  .strict();
export type ImportOptions = z.infer<typeof importOptionsSchema>;

/** Query of POST /api/datasets with the CSV as the body (a parameter not listed is refused). */
export const uploadQuerySchema = z.strictObject({
  /** The file's name, which names the dataset when `name` does not. */
  fileName: z.string().optional(),
  name: z.string().optional(),
  /** importOptionsSchema as JSON text. */
  options: z.string().optional(),
});

/**
 * The query of GET /api/datasets: without `limit`, every matching dataset from `offset` on. The
 * orders and the find are the home page's (`/?find=&sort=`).
 */
export const datasetListQuerySchema = z.strictObject({
  find: z.string().max(200).optional(),
  sort: z.enum(Object.keys(DATASET_SORTS) as [DatasetSort, ...DatasetSort[]]).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});
export type DatasetListQuery = z.infer<typeof datasetListQuerySchema>;

/** How a dataset's file was read, kept with the dataset and shown on its page. */
export interface IngestReport {
  dialect: CsvDialect;
  encoding: string;
  timeColumn: string | null;
  idColumn: string | null;
  /** Every column naming the series (absent from reports stored before they could be several). */
  idColumns?: string[];
  shape: DatasetShape;
  rowCount: number;
  issues: IngestIssue[];
}

export interface SeriesDto {
  id: string;
  name: string;
  position: number;
  unit: string | null;
  pointCount: number;
  missingCount: number;
  /** ISO 8601 (UTC) of the first and last point, null for an empty series. */
  start: string | null;
  end: string | null;
  /** The first and last time as written in the file. */
  startLabel: string | null;
  endLabel: string | null;
  frequency: Frequency;
  timeFormat: TimeFormat;
}

/** Longest unit a series takes: it is written along the value axis, beside every value in tooltips and notes. */
export const MAX_UNIT_LENGTH = 24;

/**
 * Body of PATCH /api/datasets/<id>/series/<seriesId>: the unit of the series' values (`MW`, `€`,
 * `°C`, `bottles`), for files that name none; `null` or "" removes it.
 */
export const seriesUpdateSchema = z.strictObject({
  unit: z
    .string()
    .trim()
    .max(MAX_UNIT_LENGTH, { error: `must be at most ${MAX_UNIT_LENGTH} characters (a unit such as MW, € or °C)` })
    .superRefine((unit, ctx) => {
      const problem = checkNameText(unit);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .nullable()
    .transform((unit) => (unit ? unit : null)),
});
export type SeriesUpdate = z.infer<typeof seriesUpdateSchema>;

export interface DatasetSummaryDto {
  id: string;
  name: string;
  fileName: string | null;
  createdAt: string;
  seriesCount: number;
  /** Points over all series. */
  pointCount: number;
  start: string | null;
  end: string | null;
  /** How often the first series is sampled: what its dates are shown to (months, days, hours). */
  frequency: FrequencyKind | null;
}

export interface DatasetDto extends DatasetSummaryDto {
  series: SeriesDto[];
  ingest: IngestReport | null;
}

/** A series' points for charts and exports: epoch ms and values (null = missing). */
export interface SeriesPointsDto {
  seriesId: string;
  /** Points in the series before any range or downsampling was applied. */
  totalCount: number;
  /** True when `t`/`y` hold fewer points than the range does (downsampled for display). */
  downsampled: boolean;
  t: number[];
  y: (number | null)[];
}

/** What a column becomes on import. */
export type ColumnRole = "time" | "value" | "id" | "ignored";

export interface PreviewColumn {
  name: string;
  kind: ColumnKind;
  role: ColumnRole;
  /** How the column's times are written (`YYYY-MM-DD`), for time columns. */
  format: string | null;
  /** The column's dates are slashed, dotted or dashed days and months: the order can be chosen. */
  hasDateOrder: boolean;
  /** Every cell is a number (a value column, or years or serial dates that may be values). */
  numeric: boolean;
}

export interface PreviewSeries {
  /** Name found in the file: the key to rename it with (`ImportOptions.seriesNames`). */
  detectedName: string;
  name: string;
  column: string;
  pointCount: number;
  missingCount: number;
  /** First and last time as written in the file. */
  startLabel: string | null;
  endLabel: string | null;
  /** First and last time as the dataset page will write them (`Jan 2018 – Dec 2023`), or null without times. */
  rangeLabel: string | null;
  frequency: Frequency;
  /** The series' shape for a small chart: at most ~120 values in time order, null = missing. */
  sparkline: (number | null)[];
}

/** A row of the file as written, with its number (as refusals number rows). */
export interface PreviewRow {
  number: number;
  cells: string[];
}

export interface PreviewRefusal {
  row: number;
  column: number | null;
  /** How many more rows the refusal names (rows with the same time); 0 when omitted. */
  others?: number;
  /** The first of those (at most PREVIEW_FURTHER_ROWS), in file order, marked as this row is; the rest are counted. */
  otherRows?: number[];
  /**
   * The refused row, with the row before and after it, when it is not among the first rows shown;
   * then the other rows it names and the further bad rows not among them, each after the count of
   * rows passed over to it.
   */
  below: {
    /** Rows between the first rows shown and these (blank lines not counted). */
    skipped: number;
    rows: (PreviewRow & { skipped?: number })[];
  } | null;
  /** The bad rows after this one (at most PREVIEW_FURTHER_ROWS), in file order, each with its own sentence. */
  further?: { row: number; column: number | null; reason: string }[];
  /** Bad rows beyond those, only counted. */
  furtherMore?: number;
}

/**
 * What the upload preview shows before anything is stored: how the file was read with the current
 * choices, and why it cannot be imported (`error`) when that is so. Built in a Web Worker.
 */
export interface ImportPreview {
  fileName: string;
  /** The dataset's name unless the analyst types one: the file's own title (ONS's `Title` row), else its file name. */
  datasetName: string;
  fileSize: number;
  encoding: string | null;
  dialect: CsvDialect | null;
  columns: PreviewColumn[];
  /** The first data rows as written, one cell per column. */
  sampleRows: string[][];
  /** Each of those rows' number in the file, as refusals name rows (`Row 7`); null when the table was read turned. */
  sampleRowNumbers: number[] | null;
  /**
   * The cell the refusal (`error`) names, by row number and column index (null: the row as a whole),
   * and, when that row lies below the first rows, it with the rows around it; null when the refusal
   * names no cell.
   */
  refusal: PreviewRefusal | null;
  timeColumn: string | null;
  idColumn: string | null;
  /** Every column naming the series: more than one when they name them together (`store_nbr`, `family`). */
  idColumns: string[];
  valueColumns: string[];
  /** How slashed dates were read, when the time column has them. */
  dateOrder: DateOrder | null;
  shape: DatasetShape | null;
  rowCount: number;
  series: PreviewSeries[];
  issues: IngestIssue[];
  /** Why the file cannot be imported as chosen (the sentence the server would answer), or null. */
  error: string | null;
}
