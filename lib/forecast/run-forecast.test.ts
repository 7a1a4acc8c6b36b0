import http from "node:http";
import type { AddressInfo } from "node:net";
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { mase, maseScale } from "../metrics";
import {
  decodeSavedModel,
  encodeSavedModel,
  forecastFromModel,
  fromTfjsFiles,
  initBackend,
  InvalidRequestError,
  minimumLength,
  resolveConfig,
  MAX_HORIZON,
  runClassicalForecast,
  runForecast,
  runForecastOrFallback,
  SeriesTooShortError,
  toTfjsFiles,
  TrainingDivergedError,
  type ForecastConfig,
  type ForecastProgress,
} from "./index";
import { TEST_SAVED_MODEL } from "../workbench/test-fixtures";
import { expectNestedBands } from "./expect-bands";
import { buildLstm, disposeNetwork } from "./network";
import { loadNetwork } from "./saved-model";
import { createRandom } from "./random";
import { trainNetwork } from "./train";

/** Small settings so that a whole run takes well under a second. */
const FAST: Partial<ForecastConfig> = { epochs: 6, units: 6, ensembleSize: 3, patience: 3, backtestOrigins: 5, lookback: 12, patchLength: 3 };

/** Trend + season + noise, monthly-like. */
function seasonalSeries(n: number, seed = 1, trend = 0.5): number[] {
  const random = createRandom(seed);
  return Array.from({ length: n }, (_, t) => 50 + trend * t + 10 * Math.sin((2 * Math.PI * t) / 12) + 2 * (random.next() - 0.5));
}

beforeAll(async () => {
  await initBackend();
});

