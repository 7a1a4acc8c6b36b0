import { aicc, nelderMead } from "./optimize";
import { seasonalIndices } from "./seasonality";
import type { SmoothingModel } from "./types";

/** The states of an exponential smoothing filter after each observation. */
export interface SmoothingStates {
  /** ℓ_t, the level after observing y_t. */
  level: Float64Array;
  /** b_t, the trend after observing y_t (0 without trend). */
  trend: Float64Array;
  /** s_t, the seasonal component belonging to time t after observing y_t (0 without season). */
  season: Float64Array;
  /** Mean squared one-step error over the observations. */
  mse: number;
}

const logistic = (u: number) => 1 / (1 + Math.exp(-u));
const logit = (p: number) => Math.log(p / (1 - p));

/**
 * Fits additive exponential smoothing (level; optional damped trend; optional additive season)
 * to a series already on its modelling scale (e.g. logged), by minimising the one-step squared
 * error over α, β, γ, φ with Nelder–Mead. Bounds as in R's forecast::ets: 1e-4 ≤ α ≤ 0.9999,
 * β ≤ α, γ ≤ 1 − α, 0.8 ≤ φ ≤ 0.98.
 * @param values finite values, oldest first
 * @param options.seasonLength m in steps; seasonality is used when m > 1 and `seasonal` is true
 * @param options.trend "none" or "damped"
 */
export function fitSmoothing(
  values: ArrayLike<number>,
  options: { seasonLength: number; seasonal: boolean; trend: "none" | "damped"; fitInitialStates?: boolean },
): SmoothingModel {
  const m = options.seasonal && options.seasonLength > 1 && values.length >= 2 * options.seasonLength ? Math.round(options.seasonLength) : 1;
  const damped = options.trend === "damped" && values.length >= 4;
  const init = initialStates(values, m, damped);
  // Initial level and trend as free parameters, in units of the series' typical step.
  const unit = options.fitInitialStates ? typicalStep(values) : 0;
  const decode = (u: number[]): SmoothingModel => {
    const alpha = 1e-4 + (0.9999 - 1e-4) * logistic(u[0] as number);
    let i = 1;
    const beta = damped ? alpha * logistic(u[i++] as number) : 0;
    const gamma = m > 1 ? (1 - alpha) * logistic(u[i++] as number) : 0;
    const phi = damped ? 0.8 + 0.18 * logistic(u[i++] as number) : 0;
    const level0 = options.fitInitialStates ? init.level0 + unit * (u[i++] as number) : init.level0;
    const trend0 = options.fitInitialStates && damped ? init.trend0 + unit * (u[i++] as number) : init.trend0;
    return { alpha, beta, gamma, phi, seasonLength: m, trend: damped ? "damped" : "none", ...init, level0, trend0 };
  };
  const start = [logit(0.3)];
  if (damped) start.push(logit(0.1));
  if (m > 1) start.push(logit(0.1));
  if (damped) start.push(0);
  if (options.fitInitialStates) start.push(...(damped ? [0, 0] : [0]));
  const best = nelderMead((u) => runSmoothing(values, decode(u)).mse, start, { step: 1 });
  return decode(best.x);
}

/**
 * Whether a damped trend earns its three extra parameters (β, φ and the initial trend): fits the
 * smoothing with and without one and keeps the damped fit only when its AICc is lower, the
 * criterion R's ets selects by, *and* its in-sample forecasts over the whole horizon are closer
 * too. AICc judges one step ahead; on high-frequency data a trend state that follows every ramp
 * wins there and is then extrapolated for a day (half-hourly demand: the network trained four
 * times as long to undo it and still forecast worse).
 * @param values finite values on the modelling scale, oldest first
 * @param options.seasonLength m in steps; options.seasonal whether the smoothing has a season
 * @param options.horizon steps ahead the forecast is for
 * @returns "damped" or "none"
 */
export function chooseTrend(values: ArrayLike<number>, options: { seasonLength: number; seasonal: boolean; horizon: number }): "damped" | "none" {
  const n = values.length;
  const fit = { seasonLength: options.seasonLength, seasonal: options.seasonal, fitInitialStates: true };
  // Both fits estimate their initial states, or the comparison would reward whichever heuristic
  // start happens to sit closer to the first values rather than the trend itself.
  const none = fitSmoothing(values, { ...fit, trend: "none" });
  const damped = fitSmoothing(values, { ...fit, trend: "damped" });
  if (damped.trend !== "damped") return "none";
  const noneStates = runSmoothing(values, none);
  const dampedStates = runSmoothing(values, damped);
  const k0 = 2 + (none.seasonLength > 1 ? none.seasonLength : 0);
  if (aicc(n, dampedStates.mse, k0 + 3) >= aicc(n, noneStates.mse, k0)) return "none";
  return multiStepMse(values, dampedStates, damped, options.horizon) < multiStepMse(values, noneStates, none, options.horizon) ? "damped" : "none";
}

/**
 * Mean squared error of the in-sample forecasts 1…h steps ahead from every origin (R's "amse"
 * criterion over the whole horizon), the first season left out while the states settle.
 */
