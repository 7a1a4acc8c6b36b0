import { fitSmoothing, forecastSmoothing, runSmoothing, type SmoothingStates } from "./exponential-smoothing";
import { seasonalIndices, seasonalRatios } from "./seasonality";
import type { MethodName, SmoothingModel } from "./types";

export type BaselineName = Exclude<MethodName, "lstm" | "combination">;
export const BASELINES: BaselineName[] = ["naive", "snaive", "holt_winters", "theta"];

/** Parameters of the baselines, estimated on a prefix of a series (modelling scale). */
export interface BaselineModels {
  seasonLength: number;
  holtWinters: SmoothingModel;
  theta: ThetaModel;
}

/** Theta's SES on the seasonally adjusted series, its drift, and the season taken off. */
export interface ThetaModel {
  smoothing: SmoothingModel;
  drift: number;
  seasonal: boolean;
  /** Seasonal indices (ratios when `multiplicative`), by classical decomposition. */
  indices: number[];
  multiplicative: boolean;
}

/**
 * Fits the baselines on the first `fitEnd` values of a series on its modelling scale (logged
 * when multiplicative, so the additive models here act multiplicatively).
 * - Holt-Winters with damped trend (additive season when `seasonal`), parameters by one-step MSE;
 * - Theta (Assimakopoulos & Nikolopoulos; as R's thetaf): SES plus half the linear drift, on the
 *   seasonally adjusted series when `seasonal`. Like thetaf, the season is taken off as ratios
 *   (multiplicative decomposition) when the series is positive and modelled on its own scale; a
 *   logged series has its season taken off additively, which is the same thing on the log scale.
 *   With additive indices a year of hourly temperature normals took the year's average daily
 *   swing into late December and scored MASE 13.4 where R's thetaf scores 2.0.
 * @param z values on the modelling scale
 * @param fitEnd number of leading values to fit on
 * @param seasonLength m, in steps
 * @param seasonal whether the series passed the seasonality test
 * @param ownScale whether z is the series on its own scale (no log), so ratios may be taken
 */
export function fitBaselines(z: Float64Array, fitEnd: number, seasonLength: number, seasonal: boolean, ownScale = false): BaselineModels {
  const m = Math.max(1, Math.round(seasonLength));
  const head = z.subarray(0, fitEnd);
  const holtWinters = fitSmoothing(head, { seasonLength: m, seasonal, trend: "damped" });
  const useSeason = seasonal && m > 1 && fitEnd >= 2 * m;
  const multiplicative = useSeason && ownScale && head.every((v) => v > 0);
  const indices = !useSeason ? [] : multiplicative ? seasonalRatios(head, m) : seasonalIndices(head, m);
  const adjusted = seasonallyAdjusted(head, { seasonal: useSeason, indices, multiplicative });
  const smoothing = fitSmoothing(adjusted, { seasonLength: 1, seasonal: false, trend: "none" });
  return { seasonLength: m, holtWinters, theta: { smoothing, drift: slope(adjusted), seasonal: useSeason, indices, multiplicative } };
}

/**
 * A series with Theta's season taken off (divided by the ratios or less the indices).
 * @param z values on the modelling scale, the first one at phase 0
 * @param theta the fitted (or saved) Theta model
 */
export function seasonallyAdjusted(z: Float64Array, theta: Pick<ThetaModel, "seasonal" | "indices" | "multiplicative">): Float64Array {
  if (!theta.seasonal) return z;
  const m = theta.indices.length;
  return theta.multiplicative ? z.map((v, t) => v / (theta.indices[t % m] as number)) : z.map((v, t) => v - (theta.indices[t % m] as number));
}

/** Least-squares slope of the values against their index (0 for fewer than two). */
export function slope(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return 0;
  const tMean = (n - 1) / 2;
  let yMean = 0;
  for (let t = 0; t < n; t++) yMean += values[t] as number;
  yMean /= n;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < n; t++) {
    sxy += (t - tMean) * ((values[t] as number) - yMean);
    sxx += (t - tMean) ** 2;
  }
  return sxy / sxx;
}

/** Baselines run over a whole series, ready to forecast from any origin. */
export interface BaselineRunner {
  /**
   * Forecast of a baseline made at `origin` (index of the last value used), modelling scale.
   * @param method which baseline
   * @param origin index of the last observation used
   * @param horizon steps ahead
   */
  forecast(method: BaselineName, origin: number, horizon: number): Float64Array;
}

/**
 * Runs fitted baselines over a series (the filters use each value as it arrives, so a forecast
 * at any origin uses only the data up to it).
 * @param z values on the modelling scale (may extend past the data the models were fitted on)
 * @param models output of {@link fitBaselines}
 */
export function runBaselines(z: Float64Array, models: BaselineModels): BaselineRunner {
  const m = models.seasonLength;
  const hwStates = runSmoothing(z, models.holtWinters);
  const { theta } = models;
  const thetaStates: SmoothingStates = runSmoothing(seasonallyAdjusted(z, theta), theta.smoothing);
  return {
    forecast(method, origin, horizon) {
      const out = new Float64Array(horizon);
      if (method === "naive") return out.fill(z[origin] as number);
      if (method === "snaive") {
        for (let j = 1; j <= horizon; j++) {
          const back = origin + j - m * Math.ceil(j / m);
          out[j - 1] = z[Math.max(0, back)] as number;
        }
        return out;
      }
      if (method === "holt_winters") return forecastSmoothing(hwStates, models.holtWinters, origin, horizon);
      const alpha = theta.smoothing.alpha;
      const n = origin + 1;
      const level = thetaStates.level[origin] as number;
      for (let j = 1; j <= horizon; j++) {
        const drift = 0.5 * theta.drift * (j - 1 + 1 / alpha - (1 - alpha) ** n / alpha);
        if (!theta.seasonal) out[j - 1] = level + drift;
        else if (theta.multiplicative) out[j - 1] = (level + drift) * (theta.indices[(origin + j) % m] as number);
        else out[j - 1] = level + drift + (theta.indices[(origin + j) % m] as number);
      }
      return out;
    },
  };
}
