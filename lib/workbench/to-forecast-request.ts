import { MAX_HORIZON, minimumLength, usableLength } from "../forecast/config";
import { blankAt, leftOutIndices } from "../forecast/leave-out";
import { missingAtEnd } from "../forecast/prepare";
import { SHORT_SERIES_MIN_FIT } from "../forecast/short-series";
import { percentCeiling } from "../forecast/transform";
import type { ForecastConfig, ForecastMode, ForecastRequest, LeaveOutPeriod, SeriesInput } from "../forecast/types";
import { fail, ok, type Result } from "../result";
import { regularTimes, type Frequency } from "../time/frequency";

/** A series as the workbench trains on it: equally spaced values on a regular time grid. */
export interface RegularSeries {
  seriesId: string;
  name: string;
  /** Epoch ms of every step, ascending, gaps included. */
  times: number[];
  /** Values, NaN where the file had no value for the step. */
  values: Float64Array;
  /** The unit read from the file (`%`, `MW`); null or absent when it gives none. */
  unit?: string | null;
  /**
   * The series' own spacing, which its forecast steps continue: one run may hold series of several
   * (a tidy file of monthly and quarterly indicators). Absent: the run's.
   */
  frequency?: Frequency;
}

/**
 * Puts a series on its regular time grid: a missing step becomes NaN, so the forecaster sees
 * equally spaced values (it fills them by interpolation and says how many it filled).
 * @param times epoch ms of the stored points, ascending
 * @param values stored values (NaN or null = missing)
 * @param unit the unit read from the file, or null
 */
export function toRegularSeries(
  seriesId: string,
  name: string,
  times: ArrayLike<number>,
  values: ArrayLike<number | null>,
  frequency: Frequency,
  unit: string | null = null,
): RegularSeries {
  const n = times.length;
  const plain = () => ({
    seriesId,
    name,
    times: Array.from(times),
    values: Float64Array.from({ length: n }, (_, i) => values[i] ?? Number.NaN),
    unit,
    frequency,
  });
  if (n < 2 || frequency.gapCount === 0 || frequency.kind === "irregular" || frequency.kind === "index") return plain();
  const grid = regularTimes(times[0] as number, times[n - 1] as number, frequency);
  if (grid.length < n) return plain();
  const out = new Float64Array(grid.length).fill(Number.NaN);
  let j = 0;
  for (let i = 0; i < grid.length && j < n; i++) {
    while (j < n && (times[j] as number) < (grid[i] as number)) j++;
    if (j < n && times[j] === grid[i]) out[i] = values[j] ?? Number.NaN;
  }
  return { seriesId, name, times: grid, values: out, unit, frequency };
}

/**
 * The run's series ending together: a series whose readings stop before the others' (a sensor
 * removed, a product discontinued: the file's empty cells after its last value are not part of
 * it) gets the steps after its last reading up to the latest end as missing values. Its forecast
 * then starts where the others' do rather than among times the file already has (a column that
 * stopped 20 months early was forecast for those 20 months' first six), and the forecaster says
 * so: a few missing steps are carried forward and named (`missingAtEnd`), more than the horizon
 * leave the series out of the run with a note (describeStopped). A series of a coarser step (a
 * quarterly one among monthly) is padded only by whole steps that fit before the end.
 * @param frequency the run's frequency, for series that carry none
 */
export function alignEnds<S extends { times: number[]; values: ArrayLike<number>; frequency?: Frequency }>(series: S[], frequency?: Frequency): (S & { values: Float64Array })[] {
  const end = Math.max(...series.map((s) => s.times.at(-1) ?? Number.NEGATIVE_INFINITY));
  return series.map((s) => {
    const own = s.frequency ?? frequency;
    const last = s.times.at(-1);
    const values = Float64Array.from(s.values);
    if (!own || own.kind === "irregular" || last === undefined || last >= end) return { ...s, values };
    const after = stepsAfter(last, end, own);
    if (after.length === 0) return { ...s, values };
    const padded = new Float64Array(values.length + after.length).fill(Number.NaN);
    padded.set(values);
    return { ...s, times: [...s.times, ...after], values: padded };
  });
}

/**
 * The steps of a series' grid after its last time `last` up to `end` (none when it ends there): the
 * missing values alignEnds gives a series whose readings stopped early.
 */
export function stepsAfter(last: number, end: number, frequency: Frequency): number[] {
  return last >= end ? [] : regularTimes(last, end, frequency).slice(1).filter((t) => t <= end);
}

/** Settings of the advanced section; a missing value means "automatic". */
export type ConfigOverrides = Partial<Pick<ForecastConfig, "lookback" | "units" | "layers" | "epochs" | "learningRate" | "batchSize" | "seed" | "ensembleSize" | "patience">>;

/** The keys of the advanced section, in the order they are shown. */
export const OVERRIDE_KEYS = ["lookback", "units", "layers", "epochs", "learningRate", "batchSize", "seed", "ensembleSize", "patience"] as const satisfies readonly (keyof ConfigOverrides)[];

export interface TrainingSettings {
  /** Steps to forecast. */
  horizon: number;
  /** "global": one network for all chosen series; "per-series": one network each. */
  mode: ForecastMode;
  overrides: ConfigOverrides;
  /** Periods left out of training (epoch ms, ends included); absent or empty: none. */
  leaveOut?: LeaveOutPeriod[];
}

