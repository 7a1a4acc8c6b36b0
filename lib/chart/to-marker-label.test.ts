import { describe, expect, it } from "vitest";
import { toMarkerLabel } from "./to-marker-label";

const FROM = "Forecast from 29 Dec 2003";

describe("toMarkerLabel", () => {
  it.each([
    ["well inside the plot: on the line's left", 600, 72, "Forecast from Sep 1994", { x: 595, textAnchor: "end", text: "Forecast from Sep 1994" }],
    ["at the plot's left edge: on its right", 72, 72, "best", { x: 77, textAnchor: "start", text: "best" }],
    ["too near the left edge for the text: on its right", 150, 72, "Forecast from Sep 1994", { x: 155, textAnchor: "start", text: "Forecast from Sep 1994" }],
    ["a short label near the edge still fits on the left", 110, 72, "best", { x: 105, textAnchor: "end", text: "best" }],
  ])("%s", (_, markerX, plotLeft, text, expected) => {
    expect(toMarkerLabel(markerX, { left: plotLeft, right: 1000 }, text)).toEqual(expected);
  });

  // A phone's forecast chart: the plot runs from 100 to 340 px, the history ends at 271 px.
  it.each([
    ["the whole text fits on neither side: the short one, on the left", 271, { x: 266, textAnchor: "end", text: "Forecast" }],
    ["the marker at the plot's left edge: the whole text on its right", 100, { x: 105, textAnchor: "start", text: FROM }],
  ])("%s", (_, markerX, expected) => {
    expect(toMarkerLabel(markerX, { left: 100, right: 340 }, FROM, "Forecast")).toEqual(expected);
  });

  it("a narrower plot with the marker near its left edge: the short text on the right", () => {
    expect(toMarkerLabel(120, { left: 100, right: 250 }, FROM, "Forecast")).toEqual({ x: 125, textAnchor: "start", text: "Forecast" });
  });

  it("a plot too narrow for even the short text: the roomier side", () => {
    expect(toMarkerLabel(130, { left: 100, right: 150 }, FROM, "Forecast")).toEqual({ x: 125, textAnchor: "end", text: "Forecast" });
  });
});
