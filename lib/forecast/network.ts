import * as tf from "@tensorflow/tfjs";
import { createRandom, type Random } from "./random";

/** Shape and size of the forecasting network. */
export interface NetworkSpec {
  /** Past steps per input window (a multiple of `patch`). */
  lookback: number;
  /** Consecutive time steps the LSTM reads per recurrent step: it runs lookback / patch steps. */
  patch: number;
  /** Input values per time step (see makeWindows). */
  channels: number;
  /** Steps forecast at once (direct multi-step output). */
  horizon: number;
  /** LSTM units per layer of each ensemble member. */
  units: number;
  /** Stacked LSTM layers. */
  layers: number;
  /** Independent ensemble members inside the model. */
  ensembleSize: number;
}

/** A trainable weight and, for block-diagonal ones, the 0/1 mask of the entries that may be non-zero. */
export interface WeightRole {
  variable: tf.LayerVariable;
  mask: tf.Tensor | null;
}

/** The layers that serve one input: an LSTM stack and a dense head, shared by all members. */
export interface InputStack {
  lstms: tf.layers.Layer[];
  head: tf.layers.Layer;
  roles: WeightRole[];
}

/**
 * A tfjs model whose input i (windows [batch, lookback / patch, patch × channels]) feeds one LSTM stack of
 * ensembleSize × units units and a dense head with ensembleSize × horizon outputs (member-major).
 * The recurrent, deeper-input and head kernels are block-diagonal: member b's units only see
 * member b's units, and member b's outputs only read them, so the layer is exactly
 * `ensembleSize` independent LSTMs that run as one set of kernels (wasm cost is per kernel call,
 * not per unit, so the ensemble costs little more than one network). Training keeps the
 * off-block entries at zero.
 */
export interface Network {
  spec: NetworkSpec;
  model: tf.LayersModel;
  stacks: InputStack[];
}

/**
 * Builds the forecasting network with seeded initial weights: per member, Glorot-uniform input
 * kernels, orthogonal recurrent kernels, zero biases with unit forget bias, and a small dense
 * head (the untrained network forecasts about the smoothed level and season). Gates are the
 * classic ones: logistic sigmoid for i, f, o and tanh for the candidate and the output.
 * @param spec sizes of the network
 * @param seed seed of the initial weights
 * @param inputs number of inputs (several series in per-series mode share one model; default 1)
 */
export function buildLstm(spec: NetworkSpec, seed: number, inputs = 1): Network {
  const random = createRandom(seed);
  const k = spec.ensembleSize;
  const width = k * spec.units;
  const modelInputs: tf.SymbolicTensor[] = [];
  const outputs: tf.SymbolicTensor[] = [];
  const stacks: InputStack[] = [];
  for (let input = 0; input < inputs; input++) {
    const x = tf.input({ shape: [spec.lookback / spec.patch, spec.patch * spec.channels], name: `window_${input}` });
    modelInputs.push(x);
    const lstms: tf.layers.Layer[] = [];
    let h: tf.SymbolicTensor = x;
    for (let layer = 0; layer < spec.layers; layer++) {
      const lstm = tf.layers.lstm({
        units: width,
        activation: "tanh",
        recurrentActivation: "sigmoid",
        // The forget-gate bias of 1 is written by initialise(): tfjs's unitForgetBias leaks tensors.
        unitForgetBias: false,
        returnSequences: layer < spec.layers - 1,
        kernelInitializer: "zeros",
        recurrentInitializer: "zeros",
        name: `lstm_${input}_${layer}`,
      });
      lstms.push(lstm);
      h = lstm.apply(h) as tf.SymbolicTensor;
    }
    const head = tf.layers.dense({ units: k * spec.horizon, kernelInitializer: "zeros", name: `head_${input}` });
    outputs.push(head.apply(h) as tf.SymbolicTensor);
    stacks.push({ lstms, head, roles: [] });
  }
  const model = tf.model({ inputs: modelInputs, outputs, name: "tidecast_lstm" });
  for (const stack of stacks) {
    stack.roles = stackRoles(stack, spec);
    initialise(stack, spec, random);
  }
  return { spec, model, stacks };
}

/** Frees the model's weights and the masks. */
export function disposeNetwork(network: Network): void {
  network.model.dispose();
  for (const stack of network.stacks) for (const role of stack.roles) role.mask?.dispose();
}

/** Ownership of every weight entry of one input's stack. */
function stackRoles(stack: InputStack, spec: NetworkSpec): WeightRole[] {
  const { units: u, horizon: h } = spec;
  const width = spec.ensembleSize * u;
  const gateMember = (c: number) => Math.floor((c % width) / u);
  const roles: WeightRole[] = [];
  stack.lstms.forEach((lstm, layer) => {
    const [kernel, recurrent, bias] = lstm.trainableWeights as [tf.LayerVariable, tf.LayerVariable, tf.LayerVariable];
    const inDim = layer === 0 ? spec.patch * spec.channels : width;
    roles.push(role(kernel, inDim, 4 * width, (r, c) => (layer === 0 || Math.floor(r / u) === gateMember(c) ? gateMember(c) : -1)));
    roles.push(role(recurrent, width, 4 * width, (r, c) => (Math.floor(r / u) === gateMember(c) ? gateMember(c) : -1)));
    roles.push(role(bias, 1, 4 * width, (_, c) => gateMember(c)));
  });
  const [headKernel, headBias] = stack.head.trainableWeights as [tf.LayerVariable, tf.LayerVariable];
  roles.push(role(headKernel, width, spec.ensembleSize * h, (r, c) => (Math.floor(r / u) === Math.floor(c / h) ? Math.floor(c / h) : -1)));
  roles.push(role(headBias, 1, spec.ensembleSize * h, (_, c) => Math.floor(c / h)));
  return roles;
}

