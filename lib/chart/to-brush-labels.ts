import { estimateLabelWidth } from "./time-ticks";

/** Where a zoom brush sits in its chart, px from the chart's left edge. */
export interface BrushGeometry {
  /** Width of the whole chart (its SVG), px: nothing drawn past it is seen. */
  chartWidth: number;
  /** The brush's left edge, px. */
  x: number;
  /** The brush's width, px. */
  width: number;
  /** Width of each handle, px. */
  travellerWidth: number;
  /** Rows the brush spans (its handles stop on them). */
  count: number;
}

/** One handle's date: its text and the left edge and width of its box, px. */
export interface BrushLabel {
  text: string;
  x: number;
  width: number;
}

/** Space between a handle and its date, px (as Recharts leaves). */
const GAP = 5;
/** Space kept between a date and the chart's edge, px. */
const EDGE = 2;

/**
 * The left edge of a brush handle at row `index`: Recharts spreads the rows evenly over the
 * brush, the last one a handle's width before its right edge.
 */
export function toHandleX(geometry: BrushGeometry, index: number): number {
  const { x, width, travellerWidth, count } = geometry;
  return count > 1 ? x + ((width - travellerWidth) * index) / (count - 1) : x;
}

/**
 * Where to write the dates of a zoom brush's two handles so that both are whole and apart.
 * Each goes beside its handle on the outer side (start on the left, end on the right), as
 * Recharts draws them; where the chart's edge leaves too little room (the end handle at the
 * right edge: the plot ends 20 px before the chart does), it goes on the inner side instead. Two
 * dates that then meet (a narrow window at an edge) are pushed apart, start before end.
 * @param startIndex, endIndex the handles' rows
 * @param fontSize px
 */
export function toBrushLabels(geometry: BrushGeometry, startIndex: number, endIndex: number, startText: string, endText: string, fontSize = 12): { start: BrushLabel; end: BrushLabel } {
  const { chartWidth, travellerWidth } = geometry;
  const left = toHandleX(geometry, Math.min(startIndex, endIndex));
  const right = toHandleX(geometry, Math.max(startIndex, endIndex));
  const startWidth = estimateLabelWidth(startText, fontSize);
  const endWidth = estimateLabelWidth(endText, fontSize);
  const startOuter = left - GAP - startWidth >= EDGE;
  const endOuter = right + travellerWidth + GAP + endWidth <= chartWidth - EDGE;
  let startX = startOuter ? left - GAP - startWidth : left + travellerWidth + GAP;
  let endX = endOuter ? right + travellerWidth + GAP : right - GAP - endWidth;
  const overlap = startX + startWidth + GAP - endX;
  if (overlap > 0) {
    // Move the date that is outside the window further out: the one inside stays by its handle.
    if (endOuter || !startOuter) endX += overlap;
    else startX -= overlap;
  }
  const clamp = (x: number, width: number) => Math.min(Math.max(x, EDGE), chartWidth - EDGE - width);
  return {
    start: { text: startText, x: clamp(startX, startWidth), width: startWidth },
    end: { text: endText, x: clamp(endX, endWidth), width: endWidth },
  };
}
