import { deleteDataset, getDataset } from "@/lib/server/datasets";
import { handle, HttpError } from "@/lib/server/http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = handle(async (_request: Request, { params }: Context) => {
  const { id } = await params;
  const dataset = await getDataset(id);
  if (!dataset) throw new HttpError(404, `There is no dataset with id \`${id}\`.`);
  return Response.json(dataset);
});

export const DELETE = handle(async (_request: Request, { params }: Context) => {
  const { id } = await params;
  if (!(await deleteDataset(id))) throw new HttpError(404, `There is no dataset with id \`${id}\`.`);
  return new Response(null, { status: 204 });
});
