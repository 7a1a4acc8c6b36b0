import type { ForecastConfig } from "../forecast/types";

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
