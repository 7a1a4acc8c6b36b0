import { deleteDataset, getDataset } from "@/lib/server/datasets";
import { cancelDatasetForecasts } from "@/lib/server/forecast-jobs";
import { handle, HttpError, NO_QUERY, parseQuery, routeMethods } from "@/lib/server/http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = handle(async (request: Request, { params }: Context) => {
  parseQuery(NO_QUERY, request);
  const { id } = await params;
  const dataset = await getDataset(id);
  if (!dataset) throw new HttpError(404, `There is no dataset with id \`${id}\`.`);
  return Response.json(dataset);
});

/** Deletes a dataset with its series, points and runs (server-side runs still training are ended). */
export const DELETE = handle(async (request: Request, { params }: Context) => {
  parseQuery(NO_QUERY, request);
  const { id } = await params;
  cancelDatasetForecasts(id);
  if (!(await deleteDataset(id))) throw new HttpError(404, `There is no dataset with id \`${id}\`.`);
  return new Response(null, { status: 204 });
});

export const { OPTIONS, notAllowed: POST, notAllowed: PUT, notAllowed: PATCH } = routeMethods("GET", "DELETE");
