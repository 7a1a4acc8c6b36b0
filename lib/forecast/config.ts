import { longCyclePeriod } from "./cycle";
import { InvalidRequestError } from "./errors";
import type { ForecastConfig, ForecastRequest, SeriesInput } from "./types";

/** Fewest training windows (validation included) the backtest network may learn from. */
export const MIN_TRAIN_WINDOWS = 12;
/** Shortest lookback the automatic configuration goes down to. */
export const MIN_LOOKBACK = 4;
/** The LSTM runs at most about this many recurrent steps: longer lookbacks read several values per step. */
export const MAX_LSTM_STEPS = 12;
/** Fewest rolling backtest origins. */
export const MIN_BACKTEST_ORIGINS = 3;
/**
 * Most steps one forecast may ask for. Far beyond any useful horizon, yet it stops a typo
 * (`--horizon 10000000`) from filling memory with future timestamps and bands before failing.
 */
export const MAX_HORIZON = 100_000;
/**
 * Backtest errors (origins × horizon) the automatic settings aim for: with 2·h + 1 origins a
 * one-step horizon had 3, too few for a 95% conformal quantile (19) or a MASE to compare by.
 */
export const TARGET_BACKTEST_ERRORS = 40;

/**
 * Fewest usable values a series needs for a forecast with a backtest.
 * @param horizon steps to forecast
 * @param lookback input steps of the network
 * @param origins rolling backtest origins
 */
export function minimumLength(horizon: number, lookback = MIN_LOOKBACK, origins = MIN_BACKTEST_ORIGINS): number {
  // Backtest network: lookback + horizon − 1 + MIN_TRAIN_WINDOWS values; then origins − 1 more
  // origins and one horizon after the last one.
  return lookback + horizon - 1 + MIN_TRAIN_WINDOWS + (origins - 1) + horizon;
}

/**
 * The automatic settings for a request, with `request.config` applied on top. Sizes follow the
 * data: the lookback covers about two seasons or 1.5 horizons, the backtest uses 2·horizon + 1
 * (or, for short horizons, enough for {@link TARGET_BACKTEST_ERRORS} errors)
 * rolling origins (three non-overlapping folds), and both shrink for short histories so that the
 * backtest network keeps enough windows.
 * @param request the forecast request (uses horizon, seasonLength, frequency and series lengths)
 * @throws InvalidRequestError when horizon or season length is not a positive integer
 */
export function resolveConfig(request: Pick<ForecastRequest, "horizon" | "seasonLength" | "series" | "frequency" | "config">): ForecastConfig {
  const h = request.horizon;
  const m = request.seasonLength;
  checkHorizon(h);
  if (!Number.isInteger(m) || m < 1) throw new InvalidRequestError(`The season length must be a positive whole number of steps (got ${m}); use 1 for no season.`);
  const lengths = request.series.map((s) => usableLength(s.values));
  const n = lengths.length > 0 ? lengths.reduce((fewest, l) => Math.min(fewest, l)) : 0;
  const overrides = request.config ?? {};

  let origins = overrides.backtestOrigins ?? Math.max(2 * h + 1, Math.ceil(TARGET_BACKTEST_ERRORS / h));
  let lookback = overrides.lookback ?? Math.max(m > 1 ? 2 * m : 0, Math.round(1.5 * h), 8);
  // Keep about 60% of the history for the backtest network, then shrink the lookback to fit.
  if (overrides.backtestOrigins === undefined) {
    // The origins may not take so much that the shortest lookback no longer fits before them.
    const room = n - minimumLength(h, MIN_LOOKBACK, 1) + 1;
    origins = Math.max(MIN_BACKTEST_ORIGINS, Math.min(origins, Math.floor(0.4 * n) - h + 1, room));
  }
  if (overrides.lookback === undefined) {
    const fitEnd = n - h - (origins - 1);
    lookback = Math.max(MIN_LOOKBACK, Math.min(lookback, fitEnd - h + 1 - MIN_TRAIN_WINDOWS, Math.floor(fitEnd / 3)));
  }

  const patchLength = overrides.patchLength ?? Math.max(1, Math.ceil(lookback / MAX_LSTM_STEPS));
  if (overrides.lookback === undefined) lookback = Math.max(patchLength, patchLength * Math.floor(lookback / patchLength));

  const windows = Math.max(1, n - lookback - h + 1);
  const maxWindows = overrides.maxWindows ?? 1024;
  const used = Math.min(windows, maxWindows);
  return {
    lookback,
    patchLength,
    differenceInput: true,
    units: 32,
    layers: 1,
    dropout: 0,
    epochs: 300,
    learningRate: 0.003,
    batchSize: Math.min(used, 128),
    seed: 1,
    ensembleSize: 3,
    patience: 15,
    validationFraction: 0.2,
    maxWindows,
    transform: "auto",
    deseasonalize: "auto",
    cyclePeriod: longCyclePeriod(request.frequency),
    dampedTrend: "auto",
    screenOutliers: true,
    loss: "mae",
    backtestOrigins: origins,
    // The backtest's network learns from less (and older) data than the final one, so the backtest
    // understates the LSTM: over three holdouts of 40 real series (lib/forecast/README.md) 11 of 12
    // replacements at margins of 30–60% lost to the LSTM. Replacing it is a guard against a broken
    // network, not a close call.
    chooseMargin: 0.7,
    ...overrides,
  };
}