describe("runForecast", () => {
  it("trains, backtests, forecasts and reloads without leaking tensors", async () => {
    const request = { series: [{ name: "sales", values: seasonalSeries(90) }], horizon: 6, seasonLength: 12, config: FAST };
    await runForecast(request); // warm-up: kernels and backend caches allocate once
    const before = tf.memory().numTensors;
    const outcome = await runForecast(request);
    await forecastFromModel(outcome.model, request.series);
    expect(tf.memory().numTensors).toBe(before);

    const s = outcome.series[0];
    if (!s) throw new Error("no series outcome");
    expect(outcome.backend.name).toBe("wasm");
    for (const method of ["lstm", "naive", "snaive", "holt_winters", "theta", "combination"] as const) {
      expectNestedBands(s.forecasts[method], 6);
      // Conformal bands widen (weakly) with the horizon on the modelling scale.
      const sigma = outcome.model.series[0]?.calibration[method].sigma ?? [];
      expect(sigma).toHaveLength(6);
      for (let j = 1; j < 6; j++) expect(sigma[j]).toBeGreaterThanOrEqual(sigma[j - 1] as number);
      expect(Number.isFinite(s.metrics[method].mase)).toBe(true);
    }
    expect(s.backtestOrigins).toBe(5);
    expect(s.folds.length).toBeGreaterThanOrEqual(1);
    expect(s.folds.at(-1)?.origin).toBe(90 - 1 - 6);
    expect(["lstm", "naive", "snaive", "holt_winters", "theta", "combination"]).toContain(s.chosen);
    expect(s.chosenReason.length).toBeGreaterThan(10);
    expect(outcome.history.map((h) => h.stage)).toEqual(["backtest", "training"]);
  });

  it("gives the same forecast for the same seed and another for another seed", async () => {
    const series = [{ name: "y", values: seasonalSeries(80, 3) }];
    const run = (seed: number) => runForecast({ series, horizon: 5, seasonLength: 12, config: { ...FAST, seed } });
    const [a, b, c] = [await run(7), await run(7), await run(8)];
    expect(a.series[0]?.forecasts.lstm).toEqual(b.series[0]?.forecasts.lstm);
    expect(a.history).toEqual(b.history);
    expect(a.series[0]?.forecasts.lstm.mean).not.toEqual(c.series[0]?.forecasts.lstm.mean);
  });

  it("beats seasonal naive on a trending seasonal series after a short train", async () => {
    const values = seasonalSeries(132, 5, 0.8);
    const h = 12;
    const train = values.slice(0, values.length - h);
    const actual = values.slice(values.length - h);
    const outcome = await runForecast({
      series: [{ name: "trend", values: train }],
      horizon: h,
      seasonLength: 12,
      config: { epochs: 40, units: 8, ensembleSize: 3, patience: 10, backtestOrigins: 5 },
    });
    const s = outcome.series[0];
    if (!s) throw new Error("no outcome");
    const scale = maseScale(train, 12);
    const lstm = mase(actual, s.forecasts.lstm.mean, scale);
    const snaive = mase(actual, s.forecasts.snaive.mean, scale);
    expect(lstm).toBeLessThan(0.7 * snaive);
    expect(s.metrics.lstm.mase).toBeLessThan(s.metrics.snaive.mase);
  });

  it("reports progress at most once per epoch and stops within a batch when asked", async () => {
    const events: ForecastProgress[] = [];
    let polls = 0;
    const outcome = await runForecast(
      { series: [{ name: "y", values: seasonalSeries(200, 2) }], horizon: 6, seasonLength: 12, config: { ...FAST, epochs: 50, patience: 50, batchSize: 16 } },
      { onProgress: (p) => events.push(p), shouldStop: () => ++polls > 12 },
    );
    expect(outcome.stopped).toBe(true);
    // 16-window batches: the 13th poll stops inside the first or second epoch.
    const epochs = outcome.history.reduce((sum, h) => sum + h.epochs.length, 0);
    expect(epochs).toBeLessThanOrEqual(2);
    const trainingEvents = events.filter((e) => (e.stage === "backtest" || e.stage === "training") && e.epoch > 0);
    expect(trainingEvents.length).toBe(epochs);
    expect(events.every((e) => e.backend === "wasm" && e.models === 1 && e.elapsedMs >= 0 && e.etaMs >= 0)).toBe(true);
    // Named as the saved run's details will name it: the progress bar's label does not change at the end.
    expect(new Set(events.map((e) => e.backendLabel))).toEqual(new Set(["wasm (SIMD)"]));
    const mean = outcome.series[0]?.forecasts.lstm.mean ?? [];
    expect(mean).toHaveLength(6);
    expect(mean.every(Number.isFinite)).toBe(true);
  });

  it("serves several series with one global network or one network each", async () => {
    const series = [
      { name: "a", values: seasonalSeries(80, 1) },
      { name: "b", values: [Number.NaN, Number.NaN, ...seasonalSeries(78, 2, 0.2)] },
    ];
    for (const mode of ["global", "per-series"] as const) {
      const outcome = await runForecast({ series, horizon: 4, seasonLength: 12, mode, config: FAST });
      expect(outcome.mode).toBe(mode);
      expect(outcome.series.map((s) => s.name)).toEqual(["a", "b"]);
      expect(outcome.history.length).toBe(mode === "global" ? 2 : 4);
      // b's leading gap is dropped, so its fold origins are in the caller's indexing.
      expect(outcome.series[1]?.folds.at(-1)?.origin).toBe(80 - 1 - 4);
      const again = await forecastFromModel(outcome.model, series);
      again.series.forEach((s, i) => {
        const original = outcome.series[i]?.forecasts.lstm.mean ?? [];
        s.forecasts.lstm.mean.forEach((v, j) => expect(v).toBeCloseTo(original[j] as number, 4));
      });
    }
  });

  it("keeps Theta's seasonal ratios in the saved model, so it forecasts Theta as the run did", async () => {
    const series = [{ name: "sales", values: seasonalSeries(96, 4) }];
    const outcome = await runForecast({ series, horizon: 6, seasonLength: 12, config: { ...FAST, transform: "none" } });
    expect(outcome.series[0]?.preprocessing.deseasonalized).toBe(true);
    expect(outcome.model.series[0]?.theta.multiplicative).toBe(true);
    const again = await forecastFromModel(decodeSavedModel(encodeSavedModel(outcome.model)), series);
    again.series[0]?.forecasts.theta.mean.forEach((v, j) => expect(v).toBeCloseTo(outcome.series[0]?.forecasts.theta.mean[j] as number, 6));
  });

  it("takes the yearly cycle of a daily series off before the network and puts it back in the forecast", async () => {
    // Four years of daily values; the forecast starts in autumn, when the yearly wave falls fast.
    const values = Array.from({ length: 1340 }, (_, t) => 15 + 8 * Math.cos((2 * Math.PI * (t - 200)) / 365.25) + Math.sin(t * 1.7));
    const outcome = await runForecast({ series: [{ name: "temp", values }], horizon: 60, seasonLength: 1, frequency: "daily", config: { ...FAST, lookback: 24, patchLength: 2 } });
    const series = outcome.series[0];
    expect(series?.preprocessing.cyclePeriod).toBe(365.25);
    const expected = Array.from({ length: 60 }, (_, j) => 15 + 8 * Math.cos((2 * Math.PI * (1340 + j - 200)) / 365.25));
    const error = (f: number[]) => f.reduce((s, v, j) => s + Math.abs(v - (expected[j] as number)), 0) / f.length;
    // Naive stays where the wave was; the LSTM follows it down.
    expect(error(series?.forecasts.lstm.mean ?? [])).toBeLessThan(0.5 * error(series?.forecasts.naive.mean ?? []));
    const again = await forecastFromModel(outcome.model, [{ name: "temp", values }]);
    again.series[0]?.forecasts.lstm.mean.forEach((v, j) => expect(v).toBeCloseTo(series?.forecasts.lstm.mean[j] as number, 4));
  });

  it("models a week in daily data asked with season 1, says so, and keeps it in the saved model", async () => {
    const random = createRandom(9).next;
    const values = Array.from({ length: 210 }, (_, t) => (t % 7 >= 5 ? 600 : 1000) + 40 * (random() - 0.5));
    const outcome = await runForecast({ series: [{ name: "visits", values }], horizon: 14, seasonLength: 1, frequency: "daily", config: { ...FAST, lookback: 14, patchLength: 2 } });
    const series = outcome.series[0];
    expect(outcome.seasonLength).toBe(7);
    expect(outcome.model.seasonLength).toBe(7);
    expect(series?.preprocessing).toMatchObject({ seasonLength: 7, seasonFound: true, deseasonalized: true });
    const expected = Array.from({ length: 14 }, (_, j) => ((210 + j) % 7 >= 5 ? 600 : 1000));
    const error = (f: number[]) => f.reduce((sum, v, j) => sum + Math.abs(v - (expected[j] as number)), 0) / f.length;
    expect(error(series?.forecasts.lstm.mean ?? [])).toBeLessThan(0.25 * error(series?.forecasts.naive.mean ?? []));
  });
});

