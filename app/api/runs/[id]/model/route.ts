import { handle, HttpError, NO_QUERY, parseQuery, routeMethods } from "@/lib/server/http";
import { getRunModel } from "@/lib/server/runs";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** The run's trained model, as lib/forecast's encodeSavedModel bytes (decodeSavedModel reads them). */
export const GET = handle(async (request: Request, { params }: Context) => {
  parseQuery(NO_QUERY, request);
  const { id } = await params;
  const model = await getRunModel(id);
  if (!model) throw new HttpError(404, `Run \`${id}\` has no saved model.`);
  return new Response(model, {
    headers: {
      "Content-Type": "application/octet-stream",
      "Content-Disposition": `attachment; filename="tidecast-run-${id}.model"`,
      "Cache-Control": "private, max-age=31536000, immutable",
    },
  });
});

export const { OPTIONS, notAllowed: POST, notAllowed: PUT, notAllowed: PATCH, notAllowed: DELETE } = routeMethods("GET");
