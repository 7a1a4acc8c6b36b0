import { describe, expect, it } from "vitest";
import { aggregateSeries, mentionsAggregate, toAggregationIssues, withAggregate, type AggregateOptions, type AggregatedSeries } from "./aggregate";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (iso: string) => Date.parse(`${iso}Z`);
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Rows as `[time, value]` pairs; `null` is an empty cell. */
function group(rows: [string, number | null][], options: AggregateOptions): AggregatedSeries {
  const times = Float64Array.from(rows.map(([t]) => at(t)));
  const values = Float64Array.from(rows.map(([, v]) => v ?? Number.NaN));
  const result = aggregateSeries(times, values, options);
  if (!result.ok) throw new Error(result.reason);
  return result.data;
}

const points = (series: AggregatedSeries) => Array.from(series.times, (t, i) => [day(t), Number.isNaN(series.values[i]) ? null : series.values[i]]);

describe("aggregateSeries", () => {
  const log: [string, number | null][] = [
    ["2025-03-03T09:15:00", 10],
    ["2025-03-03T12:00:00", 5.5],
    ["2025-03-03T12:00:00", 4.5], // two sales at the same time: both count
    ["2025-03-04T10:30:00", 7],
    ["2025-03-06T11:00:00", 3],
    ["2025-03-06T17:45:00", 2],
  ];

  it.each([
    ["sum", "0", [["2025-03-03", 20], ["2025-03-04", 7], ["2025-03-05", 0], ["2025-03-06", 5]]],
    ["mean", "missing", [["2025-03-03", 20 / 3], ["2025-03-04", 7], ["2025-03-05", null], ["2025-03-06", 2.5]]],
    ["last", "missing", [["2025-03-03", 4.5], ["2025-03-04", 7], ["2025-03-05", null], ["2025-03-06", 2]]],
  ] as const)("by day, %s: a day without rows is %s", (by, _empty, expected) => {
    const out = group(log, { period: "day", by });
    expect(points(out)).toEqual(expected);
    expect(out.emptyPeriods).toBe(1);
    expect(out.droppedFirst).toBeNull();
    expect(out.droppedLast).toBeNull();
  });

  it("cuts weeks on Mondays: Sunday night and Monday morning are in different weeks", () => {
    const out = group(
      [
        ["2025-03-09T23:59:00", 1], // Sunday
        ["2025-03-10T00:01:00", 2], // Monday
        ["2025-03-16T12:00:00", 4], // Sunday
        ["2025-03-17T08:00:00", 8], // Monday
      ],
      { period: "week", by: "mean" },
    );
    expect(points(out)).toEqual([
      ["2025-03-03", 1],
      ["2025-03-10", 3],
      ["2025-03-17", 8],
    ]);
  });

  it("groups by month, quarter and year on calendar boundaries", () => {
    const rows: [string, number][] = [
      ["2024-01-31T23:00:00", 1],
      ["2024-02-01T00:00:00", 2],
      ["2024-02-29T12:00:00", 4],
      ["2024-03-31T23:59:59", 8],
      ["2024-04-01T00:00:00", 16],
      ["2025-01-01T00:00:00", 32],
    ];
    const monthly = group(rows, { period: "month", by: "mean" });
    expect(points(monthly).slice(0, 4)).toEqual([
      ["2024-01-01", 1],
      ["2024-02-01", 3],
      ["2024-03-01", 8],
      ["2024-04-01", 16],
    ]);
    expect(monthly.times.length).toBe(13);
    expect(points(group(rows, { period: "quarter", by: "mean" }))).toEqual([
      ["2024-01-01", 15 / 4],
      ["2024-04-01", 16],
      ["2024-07-01", null],
      ["2024-10-01", null],
      ["2025-01-01", 32],
    ]);
    expect(points(group(rows, { period: "year", by: "last" }))).toEqual([
      ["2024-01-01", 16],
      ["2025-01-01", 32],
    ]);
  });

  it("leaves missing cells out of sums, means and last values; a period of only empty cells is missing, not 0", () => {
    const rows: [string, number | null][] = [
      ["2025-03-03T09:00:00", 4],
      ["2025-03-03T10:00:00", null],
      ["2025-03-03T11:00:00", 2],
      ["2025-03-03T12:00:00", null],
      ["2025-03-04T09:00:00", null],
      ["2025-03-05T09:00:00", 1],
    ];
    const sum = group(rows, { period: "day", by: "sum" });
    expect(points(sum)).toEqual([
      ["2025-03-03", 6],
      ["2025-03-04", null],
      ["2025-03-05", 1],
    ]);
    expect([sum.emptyPeriods, sum.blankPeriods]).toEqual([0, 1]);
    expect(points(group(rows, { period: "day", by: "mean" }))[0]).toEqual(["2025-03-03", 3]);
    expect(points(group(rows, { period: "day", by: "last" }))[0]).toEqual(["2025-03-03", 2]);
  });

  it("starts at the first value and ends at the last: empty cells before and after are not periods", () => {
    const out = group(
      [
        ["2025-01-01T00:00:00", null],
        ["2025-02-01T00:00:00", null],
        ["2025-03-01T00:00:00", 5],
        ["2025-04-01T00:00:00", 6],
        ["2025-05-01T00:00:00", null],
      ],
      { period: "quarter", by: "sum" },
    );
    expect(points(out)).toEqual([
      ["2025-01-01", 5],
      ["2025-04-01", 6],
    ]);
  });

  it("adds totals of cents up to cents", () => {
    const out = group(
      [
        ["2025-03-03T09:00:00", 12.34],
        ["2025-03-03T10:00:00", 5.66],
        ["2025-03-03T11:00:00", 0.1],
        ["2025-03-03T12:00:00", 0.2],
      ],
      { period: "day", by: "sum" },
    );
    expect(out.values[0]).toBe(18.3);
  });

  describe("a partial first or last period", () => {
    /** Hourly readings from `from` to `to` (inclusive), value 1 each. */
    const hourly = (from: string, to: string): [string, number][] => {
      const out: [string, number][] = [];
      for (let t = at(from); t <= at(to); t += HOUR) out.push([new Date(t).toISOString().slice(0, 19), 1]);
      return out;
    };

    it("is left out of sums: data starting on the 17th and ending on the 12th", () => {
      const out = group(hourly("2025-01-17T00:00:00", "2025-06-12T14:00:00"), { period: "month", by: "sum" });
      expect(points(out).map(([d]) => d)).toEqual(["2025-02-01", "2025-03-01", "2025-04-01", "2025-05-01"]);
      expect(out.droppedFirst).toEqual({ start: at("2025-01-01T00:00:00"), row: at("2025-01-17T00:00:00") });
      expect(out.droppedLast).toEqual({ start: at("2025-06-01T00:00:00"), row: at("2025-06-12T14:00:00") });
      // Each month kept is whole: 24 readings a day.
      expect(Array.from(out.values)).toEqual([28 * 24, 31 * 24, 30 * 24, 31 * 24]);
    });

    it("is kept when the data fill it: a month from 00:00 on the 1st to 23:00 on its last day", () => {
      const out = group(hourly("2025-01-01T00:00:00", "2025-06-30T23:00:00"), { period: "month", by: "sum" });
      expect(out.times.length).toBe(6);
      expect([out.droppedFirst, out.droppedLast]).toEqual([null, null]);
    });

    it("is left out when regular data lack even one step at its edge: a month of daily data from the 2nd, a quarter of two months", () => {
      const daily: [string, number][] = [];
      for (let t = at("2025-01-02T00:00:00"); t <= at("2025-04-30T00:00:00"); t += DAY) daily.push([new Date(t).toISOString().slice(0, 19), 1]);
      const months = group(daily, { period: "month", by: "sum" });
      expect(Array.from(months.values)).toEqual([28, 31, 30]);
      expect(months.droppedFirst?.start).toBe(at("2025-01-01T00:00:00"));
      const monthly: [string, number][] = Array.from({ length: 11 }, (_, i) => [new Date(Date.UTC(2024, i, 1)).toISOString().slice(0, 19), 1]);
      const quarters = group(monthly, { period: "quarter", by: "sum" });
      expect(Array.from(quarters.values)).toEqual([3, 3, 3]);
      expect(quarters.droppedLast?.start).toBe(at("2024-10-01T00:00:00"));
    });

    it("is kept when weekly data start in the first week of a month, however the weeks fall", () => {
      const weekly: [string, number][] = Array.from({ length: 26 }, (_, i) => [new Date(at("2025-01-05T00:00:00") + i * 7 * DAY).toISOString().slice(0, 19), 1]);
      const out = group(weekly, { period: "month", by: "sum" });
      expect(out.droppedFirst).toBeNull();
      expect(points(out)[0]).toEqual(["2025-01-01", 4]);
    });

    it("is measured against the other periods: a shop's first day opening at 09:00 is whole, one starting at 15:00 is not", () => {
      const shop = (firstOpening: string): [string, number][] => {
        const rows: [string, number][] = [];
        for (let d = 3; d <= 9; d++) {
          for (let h = 9; h < 18; h++) {
            const time = `2025-03-0${d}T${String(h).padStart(2, "0")}:${d % 2 ? "05" : "40"}:00`;
            if (d > 3 || time >= `2025-03-03T${firstOpening}`) rows.push([time, 2]);
          }
        }
        return rows;
      };
      expect(group(shop("09:00:00"), { period: "day", by: "sum" }).droppedFirst).toBeNull();
      const late = group(shop("15:00:00"), { period: "day", by: "sum" });
      expect(late.droppedFirst?.start).toBe(at("2025-03-03T00:00:00"));
      expect(late.droppedLast).toBeNull();
      expect(late.times.length).toBe(6);
    });

    it("is kept for means and last values, and in a series of fewer than three periods", () => {
      const rows = hourly("2025-01-17T00:00:00", "2025-06-12T14:00:00");
      expect(group(rows, { period: "month", by: "mean" }).times.length).toBe(6);
      expect(group(rows, { period: "month", by: "last" }).times.length).toBe(6);
      expect(group(hourly("2025-01-17T00:00:00", "2025-02-12T14:00:00"), { period: "month", by: "sum" }).times.length).toBe(2);
    });
  });

  it("refuses a period so short that nearly all of it would be empty", () => {
    const result = aggregateSeries(Float64Array.from([0, 400 * 365 * DAY]), Float64Array.from([1, 2]), { period: "hour", by: "sum" });
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/^Grouping by hour would make more than 2,000,000 hours from 2 rows, nearly all of them empty\. Choose a longer period\.$/) });
  });
});

