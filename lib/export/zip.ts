import { fail, ok, type Result } from "../result";

/**
 * A small ZIP writer and reader (PKWARE APPNOTE 6.3), enough to hand a saved model's two tfjs files
 * (model.json, weights.bin) to an analyst as one download and to take them back. Written here
 * rather than added as a dependency: the writer stores files uncompressed (float32 weights hardly
 * compress), the reader also inflates entries that an archiver re-compressed (DecompressionStream,
 * in browsers and Node alike). No ZIP64: a model is far below 4 GB.
 */

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3), as ZIP stores it. */
export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = (CRC_TABLE[(crc ^ (data[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** DOS date and time of a Date (ZIP's timestamps, local wall clock, 2-second steps). */
function dosTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: (Math.max(0, date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/**
 * A ZIP archive of the entries, stored uncompressed, names in UTF-8.
 * @param modified the files' modification time (default now)
 */
export function toZip(entries: ZipEntry[], modified = new Date()): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder();
  const stamp = dosTime(modified);
  const files = entries.map((e) => ({ ...e, nameBytes: encoder.encode(e.name), crc: crc32(e.data) }));
  const localSize = files.reduce((sum, f) => sum + 30 + f.nameBytes.length + f.data.length, 0);
  const centralSize = files.reduce((sum, f) => sum + 46 + f.nameBytes.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  for (const f of files) {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    view.setUint16(at + 4, 20, true); // version needed: 2.0
    view.setUint16(at + 6, 0x0800, true); // names are UTF-8
    view.setUint16(at + 8, 0, true); // stored
    view.setUint16(at + 10, stamp.time, true);
    view.setUint16(at + 12, stamp.date, true);
    view.setUint32(at + 14, f.crc, true);
    view.setUint32(at + 18, f.data.length, true);
    view.setUint32(at + 22, f.data.length, true);
    view.setUint16(at + 26, f.nameBytes.length, true);
    view.setUint16(at + 28, 0, true);
    out.set(f.nameBytes, at + 30);
    out.set(f.data, at + 30 + f.nameBytes.length);
    at += 30 + f.nameBytes.length + f.data.length;
  }
  const centralStart = at;
  files.forEach((f, i) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true); // made by: 2.0
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 8, 0x0800, true);
    view.setUint16(at + 10, 0, true);
    view.setUint16(at + 12, stamp.time, true);
    view.setUint16(at + 14, stamp.date, true);
    view.setUint32(at + 16, f.crc, true);
    view.setUint32(at + 20, f.data.length, true);
    view.setUint32(at + 24, f.data.length, true);
    view.setUint16(at + 28, f.nameBytes.length, true);
    // extra, comment, disk, internal attributes: 0; external attributes: a plain file
    view.setUint32(at + 38, 0, true);
    view.setUint32(at + 42, offsets[i] as number, true);
    out.set(f.nameBytes, at + 46);
    at += 46 + f.nameBytes.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, files.length, true);
  view.setUint16(at + 10, files.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}

async function inflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Largest archive member read back (a saved model is at most 64 MB). */
const MAX_ENTRY_BYTES = 256 * 1024 * 1024;

/**
 * The files of a ZIP archive: stored or deflated entries, checked against their CRC.
 * @returns the entries (folders left out), or why the bytes are not a readable archive
 */
export async function readZip(bytes: Uint8Array): Promise<Result<ZipEntry[]>> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 bytes plus a comment of up to 64 kB.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return fail("This file is not a ZIP archive.");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return fail("The ZIP archive is damaged (its directory is cut off).");
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + skip;
    if (name.endsWith("/")) continue;
    if (flags & 1) return fail(`${name} in the ZIP archive is encrypted.`);
    if (size > MAX_ENTRY_BYTES) return fail(`${name} in the ZIP archive is larger than 256 MB.`);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) return fail("The ZIP archive is damaged (a file header is missing).");
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = bytes.subarray(start, start + compressed);
    if (raw.length !== compressed) return fail(`The ZIP archive is cut off inside ${name}.`);
    let data: Uint8Array;
    if (method === 0) data = raw.slice();
    else if (method === 8) {
      try {
        data = await inflateRaw(raw);
      } catch {
        return fail(`${name} in the ZIP archive cannot be decompressed.`);
      }
    } else return fail(`${name} in the ZIP archive uses a compression method (${method}) this app cannot read; zip it again with the usual settings.`);
    if (data.length !== size || crc32(data) !== crc) return fail(`${name} in the ZIP archive is damaged (its checksum does not match).`);
    entries.push({ name, data });
  }
  return ok(entries);
}
