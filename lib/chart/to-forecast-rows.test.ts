import { describe, expect, it } from "vitest";
import type { RunSeries } from "../series/run-schema";
import { lastValue, toForecastCounts, toForecastRows, toHistoryRows, toInitialWindowStart, toRecentWindowStart } from "./to-forecast-rows";

const history = { t: [1, 2, 3, 4], y: [10, null, 12, 13] };
const run: RunSeries = {
  seriesId: "s",
  name: "sales",
  historyEnd: 4,
  times: [5, 6],
  forecasts: {
    lstm: { mean: [14, 15], lower80: [13, 13.5], upper80: [15, 16.5], lower95: [12, 12], upper95: [16, 18] },
    naive: { mean: [13, 13], lower80: [12, 11], upper80: [14, 15], lower95: [11, 10], upper95: [15, 16] },
  },
  metrics: {},
  chosen: "lstm",
  chosenReason: "",
  backtestOrigins: 3,
  folds: [{ origin: 1, times: [2.5, 3], actual: [11, 12], forecasts: { lstm: [11.5, 12.5], naive: [10, 10] } }],
  preprocessing: { transform: "none", deseasonalized: false, seasonLength: 1, filled: 0 },
};

describe("toForecastRows", () => {
  it("draws the history, then the forecast and both bands, anchored at the last value", () => {
    expect(toForecastRows(history, run)).toEqual([
      { t: 1, history: 10 },
      { t: 2, history: null },
      { t: 3, history: 12 },
      { t: 4, history: 13, forecast: 13, band80: [13, 13], band95: [13, 13] },
      { t: 5, forecast: 14, band80: [13, 15], band95: [12, 16] },
      { t: 6, forecast: 15, band80: [13.5, 16.5], band95: [12, 18] },
    ]);
  });

  it("draws another method and merges the backtest overlay by time", () => {
    const rows = toForecastRows(history, run, { method: "naive", backtest: true });
    expect(rows.find((r) => r.t === 5)?.forecast).toBe(13);
    expect(rows.find((r) => r.t === 2.5)).toEqual({ t: 2.5, backtest: 10 });
    expect(rows.find((r) => r.t === 3)).toEqual({ t: 3, history: 12, backtest: 10 });
    expect(rows.map((r) => r.t)).toEqual([1, 2, 2.5, 3, 4, 5, 6]);
  });

  it("counts the future steps with a forecast and with each band", () => {
    expect(toForecastCounts(toForecastRows(history, run), run.historyEnd)).toEqual({ forecast: 2, band80: 2, band95: 2 });
  });
});

describe("toHistoryRows", () => {
  it("keeps a long history to the point budget, first and last points included", () => {
    const n = 100_000;
    const t = Array.from({ length: n }, (_, i) => i);
    const y = t.map((i) => Math.sin(i / 100));
    const rows = toHistoryRows({ t, y }, 500);
    expect(rows).toHaveLength(500);
    expect(rows[0]?.t).toBe(0);
    expect(rows.at(-1)?.t).toBe(n - 1);
  });

  it("keeps the most recent points whole while thinning the rest, so a long series opens on its real recent past", () => {
    const n = 10_000;
    const long = { t: Array.from({ length: n }, (_, i) => i), y: Array.from({ length: n }, (_, i) => Math.sin(i / 7) * 10 + (i % 13)) };
    const future: RunSeries = { ...run, historyEnd: n - 1, times: Array.from({ length: 12 }, (_, j) => n + j), forecasts: { lstm: { mean: Array(12).fill(1), lower80: Array(12).fill(0), upper80: Array(12).fill(2), lower95: Array(12).fill(-1), upper95: Array(12).fill(3) } } };
    const rows = toForecastRows(long, future);
    const historyRows = rows.filter((r) => r.history !== undefined);
    expect(historyRows).toHaveLength(2000);
    // The last 1,000 points, every one, ending at the last one.
    expect(historyRows.slice(-1000).map((r) => r.t)).toEqual(long.t.slice(-1000));
    // The chart opens among those (real points, not ten thousand thinned to fit), nine times the forecast.
    const start = toInitialWindowStart(rows, n - 1, n);
    expect(rows[start]?.t).toBe(n - 96);
    expect(rows.length - start).toBe(96 + 12);
  });

  it("breaks the line where values are missing in a downsampled history, instead of bridging the gap", () => {
    const n = 6000;
    const y = Array.from({ length: n }, (_, i) => (i >= 3000 && i < 3400 ? null : Math.sin(i / 50)));
    const rows = toHistoryRows({ t: Array.from({ length: n }, (_, i) => i), y }, 500);
    const nulls = rows.filter((r) => r.y === null);
    expect(nulls).toHaveLength(1);
    expect(nulls[0]!.t).toBeGreaterThanOrEqual(2990);
    expect(nulls[0]!.t).toBeLessThan(3400);
    expect(rows.every((r, i) => i === 0 || r.t > rows[i - 1]!.t)).toBe(true);
  });

  it("starts at `from`", () => {
    expect(toHistoryRows(history, 10, 3)).toEqual([
      { t: 3, y: 12 },
      { t: 4, y: 13 },
    ]);
  });
});

