/**
 * The typed messages between the page and the forecast worker (lib/forecast/worker.ts). Everything
 * here is structured-clone friendly; model bytes travel as transferred ArrayBuffers.
 */
import type { ForecastOutcome, ForecastProgress, ForecastRequest, InitBackendOptions, ModelForecast, SeriesInput } from "./types";

/** What the page asks of the worker. */
export type WorkerRequest =
  /** Train and forecast (runForecast). Only one run at a time per worker. */
  | { type: "start"; request: ForecastRequest; backend?: InitBackendOptions }
  /** End training within one batch; the run finishes with the best weights so far. */
  | { type: "stop" }
  /** Forecast again with a saved model (encodeSavedModel bytes) from newer data, without training. */
  | { type: "reforecast"; model: ArrayBuffer; series: SeriesInput[]; horizon?: number; backend?: InitBackendOptions };

/** The outcome of a run without its model, which travels separately as encoded bytes. */
export type OutcomeWithoutModel = Omit<ForecastOutcome, "model">;

/** What the worker reports. */
export type WorkerEvent =
  /** At most once per epoch and at each stage change. */
  | { type: "progress"; progress: ForecastProgress }
  /** The run finished (or was stopped and finished with the best model so far). */
  | { type: "done"; outcome: OutcomeWithoutModel; model: ArrayBuffer | null }
  | { type: "reforecast-done"; forecast: ModelForecast }
  /** `name` is the forecaster's error class (SeriesTooShortError, TrainingDivergedError, …) or "Error". */
  | { type: "error"; name: string; message: string };
