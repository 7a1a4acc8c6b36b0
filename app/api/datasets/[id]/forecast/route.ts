import { startForecastSchema } from "@/lib/series/run-schema";
import { handle, HttpError, NO_QUERY, parseQuery, parseRequest, parseRequestJson, routeMethods } from "@/lib/server/http";
import { startForecast } from "@/lib/server/start-forecast";
import { readLimitedText } from "@/lib/server/upload-limit";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** The JSON body is a few settings: anything bigger is not one. */
const MAX_BODY_BYTES = 64 * 1024;
const TOO_LARGE = `The request body is over ${MAX_BODY_BYTES / 1024} kB; it holds only a few settings (seriesIds, horizon, seasonLength, mode, config, leaveOut).`;

/**
 * Starts the forecaster on the server (the CLI's code path, wasm in a worker thread) for scripted
 * use. Body (JSON, every field optional): `seriesIds`, `horizon`, `seasonLength`, `mode`, `config`, `leaveOut`.
 * Answers 202 at once with the queued run; GET /api/runs/<id> reports its status and progress
 * until it is done (or failed, with the reason).
 */
export const POST = handle(async (request: Request, { params }: Context) => {
  // Settings go in the body: `?horizon=12` was ignored, and the run started with the automatic horizon.
  parseQuery(NO_QUERY, request);
  const { id } = await params;
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) throw new HttpError(413, TOO_LARGE);
  const text = await readLimitedText(request, MAX_BODY_BYTES, {
    tooLarge: () => new HttpError(413, TOO_LARGE),
    cutOff: () => new HttpError(400, "The request was cut off before its body all arrived, so no run was started. Send it again."),
  });
  const json = text.trim() === "" ? {} : parseRequestJson(text, 'The body is not valid JSON. Send e.g. {"horizon": 12}, or no body for the automatic settings.');
  const started = await startForecast(id, parseRequest(startForecastSchema, json));
  if (!started.ok) throw new HttpError(started.status, started.reason);
  return Response.json(started.data, { status: 202, headers: { Location: `/api/runs/${started.data.id}` } });
});

export const { OPTIONS, notAllowed: GET, notAllowed: PUT, notAllowed: PATCH, notAllowed: DELETE } = routeMethods("POST");