describe("edge cases", () => {
  it("forecasts a series of exactly the minimum length the app announces", async () => {
    const n = minimumLength(6);
    const values = Array.from({ length: n }, (_, t) => 10 + Math.sin(t));
    const outcome = await runForecast({ series: [{ name: "min", values }], horizon: 6, seasonLength: 12, config: { epochs: 3 } });
    expect(outcome.series[0]?.forecasts.lstm.mean).toHaveLength(6);
    await expect(runForecast({ series: [{ name: "min", values: values.slice(1) }], horizon: 6, seasonLength: 12 })).rejects.toBeInstanceOf(SeriesTooShortError);
  });

  it("keeps a constant series flat, with zero-width bands", async () => {
    const outcome = await runForecast({ series: [{ name: "flat", values: new Array(60).fill(5) }], horizon: 4, seasonLength: 12, config: FAST });
    const s = outcome.series[0];
    for (const v of [...(s?.forecasts.lstm.mean ?? []), ...(s?.forecasts.lstm.upper95 ?? [])]) expect(v).toBeCloseTo(5, 6);
    expect(s?.metrics.lstm.mase).toBe(0);
    expect(s?.chosen).toBe("naive");
    expect(s?.chosenReason).toMatch(/did not change over the backtest/);
    expect(s?.forecasts.naive.mean).toEqual([5, 5, 5, 5]);
  });

  it("fits every method without an isolated outlier near the end, names it, scores the backtest against it, and the saved model does the same", async () => {
    const values = seasonalSeries(120, 5);
    values[116] = 5000;
    const series = [{ name: "sales", values }];
    const outcome = await runForecast({ series, horizon: 6, seasonLength: 12, config: FAST });
    const s = outcome.series[0];
    if (!s) throw new Error("no outcome");
    expect(s.preprocessing.outliers).toEqual([116]);
    // Without the screen the smoothing's season state carries the spike into next year's forecast;
    // with it every method stays within the usual range (about 95–125 by then).
    for (const method of ["lstm", "holt_winters", "combination"] as const) for (const v of s.forecasts[method].mean) expect(v).toBeLessThan(150);
    // The backtest's last folds include the outlier, and are scored against it as it was read.
    expect(s.folds.some((fold) => fold.actual.includes(5000))).toBe(true);
    const kept = await runForecast({ series, horizon: 6, seasonLength: 12, config: { ...FAST, screenOutliers: false } });
    expect(kept.series[0]?.preprocessing.outliers).toBeUndefined();
    expect(Math.max(...(kept.series[0]?.forecasts.holt_winters.mean ?? []))).toBeGreaterThan(150);
    const again = await forecastFromModel(decodeSavedModel(encodeSavedModel(outcome.model)), series);
    again.series[0]?.forecasts.lstm.mean.forEach((v, j) => expect(v).toBeCloseTo(s.forecasts.lstm.mean[j] as number, 5));
  });

  it("models no season longer than half the history, and says so", async () => {
    const series = [{ name: "sales", values: seasonalSeries(70) }];
    const outcome = await runForecast({ series, horizon: 6, seasonLength: 36, config: FAST });
    expect(outcome.seasonLength).toBe(1);
    expect(outcome.series[0]?.preprocessing).toMatchObject({ seasonLength: 1, seasonDropped: 36 });
    expect(outcome.series[0]?.preprocessing.seasonFound).toBeUndefined();
    // Two seasons fit: kept.
    const kept = await runForecast({ series, horizon: 6, seasonLength: 35, config: FAST });
    expect(kept.seasonLength).toBe(35);
    expect(kept.series[0]?.preprocessing.seasonDropped).toBeUndefined();
  });

  it("scales the backtest MASE by the series' usual step, not by a typo's jump", async () => {
    const values = seasonalSeries(100, 6);
    values[40] = 1e9;
    const outcome = await runForecast({ series: [{ name: "sales", values }], horizon: 6, seasonLength: 12, config: FAST });
    const s = outcome.series[0];
    if (!s) throw new Error("no outcome");
    expect(s.preprocessing.outliers).toEqual([40]);
    // Scaled by the seasonal-naive step of the values as fitted (the typo left out): the scores of a
    // noisy season, not the 1e-7 a step of 1e9 / 50 gives.
    for (const method of ["lstm", "naive", "snaive", "theta"] as const) {
      expect(s.metrics[method].mase).toBeGreaterThan(0.05);
      expect(s.metrics[method].mase).toBeLessThan(20);
    }
  });

  it("scores no backtest fold against a gap's fill, and takes the MASE scale from measured steps only", async () => {
    // Noise around 100, one-step folds (h = 1, 12 origins: the first at index 67, so every origin is
    // a fold and the metrics pool exactly the folds). A long gap before the backtest is filled with a
    // flat line, where every measured step jumps; the gaps in the backtest lie between two readings
    // of 125, so their fill is 125 where the values around them are about 100.
    const random = createRandom(4);
    const values = Array.from({ length: 80 }, () => 100 + 20 * (random.next() - 0.5));
    values[29] = 100;
    values[45] = 100;
    for (let t = 30; t <= 44; t++) values[t] = Number.NaN;
    values[68] = 125;
    values[71] = 125;
    values[75] = 125;
    values[78] = 125;
    for (const t of [69, 70, 76, 77]) values[t] = Number.NaN;
    const outcome = await runForecast({ series: [{ name: "sensor", values }], horizon: 1, seasonLength: 1, config: { ...FAST, backtestOrigins: 12 } });
    const s = outcome.series[0];
    if (!s) throw new Error("no outcome");
    expect(s.preprocessing.outliers).toBeUndefined();
    expect(s.preprocessing.filled).toBe(19);
    expect(s.preprocessing.unscoredGaps).toBe(4);
    expect(s.folds.map((f) => f.origin)).toEqual(Array.from({ length: 12 }, (_, k) => 67 + k));
    for (const f of s.folds) {
      const read = values[f.origin + 1] as number;
      if (Number.isNaN(read)) expect(f.actual[0]).toBeNaN();
      else expect(f.actual[0]).toBe(read);
    }
    // By hand: the scale is the mean step between two readings up to the first origin.
    let steps = 0;
    let count = 0;
    for (let t = 1; t <= 67; t++) {
      const d = Math.abs((values[t] as number) - (values[t - 1] as number));
      if (Number.isFinite(d)) {
        steps += d;
        count++;
      }
    }
    expect(count).toBe(51);
    const scale = steps / count;
    const measured = s.folds.filter((f) => !Number.isNaN(values[f.origin + 1] as number));
    expect(measured).toHaveLength(8);
    for (const method of ["lstm", "naive", "snaive", "holt_winters", "theta", "combination"] as const) {
      const pairs = measured.map((f) => [f.actual[0] as number, f.forecasts[method]?.[0] as number] as const);
      const mae = pairs.reduce((sum, [a, p]) => sum + Math.abs(a - p), 0) / pairs.length;
      const smape = pairs.reduce((sum, [a, p]) => sum + (200 * Math.abs(a - p)) / (Math.abs(a) + Math.abs(p)), 0) / pairs.length;
      const rmse = Math.sqrt(pairs.reduce((sum, [a, p]) => sum + (a - p) ** 2, 0) / pairs.length);
      expect(s.metrics[method].mase).toBeCloseTo(mae / scale, 9);
      expect(s.metrics[method].smape).toBeCloseTo(smape, 9);
      expect(s.metrics[method].rmse).toBeCloseTo(rmse, 9);
      // Coverage is checked on the later six origins, two of them gaps: a share of the other four.
      expect(s.metrics[method].coverage80 * 4).toBeCloseTo(Math.round(s.metrics[method].coverage80 * 4), 9);
    }
  });

  it("keeps folds with no measured value blank, and judges no method when none has one", async () => {
    // A column whose readings stopped 20 steps before the file ends: its tail is carried forward,
    // which naive would repeat exactly and score 0 against.
    const values = seasonalSeries(80, 2);
    for (let t = 60; t < 80; t++) values[t] = Number.NaN;
    const outcome = await runForecast({ series: [{ name: "stopped", values }], horizon: 3, seasonLength: 12, config: { ...FAST, backtestOrigins: 7 } });
    const s = outcome.series[0];
    if (!s) throw new Error("no outcome");
    expect(s.preprocessing.unscoredGaps).toBe(9);
    expect(s.folds.length).toBeGreaterThan(0);
    for (const f of s.folds) for (const a of f.actual) expect(a).toBeNaN();
    expect(s.metrics.naive.mase).toBeNaN();
    expect(s.chosen).toBe("lstm");
    expect(s.chosenReason).toMatch(/^No method could be judged: the backtest had no measured value to score against/);
    expectNestedBands(s.forecasts.lstm, 3);
  });

  it("leaves out a series whose readings stopped more than a horizon before the end, names its last reading, and carries a shorter gap forward with a count", async () => {
    const months = (n: number) => Array.from({ length: n }, (_, t) => Date.UTC(2016, t, 1));
    const stopped = seasonalSeries(96, 3);
    for (let t = 76; t < 96; t++) stopped[t] = Number.NaN;
    const lagging = seasonalSeries(96, 4);
    lagging[94] = Number.NaN;
    lagging[95] = Number.NaN;
    const request = {
      series: [
        { name: "north", values: seasonalSeries(96, 2) },
        { name: "south", values: stopped, times: months(96) },
        { name: "east", values: lagging, times: months(96) },
      ],
      horizon: 6,
      seasonLength: 12,
      frequency: "monthly",
      config: FAST,
    };
    const outcome = await runForecastOrFallback(request);
    expect(outcome.series.map((s) => s.name)).toEqual(["north", "east"]);
    expect(outcome.skipped).toEqual([
      {
        name: "south",
        reason:
          'Series "south" was left out of this run: its readings stop at Apr 2022, and its last 20 months are missing, more than the 6 months forecast. ' +
          "Its forecast would start from its last reading carried forward over them, a level nobody measured, so the other series were forecast without it. To continue it from its last reading, forecast it on its own.",
      },
    ]);
    expect(outcome.series.map((s) => s.preprocessing.missingAtEnd)).toEqual([undefined, 2]);
    // The saved model, given the same series, leaves south out with the same note and forecasts east
    // from the same end as the run did.
    if (!outcome.model) throw new Error("no model saved");
    const again = await forecastFromModel(outcome.model, request.series);
    expect(again.skipped).toEqual(outcome.skipped);
    expect(again.series.map((s) => [s.name, s.missingAtEnd])).toEqual([["north", undefined], ["east", 2]]);
    again.series.forEach((s, i) => s.forecasts.lstm.mean.forEach((v, j) => expect(v).toBeCloseTo(outcome.series[i]?.forecasts.lstm?.mean[j] as number, 4)));
    await expect(forecastFromModel(outcome.model, [request.series[1]!])).rejects.toThrow(new InvalidRequestError(outcome.skipped?.[0]?.reason as string));
    // Alone, it cannot be forecast from the end it was given: refused with the same sentence.
    await expect(runForecastOrFallback({ ...request, series: [request.series[1]!] })).rejects.toThrow(/^Series "south" was left out of this run: its readings stop at Apr 2022/);
    // Six missing at a horizon of 6 are forecast, from the last reading carried forward.
    const six = seasonalSeries(96, 3).map((v, t) => (t >= 90 ? Number.NaN : v));
    const kept = await runForecastOrFallback({ ...request, series: [{ name: "south", values: six }] });
    expect(kept.series[0]?.preprocessing.missingAtEnd).toBe(6);
  });

  it("caps every method's forecast and bands at a series' upper bound, in the run, the saved model and a short series' forecast", async () => {
    const draw = createRandom(12).next;
    // Uptime in percent: near 100, never above it.
    const uptime = Array.from({ length: 96 }, () => Math.min(100, 99.2 + 1.2 * draw()));
    const capped = await runForecast({ series: [{ name: "uptime", values: uptime, upperBound: 100 }], horizon: 6, seasonLength: 12, config: FAST });
    const highest = (forecasts: Record<string, { upper95: number[] }>) => Math.max(...Object.values(forecasts).flatMap((f) => f.upper95));
    expect(highest(capped.series[0]?.forecasts ?? {})).toBeLessThanOrEqual(100);
    const free = await runForecast({ series: [{ name: "uptime", values: uptime }], horizon: 6, seasonLength: 12, config: FAST });
    expect(highest(free.series[0]?.forecasts ?? {})).toBeGreaterThan(100);
    const again = await forecastFromModel(capped.model, [{ name: "uptime", values: uptime, upperBound: 100 }]);
    expect(highest(again.series[0]?.forecasts ?? {})).toBeLessThanOrEqual(100);
    const short = await runForecastOrFallback({ series: [{ name: "uptime", values: uptime.slice(0, 20), upperBound: 100 }], horizon: 6, seasonLength: 12 });
    expect(highest(short.series[0]?.forecasts ?? {})).toBeLessThanOrEqual(100);
  });

  it("never forecasts below 0 for a series that never went below 0, and only then", async () => {
    // Intermittent counts: mostly zeros, so unfloored bands reach well below 0.
    const draw = createRandom(11).next;
    const counts = Array.from({ length: 96 }, () => (draw() < 0.7 ? 0 : 1 + Math.floor(5 * draw())));
    const run = (values: number[]) => runForecast({ series: [{ name: "counts", values }], horizon: 6, seasonLength: 12, config: FAST });
    const floored = (await run(counts)).series[0];
    const shifted = (await run(counts.map((v) => v - 1))).series[0];
    const everything = (s: typeof floored) => [
      ...Object.values(s?.forecasts ?? {}).flatMap((f) => [...f.mean, ...f.lower80, ...f.upper80, ...f.lower95, ...f.upper95]),
      ...(s?.folds ?? []).flatMap((fold) => Object.values(fold.forecasts).flat()),
    ];
    expect(everything(floored).length).toBeGreaterThan(0);
    expect(Math.min(...everything(floored))).toBe(0);
    // The same data one lower has negative values of its own: its bands are not floored.
    expect(Math.min(...everything(shifted))).toBeLessThan(-1);
  });
});

