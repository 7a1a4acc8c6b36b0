import { fail, ok, type Result } from "../result";

export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252";

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

export interface SniffedEncoding {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
}

/**
 * Decides how a file's bytes are text from its first bytes: a BOM (UTF-8, UTF-16 LE/BE), UTF-16
 * told by its NUL bytes, else UTF-8.
 * Refuses empty and binary files (images, archives, workbooks) with a sentence saying what they are.
 * @param head the first bytes of the file (8 kB are plenty)
 * @param size the file's full size in bytes
 */
function sniffEncoding(head: Uint8Array, size = head.length): Result<SniffedEncoding> {
  if (size === 0) return fail("The file is empty. Choose a CSV file with a header row and at least one data row.");
  for (const { bytes: signature, what } of SIGNATURES) {
    if (startsWith(head, signature)) {
      return fail(`This file is ${what}, not a CSV text file. Export or save it as CSV and upload that.`);
    }
  }
  if (startsWith(head, [0xff, 0xfe])) return ok({ encoding: "utf-16le", bomLength: 2 });
  if (startsWith(head, [0xfe, 0xff])) return ok({ encoding: "utf-16be", bomLength: 2 });
  const bom = startsWith(head, [0xef, 0xbb, 0xbf]);
  const unmarked = bom ? null : utf16WithoutBom(head.subarray(0, 8192));
  if (unmarked) return ok({ encoding: unmarked, bomLength: 0 });
  // NUL bytes never occur in UTF-8 text; a few in the first kilobytes mean a binary file. Nor do
  // many other control characters (text has tabs, line breaks, at most a stray form feed or escape).
  const sample = head.subarray(0, 8192);
  let controls = 0;
  for (const byte of sample) if (byte < 9 || (byte > 13 && byte < 32)) controls++;
  if (sample.includes(0) || controls > sample.length / 100) {
    return fail("This file is binary, not CSV text. Export or save it as CSV (comma- or semicolon-separated) and upload that.");
  }
  return ok({ encoding: bom ? "utf-8-bom" : "utf-8", bomLength: bom ? 3 : 0 });
}

/**
 * UTF-16 written without a byte-order mark (SQL Server's `bcp -w`, some loggers), told by its
 * NUL bytes: Latin-script text is, nearly character for character, a byte of text beside a NUL,
 * the NUL second (little-endian) or first (big-endian). Binary data has no such rhythm.
 * @param sample the file's first bytes
 */
function utf16WithoutBom(sample: Uint8Array): "utf-16le" | "utf-16be" | null {
  const pairs = sample.length >> 1;
  if (pairs < 8) return null;
  const isText = (byte: number) => byte === 9 || byte === 10 || byte === 13 || byte >= 32;
  let little = 0;
  let big = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    const [first, second] = [sample[i] as number, sample[i + 1] as number];
    if (second === 0 && isText(first)) little++;
    else if (first === 0 && isText(second)) big++;
  }
  if (little >= 0.9 * pairs) return "utf-16le";
  if (big >= 0.9 * pairs) return "utf-16be";
  return null;
}

/** Windows-1252's characters at bytes 0x80–0x9f (where Latin-1 has control codes); `\ufffd` = unassigned. */
const CP1252_HIGH =
  "\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd" +
  "\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178";

/**
 * Fixes text decoded as Windows-1252: Node 20's one-shot decoder treats it as Latin-1 and leaves
 * 0x80–0x9f as control codes (`€` would come out as U+0080).
 */
function fixWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/** The WHATWG decoder label of an encoding. */
function decoderLabel(encoding: TextEncoding): string {
  return encoding === "utf-8-bom" ? "utf-8" : encoding;
}

/**
 * Turns an uploaded file's bytes into text: UTF-8 (with or without BOM) or UTF-16 with a BOM
 * (Excel's "Unicode text" export). Refuses binary files with a sentence saying what they are.
 */
export function decodeText(bytes: Uint8Array): Result<DecodedText> {
  const sniffed = sniffEncoding(bytes);
  if (!sniffed.ok) return sniffed;
  const { encoding, bomLength } = sniffed.data;
  const body = bytes.subarray(bomLength);
  if (encoding === "utf-16le" || encoding === "utf-16be") return ok({ text: new TextDecoder(encoding).decode(body), encoding });
  try {
    return ok({ text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body), encoding });
  } catch {
    // Legacy Windows exports: Latin-1 keeps every byte readable rather than refusing the file.
    return ok({ text: fixWindows1252(new TextDecoder("windows-1252").decode(bytes)), encoding: "windows-1252" });
  }
}

