import { describe, expect, it } from "vitest";
import { backtestMaseScale, coverage, mase, maseScale, rmse, smape } from "./index";

/** toBeCloseTo, with NaN expected to be NaN and infinities exact. */
function expectClose(actual: number, expected: number, digits = 12) {
  if (Number.isNaN(expected)) expect(actual).toBeNaN();
  else if (!Number.isFinite(expected)) expect(actual).toBe(expected);
  else expect(actual).toBeCloseTo(expected, digits);
}

describe("maseScale", () => {
  it.each([
    // |3-1|, |4-3|, |2-4| → mean 5/3
    { insample: [1, 3, 4, 2], m: 1, expected: 5 / 3 },
    // lag 2: |4-1|, |2-3| → 2
    { insample: [1, 3, 4, 2], m: 2, expected: 2 },
    // a NaN drops the differences that touch it: only |2-4| is left
    { insample: [1, Number.NaN, 4, 2], m: 1, expected: 2 },
    { insample: [5], m: 1, expected: Number.NaN },
  ])("is the mean in-sample seasonal-naive error (m=$m)", ({ insample, m, expected }) => {
    expectClose(maseScale(insample, m), expected, 12);
  });
});

describe("mase", () => {
  it.each([
    { actual: [10, 12], forecast: [11, 9], scale: 2, expected: (1 + 3) / 2 / 2 },
    { actual: [10, Number.NaN, 12], forecast: [10, 5, 13], scale: 0.5, expected: 1 },
    { actual: [1, 1], forecast: [1, 1], scale: 0, expected: 0 },
    // a flat history forecast up to float rounding is perfect, not infinitely bad
    { actual: [5, 5], forecast: [5.000000000000001, 5], scale: 0, expected: 0 },
    { actual: [1, 2], forecast: [1, 1], scale: 0, expected: Number.POSITIVE_INFINITY },
  ])("scales the mean absolute error ($expected)", ({ actual, forecast, scale, expected }) => {
    expectClose(mase(actual, forecast, scale), expected, 12);
  });
});

describe("smape (M4)", () => {
  it.each([
    // 200·|100−110|/(100+110) = 9.5238…
    { actual: [100], forecast: [110], expected: 2000 / 210 },
    // (200·2/6 + 0) / 2
    { actual: [2, 5], forecast: [4, 5], expected: 200 / 6 },
    // sign does not matter: |−1 − 1| = 2 over |−1| + |1| = 2 → 200
    { actual: [-1], forecast: [1], expected: 200 },
    // both zero counts as a perfect forecast
    { actual: [0, 1], forecast: [0, 1], expected: 0 },
  ])("matches the hand value $expected", ({ actual, forecast, expected }) => {
    expectClose(smape(actual, forecast), expected, 10);
  });
});

describe("rmse", () => {
  it.each([
    { actual: [1, 2, 3], forecast: [1, 2, 3], expected: 0 },
    // errors 3 and 4 → sqrt((9 + 16)/2)
    { actual: [0, 0], forecast: [3, 4], expected: Math.sqrt(12.5) },
    { actual: [0, Number.NaN], forecast: [2, 1], expected: 2 },
  ])("is the root mean squared error ($expected)", ({ actual, forecast, expected }) => {
    expectClose(rmse(actual, forecast), expected, 12);
  });
});

describe("coverage", () => {
  it.each([
    { actual: [1, 2, 3, 4], lower: [0, 2, 4, 0], upper: [2, 2, 5, 3], expected: 0.5 },
    { actual: [1, Number.NaN], lower: [0, 0], upper: [2, 2], expected: 1 },
    { actual: [], lower: [], upper: [], expected: Number.NaN },
  ])("is the share of actuals inside the bounds ($expected)", ({ actual, lower, upper, expected }) => {
    expectClose(coverage(actual, lower, upper), expected, 12);
  });

  it("counts a value an exact forecast reproduced up to float rounding as inside its zero-width band, and a real miss as outside", () => {
    expect(coverage([120, 120], [119.99999999999999, 120.001], [119.99999999999999, 120.002])).toBe(0.5);
  });
});

describe("backtestMaseScale", () => {
  it("scales by the values up to the first origin when they changed", () => {
    expect(backtestMaseScale(Float64Array.from([1, 3, 4, 2, 10, 30]), 3, 1)).toBeCloseTo(5 / 3, 12);
  });

  it("falls back to the whole series when the start was flat, then to its naive scale, so an error is never infinitely bad", () => {
    // Flat before the first origin; lag-2 differences over the whole series: 0,0,0,10 → 2.5.
    expect(backtestMaseScale(Float64Array.from([5, 5, 5, 5, 5, 15]), 3, 2)).toBeCloseTo(10 / 4, 12);
    // Too short for a lag-4 difference anywhere: the naive scale, |5-5|…|15-5| → 10/5.
    expect(backtestMaseScale(Float64Array.from([5, 5, 5, 5, 5, 15]), 3, 8)).toBeCloseTo(10 / 5, 12);
  });
});
