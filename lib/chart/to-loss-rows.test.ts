import { describe, expect, it } from "vitest";
import type { StoredTrainingHistory } from "../series/run-schema";
import { logTicks, niceTicks } from "./nice-ticks";
import { toBestEpoch, toLossExtent, toLossModelLabel, toLossModels, toLossRows, toSeriesLossModel } from "./to-loss-rows";

const histories: StoredTrainingHistory[] = [
  { stage: "backtest", model: 1, series: ["a"], bestEpoch: 2, epochs: [{ epoch: 1, loss: 1, valLoss: 1.2 }, { epoch: 2, loss: 0.5, valLoss: 0 }] },
  { stage: "training", model: 1, series: ["a"], bestEpoch: 0, epochs: [{ epoch: 1, loss: 0.9 }] },
  { stage: "backtest", model: 2, series: ["b"], bestEpoch: 0, epochs: [{ epoch: 1, loss: null }] },
];

describe("toLossRows", () => {
  it("puts the backtest model's train and validation loss and the final model's loss on one epoch axis", () => {
    expect(toLossRows(histories, 1)).toEqual([
      { epoch: 1, backtestLoss: 1, backtestValLoss: 1.2, finalLoss: 0.9 },
      { epoch: 2, backtestLoss: 0.5, backtestValLoss: 0 },
    ]);
  });

  it("drops what a log axis cannot draw", () => {
    expect(toLossRows(histories, 1, true)[1]).toEqual({ epoch: 2, backtestLoss: 0.5, backtestValLoss: null });
  });

  it("names a network by the one series it learned, else by its number", () => {
    expect(toLossModelLabel(histories, 2, 2)).toBe("b (2 of 2)");
    const global: StoredTrainingHistory[] = [{ stage: "backtest", model: 1, series: ["a", "b"], bestEpoch: 0, epochs: [] }];
    expect(toLossModelLabel(global, 1, 3)).toBe("1 of 3");
  });

  it("opens on the network of the series shown, else on the last", () => {
    expect(toSeriesLossModel(histories, "a")).toBe(1);
    expect(toSeriesLossModel(histories, "b")).toBe(2);
    expect(toSeriesLossModel(histories, "c")).toBe(2);
    expect(toSeriesLossModel([{ stage: "backtest", model: 1, series: ["a", "b"], bestEpoch: 0, epochs: [] }], "a")).toBe(1);
  });

  it("lists the networks, the best epoch and the extent", () => {
    expect(toLossModels(histories)).toEqual([1, 2]);
    expect(toBestEpoch(histories, 1)).toBe(2);
    expect(toBestEpoch(histories, 2)).toBeNull();
    expect(toLossExtent(toLossRows(histories, 1))).toEqual([0, 1.2]);
    expect(toLossExtent(toLossRows(histories, 2))).toBeNull();
  });
});

describe("niceTicks and logTicks", () => {
  it.each([
    [0, 1, 5, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    [0.93, 1.02, 4, [0.925, 0.95, 0.975, 1, 1.025]],
    [1, 300, 6, [0, 50, 100, 150, 200, 250, 300]],
    [5, 5, 4, [5]],
  ])("niceTicks(%s, %s, %s)", (min, max, target, expected) => {
    expect(niceTicks(min, max, target)).toEqual(expected);
  });

  it.each([
    [0.03, 0.9, [0.02, 0.05, 0.1, 0.2, 0.5, 1]],
    [0.001, 10, [0.001, 0.01, 0.1, 1, 10]],
  ])("logTicks(%s, %s)", (min, max, expected) => {
    expect(logTicks(min, max)).toEqual(expected);
  });
});
