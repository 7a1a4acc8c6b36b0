import { describe, expect, it } from "vitest";
import { describeIntermittent, isIntermittent } from "./intermittent";

describe("intermittent series", () => {
  // A slow item: a sale of 2 every fifth day, nothing otherwise (rate 0.4 a day).
  const sales = Array.from({ length: 200 }, (_, t) => (t % 5 === 0 ? 2 : 0));

  it("counts a series as intermittent from 30% zeros", () => {
    expect(isIntermittent(sales)).toBe(true);
    expect(isIntermittent([0, 0, 0, 1, 1, 1, 1, 1, 1, 1])).toBe(true);
    expect(isIntermittent([0, 0, 1, 1, 1, 1, 1, 1, 1, 1])).toBe(false);
  });

  it("tells the average rate beside a median forecast of about 0", () => {
    expect(describeIntermittent(sales, new Array(14).fill(0))).toBe(
      " 80% of the last 140 values are 0, and the forecast is a median: it shows a typical step, not the average demand. " +
        "Those values average 0.4 a step (5.6 over the 14 steps ahead); plan stock on that, or on the upper bands.",
    );
  });

  it("says nothing when the forecast already carries the rate, or the series is not intermittent", () => {
    expect(describeIntermittent(sales, new Array(14).fill(0.4))).toBe("");
    expect(describeIntermittent(sales.map((v) => v + 1), new Array(14).fill(0))).toBe("");
  });
});
