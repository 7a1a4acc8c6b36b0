import { describe, expect, it } from "vitest";
import { resolveConfig } from "../forecast/config";
import { TEST_CONFIG } from "../workbench/test-fixtures";
import { forecastConfigSchema, saveRunSchema, startForecastSchema, type RunSeries, type SaveRunInput, type StoredIntervalForecast } from "./run-schema";

describe("forecaster settings in requests and stored runs", () => {
  it("takes a request's overrides as given: the settings it leaves out keep the forecaster's defaults", () => {
    const input = startForecastSchema.parse({ horizon: 7, config: { epochs: 3 } });
    expect(input.config).toEqual({ epochs: 3 });
    const config = resolveConfig({ series: [{ name: "a", values: new Array(800).fill(1) }], horizon: 7, seasonLength: 7, frequency: "daily", config: input.config });
    expect(config.screenOutliers).toBe(true);
    expect(config.cyclePeriod).toBe(365.25);
  });

  it("reads a run stored before the outlier screen and the long cycle as having neither", () => {
    const stored = { ...resolveConfig({ series: [{ name: "a", values: new Array(100).fill(1) }], horizon: 6, seasonLength: 12 }) } as Record<string, unknown>;
    delete stored.screenOutliers;
    delete stored.cyclePeriod;
    expect(forecastConfigSchema.parse(stored)).toMatchObject({ screenOutliers: false, cyclePeriod: 0 });
  });

  it("refuses a setting the forecaster does not have", () => {
    expect(startForecastSchema.safeParse({ config: { epoch: 3 } }).success).toBe(false);
  });

  it("takes periods to leave out at the top of a request, and keeps them with a stored run", () => {
    expect(startForecastSchema.parse({ leaveOut: [{ from: "2020-03", to: 1622505600000 }] }).leaveOut).toEqual([{ from: "2020-03", to: 1622505600000 }]);
    // One way to say it: not among the overrides as well.
    expect(startForecastSchema.safeParse({ config: { leaveOut: [] } }).success).toBe(false);
    expect(startForecastSchema.safeParse({ leaveOut: [{ from: "2020-03" }] }).success).toBe(false);
    const stored = { ...resolveConfig({ series: [{ name: "a", values: new Array(100).fill(1) }], horizon: 6, seasonLength: 12 }), leaveOut: [{ from: 1583020800000, to: 1622505600000 }] };
    expect(forecastConfigSchema.parse(stored).leaveOut).toEqual([{ from: 1583020800000, to: 1622505600000 }]);
    const backwards = forecastConfigSchema.safeParse({ ...stored, leaveOut: [{ from: 1622505600000, to: 1583020800000 }] });
    expect(backwards.success ? null : backwards.error.issues[0]?.message).toBe("ends before it starts: `to` must be on or after `from`");
  });
});

describe("a saved run's series agree with themselves", () => {
  const band = () => ({ mean: [10, 11], lower80: [9, 10], upper80: [11, 12], lower95: [8, null], upper95: [12, 13] });
  const run = (): SaveRunInput => ({
    status: "done",
    startedAt: "2026-11-28T10:00:00.000Z",
    finishedAt: "2026-11-28T10:01:00.000Z",
    elapsedMs: 60_000,
    config: TEST_CONFIG,
    mode: "per-series",
    horizon: 2,
    seasonLength: 12,
    backend: null,
    history: [],
    series: [
      {
        seriesId: "s1",
        name: "north",
        historyEnd: Date.UTC(2023, 11, 1),
        times: [Date.UTC(2024, 0, 1), Date.UTC(2024, 1, 1)],
        forecasts: { theta: band(), naive: band() },
        metrics: {},
        chosen: "theta",
        chosenReason: "Theta has the lowest backtest MASE.",
        backtestOrigins: 3,
        folds: [],
        preprocessing: { transform: "none", deseasonalized: false, seasonLength: 12, filled: 0 },
      },
    ],
  });

  const bandOf = (s: RunSeries, method: "theta" | "naive") => s.forecasts[method] as StoredIntervalForecast;

  it("takes a consistent run, missing bounds included", () => {
    expect(saveRunSchema.safeParse(run()).success).toBe(true);
  });

  it.each<[string, (s: RunSeries, r: SaveRunInput) => void, string]>([
    ["a band shorter than the times", (s) => bandOf(s, "naive").upper80.pop(), "series.0.forecasts.naive.upper80: has 1 steps; the series has 2 forecast times"],
    ["a recommended method without a forecast", (s) => (s.chosen = "lstm"), "series.0.chosen: is `lstm`, which has no forecast in `forecasts`"],
    ["95% bounds inside the 80% ones", (s) => (bandOf(s, "theta").lower95[0] = 9.5), "series.0.forecasts.theta: has bounds out of order at step 1; they must read lower95 ≤ lower80 ≤ mean ≤ upper80 ≤ upper95"],
    ["a forecast above its upper bound", (s) => (bandOf(s, "naive").mean[1] = 12.5), "series.0.forecasts.naive: has bounds out of order at step 2; they must read lower95 ≤ lower80 ≤ mean ≤ upper80 ≤ upper95"],
    ["fewer times than the horizon", (_, r) => (r.horizon = 3), "series.0.times: has 2 times; `horizon` is 3"],
    ["times out of order", (s) => s.times.reverse(), "series.0.times: must ascend, each after `historyEnd`"],
    ["a series twice", (s, r) => r.series.push({ ...s }), "series.1.seriesId: is `s1`, a series already in the run"],
  ])("refuses %s", (_, change, problem) => {
    const input = run();
    change(input.series[0] as RunSeries, input);
    const parsed = saveRunSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toContain(problem);
  });
});
