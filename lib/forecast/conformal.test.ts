import { describe, expect, it } from "vitest";
import { coverage } from "../metrics";
import { calibrate, toFallbackScale, toIntervals } from "./conformal";
import { percentCeiling } from "./transform";
import { createRandom } from "./random";

function gaussian(random: ReturnType<typeof createRandom>): number {
  return Math.sqrt(-2 * Math.log(Math.max(random.next(), 1e-12))) * Math.cos(2 * Math.PI * random.next());
}

describe("split-conformal intervals", () => {
  // A random walk with unit Gaussian steps forecast by its last value: the error j steps ahead is
  // N(0, j), so the exact 80% / 95% half-widths are 1.2816·√j and 1.9600·√j.
  const horizon = 6;
  const random = createRandom(42);
  const walk: number[] = [0];
  for (let t = 1; t < 4000; t++) walk.push((walk[t - 1] as number) + gaussian(random));
  const residualsFrom = (first: number, last: number) =>
    Array.from({ length: last - first }, (_, k) => {
      const o = first + k;
      return Array.from({ length: horizon }, (_, j) => (walk[o + j + 1] as number) - (walk[o] as number));
    });

  const calibration = calibrate(residualsFrom(0, 1500), horizon);

  it("widens with the horizon like the true error", () => {
    for (let j = 1; j < horizon; j++) expect(calibration.sigma[j] as number).toBeGreaterThanOrEqual(calibration.sigma[j - 1] as number);
    const ratio = (calibration.sigma[horizon - 1] as number) / (calibration.sigma[0] as number);
    expect(ratio).toBeGreaterThan(Math.sqrt(horizon) * 0.8);
    expect(ratio).toBeLessThan(Math.sqrt(horizon) * 1.2);
  });

  it("widens steps no residual reached as the square root of the step", () => {
    // Only the first two steps were ever observed (a short series' last origins).
    const partial = residualsFrom(0, 1500).map((row) => row.map((e, j) => (j < 2 ? e : Number.NaN)));
    const sigma = calibrate(partial, horizon).sigma;
    for (let j = 2; j < horizon; j++) expect(sigma[j]).toBeCloseTo((sigma[1] as number) * Math.sqrt((j + 1) / 2), 10);
  });

  it("matches the known half-widths", () => {
    for (const j of [1, horizon]) {
      const sigma = calibration.sigma[j - 1] as number;
      expect(calibration.q80 * sigma).toBeGreaterThan(1.2816 * Math.sqrt(j) * 0.88);
      expect(calibration.q80 * sigma).toBeLessThan(1.2816 * Math.sqrt(j) * 1.12);
      expect(calibration.q95 * sigma).toBeGreaterThan(1.96 * Math.sqrt(j) * 0.88);
      expect(calibration.q95 * sigma).toBeLessThan(1.96 * Math.sqrt(j) * 1.12);
    }
  });

  it("covers about 80% and 95% of new data", () => {
    const actual: number[] = [];
    const bands = { lower80: [] as number[], upper80: [] as number[], lower95: [] as number[], upper95: [] as number[] };
    for (let o = 2000; o < 3990; o += horizon) {
      const band = toIntervals(new Array<number>(horizon).fill(walk[o] as number), calibration, { transform: "none", nonNegative: false });
      for (let j = 0; j < horizon; j++) actual.push(walk[o + j + 1] as number);
      bands.lower80.push(...band.lower80);
      bands.upper80.push(...band.upper80);
      bands.lower95.push(...band.lower95);
      bands.upper95.push(...band.upper95);
    }
    expect(coverage(actual, bands.lower80, bands.upper80)).toBeGreaterThan(0.75);
    expect(coverage(actual, bands.lower80, bands.upper80)).toBeLessThan(0.86);
    expect(coverage(actual, bands.lower95, bands.upper95)).toBeGreaterThan(0.92);
    expect(coverage(actual, bands.lower95, bands.upper95)).toBeLessThan(0.98);
  });

  it("maps bounds back through the log transform and keeps lower ≤ mean ≤ upper", () => {
    const band = toIntervals([Math.log(100), Math.log(100)], { sigma: [0.1, 0.2], q80: 1.5, q95: 2.5 }, { transform: "log", nonNegative: true });
    expect(band.mean[0]).toBeCloseTo(100, 9);
    expect(band.upper80[1]).toBeCloseTo(100 * Math.exp(0.3), 9);
    expect(band.lower95[1]).toBeCloseTo(100 * Math.exp(-0.5), 9);
    for (let j = 0; j < 2; j++) {
      expect(band.lower95[j]).toBeLessThanOrEqual(band.lower80[j] as number);
      expect(band.lower80[j]).toBeLessThanOrEqual(band.mean[j] as number);
      expect(band.mean[j]).toBeLessThanOrEqual(band.upper80[j] as number);
      expect(band.upper80[j]).toBeLessThanOrEqual(band.upper95[j] as number);
    }
  });

  it("keeps a band above a non-negative series' forecast extrapolated below 0, instead of squeezing it to 0", () => {
    const band = toIntervals([5, -20], { sigma: [1, 2], q80: 1.5, q95: 2.5 }, { transform: "none", nonNegative: true });
    expect(band.mean).toEqual([5, 0]);
    expect(band.lower95).toEqual([2.5, 0]);
    expect(band.upper80).toEqual([6.5, 3]);
    expect(band.upper95).toEqual([7.5, 5]);
    // A series that went below 0 before is forecast as it comes.
    expect(toIntervals([-20], { sigma: [2], q80: 1.5, q95: 2.5 }, { transform: "none", nonNegative: false }).upper95).toEqual([-15]);
  });

  it("caps a share in percent at 100: bounds above it come down to it, and a forecast above it has its band below", () => {
    const calibration = { sigma: [1, 2], q80: 1.5, q95: 2.5 };
    const band = toIntervals([98, 103], calibration, { transform: "none", nonNegative: true, ceiling: 100 });
    expect(band.mean).toEqual([98, 100]);
    expect(band.upper80).toEqual([99.5, 100]);
    expect(band.upper95).toEqual([100, 100]);
    expect(band.lower80).toEqual([96.5, 97]);
    expect(band.lower95).toEqual([95.5, 95]);
    // On the log scale the cap is the same 100 on the analyst's scale.
    const logged = toIntervals([Math.log(99)], { sigma: [0.05], q80: 1.5, q95: 2.5 }, { transform: "log", nonNegative: true, ceiling: 100 });
    expect(logged.upper95[0]).toBe(100);
    expect(logged.lower95[0]).toBeCloseTo(99 * Math.exp(-0.125), 10);
  });

  it("takes 100 for the ceiling of a series in percent that stayed between 0 and 100, and none otherwise", () => {
    expect(percentCeiling("%", [97.5, Number.NaN, 99.9, 100])).toBe(100);
    expect(percentCeiling(" % ", [12])).toBe(100);
    expect(percentCeiling("%", [95, 104])).toBeUndefined();
    expect(percentCeiling("%", [-2, 5])).toBeUndefined();
    expect(percentCeiling("MW", [50])).toBeUndefined();
    expect(percentCeiling(null, [50])).toBeUndefined();
  });

  it.each([
    ["5 values at h = 3 (3 origins)", [[1, -2, 3], [-1.5, 2, Number.NaN], [0.5, Number.NaN, Number.NaN]], 3],
    ["30 years of months at h = 1 (3 origins and 3 rows of history)", [[1.2], [-0.7], [2.1], [-1.6], [0.4], [0.9]], 1],
  ])("keeps the 95%% band wider than the 80%% one with too few scores for the 95%% rank: %s", (_name, rows, h) => {
    const c = calibrate(rows, h);
    expect(c.q80).toBeGreaterThan(0);
    expect(c.q95 / c.q80).toBeGreaterThanOrEqual(1.96 / 1.2816 - 1e-12);
  });

  it("leaves the 95% quantile to the scores when there are enough of them", () => {
    // Errors spread evenly over [-1, 1]: their 95% and 80% quantiles part by 0.95 / 0.8, less than a normal's.
    const even = Array.from({ length: 199 }, (_, k) => [((k % 2 ? 1 : -1) * (k + 1)) / 200]);
    const c = calibrate(even, 1);
    expect(c.q95 / c.q80).toBeCloseTo(0.95 / 0.8, 1);
  });

  describe("after a change at the very end of a flat series", () => {
    // 60 months of 100, then 110: forecast by its last value from 13 origins, every error is 0
    // but the last origin's last step.
    const values = [...new Array<number>(60).fill(100), 110];
    const h = 6;
    const residuals = Array.from({ length: 13 }, (_, k) => {
      const o = 60 - h - 12 + k;
      return Array.from({ length: h }, (_, j) => (values[o + j + 1] as number) - (values[o] as number));
    });

    it("bands are not of width 0: they fall back to the naive random-walk interval of the whole history", () => {
      expect(toIntervals([110], calibrate(residuals, h), { transform: "none", nonNegative: true }).upper80[0]).toBeCloseTo(110, 6);
      const s = toFallbackScale(values, values);
      expect(s).toBeCloseTo(Math.sqrt(100 / 60), 10);
      const calibration = calibrate(residuals, h, s);
      const band = toIntervals(new Array<number>(h).fill(110), calibration, { transform: "none", nonNegative: true });
      for (let j = 0; j < h; j++) {
        expect((band.upper80[j] as number) - 110).toBeGreaterThanOrEqual(1.2816 * s * Math.sqrt(j + 1) - 1e-9);
        expect((band.upper95[j] as number) - 110).toBeGreaterThanOrEqual(1.96 * s * Math.sqrt(j + 1) - 1e-9);
      }
      // Errors of a network that reproduces the flat stretch nearly (0.1% of s) count as none.
      const nearly = residuals.map((row) => row.map((e, j) => e || 0.001 * s * (j % 2 ? 1 : -1)));
      expect(calibrate(nearly, h, s).q80 * (calibrate(nearly, h, s).sigma[0] as number)).toBeCloseTo(1.2816 * s, 6);
    });

    it("leaves a calibration with real errors, and an intermittent series' exact zeros, as they were", () => {
      const random = createRandom(3);
      const noisy = Array.from({ length: 40 }, () => Array.from({ length: h }, () => gaussian(random)));
      expect(calibrate(noisy, h, 5)).toEqual(calibrate(noisy, h));
      expect(toFallbackScale([0, 0, 3, 0, 0, 0, 1, 0], [0, 0, 3, 0, 0, 0, 1, 0])).toBe(0);
    });
  });
});
