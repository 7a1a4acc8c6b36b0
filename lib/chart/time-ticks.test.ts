import { describe, expect, it } from "vitest";
import { formatTimeTick, type TimeLabelKind } from "./format-time-label";
import { axisTicksForWidth, clampLabelX, estimateLabelWidth, TIME_LABEL_GAP, timeTicks, timeTicksForWidth, type AxisPlacement } from "./time-ticks";

const DAY = 86_400_000;
/** The forecast chart's plot on a 390 px phone: 240 px after the value axis, in a 332 px chart. */
const PHONE: AxisPlacement = { left: 72, chartWidth: 332 };
const PHONE_WIDTH = 240;

/** The tick labels' boxes as the axis draws them (centred on their tick, kept inside the chart), px. */
function labelBoxes(ticks: number[], from: number, to: number, width: number, style: TimeLabelKind, placement: AxisPlacement) {
  return ticks.map((t) => {
    const label = formatTimeTick(t, style, to - from);
    const half = estimateLabelWidth(label) / 2;
    const x = clampLabelX(placement.left + ((t - from) / (to - from)) * width, label, placement.chartWidth);
    return { left: x - half, right: x + half };
  });
}

describe("timeTicks", () => {
  it("puts multi-year spans on 1 January, each year at most once", () => {
    const ticks = timeTicks(Date.UTC(1980, 0, 1), Date.UTC(1994, 7, 1), 9);
    const years = ticks.map((t) => new Date(t).getUTCFullYear());
    expect(new Set(years).size).toBe(years.length);
    expect(ticks.every((t) => new Date(t).getUTCMonth() === 0 && new Date(t).getUTCDate() === 1)).toBe(true);
    expect(ticks.length).toBeLessThanOrEqual(9);
  });

  it("uses month starts for a year and midnight for a week", () => {
    const months = timeTicks(Date.UTC(2024, 0, 15), Date.UTC(2024, 11, 15), 12);
    expect(months.every((t) => new Date(t).getUTCDate() === 1)).toBe(true);
    const days = timeTicks(Date.UTC(2024, 0, 1, 5), Date.UTC(2024, 0, 7, 5), 8);
    expect(days.every((t) => t % 86_400_000 === 0)).toBe(true);
  });
});

describe("timeTicksForWidth", () => {
  it("gives 12 days of half-hours on a phone two dates or more, not the one Monday in them", () => {
    const from = Date.UTC(2024, 2, 5, 5, 30); // a Tuesday
    const to = from + 12 * DAY; // Sunday 17 March: Monday 11 is the only Monday
    // About 300 px: room for two labels, so a week's step is taken.
    expect(timeTicks(from, to, 2).filter((t) => t >= from && t <= to)).toEqual([Date.UTC(2024, 2, 11)]);
    const ticks = timeTicksForWidth(from, to, 300);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks.length).toBeLessThanOrEqual(3);
    expect(ticks.every((t) => t >= from && t <= to && t % DAY === 0)).toBe(true);
  });
});

