import { describe, expect, it } from "vitest";
import { inferFrequency } from "../time/frequency";
import { withGapBreaks } from "./gap-breaks";

const MINUTE = 60_000;
const start = Date.UTC(2024, 8, 9, 18, 0);

/** Every 10 minutes from 18:00, without the readings from 20:00 to 01:50 (a logger's six hours off). */
function loggerWithGap(): { times: Float64Array; values: Float64Array } {
  const times: number[] = [];
  for (let k = 0; k < 60; k++) {
    const t = start + k * 10 * MINUTE;
    if (t >= start + 2 * 60 * MINUTE && t < start + 8 * 60 * MINUTE) continue;
    times.push(t);
  }
  return { times: Float64Array.from(times), values: Float64Array.from(times, (_, i) => 20 + i / 10) };
}

describe("withGapBreaks", () => {
  it("adds one missing value at the first skipped step of a stretch the file has no rows for", () => {
    const { times, values } = loggerWithGap();
    const frequency = inferFrequency(times);
    expect(frequency.gapCount).toBe(36);
    const drawn = withGapBreaks(times, values, frequency);
    expect(drawn.times.length).toBe(times.length + 1);
    const at = drawn.values.findIndex((v) => Number.isNaN(v));
    expect(new Date(drawn.times[at] as number).toISOString()).toBe("2024-09-09T20:00:00.000Z");
    expect(new Date(drawn.times[at - 1] as number).toISOString()).toBe("2024-09-09T19:50:00.000Z");
    expect(new Date(drawn.times[at + 1] as number).toISOString()).toBe("2024-09-10T02:00:00.000Z");
    // Every stored point is kept, in order, with its value.
    expect(Array.from(drawn.times).filter((_, i) => i !== at)).toEqual(Array.from(times));
    expect(Array.from(drawn.values).filter((_, i) => i !== at)).toEqual(Array.from(values));
  });

  it("breaks a monthly series at a month left out, on the calendar", () => {
    const months = [0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => Date.UTC(2020, m, 1));
    const times = Float64Array.from(months);
    const drawn = withGapBreaks(times, Float64Array.from(months, () => 1), inferFrequency(times));
    expect(Array.from(drawn.times, (t, i) => (Number.isNaN(drawn.values[i] as number) ? new Date(t).toISOString().slice(0, 7) : null)).filter(Boolean)).toEqual(["2020-05"]);
  });

  it("leaves a series without gaps, an irregular one and business days over a weekend as they are", () => {
    const regular = Float64Array.from({ length: 30 }, (_, k) => start + k * 10 * MINUTE);
    const values = Float64Array.from(regular, () => 1);
    expect(withGapBreaks(regular, values, inferFrequency(regular)).times).toBe(regular);
    const irregular = Float64Array.from([0, 7, 9, 30, 31, 70, 71, 100, 160, 161].map((m) => start + m * MINUTE));
    expect(withGapBreaks(irregular, values.subarray(0, 10), { ...inferFrequency(irregular), kind: "irregular", gapCount: 3 }).times).toBe(irregular);
    const days: number[] = [];
    for (let d = 1; days.length < 40; d++) if (![0, 6].includes(new Date(Date.UTC(2024, 0, d)).getUTCDay())) days.push(Date.UTC(2024, 0, d));
    const business = Float64Array.from(days);
    const frequency = inferFrequency(business);
    expect(frequency.kind).toBe("business-daily");
    expect(withGapBreaks(business, Float64Array.from(days, () => 1), { ...frequency, gapCount: 1 }).times).toBe(business);
  });
});
