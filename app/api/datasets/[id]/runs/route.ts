import { runListQuerySchema, saveRunSchema } from "@/lib/series/run-schema";
import { getDataset } from "@/lib/server/datasets";
import { handle, HttpError, NO_QUERY, parseQuery, parseRequest, parseRequestJson, routeMethods } from "@/lib/server/http";
import { createRun, isSavedModelBytes, listRuns, MAX_MODEL_BYTES } from "@/lib/server/runs";
import { readLimitedForm } from "@/lib/server/upload-limit";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

const MB = 1024 * 1024;
/** A whole upload: the model plus the run's JSON (forecasts, backtest folds, loss curves of every epoch). */
const MAX_RUN_BYTES = MAX_MODEL_BYTES + 32 * MB;

const tooLarge = () =>
  new HttpError(413, `The run is too large to save (over ${MAX_RUN_BYTES / MB} MB). Train with fewer units, layers or ensemble members.`);

/**
 * The dataset's saved runs, newest first (or `?sort=mase`: best first), each with its headline MASE,
 * and `total`, their number; `?limit=20&offset=40` for a page.
 */
export const GET = handle(async (request: Request, { params }: Context) => {
  const query = parseQuery(runListQuerySchema, request);
  const { id } = await params;
  if (!(await getDataset(id))) throw new HttpError(404, `There is no dataset with id \`${id}\`.`);
  return Response.json(await listRuns(id, query));
});

/**
 * Saves a finished run from the browser: multipart/form-data with `run` (JSON, saveRunSchema) and
 * `model` (the encodeSavedModel bytes, optional).
 */
export const POST = handle(async (request: Request, { params }: Context) => {
  parseQuery(NO_QUERY, request);
  const { id } = await params;
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > MAX_RUN_BYTES) throw tooLarge();
  const form = await readLimitedForm(request, MAX_RUN_BYTES, {
    tooLarge,
    cutOff: () => new HttpError(400, "The run was cut off before it all arrived, so nothing was saved. Save it again."),
    unreadable: () => new HttpError(400, "Send the run as multipart/form-data with the fields `run` (JSON) and `model` (bytes)."),
  });
  const runField = form.get("run");
  if (runField instanceof Blob) throw new HttpError(400, "The field `run` must be text (the run as JSON), not a file.");
  if (runField === null) throw new HttpError(400, "The field `run` (the run as JSON) is missing.");
  // Text where the model's bytes belong would otherwise be dropped, and the run saved without its model.
  const modelField = form.get("model");
  if (typeof modelField === "string") throw new HttpError(400, "The field `model` must be the model file's bytes (a file part), not text.");
  const input = parseRequest(saveRunSchema, parseRequestJson(runField, "The field `run` is not valid JSON."), { owner: "`run`" });

  let model: Uint8Array | null = null;
  if (modelField instanceof Blob) {
    if (modelField.size > MAX_MODEL_BYTES) {
      throw new HttpError(413, `The model is larger than ${MAX_MODEL_BYTES / MB} MB. Train with fewer units, layers or ensemble members.`);
    }
    model = new Uint8Array(await modelField.arrayBuffer());
    if (!isSavedModelBytes(model)) throw new HttpError(422, "The field `model` is not a saved Tidecast model (encodeSavedModel bytes).");
  }

  const saved = await createRun(id, input, model);
  if (!saved.ok) throw new HttpError(saved.status, saved.reason);
  return Response.json(saved.data, { status: 201, headers: { Location: `/api/runs/${saved.data.id}` } });
});

export const { OPTIONS, notAllowed: PUT, notAllowed: PATCH, notAllowed: DELETE } = routeMethods("GET", "POST");