describe("toAggregationIssues", () => {
  const result = (starts: string[], extra: Partial<AggregatedSeries> = {}): AggregatedSeries => ({
    times: Float64Array.from(starts.map((s) => at(`${s}T00:00:00`))),
    values: new Float64Array(starts.length),
    emptyPeriods: 0,
    blankPeriods: 0,
    droppedFirst: null,
    droppedLast: null,
    ...extra,
  });
  const months = ["2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01", "2025-05-01", "2025-06-01"];
  const rowLabel = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace("T", " ");

  it("says what was done, what was left out and what is 0, in plain words", () => {
    const issues = toAggregationIssues({
      options: { period: "month", by: "sum" },
      rowCount: 1424,
      grouped: [{ name: "amount", result: result(months, { emptyPeriods: 2, droppedLast: { start: at("2025-07-01T00:00:00"), row: at("2025-07-12T14:03:00") } }) }],
      unchanged: [],
      several: false,
      rowLabel,
    });
    expect(issues.map((i) => i.message)).toEqual([
      "Rows were added up by month: 1,424 rows → 6 months (Jan 2025 – Jun 2025).",
      "The last month, Jul 2025, was left out: the rows end at `2025-07-12 14:03`, partway through it, so its total would cover only part of the month and read as a drop.",
      "2 of the 6 months have no rows, so their totals are 0.",
    ]);
    expect(issues.every((i) => i.kind === "note")).toBe(true);
  });

  it("names the series of a long file, and counts the rest beyond five", () => {
    const grouped = ["a", "b", "c", "d", "e", "f", "g"].map((name, k) => ({ name, result: result(k === 0 ? months.slice(1) : months, { emptyPeriods: 1 }) }));
    const issues = toAggregationIssues({ options: { period: "month", by: "mean" }, rowCount: 900, grouped, unchanged: [], several: true, rowLabel }).map((i) => i.message);
    expect(issues[0]).toBe("Rows were averaged by month, series by series: 900 rows → 7 series of 5 to 6 months (Jan 2025 – Jun 2025).");
    expect(issues[1]).toBe("Series `a`: 1 of the 5 months has no values; it is a missing value, which the forecaster fills by linear interpolation.");
    expect(issues).toHaveLength(7);
    expect(issues[6]).toBe("2 more series have months without rows as well.");
  });

  it("counts series, not notes, beyond five: a series cut at both ends is one note", () => {
    const cut = { droppedFirst: { start: at("2024-12-01T00:00:00"), row: at("2024-12-15T10:00:00") }, droppedLast: { start: at("2025-07-01T00:00:00"), row: at("2025-07-12T14:03:00") } };
    const grouped = ["a", "b", "c", "d", "e", "f", "g"].map((name) => ({ name, result: result(months, cut) }));
    const issues = toAggregationIssues({ options: { period: "month", by: "sum" }, rowCount: 900, grouped, unchanged: [], several: true, rowLabel }).map((i) => i.message);
    expect(issues[1]).toBe(
      "Series `a`: the first and last months, Dec 2024 and Jul 2025, were left out: the rows start at `2024-12-15 10:00` and end at `2025-07-12 14:03`, partway through them, so their totals would cover only part of each month and read as drops.",
    );
    expect(issues.slice(1, 6).map((m) => m.slice(0, 10))).toEqual(["Series `a`", "Series `b`", "Series `c`", "Series `d`", "Series `e`"]);
    // 7 series with 14 cut ends: 2 series remain (the note per end counted 9).
    expect(issues[6]).toBe("A first or last month covered only in part was left out of 2 more series in the same way.");
  });

  it("says when grouping changed nothing", () => {
    const unchanged = toAggregationIssues({ options: { period: "day", by: "sum" }, rowCount: 30, grouped: [], unchanged: [{ name: "v", frequency: { kind: "daily", step: { unit: "ms", ms: DAY }, seasonLength: 7, label: "daily", gapCount: 0 } }], several: false, rowLabel });
    expect(unchanged.map((i) => i.message)).toEqual(["The file is already daily, so grouping its rows by day changed nothing."]);
  });

  it("the last-value wording, and weeks named by their Monday", () => {
    const weeks = ["2025-03-03", "2025-03-10", "2025-03-17"];
    const [note] = toAggregationIssues({ options: { period: "week", by: "last" }, rowCount: 21, grouped: [{ name: "v", result: result(weeks) }], unchanged: [], several: false, rowLabel });
    expect(note?.message).toBe("Rows were grouped by week, keeping the last value of each: 21 rows → 3 weeks (weeks of 3 Mar 2025 – 17 Mar 2025).");
  });
});

