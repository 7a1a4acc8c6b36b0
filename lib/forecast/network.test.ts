import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "./backend";
import { countNetworkWeights } from "./config";
import { buildLstm, disposeNetwork, forwardTraining } from "./network";
import { createRandom } from "./random";
import { trainNetwork } from "./train";
import type { Windows } from "./windows";

beforeAll(async () => {
  await initBackend();
});

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

type Gate = "i" | "f" | "c" | "o";

/**
 * One LSTM layer run by hand over a sequence: z = x·W + h·U + b split into four blocks of
 * `units` columns in `order`; i, f, o = σ(·), c̃ = tanh(·); c ← f⊙c + i⊙c̃; h ← o⊙tanh(c).
 */
function lstmByHand(
  xs: number[][],
  W: Float32Array,
  U: Float32Array,
  b: Float32Array,
  units: number,
  order: Gate[],
  gate: (v: number) => number = sigmoid,
): number[] {
  const inDim = xs[0]?.length ?? 0;
  let h = new Array<number>(units).fill(0);
  let c = new Array<number>(units).fill(0);
  for (const x of xs) {
    const z = new Array<number>(4 * units).fill(0);
    for (let col = 0; col < 4 * units; col++) {
      let s = b[col] as number;
      for (let r = 0; r < inDim; r++) s += (x[r] as number) * (W[r * 4 * units + col] as number);
      for (let r = 0; r < units; r++) s += (h[r] as number) * (U[r * 4 * units + col] as number);
      z[col] = s;
    }
    const block = (g: Gate, u: number) => z[order.indexOf(g) * units + u] as number;
    const nextC = c.map((cPrev, u) => gate(block("f", u)) * cPrev + gate(block("i", u)) * Math.tanh(block("c", u)));
    h = nextC.map((cu, u) => gate(block("o", u)) * Math.tanh(cu));
    c = nextC;
  }
  return h;
}

describe("the LSTM layer", () => {
  it("computes the classic gates in tfjs kernel order i, f, c, o with the logistic sigmoid", () => {
    const spec = { lookback: 3, patch: 1, channels: 1, horizon: 2, units: 3, layers: 1, ensembleSize: 2 };
    const network = buildLstm(spec, 7);
    const lstm = network.stacks[0]?.lstms[0];
    if (!lstm) throw new Error("no lstm");
    const width = spec.units * spec.ensembleSize;
    const random = createRandom(11);
    const draw = (n: number) => Float32Array.from({ length: n }, () => 2 * random.next() - 1);
    const W = draw(4 * width);
    const U = draw(width * 4 * width);
    const b = draw(4 * width);
    const values = [tf.tensor2d(W, [1, 4 * width]), tf.tensor2d(U, [width, 4 * width]), tf.tensor1d(b)];
    lstm.setWeights(values);
    tf.dispose(values);

    const sequence = [[0.5], [-1.2], [0.8]];
    const x = tf.tensor3d([sequence.map((v) => v)], [1, 3, 1]);
    const out = lstm.apply(x) as tf.Tensor;
    const library = Array.from(out.dataSync());
    tf.dispose([x, out]);

    const hand = lstmByHand(sequence, W, U, b, width, ["i", "f", "c", "o"]);
    library.forEach((v, u) => expect(v).toBeCloseTo(hand[u] as number, 5));

    // Any other gate order, or the hard sigmoid tfjs uses by default, gives other numbers.
    const gap = (other: number[]) => Math.max(...other.map((v, u) => Math.abs(v - (library[u] as number))));
    expect(gap(lstmByHand(sequence, W, U, b, width, ["i", "c", "f", "o"]))).toBeGreaterThan(1e-3);
    expect(gap(lstmByHand(sequence, W, U, b, width, ["f", "i", "c", "o"]))).toBeGreaterThan(1e-3);
    expect(gap(lstmByHand(sequence, W, U, b, width, ["i", "f", "o", "c"]))).toBeGreaterThan(1e-3);
    const hardSigmoid = (v: number) => Math.min(1, Math.max(0, 0.2 * v + 0.5));
    expect(gap(lstmByHand(sequence, W, U, b, width, ["i", "f", "c", "o"], hardSigmoid))).toBeGreaterThan(1e-3);
    disposeNetwork(network);
  });

  it("has windows [batch, lookback/patch, patch] in and members × horizon out", () => {
    const network = buildLstm({ lookback: 12, patch: 3, channels: 2, horizon: 5, units: 4, layers: 2, ensembleSize: 3 }, 1);
    expect(network.model.inputs[0]?.shape).toEqual([null, 4, 6]);
    expect(network.model.outputs[0]?.shape).toEqual([null, 15]);
    disposeNetwork(network);
  });
});

