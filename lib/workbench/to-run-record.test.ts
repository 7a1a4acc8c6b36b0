import { TEST_CONFIG } from "./test-fixtures";
import { describe, expect, it } from "vitest";
import type { OutcomeWithoutModel } from "../forecast/protocol";
import { saveRunSchema } from "../series/run-schema";
import type { Frequency } from "../time/frequency";
import { toReforecastSeries, toRunRecord } from "./to-run-record";

const monthly: Frequency = { kind: "monthly", step: { unit: "month", months: 1 }, seasonLength: 12, label: "monthly", gapCount: 0 };
const months = (n: number) => Array.from({ length: n }, (_, i) => Date.UTC(2020, i, 1));
const interval = (mean: number[]) => ({ mean, lower80: mean, upper80: mean, lower95: mean, upper95: mean });
const metrics = { mase: 0.8, smape: 10, rmse: 2, coverage80: 0.8, coverage95: Number.NaN };

const forecasts = { lstm: interval([1, Number.POSITIVE_INFINITY]), naive: interval([1, 1]), snaive: interval([1, 1]), holt_winters: interval([1, 1]), theta: interval([1, 1]), combination: interval([1, 1]) };

const outcome: OutcomeWithoutModel = {
  config: TEST_CONFIG,
  mode: "per-series",
  horizon: 2,
  seasonLength: 12,
  backend: { name: "wasm", requested: "wasm", simd: true, matMulFix: true },
  stopped: true,
  history: [{ stage: "backtest", model: 1, series: ["sales"], bestEpoch: 1, epochs: [{ epoch: 1, loss: Number.NaN, valLoss: 0.5 }] }],
  series: [
    {
      name: "sales",
      forecasts,
      metrics: { lstm: metrics, naive: metrics, snaive: metrics, holt_winters: metrics, theta: metrics, combination: metrics },
      backtestOrigins: 3,
      folds: [{ origin: 7, actual: [5, 6], forecasts: { lstm: [5, 6], naive: [5, 5], snaive: [5, 5], holt_winters: [5, 5], theta: [5, 5], combination: [5, 5] } }],
      chosen: "lstm",
      chosenReason: "because",
      preprocessing: { transform: "none", deseasonalized: false, seasonLength: 12, filled: 0, outliers: [4], unusualEnd: [9] },
    },
  ],
  elapsedMs: 1234.5,
};

const series = [{ seriesId: "s1", name: "sales", times: months(10), values: Float64Array.from({ length: 10 }, (_, i) => (i === 4 ? 900 : i === 9 ? 4000 : 10)) }];

