import { describe, expect, it } from "vitest";
import { toZoomLabels } from "./to-zoom-labels";

describe("toZoomLabels", () => {
  it("names each handle by its end of the window and the dates on show", () => {
    const labels = toZoomLabels(Date.UTC(1986, 8, 1), Date.UTC(1995, 7, 1), "monthly");
    expect(labels.start).toEqual({ name: "Zoom start: Sep 1986, showing Sep 1986 to Aug 1995. Drag, or use the left and right arrow keys.", value: "Sep 1986" });
    expect(labels.end.name).toMatch(/^Zoom end: Aug 1995, showing Sep 1986 to Aug 1995\./);
    expect(labels.start.name).not.toBe(labels.end.name);
  });

  it("gives hourly data its hours", () => {
    expect(toZoomLabels(Date.UTC(2024, 10, 5, 6), Date.UTC(2024, 10, 6, 23), "hourly").end.value).toBe("6 Nov 2024 23:00");
  });
});
