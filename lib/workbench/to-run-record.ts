import type { OutcomeWithoutModel } from "../forecast/protocol";
import type { IntervalForecast, MethodName, ModelForecast, SeriesPreprocessing, SkippedSeries } from "../forecast/types";
import type { RunSeries, SaveRunInput, StoredIntervalForecast, StoredTrainingHistory } from "../series/run-schema";
import { nextTimes, type Frequency } from "../time/frequency";
import type { RegularSeries } from "./to-forecast-request";

/** A number as JSON keeps it: NaN and ±Infinity become null. */
export function toFiniteOrNull(value: number | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** One epoch of a loss curve as stored: a diverged loss is kept as null. */
export function toStoredEpoch(e: { epoch: number; loss: number; valLoss?: number }): StoredTrainingHistory["epochs"][number] {
  return { epoch: e.epoch, loss: toFiniteOrNull(e.loss), ...(e.valLoss === undefined ? {} : { valLoss: toFiniteOrNull(e.valLoss) }) };
}

const finite = (values: ArrayLike<number>) => Array.from(values, (v) => toFiniteOrNull(v));

function mapMethods<T, U>(record: Partial<Record<MethodName, T>>, map: (value: T) => U): Partial<Record<MethodName, U>> {
  const out: Partial<Record<MethodName, U>> = {};
  for (const [method, value] of Object.entries(record) as [MethodName, T][]) out[method] = map(value);
  return out;
}

function toStoredInterval(f: IntervalForecast): StoredIntervalForecast {
  return { mean: finite(f.mean), lower80: finite(f.lower80), upper80: finite(f.upper80), lower95: finite(f.lower95), upper95: finite(f.upper95) };
}

export interface RunContext {
  /** The series as trained, in request order (same names as the outcome's series). */
  series: RegularSeries[];
  /** The spacing of series that do not carry their own (RegularSeries.frequency). */
  frequency: Frequency;
  startedAt: Date;
  finishedAt: Date;
}

/**
 * The saved form of a finished run: every series placed on the time axis (forecast steps and
 * backtest folds get their timestamps), numbers JSON-safe. What the page POSTs and later draws.
 */
export function toRunRecord(outcome: OutcomeWithoutModel, context: RunContext): SaveRunInput {
  const byName = new Map(context.series.map((s) => [s.name, s]));
  const series: RunSeries[] = outcome.series.map((result) => {
    const source = byName.get(result.name);
    if (!source) throw new Error(`the outcome names a series that was not trained: ${result.name}`);
    const last = source.times[source.times.length - 1] ?? 0;
    // Each series continues its own spacing: the first series' made a quarterly one's steps monthly.
    const frequency = source.frequency ?? context.frequency;
    const timeAt = (index: number) => source.times[index] ?? nextTimes(last, frequency, index - source.times.length + 1).at(-1) ?? last;
    return {
      seriesId: source.seriesId,
      name: result.name,
      historyEnd: last,
      times: nextTimes(last, frequency, outcome.horizon),
      forecasts: mapMethods(result.forecasts, toStoredInterval),
      metrics: mapMethods(result.metrics, (m) => ({
        mase: toFiniteOrNull(m.mase),
        smape: toFiniteOrNull(m.smape),
        rmse: toFiniteOrNull(m.rmse),
        coverage80: toFiniteOrNull(m.coverage80),
        coverage95: toFiniteOrNull(m.coverage95),
      })),
      chosen: result.chosen,
      chosenReason: result.chosenReason,
      backtestOrigins: result.backtestOrigins,
      folds: result.folds.map((fold) => ({
        origin: fold.origin,
        times: fold.actual.map((_, j) => timeAt(fold.origin + 1 + j)),
        actual: finite(fold.actual),
        forecasts: mapMethods(fold.forecasts, finite),
      })),
      preprocessing: toStoredPreprocessing(result.preprocessing, (index) => ({ t: timeAt(index), value: source.values[index] ?? Number.NaN }), source.values.length),
    };
  });
  return {
    status: outcome.stopped ? "stopped" : "done",
    startedAt: context.startedAt.toISOString(),
    finishedAt: context.finishedAt.toISOString(),
    elapsedMs: Math.round(outcome.elapsedMs),
    config: outcome.config,
    mode: outcome.mode,
    horizon: outcome.horizon,
    seasonLength: outcome.seasonLength,
    backend: outcome.backend,
    history: outcome.history.map((h) => ({
      ...h,
      epochs: h.epochs.map(toStoredEpoch),
    })),
    series,
    ...(outcome.skipped && outcome.skipped.length > 0 ? { skipped: outcome.skipped } : {}),
  };
}

/** A saved run's model forecasting again: its series' new forecasts, and the series it left out, and why. */
export interface Reforecast {
  series: RunSeries[];
  skipped: SkippedSeries[];
}

/**
 * A saved model's new forecast (forecastFromModel) in the saved-run shape, so it draws like a run:
 * the metrics and backtest of the original run stay with it, the forecasts and times are new.
 * @param base the original run's series results
 */
export function toReforecastSeries(forecast: ModelForecast, series: RegularSeries[], frequency: Frequency, base: RunSeries[]): RunSeries[] {
  return forecast.series.flatMap((result) => {
    const source = series.find((s) => s.name === result.name) ?? (series.length === 1 ? series[0] : undefined);
    const original = base.find((b) => b.name === result.name) ?? (base.length === 1 ? base[0] : undefined);
    if (!source || !original) return [];
    const last = source.times[source.times.length - 1] ?? 0;
    // The last reading is the new data's: the original run's may have stopped elsewhere.
    const { missingAtEnd: _missing, lastReading: _reading, ...preprocessing } = original.preprocessing;
    const missing = result.missingAtEnd ?? 0;
    const at = source.values.length - 1 - missing;
    return [
      {
        ...original,
        preprocessing: missing > 0 ? { ...preprocessing, missingAtEnd: missing, lastReading: { t: source.times[at] ?? 0, value: source.values[at] ?? Number.NaN } } : preprocessing,
        historyEnd: last,
        times: nextTimes(last, source.frequency ?? frequency, forecast.horizon),
        forecasts: mapMethods(result.forecasts, toStoredInterval),
        chosen: result.chosen,
        folds: [],
      },
    ];
  });
}

/**
 * The forecaster's preprocessing with its outliers and unusual last values named by time and value
 * instead of index, and the last reading before values missing at the end.
 * @param length how many values the series was forecast from
 */
function toStoredPreprocessing(p: SeriesPreprocessing, at: (index: number) => { t: number; value: number }, length: number): RunSeries["preprocessing"] {
  const { outliers, unusualEnd, ...rest } = p;
  return {
    ...rest,
    ...(p.missingAtEnd ? { lastReading: at(length - 1 - p.missingAtEnd) } : {}),
    ...(outliers && outliers.length > 0 ? { outliers: outliers.map(at) } : {}),
    ...(unusualEnd && unusualEnd.length > 0 ? { unusualEnd: unusualEnd.map(at) } : {}),
  };
}
