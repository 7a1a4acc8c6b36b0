import * as tf from "@tensorflow/tfjs";

/**
 * Runs the network on windows and combines the ensemble members by their median, per step.
 * @param model tfjs model from buildLstm (or loaded from a saved model)
 * @param inputs one Float32Array of windows [count × lookback × channels] per model input
 * @param count windows per input (the same for every input)
 * @param lookback input values per window
 * @param patch time steps per LSTM step
 * @param channels input values per time step
 * @param members ensemble members per input
 * @param horizon output steps
 * @returns per input, the median forecasts [count × horizon] (normalised units)
 */
export function predictMedian(
  model: tf.LayersModel,
  inputs: Float32Array[],
  count: number,
  lookback: number,
  patch: number,
  channels: number,
  members: number,
  horizon: number,
): Float32Array[] {
  const raw = tf.tidy(() => {
    const xs = inputs.map((x) => tf.tensor3d(x, [count, lookback / patch, patch * channels]));
    const out = model.predict(xs.length === 1 ? (xs[0] as tf.Tensor) : xs, { batchSize: Math.max(1, count) });
    return Array.isArray(out) ? out : [out];
  });
  const results = raw.map((t) => medianOverMembers(t.dataSync() as Float32Array, count, members, horizon));
  tf.dispose(raw);
  return results;
}

/**
 * Median over ensemble members of a member-major output [count × members × horizon].
 * @returns [count × horizon]
 */
function medianOverMembers(values: Float32Array, count: number, members: number, horizon: number): Float32Array {
  const out = new Float32Array(count * horizon);
  const column = new Float64Array(members);
  for (let w = 0; w < count; w++) {
    for (let j = 0; j < horizon; j++) {
      for (let k = 0; k < members; k++) column[k] = values[(w * members + k) * horizon + j] as number;
      column.sort();
      const mid = members >> 1;
      out[w * horizon + j] = members % 2 === 1 ? (column[mid] as number) : ((column[mid - 1] as number) + (column[mid] as number)) / 2;
    }
  }
  return out;
}
