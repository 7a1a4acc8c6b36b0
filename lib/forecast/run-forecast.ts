import { backtestMaseScale, maseScale } from "../metrics";
import { formatSteps } from "../time/format-steps";
import { initBackend } from "./backend";
import { describeBackend } from "./describe-backend";
import { historyResiduals, planBacktest, scoreBacktest, toFolds, type BacktestPlan } from "./backtest";
import { BASELINES, fitBaselines, runBaselines, type BaselineModels, type BaselineRunner } from "./baselines";
import { checkHorizon, checkSettings, checkValues, minimumLength, resolveConfig, toHistories, usableLength } from "./config";
import { COMBINED_METHODS, combineForecasts } from "./combination";
import { seasonFitsHistory, seasonToModel } from "./cycle";
import { toIntervals } from "./conformal";
import { InvalidRequestError, SeriesTooShortError } from "./errors";
import { applyLeaveOut, blankAt, countLeftOut, describeLeaveOut, formatAt, isFrequencyKind, leftOutIndices } from "./leave-out";
import { buildLstm, disposeNetwork, type Network, type NetworkSpec } from "./network";
import { describeIntermittent } from "./intermittent";
import { screenOutliers } from "./outliers";
import { applyTransform } from "./transform";
import { predictMedian } from "./predict";
import { choosePreparation, cleanSeries, missingAtEnd, prepareSeries, stopsBeyondHorizon, scoredValues, unscoredGaps, type CleanSeries, type PreparedSeries } from "./prepare";
import { captureArtifacts } from "./saved-model";
import { forecastShortSeries, planSeries, SHORT_SERIES_MIN_FIT } from "./short-series";
import { trainNetwork, type TrainResult } from "./train";
import {
  METHOD_LABELS,
  METHOD_MENU_LABELS,
  METHOD_NAMES,
  type BacktestFold,
  type BacktestMetrics,
  type BackendInfo,
  type Calibration,
  type ForecastConfig,
  type ForecastMode,
  type ForecastOutcome,
  type ForecastProgress,
  type ForecastRequest,
  type ForecastStage,
  type IntervalForecast,
  type MethodName,
  type NetworkForecastOutcome,
  type NetworkSeriesOutcome,
  type RunForecastOptions,
  type SavedSeriesState,
  type SeriesInput,
  type SeriesOutcome,
  type SeriesPreprocessing,
  type SkippedSeries,
  type TrainingHistory,
} from "./types";
import { denormalize, makeWindows, type SeriesFrame, type Windows } from "./windows";

/** Final epochs never go below this, even when validation picked an earlier epoch. */
const MIN_FINAL_EPOCHS = 5;

/**
 * Trains the LSTM forecaster and judges it against baselines: for each network (one per series,
 * or one global network), a backtest network is trained up to the first rolling origin (with a
 * time-ordered validation split and early stopping), every method forecasts from every rolling
 * origin, conformal intervals are calibrated on those residuals, then the final network is
 * trained on all data for the epochs validation chose and every method forecasts the future.
 * @param request series, horizon (steps), season length (steps), optional mode and overrides
 * @param options progress callback (at most once per epoch), stop poll (per batch), backend options
 * @throws InvalidRequestError, SeriesTooShortError, TrainingDivergedError (see errors.ts)
 */
export async function runForecast(given: ForecastRequest, options: RunForecastOptions = {}): Promise<NetworkForecastOutcome> {
  const started = Date.now();
  checkRequest(given);
  const asked = applyLeaveOut(given);
  checkHorizon(asked.horizon, toHistories(asked.series));
  const periods = asked.config?.leaveOut;
  const cleaned = asked.series.map((s) => cleanSeries(s.values, asked.seasonLength, leftOutIndices(s, periods)));
  const m = seasonFitsHistory(asked.seasonLength, Math.max(...cleaned.map((c) => c.values.length)))
    ? seasonToModel(asked.frequency, asked.seasonLength, cleaned.map((c) => c.values), asked.config?.deseasonalize)
    : 1;
  // Everything downstream (lookback, baselines, backtest scale, saved model) uses the modelled season.
  const request: ForecastRequest = { ...asked, seasonLength: m };
  const config = resolveConfig(request);
  checkSettings(config, request.horizon);
  const backend = await initBackend(options.backend);
  const h = request.horizon;
  const needed = minimumLength(h, config.lookback, config.backtestOrigins);
  cleaned.forEach((c, i) => {
    if (c.values.length < needed) throw new SeriesTooShortError(request.series[i]?.name ?? `#${i + 1}`, c.values.length, needed, h, true, describeLeftOut(request, i));
  });
  const mode: ForecastMode = request.mode ?? (request.series.length > 1 ? "global" : "per-series");
  const groups = mode === "global" ? [request.series.map((_, i) => i)] : request.series.map((_, i) => [i]);
  const spec: NetworkSpec = {
    lookback: config.lookback,
    patch: config.patchLength,
    channels: config.differenceInput ? 2 : 1,
    horizon: h,
    units: config.units,
    layers: config.layers,
    ensembleSize: config.ensembleSize,
  };

  let stopped = false;
  const shouldStop = () => {
    if (!stopped && options.shouldStop?.()) stopped = true;
    return stopped;
  };
  const clock = new EtaClock(started, groups.length, config.patience, config.epochs);
  const backendLabel = describeBackend(backend);
  const emit = (p: Omit<ForecastProgress, "elapsedMs" | "etaMs" | "backend" | "backendLabel" | "models">) =>
    options.onProgress?.({ ...p, models: groups.length, elapsedMs: Date.now() - started, etaMs: clock.eta(p.stage, p.epoch), backend: backend.name, backendLabel });

  const outcomes: NetworkSeriesOutcome[] = [];
  const states: SavedSeriesState[] = [];
  const history: TrainingHistory[] = [];
  const finals: Network[] = [];
  try {
    for (const [g, members] of groups.entries()) {
      const group = await forecastGroup({
        names: members.map((i) => request.series[i]?.name ?? `#${i + 1}`),
        cleaned: members.map((i) => cleaned[i] as CleanSeries),
        leftOut: members.map((i) => countLeftOut(asked.series[i] as SeriesInput, periods, (cleaned[i] as CleanSeries).offset)),
        upperBounds: members.map((i) => request.series[i]?.upperBound),
        input: mode === "global" ? 0 : g,
        model: g + 1,
        config,
        spec,
        seasonLength: m,
        askedSeasonLength: asked.seasonLength,
        frequency: asked.frequency,
        emit,
        clock,
        shouldStop,
        isStopped: () => stopped,
      });
      outcomes.push(...group.outcomes);
      states.push(...group.states);
      history.push(...group.history);
      finals.push(group.network);
    }
    emit({ stage: "forecasting", model: groups.length, epoch: 0, epochs: 0, loss: Number.NaN });
    const combined = combineNetworks(finals, spec, config.seed);
    const artifacts = await captureArtifacts(combined.model);
    if (finals.length > 1) disposeNetwork(combined);
    return {
      config,
      mode,
      horizon: h,
      seasonLength: m,
      backend,
      stopped,
      history,
      series: outcomes,
      model: { format: "tidecast-lstm", version: 1, config, mode, horizon: h, seasonLength: m, frequency: request.frequency, series: states, ...artifacts },
      elapsedMs: Date.now() - started,
    };
  } finally {
    for (const network of finals) disposeNetwork(network);
  }
}

