import { describe, expect, it } from "vitest";
import { toRowsValueAxis, toValueAxis, toValueExtent } from "./to-value-axis";

describe("toValueAxis", () => {
  it.each([
    // The wine sample's range: Recharts' own ticks were 8.5K, 17K, 25.5K, 34K, 42.5K.
    [13_652, 40_226, 5, [10_000, 20_000, 30_000, 40_000, 50_000]],
    [0.93, 1.02, 4, [0.925, 0.95, 0.975, 1, 1.025]],
    [1_310, 1_830, 5, [1_200, 1_400, 1_600, 1_800, 2_000]],
    [-37.5, 12.1, 5, [-40, -30, -20, -10, 0, 10, 20]],
    // niceTicks stops under the top here (…, 200 < 217.38): one more tick keeps the top inside.
    [3, 217.3846, 4, [0, 100, 200, 300]],
  ])("[%s, %s] in about %s ticks → %j", (min, max, target, ticks) => {
    const axis = toValueAxis(min, max, target);
    expect(axis?.ticks).toEqual(ticks);
    expect(axis?.domain).toEqual([ticks[0], ticks.at(-1)]);
  });

  it("every tick is a round number (no 217.3846)", () => {
    for (const [min, max] of [
      [0.0123, 0.0789],
      [13.7, 217.3846],
      [-1e6, 3.3e6],
    ] as const) {
      const axis = toValueAxis(min, max);
      for (const t of axis?.ticks ?? []) expect(String(t)).toMatch(/^-?\d+(\.\d{1,4})?$|e/);
      expect(axis?.domain[0]).toBeLessThanOrEqual(min);
      expect(axis?.domain[1]).toBeGreaterThanOrEqual(max);
    }
  });

  it("a flat line gets a range around it", () => {
    expect(toValueAxis(5, 5)?.ticks).toEqual([4.4, 4.6, 4.8, 5, 5.2, 5.4, 5.6]);
    expect(toValueAxis(0, 0)?.domain).toEqual([-1, 1]);
  });

  it.each([
    [Number.NaN, 1],
    [0, Number.POSITIVE_INFINITY],
    [2, 1],
  ])("no axis for [%s, %s]", (min, max) => {
    expect(toValueAxis(min, max)).toBeNull();
  });
});

describe("toValueExtent", () => {
  const rows = [
    { t: 1, history: 5, band: null },
    { t: 2, history: null, band: [2, 9] as [number, number] },
    { t: 3, history: Number.NaN, band: [1, 20] as [number, number] },
  ];

  it("reads numbers and ranges, skipping missing values", () => {
    expect(toValueExtent(rows, ["history", "band"])).toEqual([1, 20]);
  });

  it("reads only the rows in the window", () => {
    expect(toValueExtent(rows, ["history", "band"], 0, 1)).toEqual([2, 9]);
    expect(toValueExtent(rows, ["history"], 1, 2)).toBeNull();
  });
});

describe("toRowsValueAxis", () => {
  it("scales the window's values, and gives null for a window without any", () => {
    const rows = [{ y: 13_652 }, { y: 40_226 }, { y: null }];
    expect(toRowsValueAxis(rows, ["y"])?.ticks).toEqual([10_000, 20_000, 30_000, 40_000, 50_000]);
    expect(toRowsValueAxis(rows, ["y"], 2, 2)).toBeNull();
  });
});
