import { describe, expect, it } from "vitest";
import { toChartHeading } from "./chart-heading";

const run = { seriesName: "Visitors", datasetName: "Tourism", method: "lstm", horizon: 12, startedAt: "2026-11-28T09:30:00Z" } as const;

describe("toChartHeading", () => {
  it("says the horizon in the series' own unit", () => {
    expect(toChartHeading({ ...run, frequency: "monthly" }).subtitle).toMatch(/^Tourism · 12 months ahead · 80% and 95% intervals · made /);
    expect(toChartHeading({ ...run, horizon: 1, frequency: "quarterly" }).subtitle).toMatch(/^Tourism · 1 quarter ahead · /);
  });

  it("names the zone the run's time is written in: an image is read in other zones than it was made in", () => {
    expect(toChartHeading({ ...run, timeZone: "Europe/Berlin" }).subtitle).toMatch(/ · made 28 Nov 2026, 10:30:00 CET$/);
    expect(toChartHeading({ ...run, timeZone: "UTC" }).subtitle).toMatch(/ · made 28 Nov 2026, 09:30:00 UTC$/);
  });

  it("counts steps where the series has no calendar unit or none is given", () => {
    expect(toChartHeading({ ...run, frequency: "irregular" }).subtitle).toMatch(/^Tourism · 12 steps ahead · /);
    expect(toChartHeading(run).subtitle).toMatch(/^Tourism · 12 steps ahead · /);
    expect(toChartHeading(run).title).toBe("Visitors: LSTM (ensemble) forecast");
  });
});
