import { describe, expect, it } from "vitest";
import { choosePreparation } from "./prepare";
import { isSeasonal, isSeasonalAfterDifferencing } from "./seasonality";
import { createRandom, type Random } from "./random";
import { maseScale } from "../metrics";

const AUTO = { transform: "none", deseasonalize: "auto", cyclePeriod: 0, dampedTrend: false } as const;

/** In how many of `draws` series of uniform noise (`length` values) a season of m steps is taken. */
function seasonsTakenInNoise(draws: number, length: number, m: number, noise: Random): number {
  let taken = 0;
  for (let draw = 0; draw < draws; draw++) {
    const white = Float64Array.from({ length }, () => 200 + 20 * (noise.next() - 0.5));
    taken += Number(choosePreparation(white, m, { ...AUTO, transform: "auto" }, m).deseasonalize === "on");
  }
  return taken;
}

describe("choosePreparation", () => {
  const random = createRandom(11);
  let level = 100;
  const walk = Float64Array.from({ length: 500 }, () => (level += random.next() - 0.5));
  const week = Float64Array.from({ length: 500 }, (_, t) => 100 + [0, 3, 5, 4, 9][t % 5]! + (random.next() - 0.5));

  it("does not take a random walk of business days for a weekly season, though M4's test says yes at lag 5", () => {
    expect(choosePreparation(walk, 5, AUTO, 14, "business-daily").deseasonalize).toBe("off");
    // Without the frequency, M4's test passes on an autocorrelation near 1, but one that only
    // decays from lag 1 is persistence, not a season.
    expect(isSeasonal(walk, 5)).toBe(true);
    expect(choosePreparation(walk, 5, AUTO, 14).deseasonalize).toBe("off");
  });

  it("keeps a real week of business days", () => {
    expect(choosePreparation(week, 5, AUTO, 14, "business-daily").deseasonalize).toBe("on");
  });

  it("takes three years of a clean yearly wave for a season, which M4's test alone does not, and not three years of noise", () => {
    const noise = createRandom(5);
    const wave = Float64Array.from({ length: 37 }, (_, t) => 200 + 40 * Math.sin((2 * Math.PI * t) / 12) + 2 * (noise.next() - 0.5));
    expect(isSeasonal(wave, 12)).toBe(false);
    expect(choosePreparation(wave, 12, AUTO, 4).deseasonalize).toBe("on");
    const flat = Float64Array.from({ length: 37 }, () => 200 + 10 * (noise.next() - 0.5));
    expect(choosePreparation(flat, 12, AUTO, 4).deseasonalize).toBe("off");
  });

  it("takes the season of 42 months of a rising series (M4's shortest monthly history), which a year's growth hides from seasonal naive's plain error", () => {
    const noise = createRandom(2);
    const co2 = Float64Array.from({ length: 42 }, (_, t) => 340 + 0.12 * t + 3 * Math.sin((2 * Math.PI * t) / 12) + 0.3 * (noise.next() - 0.5));
    expect(isSeasonal(co2, 12)).toBe(false);
    // Without the drift, seasonal naive misses by a year's growth and loses to naive by far.
    expect(maseScale(co2, 12) / maseScale(co2, 1)).toBeGreaterThan(0.6);
    expect(choosePreparation(co2, 12, AUTO, 18).deseasonalize).toBe("on");
    let level = 340;
    const risingWalk = Float64Array.from({ length: 42 }, () => (level += 0.12 + (noise.next() - 0.5)));
    expect(choosePreparation(risingWalk, 12, AUTO, 18).deseasonalize).toBe("off");
  });

  it("takes the season of a series whose level jumps, which hides it from M4's test; QS says no to a random walk and to noise", () => {
    const noise = createRandom(4);
    // Ten years of a yearly swing of ±5 around 50, then 80 for the last twenty months.
    const jump = Float64Array.from({ length: 120 }, (_, t) => (t < 100 ? 50 : 80) + 5 * Math.sin((2 * Math.PI * t) / 12) + (noise.next() - 0.5));
    expect(isSeasonal(jump, 12)).toBe(false);
    expect(isSeasonalAfterDifferencing(jump, 12)).toBe(true);
    expect(choosePreparation(jump, 12, AUTO, 18).deseasonalize).toBe("on");
    let level = 50;
    const walk = Float64Array.from({ length: 120 }, () => (level += noise.next() - 0.5));
    expect(isSeasonalAfterDifferencing(walk, 12)).toBe(false);
    const flat = Float64Array.from({ length: 120 }, () => 50 + (noise.next() - 0.5));
    expect(isSeasonalAfterDifferencing(flat, 12)).toBe(false);
  });

  it("keeps the season of a series whose last values fell by 60%: the one huge step no longer drowns the seasonal ones", () => {
    const noise = createRandom(2);
    const fell = Float64Array.from({ length: 120 }, (_, t) => (t < 117 ? 300 : 120) + 20 * Math.sin((2 * Math.PI * t) / 12) + 8 * (noise.next() - 0.5));
    expect(isSeasonal(fell, 12)).toBe(false);
    expect(isSeasonalAfterDifferencing(fell, 12)).toBe(true);
    expect(choosePreparation(fell, 12, { ...AUTO, transform: "auto" }, 12).deseasonalize).toBe("on");
  });

  it("takes no season from a trend, whose autocorrelations pass M4's bound at lag 12 but only decay from lag 1", () => {
    const noise = createRandom(6);
    const line = Float64Array.from({ length: 120 }, (_, t) => 100 + t + 2 * (noise.next() - 0.5));
    const growth = Float64Array.from({ length: 120 }, (_, t) => 100 * 1.02 ** t * (1 + 0.01 * (noise.next() - 0.5)));
    const prices = Float64Array.from({ length: 120 }, (_, t) => 50 + 5 * Math.floor(t / 7));
    for (const trend of [line, growth, prices]) {
      expect(isSeasonal(trend, 12)).toBe(true);
      expect(choosePreparation(trend, 12, { ...AUTO, transform: "auto" }, 18).deseasonalize).toBe("off");
    }
    // The same growth with a yearly swing of ±5% keeps its season.
    const seasonal = growth.map((v, t) => v * (1 + 0.05 * Math.sin((2 * Math.PI * t) / 12)));
    expect(choosePreparation(seasonal, 12, { ...AUTO, transform: "auto" }, 18).deseasonalize).toBe("on");
  });

  it("takes no season from a straight line, whose steps vary only by rounding", () => {
    const line = Float64Array.from({ length: 48 }, (_, t) => t / 3);
    expect(choosePreparation(line, 12, AUTO, 18).deseasonalize).toBe("off");
    // Written to two decimals, a slope of a third rounds the same way every three steps.
    const written = Float64Array.from({ length: 48 }, (_, t) => Math.round((100 + t / 3) * 100) / 100);
    expect(choosePreparation(written, 12, AUTO, 18).deseasonalize).toBe("off");
    // A season small next to a steep trend is still a season.
    const steep = Float64Array.from({ length: 48 }, (_, t) => 100 + 10 * t + 2 * Math.sin((2 * Math.PI * t) / 12));
    expect(choosePreparation(steep, 12, AUTO, 18).deseasonalize).toBe("on");
  });

  it("takes the yearly season of three years of weekly sales, a smooth wave that M4's test and seasonal naive's edge over naive both miss", () => {
    const noise = createRandom(7);
    const weekly = Float64Array.from({ length: 160 }, (_, t) => 1000 + 300 * Math.sin((2 * Math.PI * t) / 52.18) + 2 * t + 120 * (noise.next() - 0.5));
    expect(isSeasonal(weekly, 52)).toBe(false);
    expect(choosePreparation(weekly, 52, { ...AUTO, transform: "auto" }, 13, "weekly").deseasonalize).toBe("on");
  });

  it("takes the season of two years of monthly sales, from seasonal naive's edge over naive; not of two years of noise", () => {
    const noise = createRandom(9);
    const sales = Float64Array.from({ length: 24 }, (_, t) => 200 + 50 * Math.sin((2 * Math.PI * t) / 12) + 3 * t + 20 * (noise.next() - 0.5));
    expect(isSeasonal(sales, 12)).toBe(false);
    expect(choosePreparation(sales, 12, { ...AUTO, transform: "auto" }, 12).deseasonalize).toBe("on");
    expect(seasonsTakenInNoise(100, 24, 12, noise)).toBeLessThanOrEqual(6);
  });

  it("takes the season of two years of quarterly sales only from a large edge: 8 values of noise rarely pass it", () => {
    const noise = createRandom(12);
    const quarters = Float64Array.from({ length: 8 }, (_, t) => 500 + [60, -20, -80, 40][t % 4]! + 8 * t + 10 * (noise.next() - 0.5));
    expect(choosePreparation(quarters, 4, { ...AUTO, transform: "auto" }, 4).deseasonalize).toBe("on");
    expect(seasonsTakenInNoise(200, 8, 4, noise)).toBeLessThanOrEqual(16);
  });

  it("finds the same season whatever the unit: 1e-7 and 1e12 read as 0.1", () => {
    const noise = createRandom(4);
    const shape = Float64Array.from({ length: 120 }, (_, t) => 1 + 0.1 * Math.sin((2 * Math.PI * t) / 12) + 0.01 * (noise.next() - 0.5));
    for (const unit of [1e-7, 1e-3, 1, 1e12]) {
      expect(choosePreparation(shape.map((v) => v * unit), 12, AUTO, 12).deseasonalize).toBe("on");
    }
    // Below the sixth decimal, a line is still recognised by its own digits.
    const tinyLine = Float64Array.from({ length: 48 }, (_, t) => 1e-9 * (100 + t / 3));
    expect(choosePreparation(tinyLine, 12, AUTO, 18).deseasonalize).toBe("off");
  });

  it("reads 200,000 values of an hourly series (the spread of Math.max over them overflowed the stack)", () => {
    const hourly = Float64Array.from({ length: 200_000 }, (_, t) => 100 + 10 * Math.sin((2 * Math.PI * t) / 24) + (t % 7) / 10);
    expect(choosePreparation(hourly, 24, AUTO, 24).deseasonalize).toBe("on");
  });
});
