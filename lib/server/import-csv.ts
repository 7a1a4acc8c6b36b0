import { datasetNameOf } from "../csv/describe-dialect";
import { readDatasetBlob, readDatasetStream, type BlobDataset } from "../csv/read-blob";
import type { Result } from "../result";
import { toNameText } from "../series/names";
import type { DatasetDto, ImportOptions } from "../series/schema";
import { createDataset } from "./datasets";
import { HttpError } from "./http";

/**
 * Reads an uploaded CSV and stores it as a dataset, or throws an HttpError (422) whose message
 * names the row and the problem. Nothing is stored unless the whole file is valid, and the file is
 * decoded and parsed a chunk at a time (never one string of the whole file).
 * @param file the upload: a File from a form, its bytes, or the request body's byte chunks
 * @param timings filled with the milliseconds spent reading (receive, decode, parse, check) and storing
 */
export async function importCsv(
  file: Blob | Uint8Array | AsyncIterable<Uint8Array>,
  fileName: string | null,
  options: ImportOptions,
  timings?: ImportTimings,
): Promise<DatasetDto> {
  const { name, ...readOptions } = options;
  const started = performance.now();
  let read: Result<BlobDataset>;
  if (file instanceof Blob) read = await readDatasetBlob(file, readOptions);
  else if (file instanceof Uint8Array) read = await readDatasetBlob(new Blob([file as Uint8Array<ArrayBuffer>]), readOptions);
  else read = await readDatasetStream(file, readOptions);
  if (!read.ok) throw new HttpError(422, read.reason);
  const readDone = performance.now();
  const dataset = await createDataset({
    name: name ?? datasetNameOf(read.data.parsed, fileName),
    // Shown on the dataset's page: the client's file name, kept to what a name may hold.
    fileName: fileName === null ? null : toNameText(fileName) || null,
    encoding: read.data.encoding,
    parsed: read.data.parsed,
  });
  if (timings) {
    timings.read = readDone - started;
    timings.store = performance.now() - readDone;
  }
  return dataset;
}

/** Where an import's time went, in milliseconds (sent back as a Server-Timing header). */
export interface ImportTimings {
  /** Receiving a multipart form whole (a streamed body is received while it is read). */
  receive?: number;
  read?: number;
  store?: number;
}

/** `read;dur=812.3, store;dur=95.1`: the Server-Timing header of an import. */
export function toServerTiming(timings: ImportTimings): string {
  return Object.entries(timings)
    .map(([name, ms]) => `${name};dur=${(ms as number).toFixed(1)}`)
    .join(", ");
}
