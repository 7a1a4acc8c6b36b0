import { describe, expect, it } from "vitest";
import { describeTimeFormat, fixedPatternWidth, formatTime, formatTimeLabel, makePatternParser, makeTimeParser, matchPadding, type TimeFormat } from "./time-format";

describe("time patterns read and write the file's own format", () => {
  it.each([
    ["%Y-%m-%d", "2024-02-29", Date.UTC(2024, 1, 29)],
    ["%Y-%m", "1993-03", Date.UTC(1993, 2, 1)],
    ["%Y Q%q", "1992 Q4", Date.UTC(1992, 9, 1)],
    ["%Y", "1880", Date.UTC(1880, 0, 1)],
    ["%-m/%-d/%Y", "12/31/2015", Date.UTC(2015, 11, 31)],
    ["%d.%m.%Y", "01.02.2020", Date.UTC(2020, 1, 1)],
    ["%b %-d %Y", "Jan 1 2000", Date.UTC(2000, 0, 1)],
    ["%Y-%m-%dT%H:%M:%S", "2010-12-30T23:00:00", Date.UTC(2010, 11, 30, 23)],
    ["%Y-%m-%d %H:%M", "2021-06-01 08:15", Date.UTC(2021, 5, 1, 8, 15)],
    ["%-m/%-d/%Y %-I:%M %p", "3/4/2021 1:05 PM", Date.UTC(2021, 2, 4, 13, 5)],
    // ISO weeks start on Monday; week 1 holds 4 January, so it can begin in December.
    ["%G-W%V", "2020-W01", Date.UTC(2019, 11, 30)],
    ["%G-W%V", "2020-W53", Date.UTC(2020, 11, 28)],
    ["%G-W%V", "2021-W01", Date.UTC(2021, 0, 4)],
    ["%GW%-V", "2025W1", Date.UTC(2024, 11, 30)],
    // ISO week dates: the weekday's number counts from the week's Monday (1) to Sunday (7).
    ["%G-W%V-%u", "2024-W05-1", Date.UTC(2024, 0, 29)],
    ["%G-W%V-%u", "2020-W53-7", Date.UTC(2021, 0, 3)],
    ["%GW%V%u", "2025W013", Date.UTC(2025, 0, 1)],
    ["%Y.%m.%d %H:%M", "2023.01.15 13:45", Date.UTC(2023, 0, 15, 13, 45)],
    // Two-digit years pivot as POSIX's strptime does: 00–68 are 2000s, 69–99 1900s.
    ["Q%q-%y", "Q4-68", Date.UTC(2068, 9, 1)],
    ["Q%q-%y", "Q1-69", Date.UTC(1969, 0, 1)],
    ["%qQ%y", "2Q07", Date.UTC(2007, 3, 1)],
    ["%qQ%Y", "3Q2015", Date.UTC(2015, 6, 1)],
  ])("%s reads %s and writes it back", (pattern, text, expected) => {
    const parsed = makePatternParser(pattern)(text);
    expect(parsed).toBe(expected);
    expect(formatTime(parsed, { kind: "pattern", pattern })).toBe(text);
  });

  it.each([
    ["%Y-%m-%d %H:%M", "2024-01-31 24:00", Date.UTC(2024, 1, 1)],
    ["%d.%m.%Y %H:%M", "31.12.2023 24:00", Date.UTC(2024, 0, 1)],
    ["%-m/%-d/%Y %H:%M:%S", "2/29/2024 24:00:00", Date.UTC(2024, 2, 1)],
  ])("reads %s's `24:00` as the end of the day, the next day's midnight: %s", (pattern, text, ms) => {
    // Energy exports stamp hours by their end (01:00 … 24:00); the last hour of every day was refused.
    expect(makePatternParser(pattern)(text)).toBe(ms);
  });

  it.each(["2024-01-31 24:30", "2024-01-31 25:00", "2024-01-31 24:00:01"])("refuses %s: past the end of the day", (text) => {
    expect(makePatternParser(text.length > 16 ? "%Y-%m-%d %H:%M:%S" : "%Y-%m-%d %H:%M")(text)).toBeNaN();
  });

  it("refuses an ISO week a year does not have", () => {
    expect(makePatternParser("%G-W%V")("2021-W53")).toBeNaN();
    expect(makePatternParser("%G-W%V")("2020-W00")).toBeNaN();
  });

  it("honours a zone offset and writes times back in the file's offset", () => {
    const format = { kind: "pattern" as const, pattern: "%Y-%m-%dT%H:%M:%S%z", offsetMinutes: 120 };
    const ms = makePatternParser(format.pattern)("2024-03-01T10:00:00+02:00");
    expect(ms).toBe(Date.UTC(2024, 2, 1, 8));
    expect(formatTime(ms, format)).toBe("2024-03-01T10:00:00+02:00");
    expect(formatTime(ms, { ...format, offsetMinutes: null })).toBe("2024-03-01T08:00:00Z");
  });

  it("writes an offset without a colon where the file does (RFC 2822's `+0100`)", () => {
    const format: TimeFormat = { kind: "pattern", pattern: "%a, %d %b %Y %H:%M:%S %z", offsetMinutes: -330, compactOffset: true };
    const ms = makeTimeParser(format)("Sun, 01 Jan 2023 08:00:00 -0530", 0);
    expect(ms).toBe(Date.UTC(2023, 0, 1, 13, 30));
    expect(formatTime(ms, format)).toBe("Sun, 01 Jan 2023 08:00:00 -0530");
    expect(formatTime(ms, { ...format, compactOffset: undefined })).toBe("Sun, 01 Jan 2023 08:00:00 -05:30");
  });

  it.each(["2023-02-29", "2023-13-01", "2023-1-1x", "", "31/02/2020"])("rejects %j", (text) => {
    expect(makePatternParser("%Y-%m-%d")(text)).toBeNaN();
  });

  it("reads epoch seconds and milliseconds and an index", () => {
    expect(makeTimeParser({ kind: "epoch", unit: "s" })("1700000000", 0)).toBe(1_700_000_000_000);
    expect(makeTimeParser({ kind: "epoch", unit: "ms" })("1700000000123", 0)).toBe(1_700_000_000_123);
    expect(makeTimeParser({ kind: "index" })("anything", 7)).toBe(7);
    expect(formatTime(1_700_000_000_000, { kind: "epoch", unit: "s" })).toBe("1700000000");
    expect(formatTime(7, { kind: "index" }, 7)).toBe("8");
  });

  it("labels Unix times as UTC date-times on screen and leaves other formats as written", () => {
    expect(formatTimeLabel(1_700_000_000_000, { kind: "epoch", unit: "s" })).toBe("2023-11-14 22:13:20 UTC");
    expect(formatTimeLabel(1_700_000_000_123, { kind: "epoch", unit: "ms" })).toBe("2023-11-14 22:13:20.123 UTC");
    expect(formatTimeLabel(Date.UTC(2024, 2, 1), { kind: "pattern", pattern: "%Y-%m" })).toBe("2024-03");
    expect(formatTimeLabel(7, { kind: "index" }, 7)).toBe("8");
  });

  it.each([
    // [format, 2024-01-08 09:00, 2024-01-08 12:00]
    [{ kind: "excel-serial", decimals: 6, fixedDecimals: true }, "45299.375000", "45299.500000"],
    [{ kind: "excel-serial", decimals: 6 }, "45299.375", "45299.5"],
    [{ kind: "excel-serial", decimals: 2, fixedDecimals: true }, "45299.38", "45299.50"],
    [{ kind: "excel-serial", decimals: 0 }, "45299", "45300"],
  ] as [TimeFormat, string, string][])("writes Excel serials %j with the places the file used: %s, %s", (format, nine, noon) => {
    // Future steps of `45290.041667, …` came out as `45298.375`, `45298.5`.
    expect(formatTime(Date.UTC(2024, 0, 8, 9), format)).toBe(nine);
    expect(formatTime(Date.UTC(2024, 0, 8, 12), format)).toBe(noon);
  });

  it("labels Excel date-times with their time of day at midnight too, so a range reads alike at both ends", () => {
    // `2024-01-01 – 2024-01-14 23:00` read as if the first were a day and the last an hour.
    expect(formatTimeLabel(Date.UTC(2024, 0, 1), { kind: "excel-serial", decimals: 6 })).toBe("2024-01-01 00:00");
    expect(formatTimeLabel(Date.UTC(2024, 0, 14, 23), { kind: "excel-serial", decimals: 6 })).toBe("2024-01-14 23:00");
    expect(formatTimeLabel(Date.UTC(2024, 0, 1), { kind: "excel-serial", decimals: 0 })).toBe("2024-01-01");
  });
});