describe("timeTicksForWidth: spaced by the labels drawn", () => {
  it("gives 18 years of a monthly series on a phone a tick every five years, not two ticks", () => {
    const from = Date.UTC(2004, 0, 1);
    const to = Date.UTC(2021, 11, 1);
    expect(timeTicksForWidth(from, to, PHONE_WIDTH, "monthly", PHONE)).toEqual([2005, 2010, 2015, 2020].map((y) => Date.UTC(y, 0, 1)));
  });

  it("fits more short labels than long ones on the same width", () => {
    // "2010" is about 30 px, "12 May 14:00" about 90: a fixed spacing gave both the same count.
    const years = timeTicksForWidth(Date.UTC(2004, 0, 1), Date.UTC(2021, 11, 1), 600, "monthly");
    const hours = timeTicksForWidth(Date.UTC(2024, 4, 12), Date.UTC(2024, 4, 14), 600, "hourly");
    expect(years.length).toBeGreaterThanOrEqual(8);
    expect(hours.length).toBeLessThanOrEqual(5);
    expect(hours.length).toBeGreaterThanOrEqual(3);
  });

  it.each([
    // What, over which times, on which axis, and the fewest ticks that are as many as fit.
    ["18 years monthly, phone", Date.UTC(2004, 0, 1), Date.UTC(2021, 11, 1), "monthly", PHONE_WIDTH, PHONE, 4],
    ["9 years monthly, phone", Date.UTC(2014, 0, 1), Date.UTC(2022, 11, 1), "monthly", PHONE_WIDTH, PHONE, 4],
    ["2 years monthly, phone", Date.UTC(2020, 0, 1), Date.UTC(2021, 11, 1), "monthly", PHONE_WIDTH, PHONE, 2],
    ["2 years monthly, desktop", Date.UTC(2020, 0, 1), Date.UTC(2021, 11, 1), "monthly", 640, { left: 72, chartWidth: 732 }, 6],
    ["2 days hourly, phone", Date.UTC(2024, 4, 12), Date.UTC(2024, 4, 14), "hourly", PHONE_WIDTH, PHONE, 2],
    ["a year daily, desktop", Date.UTC(2023, 0, 1), Date.UTC(2023, 11, 31), "daily", 640, { left: 72, chartWidth: 732 }, 4],
    ["30 financial years, phone", Date.UTC(1990, 0, 1), Date.UTC(2020, 0, 1), { kind: "yearly", financialYear: true }, PHONE_WIDTH, PHONE, 2],
  ] as const)("keeps the labels of %s whole, apart and as many as fit", (_, from, to, style, width, placement, fewest) => {
    const ticks = timeTicksForWidth(from, to, width, style, placement);
    expect(ticks.length).toBeGreaterThanOrEqual(fewest);
    const boxes = labelBoxes(ticks, from, to, width, style, placement);
    for (const [i, box] of boxes.entries()) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(placement.chartWidth);
      if (i > 0) expect(box.left - (boxes[i - 1] as { right: number }).right).toBeGreaterThanOrEqual(TIME_LABEL_GAP);
    }
  });

  it.each([
    // Over more than three days a label names the day only; over six years, the year only.
    ["4½ days hourly, 1,200 px", Date.UTC(2024, 2, 27), Date.UTC(2024, 2, 31, 12), "hourly", 1200],
    ["10 days hourly, 1,200 px", Date.UTC(2024, 2, 20), Date.UTC(2024, 2, 30), "hourly", 1200],
    ["8 years monthly, 2,300 px", Date.UTC(2010, 0, 1), Date.UTC(2018, 0, 1), "monthly", 2300],
  ] as const)("never writes the same label twice in a row: %s", (_, from, to, style, width) => {
    const ticks = timeTicksForWidth(from, to, width, style, { left: 80, chartWidth: width + 100 });
    const labels = ticks.map((t) => formatTimeTick(t, style, to - from));
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(labels.filter((label, i) => label === labels[i - 1])).toEqual([]);
  });

  it.each([
    ["7 years", 2018],
    ["10 years", 2015],
  ])("writes each year once on a wide chart of %s of a monthly series (`2015 2015 2016 2016` on a 1280 px page)", (_, first) => {
    const from = Date.UTC(first, 0, 1);
    const to = Date.UTC(2024, 11, 1);
    for (const width of [1000, 1200, 1600]) {
      const labels = timeTicksForWidth(from, to, width, "monthly", { left: 72, chartWidth: width + 92 }).map((t) => formatTimeTick(t, "monthly", to - from));
      expect(labels.length).toBeGreaterThanOrEqual(7);
      expect(new Set(labels).size).toBe(labels.length);
    }
  });

  it("keeps ticks on round dates: years by 1, 2, 5, 10…, months on the first", () => {
    const ticks = timeTicksForWidth(Date.UTC(1990, 0, 1), Date.UTC(2020, 0, 1), PHONE_WIDTH, "monthly", PHONE);
    const years = ticks.map((t) => new Date(t).getUTCFullYear());
    expect(ticks.every((t) => new Date(t).getUTCMonth() === 0 && new Date(t).getUTCDate() === 1)).toBe(true);
    expect(years.every((y) => y % 5 === 0)).toBe(true);
  });

  it("keeps the first and last labels inside the chart where the plot ends near its edge", () => {
    // The plot ends 20 px before the chart does: a wide label on the last day is pulled inwards, and must still clear its neighbour.
    const from = Date.UTC(2024, 4, 12);
    const to = Date.UTC(2024, 4, 13, 12);
    const ticks = timeTicksForWidth(from, to, PHONE_WIDTH, "hourly", PHONE);
    const boxes = labelBoxes(ticks, from, to, PHONE_WIDTH, "hourly", PHONE);
    expect((boxes.at(-1) as { right: number }).right).toBeLessThanOrEqual(PHONE.chartWidth);
    for (let i = 1; i < boxes.length; i++) expect((boxes[i] as { left: number }).left).toBeGreaterThan((boxes[i - 1] as { right: number }).right);
    expect(ticks.every((t) => t % (3 * 3_600_000) === 0)).toBe(true);
  });
});

