import { describe, expect, it } from "vitest";
import { MAX_HORIZON, minimumLength } from "../forecast/config";
import type { Frequency } from "../time/frequency";
import { alignEnds, defaultHorizon, maxHorizon, parseSettings, toForecastRequest, toRegularSeries, type SettingsFields } from "./to-forecast-request";

const DAY = 86_400_000;
const daily: Frequency = { kind: "daily", step: { unit: "ms", ms: DAY }, seasonLength: 7, label: "daily", gapCount: 2 };

describe("toRegularSeries", () => {
  it("puts missing steps on the grid as NaN", () => {
    const s = toRegularSeries("id", "sales", [0, DAY, 4 * DAY], [1, null, 3], daily);
    expect(s.times).toEqual([0, DAY, 2 * DAY, 3 * DAY, 4 * DAY]);
    expect(Array.from(s.values)).toEqual([1, NaN, NaN, NaN, 3]);
  });

  it("asks for a cap at 100 for a series in percent that stayed between 0 and 100", () => {
    const settings = { horizon: 2, mode: "global" as const, overrides: {} };
    const share = toRegularSeries("id", "uptime", [0, DAY, 2 * DAY], [99.1, 99.8, 100], { ...daily, gapCount: 0 }, "%");
    expect(toForecastRequest([share], settings, 1).series[0]?.upperBound).toBe(100);
    const load = toRegularSeries("id", "load", [0, DAY, 2 * DAY], [99.1, 99.8, 100], { ...daily, gapCount: 0 }, "MW");
    expect(toForecastRequest([load], settings, 1).series[0]).not.toHaveProperty("upperBound");
  });

  it("keeps a series without gaps as it is", () => {
    const s = toRegularSeries("id", "sales", [0, DAY], [1, 2], { ...daily, gapCount: 0 });
    expect(s.times).toEqual([0, DAY]);
    expect(Array.from(s.values)).toEqual([1, 2]);
  });
});

describe("alignEnds", () => {
  const monthly: Frequency = { kind: "monthly", step: { unit: "month", months: 1 }, seasonLength: 12, label: "monthly", gapCount: 0 };
  const quarterly: Frequency = { kind: "quarterly", step: { unit: "month", months: 3 }, seasonLength: 4, label: "quarterly", gapCount: 0 };
  const months = (from: number, n: number) => Array.from({ length: n }, (_, i) => Date.UTC(2023, from + i, 1));

  it("gives a series whose readings stopped the missing steps up to the latest end, and its times, in the request", () => {
    const north = toRegularSeries("n", "north", months(0, 12), Array.from({ length: 12 }, (_, i) => 100 + i), monthly);
    const south = toRegularSeries("s", "south", months(0, 9), Array.from({ length: 9 }, (_, i) => 50 + i), monthly);
    const [n, s] = alignEnds([north, south]);
    expect(n?.times).toEqual(north.times);
    expect(s?.times).toEqual(months(0, 12));
    expect(Array.from(s?.values ?? [])).toEqual([50, 51, 52, 53, 54, 55, 56, 57, 58, NaN, NaN, NaN]);
    const request = toForecastRequest(alignEnds([north, south]), { horizon: 2, mode: "global", overrides: {} }, 12, "monthly");
    expect(request.series.map((x) => x.times?.length)).toEqual([undefined, 12]);
  });

  it("pads a coarser series only by whole steps before the end", () => {
    const north = toRegularSeries("n", "north", months(0, 12), Array.from({ length: 12 }, () => 1), monthly);
    // Quarters from January: October's quarter holds December, April's is two quarters behind.
    const current = toRegularSeries("q", "current", [Date.UTC(2023, 0, 1), Date.UTC(2023, 3, 1), Date.UTC(2023, 6, 1), Date.UTC(2023, 9, 1)], [1, 2, 3, 4], quarterly);
    const behind = toRegularSeries("b", "behind", [Date.UTC(2023, 0, 1), Date.UTC(2023, 3, 1)], [1, 2], quarterly);
    const [, q, b] = alignEnds([north, current, behind]);
    expect(q?.times).toEqual(current.times);
    expect(b?.times).toEqual([Date.UTC(2023, 0, 1), Date.UTC(2023, 3, 1), Date.UTC(2023, 6, 1), Date.UTC(2023, 9, 1)]);
  });
});