/**
 * The forecast an analyst asked for: {@link runForecast} (the LSTM judged against the baselines)
 * for every series long enough for the network and its backtest at this horizon, and
 * {@link runClassicalForecast} (Theta recommended) for the others, in the request's order. A wide
 * file where one product started late still gets a forecast for every column, as the CLI gives;
 * the saved model then covers the long series only. A series with fewer values than any method
 * is fitted on (below {@link SHORT_SERIES_MIN_FIT} + 1: a product launched last quarter) is left
 * out and named in `skipped`, with why: one new column must not stop the forecast of the other
 * nine. Repeating its last value instead was not done: with one to four values there are no
 * backtest errors to give that forecast bands, and a band-less number would read as certain.
 * @param request series, horizon, season length, mode and overrides
 * @param options as for runForecast (the short series' forecasts report no stages)
 * @throws SeriesTooShortError when every series is too short for any forecast; InvalidRequestError
 *   for a horizon longer than the longest history (see describeHorizonProblem)
 */
export async function runForecastOrFallback(given: ForecastRequest, options: RunForecastOptions = {}): Promise<ForecastOutcome> {
  const started = Date.now();
  checkRequest(given);
  // Blanked first, so that every length below counts what is left (a period at the start shortens the history).
  const request = applyLeaveOut(given);
  const usable = request.series.map((s) => usableLength(s.values));
  const tooFew = usable.map((n) => planSeries(n, request.horizon) === "skip");
  // Readings that stopped more than a horizon before the end: every forecast step would follow
  // values filled on from the last reading, none a value that was read.
  const stopped = request.series.map((s, i) => (tooFew[i] ? null : describeStopped(s, request.horizon, request.frequency)));
  const firstStopped = stopped.findIndex((reason) => reason !== null);
  const firstTooShort = tooFew.indexOf(true);
  if (tooFew.every((few, i) => few || stopped[i] !== null)) {
    if (firstStopped >= 0) throw new InvalidRequestError(stopped[firstStopped] as string);
    const name = (request.series[firstTooShort] as SeriesInput).name;
    throw new SeriesTooShortError(name, usable[firstTooShort] as number, SHORT_SERIES_MIN_FIT + 1, request.horizon, false, describeLeftOut(request, firstTooShort));
  }
  // Checked on the whole request: the series too short for the LSTM are forecast apart below, and
  // they may be forecast as far ahead as the longest history reaches.
  checkHorizon(request.horizon, toHistories(request.series));
  if (firstTooShort >= 0 || firstStopped >= 0) {
    const reasonOf = (s: SeriesInput, i: number) => (tooFew[i] ? describeSkipped(s.name, usable[i] as number) : stopped[i]);
    const skipped: SkippedSeries[] = request.series.flatMap((s, i) => {
      const reason = reasonOf(s, i);
      return reason ? [{ name: s.name, reason }] : [];
    });
    const rest = await runForecastOrFallback({ ...request, series: request.series.filter((s, i) => !reasonOf(s, i)) }, options);
    return { ...rest, skipped: [...skipped, ...(rest.skipped ?? [])], elapsedMs: Date.now() - started };
  }
  const short = usable.map((n) => planSeries(n, request.horizon) === "classical");
  if (short.every(Boolean)) return runClassicalForecast(request, options);
  if (!short.some(Boolean)) return runForecast(request, options);
  // The classical forecasts first: they take milliseconds.
  const classical = await classicalForecast({ ...request, series: request.series.filter((_, i) => short[i]) });
  const network = await runForecast({ ...request, series: request.series.filter((_, i) => !short[i]) }, options);
  const byName = new Map([...network.series, ...classical.series].map((s) => [s.name, s]));
  return {
    ...network,
    series: request.series.map((s) => byName.get(s.name) as SeriesOutcome),
    elapsedMs: Date.now() - started,
  };
}

