import { describe, expect, it } from "vitest";
import { clockChangeDay, toSettlementMinutes, toSettlementPeriod } from "./settlement-period";

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const at = (iso: string) => Date.parse(`${iso}Z`);

describe("settlement periods on the UK clock", () => {
  it.each([
    // [date, periods that day]
    ["2023-03-25", 48],
    ["2023-03-26", 46],
    ["2023-10-28", 48],
    ["2023-10-29", 50],
    ["2024-03-31", 46],
    ["2024-10-27", 50],
  ] as const)("%s: every period's start reads back as that period (%i periods)", (date, periods) => {
    const back = Array.from({ length: periods }, (_, p) => toSettlementPeriod(day(date) + toSettlementMinutes(day(date), p + 1) * 60_000));
    const expected = Array.from({ length: periods }, (_, p) => ({ day: day(date), period: p + 1 }));
    if (periods === 50) {
      // 01:00 and 01:30 come twice; read back, both are the first (periods 3 and 4).
      expected[4] = { day: day(date), period: 3 };
      expected[5] = { day: day(date), period: 4 };
    }
    expect(back).toEqual(expected);
  });

  it.each([
    ["2023-03-26T00:30:00", 2],
    ["2023-03-26T01:00:00", null],
    ["2023-03-26T01:30:00", null],
    ["2023-03-26T02:00:00", 3],
    ["2023-03-26T23:30:00", 46],
    ["2023-10-29T01:30:00", 4],
    ["2023-10-29T02:00:00", 7],
    ["2023-10-29T23:30:00", 50],
    ["2023-10-30T00:00:00", 1],
    ["2023-10-30T23:30:00", 48],
    ["2023-10-30T23:15:00", null],
  ] as const)("%s is period %s", (time, period) => {
    expect(toSettlementPeriod(at(time))).toEqual({ day: day(time.slice(0, 10)), period });
  });

  it("knows the days clocks change: the last Sundays of March and October", () => {
    expect([day("2023-03-26"), day("2023-10-29"), day("2023-03-19"), day("2023-10-22"), day("2023-06-25")].map(clockChangeDay)).toEqual(["spring", "autumn", null, null, null]);
  });
});
