import { describe, expect, it } from "vitest";
import type { TimeFormat } from "../time/time-format";
import { formatAxisValue, formatEstimate, formatTimeLabel, formatTimeRange, formatTimeTick, formatValue, toSeriesLabelStyle, toTimeLabelStyle } from "./format-time-label";

describe("formatEstimate", () => {
  it.each([
    [23902.1515, "23,902"],
    [-1234.5, "-1,235"],
    [456.789, "456.8"],
    [16.4849, "16.48"],
    [0.012345, "0.0123"],
    [0, "0"],
    [null, "—"],
    [Number.NaN, "—"],
  ])("%s → %s", (value, text) => {
    expect(formatEstimate(value)).toBe(text);
  });

  it("observed values keep their decimals", () => {
    expect(formatValue(25288.25)).toBe("25,288.25");
  });
});

describe("formatTimeLabel", () => {
  const march = Date.UTC(1994, 2, 1);
  it.each([
    ["monthly", "Mar 1994"],
    ["quarterly", "1994 Q1"],
    ["yearly", "1994"],
    ["daily", "1 Mar 1994"],
  ] as const)("a %s time reads %s", (kind, text) => {
    expect(formatTimeLabel(march, kind)).toBe(text);
  });
});

describe("formatAxisValue", () => {
  it.each([
    [20_000, "20K"],
    [12_500, "12.5K"],
    [0.25, "0.25"],
    [-20, "\u221220"],
    [-1_500_000, "\u22121.5M"],
    [0, "0"],
  ])("%s → %s", (value, text) => {
    expect(formatAxisValue(value)).toBe(text);
  });

  it("keeps the digits that tell neighbouring ticks apart", () => {
    // Ticks 5 apart near 45,300: two compact decimals wrote 45.31K for both 45,305 and 45,310.
    const near = [45_300, 45_305, 45_310, 45_315].map((v) => formatAxisValue(v, 5));
    expect(near).toEqual(["45,300", "45,305", "45,310", "45,315"]);
    expect(new Set([45_305, 45_310].map((v) => formatAxisValue(v))).size).toBe(1);
    // A step compact writes exactly stays compact; small steps keep their decimals.
    expect([10_000, 12_500, 15_000].map((v) => formatAxisValue(v, 2_500))).toEqual(["10.0K", "12.5K", "15.0K"]);
    expect([1_250_000, 1_260_000].map((v) => formatAxisValue(v, 10_000))).toEqual(["1.25M", "1.26M"]);
    expect([0.1, 0.10001, 0.10002].map((v) => formatAxisValue(v, 0.00001))).toEqual(["0.10000", "0.10001", "0.10002"]);
    expect([10_000, 20_000].map((v) => formatAxisValue(v, 10_000))).toEqual(["10K", "20K"]);
    expect(formatAxisValue(-45_305, 5)).toBe("\u221245,305");
  });

  it("writes every tick of an axis with the step's decimals, as a column of figures", () => {
    expect([312.5, 315, 317.5].map((v) => formatAxisValue(v, 2.5))).toEqual(["312.5", "315.0", "317.5"]);
    expect([0, 0.25, 0.5].map((v) => formatAxisValue(v, 0.25))).toEqual(["0.00", "0.25", "0.50"]);
    // Across the thousands the compact ticks keep the step's decimals of their own unit.
    expect([500, 1_000, 1_500].map((v) => formatAxisValue(v, 500))).toEqual(["500", "1.0K", "1.5K"]);
    expect([900_000, 1_000_000, 1_100_000].map((v) => formatAxisValue(v, 100_000))).toEqual(["900K", "1.0M", "1.1M"]);
  });
});

