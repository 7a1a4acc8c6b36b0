import { describe, expect, it } from "vitest";
import { describeMissingEnd, describePreprocessing, describeUnusualEnd } from "./describe-preprocessing";

describe("describePreprocessing", () => {
  it("names the scale, the season (and whether it was found rather than asked for), the long cycle, the trend and the filled values", () => {
    expect(describePreprocessing({ transform: "log", deseasonalized: true, seasonLength: 12, filled: 0 })).toBe("log scale · a season of 12 steps removed");
    expect(describePreprocessing({ transform: "none", deseasonalized: false, seasonLength: 1, cyclePeriod: 365.25, filled: 1 })).toBe(
      "original scale · yearly cycle (365.25 steps) removed · 1 missing value filled",
    );
    expect(describePreprocessing({ transform: "none", deseasonalized: true, seasonLength: 48, cyclePeriod: 336, filled: 5 })).toBe(
      "original scale · a season of 48 steps removed · weekly cycle (336 steps) removed · 5 missing values filled",
    );
    expect(describePreprocessing({ transform: "none", deseasonalized: false, seasonLength: 7, filled: 0 })).toBe("original scale · season of 7 steps too weak to remove");
    expect(describePreprocessing({ transform: "log", deseasonalized: true, seasonLength: 7, seasonFound: true, cyclePeriod: 365.25, filled: 0 })).toBe(
      "log scale · weekly season (7 steps) found in the data and removed · yearly cycle (365.25 steps) removed",
    );
    expect(describePreprocessing({ transform: "log", deseasonalized: true, seasonLength: 12, dampedTrend: true, filled: 0 })).toBe("log scale · a season of 12 steps removed · damped trend removed");
    expect(describePreprocessing({ transform: "none", deseasonalized: false, seasonLength: 1, seasonDropped: 400, filled: 0 })).toBe(
      "original scale · season of 400 steps not modelled: the history is too short for it",
    );
  });

  it("counts the season and the cycle in the series' unit where it has one", () => {
    expect(describePreprocessing({ transform: "log", deseasonalized: true, seasonLength: 12, filled: 0 }, [], "monthly")).toBe("log scale · a season of 12 months removed");
    expect(describePreprocessing({ transform: "none", deseasonalized: false, seasonLength: 4, filled: 0 }, [], "quarterly")).toBe("original scale · season of 4 quarters too weak to remove");
    expect(describePreprocessing({ transform: "log", deseasonalized: true, seasonLength: 7, seasonFound: true, cyclePeriod: 365.25, filled: 0 }, [], "daily")).toBe(
      "log scale · weekly season (7 days) found in the data and removed · yearly cycle (365.25 days) removed",
    );
    expect(describePreprocessing({ transform: "none", deseasonalized: true, seasonLength: 48, cyclePeriod: 336, filled: 0 }, [], "half-hourly")).toBe(
      "original scale · a season of 48 half-hours removed · weekly cycle (336 half-hours) removed",
    );
    expect(describePreprocessing({ transform: "none", deseasonalized: false, seasonLength: 1, seasonDropped: 52, filled: 0 }, [], "weekly")).toBe(
      "original scale · season of 52 weeks not modelled: the history is too short for it",
    );
    // Every 15 minutes has no calendar unit: steps.
    expect(describePreprocessing({ transform: "none", deseasonalized: true, seasonLength: 96, filled: 0 }, [], "fixed")).toBe("original scale · a season of 96 steps removed");
  });

  it("says how many values were left out, of which periods, and how they were filled, apart from the gaps of the file", () => {
    const leftOut = [{ from: Date.UTC(2020, 2, 1), to: Date.UTC(2021, 5, 1), count: 16 }];
    expect(describePreprocessing({ transform: "log", deseasonalized: true, seasonLength: 12, filled: 16, filledWithSeason: true, leftOut }, [], "monthly")).toBe(
      "log scale · a season of 12 months removed · 16 values left out (Mar 2020 – Jun 2021), filled along the season",
    );
    expect(describePreprocessing({ transform: "none", deseasonalized: false, seasonLength: 1, filled: 18, leftOut }, [], "monthly")).toBe(
      "original scale · 16 values left out (Mar 2020 – Jun 2021), filled on a straight line · 2 missing values filled",
    );
  });

  it("says how many filled gaps of the file fell in the backtest and were not scored", () => {
    const p = { transform: "none" as const, deseasonalized: false, seasonLength: 12, filled: 3 };
    expect(describePreprocessing({ ...p, unscoredGaps: 2 }, [], "monthly")).toBe("original scale · season of 12 months too weak to remove · 3 missing values filled (2 in the backtest, not scored)");
    expect(describePreprocessing({ ...p, deseasonalized: true, filledWithSeason: true, unscoredGaps: 3 }, [], "monthly")).toBe(
      "original scale · a season of 12 months removed · 3 missing values filled along the season (all in the backtest, not scored)",
    );
    expect(describePreprocessing({ ...p, filled: 1, unscoredGaps: 1 }, [], "monthly")).toBe("original scale · season of 12 months too weak to remove · 1 missing value filled (in the backtest, not scored)");
    // Left-out values are not among them: 16 left out and 2 gaps, one of them in the backtest.
    const leftOut = [{ from: Date.UTC(2020, 2, 1), to: Date.UTC(2021, 5, 1), count: 16 }];
    expect(describePreprocessing({ ...p, seasonLength: 1, filled: 18, leftOut, unscoredGaps: 1 }, [], "monthly")).toBe(
      "original scale · 16 values left out (Mar 2020 – Jun 2021), filled on a straight line · 2 missing values filled (1 in the backtest, not scored)",
    );
  });

  it("counts the outliers left out of the fit and names up to three", () => {
    const p = { transform: "none" as const, deseasonalized: false, seasonLength: 1, filled: 0 };
    expect(describePreprocessing({ ...p, outliers: [7] })).toBe("original scale · 1 outlier left out of the fit");
    expect(describePreprocessing({ ...p, outliers: [{ t: 0, value: 5000 }] }, ["5,000 on 12 May 2021"])).toBe("original scale · 1 outlier left out of the fit: 5,000 on 12 May 2021");
    expect(describePreprocessing({ ...p, outliers: [1, 2, 3, 4] }, ["a", "b", "c", "d"])).toBe("original scale · 4 outliers left out of the fit: a, b, c, …");
  });
});