describe("axisTicksForWidth", () => {
  it("numbers a series without times at a few round positions, not one tick per point", () => {
    // Positions 0…335 are labelled 1…336.
    const ticks = axisTicksForWidth(0, 335, 1100, "index");
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks.length).toBeLessThanOrEqual(10);
    expect(ticks.every((t) => Number.isInteger(t) && t >= 0 && t <= 335)).toBe(true);
    expect(ticks.map((t) => t + 1)).toContain(100);
  });

  it.each([
    // Two months of a monthly series on a desktop chart: its two months, not 7, 14, 21 and 28 July.
    ["monthly", Date.UTC(1997, 6, 1), Date.UTC(1997, 7, 1), [Date.UTC(1997, 6, 1), Date.UTC(1997, 7, 1)]],
    ["quarterly", Date.UTC(2020, 3, 1), Date.UTC(2020, 9, 1), [Date.UTC(2020, 3, 1), Date.UTC(2020, 6, 1), Date.UTC(2020, 9, 1)]],
    ["yearly", Date.UTC(2019, 0, 1), Date.UTC(2020, 0, 1), [Date.UTC(2019, 0, 1), Date.UTC(2020, 0, 1)]],
    ["daily", Date.UTC(2024, 2, 5), Date.UTC(2024, 2, 7), [Date.UTC(2024, 2, 5), Date.UTC(2024, 2, 6), Date.UTC(2024, 2, 7)]],
  ] as const)("never ticks a %s series finer than its own step", (kind, from, to, expected) => {
    expect(axisTicksForWidth(from, to, 650, kind)).toEqual(expected);
  });

  it("still ticks an hourly series zoomed to a day by the hour", () => {
    const ticks = axisTicksForWidth(Date.UTC(2024, 2, 5), Date.UTC(2024, 2, 6), 650, "hourly");
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks.every((t) => t % 3_600_000 === 0)).toBe(true);
  });

  it("puts dated series on calendar ticks", () => {
    expect(axisTicksForWidth(Date.UTC(2020, 0, 1), Date.UTC(2024, 0, 1), 900, "monthly")).toEqual(timeTicksForWidth(Date.UTC(2020, 0, 1), Date.UTC(2024, 0, 1), 900, "monthly"));
  });
});

describe("clampLabelX", () => {
  it("keeps the first and last labels whole inside the chart, and leaves the others where their tick is", () => {
    // "2024 Q2" is about 52 px wide at 12 px.
    expect(clampLabelX(1270, "2024 Q2", 1280)).toBeLessThanOrEqual(1280 - 26);
    expect(clampLabelX(10, "2024 Q2", 1280)).toBeGreaterThanOrEqual(26);
    expect(clampLabelX(600, "2024 Q2", 1280)).toBe(600);
  });
});
