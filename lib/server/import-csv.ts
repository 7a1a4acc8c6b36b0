import { decodeText } from "../csv/decode-text";
import { readDataset } from "../csv/read-dataset";
import type { DatasetDto, ImportOptions } from "../series/schema";
import { createDataset } from "./datasets";
import { HttpError } from "./http";

/** File name without folders and extension: the default dataset name. */
export function nameFromFile(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.(csv|tsv|txt)$/i, "").trim() || "Untitled dataset";
}

/**
 * Reads an uploaded CSV and stores it as a dataset, or throws an HttpError (422) whose message
 * names the row and the problem. Nothing is stored unless the whole file is valid.
 */
export async function importCsv(bytes: Uint8Array, fileName: string | null, options: ImportOptions): Promise<DatasetDto> {
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new HttpError(422, decoded.reason);
  const { name, ...readOptions } = options;
  const parsed = readDataset(decoded.data.text, readOptions);
  if (!parsed.ok) throw new HttpError(422, parsed.reason);
  return createDataset({
    name: name ?? (fileName ? nameFromFile(fileName) : "Untitled dataset"),
    fileName,
    encoding: decoded.data.encoding,
    parsed: parsed.data,
  });
}
