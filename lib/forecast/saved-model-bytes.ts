/**
 * A saved model as bytes, the form runs store it in. Kept apart from tfjs (lib/forecast/saved-model.ts)
 * so that the server can check a stored model without loading ~100 MB of tfjs.
 */
import { SavedModelError } from "./errors";
import type { SavedModel } from "./types";

const MAGIC = [0x54, 0x44, 0x43, 0x31]; // "TDC1"

/** Everything of a saved model but its weights: the JSON part of the bytes. */
type SavedModelMeta = Omit<SavedModel, "weightData">;

/**
 * Packs a saved model into bytes for the database: "TDC1", the JSON length (uint32 LE), the JSON
 * of everything but the weights, zero padding to 4 bytes, then the float32 weights.
 * @param saved the model
 * @returns the bytes (a fresh buffer, safe to transfer)
 */
export function encodeSavedModel(saved: SavedModel): Uint8Array {
  const { weightData, ...rest } = saved;
  const json = new TextEncoder().encode(JSON.stringify(rest));
  const head = 8 + json.length;
  const padded = head + ((4 - (head % 4)) % 4);
  const out = new Uint8Array(padded + weightData.byteLength);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(4, json.length, true);
  out.set(json, 8);
  out.set(new Uint8Array(weightData), padded);
  return out;
}

/**
 * Checks what a saved model says of itself against its weights.
 * @param weightBytes the length of its weights, in bytes
 * @throws SavedModelError when the format is not ours or the weights do not match their specs
 */
export function checkSavedModel(meta: SavedModelMeta, weightBytes: number): void {
  if (meta.format !== "tidecast-lstm" || meta.version !== 1) throw new SavedModelError(`Unsupported saved model format ${String(meta.format)} v${String(meta.version)}.`);
  if (!Array.isArray(meta.weightSpecs)) throw new SavedModelError("The saved model does not list its weights.");
  const expected = meta.weightSpecs.reduce((sum, w) => sum + 4 * w.shape.reduce((a, b) => a * b, 1), 0);
  if (expected !== weightBytes) throw new SavedModelError(`The weights hold ${weightBytes} bytes but the model needs ${expected}.`);
}

/** The JSON part of encodeSavedModel's bytes, checked, and where the weights start. */
function readSavedModel(bytes: Uint8Array): { meta: SavedModelMeta; weightsAt: number } {
  if (bytes.length < 8 || MAGIC.some((b, i) => bytes[i] !== b)) throw new SavedModelError("These bytes are not a saved Tidecast model.");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const head = 8 + view.getUint32(4, true);
  const weightsAt = head + ((4 - (head % 4)) % 4);
  if (weightsAt > bytes.length) throw new SavedModelError("The saved model is truncated.");
  let meta: SavedModelMeta;
  try {
    meta = JSON.parse(new TextDecoder().decode(bytes.subarray(8, head))) as SavedModelMeta;
  } catch {
    throw new SavedModelError("The saved model's description is not valid JSON.");
  }
  checkSavedModel(meta, bytes.length - weightsAt);
  return { meta, weightsAt };
}

/**
 * Unpacks {@link encodeSavedModel}'s bytes (any offset, e.g. a Prisma `Bytes` value).
 * @throws SavedModelError when the bytes are not a whole Tidecast model
 */
export function decodeSavedModel(bytes: Uint8Array): SavedModel {
  const { meta, weightsAt } = readSavedModel(bytes);
  return { ...meta, weightData: bytes.slice(weightsAt).buffer };
}

/**
 * Why bytes are not a whole saved model, or null when they are: {@link decodeSavedModel}'s checks
 * without copying the weights.
 */
export function checkSavedModelBytes(bytes: Uint8Array): string | null {
  try {
    readSavedModel(bytes);
    return null;
  } catch (err) {
    if (err instanceof SavedModelError) return err.message;
    throw err;
  }
}
