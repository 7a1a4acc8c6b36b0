import { describe, expect, it } from "vitest";
import { findCalendarField } from "./calendar-field";

const DAY = 86_400_000;
/** Ten days from Friday 27 December 2019, across ISO week 1 of 2020. */
const times = Array.from({ length: 10 }, (_, i) => Date.UTC(2019, 11, 27) + i * DAY);
const cells = (of: (d: Date) => number, values = times.map((t) => of(new Date(t)))) => [{ times, values, length: times.length }];

describe("findCalendarField", () => {
  it.each([
    ["ISO week", (d: Date) => (d.getUTCFullYear() === 2019 && d.getUTCDate() < 30 ? 52 : 1), "the week number"],
    ["year", (d: Date) => d.getUTCFullYear(), "the year"],
    ["weekday, Monday 1", (d: Date) => ((d.getUTCDay() + 6) % 7) + 1, "the weekday number"],
    ["weekday, Sunday 1", (d: Date) => d.getUTCDay() + 1, "the weekday number"],
    ["day of the year", (d: Date) => Math.round((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY) + 1, "the day of the year"],
  ])("%s", (_, of, what) => {
    expect(findCalendarField(cells(of))).toBe(what);
  });

  it("allows empty cells, and needs every filled one to agree, eight at least, not all alike", () => {
    const week = (d: Date) => (d.getUTCFullYear() === 2019 && d.getUTCDate() < 30 ? 52 : 1);
    const values = times.map((t, i) => (i === 4 ? Number.NaN : week(new Date(t))));
    expect(findCalendarField(cells(week, values))).toBe("the week number");
    expect(findCalendarField(cells(week, values.map((v, i) => (i === 9 ? v + 1 : v))))).toBeNull();
    expect(findCalendarField([{ times, values: times.map((t) => new Date(t).getUTCMonth() + 1), length: 7 }])).toBeNull();
    expect(findCalendarField(cells(() => 2020, times.map(() => 2020)))).toBeNull();
  });

  it("reads times written with an offset on the file's clock", () => {
    // Midnight at +01:00 is 23:00 the day before in UTC: the weekday is the written date's.
    const zoned = times.map((t) => t - 60 * 60_000);
    const weekday = times.map((t) => new Date(t).getUTCDay());
    expect(findCalendarField([{ times: zoned, values: weekday, length: 10, offsets: times.map(() => 60) }])).toBe("the weekday number");
    expect(findCalendarField([{ times: zoned, values: weekday, length: 10 }])).toBeNull();
  });
});
