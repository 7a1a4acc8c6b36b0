import { describe, expect, it } from "vitest";
import { minimumLength } from "./config";
import { SeriesTooShortError } from "./errors";
import { expectNestedBands } from "./expect-bands";
import { createRandom } from "./random";
import { forecastShortSeries, needsShortSeriesForecast, pickShortMethod, planSeries, SHORT_SERIES_MIN_FIT } from "./short-series";

describe("planSeries", () => {
  it("leaves out what no method fits, gives the classical forecast below the LSTM's length, the network from it", () => {
    const h = 6;
    expect(planSeries(SHORT_SERIES_MIN_FIT, h)).toBe("skip");
    expect(planSeries(SHORT_SERIES_MIN_FIT + 1, h)).toBe("classical");
    expect(planSeries(minimumLength(h) - 1, h)).toBe("classical");
    expect(planSeries(minimumLength(h), h)).toBe("network");
    // A longer horizon needs more history for the network.
    expect(planSeries(minimumLength(h), h + 1)).toBe("classical");
  });
});

describe("forecastShortSeries", () => {
  it("takes over exactly below the length the LSTM needs", () => {
    const h = 6;
    const enough = Array.from({ length: minimumLength(h) }, (_, t) => 10 + t);
    expect(needsShortSeriesForecast(enough, h)).toBe(false);
    expect(needsShortSeriesForecast(enough.slice(1), h)).toBe(true);
    // Gaps do not count as history.
    expect(needsShortSeriesForecast([Number.NaN, ...enough.slice(1)], h)).toBe(true);
  });

  it("scores no fold against a gap's fill and takes the MASE scale from measured steps only", () => {
    // h = 1: every origin is a fold. The gap at 2 (before the first origin, 3) is filled at 60 between
    // two readings of 60 where the others are about 10; the gaps at 12 and 13 lie between two as well.
    const random = createRandom(5);
    const values = Array.from({ length: 20 }, () => 10 + 4 * (random.next() - 0.5));
    values[1] = 60;
    values[3] = 60;
    values[11] = 60;
    values[14] = 60;
    for (const t of [2, 12, 13]) values[t] = Number.NaN;
    const { outcome } = forecastShortSeries({ name: "sensor", values }, 1, 1);
    expect(outcome.preprocessing.filled).toBe(3);
    expect(outcome.preprocessing.unscoredGaps).toBe(2);
    expect(outcome.folds.map((f) => f.origin)).toEqual(Array.from({ length: 16 }, (_, k) => 3 + k));
    for (const f of outcome.folds) {
      const read = values[f.origin + 1] as number;
      if (Number.isNaN(read)) expect(f.actual[0]).toBeNaN();
      else expect(f.actual[0]).toBe(read);
    }
    // The only measured step up to the first origin is |values[1] − values[0]|.
    const scale = Math.abs((values[1] as number) - (values[0] as number));
    const measured = outcome.folds.filter((f) => !Number.isNaN(values[f.origin + 1] as number));
    for (const method of ["theta", "naive"] as const) {
      const errors = measured.map((f) => Math.abs((f.actual[0] as number) - (f.forecasts[method]?.[0] as number)));
      expect(outcome.metrics[method]?.mase).toBeCloseTo(errors.reduce((a, b) => a + b, 0) / errors.length / scale, 9);
      expect(outcome.metrics[method]?.rmse).toBeCloseTo(Math.sqrt(errors.reduce((a, b) => a + b * b, 0) / errors.length), 9);
    }
  });

  it("forecasts two years of monthly sales with their season: next year's peak month is this year's", () => {
    const noise = createRandom(9);
    const values = Array.from({ length: 24 }, (_, t) => 200 + 50 * Math.sin((2 * Math.PI * t) / 12) + 3 * t + 20 * (noise.next() - 0.5));
    const out = forecastShortSeries({ name: "sales", values }, 12, 12);
    expect(out.outcome.preprocessing.deseasonalized).toBe(true);
    const f = out.forecast.mean;
    // The wave peaks in month 3 of each year (t = 3, 15): the forecast for t = 24..35 does too, and swings.
    expect(f.indexOf(Math.max(...f))).toBeGreaterThanOrEqual(2);
    expect(f.indexOf(Math.max(...f))).toBeLessThanOrEqual(4);
    expect(Math.max(...f) - Math.min(...f)).toBeGreaterThan(50);
  });

  it("forecasts a short trending series with nested bands that widen, and says why", () => {
    const noise = createRandom(3).next;
    const values = Array.from({ length: 20 }, (_, t) => 100 + 3 * t + 4 * (noise() - 0.5));
    const out = forecastShortSeries({ name: "sales", values }, 6, 1);
    const f = out.forecast;
    expect(out.method).toBe("theta");
    expectNestedBands(f, 6);
    expect((f.upper95[5] as number) - (f.lower95[5] as number)).toBeGreaterThan((f.upper95[0] as number) - (f.lower95[0] as number));
    // It follows the trend: above the last value, below a straight-line run-away.
    expect(f.mean[0]).toBeGreaterThan(values[19] as number);
    expect(f.mean[5]).toBeLessThan(100 + 3 * 25 + 10);
    expect(out.metrics?.mase).toBeGreaterThan(0);
    expect(out.origins).toBe(20 - SHORT_SERIES_MIN_FIT);
    expect(out.reason).toMatch(/has 20 usable values; the LSTM with a backtest needs 29 for 6 steps/);
    // 16 refits, of which the 11 with six values after them are scored.
    expect(out.reason).toMatch(/refitting it at 16 earlier origins, 11 of them with a whole horizon after it to score\)/);
  });

  it("says why Theta stays recommended beside a naive method that scored better, not by far", () => {
    // Early origins fit Theta on one or two seasons; seasonal naive does best there.
    const noise = createRandom(1).next;
    const values = Array.from({ length: 30 }, (_, t) => 100 + 20 * Math.sin((2 * Math.PI * t) / 4) + 10 * (noise() - 0.5));
    const out = forecastShortSeries({ name: "quarters", values }, 8, 4);
    const { theta, snaive } = out.outcome.metrics;
    expect(out.method).toBe("theta");
    expect(snaive?.mase).toBeLessThan(theta?.mase as number);
    expect(out.reason).toContain(
      `Seasonal naive scored better in the backtest (MASE ${snaive?.mase.toFixed(3)} vs ${theta?.mase.toFixed(3)}), but Theta stays recommended unless another method's error is below 30% of Theta's and lower in both halves of the backtest`,
    );
    expect(out.reason).toMatch(/its forecast is fitted on all 30\. Its forecast can be shown instead\. A longer history/);
  });

  it("says nothing of the other methods where Theta scored best", () => {
    const noise = createRandom(3).next;
    const values = Array.from({ length: 20 }, (_, t) => 100 + 3 * t + 4 * (noise() - 0.5));
    const out = forecastShortSeries({ name: "sales", values }, 6, 1);
    expect(out.outcome.metrics.theta?.mase).toBeLessThan(out.outcome.metrics.naive?.mase as number);
    expect(out.reason).not.toMatch(/scored better/);
  });

  it("says so when no origin leaves a whole horizon to score, in the singular where there is one refit", () => {
    const out = forecastShortSeries({ name: "tiny", values: [3, 4, 5, 6, 7] }, 6, 1);
    expect(out.outcome.backtestOrigins).toBe(0);
    expect(out.reason).toMatch(/refitting it at 1 earlier origin; none leaves a whole horizon after it, so there are no backtest scores\)/);
  });

  it("keeps a non-negative series at 0 or above", () => {
    const counts = [0, 3, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0];
    const f = forecastShortSeries({ name: "counts", values: counts }, 4, 1).forecast;
    expect(Math.min(...f.mean, ...f.lower80, ...f.lower95)).toBe(0);
  });

  it("gives a run's series outcome: Theta recommended, naive and seasonal naive judged on the same origins", () => {
    const values = Array.from({ length: 24 }, (_, t) => 50 + 10 * Math.sin((2 * Math.PI * t) / 4) + t);
    const { outcome, reason } = forecastShortSeries({ name: "quarters", values }, 8, 4);
    expect(outcome.chosen).toBe("theta");
    expect(outcome.chosenReason).toBe(reason);
    expect(Object.keys(outcome.forecasts).sort()).toEqual(["naive", "snaive", "theta"]);
    // Origins 3 … 15 leave a whole horizon after them.
    expect(outcome.backtestOrigins).toBe(13);
    for (const method of ["naive", "snaive", "theta"] as const) expect(outcome.metrics[method]?.mase).toBeGreaterThan(0);
    // A clean season: seasonal naive beats naive.
    expect(outcome.metrics.snaive?.mase).toBeLessThan(outcome.metrics.naive?.mase as number);
    // Non-overlapping folds ending at the last value, each with every method's forecast.
    expect(outcome.folds.map((f) => f.origin)).toEqual([7, 15]);
    expect(outcome.folds[1]?.actual).toEqual(values.slice(16, 24));
    expect(Object.keys(outcome.folds[1]?.forecasts ?? {}).sort()).toEqual(["naive", "snaive", "theta"]);
  });

  it("leaves seasonal naive out when no season fits before a scored origin", () => {
    const values = Array.from({ length: 20 }, (_, t) => 100 + t);
    const { outcome } = forecastShortSeries({ name: "months", values }, 12, 12);
    expect(Object.keys(outcome.forecasts).sort()).toEqual(["naive", "theta"]);
    // Not modelled at all, and said so; one season and a scored horizon is enough for seasonal naive.
    expect(outcome.preprocessing).toMatchObject({ seasonLength: 1, seasonDropped: 12 });
    expect(forecastShortSeries({ name: "months", values }, 6, 12).outcome.preprocessing).toMatchObject({ seasonLength: 12 });
    expect(forecastShortSeries({ name: "months", values }, 6, 12).outcome.preprocessing.seasonDropped).toBeUndefined();
  });

  it("refuses fewer values than it can fit on", () => {
    expect(() => forecastShortSeries({ name: "tiny", values: [1, 2, 3, 4] }, 2, 1)).toThrow(SeriesTooShortError);
    // The fewest values any forecast is made from: the horizon is not what to change.
    expect(() => forecastShortSeries({ name: "tiny", values: [1, 2] }, 6, 1)).toThrow('Series "tiny" has 2 usable values; a forecast needs at least 5, whatever the horizon. Upload a longer history.');
    expect(() => forecastShortSeries({ name: "tiny", values: [1, 2, 3, 4, 5] }, 2, 1)).not.toThrow();
  });

  it("gives a naive method only when it beat Theta by far and in both halves of the backtest", () => {
    const m = (mase: number) => ({ mase, smape: 10, rmse: 1, coverage80: 0.8, coverage95: 0.95 });
    const methods = ["theta", "naive", "snaive"] as const;
    const metrics = { theta: m(8.3), naive: m(4.3), snaive: m(2.4) };
    expect(pickShortMethod([...methods], metrics, { theta: [8, 8.6], naive: [4, 4.6], snaive: [2, 2.8] })).toBe("snaive");
    // Better overall but not in the later half: a single lucky stretch does not decide.
    expect(pickShortMethod([...methods], metrics, { theta: [8, 2], naive: [4, 4.6], snaive: [2, 2.8] })).toBe("theta");
    // Better in both halves but not by 70%.
    expect(pickShortMethod([...methods], { ...metrics, snaive: m(3) }, { theta: [8, 8.6], naive: [4, 4.6], snaive: [3, 3] })).toBe("theta");
  });
});
