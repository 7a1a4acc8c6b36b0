import * as tf from "@tensorflow/tfjs";
import { afterAll, describe, expect, it } from "vitest";
import { getBackendInfo, initBackend } from "./backend";
import { createRandom } from "./random";

afterAll(async () => {
  await initBackend({ force: true });
});

/** Plain JS batched matmul of row-major [batch, r, k] × [batch, k, c]. */
function matmul(a: Float32Array, b: Float32Array, batch: number, r: number, k: number, c: number): Float32Array {
  const out = new Float32Array(batch * r * c);
  for (let n = 0; n < batch; n++)
    for (let i = 0; i < r; i++)
      for (let j = 0; j < c; j++) {
        let s = 0;
        for (let t = 0; t < k; t++) s += (a[n * r * k + i * k + t] as number) * (b[n * k * c + t * c + j] as number);
        out[n * r * c + i * c + j] = s;
      }
  return out;
}

function transpose(x: Float32Array, batch: number, rows: number, cols: number): Float32Array {
  const out = new Float32Array(x.length);
  for (let n = 0; n < batch; n++) for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[n * rows * cols + j * rows + i] = x[n * rows * cols + i * cols + j] as number;
  return out;
}

describe("initBackend", () => {
  it("picks wasm with SIMD and the transposed-matmul fix in Node, once", async () => {
    const info = await initBackend();
    expect(info).toMatchObject({ name: "wasm", simd: true, matMulFix: true });
    expect(tf.getBackend()).toBe("wasm");
    expect(await initBackend()).toBe(info);
    expect(getBackendInfo()).toBe(info);
  });

  it.each([
    [false, true],
    [true, false],
    [true, true],
  ])("multiplies correctly with transposeA=%s transposeB=%s, leaking nothing", async (transposeA, transposeB) => {
    await initBackend();
    const random = createRandom(3);
    const [batch, r, k, c] = [2, 5, 7, 3];
    const a = Float32Array.from({ length: batch * r * k }, () => random.next() - 0.5);
    const b = Float32Array.from({ length: batch * k * c }, () => random.next() - 0.5);
    const expected = matmul(a, b, batch, r, k, c);
    const before = tf.memory().numTensors;
    const result = tf.tidy(() => {
      const ta = transposeA ? tf.tensor3d(transpose(a, batch, r, k), [batch, k, r]) : tf.tensor3d(a, [batch, r, k]);
      const tb = transposeB ? tf.tensor3d(transpose(b, batch, k, c), [batch, c, k]) : tf.tensor3d(b, [batch, k, c]);
      return tf.matMul(ta, tb, transposeA, transposeB);
    });
    expect(result.shape).toEqual([batch, r, c]);
    Array.from(result.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, 5));
    result.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("falls back to cpu when asked, and reports it", async () => {
    const info = await initBackend({ prefer: "cpu", force: true });
    expect(info).toMatchObject({ name: "cpu", requested: "cpu", matMulFix: false });
    expect(tf.getBackend()).toBe("cpu");
    const back = await initBackend({ force: true });
    expect(back.name).toBe("wasm");
    expect(back.matMulFix).toBe(true);
  });
});
