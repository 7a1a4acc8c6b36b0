import { describe, expect, it } from "vitest";
import { describePreprocessing } from "./describe-preprocessing";

describe("describePreprocessing", () => {
  it("names the scale, the season (and whether it was found rather than asked for), the long cycle, the trend and the filled values", () => {
    expect(describePreprocessing({ transform: "log", deseasonalized: true, seasonLength: 12, filled: 0 })).toBe("log scale · season of 12 steps removed");
    expect(describePreprocessing({ transform: "none", deseasonalized: false, seasonLength: 1, cyclePeriod: 365.25, filled: 1 })).toBe(
      "original scale · yearly cycle (365.25 steps) removed · 1 missing value filled",
    );
    expect(describePreprocessing({ transform: "none", deseasonalized: true, seasonLength: 48, cyclePeriod: 336, filled: 5 })).toBe(
      "original scale · season of 48 steps removed · weekly cycle (336 steps) removed · 5 missing values filled",
    );
    expect(describePreprocessing({ transform: "none", deseasonalized: false, seasonLength: 7, filled: 0 })).toBe("original scale · no season of 7 steps found");
    expect(describePreprocessing({ transform: "log", deseasonalized: true, seasonLength: 7, seasonFound: true, cyclePeriod: 365.25, filled: 0 })).toBe(
      "log scale · weekly season (7 steps) found in the data and removed · yearly cycle (365.25 steps) removed",
    );
    expect(describePreprocessing({ transform: "log", deseasonalized: true, seasonLength: 12, dampedTrend: true, filled: 0 })).toBe("log scale · season of 12 steps removed · damped trend removed");
  });
});