describe("failures say what to change", () => {
  it("names the minimum length for a series too short for the horizon", async () => {
    const request = { series: [{ name: "short", values: seasonalSeries(30) }], horizon: 12, seasonLength: 12 };
    await expect(runForecast(request)).rejects.toBeInstanceOf(SeriesTooShortError);
    await expect(runForecast(request)).rejects.toThrow(/"short" has 30 usable values; .* needs at least \d+\. Shorten the horizon/);
  });

  it.each([
    [{ horizon: 0 }, /horizon must be a positive whole number/],
    [{ seasonLength: 2.5 }, /season length must be a positive whole number/],
    [{ config: { lookback: 10, patchLength: 3 } }, /multiple of "patchLength"/],
    [{ config: { learningRate: 2 } }, /"learningRate" must be between 0 and 1/],
    [{ config: { units: 100_000 } }, /^The network would have [\d,]+ weights/],
    [{ series: [] }, /at least one series/],
  ])("rejects %j", async (change, message) => {
    const request = { series: [{ name: "y", values: seasonalSeries(80) }], horizon: 6, seasonLength: 12, ...change };
    await expect(runForecast(request)).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(runForecast(request)).rejects.toThrow(message);
  });

  it("refuses a horizon longer than the history, in the same words from every entry, before fitting anything", async () => {
    const request = { series: [{ name: "wine", values: seasonalSeries(176) }], horizon: 100_000, seasonLength: 12 };
    const message = "The horizon may be at most 176 steps, the length of the history (got 100,000). Choose a horizon of at most 176 steps, or upload a longer history.";
    for (const entry of [runForecastOrFallback, runForecast, runClassicalForecast]) {
      const run = entry(request);
      await expect(run).rejects.toBeInstanceOf(InvalidRequestError);
      await expect(run).rejects.toThrow(message);
    }
    // Leading gaps are no history: a wide file's column that starts late has fewer steps than rows.
    const late = [...new Array(20).fill(Number.NaN), ...seasonalSeries(30)];
    await expect(runForecastOrFallback({ series: [{ name: "late", values: late }], horizon: 31, seasonLength: 12 })).rejects.toThrow(/^The horizon may be at most 30 steps, /);
  });

  it("measures the horizon against the longest series: it is named, and a shorter one beside it is forecast that far too", async () => {
    const long = { name: "old", values: seasonalSeries(90) };
    const short = { name: "new", values: seasonalSeries(24, 2) };
    await expect(runForecastOrFallback({ series: [long, short], horizon: 91, seasonLength: 12 })).rejects.toThrow(
      'The horizon may be at most 90 steps, the length of the longest history, that of "old" (got 91). Choose a horizon of at most 90 steps, or upload a longer history.',
    );
    // 30 steps: the LSTM for "old", Theta for "new" beyond its own 24 values.
    const outcome = await runForecastOrFallback({ series: [long, short], horizon: 30, seasonLength: 12, config: FAST });
    expect(outcome.series.map((s) => [s.name, s.forecasts[s.chosen]?.mean.length])).toEqual([
      ["old", 30],
      ["new", 30],
    ]);
    expect(outcome.series[1]?.chosen).toBe("theta");
  });

  it("refuses values beyond ±1e100 by series and position, never suggesting a learning rate; forecasts values beyond float32 as their scaled-down copy", async () => {
    const alternating = Array.from({ length: 60 }, (_, i) => (i % 2 ? 1.7e308 : -1.7e308));
    const extreme = { series: [{ name: "extreme", values: [Number.NaN, 5, ...alternating.slice(2)] }], horizon: 3, seasonLength: 12, config: FAST };
    const message =
      'Series "extreme" has the value -1.7e+308 (value 3 of 60), beyond ±1e100, the largest values Tidecast can forecast. Write the series in a larger unit (divide its values by a power of ten) and upload it again.';
    for (const entry of [runForecastOrFallback, runForecast, runClassicalForecast]) {
      const run = entry(extreme);
      await expect(run).rejects.toBeInstanceOf(InvalidRequestError);
      await expect(run).rejects.toThrow(message);
    }
    // Newer data forecast with a saved model, too.
    await expect(forecastFromModel(TEST_SAVED_MODEL, extreme.series)).rejects.toThrow(message);
    // Astronomers' luminosities: the network sees normalised values, float64 does the rest.
    const base = seasonalSeries(90).map((v) => v - 60);
    const plain = await runForecastOrFallback({ series: [{ name: "y", values: base }], horizon: 6, seasonLength: 12, config: FAST });
    const huge = await runForecastOrFallback({ series: [{ name: "y", values: base.map((v) => v * 1e40) }], horizon: 6, seasonLength: 12, config: FAST });
    const ratio = (a: number[] | undefined, b: number[] | undefined) => (a ?? []).map((v, i) => v / ((b ?? [])[i] as number));
    for (const r of ratio(huge.series[0]?.forecasts.lstm?.upper95, plain.series[0]?.forecasts.lstm?.upper95)) expect(r / 1e40).toBeCloseTo(1, 6);
  });

  it("suggests a lower learning rate when the loss stops being finite", async () => {
    const network = buildLstm({ lookback: 4, patch: 2, channels: 1, horizon: 2, units: 3, layers: 1, ensembleSize: 1 }, 1);
    const windows = { xs: new Float32Array(8).fill(1), ys: Float32Array.from([1, Number.NaN, 0, 1]), count: 2, lookback: 4, channels: 1, horizon: 2, origins: new Int32Array(2) };
    const training = trainNetwork(network, windows, { epochs: 2, batchSize: 2, learningRate: 0.05, patience: 2, loss: "mae", dropout: 0, seed: 1 });
    await expect(training).rejects.toBeInstanceOf(TrainingDivergedError);
    await expect(training).rejects.toThrow(/Lower the learning rate, e\.g\. to 0\.017/);
    disposeNetwork(network);
  });
});