describe("describeUnusualEnd", () => {
  it("names the last value or two by date and value and says what to do", () => {
    expect(describeUnusualEnd([], "monthly")).toBeNull();
    expect(describeUnusualEnd(undefined, "monthly")).toBeNull();
    expect(describeUnusualEnd([{ t: Date.UTC(2021, 4, 1), value: 5000 }], "monthly", "kg")).toBe(
      "The last value, 5,000 kg on May 2021, is far out of line with the values before it. It was kept, since nothing after it shows whether it starts a new level, and every forecast starts from it: if it is a mistake, correct it in the file and forecast again.",
    );
    expect(describeUnusualEnd([{ t: Date.UTC(2021, 4, 11), value: 1 }, { t: Date.UTC(2021, 4, 12), value: 2 }], "daily")).toMatch(
      /^The last 2 values, 1 on .*11 May 2021 and 2 on .*12 May 2021, are far out of line with the values before them\. They were kept, .* correct them in the file and forecast again\.$/,
    );
  });
});

describe("describeMissingEnd", () => {
  it("names the last reading and the steps missing after it, and says the forecast starts from it", () => {
    expect(describeMissingEnd(2, { t: Date.UTC(2023, 9, 1), value: 52.5 }, "monthly", "monthly", "MW")).toBe(
      "Its readings stop at Oct 2023 (52.5 MW): the last 2 months are missing, and its forecast starts from that reading carried forward over them, not from a measured value.",
    );
    expect(describeMissingEnd(1, undefined, "daily", "daily")).toBe("Its readings stop before the other series end: the last day is missing, and its forecast starts from that reading carried forward over it, not from a measured value.");
    expect(describeMissingEnd(undefined, undefined, "daily", "daily")).toBeNull();
  });

  it("says the missing steps follow the season when the gaps were filled along it", () => {
    expect(describeMissingEnd(2, { t: Date.UTC(2023, 9, 1), value: 45 }, "monthly", "monthly", null, true)).toBe(
      "Its readings stop at Oct 2023 (45): the last 2 months are missing, and its forecast starts from that reading carried forward over them along the season, not from a measured value.",
    );
  });

  it("counts the values missing at the end apart from the other gaps", () => {
    const p = { transform: "none" as const, deseasonalized: false, seasonLength: 12, filled: 5, missingAtEnd: 2, unscoredGaps: 3 };
    expect(describePreprocessing(p, [], "monthly")).toBe("original scale · season of 12 months too weak to remove · 3 missing values filled (1 in the backtest, not scored) · last 2 months missing, carried forward");
  });
});
