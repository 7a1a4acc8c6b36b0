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
});
