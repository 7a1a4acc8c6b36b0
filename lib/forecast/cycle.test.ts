import { describe, expect, it } from "vitest";
import { cycleAt, fitLongCycle, hasLongCycle, longCyclePeriod, seasonToModel } from "./cycle";
import { choosePreparation, prepareSeries } from "./prepare";
import { createRandom } from "./random";

const P = 365.25;

/** Four years of daily values: a yearly wave of amplitude 8, a slow trend and noise. */
function daily(n = 1461, noise = 2, seed = 3): Float64Array {
  const random = createRandom(seed).next;
  return Float64Array.from({ length: n }, (_, t) => 15 + 0.002 * t + 8 * Math.cos((2 * Math.PI * (t - 200)) / P) + noise * (random() - 0.5) * 2);
}

describe("the yearly cycle", () => {
  it("has a period for daily, business-daily and weekly data only", () => {
    expect(longCyclePeriod("daily")).toBe(365.25);
    expect(longCyclePeriod("weekly")).toBeCloseTo(52.18, 2);
    expect(longCyclePeriod("business-daily")).toBeCloseTo(260.9, 1);
    expect(longCyclePeriod("monthly")).toBe(0);
    expect(longCyclePeriod(undefined)).toBe(0);
  });

  it("recovers a yearly wave under noise and a trend, without taking the trend for the cycle", () => {
    const cycle = fitLongCycle(daily(), P);
    for (const t of [0, 100, 200, 383, 1500]) {
      expect(cycleAt(cycle, t)).toBeCloseTo(8 * Math.cos((2 * Math.PI * (t - 200)) / P), 0);
    }
  });

  it("is found in a yearly wave and not in white noise or a random walk", () => {
    expect(hasLongCycle(daily(), P)).toBe(true);
    const random = createRandom(7).next;
    const noise = Float64Array.from({ length: 1461 }, () => random() - 0.5);
    expect(hasLongCycle(noise, P)).toBe(false);
    let level = 100;
    const walk = Float64Array.from({ length: 1461 }, () => (level += random() - 0.5));
    expect(hasLongCycle(walk, P)).toBe(false);
    let found = 0;
    for (let seed = 1; seed <= 50; seed++) {
      const step = createRandom(100 + seed).next;
      let x = 0;
      if (hasLongCycle(Float64Array.from({ length: 1461 }, () => (x += step() - 0.5)), P)) found++;
    }
    expect(found).toBeLessThanOrEqual(2);
    // Three cycles are needed for the test.
    expect(hasLongCycle(daily(1000), P)).toBe(false);
  });

  it("is removed before the smoothing, so the base forecast follows the time of year", () => {
    const values = daily(1461, 0.5);
    const config = { transform: "none" as const, deseasonalize: "auto" as const, cyclePeriod: P, dampedTrend: false };
    expect(choosePreparation(values, 1, config, 90).cycle).toBe("on");
    expect(choosePreparation(values, 1, { ...config, deseasonalize: "off" }, 90).cycle).toBe("off");
    const options = { seasonLength: 1, fitEnd: 1300, lookback: 20, horizon: 90, transform: "none" as const, deseasonalize: "auto" as const };
    const withCycle = prepareSeries(values, { ...options, cyclePeriod: P });
    const without = prepareSeries(values, options);
    expect(withCycle.cycle).not.toBeNull();
    expect(without.cycle).toBeNull();
    // 90 days ahead of day 1299 the season has moved far; only the cycle-aware base follows it.
    const origin = 1299;
    const error = (frame: typeof withCycle.frame) => {
      let sum = 0;
      for (let j = 1; j <= 90; j++) sum += Math.abs((values[origin + j] as number) - frame.base(origin, j));
      return sum / 90;
    };
    expect(error(withCycle.frame)).toBeLessThan(1);
    expect(error(without.frame)).toBeGreaterThan(3);
  });
});

describe("a weekly cycle of hourly data", () => {
  /** Six weeks of hourly values with a daily season, and optionally quieter weekends. */
  function hourly(weekend: number, seed = 5): Float64Array {
    const random = createRandom(seed).next;
    return Float64Array.from({ length: 24 * 7 * 6 }, (_, t) => {
      const day = Math.floor(t / 24) % 7;
      return 100 + 20 * Math.sin((2 * Math.PI * t) / 24) - (day >= 5 ? weekend : 0) + 4 * (random() - 0.5);
    });
  }

  it("is found when weekends differ, and not from the daily season alone", () => {
    expect(longCyclePeriod("hourly")).toBe(168);
    expect(hasLongCycle(hourly(15), 168, 24)).toBe(true);
    expect(hasLongCycle(hourly(0), 168, 24)).toBe(false);
    // A cycle no longer than two seasons is the season's business.
    expect(hasLongCycle(hourly(15), 52, 52)).toBe(false);
  });
});

describe("the season modelled for daily data asked with season 1", () => {
  /** Daily counts whose weekends are 35% lower, with noise. */
  function weekly(n: number, seed = 5, days = 7): Float64Array {
    const random = createRandom(seed).next;
    return Float64Array.from({ length: n }, (_, t) => (t % days >= days - 2 ? 650 : 1000) + 60 * (random() - 0.5));
  }

  it("is a week when the days repeat over one", () => {
    expect(seasonToModel("daily", 1, [weekly(600)])).toBe(7);
    expect(seasonToModel("business-daily", 1, [weekly(600, 5, 5)])).toBe(5);
  });

  it("stays 1 for a random walk, a yearly wave or noise, and for other frequencies or seasons", () => {
    const random = createRandom(11).next;
    let level = 100;
    const walk = Float64Array.from({ length: 1500 }, () => (level += random() - 0.5));
    expect(seasonToModel("daily", 1, [walk])).toBe(1);
    expect(seasonToModel("daily", 1, [daily()])).toBe(1);
    expect(seasonToModel("monthly", 1, [weekly(600)])).toBe(1);
    expect(seasonToModel("daily", 3, [weekly(600)])).toBe(3);
  });

  it("keeps the season asked when deseasonalising is off or the history is under eight weeks", () => {
    expect(seasonToModel("daily", 1, [weekly(600)], "off")).toBe(1);
    expect(seasonToModel("daily", 1, [weekly(55)])).toBe(1);
    expect(seasonToModel("daily", 1, [weekly(56)])).toBe(7);
  });

  it("takes the week when at least half the series repeat over one", () => {
    expect(seasonToModel("daily", 1, [weekly(600), daily()])).toBe(7);
    expect(seasonToModel("daily", 1, [weekly(600), daily(), daily(1461, 2, 4)])).toBe(1);
  });
});