describe("labels in the series' own style", () => {
  const fy = toTimeLabelStyle("yearly", { kind: "pattern", pattern: "%Y/%E" });
  const german = toTimeLabelStyle("monthly", { kind: "pattern", pattern: "%b %Y", language: "de" });
  const march2024 = Date.UTC(2024, 2, 1);

  it("financial years read as the file writes them, not as the calendar year they start in", () => {
    expect(formatTimeLabel(Date.UTC(2019, 0, 1), fy)).toBe("2019/20");
    expect(formatTimeLabel(Date.UTC(1999, 0, 1), fy, true)).toBe("1999/00");
    expect(formatTimeTick(Date.UTC(2020, 0, 1), fy, 30 * 365 * 86_400_000)).toBe("2020/21");
  });

  it("month names are written in English on ticks, tooltips, days and ranges, whatever the file's language", () => {
    expect(formatTimeLabel(march2024, german)).toBe("Mar 2024");
    expect(formatTimeTick(Date.UTC(2024, 4, 1), german, 3 * 365 * 86_400_000)).toBe("May 2024");
    const daily = toTimeLabelStyle("daily", { kind: "pattern", pattern: "%-d. %B %Y", language: "de" });
    expect(formatTimeLabel(Date.UTC(2024, 11, 24), daily)).toBe("24 Dec 2024");
    // Destatis' `Jan. 2019` … `Okt. 2024`: the data card read "Okt 2024" where the datasets list read "Oct 2024".
    const destatis: TimeFormat = { kind: "pattern", pattern: "%B %Y", language: "de", monthNames: ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."] };
    const range = formatTimeRange(Date.UTC(2019, 0, 1), Date.UTC(2024, 9, 1), toSeriesLabelStyle({ frequency: { kind: "monthly" }, timeFormat: destatis }));
    expect(range).toBe("Jan 2019 – Oct 2024");
    expect(range).toBe(formatTimeRange(Date.UTC(2019, 0, 1), Date.UTC(2024, 9, 1), "monthly"));
  });

  it.each([
    ["%Y H%h", Date.UTC(2010, 6, 1), "2010 H2"],
    ["%YS%h", Date.UTC(2011, 0, 1), "2011 H1"],
    ["H%h %Y", Date.UTC(2011, 0, 1), "2011 H1"],
  ])("half-years written %s are labelled by the half, not its first day", (pattern, ms, text) => {
    const halves = toTimeLabelStyle("fixed", { kind: "pattern", pattern });
    expect([formatTimeLabel(ms, halves), formatTimeTick(ms, halves, 4 * 365 * 86_400_000)]).toEqual([text, text]);
    expect(formatTimeTick(ms, halves, 10 * 365 * 86_400_000)).toBe(text.slice(0, 4));
    expect(formatTimeRange(Date.UTC(2010, 0, 1), Date.UTC(2021, 6, 1), halves)).toBe("2010 H1 – 2021 H2");
  });

  it("fiscal quarters are labelled FY23 Q1, never as the calendar quarter they are held as", () => {
    const fiscal = toTimeLabelStyle("quarterly", { kind: "pattern", pattern: "Q%q FY%Y" });
    const q3 = Date.UTC(2023, 6, 1);
    expect([formatTimeLabel(q3, fiscal), formatTimeTick(q3, fiscal, 4 * 365 * 86_400_000), formatTimeTick(q3, fiscal, 10 * 365 * 86_400_000)]).toEqual(["FY23 Q3", "FY23 Q3", "FY23"]);
    expect(toTimeLabelStyle("quarterly", { kind: "pattern", pattern: "%Y Q%q" })).toBe("quarterly");
  });

  it("a monthly series zoomed to a few months keeps month ticks, not days", () => {
    expect(formatTimeTick(Date.UTC(1997, 6, 1), "monthly", 31 * 86_400_000)).toBe("Jul 1997");
    expect(formatTimeTick(Date.UTC(1997, 6, 1), "daily", 31 * 86_400_000)).toBe("1 Jul");
  });

  it("other files keep the plain labels", () => {
    expect(toTimeLabelStyle("monthly", { kind: "pattern", pattern: "%Ym%-m" })).toBe("monthly");
    expect(toTimeLabelStyle("yearly", { kind: "pattern", pattern: "%Y" })).toBe("yearly");
    expect(toTimeLabelStyle("hourly", { kind: "excel-serial", decimals: 6 })).toBe("hourly");
    expect(toTimeLabelStyle("monthly", undefined)).toBe("monthly");
    expect(formatTimeLabel(march2024, toTimeLabelStyle("monthly", { kind: "pattern", pattern: "%b %Y", language: "en" }))).toBe("Mar 2024");
  });
});

describe("formatTimeRange", () => {
  it.each([
    [Date.UTC(2018, 0, 1), Date.UTC(2023, 11, 1), "monthly", "Jan 2018 – Dec 2023"],
    [Date.UTC(2025, 2, 1), Date.UTC(2025, 3, 29), "daily", "1 Mar 2025 – 29 Apr 2025"],
    [0, 71, "index", "#1 – #72"],
    // Once one end shows a time, both do: the hourly year read "1 Jan 2024 – 31 Dec 2024 23:00".
    [Date.UTC(2024, 0, 1), Date.UTC(2024, 11, 31, 23), "hourly", "1 Jan 2024 00:00 – 31 Dec 2024 23:00"],
    [Date.UTC(2024, 0, 1, 1), Date.UTC(2025, 0, 1), "hourly", "1 Jan 2024 01:00 – 1 Jan 2025 00:00"],
    [Date.UTC(2023, 0, 1), Date.UTC(2023, 0, 1, 7, 59, 30), "secondly", "1 Jan 2023 00:00:00 – 1 Jan 2023 07:59:30"],
    [Date.UTC(2024, 0, 1), Date.UTC(2024, 11, 31), "hourly", "1 Jan 2024 – 31 Dec 2024"],
    [Date.UTC(2024, 0, 1), Date.UTC(2024, 11, 31), "daily", "1 Jan 2024 – 31 Dec 2024"],
  ] as const)("%i to %i, %s, reads %s", (start, end, style, expected) => {
    expect(formatTimeRange(start, end, style)).toBe(expected);
  });

  it("keeps a single label's own choice: midnight alone is the day", () => {
    expect(formatTimeLabel(Date.UTC(2024, 0, 1), "hourly")).toBe("1 Jan 2024");
  });
});
