/**
 * Tidecast's forecaster: an LSTM (ES-RNN style normalisation, direct multi-step output, median
 * ensemble) judged against baselines on a rolling-origin backtest, with conformal intervals.
 * Runs unchanged in Node and in a browser worker (no DOM or Node imports).
 */
export { initBackend, getBackendInfo } from "./backend";
export { checkSettings, resolveConfig, minimumLength, MAX_HORIZON } from "./config";
export { ForecastError, InvalidRequestError, SavedModelError, SeriesTooShortError, TrainingDivergedError } from "./errors";
export { forecastFromModel } from "./forecast-from-model";
export { applyLeaveOut, describeLeaveOut, leftOutIndices, MAX_LEAVE_OUT_PERIODS } from "./leave-out";
export { runClassicalForecast, runForecast, runForecastOrFallback } from "./run-forecast";
export { percentCeiling } from "./transform";
export { forecastShortSeries, needsShortSeriesForecast, planSeries, SHORT_SERIES_MIN_FIT, shortSeriesMethods, type ShortSeriesForecast } from "./short-series";
export { decodeSavedModel, encodeSavedModel, fromTfjsFiles, toTfjsFiles } from "./saved-model";
export * from "./types";
