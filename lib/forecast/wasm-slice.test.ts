import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "./backend";
import { setSliceFix } from "./wasm-slice";

beforeAll(async () => {
  expect((await initBackend()).sliceFix).toBe(true);
});

afterAll(() => {
  setSliceFix(true);
});

/** Runs `f` with the stock kernels and with the fix; both results as nested arrays. */
function bothWays(f: () => tf.Tensor | tf.Tensor[]): { stock: unknown; fixed: unknown; leaked: number } {
  const toArrays = (r: tf.Tensor | tf.Tensor[]) => (Array.isArray(r) ? r.map((t) => [t.shape, t.dtype, t.arraySync()]) : [r.shape, r.dtype, r.arraySync()]);
  const before = tf.memory().numTensors;
  setSliceFix(false);
  const stock = tf.tidy(() => toArrays(f()));
  setSliceFix(true);
  const fixed = tf.tidy(() => toArrays(f()));
  return { stock, fixed, leaked: tf.memory().numTensors - before };
}

function range(shape: number[], dtype: "float32" | "int32" | "bool" = "float32"): tf.Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  if (dtype === "bool") return tf.tensor(Array.from({ length: n }, (_, i) => i % 3 === 0), shape, dtype);
  return tf.tensor(Array.from({ length: n }, (_, i) => (dtype === "int32" ? i - 7 : i * 0.5 - 7)), shape, dtype);
}

describe("setSliceFix", () => {
  it.each([
    ["whole rows (contiguous)", [6, 5], [2, 0], [3, 5]],
    ["columns of a matrix (LSTM gates)", [64, 256], [0, 64], [64, 64]],
    ["inner block of a 3-D tensor", [4, 5, 6], [1, 2, 3], [2, 2, 2]],
    ["one time step of [batch, steps, features]", [3, 12, 8], [0, 7, 0], [3, 1, 8]],
    ["-1 sizes to the end", [4, 5, 6], [1, 0, 2], [-1, -1, -1]],
    ["rank 5", [2, 3, 2, 3, 2], [1, 1, 0, 1, 1], [1, 2, 2, 2, 1]],
    ["rank 1", [10], [3], [4]],
    ["empty", [4, 5], [1, 2], [0, 3]],
  ])("slices %s like the stock kernel", (_, shape, begin, size) => {
    const { stock, fixed, leaked } = bothWays(() => tf.slice(range(shape), begin, size));
    expect(fixed).toEqual(stock);
    expect(leaked).toBe(0);
  });

  it.each(["int32", "bool"] as const)("slices %s tensors", (dtype) => {
    const { stock, fixed } = bothWays(() => tf.slice(range([5, 4, 3], dtype), [1, 1, 1], [3, 2, 2]));
    expect(fixed).toEqual(stock);
  });

  it.each([
    [[64, 256], 4, 1],
    [[64, 256], [100, 28, 128], -1],
    [[6, 4, 5], 3, 0],
    [[6, 4, 5], [1, 3], 1],
  ] as const)("splits %j into %j along axis %i like the stock kernel", (shape, splits, axis) => {
    const { stock, fixed, leaked } = bothWays(() => tf.split(range([...shape]), splits as number | number[], axis));
    expect(fixed).toEqual(stock);
    expect(leaked).toBe(0);
  });

  it.each([0, 1, 2, -1])("unstacks [3, 12, 8] along axis %i like the stock kernel", (axis) => {
    const { stock, fixed, leaked } = bothWays(() => tf.unstack(range([3, 12, 8]), axis));
    expect(fixed).toEqual(stock);
    expect(leaked).toBe(0);
  });

  it("leaves string tensors to the stock kernels (split takes no strings)", () => {
    const words = tf.tensor(["a", "b", "c", "d", "e", "f"], [2, 3], "string");
    expect(tf.slice(words, [0, 1], [2, 2]).arraySync()).toEqual([["b", "c"], ["e", "f"]]);
    expect(tf.unstack(words).map((t) => t.arraySync())).toEqual([["a", "b", "c"], ["d", "e", "f"]]);
  });

  it("reads the right values after the heap grew between two slices", () => {
    const x = range([64, 256]);
    const first = tf.slice(x, [0, 64], [64, 64]);
    const big = tf.zeros([64 * 1024 * 1024 / 4]); // 64 MB: the wasm memory grows
    const second = tf.slice(x, [0, 64], [64, 64]);
    expect(second.dataSync()).toEqual(first.dataSync());
    tf.dispose([x, first, big, second]);
  });
});
