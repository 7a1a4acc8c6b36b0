import * as tf from "@tensorflow/tfjs";
import { TrainingDivergedError } from "./errors";
import { forwardTraining, projectBlocks, type InputStack, type Network } from "./network";
import { predictMedian } from "./predict";
import { createRandom, shuffledIndices, type Random } from "./random";
import type { EpochLoss, ForecastConfig } from "./types";
import type { Windows } from "./windows";

export interface TrainOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Epochs without a better validation loss before stopping (needs `validation`). */
  patience: number;
  loss: ForecastConfig["loss"];
  dropout: number;
  seed: number;
  /** Windows after the training windows in time, for early stopping and best-weight restore. */
  validation?: Windows;
  /** Called after every epoch. */
  onEpoch?: (loss: EpochLoss) => void;
  /** Polled before every batch. */
  shouldStop?: () => boolean;
}

export interface TrainResult {
  epochs: EpochLoss[];
  /** 1-based epoch whose weights were kept (best validation loss, else the last epoch). */
  bestEpoch: number;
  stopped: boolean;
}

/** Give the event loop a turn at most this often (ms), so a stop message can reach a worker. */
const YIELD_EVERY_MS = 40;

/**
 * Resolves in a new task, after the messages already queued (a worker's "stop"). A chained
 * `setTimeout(0)` would do the same, but browsers clamp it to ≥ 4 ms after five levels of
 * nesting, and every yield of the training loop is nested in the previous one.
 */