/**
 * Why a series whose readings stopped more than `horizon` steps before the end (a sensor removed, a
 * product discontinued; its missing values run to the end of the request) is left out, or null when
 * they did not. Forecast from its last reading, its steps would lie among times the other series
 * already have; forecast from the end, it would continue a line carried on from that reading.
 * @param series values, with their times when the run has them (to name the last reading)
 * @param frequency the request's frequency label ("monthly"): steps and times in its words
 */
export function describeStopped(series: Pick<SeriesInput, "name" | "values" | "times">, horizon: number, frequency: string | undefined): string | null {
  const missing = missingAtEnd(series.values);
  if (!stopsBeyondHorizon(missing, series.values.length, horizon)) return null;
  const kinds = isFrequencyKind(frequency) ? [frequency] : [];
  const lastTime = series.times?.[series.values.length - 1 - missing];
  const stop = lastTime === undefined ? `${formatSteps(missing, kinds)} before the end` : `at ${formatAt(lastTime, frequency)}`;
  return (
    `Series "${series.name}" was left out of this run: its readings stop ${stop}, and its last ${formatSteps(missing, kinds)} are missing, more than the ${formatSteps(horizon, kinds)} forecast. ` +
    `Its forecast would start from its last reading carried forward over them, a level nobody measured, so the other series were forecast without it. ` +
    `To continue it from its last reading, forecast it on its own.`
  );
}

/** Why a series was left out of a run: it has fewer values than any forecast is made from. */
function describeSkipped(name: string, usable: number): string {
  return (
    `Series "${name}" has ${usable} usable ${usable === 1 ? "value" : "values"}; a forecast needs at least ${SHORT_SERIES_MIN_FIT + 1}, whatever the horizon, ` +
    `so it was left out of this run and the other series were forecast. Forecast it again once it has a longer history.`
  );
}

/**
 * A run without a network, for series too short for the LSTM: per series Theta's forecast
 * (recommended) beside naive and seasonal naive, refitted at every origin for conformal
 * intervals and a backtest ({@link forecastShortSeries}). No backend is loaded, nothing is
 * trained, and there is no model to save.
 * @param request series, horizon, season length and mode (the network's settings are kept as resolved, unused)
 * @param options progress callback (preparing, then forecasting each series in turn, as "model i of n")
 * @throws SeriesTooShortError when a series has fewer values than Theta can be fitted on;
 *   InvalidRequestError for a horizon longer than the longest history
 */
export async function runClassicalForecast(given: ForecastRequest, options: RunForecastOptions = {}): Promise<ForecastOutcome> {
  checkRequest(given);
  const request = applyLeaveOut(given);
  checkHorizon(request.horizon, toHistories(request.series));
  return classicalForecast(request, options);
}

/** {@link runClassicalForecast} of a request already checked (the short series of a mixed run are forecast to the longest one's horizon). */
async function classicalForecast(request: ForecastRequest, options: RunForecastOptions = {}): Promise<ForecastOutcome> {
  const started = Date.now();
  const config = resolveConfig(request);
  const models = request.series.length;
  const emit = (stage: ForecastStage, model: number) =>
    options.onProgress?.({ stage, model, models, epoch: 0, epochs: 0, loss: Number.NaN, elapsedMs: Date.now() - started, etaMs: 0, backend: null, backendLabel: null });
  emit("preparing", 1);
  // Refitted at every origin, each series takes a fraction of a second: the 60 columns of a wide
  // file took 24 s, and the bar stood at "Preparing data", 0%, all along. It now counts the series.
  const series = request.series.map((s, i) => {
    emit("forecasting", i + 1);
    return forecastShortSeries(s, request.horizon, request.seasonLength, request.config?.leaveOut, request.frequency).outcome;
  });
  return {
    config,
    mode: request.mode ?? (request.series.length > 1 ? "global" : "per-series"),
    horizon: request.horizon,
    seasonLength: request.seasonLength,
    backend: null,
    stopped: false,
    history: [],
    series,
    model: null,
    elapsedMs: Date.now() - started,
  };
}

type SeriesPreprocessingLeftOut = NonNullable<SeriesPreprocessing["leftOut"]>;

interface GroupJob {
  names: string[];
  cleaned: CleanSeries[];
  /** The left-out periods that held values of each series, with how many. */
  leftOut: SeriesPreprocessingLeftOut[];
  /** Each series' {@link SeriesInput.upperBound}. */
  upperBounds: (number | undefined)[];
  /** Input of the saved model this group's network becomes. */
  input: number;
  /** 1-based network index for progress. */
  model: number;
  config: ForecastConfig;
  spec: NetworkSpec;
  seasonLength: number;
  /** The season the request asked for (differs when a week was found in daily data). */
  askedSeasonLength: number;
  /** The request's frequency label (a week of daily data is tested for differently). */
  frequency: string | undefined;
  emit: (p: Omit<ForecastProgress, "elapsedMs" | "etaMs" | "backend" | "backendLabel" | "models">) => void;
  clock: EtaClock;
  shouldStop: () => boolean;
  isStopped: () => boolean;
}

interface SeriesState {
  name: string;
  clean: CleanSeries;
  /** The values every method is fitted on: `clean.values` without isolated outliers. */
  fit: Float64Array;
  /** The outliers' indices in `clean.values`. */
  outliers: number[];
  /** The last values' indices in `clean.values`, when they are as far out as an outlier. */
  unusualEnd: number[];
  plan: BacktestPlan;
  prepared: PreparedSeries;
  baselines: BaselineRunner;
}