describe("resolveConfig", () => {
  it("sizes the network from the data and keeps overrides", () => {
    const monthly = resolveConfig({ series: [{ name: "m", values: new Array(500).fill(1) }], horizon: 18, seasonLength: 12 });
    expect(monthly.lookback % monthly.patchLength).toBe(0);
    expect(monthly.lookback / monthly.patchLength).toBeLessThanOrEqual(12);
    expect(monthly.lookback).toBeGreaterThanOrEqual(24);
    expect(monthly.backtestOrigins).toBe(37);
    const short = resolveConfig({ series: [{ name: "s", values: new Array(60).fill(1) }], horizon: 6, seasonLength: 12 });
    expect(short.backtestOrigins).toBeGreaterThanOrEqual(3);
    expect(short.lookback).toBeLessThan(monthly.lookback);
    // A short horizon gets enough origins for about 40 backtest errors, as the history allows.
    const daily = (n: number, h: number) => resolveConfig({ series: [{ name: "d", values: new Array(n).fill(1) }], horizon: h, seasonLength: 7 }).backtestOrigins;
    expect([daily(360, 1), daily(360, 2), daily(360, 3), daily(360, 4), daily(360, 5)]).toEqual([40, 20, 14, 10, 11]);
    expect(daily(40, 1)).toBe(16);
    const custom = resolveConfig({ series: [{ name: "m", values: new Array(500).fill(1) }], horizon: 18, seasonLength: 12, config: { units: 5, seed: 9 } });
    expect(custom.units).toBe(5);
    expect(custom.seed).toBe(9);
  });

  it("refuses a horizon beyond MAX_HORIZON before sizing anything, and sizes from 200,000 values without spreading them onto the stack", () => {
    const long = { name: "long", values: Float64Array.from({ length: 200_000 }, (_, t) => 100 + Math.sin((2 * Math.PI * t) / 24)) };
    expect(() => resolveConfig({ series: [long], horizon: MAX_HORIZON + 1, seasonLength: 24 })).toThrow(/at most 100,000 steps \(got 100,001\)/);
    expect(resolveConfig({ series: [long], horizon: 24, seasonLength: 24 }).lookback).toBeGreaterThanOrEqual(48);
  });
});

