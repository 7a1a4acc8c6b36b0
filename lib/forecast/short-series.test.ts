import { describe, expect, it } from "vitest";
import { minimumLength } from "./config";
import { SeriesTooShortError } from "./errors";
import { expectNestedBands } from "./expect-bands";
import { createRandom } from "./random";
import { forecastShortSeries, needsShortSeriesForecast, SHORT_SERIES_MIN_FIT } from "./short-series";

describe("forecastShortSeries", () => {
  it("takes over exactly below the length the LSTM needs", () => {
    const h = 6;
    const enough = Array.from({ length: minimumLength(h) }, (_, t) => 10 + t);
    expect(needsShortSeriesForecast(enough, h)).toBe(false);
    expect(needsShortSeriesForecast(enough.slice(1), h)).toBe(true);
    // Gaps do not count as history.
    expect(needsShortSeriesForecast([Number.NaN, ...enough.slice(1)], h)).toBe(true);
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
  });

  it("keeps a non-negative series at 0 or above", () => {
    const counts = [0, 3, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0];
    const f = forecastShortSeries({ name: "counts", values: counts }, 4, 1).forecast;
    expect(Math.min(...f.mean, ...f.lower80, ...f.lower95)).toBe(0);
  });

  it("refuses fewer values than it can fit on", () => {
    expect(() => forecastShortSeries({ name: "tiny", values: [1, 2, 3, 4] }, 2, 1)).toThrow(SeriesTooShortError);
    expect(() => forecastShortSeries({ name: "tiny", values: [1, 2, 3, 4, 5] }, 2, 1)).not.toThrow();
  });
});
