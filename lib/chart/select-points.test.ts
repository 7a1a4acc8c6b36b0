import { describe, expect, it } from "vitest";
import { lttbIndices } from "./downsample";
import { selectPoints } from "./select-points";

describe("lttbIndices", () => {
  it("keeps the first and last points and the extremes of a spike", () => {
    const t = Array.from({ length: 1000 }, (_, i) => i);
    const y = t.map((i) => (i === 500 ? 100 : Math.sin(i / 50)));
    const kept = lttbIndices(t, y, 50);
    expect(kept).toHaveLength(50);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(999);
    expect(kept).toContain(500);
    expect([...kept].sort((a, b) => a - b)).toEqual(kept);
  });

  it("skips missing values and returns everything when under the threshold", () => {
    expect(lttbIndices([0, 1, 2, 3], [1, NaN, 3, 4], 10)).toEqual([0, 2, 3]);
  });
});

describe("selectPoints", () => {
  const times = Float64Array.from({ length: 100 }, (_, i) => i * 1000);
  const values = Float64Array.from({ length: 100 }, (_, i) => (i === 5 ? NaN : i));

  it("cuts a time range, inclusive at both ends, and reports missing values as null", () => {
    const selected = selectPoints(times, values, { from: 3000, to: 6000 });
    expect(selected).toEqual({ totalCount: 100, downsampled: false, t: [3000, 4000, 5000, 6000], y: [3, 4, null, 6] });
  });

  it("downsamples to at most maxPoints", () => {
    const selected = selectPoints(times, values, { maxPoints: 10 });
    expect(selected.downsampled).toBe(true);
    expect(selected.t).toHaveLength(10);
  });

  it("keeps the last recentPoints whole, missing ones as null, and thins only the points before", () => {
    const selected = selectPoints(times, values.map((v, i) => (i === 97 ? NaN : v)), { maxPoints: 20, recentPoints: 8 });
    expect(selected.t).toHaveLength(20);
    expect(selected.t.slice(-8)).toEqual([92, 93, 94, 95, 96, 97, 98, 99].map((i) => i * 1000));
    expect(selected.y.slice(-8)).toEqual([92, 93, 94, 95, 96, null, 98, 99]);
    expect(selected.t[0]).toBe(0);
    // At most half of the points drawn are kept whole.
    expect(selectPoints(times, values, { maxPoints: 20, recentPoints: 50 }).t.slice(-11)).toEqual(Array.from({ length: 11 }, (_, i) => (89 + i) * 1000));
  });
});
