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
    expect(blocks?.interleaved).toBe(false);
  });

  it.each([
    ["Statistics Netherlands: each year's code before its months", ["2020JJ00", "2020MM01", "2020MM02", "2021JJ00", "2021MM01", "2021MM02"], "%YMM%m"],
    ["an annual row after each year's months", ["2010 JAN", "2010 FEB", "2010", "2011 JAN", "2011 FEB", "2011"], "%Y %b"],
    ["Statistics Netherlands' quarters among its years", ["2020JJ00", "2020KW01", "2020KW02", "2020KW03", "2020KW04", "2021JJ00", "2021KW01", "2021KW02"], "%YKW0%q"],
  ])("%s: reads the finest periods, the years mixed among them left out wherever they stand", (_name, cells, pattern) => {
    const blocks = detectPeriodBlocks(cells, { columnName: "Perioden" });
    expect(blocks?.time.format).toMatchObject({ pattern });
    expect(blocks?.coarser.map((b) => [b.label, b.at])).toEqual([["yearly", 0]]);
    expect(blocks?.interleaved).toBe(true);
  });

  it.each([
    ["one format throughout", months],
    ["periods that are codes of one shape", ["2020JJ00", "2020JJ01", "2021JJ00"]],
    ["a block of one row", ["2010", ...quarters]],
    ["a block that is no time", ["a", "b", ...quarters]],
    ["two blocks of one frequency", ["2010 Q1", "2010 Q2", "2011-Q1", "2011-Q2"]],
    ["a block out of order", ["2011", "2010", ...quarters]],
  ])("is null for %s", (_name, cells) => {
    expect(detectPeriodBlocks(cells, { timeLike: true })).toBeNull();
  });
});
