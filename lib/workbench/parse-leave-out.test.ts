import { describe, expect, it } from "vitest";
import { parseLeaveOutArgument, parseLeaveOutFields, parseLeaveOutPeriod, toLeaveOutInputKind } from "./parse-leave-out";

const MONTHS = { kind: "pattern", pattern: "%Y-%m" } as const;

describe("parseLeaveOutArgument", () => {
  it("reads periods in the file's own time format, both ends included, several separated by commas", () => {
    expect(parseLeaveOutArgument("2020-03..2021-06", MONTHS)).toEqual({ ok: true, data: [{ from: Date.UTC(2020, 2, 1), to: Date.UTC(2021, 5, 1) }] });
    expect(parseLeaveOutArgument("2008-10..2009-03, 2020-04", MONTHS)).toEqual({
      ok: true,
      data: [
        { from: Date.UTC(2008, 9, 1), to: Date.UTC(2009, 2, 1) },
        { from: Date.UTC(2020, 3, 1), to: Date.UTC(2020, 3, 1) },
      ],
    });
    expect(parseLeaveOutArgument("Mar 2020..Jun 2021", { kind: "pattern", pattern: "%b %Y" })).toEqual({ ok: true, data: [{ from: Date.UTC(2020, 2, 1), to: Date.UTC(2021, 5, 1) }] });
  });

  it("says which time does not read and how the file writes times", () => {
    expect(parseLeaveOutArgument("2020-03..June 2021", MONTHS, Date.UTC(2024, 11, 1))).toEqual({
      ok: false,
      reason: 'The end of the period to leave out, "June 2021", is not a time: write it as the file writes its times (YYYY-MM, e.g. "2024-12").',
    });
    expect(parseLeaveOutArgument("2021-06..2020-03", MONTHS)).toEqual({ ok: false, reason: "The period to leave out ends (2020-03) before it starts (2021-06)." });
    expect(parseLeaveOutArgument("2020-03..", MONTHS).ok).toBe(false);
  });

  it("reads a numbered series' positions from 1, as the app shows them", () => {
    expect(parseLeaveOutPeriod("#11", "20", { kind: "index" })).toEqual({ ok: true, data: { from: 10, to: 19 } });
  });
});

describe("parseLeaveOutFields", () => {
  it("takes whole months, days and years, so that a period's last month holds every value in it", () => {
    expect(parseLeaveOutFields([{ from: "2020-03", to: "2021-06" }], "monthly")).toEqual({ ok: true, data: [{ from: Date.UTC(2020, 2, 1), to: Date.UTC(2021, 6, 1) - 1 }] });
    expect(parseLeaveOutFields([{ from: "2020-03-15", to: "2020-03-15" }], "daily")).toEqual({ ok: true, data: [{ from: Date.UTC(2020, 2, 15), to: Date.UTC(2020, 2, 16) - 1 }] });
    expect(parseLeaveOutFields([{ from: "2009", to: "2010" }], "yearly")).toEqual({ ok: true, data: [{ from: Date.UTC(2009, 0, 1), to: Date.UTC(2011, 0, 1) - 1 }] });
    expect(parseLeaveOutFields([], "monthly")).toEqual({ ok: true, data: [] });
    expect(toLeaveOutInputKind("monthly")).toBe("month");
    expect(toLeaveOutInputKind("hourly")).toBe("datetime-local");
  });

  it("says which period is wrong and why", () => {
    const two = [{ from: "2012-01", to: "2012-03" }, { from: "2021-06", to: "2020-03" }];
    expect(parseLeaveOutFields(two, "monthly")).toEqual({ ok: false, reason: "Period 2 to leave out ends (2020-03) before it starts (2021-06)." });
    expect(parseLeaveOutFields([{ from: "2020-03", to: "" }], "monthly")).toEqual({ ok: false, reason: "The period to leave out needs a start and an end (a month (YYYY-MM)), or remove it." });
  });

  it.each([
    ["a month 13, which rolled over to January 2021", "monthly", "2020-13", "a month (YYYY-MM)"],
    ["a day February does not have", "daily", "2021-02-30", "a date (YYYY-MM-DD)"],
    ["an hour 24", "hourly", "2020-01-01T24:00", "a date and time (YYYY-MM-DDTHH:MM)"],
    ["a period written into one field", "monthly", "Mar 2020 – Jun", "a month (YYYY-MM)"],
  ] as const)("refuses %s", (_, kind, from, format) => {
    expect(parseLeaveOutFields([{ from, to: from }], kind)).toEqual({ ok: false, reason: `The period to leave out starts at ${JSON.stringify(from)}, which is not ${format}.` });
  });
});
