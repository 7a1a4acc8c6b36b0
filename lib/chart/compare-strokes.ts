/** How a line is stroked, in the chart's px. */
export interface LineStroke {
  width: number;
  /** SVG stroke-dasharray (dash, gap px); none for a solid line. */
  dash?: string;
}

/** The two runs of the comparison chart. */
export type CompareRun = "a" | "b";

/**
 * How the comparison chart strokes each run's forecast, on the lines and their legend keys. Two
 * runs' forecasts often nearly coincide (the same settings, another seed), and two equal lines
 * hid the one drawn first: run A is wide and solid, run B thin, dashed and drawn over it, so both
 * show where they meet, and the two tell apart without their colours.
 */
export const COMPARE_STROKES: Record<CompareRun, LineStroke> = {
  a: { width: 3.5 },
  b: { width: 1.5, dash: "6 3" },
};

/** The runs in drawing order: the widest first, so that a thinner line is never covered. */
export const COMPARE_DRAW_ORDER: CompareRun[] = (["a", "b"] as const).toSorted((x, y) => COMPARE_STROKES[y].width - COMPARE_STROKES[x].width);
