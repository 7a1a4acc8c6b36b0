import { describe, expect, it } from "vitest";
import type { ModelForecast, SavedModel } from "../forecast/types";
import type { Frequency } from "../time/frequency";
import { TEST_CONFIG } from "./test-fixtures";
import { toModelRun, toModelSeriesChoice, toModelSummary } from "./to-model-run";

const MONTHLY: Frequency = { kind: "monthly", step: { unit: "month", months: 1 }, seasonLength: 12, label: "monthly", gapCount: 0 };
const interval = { mean: [1, 2], lower80: [0, 1], upper80: [2, 3], lower95: [-1, 0], upper95: [3, 4] };
const state = (name: string) => ({ name, transform: "log" as const, deseasonalized: true }) as SavedModel["series"][number];
const saved = { series: [state("visitors")], config: TEST_CONFIG, mode: "per-series" as const, seasonLength: 12, horizon: 6, frequency: "monthly" };

describe("an uploaded model", () => {
  it("says what it was trained on and which series it can forecast", () => {
    const summary = toModelSummary(saved);
    expect(summary).toEqual({ series: ["visitors"], horizon: 6, horizonText: "6 months", stepUnit: "months", frequency: "monthly", mode: "per-series", lookback: 4, ensembleSize: 1 });
    const series = [{ name: "sales" }, { name: "visitors" }];
    expect(toModelSeriesChoice(summary, series)).toEqual({ matching: [{ name: "visitors" }], anyOne: true });
    expect(toModelSeriesChoice({ series: ["a", "b"] }, series)).toEqual({ matching: [], anyOne: false });
  });

  it.each([
    // The run that saved it said "6 years"; the upload said "up to 6 steps" and "at most 6".
    ["yearly", 6, "6 years", "years"],
    ["hourly", 1, "1 hour", "hours"],
    [undefined, 6, "6 steps", "steps"],
    ["every 15 minutes", 4, "4 steps", "steps"],
  ])("counts a %s model's horizon in its unit", (frequency, horizon, text, unit) => {
    const summary = toModelSummary({ ...saved, horizon, ...(frequency ? { frequency } : { frequency: undefined }) });
    expect(summary.horizonText).toBe(text);
    expect(summary.stepUnit).toBe(unit);
  });

  it("its forecast becomes a run that draws and exports: times continue the series, no backtest or losses", () => {
    const forecast: ModelForecast = { horizon: 2, series: [{ name: "visitors", chosen: "snaive", forecasts: { lstm: interval, naive: interval, snaive: interval, holt_winters: interval, theta: interval, combination: interval } }] };
    const last = Date.UTC(2021, 11, 1);
    const run = toModelRun(saved, forecast, [{ seriesId: "s1", name: "visitors", times: [Date.UTC(2021, 10, 1), last], values: new Float64Array([1, 2]) }], MONTHLY, {
      startedAt: new Date("2026-11-28T10:00:00.000Z"),
      elapsedMs: 1234.4,
    });
    expect(run).toMatchObject({ id: null, status: "done", horizon: 2, mode: "per-series", seasonLength: 12, backend: null, history: [], elapsedMs: 1234, finishedAt: "2026-11-28T10:00:01.234Z" });
    expect(run.series).toEqual([
      {
        seriesId: "s1",
        name: "visitors",
        historyEnd: last,
        times: [Date.UTC(2022, 0, 1), Date.UTC(2022, 1, 1)],
        forecasts: forecast.series[0]?.forecasts,
        metrics: {},
        chosen: "snaive",
        chosenReason: "Forecast by an uploaded model without training. When it was trained, its backtest recommended Seasonal naive.",
        backtestOrigins: 0,
        folds: [],
        preprocessing: { transform: "log", deseasonalized: true, seasonLength: 12, filled: 0 },
      },
    ]);
  });

  it("keeps the series the model left out, with why, so the run names them as a new run would", () => {
    const skipped = [{ name: "south", reason: 'Series "south" was left out of this run: its readings stop at Apr 2022, …' }];
    const forecast: ModelForecast = { horizon: 2, series: [{ name: "visitors", chosen: "snaive", forecasts: { lstm: interval, naive: interval, snaive: interval, holt_winters: interval, theta: interval, combination: interval } }], skipped };
    const run = toModelRun(saved, forecast, [{ seriesId: "s1", name: "visitors", times: [Date.UTC(2021, 11, 1)], values: new Float64Array([1]) }], MONTHLY, { startedAt: new Date(0), elapsedMs: 1 });
    expect(run.skipped).toEqual(skipped);
    expect(toModelRun(saved, { ...forecast, skipped: undefined }, [], MONTHLY, { startedAt: new Date(0), elapsedMs: 1 }).skipped).toBeUndefined();
  });
});
