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

/** The length of the UTF-8 sequence a byte starts: 1 for ASCII, 2–4 for a lead byte, 0 for any other. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  return lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
}

/** The bytes at the end of a chunk that begin a UTF-8 sequence the chunk does not finish (0–3). */
function unfinishedTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] as number;
    if (byte < 0x80) return 0;
    if (byte >= 0xc0) return sequenceLength(byte) > back ? back : 0;
  }
  return 0;
}

/** Whether `bytes[at]` continues the sequence started `index` bytes before it by `lead` (the ranges that exclude overlong forms and surrogates). */
function continues(lead: number, index: number, byte: number): boolean {
  if (index === 1 && lead === 0xe0) return byte >= 0xa0 && byte <= 0xbf;
  if (index === 1 && lead === 0xed) return byte >= 0x80 && byte <= 0x9f;
  if (index === 1 && lead === 0xf0) return byte >= 0x90 && byte <= 0xbf;
  if (index === 1 && lead === 0xf4) return byte >= 0x80 && byte <= 0x8f;
  return byte >= 0x80 && byte <= 0xbf;
}

/**
 * Decodes UTF-8 in which some bytes are Windows-1252 (a cell pasted from an older export): every
 * valid UTF-8 sequence as UTF-8, every other byte as Windows-1252. A Windows-1252 file reads as
 * Windows-1252 (its accented letters before ASCII are never valid UTF-8), and a UTF-8 file with one
 * stray byte keeps its `°C` instead of turning into `Â°C`.
 * @param final false while more bytes follow: an unfinished sequence at the end is returned as `rest`
 */
function decodeMixedUtf8(bytes: Uint8Array, final: boolean): { text: string; rest: Uint8Array } {
  // Decoded by hand into UTF-16 code units, which one TextDecoder call turns into a string: a
  // string part per stray byte made a Windows-1252 file with an accent on every row 5x slower.
  const units = new Uint16Array(bytes.length);
  let n = 0;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      units[n++] = lead;
      i++;
      continue;
    }
    const length = sequenceLength(lead);
    let valid = length > 0;
    for (let k = 1; valid && k < length && i + k < bytes.length; k++) valid = continues(lead, k, bytes[i + k] as number);
    if (valid && i + length <= bytes.length) {
      let point = lead & (0xff >> (length + 1));
      for (let k = 1; k < length; k++) point = (point << 6) | ((bytes[i + k] as number) & 0x3f);
      if (point > 0xffff) {
        point -= 0x10000;
        units[n++] = 0xd800 + (point >> 10);
        units[n++] = 0xdc00 + (point & 0x3ff);
      } else units[n++] = point;
      i += length;
      continue;
    }
    if (valid && !final) break;
    // Not UTF-8: this byte is Windows-1252, and reading goes on from the next.
    units[n++] = lead <= 0x9f ? (CP1252_HIGH.charCodeAt(lead - 0x80) as number) : lead;
    i++;
  }
  return { text: new TextDecoder("utf-16le").decode(units.subarray(0, n)), rest: bytes.subarray(i) };
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
    // Legacy Windows exports, or a UTF-8 file with some of their bytes: every byte stays readable rather than refusing the file.
    return ok({ text: decodeMixedUtf8(body, true).text, encoding: "windows-1252" });
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
  const decoder = decoderFor(encoding);
  const utf8 = encoding === "utf-8" || encoding === "utf-8-bom";
  /** Bytes the UTF-8 decoder holds: the start of a sequence the last chunk did not finish. */
  let held: Uint8Array = new Uint8Array(0);
  const decode = (bytes: Uint8Array): string => {
    if (encoding === "windows-1252") {
      const mixed = decodeMixedUtf8(held.length > 0 ? concatBytes([held, bytes]) : bytes, false);
      held = mixed.rest;
      return mixed.text;
    }
    try {
      const text = decoder.decode(bytes, { stream: true });
      if (utf8) held = bytes.subarray(bytes.length - unfinishedTail(bytes));
      return text;
    } catch {
      // Not UTF-8 after all: a legacy Windows export, or a cell pasted from one. What came before
      // was valid UTF-8 and reads the same; from this chunk on (with what the decoder held of the
      // last), each byte that is no UTF-8 reads as Windows-1252, as decodeText reads the whole file.
      encoding = "windows-1252";
      return decode(bytes);
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
    const tail = encoding === "windows-1252" ? decodeMixedUtf8(held, true).text : decoder.decode();
    if (tail) yield tail;
  }
  return ok({ text: text(), encoding: () => encoding });
}
