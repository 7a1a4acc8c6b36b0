import { describe, expect, it } from "vitest";
import { COMBINED_METHODS, combineForecasts } from "./combination";

describe("combineForecasts", () => {
  it.each([
    { name: "median of three, step by step", members: [[1, 10, 5], [2, 20, 4], [3, 30, 6]], expected: [2, 20, 5] },
    { name: "one member far off does not move it", members: [[1, 1], [2, 2], [1000, -1000]], expected: [2, 1] },
    { name: "mean of the middle two for an even count", members: [[1], [2], [4], [8]], expected: [3] },
    { name: "non-finite members are left out", members: [[1, Number.NaN], [3, Number.NaN], [Number.NaN, Number.NaN]], expected: [2, Number.NaN] },
  ])("$name", ({ members, expected }) => {
    expect(Array.from(combineForecasts(members))).toEqual(expected);
  });

  it("combines the LSTM with the two smoothing baselines", () => {
    expect(COMBINED_METHODS).toEqual(["lstm", "holt_winters", "theta"]);
  });
});
