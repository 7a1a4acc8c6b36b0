import { estimateLabelWidth } from "./time-ticks";

/** Space between a vertical marker and its label, px. */
const GAP = 5;

/**
 * Where to write the label of a vertical marker line (where the history ends, the best epoch), and
 * which words: on the line's left, ending just before it, unless that would run past the plot's
 * left edge into the value axis's labels; then on its right, unless that runs past the plot's right
 * edge, where the chart cuts it (a phone's chart wrote "Forecast from 2…"). Where the text fits on
 * neither side, its short form is tried the same way.
 * @param markerX the line's position, px from the chart's left edge
 * @param plot the plot's left and right edges, px
 * @param shortText fewer words for a narrow plot (`Forecast` for `Forecast from 29 Dec 2003`)
 * @param fontSize px
 */
export function toMarkerLabel(
  markerX: number,
  plot: { left: number; right: number },
  text: string,
  shortText = text,
  fontSize = 11,
): { x: number; textAnchor: "start" | "end"; text: string } {
  for (const label of [text, shortText]) {
    const width = estimateLabelWidth(label, fontSize);
    if (markerX - GAP - width >= plot.left) return { x: markerX - GAP, textAnchor: "end", text: label };
    if (markerX + GAP + width <= plot.right) return { x: markerX + GAP, textAnchor: "start", text: label };
  }
  // Not even the short text fits: the roomier side, cut at the chart's edge rather than written over the value axis.
  return markerX - plot.left > plot.right - markerX ? { x: markerX - GAP, textAnchor: "end", text: shortText } : { x: markerX + GAP, textAnchor: "start", text: shortText };
}