describe("matchPadding", () => {
  it("loosens the padding to what a later cell uses", () => {
    const padded = { kind: "pattern" as const, pattern: "%m/%d/%Y" };
    const t = Date.UTC(2024, 0, 2);
    expect(matchPadding(padded, "1/2/2024", t)).toEqual({ kind: "pattern", pattern: "%-m/%-d/%Y" });
    expect(matchPadding(padded, "01/2/2024", t)).toEqual({ kind: "pattern", pattern: "%m/%-d/%Y" });
    expect(matchPadding(padded, "01/02/2024", t)).toBe(padded);
  });

  it("knows which patterns print a fixed width", () => {
    expect(fixedPatternWidth({ kind: "pattern", pattern: "%m/%d/%Y" })).toBe(10);
    expect(fixedPatternWidth({ kind: "pattern", pattern: "%-m/%d/%Y" })).toBeNull();
    expect(fixedPatternWidth({ kind: "pattern", pattern: "%b %Y" })).toBeNull();
  });
});

describe("a weekday before the date (%a, %A)", () => {
  const format: TimeFormat = { kind: "pattern", pattern: "%A, %B %-d, %Y" };
  it("is written back, and a weekday that is not the date's does not read", () => {
    const parse = makeTimeParser(format);
    expect(parse("Monday, January 6, 2020", 0)).toBe(Date.UTC(2020, 0, 6));
    expect(parse("Tuesday, January 6, 2020", 0)).toBeNaN();
    expect(formatTime(Date.UTC(2020, 0, 7), format)).toBe("Tuesday, January 7, 2020");
    expect(formatTime(Date.UTC(2020, 0, 7), { kind: "pattern", pattern: "%a %d/%m/%Y" })).toBe("Tue 07/01/2020");
  });
});

describe("describeTimeFormat", () => {
  it.each([
    ["%G-W%V", "YYYY-Www"],
    ["KW %-V/%G", "KW ww/YYYY"],
    ["%G-W%V-%u", "YYYY-Www-D"],
    ["Q%q-%y", "Qn-YY"],
    ["%Y.%m.%d %H:%M", "YYYY.MM.DD hh:mm"],
  ])("describes %s as %s, not with its tokens", (pattern, described) => {
    // The preview's column header and the refusal of a bad row showed `KW %V/%G`.
    expect(describeTimeFormat({ kind: "pattern", pattern })).toBe(described);
  });
});
