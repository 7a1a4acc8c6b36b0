import { describe, expect, it } from "vitest";
import { gridTimeAtOrAfter, gridTimeAtOrBefore, inferFrequency, nextTimes, regularTimes } from "./frequency";

const DAY = 86_400_000;
const months = (from: [number, number], count: number, step = 1) =>
  Array.from({ length: count }, (_, i) => Date.UTC(from[0], from[1] - 1 + i * step, 1));

describe("inferFrequency", () => {
  it.each([
    ["monthly", months([2020, 1], 24), 12],
    ["quarterly", months([2020, 1], 12, 3), 4],
    ["yearly", months([1900, 1], 30, 12), 1],
    ["daily", Array.from({ length: 30 }, (_, i) => Date.UTC(2024, 0, 1) + i * DAY), 7],
    ["hourly", Array.from({ length: 72 }, (_, i) => Date.UTC(2024, 0, 1) + i * 3_600_000), 24],
    ["weekly", Array.from({ length: 60 }, (_, i) => Date.UTC(2024, 0, 1) + i * 7 * DAY), 52],
    ["minutely", Array.from({ length: 90 }, (_, i) => i * 60_000), 60],
  ] as const)("%s", (kind, times, season) => {
    const frequency = inferFrequency(times);
    expect(frequency.kind).toBe(kind);
    expect(frequency.seasonLength).toBe(season);
    expect(frequency.gapCount).toBe(0);
  });

  it("recognises business days and counts a missing weekday as a gap", () => {
    const days: number[] = [];
    for (let t = Date.UTC(2024, 0, 1); days.length < 40; t += DAY) {
      const weekday = new Date(t).getUTCDay();
      if (weekday !== 0 && weekday !== 6) days.push(t);
    }
    expect(inferFrequency(days)).toMatchObject({ kind: "business-daily", seasonLength: 5, gapCount: 0 });
    days.splice(10, 1);
    expect(inferFrequency(days).gapCount).toBe(1);
  });

  it("counts gaps in monthly data", () => {
    const times = months([2020, 1], 24);
    times.splice(5, 2);
    expect(inferFrequency(times)).toMatchObject({ kind: "monthly", gapCount: 2 });
  });

  it("counts the steps skipped by a fixed spacing, and not a spacing off its grid", () => {
    const hour = 3_600_000;
    const times = Array.from({ length: 48 }, (_, i) => i * hour);
    // 3 hours (2 steps skipped) after the 11th time, 5 hours (4 skipped) after the 29th, and a last time half an hour off the grid.
    const gappy = [...times.slice(0, 11), ...times.slice(13, 31), ...times.slice(35, 46).map((t, i) => (i === 10 ? t - hour / 2 : t))];
    expect(inferFrequency(gappy)).toMatchObject({ kind: "hourly", gapCount: 6 });
  });

  it("labels an uncommon fixed step and its daily cycle", () => {
    const times = Array.from({ length: 200 }, (_, i) => i * 15 * 60_000);
    expect(inferFrequency(times)).toMatchObject({ kind: "fixed", label: "every 15 minutes", seasonLength: 96 });
  });

  it("calls scattered times irregular", () => {
    expect(inferFrequency([0, 5, 17, 40, 41, 90, 200].map((n) => n * 1000)).kind).toBe("irregular");
  });

  it("tells events at irregular times from a logger read a second or two off its grid", () => {
    // Charges 2 minutes to 5 hours apart: events, with no step to forecast by.
    const charges = [0, 2, 9, 70, 71, 300, 420, 425, 600].map((m) => m * 60_000);
    expect(inferFrequency(charges)).toMatchObject({ kind: "irregular", events: true });
    // Every 10 minutes, each reading 0–2 s late: irregular (no interval holds half), but a grid.
    const late = [0, 1, 2, 1, 0, 2, 2, 1, 0, 1, 2, 0];
    const logger = late.map((s, i) => i * 600_000 + s * 1000);
    const frequency = inferFrequency(logger);
    expect(frequency).toMatchObject({ kind: "irregular" });
    expect(frequency).not.toHaveProperty("events");
    // A regular series, even with gaps, is no events' either.
    expect(inferFrequency([0, 1, 2, 5, 6].map((h) => h * 3_600_000))).not.toHaveProperty("events");
  });
});

