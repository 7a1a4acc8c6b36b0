import { describe, expect, it } from "vitest";
import { toMarkerLabel } from "./to-marker-label";

describe("toMarkerLabel", () => {
  it.each([
    ["well inside the plot: on the line's left", 600, 72, "Forecast from Sep 1994", { x: 595, textAnchor: "end" }],
    ["at the plot's left edge: on its right", 72, 72, "best", { x: 77, textAnchor: "start" }],
    ["too near the left edge for the text: on its right", 150, 72, "Forecast from Sep 1994", { x: 155, textAnchor: "start" }],
    ["a short label near the edge still fits on the left", 110, 72, "best", { x: 105, textAnchor: "end" }],
  ])("%s", (_, markerX, plotLeft, text, expected) => {
    expect(toMarkerLabel(markerX, plotLeft, text)).toEqual(expected);
  });
});