describe("saved models", () => {
  it("round-trip through bytes and through standard tfjs files", async () => {
    const series = [{ name: "sales", values: seasonalSeries(84, 4) }];
    const outcome = await runForecast({ series, horizon: 6, seasonLength: 12, config: FAST });
    const expected = outcome.series[0]?.forecasts;
    if (!expected) throw new Error("no outcome");

    const bytes = encodeSavedModel(outcome.model);
    // Prisma hands Bytes back at arbitrary offsets: decode from a view into a larger buffer.
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    const decoded = decodeSavedModel(shifted.subarray(3));
    const fromBytes = await forecastFromModel(decoded, series);
    fromBytes.series[0]?.forecasts.lstm.mean.forEach((v, j) => expect(v).toBeCloseTo(expected.lstm.mean[j] as number, 5));
    fromBytes.series[0]?.forecasts.holt_winters.mean.forEach((v, j) => expect(v).toBeCloseTo(expected.holt_winters.mean[j] as number, 5));
    expect(fromBytes.series[0]?.chosen).toBe(outcome.series[0]?.chosen);
    const shorter = await forecastFromModel(decoded, series, 3);
    expect(shorter.series[0]?.forecasts.lstm.mean).toHaveLength(3);
    await expect(forecastFromModel(decoded, series, 7)).rejects.toThrow(/at most 6 steps/);

    // model.json + weights.bin, served over HTTP, load with the stock tf.loadLayersModel.
    const files = toTfjsFiles(outcome.model);
    const server = http.createServer((req, res) => {
      if (req.url === "/model.json") res.end(files.modelJson);
      else if (req.url === "/weights.bin") res.end(Buffer.from(files.weightsBin));
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const stock = await tf.loadLayersModel(`http://127.0.0.1:${port}/model.json`);
      const ours = await loadNetwork(outcome.model);
      const x = tf.randomNormal([2, 4, 6]);
      const a = stock.predict(x) as tf.Tensor;
      const b = ours.predict(x) as tf.Tensor;
      expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
      tf.dispose([x, a, b]);
      stock.dispose();
      ours.dispose();
    } finally {
      server.close();
    }
    const reread = fromTfjsFiles(files);
    expect(reread.series[0]?.name).toBe("sales");
    const again = await forecastFromModel(reread, series);
    again.series[0]?.forecasts.lstm.mean.forEach((v, j) => expect(v).toBeCloseTo(expected.lstm.mean[j] as number, 5));
    expect(() => decodeSavedModel(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toThrow(/not a saved Tidecast model/);
  });
});

describe("runForecastOrFallback", () => {
  it("forecasts series all too short for the LSTM with Theta and the naive methods, without a network or a model", async () => {
    const h = 12;
    const stages: string[] = [];
    const request = { series: [{ name: "a", values: seasonalSeries(30) }, { name: "b", values: seasonalSeries(36, 2) }], horizon: h, seasonLength: 12, config: FAST };
    expect(minimumLength(h)).toBeGreaterThan(36);
    const before = tf.memory().numTensors;
    const outcome = await runForecastOrFallback(request, { onProgress: (p) => stages.push(`${p.stage} ${p.model} of ${p.models}`) });
    expect(tf.memory().numTensors).toBe(before);
    expect(outcome.model).toBeNull();
    expect(outcome.backend).toBeNull();
    expect(outcome.history).toEqual([]);
    // Each series counted as it is forecast: the 60 columns of a wide file took 24 s at "Preparing data", 0%.
    expect(stages).toEqual(["preparing 1 of 2", "forecasting 1 of 2", "forecasting 2 of 2"]);
    expect(outcome.series.map((s) => s.name)).toEqual(["a", "b"]);
    for (const s of outcome.series) {
      expect(s.chosen).toBe("theta");
      expect(s.forecasts.lstm).toBeUndefined();
      expectNestedBands(s.forecasts.theta as NonNullable<typeof s.forecasts.theta>, h);
    }
  });

  it("leaves out a series with too few values for any forecast, says why, and forecasts the others", async () => {
    const request = {
      series: [
        { name: "a", values: seasonalSeries(30) },
        { name: "new", values: [Number.NaN, Number.NaN, 50, 51, 52] },
        { name: "b", values: seasonalSeries(36, 2) },
      ],
      horizon: 12,
      seasonLength: 12,
    };
    const outcome = await runForecastOrFallback(request);
    expect(outcome.series.map((s) => s.name)).toEqual(["a", "b"]);
    expect(outcome.skipped).toEqual([{ name: "new", reason: expect.stringMatching(/^Series "new" has 3 usable values; a forecast needs at least 5.*left out/) }]);
    // Nothing skipped: no `skipped` at all, so runs saved before it existed read the same.
    expect((await runForecastOrFallback({ ...request, series: [request.series[0] as (typeof request.series)[number]] })).skipped).toBeUndefined();
  });

  it("refuses a run whose every series is too short for any forecast", async () => {
    const request = { series: [{ name: "x", values: [1, 2] }, { name: "y", values: [1, 2, 3] }], horizon: 3, seasonLength: 1 };
    await expect(runForecastOrFallback(request)).rejects.toThrow(SeriesTooShortError);
    await expect(runForecastOrFallback(request)).rejects.toThrow(/Series "x" has 2 usable values; a forecast needs at least 5/);
  });

  it("trains the LSTM on the series long enough for it and gives the others Theta's forecast, in the request's order", async () => {
    const long = { name: "long", values: seasonalSeries(90) };
    const trained = await runForecastOrFallback({ series: [long], horizon: 6, seasonLength: 12, config: FAST });
    expect(trained.model).not.toBeNull();
    expect(trained.series[0]?.forecasts.lstm).toBeDefined();
    const mixed = await runForecastOrFallback({ series: [{ name: "short", values: seasonalSeries(20) }, long], horizon: 6, seasonLength: 12, config: FAST });
    expect(mixed.series.map((s) => [s.name, s.chosen === "theta", s.forecasts.lstm !== undefined])).toEqual([
      ["short", true, false],
      ["long", false, true],
    ]);
    expect(mixed.series[0]?.chosenReason).toMatch(/Series "short" has 20 usable values/);
    // The model knows the series it was trained on.
    expect(mixed.model?.series.map((s) => s.name)).toEqual(["long"]);
    expect(mixed.history.length).toBeGreaterThan(0);
  });
});
