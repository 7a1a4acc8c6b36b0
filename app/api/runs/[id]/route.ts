import { handle, HttpError, NO_QUERY, parseQuery, routeMethods } from "@/lib/server/http";
import { cancelForecast } from "@/lib/server/forecast-jobs";
import { requireRun } from "@/lib/server/run-exports";
import { deleteRun } from "@/lib/server/runs";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/**
 * A saved run: settings, metrics, losses and forecasts (the model is at ./model.zip); a server-side run
 * that has no result yet: its status (queued, running, failed) with its progress or the reason.
 */
export const GET = handle(async (request: Request, { params }: Context) => {
  parseQuery(NO_QUERY, request);
  const { id } = await params;
  return Response.json(await requireRun(id));
});

/** Deletes a run; a server-side run still training is ended first. */
export const DELETE = handle(async (request: Request, { params }: Context) => {
  parseQuery(NO_QUERY, request);
  const { id } = await params;
  cancelForecast(id);
  if (!(await deleteRun(id))) throw new HttpError(404, `There is no run with id \`${id}\`.`);
  return new Response(null, { status: 204 });
});

export const { OPTIONS, notAllowed: POST, notAllowed: PUT, notAllowed: PATCH } = routeMethods("GET", "DELETE");
