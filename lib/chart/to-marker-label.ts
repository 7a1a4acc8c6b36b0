import { estimateLabelWidth } from "./time-ticks";

/** Space between a vertical marker and its label, px. */
const GAP = 5;

/**
 * Where to write the label of a vertical marker line (where the history ends, the best epoch):
 * on the line's left, ending just before it, unless that would run past the plot's left edge
 * into the value axis's labels; then on its right.
 * @param markerX the line's position, px from the chart's left edge
 * @param plotLeft the plot's left edge, px
 * @param fontSize px
 */
export function toMarkerLabel(markerX: number, plotLeft: number, text: string, fontSize = 11): { x: number; textAnchor: "start" | "end" } {
  const onLeft = markerX - GAP - estimateLabelWidth(text, fontSize) >= plotLeft;
  return onLeft ? { x: markerX - GAP, textAnchor: "end" } : { x: markerX + GAP, textAnchor: "start" };
}