describe("lastValue", () => {
  it("skips trailing missing values", () => {
    expect(lastValue({ t: [1, 2, 3], y: [5, 6, null] })).toEqual({ t: 2, y: 6 });
    expect(lastValue({ t: [1], y: [null] })).toBeNull();
  });
});

describe("toInitialWindowStart", () => {
  it("opens a long history on its recent part and a short one whole", () => {
    const rows = (n: number, future: number) => Array.from({ length: n + future }, (_, t) => ({ t }));
    expect(toInitialWindowStart(rows(1000, 12), 999)).toBe(1012 - 108);
    expect(toInitialWindowStart(rows(60, 12), 59)).toBe(0);
  });

  it("opens a history of more stored points than it draws within its last 1,000, the forecast readable", () => {
    const rows = (n: number, future: number) => Array.from({ length: n + future }, (_, t) => ({ t }));
    // 60,000 hourly points drawn as 2,000 rows (the last 1,000 whole) and a day ahead: nine days,
    // not the whole 1,000 hours, where the day ahead was 2% of the plot and its bands a sliver.
    expect(toInitialWindowStart(rows(2000, 24), 1999, 60_000)).toBe(2024 - 216);
    // A week ahead: nine weeks would reach into the thinned points, so the last 1,000 and the week.
    expect(toInitialWindowStart(rows(2000, 168), 1999, 60_000)).toBe(1000);
    // Drawn whole: the window follows the forecast's length as before.
    expect(toInitialWindowStart(rows(1000, 12), 999, 1000)).toBe(1012 - 108);
  });

  it("counts in any points: nine times the forecast, at least 48, when that is under two thirds of them", () => {
    expect(toRecentWindowStart(1012, 12)).toBe(1012 - 108);
    expect(toRecentWindowStart(2048, 48)).toBe(2048 - 432);
    expect(toRecentWindowStart(10_048, 48)).toBe(10_048 - 432);
    expect(toRecentWindowStart(10_200, 200)).toBe(10_200 - 200 - 1000);
    expect(toRecentWindowStart(80, 2)).toBe(80 - 48);
    expect(toRecentWindowStart(72, 2)).toBe(0);
  });

  it("gives the forecast a readable share of a phone's plot and keeps a desktop's window", () => {
    const share = (count: number, future: number, width: number, stored?: number) => future / (count - toRecentWindowStart(count, future, stored, width));
    // 176 months and a year ahead (the wine sample): a 390 px phone's chart is 332 px wide.
    expect(share(188, 12, 332)).toBeGreaterThanOrEqual(0.25);
    expect(share(188, 12, 332)).toBeLessThanOrEqual(0.4);
    // A desktop's chart (738 px beside the training panel at 1280 px), a wider one and one not
    // measured yet open as before: nine times the forecast.
    for (const width of [738, 1100, 0]) expect(toRecentWindowStart(188, 12, undefined, width)).toBe(188 - 108);
    // A width in between.
    expect(share(188, 12, 500)).toBeGreaterThan(share(188, 12, 738));
    expect(share(188, 12, 500)).toBeLessThan(share(188, 12, 332));
    // A short horizon on a phone: the window's floor of 48 rows shrinks too.
    expect(share(188, 6, 332)).toBeGreaterThanOrEqual(0.25);
    // Hours drawn from 60,000 stored: a phone gets a readable forecast, a desktop nine times the forecast.
    expect(share(2024, 24, 332, 60_000)).toBeGreaterThanOrEqual(0.25);
    expect(toRecentWindowStart(2024, 24, 60_000, 1100)).toBe(2024 - 216);
    // A history that fits a phone's window whole opens whole.
    expect(toRecentWindowStart(40, 12, undefined, 332)).toBe(0);
  });

  it("passes the chart's width through from the rows", () => {
    const rows = Array.from({ length: 188 }, (_, t) => ({ t }));
    expect(toInitialWindowStart(rows, 175, 176, 332)).toBe(toRecentWindowStart(188, 12, 176, 332));
    expect(toInitialWindowStart(rows, 175, 176, 332)).toBeGreaterThan(toInitialWindowStart(rows, 175, 176, 1100));
  });
});
