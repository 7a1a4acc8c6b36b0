/**
 * Points are stored as one packed little-endian Float64 array per column: measured as the fastest
 * layout to write and to read back whole (README, "Storage"). Every platform Node and browsers run
 * on is little-endian, so the typed array's own bytes are the stored bytes.
 */
export function packFloat64(values: Float64Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(values.buffer as ArrayBuffer, values.byteOffset, values.byteLength);
}

/** Reads a packed column back; copies because SQLite blobs can start at unaligned offsets. */
export function unpackFloat64(bytes: Uint8Array): Float64Array {
  if (bytes.byteLength % 8 !== 0) throw new Error(`packed column has ${bytes.byteLength} bytes, not a multiple of 8`);
  const out = new Float64Array(bytes.byteLength / 8);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}
