import type { ForecastConfig, SavedModel } from "../forecast/types";

/** A small, complete forecaster configuration for unit tests of the workbench and the runs store. */
export const TEST_CONFIG: ForecastConfig = {
  lookback: 4,
  patchLength: 1,
  differenceInput: false,
  units: 8,
  layers: 1,
  dropout: 0,
  epochs: 2,
  learningRate: 0.003,
  batchSize: 8,
  seed: 1,
  ensembleSize: 1,
  patience: 2,
  validationFraction: 0.2,
  maxWindows: 1024,
  transform: "auto",
  dampedTrend: true,
  screenOutliers: true,
  deseasonalize: "auto",
  cyclePeriod: 0,
  loss: "mae",
  backtestOrigins: 3,
  chooseMargin: 0.05,
};

/** A whole saved model too small to train: six float32 weights, for tests of the model's bytes. */
export const TEST_SAVED_MODEL: SavedModel = {
  format: "tidecast-lstm",
  version: 1,
  config: TEST_CONFIG,
  mode: "per-series",
  horizon: 2,
  seasonLength: 12,
  series: [],
  modelTopology: { class_name: "Sequential" },
  weightSpecs: [{ name: "w", shape: [2, 3], dtype: "float32" }],
  weightData: new Float32Array([1, 2, 3, 4, 5, 6]).buffer,
};
