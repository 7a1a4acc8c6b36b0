import { describe, expect, it } from "vitest";
import { detectPeriodBlocks } from "./period-blocks";

const years = ["2010", "2011", "2012"];
const quarters = ["2010 Q1", "2010 Q2", "2010 Q3", "2010 Q4", "2011 Q1", "2011 Q2"];
const months = ["2010 JAN", "2010 FEB", "2010 MAR", "2010 APR", "2010 MAY"];

describe("detectPeriodBlocks", () => {
  it.each([
    ["ONS: years, then quarters, then months", [...years, ...quarters, ...months], "%Y %b", "monthly", ["yearly", "quarterly"]],
    ["years, then quarters", [...years, ...quarters], "%Y Q%q", "quarterly", ["yearly"]],
    ["months before years", [...months, ...years], "%Y %b", "monthly", ["yearly"]],
  ])("%s: reads the finest block and names the others", (_name, cells, pattern, label, coarser) => {
    const blocks = detectPeriodBlocks(cells, { timeLike: true });
    expect(blocks?.time.format).toMatchObject({ kind: "pattern", pattern });
    expect(blocks?.label).toBe(label);
    expect(blocks?.coarser.map((b) => b.label)).toEqual(coarser);
  });

  it.each([
    ["one format throughout", months],
    ["a format that comes back (an annual row after each year's months)", ["2010 JAN", "2010 FEB", "2010", "2011 JAN", "2011 FEB", "2011"]],
    ["a block of one row", ["2010", ...quarters]],
    ["a block that is no time", ["a", "b", ...quarters]],
    ["two blocks of one frequency", ["2010 Q1", "2010 Q2", "2011-Q1", "2011-Q2"]],
    ["a block out of order", ["2011", "2010", ...quarters]],
  ])("is null for %s", (_name, cells) => {
    expect(detectPeriodBlocks(cells, { timeLike: true })).toBeNull();
  });
});