/** Backtest, final training and forecasts of one network and the series it serves. */
async function forecastGroup(job: GroupJob) {
  const { config, spec, seasonLength: m } = job;
  const h = spec.horizon;
  job.emit({ stage: "preparing", model: job.model, epoch: 0, epochs: config.epochs, loss: Number.NaN });
  const backtestSeries: SeriesState[] = job.cleaned.map((clean, i) => {
    const plan = planBacktest(clean.values.length, h, config.backtestOrigins);
    const screen = config.screenOutliers ? screenOutliers(clean.values, m) : { indices: [], values: clean.values, unusualEnd: [] };
    const { cycle, ...decided } = choosePreparation(screen.values, m, config, h, job.frequency);
    const prepared = prepareSeries(screen.values, { ...prepOptions(config, m, h), ...decided, cyclePeriod: cycle === "on" ? config.cyclePeriod : 0, fitEnd: plan.first + 1, upperBound: job.upperBounds[i] });
    const models = fitBaselines(prepared.frame.z, plan.first + 1, m, prepared.deseasonalized, prepared.transform === "none");
    return { name: job.names[i] as string, clean, fit: screen.values, outliers: screen.indices, unusualEnd: screen.unusualEnd, plan, prepared, baselines: runBaselines(prepared.frame.z, models) };
  });

  // Backtest network: trained on the data up to the first rolling origin.
  const history: TrainingHistory[] = [];
  const backtestNet = buildLstm(spec, job.config.seed);
  let finalNet: Network | null = null;
  try {
    const split = collectWindows(
      backtestSeries.map((s) => ({ frame: s.prepared.frame, fitEnd: s.plan.first + 1 })),
      config,
      h,
      spec.channels,
    );
    job.clock.startStage("backtest");
    const backtestRun = await train(job, backtestNet, "backtest", split.train, split.validation, config.epochs);
    history.push(toHistory("backtest", job, backtestRun));

    // Every method forecasts from every rolling origin.
    const scored = backtestSeries.map((s) => scoreSeries(s, backtestNet, spec, m));

    // Final network on all data, for as many epochs as validation chose.
    let finalSeries = backtestSeries.map((s) => ({ clean: s.clean, prepared: s.prepared }));
    let network = backtestNet;
    const stoppedInBacktest = job.isStopped();
    if (!stoppedInBacktest) {
      const prepared = backtestSeries.map((s, i) =>
        prepareSeries(s.fit, {
          ...prepOptions(config, m, h),
          upperBound: job.upperBounds[i],
          transform: s.prepared.transform,
          deseasonalize: s.prepared.deseasonalized ? "on" : "off",
          cyclePeriod: s.prepared.cycle?.period ?? 0,
          dampedTrend: s.prepared.smoothing.trend === "damped",
          fitEnd: s.clean.values.length,
        }),
      );
      const all = collectWindows(
        prepared.map((p, i) => ({ frame: p.frame, fitEnd: (backtestSeries[i] as SeriesState).clean.values.length })),
        { ...config, validationFraction: 0 },
        h,
        spec.channels,
      );
      const epochs = Math.min(config.epochs, Math.max(MIN_FINAL_EPOCHS, backtestRun.bestEpoch));
      finalNet = buildLstm(spec, config.seed);
      job.clock.startStage("training", epochs);
      const finalRun = await train(job, finalNet, "training", all.train, undefined, epochs);
      history.push(toHistory("training", job, finalRun));
      // A final network stopped before half its epochs is worse than the backtest network.
      if (!finalRun.stopped || finalRun.epochs.length >= epochs / 2) {
        network = finalNet;
        finalSeries = backtestSeries.map((s, i) => ({ clean: s.clean, prepared: prepared[i] as PreparedSeries }));
      }
    }
    job.clock.finishGroup();

    job.emit({ stage: "forecasting", model: job.model, epoch: 0, epochs: 0, loss: Number.NaN });
    const outcomes: NetworkSeriesOutcome[] = [];
    const states: SavedSeriesState[] = [];
    finalSeries.forEach((s, i) => {
      const bt = backtestSeries[i] as SeriesState;
      const score = scored[i] as ReturnType<typeof scoreSeries>;
      const T = s.clean.values.length;
      const baselineModels = fitBaselines(s.prepared.frame.z, T, m, s.prepared.deseasonalized, s.prepared.transform === "none");
      const calibration = score.calibration;
      const unscored = unscoredGaps(s.clean, bt.plan.first);
      const forecasts = forecastMethods(network, spec, s.prepared, baselineModels, calibration, T - 1, h);
      const untrained = history.every((run) => run.epochs.length === 0);
      const means = Object.fromEntries(Object.entries(forecasts).map(([method, f]) => [method, f.mean]));
      const choice = choose(score.metrics, score.halves, config.chooseMargin, untrained, backtestRun.stopped ? Number.POSITIVE_INFINITY : backtestRun.bestEpoch, {
        means,
        scale: maseScale(s.clean.values, 1),
      });
      outcomes.push({
        name: bt.name,
        forecasts,
        metrics: score.metrics,
        backtestOrigins: config.backtestOrigins,
        folds: score.folds,
        chosen: choice.method,
        chosenReason: choice.reason + describeIntermittent(s.clean.values, forecasts[choice.method].mean),
        preprocessing: {
          transform: s.prepared.transform,
          deseasonalized: s.prepared.deseasonalized,
          seasonLength: m,
          ...(m > job.askedSeasonLength ? { seasonFound: true } : {}),
          ...(m < job.askedSeasonLength ? { seasonDropped: job.askedSeasonLength } : {}),
          ...(s.prepared.cycle ? { cyclePeriod: s.prepared.cycle.period } : {}),
          ...(s.prepared.smoothing.trend === "damped" ? { dampedTrend: true } : {}),
          filled: s.clean.filled,
          ...(s.clean.filledWithSeason ? { filledWithSeason: true } : {}),
          ...((job.leftOut[i]?.length ?? 0) > 0 ? { leftOut: job.leftOut[i] } : {}),
          ...(unscored > 0 ? { unscoredGaps: unscored } : {}),
          ...(s.clean.missingAtEnd > 0 ? { missingAtEnd: s.clean.missingAtEnd } : {}),
          ...(bt.outliers.length > 0 ? { outliers: bt.outliers.map((k) => k + s.clean.offset) } : {}),
          ...(bt.unusualEnd.length > 0 ? { unusualEnd: bt.unusualEnd.map((k) => k + s.clean.offset) } : {}),
        },
      });
      states.push({
        name: bt.name,
        input: job.input,
        transform: s.prepared.transform,
        deseasonalized: s.prepared.deseasonalized,
        cycle: s.prepared.cycle,
        smoothing: s.prepared.smoothing,
        scale: s.prepared.frame.scale,
        holtWinters: baselineModels.holtWinters,
        theta: { smoothing: baselineModels.theta.smoothing, drift: baselineModels.theta.drift, seasonal: baselineModels.theta.seasonal, indices: baselineModels.theta.indices, multiplicative: baselineModels.theta.multiplicative },
        calibration,
        chosen: choice.method,
      });
    });
    const kept = network;
    if (kept !== backtestNet) disposeNetwork(backtestNet);
    if (finalNet && kept !== finalNet) disposeNetwork(finalNet);
    finalNet = null;
    return { outcomes, states, history, network: kept };
  } catch (err) {
    disposeNetwork(backtestNet);
    if (finalNet) disposeNetwork(finalNet);
    throw err;
  }
}