function nextTask(): Promise<void> {
  if (typeof MessageChannel !== "function") return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Trains a single-input network with Adam in a seeded loop (batch order and dropout masks come
 * from `seed`; tfjs `fit` would use Math.random). With a validation set, the loss of the ensemble's
 * median forecast on it picks the best epoch, whose weights are restored at the end, and training
 * ends after `patience` epochs without improvement. `shouldStop` ends training within one batch,
 * keeping the best weights so far.
 * @param network network with a single input
 * @param train training windows (normalised)
 * @param options schedule, loss and callbacks
 * @throws TrainingDivergedError when the loss becomes non-finite
 */
export async function trainNetwork(network: Network, train: Windows, options: TrainOptions): Promise<TrainResult> {
  const stack = network.stacks[0];
  if (!stack || network.stacks.length !== 1) throw new Error("trainNetwork expects a single-input network");
  const { horizon, lookback, patch, channels, ensembleSize: members, units } = network.spec;
  const steps = lookback / patch;
  const width = members * units;
  const random = createRandom(options.seed);
  const optimizer = tf.train.adam(options.learningRate);
  const variables = stack.roles.map((r) => r.variable.read() as tf.Variable);
  const batchSize = Math.max(1, Math.min(options.batchSize, train.count));
  const batchesPerEpoch = Math.ceil(train.count / batchSize);
  const validation = options.validation && options.validation.count > 0 ? options.validation : undefined;

  const history: EpochLoss[] = [];
  let best: { loss: number; epoch: number; weights: Float32Array[] } | null = null;
  let stopped = false;
  let lastYield = Date.now();
  try {
    for (let epoch = 1; epoch <= options.epochs && !stopped; epoch++) {
      const order = batchesPerEpoch > 1 ? shuffledIndices(train.count, random) : null;
      let lossSum = 0;
      let lossCount = 0;
      for (let batch = 0; batch < batchesPerEpoch; batch++) {
        if (options.shouldStop?.()) {
          stopped = true;
          break;
        }
        const start = batch * batchSize;
        const size = Math.min(batchSize, train.count - start);
        const { xs, ys } = gatherBatch(train, order, start, size);
        const mask = drawMask(options.dropout, size, width, random);
        const cost: tf.Scalar = tf.tidy(() => {
          const x = tf.tensor3d(xs, [size, steps, patch * channels]);
          const y = tf.tensor2d(ys, [size, horizon]);
          const target = members > 1 ? tf.tile(y, [1, members]) : y;
          const maskTensor = mask ? tf.tensor2d(mask, [size, width]) : undefined;
          const value = optimizer.minimize(() => lossOf(options.loss, forwardTraining(stack, x, maskTensor), target), true, variables);
          return value ?? tf.scalar(Number.NaN);
        });
        projectBlocks(stack);
        const value = (await cost.data())[0];
        cost.dispose();
        if (value === undefined || !Number.isFinite(value)) throw new TrainingDivergedError(options.learningRate);
        lossSum += value * size;
        lossCount += size;
        if (Date.now() - lastYield >= YIELD_EVERY_MS) {
          await nextTask();
          lastYield = Date.now();
        }
      }
      if (lossCount === 0) break;
      const entry: EpochLoss = { epoch, loss: lossSum / lossCount };
      if (validation) {
        entry.valLoss = ensembleLoss(network, validation, options.loss);
        if (!best || entry.valLoss < best.loss - 1e-7) best = { loss: entry.valLoss, epoch, weights: readWeights(stack) };
      }
      history.push(entry);
      options.onEpoch?.(entry);
      if (best && epoch - best.epoch >= options.patience) break;
    }
    if (best) writeWeights(stack, best.weights);
  } finally {
    optimizer.dispose();
  }
  return { epochs: history, bestEpoch: best?.epoch ?? history.length, stopped };
}

/**
 * Loss of the ensemble's median forecast on a set of windows (what early stopping watches).
 * @returns mean loss per target value, normalised units
 */
function ensembleLoss(network: Network, windows: Windows, kind: ForecastConfig["loss"]): number {
  const { lookback, patch, channels, ensembleSize, horizon } = network.spec;
  const [median] = predictMedian(network.model, [windows.xs], windows.count, lookback, patch, channels, ensembleSize, horizon);
  let sum = 0;
  let count = 0;
  windows.ys.forEach((y, i) => {
    const e = Math.abs(((median as Float32Array)[i] as number) - y);
    if (!Number.isFinite(e)) return;
    sum += kind === "mse" ? e * e : kind === "huber" ? (e <= 1 ? 0.5 * e * e : e - 0.5) : e;
    count++;
  });
  return count > 0 ? sum / count : Number.NaN;
}

function readWeights(stack: InputStack): Float32Array[] {
  return stack.roles.map((r) => Float32Array.from(r.variable.read().dataSync()));
}

function writeWeights(stack: InputStack, weights: Float32Array[]): void {
  stack.roles.forEach((r, i) => {
    const value = tf.tensor(weights[i] as Float32Array, r.variable.read().shape);
    r.variable.write(value);
    value.dispose();
  });
}

function lossOf(kind: TrainOptions["loss"], prediction: tf.Tensor, target: tf.Tensor): tf.Scalar {
  if (kind === "mse") return tf.losses.meanSquaredError(target, prediction);
  if (kind === "huber") return tf.losses.huberLoss(target, prediction, undefined, 1);
  return tf.losses.absoluteDifference(target, prediction);
}

function gatherBatch(data: Windows, order: Int32Array | null, start: number, size: number) {
  const { horizon } = data;
  const row = data.lookback * data.channels;
  if (!order && start === 0 && size === data.count) return { xs: data.xs, ys: data.ys };
  const xs = new Float32Array(size * row);
  const ys = new Float32Array(size * horizon);
  for (let i = 0; i < size; i++) {
    const w = order ? (order[start + i] as number) : start + i;
    xs.set(data.xs.subarray(w * row, (w + 1) * row), i * row);
    ys.set(data.ys.subarray(w * horizon, (w + 1) * horizon), i * horizon);
  }
  return { xs, ys };
}

function drawMask(rate: number, size: number, width: number, random: Random): Float32Array | undefined {
  if (!(rate > 0)) return undefined;
  const keep = 1 / (1 - rate);
  const mask = new Float32Array(size * width);
  for (let i = 0; i < mask.length; i++) mask[i] = random.next() < rate ? 0 : keep;
  return mask;
}
