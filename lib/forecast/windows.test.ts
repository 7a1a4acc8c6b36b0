import { describe, expect, it } from "vitest";
import { cleanSeries, prepareSeries } from "./prepare";
import { applyTransform, chooseTransform, invertTransform } from "./transform";
import { denormalize, makeWindows } from "./windows";

/** Monthly-looking positive series: exponential growth × season × a little wobble (multiplicative). */
function seasonalSeries(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, t) => 100 * Math.exp(0.012 * t) * (1 + 0.2 * Math.sin((2 * Math.PI * t) / 12)) * (1 + 0.03 * Math.cos(t * 1.7)));
}

describe("cleanSeries", () => {
  it.each([
    { input: [1, 2, 3], values: [1, 2, 3], offset: 0, filled: 0 },
    { input: [Number.NaN, Number.NaN, 1, 2], values: [1, 2], offset: 2, filled: 0 },
    { input: [1, Number.NaN, Number.NaN, 4], values: [1, 2, 3, 4], offset: 0, filled: 2 },
    { input: [1, 2, Number.NaN], values: [1, 2, 2], offset: 0, filled: 1 },
    { input: [1, Number.POSITIVE_INFINITY, 3], values: [1, 2, 3], offset: 0, filled: 1 },
  ])("drops leading gaps and fills the others: $input", ({ input, values, offset, filled }) => {
    const clean = cleanSeries(input);
    expect(Array.from(clean.values)).toEqual(values);
    expect(clean.offset).toBe(offset);
    expect(clean.filled).toBe(filled);
  });
});

describe("cleanSeries along the season", () => {
  const rmse = (a: ArrayLike<number>, b: ArrayLike<number>, at: number[]) => Math.sqrt(at.reduce((sum, t) => sum + ((a[t] as number) - (b[t] as number)) ** 2, 0) / at.length);
  const withGaps = (truth: Float64Array, gaps: number[]) => Float64Array.from(truth, (v, t) => (gaps.includes(t) ? Number.NaN : v));
  const span = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

  it.each([
    ["a positive series with a growing season (ratios)", seasonalSeries(120)],
    ["a series around 0 (differences)", Float64Array.from({ length: 120 }, (_, t) => 0.05 * t - 3 + 4 * Math.sin((2 * Math.PI * t) / 12) + 0.3 * Math.cos(t * 1.7))],
  ])("fills a missing year and a missing peak month with the season, not a straight line: %s", (_, truth) => {
    const gaps = [...span(40, 52), 99];
    const clean = cleanSeries(withGaps(truth, gaps), 12);
    const linear = cleanSeries(withGaps(truth, gaps));
    expect(clean.filled).toBe(13);
    expect(clean.filledWithSeason).toBe(true);
    expect(linear.filledWithSeason).toBe(false);
    // What was read is kept exactly.
    for (let t = 0; t < 120; t++) if (!gaps.includes(t)) expect(clean.values[t]).toBe(truth[t]);
    const amplitude = Math.max(...truth) - Math.min(...truth);
    expect(rmse(clean.values, truth, gaps)).toBeLessThan(0.05 * amplitude);
    expect(rmse(linear.values, truth, gaps)).toBeGreaterThan(4 * rmse(clean.values, truth, gaps));
  });

  it("fills on a straight line where there is no clear season, too little history, or a season of 1", () => {
    // Steady alternation of noise has no 12-month pattern.
    const noise = Float64Array.from({ length: 120 }, (_, t) => 10 + Math.sin(t * 2.1) + Math.cos(t * 3.7));
    expect(cleanSeries(withGaps(noise, [50, 51]), 12).filledWithSeason).toBe(false);
    const short = seasonalSeries(30);
    expect(cleanSeries(withGaps(short, [15]), 12).filledWithSeason).toBe(false);
    expect(Array.from(cleanSeries(withGaps(seasonalSeries(120), [60]), 1).values)).toEqual(Array.from(cleanSeries(withGaps(seasonalSeries(120), [60])).values));
  });

  it("keeps a series of counts at or above 0 and carries a missing tail forward along the season", () => {
    // Zeros every winter; the last two values (March and April, near the peak) are missing.
    const counts = Float64Array.from({ length: 88 }, (_, t) => Math.max(0, Math.round(6 * Math.sin((2 * Math.PI * t) / 12) + ((t * 7) % 3))));
    const gaps = [...span(30, 36), 86, 87];
    const clean = cleanSeries(withGaps(counts, gaps), 12);
    expect(clean.filledWithSeason).toBe(true);
    expect(Math.min(...clean.values)).toBeGreaterThanOrEqual(0);
    expect(rmse(clean.values, counts, gaps)).toBeLessThan(0.5 * rmse(cleanSeries(withGaps(counts, gaps)).values, counts, gaps));
    // The tail follows the season from the last value read, rather than repeating it.
    expect(clean.values[87]).toBeGreaterThan(counts[85] as number);
  });
});

