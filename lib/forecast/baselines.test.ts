import { describe, expect, it } from "vitest";
import { fitBaselines, runBaselines } from "./baselines";
import { chooseTrend } from "./exponential-smoothing";
import { choosePreparation } from "./prepare";
import { createRandom } from "./random";
import { seasonalRatios } from "./seasonality";

describe("theta baseline", () => {
  it("forecasts a straight line with half its slope (SES level plus half the drift)", () => {
    // y_t = 2t: SES takes α at its bound (≈ 1), so the level is the last value and the forecast
    // j steps ahead is y_T + ½·2·(j − 1 + (1 − (1 − α)^n)/α) ≈ y_T + j.
    const z = Float64Array.from({ length: 40 }, (_, t) => 2 * t);
    const models = fitBaselines(z, z.length, 1, false);
    expect(models.theta.drift).toBeCloseTo(2, 10);
    const f = runBaselines(z, models).forecast("theta", 39, 4);
    Array.from(f).forEach((v, j) => expect(v).toBeCloseTo(78 + (j + 1), 2));
  });

  it("puts the seasonal indices back on the seasonally adjusted SES", () => {
    const season = [1, -1, 2, -2];
    const z = Float64Array.from({ length: 24 }, (_, t) => 10 + (season[t % 4] as number));
    const models = fitBaselines(z, z.length, 4, true);
    expect(models.theta.drift).toBeCloseTo(0, 10);
    const f = runBaselines(z, models).forecast("theta", 23, 6);
    Array.from(f).forEach((v, j) => expect(v).toBeCloseTo(10 + (season[(24 + j) % 4] as number), 6));
  });

  it("takes the season off as ratios from a positive series on its own scale, as R's thetaf does, and additively from a logged one", () => {
    const ratios = [1.5, 0.5, 1.2, 0.8];
    expect(seasonalRatios(Float64Array.from({ length: 24 }, (_, t) => 20 * (ratios[t % 4] as number)), 4).map((r) => Number(r.toFixed(10)))).toEqual(ratios);
    // A level that falls by 3% a step, with a swing in proportion to it: additive indices carry the
    // average swing of the whole history to the end, where the swing is a fraction of that.
    const level = (t: number) => 100 * 0.97 ** t;
    const y = Float64Array.from({ length: 60 }, (_, t) => level(t) * (ratios[t % 4] as number));
    const truth = Array.from({ length: 8 }, (_, j) => level(60 + j) * (ratios[(60 + j) % 4] as number));
    const error = (f: Float64Array) => Array.from(f).reduce((sum, v, j) => sum + Math.abs(v - (truth[j] as number)), 0) / f.length;
    const ownScale = fitBaselines(y, y.length, 4, true, true);
    expect(ownScale.theta.multiplicative).toBe(true);
    const additive = fitBaselines(y, y.length, 4, true, false);
    expect(additive.theta.multiplicative).toBe(false);
    expect(error(runBaselines(y, ownScale).forecast("theta", 59, 8))).toBeLessThan(0.3 * error(runBaselines(y, additive).forecast("theta", 59, 8)));
    // Ratios need positive values.
    const crossing = y.map((v) => v - 10);
    expect(fitBaselines(crossing, crossing.length, 4, true, true).theta.multiplicative).toBe(false);
  });
});

describe("choosePreparation", () => {
  it("finds the season of a short monthly series on its whole history", () => {
    // 54 values: a prefix under two seasons (the one before the first backtest origin of a shorter
    // series) is too short for the seasonality test, the whole history is not.
    const values = Float64Array.from({ length: 54 }, (_, t) => 100 + 20 * Math.sin((2 * Math.PI * t) / 12) + (t % 5));
    expect(choosePreparation(values, 12, { transform: "auto", deseasonalize: "auto", cyclePeriod: 0, dampedTrend: false }, 18).deseasonalize).toBe("on");
    expect(choosePreparation(values.subarray(0, 23), 12, { transform: "auto", deseasonalize: "auto", cyclePeriod: 0, dampedTrend: false }, 18).deseasonalize).toBe("off");
    expect(choosePreparation(values, 12, { transform: "none", deseasonalize: "off", cyclePeriod: 0, dampedTrend: false }, 18)).toEqual({ transform: "none", deseasonalize: "off", cycle: "off", dampedTrend: false });
  });
});

describe("chooseTrend (dampedTrend: auto)", () => {
  it("keeps a damped trend for a trending series and drops it for a level with noise", () => {
    const noise = createRandom(7).next;
    const trending = Float64Array.from({ length: 120 }, (_, t) => 50 + 0.8 * t + 2 * (noise() - 0.5));
    const level = Float64Array.from({ length: 120 }, () => 50 + 2 * (noise() - 0.5));
    expect(chooseTrend(trending, { seasonLength: 1, seasonal: false, horizon: 6 })).toBe("damped");
    expect(chooseTrend(level, { seasonLength: 1, seasonal: false, horizon: 6 })).toBe("none");
    const config = { transform: "none" as const, deseasonalize: "off" as const, cyclePeriod: 0 };
    expect(choosePreparation(trending, 1, { ...config, dampedTrend: "auto" }, 6).dampedTrend).toBe(true);
    expect(choosePreparation(level, 1, { ...config, dampedTrend: "auto" }, 6).dampedTrend).toBe(false);
    // An explicit setting is kept whatever the data say.
    expect(choosePreparation(level, 1, { ...config, dampedTrend: true }, 6).dampedTrend).toBe(true);
  });

  it("drops a trend that wins one step ahead but turns around within the horizon", () => {
    // A smooth wave: locally a line (the trend halves the one-step error), but extrapolating that
    // line for half a period is worse than holding the level.
    const noise = createRandom(7).next;
    const wave = Float64Array.from({ length: 400 }, (_, t) => 50 + 5 * Math.sin((2 * Math.PI * t) / 40) + 0.3 * (noise() - 0.5));
    expect(chooseTrend(wave, { seasonLength: 1, seasonal: false, horizon: 1 })).toBe("damped");
    expect(chooseTrend(wave, { seasonLength: 1, seasonal: false, horizon: 20 })).toBe("none");
  });
});
