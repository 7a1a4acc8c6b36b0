import { describe, expect, it } from "vitest";
import { choose } from "./run-forecast";
import type { BacktestMetrics, MethodName } from "./types";

const METHODS: MethodName[] = ["lstm", "naive", "snaive", "holt_winters", "theta", "combination"];

/** Backtest scores where every method has `mase` unless given, and halves equal to it. */
function scores(mase: Partial<Record<MethodName, number>>) {
  const value = (m: MethodName) => mase[m] ?? 2;
  const metrics = Object.fromEntries(METHODS.map((m) => [m, { mase: value(m), smape: 10, rmse: 1, coverage80: 0.8, coverage95: 0.95 } satisfies BacktestMetrics]));
  const halves = Object.fromEntries(METHODS.map((m) => [m, [value(m), value(m)]]));
  return { metrics: metrics as Record<MethodName, BacktestMetrics>, halves: halves as Record<MethodName, [number, number]> };
}

describe("choose", () => {
  it("keeps the LSTM over a slightly better baseline and says why in words", () => {
    const { metrics, halves } = scores({ lstm: 0.736, theta: 0.728 });
    const choice = choose(metrics, halves, 0.7, false, 12);
    expect(choice.method).toBe("lstm");
    expect(choice.reason).toBe(
      "Theta scored better in the backtest (MASE 0.728 vs 0.736), but the backtest's network learns from less and older data than the final one, so the LSTM stays recommended unless another method's error is below 30% of the LSTM's in both halves of the backtest. Its forecast can be shown instead.",
    );
  });

  it("does not call a baseline better when the scores shown are equal", () => {
    const { metrics, halves } = scores({ lstm: 1.4262, naive: 1.4258 });
    expect(choose(metrics, halves, 0.7, false, 12).reason).toMatch(/^Naive \(last value\) scored as well as the LSTM in the backtest \(MASE 1\.426 each\), but/);
  });

  it("says when the network learned nothing beyond the smoothing", () => {
    const { metrics, halves } = scores({ lstm: 0.7 });
    expect(choose(metrics, halves, 0.7, false, 1).reason).toMatch(/lowest after its first epoch, so it found little beyond the exponential smoothing/);
    expect(choose(metrics, halves, 0.7, false, 9).reason).toBe("The LSTM had the best backtest MASE (0.700; next best Naive (last value) 2.000).");
  });

  it("recommends a baseline that beats the LSTM by far in both halves", () => {
    const { metrics, halves } = scores({ lstm: 3, holt_winters: 0.5 });
    expect(choose(metrics, halves, 0.7, false, 5).method).toBe("holt_winters");
  });

  it("recommends the method that repeats a series exactly: naive for a flat one, seasonal naive for an exact season", () => {
    const flat = scores({ lstm: 0, naive: 0 });
    flat.metrics.naive = { ...flat.metrics.naive, rmse: 0 };
    expect(choose(flat.metrics, flat.halves, 0.7, false, 5)).toMatchObject({ method: "naive", reason: expect.stringMatching(/did not change over the backtest/) });
    const periodic = scores({ lstm: 0, snaive: 0 });
    periodic.metrics.snaive = { ...periodic.metrics.snaive, rmse: 0 };
    expect(choose(periodic.metrics, periodic.halves, 0.7, false, 5)).toMatchObject({ method: "snaive", reason: expect.stringMatching(/repeated its season exactly/) });
  });
});
