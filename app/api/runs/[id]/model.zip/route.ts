import { toContentDisposition, toExportFileName } from "@/lib/export/file-name";
import { toModelZip } from "@/lib/export/model-files";
import { getDataset } from "@/lib/server/datasets";
import { handle, HttpError, NO_QUERY, parseQuery, routeMethods } from "@/lib/server/http";
import { requireRun } from "@/lib/server/run-exports";
import { getRunModel } from "@/lib/server/runs";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/**
 * The run's trained model as the page's "Download model" gives it: model.json and weights.bin in
 * one ZIP, which loads in TensorFlow.js and uploads again to forecast newer data. `/model` serves
 * the stored bytes, which only Tidecast reads.
 */
export const GET = handle(async (request: Request, { params }: Context) => {
  parseQuery(NO_QUERY, request);
  const { id } = await params;
  const run = await requireRun(id);
  const bytes = await getRunModel(id);
  if (!bytes) throw new HttpError(404, `Run \`${id}\` has no saved model${run.status === "done" || run.status === "stopped" ? "" : ` (it is ${run.status})`}.`);
  // The codec imports tfjs: loaded only when a model is asked for, as on the page.
  const { decodeSavedModel, toTfjsFiles } = await import("@/lib/forecast/saved-model");
  const dataset = await getDataset(run.datasetId);
  const fileName = toExportFileName({ dataset: dataset?.name ?? "", series: run.seriesNames, kind: "model", date: run.startedAt, extension: "zip" });
  return new Response(toModelZip(toTfjsFiles(decodeSavedModel(bytes))), {
    headers: { "Content-Type": "application/zip", "Content-Disposition": toContentDisposition(fileName) },
  });
});

export const { OPTIONS, notAllowed: POST, notAllowed: PUT, notAllowed: PATCH, notAllowed: DELETE } = routeMethods("GET");
