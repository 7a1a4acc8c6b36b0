import { describe, expect, it } from "vitest";
import { readDataset } from "../csv/read-dataset";
import { nextTimes } from "./frequency";
import { formatTime } from "./time-format";

/** A file of `date,sales` rows, the times quoted where they hold a comma, as spreadsheets save them. */
function toFile(times: string[]): string {
  const rows = times.map((t, i) => `${t.includes(",") ? `"${t}"` : t},${(100 + 10 * Math.sin(i / 2) + i).toFixed(1)}`);
  return `date,sales\n${rows.join("\n")}\n`;
}

/** 60 quarters from Q1 2005 to Q4 2019, each written by `write(quarter 1–4, year)`. */
function quarters(write: (quarter: number, year: number) => string): string[] {
  return Array.from({ length: 60 }, (_, i) => write((i % 4) + 1, 2005 + Math.floor(i / 4)));
}

const yy = (year: number) => String(year % 100).padStart(2, "0");
const days = (first: number, count: number, step = 86_400_000) => Array.from({ length: count }, (_, i) => first + i * step);

describe("whole files with these times are read on a calendar, and forecast steps continue their style", () => {
  it.each([
    ["Q1-15", quarters((q, y) => `Q${q}-${yy(y)}`), "quarterly", ["Q1-20", "Q2-20"]],
    ["1Q2015", quarters((q, y) => `${q}Q${y}`), "quarterly", ["1Q2020", "2Q2020"]],
    ["1Q15", quarters((q, y) => `${q}Q${yy(y)}`), "quarterly", ["1Q20", "2Q20"]],
    ["Q1 2015", quarters((q, y) => `Q${q} ${y}`), "quarterly", ["Q1 2020", "Q2 2020"]],
    ["2015q1", quarters((q, y) => `${y}q${q}`), "quarterly", ["2020q1", "2020q2"]],
    ["q1-15", quarters((q, y) => `q${q}-${yy(y)}`), "quarterly", ["q1-20", "q2-20"]],
    ["1q15", quarters((q, y) => `${q}q${yy(y)}`), "quarterly", ["1q20", "2q20"]],
    ["2023.01.15", days(Date.UTC(2023, 0, 1), 90).map((t) => formatTime(t, { kind: "pattern", pattern: "%Y.%m.%d" })), "daily", ["2023.04.01", "2023.04.02"]],
    ["2023.01.15 13:45", days(Date.UTC(2023, 0, 1), 72, 3_600_000).map((t) => formatTime(t, { kind: "pattern", pattern: "%Y.%m.%d %H:%M" })), "hourly", ["2023.01.04 00:00", "2023.01.04 01:00"]],
    ["2024-W05-1", days(Date.UTC(2024, 0, 1), 60).map((t) => formatTime(t, { kind: "pattern", pattern: "%G-W%V-%u" })), "daily", ["2024-W09-5", "2024-W09-6"]],
    ["Sun, 01 Jan 2023 13:45:00 GMT", days(Date.UTC(2023, 0, 1), 48, 3_600_000).map((t) => formatTime(t, { kind: "pattern", pattern: "%a, %d %b %Y %H:%M:%S GMT" })), "hourly", ["Tue, 03 Jan 2023 00:00:00 GMT", "Tue, 03 Jan 2023 01:00:00 GMT"]],
    ["Sun, 01 Jan 2023 13:45:00 +0000", days(Date.UTC(2023, 0, 1), 48, 3_600_000).map((t) => formatTime(t, { kind: "pattern", pattern: "%a, %d %b %Y %H:%M:%S +0000" })), "hourly", ["Tue, 03 Jan 2023 00:00:00 +0000", "Tue, 03 Jan 2023 01:00:00 +0000"]],
    ["KW 05 2024", days(Date.UTC(2024, 0, 1), 30, 7 * 86_400_000).map((t) => formatTime(t, { kind: "pattern", pattern: "KW %V %G" })), "weekly", ["KW 31 2024", "KW 32 2024"]],
  ])("%s", (_style, times, frequency, next) => {
    const read = readDataset(toFile(times));
    if (!read.ok) throw new Error(read.reason);
    const series = read.data.series[0]!;
    expect(read.data.timeColumn).toBe("date");
    expect(series.frequency.kind).toBe(frequency);
    expect(series.times.length).toBe(times.length);
    const last = series.times[series.times.length - 1] as number;
    expect(nextTimes(last, series.frequency, 2).map((t) => formatTime(t, read.data.timeFormat))).toEqual(next);
  });
});

/** 24 half-years from H1 2010 to H2 2021, each written by `write(half 1–2, year)`. */
function halves(write: (half: number, year: number) => string): string[] {
  return Array.from({ length: 24 }, (_, i) => write((i % 2) + 1, 2010 + Math.floor(i / 2)));
}