/** A series' name and its usable history in steps ({@link usableLength}): what a horizon is measured against. */
export interface SeriesHistory {
  name: string;
  length: number;
}

/**
 * The longest horizon a request may ask for: as many steps ahead as its longest series has
 * usable values, and never more than {@link MAX_HORIZON}. Further ahead, no backtest origin of
 * that length was ever observed to judge or calibrate the forecast by, and a slip (`100000` for
 * `10`) had Theta forecast 100,000 steps from 176 months, a run of 22 MB. R's forecast package
 * takes any h; Amazon Forecast allows a third of the history. One short series beside a long one
 * does not shorten it: the short one gets Theta's forecast at that horizon.
 * @param histories every series of the request (none: only MAX_HORIZON applies)
 */
export function horizonLimit(histories: readonly SeriesHistory[]): number {
  if (histories.length === 0) return MAX_HORIZON;
  let longest = 0;
  for (const s of histories) longest = Math.max(longest, s.length);
  return Math.min(MAX_HORIZON, longest);
}

/**
 * Why a horizon cannot be forecast from these histories, in a sentence naming the limit and what
 * to change; null when it can. The one rule the worker, the server (before it stores a run), the
 * CLI and the training form apply.
 * @param horizon steps ahead as asked (any number)
 * @param histories every series of the request (none: only the whole-number and MAX_HORIZON checks)
 */
export function describeHorizonProblem(horizon: number, histories: readonly SeriesHistory[] = []): string | null {
  if (!Number.isInteger(horizon) || horizon < 1) return `The horizon must be a positive whole number of steps (got ${horizon}).`;
  const limit = horizonLimit(histories);
  if (horizon <= limit) return null;
  const got = horizon.toLocaleString("en-US");
  const steps = `${limit.toLocaleString("en-US")} ${limit === 1 ? "step" : "steps"}`;
  if (limit === MAX_HORIZON) return `The horizon may be at most ${steps} (got ${got}).`;
  const longest = histories.find((s) => s.length === limit) as SeriesHistory;
  const whose = histories.length === 1 ? "the length of the history" : `the length of the longest history, that of "${longest.name}"`;
  return `The horizon may be at most ${steps}, ${whose} (got ${got}). Choose a horizon of at most ${steps}, or upload a longer history.`;
}

/**
 * Refuses a horizon {@link describeHorizonProblem} finds a problem with.
 * @throws InvalidRequestError naming the limit
 */
export function checkHorizon(horizon: number, histories: readonly SeriesHistory[] = []): void {
  const problem = describeHorizonProblem(horizon, histories);
  if (problem) throw new InvalidRequestError(problem);
}

/** The {@link SeriesHistory} of each series of a request. */
export function toHistories(series: readonly Pick<SeriesInput, "name" | "values">[]): SeriesHistory[] {
  return series.map((s) => ({ name: s.name, length: usableLength(s.values) }));
}

/**
 * Largest size of a value the forecaster takes, either side of zero. The network only sees
 * normalised values, so float32's 3.4e38 is no limit (1e40 forecasts as its scaled-down copy);
 * but the forecaster's float64 arithmetic squares values and their differences (variances,
 * smoothing errors, RMSE), which overflow to Infinity from about 1e154: ±1.7e308 made training
 * "diverge" with a learning-rate hint that could not help. 1e100 leaves room for sums of squares
 * of a million values, and is far beyond any quantity measured.
 */
export const MAX_ABS_VALUE = 1e100;

/** How a message names the limit, e.g. "`2e101` is beyond ±1e100, the largest values Tidecast can forecast". */
export const BEYOND_MAX_ABS_VALUE = `beyond ±${String(MAX_ABS_VALUE).replace("+", "")}, the largest values Tidecast can forecast`;

/**
 * Why a request's values are beyond {@link MAX_ABS_VALUE}, naming the series, the first such value
 * and its position; null when none is. Missing values (NaN) are not values.
 */
