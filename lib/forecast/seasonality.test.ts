import { describe, expect, it } from "vitest";
import { createRandom } from "./random";
import { seasonalStrength, STRONG_SEASON } from "./seasonality";

/** Standard normal draws (Box–Muller) from a seeded source. */
function normals(seed: number) {
  const random = createRandom(seed);
  return () => Math.sqrt(-2 * Math.log(Math.max(random.next(), 1e-12))) * Math.cos(2 * Math.PI * random.next());
}

describe("seasonalStrength", () => {
  it("is 1 for an exact repeating pattern on a trend and 0 for a straight line", () => {
    const pattern = Float64Array.from({ length: 48 }, (_, t) => 10 + 0.5 * t + [3, -1, -4, 2][t % 4]!);
    expect(seasonalStrength(pattern, 4)).toBeCloseTo(1, 10);
    expect(seasonalStrength(Float64Array.from({ length: 48 }, (_, t) => 2 * t), 4)).toBe(0);
  });

  it("matches the share of variance by hand: a ±1 alternation over unit noise, after the 2×2 moving average", () => {
    // The average (¼, ½, ¼) takes the alternation off exactly and leaves ½e_t − ¼e_{t−1} − ¼e_{t+1} of
    // the noise, variance ¼ + 1/16 + 1/16 = 0.375: strength 1 / (1 + 0.375) ≈ 0.727.
    const noise = normals(3);
    const values = Float64Array.from({ length: 20_000 }, (_, t) => (t % 2 === 0 ? 1 : -1) + noise());
    expect(seasonalStrength(values, 2)).toBeCloseTo(1 / 1.375, 2);
  });

  it("takes three years of a weekly yearly wave 7.5 times its noise, and none of 200 random walks or noises of the same length", () => {
    const noise = normals(7);
    const wave = Float64Array.from({ length: 160 }, (_, t) => 7.5 * Math.sin((2 * Math.PI * t) / 52.18) + noise() + 0.05 * t);
    expect(seasonalStrength(wave, 52)).toBeGreaterThan(STRONG_SEASON);
    let taken = 0;
    for (let draw = 0; draw < 100; draw++) {
      let level = 0;
      const walk = Float64Array.from({ length: 160 }, () => (level += noise()));
      const white = Float64Array.from({ length: 160 }, noise);
      taken += Number(seasonalStrength(walk, 52) > STRONG_SEASON) + Number(seasonalStrength(white, 52) > STRONG_SEASON);
    }
    expect(taken).toBeLessThanOrEqual(2);
  });
});
