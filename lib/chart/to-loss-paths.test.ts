import { describe, expect, it } from "vitest";
import { formatLossTick, toDrawnLossKeys, toEpochTicks, toLossPaths } from "./to-loss-paths";

describe("toLossPaths", () => {
  it("draws each curve across the plot, lower losses lower on the page", () => {
    const out = toLossPaths(
      [
        { epoch: 1, backtestLoss: 1, backtestValLoss: 1.2 },
        { epoch: 2, backtestLoss: 0.5, backtestValLoss: null },
        { epoch: 3, backtestLoss: 0.25, backtestValLoss: 1 },
      ],
      400,
      200,
    );
    const points = out.paths.backtestLoss.split(/[ML]/).filter(Boolean).map((p) => p.split(",").map(Number));
    expect(points).toHaveLength(3);
    expect(points[0]?.[0]).toBe(out.plot.left);
    expect(points[2]?.[0]).toBe(out.plot.right);
    expect(points[2]?.[1]).toBeGreaterThan(points[0]?.[1] ?? 0);
    // A missing value breaks the curve: the validation path starts twice.
    expect(out.paths.backtestValLoss.match(/M/g)).toHaveLength(2);
    expect(out.paths.finalLoss).toBe("");
    expect(out.xTicks.map((t) => t.label)).toEqual(["1", "2", "3"]);
    expect(out.yTicks.length).toBeGreaterThan(2);
  });

  it("ends the value axis on a labelled line at the top of the plot, above the highest loss", () => {
    // 0.9 to 1.42 in ticks 0.2 apart: the ticks stopped at 1.4 and the validation curve ran above it.
    const out = toLossPaths(
      [
        { epoch: 1, backtestLoss: 0.9, backtestValLoss: 1.42 },
        { epoch: 2, backtestLoss: 0.92, backtestValLoss: 1.4 },
      ],
      400,
      200,
    );
    expect(out.yTicks.at(-1)).toEqual({ y: out.plot.top, label: formatLossTick(1.6) });
    expect(out.yTicks[0]).toEqual({ y: out.plot.bottom, label: formatLossTick(0.8) });
  });

  it("draws nothing without points", () => {
    expect(toLossPaths([], 400, 200).paths.backtestLoss).toBe("");
  });

  it("spreads the curves over the width it is given", () => {
    const rows = [
      { epoch: 1, backtestLoss: 1 },
      { epoch: 2, backtestLoss: 0.5 },
    ];
    expect(toLossPaths(rows, 1000, 220).plot.right).toBe(988);
    expect(toLossPaths(rows, 300, 220).plot.right).toBe(288);
  });
});

describe("toDrawnLossKeys", () => {
  it.each([
    ["all three", [{ epoch: 1, backtestLoss: 1, backtestValLoss: 2, finalLoss: 1 }], ["backtestLoss", "backtestValLoss", "finalLoss"]],
    ["no validation data", [{ epoch: 1, backtestLoss: 1, finalLoss: 1 }, { epoch: 2, backtestLoss: 0.5, backtestValLoss: null }], ["backtestLoss", "finalLoss"]],
    ["only the final model so far", [{ epoch: 1, finalLoss: 1 }], ["finalLoss"]],
    ["no epoch yet", [], []],
  ] as const)("%s", (_, rows, keys) => {
    expect(toDrawnLossKeys(rows)).toEqual(keys);
  });
});

describe("formatLossTick", () => {
  it("keeps up to three decimals without trailing zeros, and writes tiny losses in e-notation", () => {
    expect(formatLossTick(0.125)).toBe("0.125");
    expect(formatLossTick(0.2)).toBe("0.2");
    expect(formatLossTick(1.5)).toBe("1.5");
    expect(formatLossTick(0)).toBe("0");
    expect(formatLossTick(0.002)).toBe("2e-3");
  });
});

describe("toEpochTicks", () => {
  // Epochs count from 1: an axis whose first label is 10 or 20 reads as if training started there.
  // 500 px: a laptop's chart, where every tick has room.
  it.each([
    [2, [1, 2]],
    [3, [1, 2, 3]],
    [7, [1, 2, 3, 4, 5, 6, 7]],
    [14, [1, 5, 10, 14]],
    [40, [1, 10, 20, 30, 40]],
    [100, [1, 20, 40, 60, 80, 100]],
    [250, [1, 50, 100, 150, 200, 250]],
  ])("%i epochs", (last, ticks) => {
    expect(toEpochTicks(last, 500)).toEqual(ticks);
  });

  // Where training ended is what an analyst looks for on this axis.
  it.each([
    [12, 500, [1, 3, 5, 7, 9, 11, 12]],
    [45, 500, [1, 10, 20, 30, 40, 45]],
    [47, 500, [1, 10, 20, 30, 40, 47]],
    // `15` and `16` sat 8 px apart under a 16-epoch run at 400 px, `20` and `21` 12 px apart at
    // 500: the last epoch takes the step's place, as it does within half a step of it at any width.
    [16, 400, [1, 5, 10, 16]],
    [16, 600, [1, 5, 10, 16]],
    [43, 500, [1, 10, 20, 30, 43]],
    [21, 500, [1, 5, 10, 15, 21]],
    [21, 250, [1, 5, 10, 15, 21]],
    [41, 300, [1, 10, 20, 30, 41]],
    // Every second tick of 2 would crowd `9` and `11`: a step of 5 has room.
    [12, 120, [1, 5, 12]],
    // A phone's 300 epochs: steps of 50 left 18 px between labels 24 px wide.
    [300, 250, [1, 100, 200, 300]],
    // Epoch 1 is never dropped, however narrow the chart; the last epoch is, where it has no room beside it.
    [3, 10, [1]],
    [2, 4, [1]],
    [2, 40, [1, 2]],
  ])("%i epochs over %i px: the last epoch has a tick where it has room", (last, width, ticks) => {
    expect(toEpochTicks(last, width)).toEqual(ticks);
  });

  it("leaves between any two labels at least the wider one's width, at 8 px a digit", () => {
    const width = (t: number) => 8 * String(t).length;
    for (const plot of [120, 250, 330, 400, 480, 700, 1100]) {
      for (let last = 2; last <= 420; last++) {
        const ticks = toEpochTicks(last, plot);
        expect(ticks[0]).toBe(1);
        for (let i = 1; i < ticks.length; i++) {
          const [a, b] = [ticks[i - 1] as number, ticks[i] as number];
          const gap = ((b - a) * plot) / (last - 1) - (width(a) + width(b)) / 2;
          expect(gap, `${last} epochs over ${plot} px: ${a} and ${b}`).toBeGreaterThanOrEqual(Math.max(width(a), width(b)));
        }
      }
    }
  });

  it("is what the live chart labels its epoch axis with", () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({ epoch: i + 1, backtestLoss: 1 / (i + 1) }));
    expect(toLossPaths(rows, 600, 220).xTicks.map((t) => t.label)).toEqual(["1", "10", "20", "30", "40"]);
    const twelve = rows.slice(0, 12);
    expect(toLossPaths(twelve, 600, 220).xTicks.map((t) => t.label)).toEqual(["1", "3", "5", "7", "9", "11", "12"]);
    expect(toLossPaths(twelve, 600, 220).xTicks.at(-1)?.x).toBe(toLossPaths(twelve, 600, 220).plot.right);
    // 476 px leave 400 px of plot: a run stopped at epoch 16 ends on `16` alone, not `15` beside it.
    expect(toLossPaths(rows.slice(0, 16), 476, 220).xTicks.map((t) => t.label)).toEqual(["1", "5", "10", "16"]);
  });
});