describe("countNetworkWeights", () => {
  it.each([
    { lookback: 3, patch: 1, channels: 1, horizon: 2, units: 3, layers: 1, ensembleSize: 2 },
    { lookback: 12, patch: 3, channels: 2, horizon: 5, units: 4, layers: 2, ensembleSize: 3 },
    { lookback: 8, patch: 4, channels: 2, horizon: 12, units: 8, layers: 3, ensembleSize: 1 },
  ])("counts what tfjs builds for %j", (spec) => {
    const network = buildLstm(spec, 1);
    expect(countNetworkWeights({ ...spec, patchLength: spec.patch })).toBe(network.model.countParams());
    disposeNetwork(network);
  });
});

describe("the block-diagonal ensemble", () => {
  const spec = { lookback: 6, patch: 2, channels: 1, horizon: 3, units: 4, layers: 2, ensembleSize: 3 };

  it("starts and stays block-diagonal while training", async () => {
    const network = buildLstm(spec, 3);
    const random = createRandom(5);
    const count = 20;
    const windows: Windows = {
      xs: Float32Array.from({ length: count * spec.lookback }, () => random.next() - 0.5),
      ys: Float32Array.from({ length: count * spec.horizon }, () => random.next() - 0.5),
      count,
      lookback: spec.lookback,
      channels: 1,
      horizon: spec.horizon,
      origins: new Int32Array(count),
    };
    await trainNetwork(network, windows, { epochs: 3, batchSize: 8, learningRate: 0.01, patience: 5, loss: "mae", dropout: 0.2, seed: 1 });
    for (const role of network.stacks[0]?.roles ?? []) {
      if (!role.mask) continue;
      const value = role.variable.read().dataSync();
      const mask = role.mask.dataSync();
      let offBlock = 0;
      let onBlock = 0;
      value.forEach((v, i) => (mask[i] === 0 ? (offBlock = Math.max(offBlock, Math.abs(v))) : (onBlock = Math.max(onBlock, Math.abs(v)))));
      expect(offBlock).toBe(0);
      expect(onBlock).toBeGreaterThan(0);
    }
    disposeNetwork(network);
  });

  it("keeps members independent: changing member 0's weights leaves the other outputs alone", () => {
    const network = buildLstm(spec, 9);
    const stack = network.stacks[0];
    if (!stack) throw new Error("no stack");
    const x = tf.randomNormal([4, spec.lookback / spec.patch, spec.patch * spec.channels], 0, 1, "float32", 2) as tf.Tensor3D;
    const before = forwardTraining(stack, x).arraySync();
    // Scale every entry owned by member 0 (first `units` columns of each gate block, first rows).
    const width = spec.units * spec.ensembleSize;
    for (const layer of stack.lstms) {
      const weights = layer.getWeights().map((w) => w.arraySync());
      const scaled = weights.map((w) => scaleMemberZero(w, spec.units, width));
      const tensors = scaled.map((w, i) => tf.tensor(w as number[], layer.getWeights()[i]?.shape));
      layer.setWeights(tensors);
      tf.dispose(tensors);
    }
    const after = forwardTraining(stack, x).arraySync();
    for (let row = 0; row < 4; row++) {
      for (let col = 0; col < spec.ensembleSize * spec.horizon; col++) {
        const member = Math.floor(col / spec.horizon);
        const a = after[row]?.[col] as number;
        const b = before[row]?.[col] as number;
        if (member === 0) continue;
        expect(a).toBeCloseTo(b, 6);
      }
    }
    expect(Math.abs((after[0]?.[0] as number) - (before[0]?.[0] as number))).toBeGreaterThan(1e-6);
    tf.dispose(x);
    disposeNetwork(network);
  });
});

/** Doubles the columns of member 0 (gate-block columns 0..units−1 of each of the four blocks). */
function scaleMemberZero(weight: unknown, units: number, width: number): unknown {
  const scaleRow = (row: number[]) => row.map((v, c) => ((c % width) < units ? 2 * v + 0.1 : v));
  if (Array.isArray(weight) && Array.isArray(weight[0])) return (weight as number[][]).map(scaleRow);
  return scaleRow(weight as number[]);
}
