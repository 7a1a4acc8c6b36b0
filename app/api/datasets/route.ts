import { importOptionsSchema } from "@/lib/series/schema";
import { listDatasets } from "@/lib/server/datasets";
import { handle, HttpError } from "@/lib/server/http";
import { importCsv } from "@/lib/server/import-csv";
import { maxUploadBytes, tooLargeMessage } from "@/lib/server/upload-limit";

export const dynamic = "force-dynamic";

export const GET = handle(async () => Response.json({ datasets: await listDatasets() }));

export const POST = handle(async (request: Request) => {
  const limit = maxUploadBytes();
  // Refuse oversized uploads before reading them (the multipart envelope adds a little).
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit + 64 * 1024) throw new HttpError(413, tooLargeMessage(limit));

  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.includes("multipart/form-data")) {
    throw new HttpError(400, "Send the CSV as multipart/form-data with the file in a field named `file`.");
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new HttpError(400, "The upload could not be read as multipart/form-data. Send the CSV in a field named `file`.");
  }
  const file = form.get("file");
  if (!(file instanceof File)) throw new HttpError(400, "No file was sent. Put the CSV in a form field named `file`.");
  if (file.size > limit) throw new HttpError(413, tooLargeMessage(limit));

  const rawOptions = form.get("options");
  let optionsJson: unknown = {};
  if (typeof rawOptions === "string" && rawOptions.trim() !== "") {
    try {
      optionsJson = JSON.parse(rawOptions);
    } catch {
      throw new HttpError(400, "The `options` field is not valid JSON.");
    }
  }
  const name = form.get("name");
  const options = importOptionsSchema.parse({
    ...(optionsJson as object),
    ...(typeof name === "string" && name.trim() !== "" ? { name } : {}),
  });
  const dataset = await importCsv(file, file.name || null, options);
  return Response.json(dataset, { status: 201, headers: { Location: `/api/datasets/${dataset.id}` } });
});
