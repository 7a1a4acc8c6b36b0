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
      // Both lines and bands start at the last observed value.
      { t: 3, history: 3, a: 3, a80: [3, 3], b: 3, b80: [3, 3] },
      { t: 4, a: 4, a80: [3, 5], b: 6, b80: [5, 7] },
      { t: 5, a: 5, a80: [4, 6], b: 7, b80: [6, 8] },
    ]);
  });

  it("anchors each run at its own last observed value (a run made before more data came)", () => {
    const earlier = { ...series([2.5, 3.5]), historyEnd: 2, times: [3, 4] };
    const rows = toCompareRows({ t: [1, 2, 3], y: [1, 2, 3] }, earlier, series([6, 7]), 3);
    expect(rows.find((r) => r.t === 2)).toEqual({ t: 2, history: 2, a: 2, a80: [2, 2] });
    expect(rows.find((r) => r.t === 3)).toMatchObject({ history: 3, a: 2.5, b: 3 });
  });
});
