import { describe, expect, it } from "vitest";
import { formatRunHorizon, formatStepUnit, formatSteps } from "./format-steps";

describe("formatSteps", () => {
  it.each([
    [12, ["monthly"], "12 months"],
    [1, ["monthly"], "1 month"],
    [8, ["quarterly"], "8 quarters"],
    [5, ["yearly"], "5 years"],
    [14, ["daily"], "14 days"],
    [10, ["business-daily"], "10 business days"],
    [48, ["half-hourly"], "48 half-hours"],
    [24, ["hourly", "hourly"], "24 hours"],
    [1_500, ["minutely"], "1,500 minutes"],
  ] as const)("%i steps of %j read as %s", (count, kinds, expected) => {
    expect(formatSteps(count, kinds)).toBe(expected);
  });

  it.each([
    [12, ["fixed"], "12 steps"],
    [6, ["irregular"], "6 steps"],
    [1, ["index"], "1 step"],
    [12, ["monthly", "quarterly"], "12 steps"],
    [12, [], "12 steps"],
  ] as const)("%i steps of %j, with no one calendar unit, read as %s", (count, kinds, expected) => {
    expect(formatSteps(count, kinds)).toBe(expected);
  });
});

describe("formatStepUnit", () => {
  it.each([
    [["monthly"], "months"],
    [["half-hourly", "half-hourly"], "half-hours"],
    [["business-daily"], "business days"],
    [["fixed"], "steps"],
    [["monthly", "weekly"], "steps"],
    [[], "steps"],
  ] as const)("steps of %j are %s", (kinds, expected) => {
    expect(formatStepUnit(kinds)).toBe(expected);
  });
});

describe("formatRunHorizon", () => {
  const series = [
    { id: "a", frequency: { kind: "monthly" as const } },
    { id: "b", frequency: { kind: "monthly" as const } },
    { id: "c", frequency: { kind: "weekly" as const } },
  ];
  it("uses the unit the run's series share", () => {
    expect(formatRunHorizon({ horizon: 12, series: [{ seriesId: "a" }, { seriesId: "b" }] }, series)).toBe("12 months");
  });
  it("counts steps for series of different units, or one no longer in the dataset", () => {
    expect(formatRunHorizon({ horizon: 12, series: [{ seriesId: "a" }, { seriesId: "c" }] }, series)).toBe("12 steps");
    expect(formatRunHorizon({ horizon: 12, series: [{ seriesId: "gone" }] }, series)).toBe("12 steps");
  });
});
