export { coverage } from "./coverage";
export { mase, maseScale } from "./mase";
export { rmse } from "./rmse";
export { smape } from "./smape";