describe("mentionsAggregate", () => {
  it.each([
    ["… group its rows by a period on import (CLI: --aggregate day).", true],
    ["… choose to add them up on import (CLI: --repeated-times sum).", false],
    [null, false],
  ] as const)("%s → %s", (message, expected) => {
    expect(mentionsAggregate(message)).toBe(expected);
  });
});

describe("withAggregate", () => {
  it.each([
    [{}, "day", undefined, { aggregate: { period: "day", by: "sum" } }],
    [{ decimal: "," }, "week", "mean", { decimal: ",", aggregate: { period: "week", by: "mean" } }],
    // Another period keeps the way of combining already chosen.
    [{ aggregate: { period: "day", by: "last" } }, "month", undefined, { aggregate: { period: "month", by: "last" } }],
    [{ aggregate: { period: "day", by: "mean" } }, "day", "sum", { aggregate: { period: "day", by: "sum" } }],
    // "As in the file" takes the choice away.
    [{ decimal: ",", aggregate: { period: "day", by: "mean" } }, "", undefined, { decimal: "," }],
    [{}, "fortnight", "sum", {}],
    [{}, "year", "max", { aggregate: { period: "year", by: "sum" } }],
  ] as const)("%j, period %j, by %j → %j", (options, period, by, expected) => {
    expect(withAggregate(options, period, by)).toEqual(expected);
  });
});

describe("aggregateSeries at the edges", () => {
  it("begins and ends with a value when the period after a partial first one has only empty cells", () => {
    const rows: [string, number | null][] = [["2025-03-01T20:00:00", 5], ["2025-03-02T09:00:00", null], ["2025-03-02T15:00:00", null]];
    for (let d = 3; d <= 6; d++) rows.push([`2025-03-0${d}T09:00:00`, d], [`2025-03-0${d}T18:00:00`, d]);
    const sums = group(rows, { period: "day", by: "sum" });
    expect(points(sums)).toEqual([["2025-03-03", 6], ["2025-03-04", 8], ["2025-03-05", 10], ["2025-03-06", 12]]);
    expect(sums.blankPeriods).toBe(0);
    // A column with no value at all still spans its periods, every one missing.
    expect(points(group([["2025-03-01T09:00:00", null], ["2025-03-02T09:00:00", null]], { period: "day", by: "sum" }))).toEqual([["2025-03-01", null], ["2025-03-02", null]]);
  });
});
