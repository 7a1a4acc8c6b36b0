import { nameFromFileName } from "../csv/describe-dialect";
import { readDatasetBlob, readDatasetStream, type BlobDataset } from "../csv/read-blob";
import type { Result } from "../result";
import type { DatasetDto, ImportOptions } from "../series/schema";
import { createDataset } from "./datasets";
import { HttpError } from "./http";

/** File name without folders and extension: the default dataset name. */
export const nameFromFile = nameFromFileName;

/**
 * Reads an uploaded CSV and stores it as a dataset, or throws an HttpError (422) whose message
 * names the row and the problem. Nothing is stored unless the whole file is valid, and the file is
 * decoded and parsed a chunk at a time (never one string of the whole file).
 * @param file the upload: a File from a form, its bytes, or the request body's byte chunks
 */
export async function importCsv(
  file: Blob | Uint8Array | AsyncIterable<Uint8Array>,
  fileName: string | null,
  options: ImportOptions,
): Promise<DatasetDto> {
  const { name, ...readOptions } = options;
  let read: Result<BlobDataset>;
  if (file instanceof Blob) read = await readDatasetBlob(file, readOptions);
  else if (file instanceof Uint8Array) read = await readDatasetBlob(new Blob([file as Uint8Array<ArrayBuffer>]), readOptions);
  else read = await readDatasetStream(file, readOptions);
  if (!read.ok) throw new HttpError(422, read.reason);
  return createDataset({
    name: name ?? (fileName ? nameFromFile(fileName) : "Untitled dataset"),
    fileName,
    encoding: read.data.encoding,
    parsed: read.data.parsed,
  });
}
