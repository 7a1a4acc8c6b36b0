import { nameFromFileName } from "../csv/describe-dialect";
import { readDatasetBlob } from "../csv/read-blob";
import type { DatasetDto, ImportOptions } from "../series/schema";
import { createDataset } from "./datasets";
import { HttpError } from "./http";

/** File name without folders and extension: the default dataset name. */
export const nameFromFile = nameFromFileName;

/**
 * Reads an uploaded CSV and stores it as a dataset, or throws an HttpError (422) whose message
 * names the row and the problem. Nothing is stored unless the whole file is valid, and the file is
 * decoded and parsed a chunk at a time (never one string of the whole file).
 * @param file the upload (a File from the form) or its bytes
 */
export async function importCsv(file: Blob | Uint8Array, fileName: string | null, options: ImportOptions): Promise<DatasetDto> {
  const blob = file instanceof Blob ? file : new Blob([file as Uint8Array<ArrayBuffer>]);
  const { name, ...readOptions } = options;
  const read = await readDatasetBlob(blob, readOptions);
  if (!read.ok) throw new HttpError(422, read.reason);
  return createDataset({
    name: name ?? (fileName ? nameFromFile(fileName) : "Untitled dataset"),
    fileName,
    encoding: read.data.encoding,
    parsed: read.data.parsed,
  });
}
