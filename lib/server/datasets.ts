import { seriesNameColumns, type ParsedDataset } from "../csv/read-dataset";
import type { Dataset, Series } from "../generated/prisma/client";
import type { DatasetDto, DatasetSummaryDto, IngestReport, SeriesDto } from "../series/schema";
import type { Frequency } from "../time/frequency";
import { formatTimeLabel, type TimeFormat } from "../time/time-format";
import { db } from "./db";
import { packFloat64, unpackFloat64 } from "./pack-points";
import { newId, sqlite, toSqliteDate } from "./sqlite";
import { parseStoredJson } from "./stored-json";

type SeriesRow = Omit<Series, "datasetId">;

function toIso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

function toSeriesDto(row: SeriesRow): SeriesDto {
  const timeFormat = parseStoredJson<TimeFormat>(row.timeFormat, { kind: "index" });
  const label = (date: Date | null, index: number) => (date ? formatTimeLabel(date.getTime(), timeFormat, index) : null);
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    unit: row.unit,
    pointCount: row.pointCount,
    missingCount: row.missingCount,
    start: toIso(row.start),
    end: toIso(row.end),
    startLabel: label(row.start, 0),
    endLabel: label(row.end, row.pointCount - 1),
    frequency: parseStoredJson<Frequency>(row.frequency, {
      kind: "irregular",
      step: { unit: "index" },
      seasonLength: 1,
      label: "unknown",
      gapCount: 0,
    }),
    timeFormat,
  };
}

function toSummaryDto(row: Dataset & { series: Pick<Series, "pointCount" | "start" | "end" | "frequency">[] }): DatasetSummaryDto {
  let start: Date | null = null;
  let end: Date | null = null;
  let pointCount = 0;
  for (const s of row.series) {
    pointCount += s.pointCount;
    if (s.start && (!start || s.start < start)) start = s.start;
    if (s.end && (!end || s.end > end)) end = s.end;
  }
  return {
    id: row.id,
    name: row.name,
    fileName: row.fileName,
    createdAt: row.createdAt.toISOString(),
    seriesCount: row.series.length,
    pointCount,
    start: toIso(start),
    end: toIso(end),
    frequency: row.series[0] ? parseStoredJson<Pick<Frequency, "kind"> | null>(row.series[0].frequency, null)?.kind ?? null : null,
  };
}

const SERIES_COLUMNS = {
  id: true,
  position: true,
  name: true,
  unit: true,
  pointCount: true,
  missingCount: true,
  start: true,
  end: true,
  frequency: true,
  timeFormat: true,
} as const;

/** Every dataset, newest first. */
export async function listDatasets(): Promise<DatasetSummaryDto[]> {
  const rows = await db.dataset.findMany({
    orderBy: { createdAt: "desc" },
    include: { series: { select: { pointCount: true, start: true, end: true, frequency: true }, orderBy: { position: "asc" } } },
  });
  return rows.map(toSummaryDto);
}

export async function countDatasets(): Promise<number> {
  return db.dataset.count();
}

/** One dataset with its series (without their points), or null. */
export async function getDataset(id: string): Promise<DatasetDto | null> {
  const row = await db.dataset.findUnique({
    where: { id },
    include: { series: { select: SERIES_COLUMNS, orderBy: { position: "asc" } } },
  });
  if (!row) return null;
  return {
    ...toSummaryDto(row),
    series: row.series.map(toSeriesDto),
    ingest: parseStoredJson<IngestReport | null>(row.ingest, null),
  };
}

/**
 * Sets the unit of one series of a dataset (null removes it).
 * @returns the series as now stored, or null when the dataset has no such series
 */
export async function updateSeriesUnit(datasetId: string, seriesId: string, unit: string | null): Promise<SeriesDto | null> {
  const { count } = await db.series.updateMany({ where: { id: seriesId, datasetId }, data: { unit } });
  if (count === 0) return null;
  const row = await db.series.findUnique({ where: { id: seriesId }, select: SERIES_COLUMNS });
  return row && toSeriesDto(row);
}

export interface CreateDatasetInput {
  name: string;
  fileName: string | null;
  encoding: string;
  parsed: ParsedDataset;
}

/**
 * Stores a parsed file as one dataset in one transaction: the dataset, its series and their packed
 * points, all or nothing (a failure or a crash part-way leaves no row behind).
 */
export async function createDataset(input: CreateDatasetInput): Promise<DatasetDto> {
  const { parsed } = input;
  // A one-series file named by the code on its every row says which column named it, as the preview did.
  const naming = seriesNameColumns(parsed);
  const ingest: IngestReport = {
    dialect: parsed.dialect,
    encoding: input.encoding,
    timeColumn: parsed.timeColumn,
    idColumn: naming[0] ?? null,
    idColumns: naming,
    shape: parsed.shape,
    rowCount: parsed.rowCount,
    issues: parsed.issues,
  };
  const connection = sqlite();
  const datasetId = newId();
  const insertDataset = connection.prepare('INSERT INTO "Dataset" ("id", "name", "fileName", "createdAt", "ingest") VALUES (?, ?, ?, ?, ?)');
  const insertSeries = connection.prepare(
    'INSERT INTO "Series" ("id", "datasetId", "position", "name", "unit", "pointCount", "missingCount", "start", "end", "frequency", "timeFormat") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertPoints = connection.prepare('INSERT INTO "SeriesPoints" ("seriesId", "times", "values") VALUES (?, ?, ?)');
  const timeFormat = JSON.stringify(parsed.timeFormat);
  connection.transaction(() => {
    insertDataset.run(datasetId, input.name, input.fileName, toSqliteDate(Date.now()), JSON.stringify(ingest));
    parsed.series.forEach((s, position) => {
      const seriesId = newId();
      const n = s.times.length;
      const start = n ? toSqliteDate(s.times[0] as number) : null;
      const end = n ? toSqliteDate(s.times[n - 1] as number) : null;
      insertSeries.run(seriesId, datasetId, position, s.name, s.unit, n, s.missingCount, start, end, JSON.stringify(s.frequency), timeFormat);
      insertPoints.run(seriesId, packFloat64(s.times), packFloat64(s.values));
    });
  })();
  const dataset = await getDataset(datasetId);
  if (!dataset) throw new Error("the dataset vanished right after it was stored");
  return dataset;
}

/** Deletes a dataset with its series, points and runs; false when it did not exist. */
export async function deleteDataset(id: string): Promise<boolean> {
  const { count } = await db.dataset.deleteMany({ where: { id } });
  return count > 0;
}

export interface SeriesPoints {
  series: SeriesDto;
  datasetId: string;
  times: Float64Array;
  values: Float64Array;
}

/** A series with all its points, or null. The packed points are read through the plain connection (see sqlite.ts). */
export async function getSeriesPoints(seriesId: string): Promise<SeriesPoints | null> {
  const row = await db.series.findUnique({ where: { id: seriesId }, select: { ...SERIES_COLUMNS, datasetId: true } });
  if (!row) return null;
  const points = sqlite().prepare('SELECT "times", "values" FROM "SeriesPoints" WHERE "seriesId" = ?').get(seriesId) as
    | { times: Uint8Array; values: Uint8Array }
    | undefined;
  if (!points) return null;
  return {
    series: toSeriesDto(row),
    datasetId: row.datasetId,
    times: unpackFloat64(points.times),
    values: unpackFloat64(points.values),
  };
}
