import { describe, expect, it } from "vitest";
import { toBrushLabels, toHandleX, type BrushGeometry } from "./to-brush-labels";

/** The forecast chart's brush at desktop and phone widths: the plot (and brush) starts 72 px in and ends 20 px before the chart's right edge. */
const DESKTOP: BrushGeometry = { chartWidth: 740, x: 72, width: 648, travellerWidth: 8, count: 200 };
const PHONE: BrushGeometry = { chartWidth: 334, x: 72, width: 242, travellerWidth: 8, count: 200 };

const inside = (geometry: BrushGeometry, label: { x: number; width: number }) => label.x >= 0 && label.x + label.width <= geometry.chartWidth;
const apart = (a: { x: number; width: number }, b: { x: number; width: number }) => a.x + a.width <= b.x;

describe("toHandleX", () => {
  it("spreads the rows over the brush, the last a handle's width before its right edge", () => {
    expect(toHandleX(DESKTOP, 0)).toBe(72);
    expect(toHandleX(DESKTOP, 199)).toBe(72 + 648 - 8);
    expect(toHandleX({ ...DESKTOP, count: 1 }, 0)).toBe(72);
  });
});

describe("toBrushLabels", () => {
  it.each([
    ["desktop, the whole range", DESKTOP, 0, 199, "Jan 1980", "Aug 1997"],
    ["desktop, a narrow window at the right edge", DESKTOP, 197, 199, "Jun 1997", "Aug 1997"],
    ["desktop, a narrow window at the left edge", DESKTOP, 0, 1, "Jan 1980", "Feb 1980"],
    ["desktop, both handles on the last row", DESKTOP, 199, 199, "Aug 1997", "Aug 1997"],
    ["desktop, hourly dates (longer than the Y axis's room)", DESKTOP, 0, 199, "5 Nov 2024 06:00", "13 Nov 2024 13:00"],
    ["phone, the whole range", PHONE, 0, 199, "Jan 1980", "Aug 1997"],
    ["phone, a narrow window at the right edge", PHONE, 198, 199, "Jul 1997", "Aug 1997"],
    ["phone, hourly dates at the right edge", PHONE, 198, 199, "13 Nov 2024 12:00", "13 Nov 2024 13:00"],
    ["phone, hourly dates at the left edge", PHONE, 0, 1, "5 Nov 2024 06:00", "5 Nov 2024 07:00"],
  ])("%s: both dates whole inside the chart, start before end", (_, geometry, startIndex, endIndex, startText, endText) => {
    const { start, end } = toBrushLabels(geometry, startIndex, endIndex, startText, endText);
    expect(start.text).toBe(startText);
    expect(end.text).toBe(endText);
    expect(inside(geometry, start)).toBe(true);
    expect(inside(geometry, end)).toBe(true);
    expect(apart(start, end)).toBe(true);
  });

  it("writes each date outside its handle where the chart has room, as Recharts does", () => {
    const { start, end } = toBrushLabels(DESKTOP, 50, 150, "Mar 1984", "Jul 1992");
    expect(start.x + start.width).toBeCloseTo(toHandleX(DESKTOP, 50) - 5);
    expect(end.x).toBeCloseTo(toHandleX(DESKTOP, 150) + 8 + 5);
  });

  it("turns the end date inwards at the right edge, where the chart ends 20 px after the plot", () => {
    const { end } = toBrushLabels(DESKTOP, 0, 199, "Jan 1980", "Aug 1997");
    expect(end.x + end.width).toBeCloseTo(toHandleX(DESKTOP, 199) - 5);
  });

  it("turns the start date inwards when the Y axis's room is too narrow for it", () => {
    const { start } = toBrushLabels(PHONE, 0, 199, "5 Nov 2024 06:00", "13 Nov 2024 13:00");
    expect(start.x).toBeCloseTo(toHandleX(PHONE, 0) + 8 + 5);
  });

  it("keeps the start date before the end date when the handles are swapped", () => {
    const { start, end } = toBrushLabels(DESKTOP, 150, 50, "Mar 1984", "Jul 1992");
    expect(apart(start, end)).toBe(true);
  });
});