const fields = (over: Partial<SettingsFields> = {}): SettingsFields => ({
  horizon: "12",
  lookback: "",
  units: "",
  layers: "",
  epochs: "",
  learningRate: "",
  batchSize: "",
  seed: "",
  ensembleSize: "",
  patience: "",
  ...over,
});

describe("parseSettings", () => {
  it("reads empty advanced fields as automatic", () => {
    expect(parseSettings(fields({ epochs: "5", learningRate: "0.01", seed: "0" }), "global")).toEqual({
      ok: true,
      data: { horizon: 12, mode: "global", overrides: { epochs: 5, learningRate: 0.01, seed: 0 } },
    });
  });

  it.each([
    [{ horizon: "0" }, "Horizon must be a whole number"],
    [{ horizon: "2.5" }, "Horizon must be a whole number"],
    [{ units: "-3" }, "LSTM units must be a whole number above 0"],
    [{ layers: "1.5" }, "Layers must be a whole number above 0"],
    [{ learningRate: "abc" }, "Learning rate must be a number above 0"],
  ])("refuses %o", (over, reason) => {
    const parsed = parseSettings(fields(over), "global");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });
});

describe("horizons", () => {
  it("defaults to a season-length span and shortens it for short series", () => {
    expect(defaultHorizon({ kind: "monthly", seasonLength: 12 }, 500)).toBe(12);
    expect(defaultHorizon({ kind: "daily", seasonLength: 7 }, 500)).toBe(14);
    const h = defaultHorizon({ kind: "monthly", seasonLength: 12 }, 30);
    expect(h).toBeLessThan(12);
    expect(minimumLength(h)).toBeLessThanOrEqual(30);
  });

  it("keeps the span for a series too short for the LSTM at half of it (the run gives Theta's forecast)", () => {
    // 24 months allow the network 3 steps; a year ahead from Theta is the better default.
    expect(maxHorizon(24)).toBe(3);
    expect(defaultHorizon({ kind: "monthly", seasonLength: 12 }, 24)).toBe(12);
    // Never more than half the history.
    expect(defaultHorizon({ kind: "monthly", seasonLength: 12 }, 14)).toBe(7);
    expect(defaultHorizon({ kind: "yearly", seasonLength: 1 }, 10)).toBe(5);
    expect(defaultHorizon({ kind: "yearly", seasonLength: 1 }, 1)).toBe(1);
  });

  it("knows the longest horizon a length allows", () => {
    expect(maxHorizon(minimumLength(1) - 1)).toBe(0);
    expect(maxHorizon(minimumLength(6))).toBe(6);
  });

  it("stops at the largest horizon the forecaster takes", () => {
    // The training panel asks with Math.min() of no lengths (Infinity) when every series is
    // unticked: counting up without a bound froze the page.
    expect(maxHorizon(Number.POSITIVE_INFINITY)).toBe(MAX_HORIZON);
    expect(maxHorizon(10 * MAX_HORIZON)).toBe(MAX_HORIZON);
  });
});

describe("toForecastRequest", () => {
  it("uses one series' mode per series and the chosen mode for several", () => {
    const a = toRegularSeries("a", "a", [0, DAY], [1, 2], { ...daily, gapCount: 0 });
    const b = toRegularSeries("b", "b", [0, DAY], [3, 4], { ...daily, gapCount: 0 });
    const settings = { horizon: 3, mode: "global" as const, overrides: { epochs: 2 } };
    expect(toForecastRequest([a], settings, 7, "daily")).toMatchObject({ horizon: 3, seasonLength: 7, mode: "per-series", config: { epochs: 2 } });
    expect(toForecastRequest([a, b], settings, 7).mode).toBe("global");
  });
});
