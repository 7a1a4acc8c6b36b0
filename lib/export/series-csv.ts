import type { TimeFormat } from "../time/time-format";
import { toStampCell, type SeriesHistory } from "./forecast-table";
import { toCsv, type CsvCell, type CsvDialect } from "./to-csv";

export interface SeriesCsvInput {
  /** The series' name: the value column's header. */
  name: string;
  /** Header of the time column in the uploaded file (default `timestamp`). */
  timeColumn?: string | null;
  timeFormat: TimeFormat;
  points: SeriesHistory;
}

function* seriesRows(input: SeriesCsvInput, indexOnly: boolean): Generator<CsvCell[]> {
  const { times, values } = input.points;
  for (let i = 0; i < times.length; i++) {
    const value = values[i] ?? null;
    // A one-column file cannot have an empty cell: the line would be blank and skipped on upload.
    if (indexOnly) yield [value === null || Number.isNaN(value) ? "NA" : value];
    else yield [toStampCell(times[i] as number, input.timeFormat), value];
  }
}

/**
 * A stored series as CSV, as it was uploaded: times in the file's own format, values exactly as
 * stored (the shortest text that reads back as the same number), an empty cell for a missing
 * value. Uploading the text again gives the same times and values. A series without a time
 * column is written as one value column (missing values as `NA`).
 */
export function toSeriesCsv(input: SeriesCsvInput, dialect: CsvDialect = "standard"): string {
  const indexOnly = input.timeFormat.kind === "index";
  const header = indexOnly ? [input.name] : [input.timeColumn || "timestamp", input.name];
  return toCsv({ header, rows: seriesRows(input, indexOnly) }, dialect);
}
