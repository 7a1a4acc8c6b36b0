import { datasetListQuerySchema, importOptionsSchema, uploadQuerySchema } from "@/lib/series/schema";
import { findDatasets } from "@/lib/series/to-dataset-page";
import { listDatasets } from "@/lib/server/datasets";
import { handle, HttpError, parseQuery, parseRequest, parseRequestJson, routeMethods } from "@/lib/server/http";
import { importCsv, toServerTiming, type ImportTimings } from "@/lib/server/import-csv";
import { CUT_OFF_MESSAGE, limitBytes, maxUploadBytes, readLimitedForm, tooLargeMessage } from "@/lib/server/upload-limit";

export const dynamic = "force-dynamic";

/**
 * The datasets, newest first (or `?sort=name` / `points`), those whose name or file name holds
 * `?find=` when given, and `total`, how many match; `?limit=25&offset=50` for a page.
 */
export const GET = handle(async (request: Request) => {
  const query = parseQuery(datasetListQuerySchema, request);
  const matching = findDatasets(await listDatasets(), query.find?.trim() ?? "", query.sort ?? "newest");
  const offset = query.offset ?? 0;
  return Response.json({ datasets: matching.slice(offset, query.limit === undefined ? undefined : offset + query.limit), total: matching.length });
});

/** Body types sent as the CSV itself (streamed), rather than as a multipart form. */
const RAW_TYPES = ["text/csv", "text/plain", "text/tab-separated-values", "application/octet-stream"];

function parseOptions(raw: string | null, name: string | null) {
  let json: unknown = {};
  if (raw !== null && raw.trim() !== "") {
    json = parseRequestJson(raw, "The `options` field is not valid JSON.");
    if (json !== null && (typeof json !== "object" || Array.isArray(json))) {
      throw new HttpError(422, 'The `options` field must be a JSON object, such as {"decimal": ","}.');
    }
  }
  const sentName = name !== null && name.trim() !== "";
  // The name is its own field (or query parameter) whenever one was sent: a problem with it is not the options'.
  if (sentName) parseRequest(importOptionsSchema.pick({ name: true }), { name });
  return parseRequest(importOptionsSchema, { ...(json as object), ...(sentName ? { name } : {}) }, { what: "The `options` field", owner: "`options`" });
}

function sizeErrors(limit: number) {
  return { tooLarge: () => new HttpError(413, tooLargeMessage(limit)), cutOff: () => new HttpError(400, CUT_OFF_MESSAGE) };
}

function created(dataset: { id: string }, timings: ImportTimings): Response {
  return Response.json(dataset, {
    status: 201,
    headers: { Location: `/api/datasets/${dataset.id}`, "Server-Timing": toServerTiming(timings) },
  });
}

/**
 * Upload a CSV. Two ways in, the same import:
 * - multipart/form-data with the file in `file`, optional `name` and `options` (JSON) fields;
 * - the CSV itself as the body (`Content-Type: text/csv`), with `name`, `fileName` and `options`
 *   as query parameters: decoded and parsed while it arrives, never buffered whole.
 */
export const POST = handle(async (request: Request) => {
  const limit = maxUploadBytes();
  // Refuse oversized uploads before reading them (the multipart envelope adds a little).
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit + 64 * 1024) throw new HttpError(413, tooLargeMessage(limit));

  const contentType = (request.headers.get("content-type") ?? "").toLowerCase();
  if (RAW_TYPES.some((type) => contentType.startsWith(type))) {
    const query = parseQuery(uploadQuerySchema, request);
    const options = parseOptions(query.options ?? null, query.name ?? null);
    if (!request.body) throw new HttpError(422, "The file is empty. Choose a CSV file with a header row and at least one data row.");
    const body = limitBytes(request.body, limit, sizeErrors(limit));
    const timings: ImportTimings = {};
    const dataset = await importCsv(body, query.fileName ?? null, options, timings);
    return created(dataset, timings);
  }

  if (!contentType.includes("multipart/form-data")) {
    throw new HttpError(400, "Send the CSV as multipart/form-data with the file in a field named `file`, or as the body with Content-Type text/csv.");
  }
  // Only the form's fields count here: `?name=Sales` beside a form was dropped without a word.
  const sent = [...new Set(new URL(request.url).searchParams.keys())];
  if (sent.length > 0) {
    throw new HttpError(422, `A form upload takes no query parameters (${sent.map((key) => `\`${key}\``).join(", ")} ${sent.length === 1 ? "was" : "were"} sent): send them as form fields beside \`file\`.`);
  }
  const timings: ImportTimings = {};
  const receiving = performance.now();
  // The envelope (boundaries, the other fields) adds a little to the file's own size.
  const form = await readLimitedForm(request, limit + 64 * 1024, {
    ...sizeErrors(limit),
    unreadable: () => new HttpError(400, "The upload could not be read as multipart/form-data. Send the CSV in a field named `file`."),
  });
  timings.receive = performance.now() - receiving;
  const file = form.get("file");
  if (!(file instanceof File)) throw new HttpError(400, "No file was sent. Put the CSV in a form field named `file`.");
  if (file.size > limit) throw new HttpError(413, tooLargeMessage(limit));
  const rawOptions = form.get("options");
  const name = form.get("name");
  const options = parseOptions(typeof rawOptions === "string" ? rawOptions : null, typeof name === "string" ? name : null);
  const dataset = await importCsv(file, file.name || null, options, timings);
  return created(dataset, timings);
});

export const { OPTIONS, notAllowed: PUT, notAllowed: PATCH, notAllowed: DELETE } = routeMethods("GET", "POST");
