import { toContentDisposition } from "@/lib/export/file-name";
import { chartExportQuerySchema } from "@/lib/series/export-schema";
import { handle, parseQuery, routeMethods } from "@/lib/server/http";
import { getRunChart } from "@/lib/server/run-chart";
import { readRequestTimeZone } from "@/lib/time/time-zone-cookie";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/**
 * A run's forecast chart as an SVG drawing: one series (`?series=` name or id, default the first),
 * its history, the forecast of `?method=` with the 80% and 95% bands. `?width=` and `?height=` size
 * the image (CSS pixels), `?history=all` draws the whole history instead of the recent part,
 * `?tz=` names the zone of the run's time (default: the app's cookie's, else the server's).
 */
export const GET = handle(async (request: Request, { params }: Context) => {
  const { id } = await params;
  const query = parseQuery(chartExportQuerySchema, request);
  const chart = await getRunChart(id, query, readRequestTimeZone(request.headers.get("cookie")));
  return new Response(chart.svg, { headers: { "Content-Type": "image/svg+xml; charset=utf-8", "Content-Disposition": toContentDisposition(chart.fileName("svg")) } });
});

export const { OPTIONS, notAllowed: POST, notAllowed: PUT, notAllowed: PATCH, notAllowed: DELETE } = routeMethods("GET");