function multiStepMse(values: ArrayLike<number>, states: SmoothingStates, model: SmoothingModel, horizon: number): number {
  const n = values.length;
  let sum = 0;
  let count = 0;
  for (let t = Math.max(model.seasonLength, 1); t < n - 1; t++) {
    const steps = Math.min(horizon, n - 1 - t);
    const f = forecastSmoothing(states, model, t, steps);
    for (let j = 1; j <= steps; j++) {
      const e = (values[t + j] as number) - (f[j - 1] as number);
      sum += e * e;
      count++;
    }
  }
  return count > 0 ? sum / count : Number.POSITIVE_INFINITY;
}

/** Mean absolute one-step change (1 for a constant series), the unit of the initial-state search. */
function typicalStep(values: ArrayLike<number>): number {
  let sum = 0;
  for (let t = 1; t < values.length; t++) sum += Math.abs((values[t] as number) - (values[t - 1] as number));
  const step = values.length > 1 ? sum / (values.length - 1) : 0;
  return step > 0 ? step : 1;
}

function initialStates(values: ArrayLike<number>, m: number, damped: boolean) {
  const n = values.length;
  const first = Math.min(n, Math.max(m, 1));
  let level0 = 0;
  for (let t = 0; t < first; t++) level0 += values[t] as number;
  level0 /= first;
  let trend0 = 0;
  if (damped) {
    const span = Math.max(m, Math.min(6, Math.floor(n / 2)));
    if (n >= 2 * span) {
      let a = 0;
      let b = 0;
      for (let t = 0; t < span; t++) {
        a += values[t] as number;
        b += values[t + span] as number;
      }
      trend0 = (b - a) / span / span;
    }
  }
  let season0: number[] = [];
  if (m > 1) {
    const head = Array.from({ length: Math.min(n, 5 * m) }, (_, t) => values[t] as number);
    season0 = seasonalIndices(head, m);
    level0 = head.slice(0, m).reduce((s, v, j) => s + v - (season0[j] as number), 0) / m;
  }
  // Start one step before the first observation so that every value is filtered.
  return { level0: level0 - trend0, trend0, season0 };
}

/**
 * Runs the exponential smoothing filter over a series with given parameters and initial states.
 * @param values finite values, oldest first (may extend past the data the model was fitted on)
 * @param model parameters and initial states from {@link fitSmoothing}
 */
export function runSmoothing(values: ArrayLike<number>, model: SmoothingModel): SmoothingStates {
  const n = values.length;
  const m = model.seasonLength;
  const { alpha, beta, gamma, phi } = model;
  const damped = model.trend === "damped";
  const level = new Float64Array(n);
  const trend = new Float64Array(n);
  const season = new Float64Array(n);
  let l = model.level0;
  let b = damped ? model.trend0 : 0;
  let sse = 0;
  for (let t = 0; t < n; t++) {
    const y = values[t] as number;
    const s = m > 1 ? (t >= m ? (season[t - m] as number) : (model.season0[t % m] as number)) : 0;
    const predictedLevel = l + phi * b;
    const error = y - predictedLevel - s;
    sse += error * error;
    const newLevel = predictedLevel + alpha * error;
    if (damped) b = phi * b + beta * error;
    l = newLevel;
    level[t] = l;
    trend[t] = b;
    season[t] = m > 1 ? s + gamma * error : 0;
  }
  return { level, trend, season, mse: sse / Math.max(1, n) };
}

/**
 * Forecasts from the filter's states after time t: ℓ_t + (φ + … + φ^j)·b_t + s_{t+j−m⌈j/m⌉}.
 * @param states output of {@link runSmoothing}
 * @param model the model that produced the states
 * @param t index of the forecast origin (last observation used)
 * @param horizon number of steps ahead
 */
export function forecastSmoothing(states: SmoothingStates, model: SmoothingModel, t: number, horizon: number): Float64Array {
  const out = new Float64Array(horizon);
  const m = model.seasonLength;
  let damping = 0;
  let power = 1;
  for (let j = 1; j <= horizon; j++) {
    power *= model.phi;
    damping += power;
    out[j - 1] = (states.level[t] as number) + damping * (states.trend[t] as number) + seasonAt(states, model, t, j);
  }
  return out;
}

/** The seasonal component for time t + j as known at time t (0 without season). */
export function seasonAt(states: SmoothingStates, model: SmoothingModel, t: number, j: number): number {
  const m = model.seasonLength;
  if (m <= 1) return 0;
  const back = t + j - m * Math.ceil(j / m);
  return back >= 0 ? (states.season[back] as number) : (model.season0[((back % m) + m) % m] as number);
}

/**
 * The same smoothing parameters with initial states estimated from another series (e.g. newer
 * data whose first value falls on another phase of the season).
 * @param model fitted parameters
 * @param values the new series on the modelling scale
 */
export function withInitialStates(model: SmoothingModel, values: ArrayLike<number>): SmoothingModel {
  const m = model.seasonLength > 1 && values.length >= 2 * model.seasonLength ? model.seasonLength : 1;
  return { ...model, seasonLength: m, ...initialStates(values, m, model.trend === "damped") };
}
