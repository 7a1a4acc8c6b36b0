import type { TimeFormat } from "../time/time-format";
import { toStampColumns, type SeriesHistory, type StampColumns } from "./forecast-table";
import { toCsv, toCsvChunks, type CsvCell, type CsvDialect, type CsvTable } from "./to-csv";

export interface SeriesCsvInput {
  /** The series' name: the value column's header. */
  name: string;
  /** Header of the time column in the uploaded file (default `timestamp`). */
  timeColumn?: string | null;
  timeFormat: TimeFormat;
  points: SeriesHistory;
}

function* seriesRows(input: SeriesCsvInput, stamp: StampColumns | null): Generator<CsvCell[]> {
  const { times, values } = input.points;
  for (let i = 0; i < times.length; i++) {
    const value = values[i] ?? null;
    // A one-column file cannot have an empty cell: the line would be blank and skipped on upload.
    if (!stamp) yield [value === null || Number.isNaN(value) ? "NA" : value];
    else yield [...stamp.cells(times[i] as number, input.timeFormat), value];
  }
}

/**
 * A stored series as CSV, as it was uploaded: times in the file's own format, values exactly as
 * stored (the shortest text that reads back as the same number), an empty cell for a missing
 * value. Uploading the text again gives the same times and values. A series without a time
 * column is written as one value column (missing values as `NA`).
 */
export function toSeriesCsv(input: SeriesCsvInput, dialect: CsvDialect = "standard"): string {
  return toCsv(seriesTable(input), dialect);
}

/** {@link toSeriesCsv} in pieces, for sending a long series without holding the server (see {@link toCsvChunks}). */
export function toSeriesCsvChunks(input: SeriesCsvInput, dialect: CsvDialect = "standard"): Generator<string> {
  return toCsvChunks(seriesTable(input), dialect);
}

function seriesTable(input: SeriesCsvInput): CsvTable {
  const stamp = input.timeFormat.kind === "index" ? null : toStampColumns([input.timeFormat], input.timeColumn || "timestamp");
  const header = stamp ? [...stamp.header, input.name] : [input.name];
  return { header, rows: seriesRows(input, stamp) };
}
