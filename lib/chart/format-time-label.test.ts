import { describe, expect, it } from "vitest";
import { formatAxisValue, formatEstimate, formatTimeLabel, formatValue } from "./format-time-label";

describe("formatEstimate", () => {
  it.each([
    [23902.1515, "23,902"],
    [-1234.5, "-1,235"],
    [456.789, "456.8"],
    [16.4849, "16.48"],
    [0.012345, "0.0123"],
    [0, "0"],
    [null, "—"],
    [Number.NaN, "—"],
  ])("%s → %s", (value, text) => {
    expect(formatEstimate(value)).toBe(text);
  });

  it("observed values keep their decimals", () => {
    expect(formatValue(25288.25)).toBe("25,288.25");
  });
});

describe("formatTimeLabel", () => {
  const march = Date.UTC(1994, 2, 1);
  it.each([
    ["monthly", "Mar 1994"],
    ["quarterly", "1994 Q1"],
    ["yearly", "1994"],
    ["daily", "1 Mar 1994"],
  ] as const)("a %s time reads %s", (kind, text) => {
    expect(formatTimeLabel(march, kind)).toBe(text);
  });
});

describe("formatAxisValue", () => {
  it.each([
    [20_000, "20K"],
    [12_500, "12.5K"],
    [0.25, "0.25"],
    [-20, "\u221220"],
    [-1_500_000, "\u22121.5M"],
    [0, "0"],
  ])("%s → %s", (value, text) => {
    expect(formatAxisValue(value)).toBe(text);
  });
});