describe("nextTimes continues the calendar", () => {
  it("adds months, keeping month ends at month ends", () => {
    const monthEnds = [Date.UTC(2024, 0, 31), Date.UTC(2024, 1, 29), Date.UTC(2024, 2, 31)];
    const frequency = inferFrequency(monthEnds);
    expect(frequency.monthEnd).toBe(true);
    expect(nextTimes(Date.UTC(2024, 2, 31), frequency, 2)).toEqual([Date.UTC(2024, 3, 30), Date.UTC(2024, 4, 31)]);
  });

  it("skips weekends for business days", () => {
    const friday = Date.UTC(2024, 0, 5);
    const frequency = inferFrequency([Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 2), Date.UTC(2024, 0, 3), Date.UTC(2024, 0, 4), friday, Date.UTC(2024, 0, 8)]);
    expect(nextTimes(friday, frequency, 2)).toEqual([Date.UTC(2024, 0, 8), Date.UTC(2024, 0, 9)]);
  });

  it("steps quarters and hours", () => {
    expect(nextTimes(Date.UTC(1994, 6, 1), inferFrequency(months([1990, 1], 8, 3)), 2)).toEqual([
      Date.UTC(1994, 9, 1),
      Date.UTC(1995, 0, 1),
    ]);
    const hourly = inferFrequency([0, 3_600_000, 7_200_000]);
    expect(nextTimes(7_200_000, hourly, 1)).toEqual([10_800_000]);
  });
});

describe("gridTimeAtOrBefore and gridTimeAtOrAfter", () => {
  it("find where a grid reaches a time, as listing its times would", () => {
    const businessDays = inferFrequency([Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 2), Date.UTC(2024, 0, 3), Date.UTC(2024, 0, 4), Date.UTC(2024, 0, 5), Date.UTC(2024, 0, 8)]);
    const monthEnds = inferFrequency([Date.UTC(2024, 0, 31), Date.UTC(2024, 1, 29), Date.UTC(2024, 2, 31)]);
    const hourly = inferFrequency([0, 3_600_000, 7_200_000]);
    for (const [frequency, anchor] of [[businessDays, Date.UTC(2024, 0, 1)], [monthEnds, Date.UTC(2024, 0, 31)], [hourly, 0]] as const) {
      const grid = regularTimes(anchor, anchor + 90 * 86_400_000, frequency);
      for (let target = anchor - 86_400_000; target < (grid.at(-2) as number); target += 5 * 3_600_000 + 17) {
        expect(gridTimeAtOrBefore(anchor, target, frequency)).toBe(target < anchor ? anchor : grid.filter((t) => t <= target).at(-1));
        expect(gridTimeAtOrAfter(anchor, target, frequency)).toBe(grid.find((t) => t >= target));
      }
    }
  });

  it("reach a business day 30 years on without stepping through the days between", () => {
    // The training panel steps back a left-out period's days one call each: walked from the anchor,
    // 30 years of business days with 10 left out took 6 s per keystroke. Each step reads `step` once.
    const businessDays = inferFrequency([Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 2), Date.UTC(2024, 0, 3), Date.UTC(2024, 0, 4), Date.UTC(2024, 0, 5), Date.UTC(2024, 0, 8)]);
    let reads = 0;
    const counted = new Proxy(businessDays, { get: (target, key) => (key === "step" && reads++, Reflect.get(target, key)) });
    // Sunday 29 Dec 2024 from Monday 2 Jan 1995: Friday 27 Dec 2024.
    expect(gridTimeAtOrBefore(Date.UTC(1995, 0, 2), Date.UTC(2024, 11, 29, 12), counted)).toBe(Date.UTC(2024, 11, 27));
    expect(reads).toBeLessThan(10);
  });
});
