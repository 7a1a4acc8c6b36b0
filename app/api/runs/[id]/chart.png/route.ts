import { toContentDisposition } from "@/lib/export/file-name";
import { chartExportQuerySchema } from "@/lib/series/export-schema";
import { toChartPng } from "@/lib/server/chart-png";
import { handle, parseQuery, routeMethods } from "@/lib/server/http";
import { getRunChart } from "@/lib/server/run-chart";
import { readRequestTimeZone } from "@/lib/time/time-zone-cookie";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** A run's forecast chart as a PNG: chart.svg's drawing (same parameters) at twice its size in pixels. */
export const GET = handle(async (request: Request, { params }: Context) => {
  const { id } = await params;
  const query = parseQuery(chartExportQuerySchema, request);
  const chart = await getRunChart(id, query, readRequestTimeZone(request.headers.get("cookie")));
  const png = await toChartPng(chart.svg);
  return new Response(png, { headers: { "Content-Type": "image/png", "Content-Disposition": toContentDisposition(chart.fileName("png")) } });
});

export const { OPTIONS, notAllowed: POST, notAllowed: PUT, notAllowed: PATCH, notAllowed: DELETE } = routeMethods("GET");
