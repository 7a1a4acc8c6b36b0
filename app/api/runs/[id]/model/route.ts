import { handle, HttpError, methodNotAllowed } from "@/lib/server/http";
import { getRunModel } from "@/lib/server/runs";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** The run's trained model, as lib/forecast's encodeSavedModel bytes (decodeSavedModel reads them). */
export const GET = handle(async (_request: Request, { params }: Context) => {
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

const notAllowed = methodNotAllowed("GET");
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