describe("toRunRecord", () => {
  const record = toRunRecord(outcome, { series, frequency: monthly, startedAt: new Date(0), finishedAt: new Date(1000) });

  it("is a valid body for POST /api/datasets/<id>/runs", () => {
    expect(saveRunSchema.parse(JSON.parse(JSON.stringify(record)))).toEqual(record);
  });

  it("keeps the series the run left out, with why, so the saved run still names them", () => {
    expect(record.skipped).toBeUndefined();
    const skipped = [{ name: "launch", reason: 'Series "launch" has 3 usable values; …' }];
    const withSkipped = toRunRecord({ ...outcome, skipped }, { series, frequency: monthly, startedAt: new Date(0), finishedAt: new Date(1000) });
    expect(saveRunSchema.parse(JSON.parse(JSON.stringify(withSkipped))).skipped).toEqual(skipped);
  });

  it("places the forecast and the folds on the time axis", () => {
    const s = record.series[0];
    expect(s?.historyEnd).toBe(Date.UTC(2020, 9, 1));
    expect(s?.times).toEqual([Date.UTC(2020, 10, 1), Date.UTC(2020, 11, 1)]);
    expect(s?.folds[0]?.times).toEqual([Date.UTC(2020, 8, 1), Date.UTC(2020, 9, 1)]);
  });

  it("continues each series' own spacing: a quarterly series beside a monthly one steps by quarters", () => {
    const quarterly: Frequency = { kind: "quarterly", step: { unit: "month", months: 3 }, seasonLength: 4, label: "quarterly", gapCount: 0 };
    const gdp = { seriesId: "s2", name: "gdp", times: Array.from({ length: 10 }, (_, i) => Date.UTC(2018, 3 * i, 1)), values: new Float64Array(10).fill(5), frequency: quarterly };
    const two = toRunRecord(
      { ...outcome, series: [outcome.series[0]!, { ...outcome.series[0]!, name: "gdp" }] },
      { series: [{ ...series[0]!, frequency: monthly }, gdp], frequency: monthly, startedAt: new Date(0), finishedAt: new Date(1000) },
    );
    expect(two.series[0]?.times).toEqual([Date.UTC(2020, 10, 1), Date.UTC(2020, 11, 1)]);
    // Before, Jun and Jul 2020 (the monthly series' steps) after a history ending in Apr 2020.
    expect(two.series[1]?.times).toEqual([Date.UTC(2020, 6, 1), Date.UTC(2020, 9, 1)]);
    expect(two.series[1]?.folds[0]?.times).toEqual([Date.UTC(2020, 0, 1), Date.UTC(2020, 3, 1)]);
    expect(saveRunSchema.safeParse(JSON.parse(JSON.stringify(two))).success).toBe(true);
    const fresh = toReforecastSeries({ horizon: 2, series: [{ name: "gdp", chosen: "naive", forecasts }] }, [gdp], monthly, two.series.slice(1));
    expect(fresh[0]?.times).toEqual([Date.UTC(2020, 6, 1), Date.UTC(2020, 9, 1)]);
  });

  it("names each outlier the methods were fitted without by its time and the value read", () => {
    expect(record.series[0]?.preprocessing.outliers).toEqual([{ t: Date.UTC(2020, 4, 1), value: 900 }]);
  });

  it("names an unusual last value by its time and the value read", () => {
    expect(record.series[0]?.preprocessing.unusualEnd).toEqual([{ t: Date.UTC(2020, 9, 1), value: 4000 }]);
  });

  it("names the last reading before values missing at the end, and stores the count", () => {
    const padded = { ...series[0]!, values: Float64Array.from({ length: 10 }, (_, i) => (i < 7 ? 20 + i : Number.NaN)) };
    const result = { ...outcome.series[0]!, preprocessing: { transform: "none" as const, deseasonalized: false, seasonLength: 12, filled: 3, missingAtEnd: 3 } };
    const stored = toRunRecord({ ...outcome, series: [result] }, { series: [padded], frequency: monthly, startedAt: new Date(0), finishedAt: new Date(1000) });
    const p = saveRunSchema.parse(JSON.parse(JSON.stringify(stored))).series[0]?.preprocessing;
    expect([p?.missingAtEnd, p?.lastReading]).toEqual([3, { t: Date.UTC(2020, 6, 1), value: 26 }]);
  });

  it("names the new data's last reading when a saved model forecasts again from values missing at the end, and none when it has none", () => {
    const stored = toRunRecord(outcome, { series, frequency: monthly, startedAt: new Date(0), finishedAt: new Date(1000) });
    const base = stored.series.map((s) => ({ ...s, preprocessing: { ...s.preprocessing, missingAtEnd: 5, lastReading: { t: Date.UTC(2020, 4, 1), value: 1 } } }));
    // alignEnds padded the last two months: the forecast starts after Oct 2020, from Aug's reading.
    const padded = { ...series[0]!, values: Float64Array.from({ length: 10 }, (_, i) => (i < 8 ? 20 + i : Number.NaN)) };
    const fresh = toReforecastSeries({ horizon: 2, series: [{ name: "sales", chosen: "naive", forecasts, missingAtEnd: 2 }] }, [padded], monthly, base);
    expect([fresh[0]?.historyEnd, fresh[0]?.preprocessing.missingAtEnd, fresh[0]?.preprocessing.lastReading]).toEqual([Date.UTC(2020, 9, 1), 2, { t: Date.UTC(2020, 7, 1), value: 27 }]);
    const full = toReforecastSeries({ horizon: 2, series: [{ name: "sales", chosen: "naive", forecasts }] }, series, monthly, base);
    expect([full[0]?.preprocessing.missingAtEnd, full[0]?.preprocessing.lastReading]).toEqual([undefined, undefined]);
  });

  it("keeps NaN and infinite numbers as null and marks a stopped run", () => {
    expect(record.status).toBe("stopped");
    expect(record.series[0]?.forecasts.lstm?.mean).toEqual([1, null]);
    expect(record.series[0]?.metrics.lstm?.coverage95).toBeNull();
    expect(record.history[0]?.epochs[0]).toEqual({ epoch: 1, loss: null, valLoss: 0.5 });
    expect(record.elapsedMs).toBe(1235);
  });

  it("draws a saved model's new forecast in the run's shape", () => {
    const fresh = toReforecastSeries(
      { horizon: 2, series: [{ name: "sales", chosen: "naive", forecasts: { ...forecasts, naive: interval([7, 8]) } }] },
      series,
      monthly,
      record.series,
    );
    expect(fresh[0]).toMatchObject({ seriesId: "s1", chosen: "naive", folds: [], times: record.series[0]?.times });
    expect(fresh[0]?.forecasts.naive?.mean).toEqual([7, 8]);
    expect(fresh[0]?.metrics).toEqual(record.series[0]?.metrics);
  });
});
