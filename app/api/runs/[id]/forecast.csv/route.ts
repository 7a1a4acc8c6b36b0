import { toContentDisposition, toExportFileName } from "@/lib/export/file-name";
import { toForecastCsv } from "@/lib/export/forecast-table";
import { CSV_CONTENT_TYPE } from "@/lib/export/to-csv";
import { forecastExportQuerySchema } from "@/lib/series/export-schema";
import { handle, parseQuery, routeMethods } from "@/lib/server/http";
import { getRunHistory, requireRunExport, toTimeFormats } from "@/lib/server/run-exports";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/**
 * A run's forecast as CSV: `timestamp,series,forecast,lower80,upper80,lower95,upper95`, one row per
 * step and series. `?history=1` adds the observed values (with a `type` column), `?format=excel`
 * writes semicolons and decimal commas, `?method=` picks one method for every series.
 */
export const GET = handle(async (request: Request, { params }: Context) => {
  const { id } = await params;
  const query = parseQuery(forecastExportQuerySchema, request);
  const { run, dataset } = await requireRunExport(id, query.method);
  const csv = toForecastCsv(run.series, {
    timeFormats: toTimeFormats(dataset),
    method: query.method,
    dialect: query.format,
    ...(query.history ? { history: await getRunHistory(run) } : {}),
  });
  const fileName = toExportFileName({
    dataset: dataset.name,
    series: run.seriesNames,
    kind: query.format === "excel" ? "forecast-excel" : "forecast",
    date: run.startedAt,
    extension: "csv",
  });
  return new Response(csv, { headers: { "Content-Type": CSV_CONTENT_TYPE, "Content-Disposition": toContentDisposition(fileName) } });
});

export const { OPTIONS, notAllowed: POST, notAllowed: PUT, notAllowed: PATCH, notAllowed: DELETE } = routeMethods("GET");