export function describeValueProblem(series: readonly Pick<SeriesInput, "name" | "values">[]): string | null {
  for (const s of series) {
    const { values } = s;
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as number;
      if (v > MAX_ABS_VALUE || v < -MAX_ABS_VALUE) {
        return (
          `Series "${s.name}" has the value ${v} (value ${(i + 1).toLocaleString("en-US")} of ${values.length.toLocaleString("en-US")}), ${BEYOND_MAX_ABS_VALUE}. ` +
          "Write the series in a larger unit (divide its values by a power of ten) and upload it again."
        );
      }
    }
  }
  return null;
}

/**
 * Refuses a request with a value {@link describeValueProblem} finds.
 * @throws InvalidRequestError naming the series and the value
 */
export function checkValues(series: readonly Pick<SeriesInput, "name" | "values">[]): void {
  const problem = describeValueProblem(series);
  if (problem) throw new InvalidRequestError(problem);
}

/** Values from the first observed (finite) one to the end: what the forecaster can use. */
export function usableLength(values: ArrayLike<number>): number {
  let first = 0;
  while (first < values.length && !Number.isFinite(values[first] as number)) first++;
  return values.length - first;
}

/**
 * Weights of one network (one input's LSTM stack and head; buildLstm in network.ts) as tfjs
 * holds them: the ensemble is one layer of ensembleSize × units units whose block-diagonal kernels
 * are stored dense.
 * @param spec units and layers per member, ensemble members, input values per step (patchLength × channels) and horizon
 */
export function countNetworkWeights(spec: Pick<ForecastConfig, "units" | "layers" | "ensembleSize" | "patchLength"> & { horizon: number; channels: number }): number {
  const width = spec.ensembleSize * spec.units;
  let weights = 0;
  for (let layer = 0; layer < spec.layers; layer++) {
    const inputs = layer === 0 ? spec.patchLength * spec.channels : width;
    weights += (inputs + width + 1) * 4 * width;
  }
  const outputs = spec.ensembleSize * spec.horizon;
  return weights + (width + 1) * outputs;
}

/**
 * Most weights one network may have: 400 MB as float32, about 1.6 GB with its gradients and
 * the optimiser's two moments, within the 4 GB a wasm backend can address. Past it, tfjs fails
 * with "Invalid typed array length" or runs out of memory part-way into a run.
 */
export const MAX_NETWORK_WEIGHTS = 100_000_000;

/**
 * Settings the forecaster cannot train with, refused before anything starts (the server checks
 * them before it stores a run).
 * @param horizon steps forecast (the size of the network's head)
 * @throws InvalidRequestError naming the setting and what it must be
 */
export function checkSettings(c: ForecastConfig, horizon: number): void {
  const positiveInts: (keyof ForecastConfig)[] = ["lookback", "units", "layers", "epochs", "batchSize", "ensembleSize", "maxWindows", "backtestOrigins", "patchLength"];
  for (const key of positiveInts) {
    const v = c[key];
    if (typeof v !== "number" || !Number.isInteger(v) || v < 1) throw new InvalidRequestError(`Setting "${key}" must be a positive whole number (got ${String(v)}).`);
  }
  if (c.lookback % c.patchLength !== 0) throw new InvalidRequestError(`Setting "lookback" (${c.lookback}) must be a multiple of "patchLength" (${c.patchLength}).`);
  if (c.backtestOrigins < 3) throw new InvalidRequestError(`Setting "backtestOrigins" must be at least 3 (got ${c.backtestOrigins}).`);
  if (!(c.learningRate > 0 && c.learningRate < 1)) throw new InvalidRequestError(`Setting "learningRate" must be between 0 and 1 (got ${c.learningRate}).`);
  if (!(c.dropout >= 0 && c.dropout < 1)) throw new InvalidRequestError(`Setting "dropout" must be at least 0 and below 1 (got ${c.dropout}).`);
  if (!(c.validationFraction >= 0 && c.validationFraction <= 0.5)) throw new InvalidRequestError(`Setting "validationFraction" must be between 0 and 0.5 (got ${c.validationFraction}).`);
  if (!(c.patience >= 1)) throw new InvalidRequestError(`Setting "patience" must be at least 1 (got ${c.patience}).`);
  if (!Number.isFinite(c.seed)) throw new InvalidRequestError(`Setting "seed" must be a number (got ${c.seed}).`);
  const weights = countNetworkWeights({ ...c, horizon, channels: c.differenceInput ? 2 : 1 });
  if (weights > MAX_NETWORK_WEIGHTS) {
    throw new InvalidRequestError(
      `The network would have ${weights.toLocaleString("en-US")} weights, more than the ${MAX_NETWORK_WEIGHTS.toLocaleString("en-US")} one training holds in memory; lower \`units\`, \`layers\` or \`ensembleSize\`.`,
    );
  }
}
