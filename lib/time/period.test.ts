import { describe, expect, it } from "vitest";
import { inferFrequency, nextTimes } from "./frequency";
import { comparePeriod, describePeriod, nextPeriodStart, periodFrequency, periodStart, PERIODS, toPeriodTimeFormat, type Period } from "./period";
import { formatTime, type TimeFormat } from "./time-format";

const at = (iso: string) => Date.parse(`${iso}Z`);
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, "");

describe("periodStart", () => {
  it.each([
    // Hours and days are cut on the wall clock the file writes (stored as UTC).
    ["hour", "2025-03-14T09:59:59.999", "2025-03-14T09:00:00"],
    ["day", "2025-03-14T23:59:59", "2025-03-14T00:00:00"],
    ["day", "2025-03-15T00:00:00", "2025-03-15T00:00:00"],
    // ISO weeks start on Monday: Sunday 16 March 2025 is in the week of Monday 10 March.
    ["week", "2025-03-16T23:00:00", "2025-03-10T00:00:00"],
    ["week", "2025-03-17T00:00:00", "2025-03-17T00:00:00"],
    // A week across New Year: Wednesday 1 January 2025 is in the week of Monday 30 December 2024.
    ["week", "2025-01-01T12:00:00", "2024-12-30T00:00:00"],
    // Before 1970 (negative epoch ms) too: Thursday 1 January 1970 → Monday 29 December 1969.
    ["week", "1970-01-01T05:00:00", "1969-12-29T00:00:00"],
    ["week", "1969-12-28T05:00:00", "1969-12-22T00:00:00"],
    ["month", "2024-02-29T18:00:00", "2024-02-01T00:00:00"],
    ["quarter", "2025-06-30T23:59:00", "2025-04-01T00:00:00"],
    ["quarter", "2025-10-01T00:00:00", "2025-10-01T00:00:00"],
    ["year", "2025-12-31T23:59:59", "2025-01-01T00:00:00"],
  ] as const)("%s of %s starts at %s", (period, time, start) => {
    expect(iso(periodStart(at(time), period))).toBe(start);
  });

  it.each(PERIODS.map((p) => [p]))("every %s start is its own start, and the next one follows it", (period) => {
    let start = periodStart(at("2023-11-29T13:45:00"), period);
    for (let i = 0; i < 30; i++) {
      const next = nextPeriodStart(start, period);
      expect(next).toBeGreaterThan(start);
      expect(periodStart(start, period)).toBe(start);
      expect(periodStart(next - 1, period)).toBe(start);
      start = next;
    }
  });

  it("steps months, quarters and years by the calendar (28 to 31 days, across leap years)", () => {
    expect(iso(nextPeriodStart(at("2024-01-01T00:00:00"), "month"))).toBe("2024-02-01T00:00:00");
    expect(iso(nextPeriodStart(at("2024-02-01T00:00:00"), "month"))).toBe("2024-03-01T00:00:00");
    expect(iso(nextPeriodStart(at("2024-12-01T00:00:00"), "month"))).toBe("2025-01-01T00:00:00");
    expect(iso(nextPeriodStart(at("2024-10-01T00:00:00"), "quarter"))).toBe("2025-01-01T00:00:00");
    expect(iso(nextPeriodStart(at("2024-01-01T00:00:00"), "year"))).toBe("2025-01-01T00:00:00");
    expect(iso(nextPeriodStart(at("2024-12-30T00:00:00"), "week"))).toBe("2025-01-06T00:00:00");
  });
});

describe("periodFrequency", () => {
  it.each(PERIODS.map((p) => [p]))("%s: what inferFrequency finds for a run of period starts, and nextTimes continues it", (period) => {
    const starts = [periodStart(at("2022-05-18T07:30:00"), period)];
    while (starts.length < 40) starts.push(nextPeriodStart(starts.at(-1) as number, period));
    const frequency = periodFrequency(period);
    expect(frequency).toEqual(inferFrequency(starts));
    expect(nextTimes(starts[38] as number, frequency, 1)).toEqual([starts[39]]);
  });

  it("gives the season lengths analysts expect", () => {
    expect(PERIODS.map((p) => [p, periodFrequency(p).seasonLength])).toEqual([
      ["hour", 24],
      ["day", 7],
      ["week", 52],
      ["month", 12],
      ["quarter", 4],
      ["year", 1],
    ]);
  });
});

