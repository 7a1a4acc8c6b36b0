import { toContentDisposition, toExportFileName } from "@/lib/export/file-name";
import { toSeriesCsvChunks } from "@/lib/export/series-csv";
import { CSV_CONTENT_TYPE } from "@/lib/export/to-csv";
import { seriesExportQuerySchema } from "@/lib/series/export-schema";
import { getDataset, getSeriesPoints } from "@/lib/server/datasets";
import { handle, HttpError, parseQuery, routeMethods, streamText } from "@/lib/server/http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; seriesId: string }> };

/**
 * GET /api/datasets/<id>/series/<seriesId>.csv: the stored series as it was uploaded (its time
 * column and time format, every value exactly), so that uploading it again gives the same data.
 * `?format=excel` writes semicolons and decimal commas.
 */
export const GET = handle(async (request: Request, { params }: Context) => {
  const { id, seriesId: file } = await params;
  if (!file.endsWith(".csv")) throw new HttpError(404, `Unknown path. A series' data is at /api/datasets/${id}/series/<seriesId>.csv.`);
  const seriesId = file.slice(0, -".csv".length);
  const query = parseQuery(seriesExportQuerySchema, request);
  const stored = await getSeriesPoints(seriesId);
  const dataset = stored?.datasetId === id ? await getDataset(id) : null;
  if (!stored || !dataset) throw new HttpError(404, `Dataset \`${id}\` has no series with id \`${seriesId}\`.`);
  const csv = toSeriesCsvChunks(
    { name: stored.series.name, timeColumn: dataset.ingest?.timeColumn, timeFormat: stored.series.timeFormat, points: stored },
    query.format,
  );
  const fileName = toExportFileName({ dataset: dataset.name, series: [stored.series.name], kind: query.format === "excel" ? "data-excel" : "data", extension: "csv" });
  return new Response(streamText(csv), { headers: { "Content-Type": CSV_CONTENT_TYPE, "Content-Disposition": toContentDisposition(fileName) } });
});

export const { OPTIONS, notAllowed: POST, notAllowed: PUT, notAllowed: PATCH, notAllowed: DELETE } = routeMethods("GET");
