import { describe, expect, it } from "vitest";
import { axisTicksForWidth, clampLabelX, timeTicks, timeTicksForWidth } from "./time-ticks";

describe("timeTicks", () => {
  it("puts multi-year spans on 1 January, each year at most once", () => {
    const ticks = timeTicks(Date.UTC(1980, 0, 1), Date.UTC(1994, 7, 1), 9);
    const years = ticks.map((t) => new Date(t).getUTCFullYear());
    expect(new Set(years).size).toBe(years.length);
    expect(ticks.every((t) => new Date(t).getUTCMonth() === 0 && new Date(t).getUTCDate() === 1)).toBe(true);
    expect(ticks.length).toBeLessThanOrEqual(9);
  });

  it("uses month starts for a year and midnight for a week", () => {
    const months = timeTicks(Date.UTC(2024, 0, 15), Date.UTC(2024, 11, 15), 12);
    expect(months.every((t) => new Date(t).getUTCDate() === 1)).toBe(true);
    const days = timeTicks(Date.UTC(2024, 0, 1, 5), Date.UTC(2024, 0, 7, 5), 8);
    expect(days.every((t) => t % 86_400_000 === 0)).toBe(true);
  });
});

describe("timeTicksForWidth", () => {
  it("gives 12 days of half-hours on a phone two dates or more, not the one Monday in them", () => {
    const DAY = 24 * 3_600_000;
    const from = Date.UTC(2024, 2, 5, 5, 30); // a Tuesday
    const to = from + 12 * DAY; // Sunday 17 March: Monday 11 is the only Monday
    // About 300 px: room for two labels, so a week's step is taken.
    expect(timeTicks(from, to, 2).filter((t) => t >= from && t <= to)).toEqual([Date.UTC(2024, 2, 11)]);
    const ticks = timeTicksForWidth(from, to, 300);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks.length).toBeLessThanOrEqual(3);
    expect(ticks.every((t) => t >= from && t <= to && t % DAY === 0)).toBe(true);
  });
});

describe("axisTicksForWidth", () => {
  it("numbers a series without times at a few round positions, not one tick per point", () => {
    // Positions 0…335 are labelled 1…336.
    const ticks = axisTicksForWidth(0, 335, 1100, "index");
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks.length).toBeLessThanOrEqual(10);
    expect(ticks.every((t) => Number.isInteger(t) && t >= 0 && t <= 335)).toBe(true);
    expect(ticks.map((t) => t + 1)).toContain(100);
  });

  it.each([
    // Two months of a monthly series on a desktop chart: its two months, not 7, 14, 21 and 28 July.
    ["monthly", Date.UTC(1997, 6, 1), Date.UTC(1997, 7, 1), [Date.UTC(1997, 6, 1), Date.UTC(1997, 7, 1)]],
    ["quarterly", Date.UTC(2020, 3, 1), Date.UTC(2020, 9, 1), [Date.UTC(2020, 3, 1), Date.UTC(2020, 6, 1), Date.UTC(2020, 9, 1)]],
    ["yearly", Date.UTC(2019, 0, 1), Date.UTC(2020, 0, 1), [Date.UTC(2019, 0, 1), Date.UTC(2020, 0, 1)]],
    ["daily", Date.UTC(2024, 2, 5), Date.UTC(2024, 2, 7), [Date.UTC(2024, 2, 5), Date.UTC(2024, 2, 6), Date.UTC(2024, 2, 7)]],
  ] as const)("never ticks a %s series finer than its own step", (kind, from, to, expected) => {
    expect(axisTicksForWidth(from, to, 650, kind)).toEqual(expected);
  });

  it("still ticks an hourly series zoomed to a day by the hour", () => {
    const ticks = axisTicksForWidth(Date.UTC(2024, 2, 5), Date.UTC(2024, 2, 6), 650, "hourly");
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks.every((t) => t % 3_600_000 === 0)).toBe(true);
  });

  it("puts dated series on calendar ticks", () => {
    expect(axisTicksForWidth(Date.UTC(2020, 0, 1), Date.UTC(2024, 0, 1), 900, "monthly")).toEqual(timeTicksForWidth(Date.UTC(2020, 0, 1), Date.UTC(2024, 0, 1), 900));
  });
});

describe("clampLabelX", () => {
  it("keeps the first and last labels whole inside the chart, and leaves the others where their tick is", () => {
    // "2024 Q2" is about 52 px wide at 12 px.
    expect(clampLabelX(1270, "2024 Q2", 1280)).toBeLessThanOrEqual(1280 - 26);
    expect(clampLabelX(10, "2024 Q2", 1280)).toBeGreaterThanOrEqual(26);
    expect(clampLabelX(600, "2024 Q2", 1280)).toBe(600);
  });
});
