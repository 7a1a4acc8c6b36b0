import { describe, expect, it } from "vitest";
import { toSparklinePath } from "./to-sparkline-path";

describe("toSparklinePath", () => {
  it.each([
    [[0, 10], "M0.0,9.0L10.0,1.0"],
    [[0, null, 10], "M0.0,9.0M10.0,1.0"],
    [[5, 5, 5], "M0.0,9.0L5.0,9.0L10.0,9.0"],
    [[null, null], ""],
  ])("%j", (values, path) => {
    expect(toSparklinePath(values, 10, 10)).toBe(path);
  });
});
