import { describe, expect, it } from "vitest";
import { checkLeaveOutRows, parseLeaveOutArgument, parseLeaveOutFields, parseLeaveOutPeriod, reportOnTrain, reportsOnLeave, shownLeaveOutProblem, toLeaveOutInputKind } from "./parse-leave-out";

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

  it("names a time that does not read before an empty field, so leaving the field says Train's sentence", () => {
    const reason = 'The period to leave out starts at "Mar 2020 – Jun", which is not a month (YYYY-MM).';
    expect(checkLeaveOutRows([{ from: "Mar 2020 – Jun", to: "" }], "monthly")).toEqual([{ ok: false, reason, fields: ["from"], empty: false }]);
    expect(parseLeaveOutFields([{ from: "Mar 2020 – Jun", to: "" }], "monthly")).toEqual({ ok: false, reason });
  });
});

describe("reportsOnLeave and shownLeaveOutProblem", () => {
  const none = { from: false, to: false };
  const check = (from: string, to: string) => checkLeaveOutRows([{ from, to }], "monthly")[0]!;

  it("says nothing while a field is typed the first time, then the problem on leaving it", () => {
    const backwards = check("2021-06", "2020-03");
    expect(shownLeaveOutProblem(backwards, none)).toBeNull();
    expect(reportsOnLeave(backwards, "to")).toBe(true);
    expect(shownLeaveOutProblem(backwards, { from: false, to: true })).toMatchObject({ reason: "The period to leave out ends (2020-03) before it starts (2021-06).", fields: ["from", "to"] });
  });

  it("follows each change once said, and is gone as soon as the period reads", () => {
    const reported = { from: false, to: true };
    expect(shownLeaveOutProblem(check("2021-06", "2021-0"), reported)?.reason).toBe('The period to leave out ends at "2021-0", which is not a month (YYYY-MM).');
    expect(shownLeaveOutProblem(check("2021-06", "2021-09"), reported)).toBeNull();
    // A problem about the other field waits for that field to be left.
    expect(shownLeaveOutProblem(check("2021-13", "2021-09"), reported)).toBeNull();
  });

  it("leaves an empty field to Train unless the browser holds a half-typed time in it", () => {
    const empty = check("2021-06", "");
    expect(reportsOnLeave(empty, "to")).toBe(false);
    expect(reportsOnLeave(empty, "from")).toBe(false);
    expect(reportsOnLeave(empty, "to", true)).toBe(true);
    expect(reportsOnLeave(check("2021-06", "2021-09"), "to", true)).toBe(false);
  });

  it("says every period's problem on Train, an empty field's too", () => {
    const rows = [
      { from: "2020-03", to: "2020-06" },
      { from: "2021-06", to: "" },
    ];
    const checks = checkLeaveOutRows(rows, "monthly");
    const reported = reportOnTrain(checks, [none, none]);
    expect(reported).toEqual([none, { from: false, to: true }]);
    expect(shownLeaveOutProblem(checks[1]!, reported[1]!)?.reason).toBe("Period 2 to leave out needs a start and an end (a month (YYYY-MM)), or remove it.");
  });
});
