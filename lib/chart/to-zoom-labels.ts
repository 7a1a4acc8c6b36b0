import { formatTimeLabel, type TimeLabelKind } from "./format-time-label";

/** Accessible names and values of a zoom brush's two handles. */
export interface ZoomLabels {
  start: { name: string; value: string };
  end: { name: string; value: string };
}

const HOW = "Drag, or use the left and right arrow keys.";

/**
 * Names for the two handles of a chart's zoom brush, one each (Recharts gives both the same
 * name), saying which end of the window each moves and the date it is at.
 * @param from first time shown, epoch ms
 * @param to last time shown, epoch ms
 */
export function toZoomLabels(from: number, to: number, frequency: TimeLabelKind): ZoomLabels {
  const a = formatTimeLabel(from, frequency, true);
  const b = formatTimeLabel(to, frequency, true);
  return {
    start: { name: `Zoom start: ${a}, showing ${a} to ${b}. ${HOW}`, value: a },
    end: { name: `Zoom end: ${b}, showing ${a} to ${b}. ${HOW}`, value: b },
  };
}
