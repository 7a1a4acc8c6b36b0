import { describe, expect, it } from "vitest";
import { timeTicks } from "./time-ticks";

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