function prepOptions(config: ForecastConfig, seasonLength: number, horizon: number) {
  return {
    seasonLength,
    lookback: config.lookback,
    horizon,
    transform: config.transform,
    deseasonalize: config.deseasonalize,
  };
}

/** Training (and validation, the most recent share) windows of the series of one network, at most `maxWindows` per series. */
function collectWindows(series: { frame: SeriesFrame; fitEnd: number }[], config: ForecastConfig, horizon: number, channels: number) {
  const train: Windows[] = [];
  const validation: Windows[] = [];
  for (const { frame, fitEnd } of series) {
    // Windows from the whole history (evenly strided when there are more than maxWindows), so the
    // network learns how the series behaves in every regime, not only in the latest one.
    const last = fitEnd - 1 - horizon;
    const first = config.lookback - 1;
    const stride = Math.max(1, Math.ceil((last - first + 1) / config.maxWindows));
    const origins: number[] = [];
    for (let o = last - stride * Math.floor((last - first) / stride); o <= last; o += stride) origins.push(o);
    const held = origins.length >= 5 ? Math.round(config.validationFraction * origins.length) : 0;
    train.push(makeWindows(frame, origins.slice(0, origins.length - held), config.lookback, horizon, channels));
    if (held > 0) validation.push(makeWindows(frame, origins.slice(origins.length - held), config.lookback, horizon, channels));
  }
  return { train: concatWindows(train), validation: validation.length ? concatWindows(validation) : undefined };
}

function concatWindows(list: Windows[]): Windows {
  const first = list[0] as Windows;
  if (list.length === 1) return first;
  const { lookback, channels, horizon } = first;
  const count = list.reduce((s, w) => s + w.count, 0);
  const xs = new Float32Array(count * lookback * channels);
  const ys = new Float32Array(count * horizon);
  const origins = new Int32Array(count);
  let at = 0;
  for (const w of list) {
    xs.set(w.xs, at * lookback * channels);
    ys.set(w.ys, at * horizon);
    origins.set(w.origins, at);
    at += w.count;
  }
  return { xs, ys, count, lookback, channels, horizon, origins };
}

async function train(job: GroupJob, network: Network, stage: "backtest" | "training", data: Windows, validation: Windows | undefined, epochs: number) {
  if (job.isStopped() || data.count === 0) return { epochs: [], bestEpoch: 0, stopped: job.isStopped() } satisfies TrainResult;
  job.emit({ stage, model: job.model, epoch: 0, epochs, loss: Number.NaN });
  return trainNetwork(network, data, {
    epochs,
    batchSize: job.config.batchSize,
    learningRate: job.config.learningRate,
    patience: job.config.patience,
    loss: job.config.loss,
    dropout: job.config.dropout,
    seed: job.config.seed,
    validation,
    shouldStop: job.shouldStop,
    onEpoch: (e) => {
      job.clock.epochDone(e.epoch, e.valLoss);
      job.emit({ stage, model: job.model, epoch: e.epoch, epochs, loss: e.loss, valLoss: e.valLoss });
    },
  });
}

function toHistory(stage: "backtest" | "training", job: GroupJob, run: TrainResult): TrainingHistory {
  return { stage, model: job.model, series: job.names, epochs: run.epochs, bestEpoch: run.bestEpoch };
}

