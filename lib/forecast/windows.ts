/**
 * A series on its modelling scale together with the exponential smoothing that normalises its
 * windows (ES-RNN style: each window is deseasonalised and taken relative to the smoothed level at
 * its last step) and the statistical forecast the network corrects (the hybrid: the network's
 * output is added to the smoothing's own forecast, so an untrained network forecasts like it).
 */
export interface SeriesFrame {
  /** Values on the modelling scale (after the log transform, if any). */
  z: Float64Array;
  /** z_t − s_{t−m}: seasonally adjusted with the seasonal component known before t. */
  adjusted: Float64Array;
  /** Smoothed level ℓ_t after observing z_t. */
  level: Float64Array;
  /** The smoothing's forecast of z at origin + step made at origin (level, damped trend, season). */
  base: (origin: number, step: number) => number;
  /** Divisor that brings normalised targets to about unit size. */
  scale: number;
  /** Lag of the differences in the second input channel: the season length when deseasonalised, else 1. */
  differenceLag: number;
}

/**
 * Normalised windows, row-major: xs [count × lookback × channels] (channels interleaved per time
 * step), ys [count × horizon].
 */
export interface Windows {
  xs: Float32Array;
  ys: Float32Array;
  count: number;
  lookback: number;
  /** Input values per time step (see {@link makeWindows}). */
  channels: number;
  horizon: number;
  /** Index of each window's last input value (its forecast origin). */
  origins: Int32Array;
}

/**
 * Cuts normalised windows at the given origins. Inputs, for the `lookback` steps t ending at o:
 * channel 1 (adjusted_t − ℓ_o)/scale, the deseasonalised value relative to the window's level;
 * channel 2 (when `channels` is 2) (z_t − z_{t−d})/scale, the change over one season (d = m) or
 * one step, which shows the local trend directly. Targets (z_{o+j} − base_{o+j|o})/scale for
 * j = 1..horizon, what the smoothing's own forecast missed (NaN where o + j is past the end).
 * @param frame the normalisation of one series
 * @param origins window origins (need origin ≥ lookback − 1)
 * @param lookback input steps
 * @param horizon target steps
 * @param channels input values per step, 1 or 2
 */
export function makeWindows(frame: SeriesFrame, origins: ArrayLike<number>, lookback: number, horizon: number, channels = 1): Windows {
  const count = origins.length;
  const xs = new Float32Array(count * lookback * channels);
  const d = frame.differenceLag;
  const ys = new Float32Array(count * horizon);
  const n = frame.z.length;
  for (let w = 0; w < count; w++) {
    const o = origins[w] as number;
    const level = frame.level[o] as number;
    for (let i = 0; i < lookback; i++) {
      const t = o - lookback + 1 + i;
      const at = (w * lookback + i) * channels;
      xs[at] = ((frame.adjusted[t] as number) - level) / frame.scale;
      if (channels > 1) xs[at + 1] = t >= d ? ((frame.z[t] as number) - (frame.z[t - d] as number)) / frame.scale : 0;
    }
    for (let j = 1; j <= horizon; j++) {
      ys[w * horizon + j - 1] =
        o + j < n ? ((frame.z[o + j] as number) - frame.base(o, j)) / frame.scale : Number.NaN;
    }
  }
  return { xs, ys, count, lookback, channels, horizon, origins: Int32Array.from(origins) };
}

/**
 * Turns a normalised network output back into the modelling scale:
 * ẑ_{o+j} = base_{o+j|o} + scale·output_j.
 * @param frame the normalisation of the series
 * @param origin index of the last observation used
 * @param output normalised forecast, one value per step
 */
export function denormalize(frame: SeriesFrame, origin: number, output: ArrayLike<number>): Float64Array {
  const out = new Float64Array(output.length);
  for (let j = 1; j <= output.length; j++) out[j - 1] = frame.base(origin, j) + frame.scale * (output[j - 1] as number);
  return out;
}

/**
 * Scale of a series' normalised targets: mean |z_{o+j} − base_{o+j|o}| over the given
 * origins and steps (falls back to a tiny positive number for a constant series).
 */
export function targetScale(frame: Omit<SeriesFrame, "scale" | "differenceLag">, origins: ArrayLike<number>, horizon: number): number {
  let sum = 0;
  let count = 0;
  const n = frame.z.length;
  for (let w = 0; w < origins.length; w++) {
    const o = origins[w] as number;
    for (let j = 1; j <= horizon && o + j < n; j++) {
      sum += Math.abs((frame.z[o + j] as number) - frame.base(o, j));
      count++;
    }
  }
  const scale = count > 0 ? sum / count : 0;
  const magnitude = Math.abs(frame.level[n - 1] ?? 0);
  return Math.max(scale, 1e-6 * magnitude, 1e-12);
}
