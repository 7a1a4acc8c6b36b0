import { describe, expect, it } from "vitest";
import { describeCoverageWarning } from "./describe-coverage";

const metrics = (coverage80: number, coverage95: number) => ({ mase: 1, smape: 10, rmse: 1, coverage80, coverage95 });

describe("describeCoverageWarning", () => {
  it("warns when an interval held clearly fewer actual values than it promises", () => {
    expect(describeCoverageWarning(metrics(0.59, 0.87))).toBe(
      "In the backtest the 80% interval held 59% of the actual values and the 95% interval 87%: read the bands as too narrow for this series, and the real range as wider.",
    );
    expect(describeCoverageWarning(metrics(0.8, 0.8))).toMatch(/^In the backtest the 80% interval held 80% of the actual values and the 95% interval 80%/);
  });

  it("says nothing when the coverage is near the promise, or unknown", () => {
    expect(describeCoverageWarning(metrics(0.7, 0.9))).toBeNull();
    expect(describeCoverageWarning(metrics(1, 1))).toBeNull();
    expect(describeCoverageWarning(metrics(Number.NaN, Number.NaN))).toBeNull();
    expect(describeCoverageWarning(undefined)).toBeNull();
    expect(describeCoverageWarning({ coverage80: null, coverage95: null })).toBeNull();
  });
});