function role(variable: tf.LayerVariable, rows: number, cols: number, ownerOf: (r: number, c: number) => number): WeightRole {
  const allowed = new Float32Array(rows * cols);
  let blocked = false;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const own = ownerOf(r, c) >= 0;
      allowed[r * cols + c] = own ? 1 : 0;
      if (!own) blocked = true;
    }
  }
  return { variable, mask: blocked ? tf.tensor(allowed, variable.read().shape) : null };
}

/** Seeded per-member initial weights, written into the block-diagonal layout. */
function initialise(stack: InputStack, spec: NetworkSpec, random: Random): void {
  const { units: u, ensembleSize: k, horizon: h } = spec;
  const width = k * u;
  stack.lstms.forEach((lstm, layer) => {
    const inDim = layer === 0 ? spec.patch * spec.channels : u;
    const kernel = new Float32Array((layer === 0 ? inDim : width) * 4 * width);
    const recurrent = new Float32Array(width * 4 * width);
    const bias = new Float32Array(4 * width);
    for (let b = 0; b < k; b++) {
      const limit = Math.sqrt(6 / (inDim + 4 * u));
      for (let r = 0; r < inDim; r++) {
        for (let c = 0; c < 4 * u; c++) {
          const row = layer === 0 ? r : b * u + r;
          kernel[row * 4 * width + column(c, b, u, width)] = (2 * random.next() - 1) * limit;
        }
      }
      const q = orthogonalRows(u, 4 * u, random);
      for (let r = 0; r < u; r++) {
        for (let c = 0; c < 4 * u; c++) recurrent[(b * u + r) * 4 * width + column(c, b, u, width)] = q[r * 4 * u + c] as number;
      }
      for (let c = 0; c < u; c++) bias[width + b * u + c] = 1; // unit forget bias
    }
    setWeights(lstm, [tf.tensor2d(kernel, [layer === 0 ? inDim : width, 4 * width]), tf.tensor2d(recurrent, [width, 4 * width]), tf.tensor1d(bias)]);
  });
  const headKernel = new Float32Array(width * k * h);
  const headLimit = 0.1 * Math.sqrt(6 / (u + h));
  for (let b = 0; b < k; b++) {
    for (let r = 0; r < u; r++) for (let c = 0; c < h; c++) headKernel[(b * u + r) * k * h + b * h + c] = (2 * random.next() - 1) * headLimit;
  }
  setWeights(stack.head, [tf.tensor2d(headKernel, [width, k * h]), tf.zeros([k * h])]);
}

function setWeights(layer: tf.layers.Layer, values: tf.Tensor[]): void {
  layer.setWeights(values);
  tf.dispose(values);
}

/** Column of gate-block column c (0..4u) of member b in a stack of `width` units. */
function column(c: number, b: number, u: number, width: number): number {
  const gate = Math.floor(c / u);
  return gate * width + b * u + (c % u);
}

/** A rows × cols matrix (rows ≤ cols) with orthonormal rows, from Gaussian draws by Gram–Schmidt. */
function orthogonalRows(rows: number, cols: number, random: Random): Float64Array {
  const q = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (;;) {
      for (let c = 0; c < cols; c++) q[r * cols + c] = gaussian(random);
      for (let p = 0; p < r; p++) {
        let dot = 0;
        for (let c = 0; c < cols; c++) dot += (q[r * cols + c] as number) * (q[p * cols + c] as number);
        for (let c = 0; c < cols; c++) q[r * cols + c] = (q[r * cols + c] as number) - dot * (q[p * cols + c] as number);
      }
      let norm = 0;
      for (let c = 0; c < cols; c++) norm += (q[r * cols + c] as number) ** 2;
      norm = Math.sqrt(norm);
      if (norm > 1e-6) {
        for (let c = 0; c < cols; c++) q[r * cols + c] = (q[r * cols + c] as number) / norm;
        break;
      }
    }
  }
  return q;
}

function gaussian(random: Random): number {
  const u = Math.max(random.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

/**
 * The training-time forward pass of one input's stack, with optional dropout on the LSTM output
 * (mask drawn by the caller from a seeded source, so training stays reproducible).
 * @param stack the layers of one input
 * @param x windows [batch, lookback / patch, patch × channels]
 * @param mask [batch, members × units] of 0 or 1/(1−rate); omit for no dropout
 * @returns [batch, members × horizon]
 */
export function forwardTraining(stack: InputStack, x: tf.Tensor3D, mask?: tf.Tensor2D): tf.Tensor2D {
  let h: tf.Tensor = x;
  for (const lstm of stack.lstms) h = lstm.apply(h, { training: true }) as tf.Tensor;
  if (mask) h = tf.mul(h, mask);
  return stack.head.apply(h) as tf.Tensor2D;
}

/** Sets the off-block entries back to zero after an optimiser step. */
export function projectBlocks(stack: InputStack): void {
  tf.tidy(() => {
    for (const r of stack.roles) if (r.mask) r.variable.write(tf.mul(r.variable.read(), r.mask));
  });
}
