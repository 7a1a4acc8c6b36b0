import { fail, ok, type Result } from "../result";
import { decodeBlob, NotUtf8Error, sniffEncoding, type SniffedEncoding, type TextEncoding } from "./decode-text";
import { readDatasetChunks, type ParsedDataset, type ReadOptions } from "./read-dataset";

export interface BlobDataset {
  parsed: ParsedDataset;
  encoding: TextEncoding;
}

const WINDOWS_1252: SniffedEncoding = { encoding: "windows-1252", bomLength: 0 };

/** The encoding of a file from its first bytes, or why it is not a CSV text file. */
export async function sniffBlobEncoding(blob: Blob): Promise<Result<SniffedEncoding>> {
  return sniffEncoding(new Uint8Array(await blob.slice(0, 8192).arrayBuffer()), blob.size);
}

/**
 * Reads a CSV file (a File from a form, or any Blob) into series without ever holding its whole
 * text as one string: bytes are decoded and parsed a megabyte at a time. Runs in Node (the upload
 * route) and in the browser (the preview worker) alike.
 * @param onProgress called with the share of the file read so far (0–1)
 */
export async function readDatasetBlob(
  blob: Blob,
  options: ReadOptions = {},
  onProgress?: (share: number) => void,
): Promise<Result<BlobDataset>> {
  const sniffed = await sniffBlobEncoding(blob);
  if (!sniffed.ok) return sniffed;
  const read = async (encoding: SniffedEncoding): Promise<Result<BlobDataset>> => {
    const parsed = await readDatasetChunks(decodeBlob(blob, encoding, onProgress), options);
    return parsed.ok ? ok({ parsed: parsed.data, encoding: encoding.encoding }) : fail(parsed.reason);
  };
  try {
    return await read(sniffed.data);
  } catch (error) {
    // Legacy Windows exports: Windows-1252 keeps every byte readable rather than refusing the file.
    if (error instanceof NotUtf8Error) return read(WINDOWS_1252);
    throw error;
  }
}
