export { coverage } from "./coverage";
export { backtestMaseScale, mase, maseScale } from "./mase";
export { rmse } from "./rmse";
export { smape } from "./smape";
