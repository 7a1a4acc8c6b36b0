import { checkValues } from "./config";
import { fitLongCycle, withoutCycle } from "./cycle";
import { InvalidRequestError, SavedModelError, SeriesTooShortError } from "./errors";
import { withInitialStates } from "./exponential-smoothing";
import { seasonalIndices, seasonalRatios } from "./seasonality";
import { seasonallyAdjusted } from "./baselines";
import { applyTransform } from "./transform";
import { describeStopped, forecastMethods } from "./run-forecast";
import { screenOutliers } from "./outliers";
import { leftOutIndices } from "./leave-out";
import { cleanSeries, prepareSeries } from "./prepare";
import { loadNetwork } from "./saved-model";
import type { ModelForecast, SavedModel, SeriesInput, SkippedSeries } from "./types";

/**
 * Forecasts again with a saved model from newer data, without retraining: the saved smoothing
 * parameters and scale normalise the latest window, the network forecasts, the baselines run with
 * their saved parameters, and the saved calibrations give the intervals.
 * @param saved the model of an earlier run
 * @param series the series to forecast, matched to the saved ones by name (a single series also
 *   matches a single saved series of another name); values equally spaced, NaN = missing, ending
 *   together (alignEnds): one whose readings stopped more than `horizon` steps before the end is
 *   left out with a note, as a new run leaves it out (describeStopped)
 * @param horizon steps to forecast (at most the trained horizon; default: the trained horizon)
 * @throws SavedModelError when a series is unknown or the horizon is too long; InvalidRequestError
 *   for values beyond MAX_ABS_VALUE, or when every series' readings stopped
 */
export async function forecastFromModel(saved: SavedModel, series: SeriesInput[], horizon = saved.horizon): Promise<ModelForecast> {
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > saved.horizon) {
    throw new SavedModelError(`This model forecasts at most ${saved.horizon} steps; ask for 1 to ${saved.horizon} (got ${horizon}).`);
  }
  checkValues(series);
  const stopped = series.map((s) => describeStopped(s, horizon, saved.frequency));
  const firstStopped = stopped.find((reason) => reason !== null);
  if (firstStopped && stopped.every(Boolean)) throw new InvalidRequestError(firstStopped);
  const skipped: SkippedSeries[] = series.flatMap((s, i) => (stopped[i] ? [{ name: s.name, reason: stopped[i] }] : []));
  const matched = series.filter((_, i) => !stopped[i]).map((s) => {
    const state = saved.series.find((x) => x.name === s.name) ?? (saved.series.length === 1 && series.length === 1 ? saved.series[0] : undefined);
    if (!state) throw new SavedModelError(`The model was not trained on a series named "${s.name}" (it knows ${saved.series.map((x) => `"${x.name}"`).join(", ")}).`);
    return { input: s, state };
  });
  const { lookback, ensembleSize, units, layers, patchLength, differenceInput } = saved.config;
  const spec = { lookback, patch: patchLength, channels: differenceInput ? 2 : 1, horizon: saved.horizon, units, layers, ensembleSize };
  const inputs = Math.max(...saved.series.map((s) => s.input)) + 1;
  const model = await loadNetwork(saved);
  try {
    return {
      horizon,
      series: matched.map(({ input, state }) => {
        // The run's left-out periods stay out of the new data too (placed when the series has its times).
        const clean = cleanSeries(input.values, saved.seasonLength, leftOutIndices(input, saved.config.leaveOut));
        if (clean.values.length < lookback) throw new SeriesTooShortError(input.name, clean.values.length, lookback, horizon);
        const T = clean.values.length;
        const m = Math.max(1, Math.round(saved.seasonLength));
        // Fitted as the run was: without isolated outliers, when the run screened them.
        const values = saved.config.screenOutliers ? screenOutliers(clean.values, m).values : clean.values;
        // Initial states come from the new data, so its first value may fall on any phase of the season.
        const z = applyTransform(values, state.transform);
        const thetaSeasonal = state.theta.seasonal && T >= 2 * m;
        // Ratios as the run took them, unless the new data is not positive throughout.
        const multiplicative = thetaSeasonal && state.theta.multiplicative === true && z.every((v) => v > 0);
        const indices = !thetaSeasonal ? [] : multiplicative ? seasonalRatios(z, m) : seasonalIndices(z, m);
        const season = { seasonal: thetaSeasonal, indices, multiplicative };
        const baselineModels = {
          seasonLength: m,
          holtWinters: withInitialStates(state.holtWinters, z),
          theta: { ...state.theta, ...season, smoothing: withInitialStates(state.theta.smoothing, seasonallyAdjusted(z, season)) },
        };
        // The cycle's phase is counted from the first value, so it is fitted again on the new data
        // when that covers two cycles; a shorter series is assumed to start where the old one did.
        const savedCycle = state.cycle ?? null;
        const cycle = savedCycle && T >= 2 * savedCycle.period ? fitLongCycle(z, savedCycle.period) : savedCycle;
        const prepared = prepareSeries(values, {
          seasonLength: saved.seasonLength,
          fitEnd: T,
          lookback,
          horizon: saved.horizon,
          transform: state.transform,
          deseasonalize: state.deseasonalized ? "on" : "off",
          upperBound: input.upperBound,
          fixed: {
            transform: state.transform,
            deseasonalized: state.deseasonalized,
            cycle,
            smoothing: withInitialStates(state.smoothing, cycle ? withoutCycle(z, cycle) : z),
            scale: state.scale,
          },
        });
        const forecasts = forecastMethods({ model }, spec, prepared, baselineModels, state.calibration, T - 1, horizon, state.input, inputs);
        return { name: input.name, forecasts, chosen: state.chosen, ...(clean.missingAtEnd > 0 ? { missingAtEnd: clean.missingAtEnd } : {}) };
      }),
      ...(skipped.length > 0 ? { skipped } : {}),
    };
  } finally {
    model.dispose();
  }
}
