import { describe, expect, it } from "vitest";
import type { RunSeries } from "../series/run-schema";
import { toCompareHistorySteps, toCompareRows } from "./to-compare-rows";

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

  /** A run of `horizon` steps forecast after `historyEnd`, on a grid of 1 (its mean: 1000 + step). */
  const run = (historyEnd: number, horizon: number): RunSeries => {
    const times = Array.from({ length: horizon }, (_, j) => historyEnd + j + 1);
    return { ...series(times.map((_, j) => 1000 + j)), historyEnd, times };
  };
  /** History at t = 1 … n, value = t. */
  const history = (n: number) => {
    const t = Array.from({ length: n }, (_, i) => i + 1);
    return { t, y: t };
  };

  it("draws a run that starts before the other whole, anchored on the history it continued", () => {
    // Run b was made when the series ended at 50; run a at 100.
    const rows = toCompareRows(history(100), run(100, 2), run(50, 10), 5);
    // The history shown starts five steps before b's start, not five before the history's end.
    expect(rows[0]).toEqual({ t: 46, history: 46 });
    expect(rows.find((r) => r.t === 50)).toMatchObject({ history: 50, b: 50, b80: [50, 50] });
    expect(rows.filter((r) => typeof r.b === "number" && r.t > 50).map((r) => r.t)).toEqual([51, 52, 53, 54, 55, 56, 57, 58, 59, 60]);
    // No stretch of the axis without history between b's forecast and a's.
    expect(rows.filter((r) => r.t <= 100).map((r) => r.t)).toEqual(Array.from({ length: 55 }, (_, i) => 46 + i));
    expect(rows.at(-1)).toMatchObject({ t: 102, a: 1001 });
  });

  it("spans a run that ends after the other, with history for the longer horizon", () => {
    const a = run(300, 2);
    const b = run(300, 40);
    expect(toCompareHistorySteps(a, b)).toBe(200);
    expect(toCompareHistorySteps(b, a)).toBe(200);
    const rows = toCompareRows(history(300), a, b);
    expect(rows[0]?.t).toBe(101);
    expect(rows.at(-1)).toEqual({ t: 340, b: 1039, b80: [1038, 1040] });
    expect(rows.filter((r) => typeof r.a === "number").map((r) => r.t)).toEqual([300, 301, 302]);
  });

  it("puts each run's values at its own times when their steps differ", () => {
    const a = run(10, 2);
    const b = { ...run(10, 2), times: [10.5, 11.5] };
    const rows = toCompareRows(history(10), a, b, 2);
    expect(rows.map((r) => [r.t, r.a, r.b])).toEqual([
      [9, undefined, undefined],
      [10, 10, 10],
      [10.5, undefined, 1000],
      [11, 1000, undefined],
      [11.5, undefined, 1001],
      [12, 1001, undefined],
    ]);
  });
});