/** Bytes read from a file at a time when streaming it. */
const BLOB_CHUNK = 1 << 20;
/** Bytes that encoding detection looks at. */
const HEAD_BYTES = 8192;

/**
 * A Blob (an uploaded File) as byte chunks of 1 MB.
 * @param onProgress called with the share of bytes read so far (0–1)
 */
export async function* readBlobChunks(blob: Blob, onProgress?: (share: number) => void): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < blob.size; at += BLOB_CHUNK) {
    const bytes = new Uint8Array(await blob.slice(at, at + BLOB_CHUNK).arrayBuffer());
    onProgress?.(Math.min(1, (at + bytes.length) / blob.size));
    yield bytes;
  }
}

/** Bytes the CSV parser takes at a time from a request body, after the first piece. */
const BODY_PIECE = 64 * 1024;

/**
 * Joins small chunks (a request body arrives in pieces of 16–64 kB) into pieces of at least
 * `firstSize` bytes for the first and `size` after it, so the CSV parser does not run on many
 * small ones. The first piece is a megabyte, as a file's first chunk is, so the head that
 * detection reads is the same however a file arrives. After it, pieces of 64 kB rather than a
 * megabyte: measured on the 1M-row bench:ingest file, 5-10 % less CPU to decode and read
 * (64 kB strings are young-generation objects; megabyte ones are large objects, collected only
 * by full collections).
 */
export async function* coalesceChunks(source: AsyncIterable<Uint8Array>, size = BODY_PIECE, firstSize = BLOB_CHUNK): AsyncGenerator<Uint8Array> {
  let pending: Uint8Array[] = [];
  let pendingSize = 0;
  let target = firstSize;
  for await (const chunk of source) {
    pending.push(chunk);
    pendingSize += chunk.length;
    if (pendingSize >= target) {
      yield concatBytes(pending);
      pending = [];
      pendingSize = 0;
      target = size;
    }
  }
  if (pendingSize > 0) yield concatBytes(pending);
}

export interface DecodingStream {
  /** The text, chunk by chunk, without the BOM. */
  text: AsyncGenerator<string>;
  /** The encoding used; `windows-1252` once UTF-8 decoding met bytes that are not UTF-8. */
  encoding: () => TextEncoding;
}

function concatBytes(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * Decodes bytes that arrive in chunks (a request body, a file read piece by piece) into text
 * chunks, never holding the whole text as one string. The encoding is sniffed from the first
 * 8 kB; empty and binary files are refused there, before any text is produced.
 */
export async function decodeByteStream(source: AsyncIterable<Uint8Array>): Promise<Result<DecodingStream>> {
  const iterator = source[Symbol.asyncIterator]();
  const headChunks: Uint8Array[] = [];
  let headSize = 0;
  let ended = false;
  while (headSize < HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    headChunks.push(next.value);
    headSize += next.value.length;
  }
  const head = concatBytes(headChunks);
  const sniffed = sniffEncoding(head, ended ? head.length : head.length + 1);
  if (!sniffed.ok) {
    await iterator.return?.();
    return sniffed;
  }
  let encoding: TextEncoding = sniffed.data.encoding;
  const decoderFor = (which: TextEncoding) =>
    new TextDecoder(decoderLabel(which), { fatal: which === "utf-8" || which === "utf-8-bom", ignoreBOM: true });
  let decoder = decoderFor(encoding);
  const decode = (bytes: Uint8Array): string => {
    if (encoding === "windows-1252") return fixWindows1252(decoder.decode(bytes, { stream: true }));
    try {
      return decoder.decode(bytes, { stream: true });
    } catch {
      // Not UTF-8 after all: a legacy Windows export. What came before was plain ASCII (or valid
      // UTF-8) and reads the same; go on in Windows-1252 from this chunk, which keeps every byte.
      encoding = "windows-1252";
      decoder = decoderFor(encoding);
      return fixWindows1252(decoder.decode(bytes, { stream: true }));
    }
  };
  async function* text(): AsyncGenerator<string> {
    const first = decode(head.subarray(sniffed.ok ? sniffed.data.bomLength : 0));
    if (first) yield first;
    if (!ended) {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        const chunk = decode(next.value);
        if (chunk) yield chunk;
      }
    }
    const tail = decoder.decode();
    if (tail) yield encoding === "windows-1252" ? fixWindows1252(tail) : tail;
  }
  return ok({ text: text(), encoding: () => encoding });
}
