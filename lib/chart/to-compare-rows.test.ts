import { describe, expect, it } from "vitest";
import type { RunSeries } from "../series/run-schema";
import { toCompareRows } from "./to-compare-rows";

const series = (mean: number[]): RunSeries => ({
  seriesId: "s",
  name: "s",
  historyEnd: 3,
  times: [4, 5],
  forecasts: { snaive: { mean, lower80: mean.map((v) => v - 1), upper80: mean.map((v) => v + 1), lower95: mean, upper95: mean } },
  metrics: {},
  chosen: "snaive",
  chosenReason: "",
  backtestOrigins: 3,
  folds: [],
  preprocessing: { transform: "none", deseasonalized: false, seasonLength: 1, filled: 0 },
});

describe("toCompareRows", () => {
  it("puts two runs' recommended forecasts and 80% bands next to the recent history", () => {
    expect(toCompareRows({ t: [1, 2, 3], y: [1, 2, 3] }, series([4, 5]), series([6, 7]), 2)).toEqual([
      { t: 2, history: 2 },
      { t: 3, history: 3 },
      { t: 4, a: 4, a80: [3, 5], b: 6, b80: [5, 7] },
      { t: 5, a: 5, a80: [4, 6], b: 7, b80: [6, 8] },
    ]);
  });
});
