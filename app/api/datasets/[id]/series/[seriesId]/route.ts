import { toContentDisposition, toExportFileName } from "@/lib/export/file-name";
import { toSeriesCsvChunks } from "@/lib/export/series-csv";
import { CSV_CONTENT_TYPE } from "@/lib/export/to-csv";
import { seriesExportQuerySchema } from "@/lib/series/export-schema";
import { seriesUpdateSchema } from "@/lib/series/schema";
import { getDataset, getSeriesPoints, updateSeriesUnit } from "@/lib/server/datasets";
import { handle, HttpError, NO_QUERY, parseQuery, parseRequest, parseRequestJson, routeMethods, streamText } from "@/lib/server/http";
import { readLimitedText } from "@/lib/server/upload-limit";

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

/** The body is one short field: anything bigger is not one. */
const MAX_BODY_BYTES = 4 * 1024;
const TOO_LARGE = `The request body is over ${MAX_BODY_BYTES / 1024} kB; it holds only the series' unit, e.g. {"unit": "MW"}.`;

/**
 * PATCH /api/datasets/<id>/series/<seriesId> with `{"unit": "MW"}`: the unit of the series' values,
 * written on its charts' value axes, tooltips and chart images (`null` or "" removes it). Answers
 * the series as now stored.
 */
export const PATCH = handle(async (request: Request, { params }: Context) => {
  if (isCsv(request)) return methodsOf(request).notAllowed(request);
  parseQuery(NO_QUERY, request);
  const { id, seriesId } = await params;
  const text = await readLimitedText(request, MAX_BODY_BYTES, {
    tooLarge: () => new HttpError(413, TOO_LARGE),
    cutOff: () => new HttpError(400, "The request was cut off before its body all arrived, so nothing was changed. Send it again."),
  });
  const update = parseRequest(seriesUpdateSchema, parseRequestJson(text, 'The body is not valid JSON. Send e.g. {"unit": "MW"}, or {"unit": null} to remove it.'));
  const series = await updateSeriesUnit(id, seriesId, update.unit);
  if (!series) throw new HttpError(404, `Dataset \`${id}\` has no series with id \`${seriesId}\`.`);
  return Response.json(series);
});

// One route file, two addresses: the data `<seriesId>.csv` is read (GET), the series `<seriesId>` changed (PATCH).
const csvMethods = routeMethods("GET");
const seriesMethods = routeMethods("PATCH");
function isCsv(request: Request): boolean {
  return new URL(request.url).pathname.endsWith(".csv");
}
function methodsOf(request: Request) {
  return isCsv(request) ? csvMethods : seriesMethods;
}
const notAllowed = (request: Request) => methodsOf(request).notAllowed(request);

export const OPTIONS = (request: Request) => methodsOf(request).OPTIONS();
export const POST = notAllowed;
export const PUT = notAllowed;
export const DELETE = notAllowed;
