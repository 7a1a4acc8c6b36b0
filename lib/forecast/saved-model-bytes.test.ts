import { describe, expect, it } from "vitest";
import { TEST_SAVED_MODEL as SAVED } from "../workbench/test-fixtures";
import { checkSavedModelBytes, decodeSavedModel, encodeSavedModel } from "./saved-model-bytes";

const BYTES = encodeSavedModel(SAVED);

/** The bytes with the 4-byte JSON length replaced. */
function withJsonLength(length: number): Uint8Array {
  const bytes = BYTES.slice();
  new DataView(bytes.buffer).setUint32(4, length, true);
  return bytes;
}

describe("saved model bytes", () => {
  it("decode what encode wrote, at any offset", () => {
    const shifted = new Uint8Array(BYTES.length + 3);
    shifted.set(BYTES, 3);
    const decoded = decodeSavedModel(shifted.subarray(3));
    expect({ ...decoded, weightData: null }).toEqual({ ...SAVED, weightData: null });
    expect(Array.from(new Float32Array(decoded.weightData))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(checkSavedModelBytes(BYTES)).toBeNull();
  });

  it.each([
    ["other bytes", new TextEncoder().encode("not a model at all"), "These bytes are not a saved Tidecast model."],
    ["the weights cut short", BYTES.subarray(0, BYTES.length - 4), "The weights hold 20 bytes but the model needs 24."],
    ["a JSON length past the end", withJsonLength(1_000_000), "The saved model is truncated."],
    ["the JSON cut short", withJsonLength(20), "The saved model's description is not valid JSON."],
    ["another format", encodeSavedModel({ ...SAVED, version: 2 as 1 }), "Unsupported saved model format tidecast-lstm v2."],
  ])("say what is wrong with %s, and decode refuses them alike", (_name, bytes, reason) => {
    expect(checkSavedModelBytes(bytes)).toBe(reason);
    expect(() => decodeSavedModel(bytes)).toThrow(reason);
  });
});
