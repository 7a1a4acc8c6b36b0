import { toContentDisposition, toExportFileName } from "@/lib/export/file-name";
import { toRunJson } from "@/lib/export/run-json";
import { runJsonQuerySchema } from "@/lib/series/export-schema";
import { handle, parseQuery, routeMethods } from "@/lib/server/http";
import { getRunHistory, requireRunExport, toTimeFormats } from "@/lib/server/run-exports";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/**
 * A run as one JSON document: settings, backtest metrics, losses and the forecast (`?method=` as for
 * the CSV); `?history=1` adds each series' stored values, as the CSV's history rows.
 */
export const GET = handle(async (request: Request, { params }: Context) => {
  const { id } = await params;
  const query = parseQuery(runJsonQuerySchema, request);
  const { run, dataset } = await requireRunExport(id, query.method);
  const json = toRunJson(run, {
    dataset,
    timeFormats: toTimeFormats(dataset),
    method: query.method,
    ...(query.history ? { history: await getRunHistory(run) } : {}),
  });
  const fileName = toExportFileName({ dataset: dataset.name, series: run.seriesNames, kind: "run", date: run.startedAt, extension: "json" });
  return Response.json(json, { headers: { "Content-Disposition": toContentDisposition(fileName) } });
});

export const { OPTIONS, notAllowed: POST, notAllowed: PUT, notAllowed: PATCH, notAllowed: DELETE } = routeMethods("GET");
