import { fail, ok, type Result } from "../result";

export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be";

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** File signatures of things people drop by mistake instead of a CSV. */
const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: "a ZIP archive (or an .xlsx workbook)" },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], what: "a JPEG image" },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: "a GIF image" },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: "a PDF document" },
  { bytes: [0x1f, 0x8b], what: "a gzip archive" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: "an old Excel (.xls) workbook" },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: "an SQLite database" },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * Turns an uploaded file's bytes into text: UTF-8 (with or without BOM) or UTF-16 with a BOM
 * (Excel's "Unicode text" export). Refuses binary files with a sentence saying what they are.
 */
export function decodeText(bytes: Uint8Array): Result<DecodedText> {
  if (bytes.length === 0) return fail("The file is empty. Choose a CSV file with a header row and at least one data row.");
  for (const { bytes: signature, what } of SIGNATURES) {
    if (startsWith(bytes, signature)) {
      return fail(`This file is ${what}, not a CSV text file. Export or save it as CSV and upload that.`);
    }
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return ok({ text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" });
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return ok({ text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" });
  }
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  // NUL bytes never occur in UTF-8 text; a few in the first kilobytes mean a binary file.
  const head = bytes.subarray(0, 8192);
  let nul = 0;
  for (const b of head) if (b === 0) nul++;
  if (nul > 0) {
    return fail("This file is binary, not CSV text. Export or save it as CSV (comma- or semicolon-separated) and upload that.");
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bom ? bytes.subarray(3) : bytes);
  } catch {
    // Legacy Windows exports: Latin-1 keeps every byte readable rather than refusing the file.
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  return ok({ text, encoding: bom ? "utf-8-bom" : "utf-8" });
}