describe("transforms", () => {
  it.each(["log", "none"] as const)("%s round-trips", (kind) => {
    const values = [0.5, 1, 250, 1e6];
    const z = applyTransform(values, kind);
    values.forEach((v, i) => expect(invertTransform(z[i] as number, kind)).toBeCloseTo(v, 6));
  });
});

describe("chooseTransform", () => {
  const n = 120;
  it.each([
    ["growth with a proportional season", "log", Array.from({ length: n }, (_, t) => 100 * Math.exp(0.015 * t) * (1 + 0.2 * Math.sin(t / 1.9) + 0.05 * Math.cos(t * 2.3)))],
    ["a level with an additive season and steady noise", "none", Array.from({ length: n }, (_, t) => 50 + 0.5 * t + 10 * Math.sin(t / 1.9) + 2 * Math.cos(t * 2.3))],
    ["values at or below zero", "none", Array.from({ length: n }, (_, t) => 10 * Math.sin(t / 3))],
    // A steady level cannot show whether the season grows with it; logged, winters near 0 °C became
    // the largest changes of the series, and July's 95% band ran from 10 to 35 °C.
    ["monthly temperatures in °C whose winters come near 0", "none", Array.from({ length: n }, (_, t) => 9.5 - 8.5 * Math.cos((2 * Math.PI * t) / 12) + 0.3 + 0.4 * Math.sin(t * 2.3))],
    ["a steady level whose season stays well above 0", "log", Array.from({ length: n }, (_, t) => 100 + 30 * Math.sin((2 * Math.PI * t) / 12) + 3 * Math.cos(t * 2.3))],
    ["three seasons, too few to judge, near 0 in winter", "none", Array.from({ length: 36 }, (_, t) => 9.5 - 8.5 * Math.cos((2 * Math.PI * t) / 12) + 0.3 + 0.4 * Math.sin(t * 2.3))],
  ] as const)("%s → %s", (_label, expected, values) => {
    expect(chooseTransform(values, 12)).toBe(expected);
  });
});

describe("windows", () => {
  const values = seasonalSeries(120);
  const lookback = 24;
  const horizon = 6;
  const prepared = prepareSeries(values, { seasonLength: 12, fitEnd: 100, lookback, horizon, transform: "auto", deseasonalize: "auto" });

  it("detects the multiplicative season", () => {
    expect(prepared.transform).toBe("log");
    expect(prepared.deseasonalized).toBe(true);
  });

  it("has the lengths the settings ask for", () => {
    const origins = [23, 50, 116];
    const w = makeWindows(prepared.frame, origins, lookback, horizon);
    expect(w.count).toBe(3);
    expect(w.xs.length).toBe(3 * lookback);
    expect(w.ys.length).toBe(3 * horizon);
    expect(Array.from(w.origins)).toEqual(origins);
    // Targets past the end of the series are unknown.
    expect(Number.isNaN(w.ys[2 * horizon + horizon - 1] as number)).toBe(true);
  });

  it("normalises and denormalises back to the series", () => {
    const origins = Array.from({ length: 60 }, (_, k) => 30 + k);
    const w = makeWindows(prepared.frame, origins, lookback, horizon);
    origins.forEach((o, k) => {
      const back = denormalize(prepared.frame, o, w.ys.subarray(k * horizon, (k + 1) * horizon));
      for (let j = 1; j <= horizon; j++) {
        expect(invertTransform(back[j - 1] as number, prepared.transform)).toBeCloseTo(values[o + j] as number, 3);
      }
    });
  });

  it("normalises targets to about unit size, inputs ending near the level", () => {
    const origins = Array.from({ length: 70 }, (_, k) => 23 + k);
    const w = makeWindows(prepared.frame, origins, lookback, horizon);
    const meanAbs = w.ys.reduce((s, v) => s + Math.abs(v), 0) / w.ys.length;
    expect(meanAbs).toBeGreaterThan(0.5);
    expect(meanAbs).toBeLessThan(2);
    const last = Array.from({ length: w.count }, (_, k) => Math.abs(w.xs[k * lookback + lookback - 1] as number));
    expect(Math.max(...last)).toBeLessThan(10);
  });
});
