import { METHOD_LABELS, type ModelForecast, type SavedModel } from "../forecast/types";
import type { ExportableRun } from "../export/run-json";
import type { RunSeries } from "../series/run-schema";
import type { Frequency, FrequencyKind } from "../time/frequency";
import { formatStepUnit, formatSteps } from "../time/format-steps";
import type { RegularSeries } from "./to-forecast-request";
import { toReforecastSeries } from "./to-run-record";

/** What a model file says about itself, for the upload panel. */
export interface ModelSummary {
  /** Series the model was trained on. */
  series: string[];
  /** Steps it forecasts at most. */
  horizon: number;
  /** Those steps in the series' unit, as the training panel and runs write a horizon (`6 years`). */
  horizonText: string;
  /** What a step is called (`years`), as the horizon field's label counts them. */
  stepUnit: string;
  frequency: string | null;
  mode: SavedModel["mode"];
  lookback: number;
  ensembleSize: number;
}

export function toModelSummary(saved: Pick<SavedModel, "series" | "horizon" | "frequency" | "mode" | "config">): ModelSummary {
  // The model keeps its series' frequency kind by name; a name of no calendar unit counts in steps.
  const kinds = [(saved.frequency ?? "index") as FrequencyKind];
  return {
    series: saved.series.map((s) => s.name),
    horizon: saved.horizon,
    horizonText: formatSteps(saved.horizon, kinds),
    stepUnit: formatStepUnit(kinds),
    frequency: saved.frequency ?? null,
    mode: saved.mode,
    lookback: saved.config.lookback,
    ensembleSize: saved.config.ensembleSize,
  };
}

/**
 * Which of a dataset's series an uploaded model can forecast: those it was trained on, by name;
 * a single-series model forecasts any one series.
 */
export function toModelSeriesChoice<S extends { name: string }>(summary: Pick<ModelSummary, "series">, datasetSeries: S[]): { matching: S[]; anyOne: boolean } {
  const matching = datasetSeries.filter((s) => summary.series.includes(s.name));
  return { matching, anyOne: summary.series.length === 1 };
}

/**
 * A model file's forecast (forecastFromModel) as a run that draws and exports like a saved one:
 * the model's settings, the forecast of every method with the recommendation made when it was
 * trained, no backtest or losses (nothing was trained).
 * @param elapsedMs how long the forecast took
 */
export function toModelRun(
  saved: Pick<SavedModel, "series" | "config" | "mode" | "seasonLength">,
  forecast: ModelForecast,
  series: RegularSeries[],
  frequency: Frequency,
  timing: { startedAt: Date; elapsedMs: number },
): ExportableRun {
  // The model's own view of each series, as the base the new forecast fills in.
  const base: RunSeries[] = forecast.series.map((result) => {
    const state = saved.series.find((s) => s.name === result.name) ?? saved.series[0];
    const source = series.find((s) => s.name === result.name) ?? series[0];
    return {
      seriesId: source?.seriesId ?? result.name,
      name: result.name,
      historyEnd: 0,
      times: [],
      forecasts: {},
      metrics: {},
      chosen: result.chosen,
      chosenReason: `Forecast by an uploaded model without training. When it was trained, its backtest recommended ${METHOD_LABELS[result.chosen]}.`,
      backtestOrigins: 0,
      folds: [],
      preprocessing: { transform: state?.transform ?? "none", deseasonalized: state?.deseasonalized ?? false, seasonLength: saved.seasonLength, ...(state?.cycle ? { cyclePeriod: state.cycle.period } : {}), filled: 0 },
    };
  });
  return {
    id: null,
    status: "done",
    startedAt: timing.startedAt.toISOString(),
    finishedAt: new Date(timing.startedAt.getTime() + timing.elapsedMs).toISOString(),
    elapsedMs: Math.round(timing.elapsedMs),
    config: saved.config,
    horizon: forecast.horizon,
    mode: saved.mode,
    seasonLength: saved.seasonLength,
    backend: null,
    history: [],
    series: toReforecastSeries(forecast, series, frequency, base),
    ...(forecast.skipped && forecast.skipped.length > 0 ? { skipped: forecast.skipped } : {}),
  };
}