/** Rolling-origin forecasts of every method for one series, their scores and calibrations. */
function scoreSeries(series: SeriesState, network: Network, spec: NetworkSpec, seasonLength: number) {
  const { plan, prepared, clean } = series;
  const h = spec.horizon;
  // Residuals (metrics and calibration) are taken against the values as they are, outliers too, and
  // never against filled ones: gaps in the file and values left out on purpose were not measured.
  const actual = scoredValues(clean);
  const z = series.outliers.length > 0 || clean.filledAt.length > 0 ? applyTransform(actual, prepared.transform) : prepared.frame.z;
  const origins = Array.from({ length: plan.last - plan.first + 1 }, (_, k) => plan.first + k);
  const windows = makeWindows(prepared.frame, origins, spec.lookback, h, spec.channels);
  const [normalised] = predictMedian(network.model, [windows.xs], windows.count, spec.lookback, spec.patch, spec.channels, spec.ensembleSize, h);
  const forecasts = byMethod(
    origins.map((o, k) => denormalize(prepared.frame, o, (normalised as Float32Array).subarray(k * h, (k + 1) * h))),
    (method) => origins.map((o) => series.baselines.forecast(method, o, h)),
    combineRows,
  );
  // Earlier history adds calibration rows: the baselines themselves, and for the LSTM the level and
  // season it starts from (its own in-sample errors would be optimistic).
  const burnIn = Math.max(spec.lookback, 2 * seasonLength, Math.floor(0.1 * plan.first));
  const lastHistoryOrigin = plan.first - h;
  const past = (forecastAt: (o: number) => ArrayLike<number>) =>
    historyResiduals(z, forecastAt, burnIn, lastHistoryOrigin, h, origins.length);
  const history = byMethod(
    past((o) => denormalize(prepared.frame, o, new Float32Array(h))),
    (method) => past((o) => series.baselines.forecast(method, o, h)),
    combineRows,
  );
  const metrics = {} as Record<MethodName, BacktestMetrics>;
  const halves = {} as Record<MethodName, [number, number]>;
  const calibration = {} as Record<MethodName, Calibration>;
  // The errors are the values' as read, but the MASE scale is the series' usual step, taken without
  // the outliers: one typo of 1e9 among values of 100 made that step 4e7 and every MASE 0.000.
  const maseDenominator = backtestMaseScale(clean.filledAt.length > 0 ? blankAt(series.fit, clean.filledAt) : series.fit, plan.first, seasonLength);
  for (const method of Object.keys(forecasts) as MethodName[]) {
    const scores = scoreBacktest(actual, z, prepared, plan, forecasts[method], seasonLength, history[method], maseDenominator);
    metrics[method] = scores.metrics;
    halves[method] = scores.maseByHalf;
    calibration[method] = scores.calibration;
  }
  const folds: BacktestFold[] = toFolds(actual, prepared, plan, forecasts, clean.offset);
  return { metrics, halves, calibration, folds };
}

/**
 * Forecasts of every method from one origin with their conformal intervals.
 * @param network the network whose normalisation `prepared` describes
 * @param origin index of the last observation used (clean indexing)
 */
export function forecastMethods(
  network: Pick<Network, "model">,
  spec: NetworkSpec,
  prepared: PreparedSeries,
  baselineModels: BaselineModels,
  calibration: Record<MethodName, Calibration>,
  origin: number,
  horizon: number,
  input = 0,
  inputs = 1,
): Record<MethodName, IntervalForecast> {
  const latest = makeWindows(prepared.frame, [origin], spec.lookback, horizon, spec.channels);
  const feeds = Array.from({ length: inputs }, (_, i) => (i === input ? latest.xs : new Float32Array(latest.xs.length)));
  const outputs = predictMedian(network.model, feeds, 1, spec.lookback, spec.patch, spec.channels, spec.ensembleSize, spec.horizon);
  const normalised = (outputs[input] as Float32Array).subarray(0, horizon);
  const runner = runBaselines(prepared.frame.z, baselineModels);
  const points = byMethod<Float64Array>(
    denormalize(prepared.frame, origin, normalised),
    (method) => runner.forecast(method, origin, horizon),
    combineForecasts,
  );
  // Models saved before the combination existed have no calibration for it: the LSTM's is closest.
  const calibrationOf = (method: MethodName): Calibration => (calibration as Partial<Record<MethodName, Calibration>>)[method] ?? calibration.lstm;
  const out = {} as Record<MethodName, IntervalForecast>;
  for (const method of Object.keys(points) as MethodName[]) out[method] = toIntervals(points[method], calibrationOf(method), prepared);
  return out;
}

/**
 * A record over every method: the LSTM's value, each baseline's, and the combination of the
 * {@link COMBINED_METHODS}' values.
 */
function byMethod<T>(lstm: T, baseline: (method: (typeof BASELINES)[number]) => T, combine: (members: T[]) => T): Record<MethodName, T> {
  const out: Partial<Record<MethodName, T>> = { lstm };
  for (const method of BASELINES) out[method] = baseline(method);
  out.combination = combine(COMBINED_METHODS.map((method) => out[method] as T));
  return out as Record<MethodName, T>;
}

/** The combination of per-origin rows (forecasts or residuals), origin by origin. */
function combineRows(members: Float64Array[][]): Float64Array[] {
  return (members[0] ?? []).map((_, k) => combineForecasts(members.map((rows) => rows[k] as Float64Array)));
}

/** What {@link choose} knows of the forecasts it chooses between, to say when equal scores hide different forecasts. */
export interface ChoiceForecasts {
  /** Each method's point forecast (original scale). */
  means: Partial<Record<MethodName, ArrayLike<number>>>;
  /** The series' typical step-to-step change (in-sample naive MAE, original scale). */
  scale: number;
}

