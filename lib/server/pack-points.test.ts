import { describe, expect, it } from "vitest";
import { packFloat64, unpackFloat64 } from "./pack-points";

describe("packed point columns", () => {
  it("round-trip exactly, NaN and extremes included, from an unaligned blob", () => {
    const values = new Float64Array([0.1, -0, NaN, 1e300, -5e-324, 42, Number.MAX_SAFE_INTEGER]);
    const packed = packFloat64(values);
    // SQLite hands blobs back at arbitrary offsets.
    const unaligned = new Uint8Array(packed.length + 3).subarray(3);
    unaligned.set(packed);
    expect(Array.from(unpackFloat64(unaligned))).toEqual(Array.from(values));
  });

  it("refuses a blob that is not whole Float64s", () => {
    expect(() => unpackFloat64(new Uint8Array(7))).toThrow(/multiple of 8/);
  });
});