describe("comparePeriod", () => {
  const DAY = 86_400_000;
  const series = {
    hourly: Array.from({ length: 48 }, (_, i) => at("2025-01-01T00:00:00") + i * 3_600_000),
    daily: Array.from({ length: 30 }, (_, i) => at("2025-01-01T00:00:00") + i * DAY),
    "15-minute": Array.from({ length: 200 }, (_, i) => at("2025-01-01T00:00:00") + i * 900_000),
    weekly: Array.from({ length: 30 }, (_, i) => at("2025-01-05T00:00:00") + i * 7 * DAY),
    monthly: Array.from({ length: 24 }, (_, i) => Date.UTC(2020, i, 1)),
    "month-end": Array.from({ length: 24 }, (_, i) => Date.UTC(2020, i + 1, 0)),
    quarterly: Array.from({ length: 24 }, (_, i) => Date.UTC(2020, 3 * i, 1)),
    yearly: Array.from({ length: 24 }, (_, i) => Date.UTC(2000 + i, 0, 1)),
    irregular: [0, 5, 17, 18, 40, 41, 99].map((h) => h * 3_600_000 + 1234),
    // Three sales: two gaps, one of which is taken for a regular step of 22,105 minutes.
    "three sales": [at("2024-01-02T09:15:00"), at("2024-01-17T17:40:00"), at("2024-03-05T11:05:00")],
    "two-monthly": Array.from({ length: 12 }, (_, i) => Date.UTC(2020, 2 * i, 1)),
  };
  it.each([
    ["hourly", "hour", "same"],
    ["hourly", "day", "coarser"],
    ["15-minute", "hour", "coarser"],
    ["daily", "hour", "finer"],
    ["daily", "day", "same"],
    ["daily", "week", "coarser"],
    ["daily", "month", "coarser"],
    // Weeks ending on Sunday are weeks all the same: grouping them by week changes nothing.
    ["weekly", "week", "same"],
    ["weekly", "day", "finer"],
    ["weekly", "month", "coarser"],
    ["monthly", "day", "finer"],
    ["monthly", "week", "finer"],
    ["monthly", "month", "same"],
    ["month-end", "month", "same"],
    ["monthly", "quarter", "coarser"],
    ["quarterly", "month", "finer"],
    ["quarterly", "year", "coarser"],
    ["yearly", "quarter", "finer"],
    ["yearly", "year", "same"],
    ["three sales", "week", "coarser"],
    ["two-monthly", "month", "finer"],
    ["two-monthly", "quarter", "coarser"],
    ["irregular", "hour", "coarser"],
    ["irregular", "year", "coarser"],
  ] as const)("%s data grouped by %s: %s", (name, period, expected) => {
    expect(comparePeriod(period, inferFrequency(series[name]))).toBe(expected);
  });
});

describe("toPeriodTimeFormat", () => {
  const pattern = (p: string): TimeFormat => ({ kind: "pattern", pattern: p });
  it.each([
    [pattern("%Y-%m-%d %H:%M:%S"), "month", "%Y-%m"],
    [pattern("%d.%m.%Y %H:%M"), "quarter", "%Y Q%q"],
    [pattern("%Y-%m-%dT%H:%M:%S%z"), "year", "%Y"],
    // Days and weeks are written as the file writes its dates.
    [pattern("%Y-%m-%dT%H:%M:%S"), "day", "%Y-%m-%d"],
    [pattern("%d.%m.%Y %H:%M"), "day", "%d.%m.%Y"],
    [pattern("%-m/%-d/%Y %-I:%M %p"), "week", "%-m/%-d/%Y"],
    [pattern("%Y-%m-%dT%H:%M:%S%z"), "day", "%Y-%m-%d"],
    [pattern("%Y-%m-%d"), "day", "%Y-%m-%d"],
    // Hours: the date and the hour.
    [pattern("%Y-%m-%dT%H:%M:%S"), "hour", "%Y-%m-%d %H:00"],
    [pattern("%d.%m.%Y %H:%M"), "hour", "%d.%m.%Y %H:00"],
    // No date in the file's own format: ISO dates.
    [{ kind: "epoch", unit: "s" }, "day", "%Y-%m-%d"],
    [{ kind: "excel-serial", decimals: 5 }, "hour", "%Y-%m-%d %H:00"],
    [pattern("%G-W%V"), "day", "%Y-%m-%d"],
    [pattern("%H:%M %d/%m/%Y"), "day", "%Y-%m-%d"],
  ] as const)("%j by %s writes %s", (format, period, expected) => {
    const out = toPeriodTimeFormat(period as Period, format as TimeFormat);
    expect(out).toMatchObject({ kind: "pattern", pattern: expected });
  });

  it("keeps the language of month names, and drops the zone (grouped times are wall-clock times)", () => {
    const german: TimeFormat = { kind: "pattern", pattern: "%d. %B %Y %H:%M", language: "de" };
    const day = toPeriodTimeFormat("day", german);
    expect(day).toEqual({ kind: "pattern", pattern: "%d. %B %Y", language: "de" });
    expect(formatTime(Date.UTC(2025, 2, 14), day)).toBe("14. März 2025");
    const zoned = toPeriodTimeFormat("hour", { kind: "pattern", pattern: "%Y-%m-%dT%H:%M:%S%z", offsetMinutes: 60 });
    expect(zoned).toEqual({ kind: "pattern", pattern: "%Y-%m-%d %H:00" });
  });

  it.each([
    ["hour", "2025-03-14 09:00"],
    ["day", "2025-03-14"],
    ["week", "2025-03-10"],
    ["month", "2025-03"],
    ["quarter", "2025 Q1"],
    ["year", "2025"],
  ] as const)("a time grouped by %s is written %s", (period, written) => {
    const start = periodStart(at("2025-03-14T09:41:00"), period);
    expect(formatTime(start, toPeriodTimeFormat(period, { kind: "pattern", pattern: "%Y-%m-%d %H:%M:%S" }))).toBe(written);
  });
});

describe("describePeriod", () => {
  it.each([
    ["hour", "14 Mar 2025 09:00"],
    ["day", "14 Mar 2025"],
    ["week", "week of 10 Mar 2025"],
    ["month", "Mar 2025"],
    ["quarter", "2025 Q1"],
    ["year", "2025"],
  ] as const)("%s: %s", (period, text) => {
    expect(describePeriod(periodStart(at("2025-03-14T09:41:00"), period), period)).toBe(text);
  });
});