/** Forecasts differ materially when they part by more than this share of the series' typical step. */
const MATERIAL_SHARE = 0.1;

/**
 * The recommended method: the LSTM unless another method (a baseline or the combination) clearly
 * beat it in the backtest, that is with a MASE lower by more than `margin` overall and lower in
 * both halves of the rolling origins (a backtest spans only a few independent horizons, so a
 * single lucky stretch must not decide). Measured over three holdouts of the 40 benchmark series,
 * letting the combination lead whenever its backtest MASE was lower did worse than this rule.
 * When naive or seasonal naive scores the same as the LSTM to the three decimals shown, and
 * nothing scores better, the simpler method is recommended: the backtest cannot tell them apart.
 * @param forecasts the methods' forecasts and the series' scale, to say how far tied methods' forecasts part
 */
export function choose(
  metrics: Record<MethodName, BacktestMetrics>,
  halves: Record<MethodName, [number, number]>,
  margin: number,
  untrained: boolean,
  bestEpoch: number,
  forecasts?: ChoiceForecasts,
): { method: MethodName; reason: string } {
  const fmt = (v: number) => v.toFixed(3);
  // The network starts out forecasting the smoothing exactly (its head is zero); validation that
  // is best after one epoch means it found nothing to add, which the analyst should know.
  const nothingLearned =
    bestEpoch <= 1 ? " The network's validation loss was lowest after its first epoch, so it found little beyond the exponential smoothing it corrects, and its forecast stays close to that smoothing's." : "";
  // Every value after the first origin a filled gap (a column whose last readings are missing): no
  // method has a score, and a comparison of NaN with NaN would read as one method beating another.
  const unscored = METHOD_NAMES.every((method) => Number.isNaN(metrics[method]?.mase ?? Number.NaN));
  const noScores = "the backtest had no measured value to score against (every value after its first origin is a filled gap)";
  if (unscored) {
    return untrained
      ? { method: "naive", reason: `Training was stopped before the LSTM learned, and ${noScores}, so the simplest forecast, ${METHOD_LABELS.naive}, is recommended.` }
      : { method: "lstm", reason: `No method could be judged: ${noScores}, so the LSTM stays recommended.${nothingLearned}` };
  }
  if (untrained) {
    // The combination would contain the untrained network: only the baselines compete.
    let best: MethodName = "naive";
    for (const method of BASELINES) if (metrics[method].mase < metrics[best].mase) best = method;
    return { method: best, reason: `Training was stopped before the LSTM learned; ${METHOD_LABELS[best]} had the best backtest MASE (${fmt(metrics[best].mase)}).` };
  }
  // A series that did not change, or repeated its season exactly, over the backtest: the method
  // that repeats it is exact, and the network's output is only nearly so. Exact up to rounding: a
  // logged series comes back as exp(log(50)) ≠ 50, and MASE measures that against the series' steps.
  const exact = (m: BacktestMetrics) => m.rmse === 0 || m.mase <= 1e-9;
  if (exact(metrics.naive)) {
    return { method: "naive", reason: `The series did not change over the backtest, so ${METHOD_LABELS.naive} repeats it exactly and is recommended.` };
  }
  if (exact(metrics.snaive)) {
    return { method: "snaive", reason: `The series repeated its season exactly over the backtest, so ${METHOD_LABELS.snaive} repeats it exactly and is recommended.` };
  }
  let best: MethodName = "naive";
  for (const method of [...BASELINES, "combination" as const]) if (metrics[method].mase < metrics[best].mase) best = method;
  const lstm = metrics.lstm;
  const label = METHOD_LABELS[best];
  const b = metrics[best];
  const [early, late] = halves[best];
  const clearly = b.mase < lstm.mase * (1 - margin) && early < halves.lstm[0] && late < halves.lstm[1];
  if (!Number.isFinite(lstm.mase) || clearly) {
    return {
      method: best,
      reason: `${label} clearly beat the LSTM in the backtest (MASE ${fmt(b.mase)} vs ${fmt(lstm.mase)}, better in both halves), so its forecast is recommended.`,
    };
  }
  // How far a method's forecast parts from the LSTM's, when that is material ("" otherwise).
  const parting = (method: MethodName) => {
    const a = forecasts?.means[method];
    const l = forecasts?.means.lstm;
    if (!a || !l || !forecasts) return "";
    let most = 0;
    for (let j = 0; j < Math.min(a.length, l.length); j++) most = Math.max(most, Math.abs((a[j] as number) - (l[j] as number)));
    return most > MATERIAL_SHARE * forecasts.scale ? ` Their forecasts differ by up to ${Number(most.toPrecision(3))}, so look at both.` : "";
  };
  const tied = (method: MethodName) => fmt(metrics[method].mase) === fmt(lstm.mase);
  // Naming only the best would read as if the rest lost to the LSTM.
  const alsoBetter = (first: MethodName) => {
    const others = [...BASELINES, "combination" as const]
      .filter((m) => m !== first && Number(fmt(metrics[m].mase)) < Number(fmt(lstm.mase)))
      .sort((x, y) => metrics[x].mase - metrics[y].mase)
      .map((m) => `${METHOD_MENU_LABELS[m]} ${fmt(metrics[m].mase)}`);
    if (others.length === 0) return "";
    const list = others.length === 1 ? others[0] : `${others.slice(0, -1).join(", ")} and ${others[others.length - 1]}`;
    return `; ${list} did too`;
  };
  if (fmt(b.mase) === fmt(lstm.mase)) {
    const simple = (["naive", "snaive"] as const).find(tied);
    if (simple) {
      return {
        method: simple,
        reason:
          `${METHOD_LABELS[simple]} scored the same backtest MASE as the LSTM (${fmt(lstm.mase)}), so the backtest cannot tell them apart and the simpler method is recommended. ` +
          `The LSTM's forecast can be shown instead.${parting(simple)}`,
      };
    }
  }
  if (b.mase < lstm.mase) {
    // Closer than the three decimals shown, "better" would read as a contradiction, and "as well"
    // as a promise of the same forecast when the two part.
    const apart = parting(best);
    const scored =
      fmt(b.mase) !== fmt(lstm.mase)
        ? `scored better in the backtest (MASE ${fmt(b.mase)} vs ${fmt(lstm.mase)}${alsoBetter(best)})`
        : apart
          ? `scored the same backtest MASE as the LSTM (${fmt(b.mase)}), so the backtest cannot tell them apart`
          : `scored as well as the LSTM in the backtest (MASE ${fmt(b.mase)} each)`;
    return {
      method: "lstm",
      reason:
        `${label} ${scored}, but the backtest's network learns from less and older data than the final one, ` +
        `so the LSTM stays recommended unless another method's error is below ${Math.round((1 - margin) * 100)}% of the LSTM's and lower in both halves of the backtest. ` +
        `Its forecast can be shown instead.${fmt(b.mase) === fmt(lstm.mase) ? apart : ""}${nothingLearned}`,
    };
  }
  return { method: "lstm", reason: `The LSTM had the best backtest MASE (${fmt(lstm.mase)}; next best ${label} ${fmt(b.mase)}).${nothingLearned}` };
}

