import { describe, expect, it } from "vitest";
import type { PreviewSeries } from "../series/schema";
import { describeMissing, describePreviewSeries } from "./describe-preview-series";

const monthly = { kind: "monthly", step: { unit: "month", count: 1 }, seasonLength: 12, label: "monthly", gapCount: 0 } as unknown as PreviewSeries["frequency"];
const series = (overrides: Partial<PreviewSeries>): PreviewSeries => ({
  detectedName: "sales",
  name: "sales",
  column: "sales",
  pointCount: 72,
  missingCount: 0,
  startLabel: "01.01.2018",
  endLabel: "01.12.2023",
  rangeLabel: "Jan 2018 – Dec 2023",
  frequency: monthly,
  sparkline: [],
  ...overrides,
});

describe("describePreviewSeries", () => {
  it.each([
    ["the dataset page's date range, not the file's", series({}), ["72 points · monthly, season\u00a0of\u00a012", "Jan\u00a02018 – Dec\u00a02023"]],
    ["missing values and gaps", series({ pointCount: 1500, missingCount: 3, frequency: { ...monthly, gapCount: 2 } }), ["1,500 points · monthly, season\u00a0of\u00a012", "Jan\u00a02018 – Dec\u00a02023 · 3 missing · 2 gaps"]],
    ["no season", series({ frequency: { ...monthly, seasonLength: 1 } }), ["72 points · monthly", "Jan\u00a02018 – Dec\u00a02023"]],
    // The card is narrow: it broke "21 / Dec 2015" at 1280 px; only the dash may break.
    ["each date of the range held together", series({ rangeLabel: "2 Jan 2012 – 21 Dec 2015" }), ["72 points · monthly, season\u00a0of\u00a012", "2\u00a0Jan\u00a02012 – 21\u00a0Dec\u00a02015"]],
    ["missing values without times", series({ pointCount: 0, missingCount: 4, rangeLabel: null }), ["0 points · monthly, season\u00a0of\u00a012", "4 missing"]],
    ["no times", series({ pointCount: 0, rangeLabel: null }), ["0 points · monthly, season\u00a0of\u00a012"]],
  ])("%s", (_, s, expected) => {
    expect(describePreviewSeries(s)).toEqual(expected);
  });
});

describe("describeMissing", () => {
  it("counts empty cells and skipped steps, each only when there are some, as the dataset page's series card writes them", () => {
    // sensor-log.csv's temperature_c: no empty cell, 102 steps every 10 minutes without a row.
    expect(describeMissing({ missingCount: 0, frequency: { gapCount: 102 } })).toEqual(["102 gaps"]);
    expect(describeMissing({ missingCount: 1200, frequency: { gapCount: 3 } })).toEqual(["1,200 missing", "3 gaps"]);
    expect(describeMissing({ missingCount: 0, frequency: { gapCount: 0 } })).toEqual([]);
  });
});