/** What the forecaster reads of a series: its values, and a cap at 100 for a share in percent. */
export function toSeriesInput(series: RegularSeries): SeriesInput {
  const upperBound = percentCeiling(series.unit, series.values);
  return { name: series.name, values: series.values, ...(upperBound !== undefined ? { upperBound } : {}) };
}

/**
 * The forecaster's request for the chosen series.
 * @param seasonLength steps per season (from the detected frequency; 1 = none)
 */
export function toForecastRequest(series: RegularSeries[], settings: TrainingSettings, seasonLength: number, frequency?: string): ForecastRequest {
  const leaveOut = settings.leaveOut ?? [];
  return {
    // Periods are placed by time, and readings that stopped are named by it: the series carry
    // their times only when there is one to place or name.
    series: series.map((s) => (leaveOut.length > 0 || missingAtEnd(s.values) > 0 ? { ...toSeriesInput(s), times: s.times } : toSeriesInput(s))),
    horizon: settings.horizon,
    seasonLength: Math.max(1, Math.round(seasonLength)),
    frequency,
    mode: series.length > 1 ? settings.mode : "per-series",
    config: leaveOut.length > 0 ? { ...settings.overrides, leaveOut } : settings.overrides,
  };
}

/** Horizon analysts expect for a frequency: one season, or a short span where there is none. */
const HORIZON_BY_KIND: Partial<Record<Frequency["kind"], number>> = {
  hourly: 24,
  "half-hourly": 48,
  daily: 14,
  "business-daily": 10,
  weekly: 13,
  monthly: 12,
  quarterly: 8,
  yearly: 6,
};

/**
 * The history the default horizon is cut to: the shortest of the series with values enough for a
 * forecast (one with fewer is left out of the run, and a 3-value column would cut every series'
 * horizon to 1), or of all of them when none has.
 * @param series the chosen series' values, oldest first, with their times when periods are left out
 * @param leaveOut periods left out: those at a series' start are dropped as the run drops them
 */
export function toShortestHistory(series: readonly { values: ArrayLike<number>; times?: ArrayLike<number> }[], leaveOut: readonly LeaveOutPeriod[] = []): number {
  const lengths = series.map((s) => usableLength(leaveOut.length > 0 ? blankAt(s.values, leftOutIndices(s, leaveOut)) : s.values));
  const forecastable = lengths.filter((n) => n > SHORT_SERIES_MIN_FIT);
  return Math.min(...(forecastable.length > 0 ? forecastable : lengths));
}

/**
 * The default horizon: a season-length span for the frequency, shortened to what the LSTM and its
 * backtest can forecast from the shortest series. When that would cut the span by more than half
 * (24 monthly values allow the LSTM 3 months), the span is kept, up to half the history, and the
 * run gives Theta's forecast instead (runForecastOrFallback): a year ahead from a classical method
 * serves an analyst better than a quarter from the network.
 * @param shortest number of values of the shortest chosen series
 */
export function defaultHorizon(frequency: Pick<Frequency, "kind" | "seasonLength">, shortest: number): number {
  const span = HORIZON_BY_KIND[frequency.kind] ?? (frequency.seasonLength > 1 ? frequency.seasonLength : 10);
  const network = maxHorizon(shortest);
  if (network >= Math.ceil(span / 2)) return Math.min(span, network);
  return Math.max(1, Math.min(span, Math.floor(shortest / 2)));
}

/**
 * The longest horizon a series of `length` values supports with a backtest, or 0 when none does;
 * never more than MAX_HORIZON, the most the forecaster takes.
 * @param length number of values
 */
export function maxHorizon(length: number): number {
  if (minimumLength(1) > length) return 0;
  let h = 1;
  while (h < MAX_HORIZON && minimumLength(h + 1) <= length) h++;
  return h;
}

/** Text fields of the settings form, as typed. */
export type SettingsFields = { horizon: string } & Record<(typeof OVERRIDE_KEYS)[number], string>;

/**
 * Reads the settings form: empty advanced fields mean "automatic".
 * @returns the settings, or the first problem as a sentence naming the field
 */
export function parseSettings(fields: SettingsFields, mode: ForecastMode): Result<TrainingSettings> {
  const horizon = Number(fields.horizon);
  if (!Number.isInteger(horizon) || horizon < 1) return fail("Horizon must be a whole number of steps, 1 or more.");
  const overrides: ConfigOverrides = {};
  for (const key of OVERRIDE_KEYS) {
    const text = fields[key].trim();
    if (text === "") continue;
    const value = Number(text);
    const integer = key !== "learningRate";
    if (!Number.isFinite(value) || (integer && !Number.isInteger(value)) || (key !== "seed" && value <= 0)) {
      return fail(`${SETTING_LABELS[key]} must be ${integer ? "a whole number" : "a number"}${key === "seed" ? "" : " above 0"}, or empty for automatic.`);
    }
    overrides[key] = value;
  }
  return ok({ horizon, mode, overrides });
}

/** Labels of the advanced settings, with units. */
export const SETTING_LABELS: Record<(typeof OVERRIDE_KEYS)[number], string> = {
  lookback: "Lookback (steps)",
  units: "LSTM units",
  layers: "Layers",
  epochs: "Max epochs",
  learningRate: "Learning rate",
  batchSize: "Batch size",
  seed: "Seed",
  ensembleSize: "Ensemble size",
  patience: "Patience (epochs)",
};