describe("half-years are read as the half's first month, six months apart with a season of 2, and written back in the file's style", () => {
  it.each([
    ["2010 H1", halves((h, y) => `${y} H${h}`), ["2022 H1", "2022 H2", "2023 H1"]],
    ["2010-H1", halves((h, y) => `${y}-H${h}`), ["2022-H1", "2022-H2", "2023-H1"]],
    ["2010H1", halves((h, y) => `${y}H${h}`), ["2022H1", "2022H2", "2023H1"]],
    ["H1 2010", halves((h, y) => `H${h} ${y}`), ["H1 2022", "H2 2022", "H1 2023"]],
    // Eurostat's semesters.
    ["2010-S1", halves((h, y) => `${y}-S${h}`), ["2022-S1", "2022-S2", "2023-S1"]],
    ["2010S1", halves((h, y) => `${y}S${h}`), ["2022S1", "2022S2", "2023S1"]],
    ["2010 S2", halves((h, y) => `${y} S${h}`), ["2022 S1", "2022 S2", "2023 S1"]],
    ["2010h1", halves((h, y) => `${y}h${h}`), ["2022h1", "2022h2", "2023h1"]],
    ["h1 2010", halves((h, y) => `h${h} ${y}`), ["h1 2022", "h2 2022", "h1 2023"]],
  ])("%s", (_style, times, next) => {
    const read = readDataset(toFile(times));
    if (!read.ok) throw new Error(read.reason);
    const series = read.data.series[0]!;
    expect(read.data.timeColumn).toBe("date");
    expect(series.frequency).toMatchObject({ step: { unit: "month", months: 6 }, seasonLength: 2, gapCount: 0 });
    expect([series.times[0], series.times[1]]).toEqual([Date.UTC(2010, 0, 1), Date.UTC(2010, 6, 1)]);
    expect(read.data.issues.map((i) => i.message)).toEqual([]);
    const last = series.times[series.times.length - 1] as number;
    expect(nextTimes(last, series.frequency, 3).map((t) => formatTime(t, read.data.timeFormat))).toEqual(next);
  });

  it("a half-year that is neither 1 nor 2 is refused by row", () => {
    const read = readDataset(toFile([...halves((h, y) => `${y} H${h}`).slice(0, 4), "2012 H3"]));
    expect(read).toMatchObject({ ok: false, reason: "Row 6, column `date`: `2012 H3` is not a date like the others (YYYY Hn). Correct it or delete the row." });
  });
});

describe("fiscal quarters are read as numbered quarters, written back in the file's style, and given no calendar months", () => {
  it.each([
    ["FY23 Q1", quarters((q, y) => `FY${yy(y)} Q${q}`), ["FY20 Q1", "FY20 Q2"], "FY%y Q%q"],
    ["FY2023-Q1", quarters((q, y) => `FY${y}-Q${q}`), ["FY2020-Q1", "FY2020-Q2"], "FY%Y-Q%q"],
    ["FY23Q1", quarters((q, y) => `FY${yy(y)}Q${q}`), ["FY20Q1", "FY20Q2"], "FY%yQ%q"],
    ["Q1 FY23", quarters((q, y) => `Q${q} FY${yy(y)}`), ["Q1 FY20", "Q2 FY20"], "Q%q FY%y"],
    ["Q1 FY2023", quarters((q, y) => `Q${q} FY${y}`), ["Q1 FY2020", "Q2 FY2020"], "Q%q FY%Y"],
    // In lower case, as pandas' and SQL exports write them: the file's letters, each as it is.
    ["fy21q1", quarters((q, y) => `fy${yy(y)}q${q}`), ["fy20q1", "fy20q2"], "fy%yq%q"],
    ["fy2021-q1", quarters((q, y) => `fy${y}-q${q}`), ["fy2020-q1", "fy2020-q2"], "fy%Y-q%q"],
    ["q1 fy21", quarters((q, y) => `q${q} fy${yy(y)}`), ["q1 fy20", "q2 fy20"], "q%q fy%y"],
    ["Fy21 Q1", quarters((q, y) => `Fy${yy(y)} Q${q}`), ["Fy20 Q1", "Fy20 Q2"], "Fy%y Q%q"],
  ])("%s", (_style, times, next, pattern) => {
    const read = readDataset(toFile(times));
    if (!read.ok) throw new Error(read.reason);
    const series = read.data.series[0]!;
    expect(read.data.timeFormat).toEqual({ kind: "pattern", pattern });
    expect(series.frequency).toMatchObject({ kind: "quarterly", seasonLength: 4, gapCount: 0 });
    expect(series.times.length).toBe(60);
    const last = series.times[series.times.length - 1] as number;
    expect(nextTimes(last, series.frequency, 2).map((t) => formatTime(t, read.data.timeFormat))).toEqual(next);
    expect(read.data.issues.map((i) => i.message)).toEqual([
      `Column \`date\` holds fiscal quarters (\`${times[0]}\`): they are read as numbered quarters, four to a fiscal year, and forecasts continue them (\`${formatTime(Date.UTC(2024, 0, 1), read.data.timeFormat)}\` after \`${formatTime(Date.UTC(2023, 9, 1), read.data.timeFormat)}\`). The month a fiscal year starts in is not known, so they are not placed on the calendar: the JSON export gives them no \`time\`.`,
    ]);
  });

  it("their rows are not grouped by a calendar period", () => {
    expect(readDataset(toFile(quarters((q, y) => `FY${yy(y)} Q${q}`)), { aggregate: { period: "year", by: "sum" } })).toEqual({
      ok: false,
      reason: "Column `date` holds fiscal quarters (`FY05 Q1`), and the month a fiscal year starts in is not known, so its rows cannot be grouped by year. Keep the rows as they are: fiscal quarters are forecast as quarters.",
    });
  });
});
