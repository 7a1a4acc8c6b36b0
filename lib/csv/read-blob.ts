import { ok } from "../result";
import { coalesceChunks, decodeByteStream, readBlobChunks, type TextEncoding } from "./decode-text";
import { readDatasetChunks, type ParsedDataset, type ReadOptions, type ReadResult } from "./read-dataset";

export interface BlobDataset {
  parsed: ParsedDataset;
  encoding: TextEncoding;
}

/**
 * Reads a CSV that arrives as byte chunks (a request body) into series without ever holding its
 * whole text as one string: bytes are decoded and parsed as they come.
 * @param source the file's bytes, in order
 */
export async function readDatasetStream(source: AsyncIterable<Uint8Array>, options: ReadOptions = {}, collect = 0): Promise<ReadResult<BlobDataset>> {
  const decoding = await decodeByteStream(coalesceChunks(source));
  if (!decoding.ok) return decoding;
  const parsed = await readDatasetChunks(decoding.data.text, options, collect);
  return parsed.ok ? ok({ parsed: parsed.data, encoding: decoding.data.encoding() }) : parsed;
}

/**
 * Reads a CSV file (a File from a form, or any Blob) a megabyte at a time. Runs in Node (the
 * upload route) and in the browser (the preview worker) alike.
 * @param onProgress called with the share of the file read so far (0–1)
 * @param collect bad rows to keep after the first (the preview's); 0 stops at the first
 */
export async function readDatasetBlob(
  blob: Blob,
  options: ReadOptions = {},
  onProgress?: (share: number) => void,
  collect = 0,
): Promise<ReadResult<BlobDataset>> {
  return readDatasetStream(readBlobChunks(blob, onProgress), options, collect);
}