/** One tfjs model for the run: the global network, or the per-series networks as inputs of one model. */
function combineNetworks(networks: Network[], spec: NetworkSpec, seed: number): Network {
  if (networks.length === 1) return networks[0] as Network;
  const combined = buildLstm(spec, seed, networks.length);
  networks.forEach((network, input) => {
    const source = network.stacks[0];
    const target = combined.stacks[input];
    if (!source || !target) return;
    source.lstms.forEach((lstm, l) => target.lstms[l]?.setWeights(lstm.getWeights()));
    target.head.setWeights(source.head.getWeights());
  });
  return combined;
}

/** The periods left out of series `i` of a (blanked) request, in words; undefined when none held its values. */
function describeLeftOut(request: ForecastRequest, i: number): string | undefined {
  const series = request.series[i];
  const periods = request.config?.leaveOut?.filter((p) => series && leftOutIndices(series, [p]).length > 0) ?? [];
  return periods.length > 0 ? describeLeaveOut(periods, request.frequency) : undefined;
}

function checkRequest(request: ForecastRequest): void {
  if (!request || !Array.isArray(request.series) || request.series.length === 0) throw new InvalidRequestError("Give at least one series to forecast.");
  request.series.forEach((s, i) => {
    if (!s || typeof s.name !== "string" || !s.values || typeof s.values.length !== "number") {
      throw new InvalidRequestError(`Series #${i + 1} needs a name and an array of values.`);
    }
  });
  const names = new Set(request.series.map((s) => s.name));
  if (names.size !== request.series.length) throw new InvalidRequestError("Series names must be unique.");
  checkValues(request.series);
}


/**
 * Rough time left: the measured time per epoch times the epochs still expected. In the backtest
 * stage training runs until `patience` epochs after the best validation loss so far, and the
 * final network then trains for about as many epochs as that best one; later networks (per-series
 * mode) take as long as the finished ones did on average.
 */
class EtaClock {
  private stageStart = Date.now();
  private msPerEpoch = 0;
  private finalEpochs = 0;
  private groupsDone = 0;
  private bestEpoch = 0;
  private bestLoss = Number.POSITIVE_INFINITY;

  constructor(
    private readonly started: number,
    private readonly groups: number,
    private readonly patience: number,
    private readonly maxEpochs: number,
  ) {}

  startStage(stage: ForecastStage, epochs = 0): void {
    this.stageStart = Date.now();
    if (stage === "backtest") {
      this.bestEpoch = 0;
      this.bestLoss = Number.POSITIVE_INFINITY;
    }
    if (stage === "training") this.finalEpochs = epochs;
  }

  epochDone(epoch: number, valLoss: number | undefined): void {
    this.msPerEpoch = (Date.now() - this.stageStart) / Math.max(1, epoch);
    if (valLoss !== undefined && valLoss < this.bestLoss) {
      this.bestLoss = valLoss;
      this.bestEpoch = epoch;
    }
  }

  finishGroup(): void {
    this.groupsDone++;
  }

  eta(stage: ForecastStage, epoch: number): number {
    const perGroup = this.groupsDone > 0 ? (Date.now() - this.started) / this.groupsDone : 0;
    const laterGroups = Math.max(0, this.groups - this.groupsDone - (stage === "forecasting" ? 0 : 1)) * perGroup;
    if (stage === "backtest") {
      const backtestLeft = Math.max(0, Math.min(this.maxEpochs, this.bestEpoch + this.patience) - epoch);
      return this.msPerEpoch * (backtestLeft + Math.max(5, this.bestEpoch)) + laterGroups;
    }
    if (stage === "training") return this.msPerEpoch * Math.max(0, this.finalEpochs - epoch) + laterGroups;
    return laterGroups;
  }
}
