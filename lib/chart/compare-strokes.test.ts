import { describe, expect, it } from "vitest";
import { COMPARE_DRAW_ORDER, COMPARE_STROKES } from "./compare-strokes";

describe("the comparison chart's strokes", () => {
  it("draws the two runs differently without their colours: one solid, one dashed, of different widths", () => {
    expect(COMPARE_STROKES.a.dash ?? "solid").not.toEqual(COMPARE_STROKES.b.dash ?? "solid");
    // The wider shows at least a pixel either side of the other where the forecasts coincide.
    expect(Math.abs(COMPARE_STROKES.a.width - COMPARE_STROKES.b.width)).toBeGreaterThanOrEqual(2);
  });

  it("draws the thinner line last, on top of the wider one, and both", () => {
    expect([...COMPARE_DRAW_ORDER].sort()).toEqual(["a", "b"]);
    const widths = COMPARE_DRAW_ORDER.map((run) => COMPARE_STROKES[run].width);
    expect(widths).toEqual([...widths].sort((x, y) => y - x));
  });
});
