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
  it("judges no method when the backtest had no measured value, instead of reading NaN as a win", () => {
    const { metrics, halves } = scores(Object.fromEntries(METHODS.map((m) => [m, Number.NaN])));
    expect(choose(metrics, halves, 0.7, false, 12)).toEqual({
      method: "lstm",
      reason: "No method could be judged: the backtest had no measured value to score against (every value after its first origin is a filled gap), so the LSTM stays recommended.",
    });
    expect(choose(metrics, halves, 0.7, true, 0).method).toBe("naive");
    expect(choose(metrics, halves, 0.7, true, 0).reason).toMatch(/^Training was stopped before the LSTM learned, and the backtest had no measured value/);
  });

  it("keeps the LSTM over a slightly better baseline and says why in words", () => {
    const { metrics, halves } = scores({ lstm: 0.736, theta: 0.728 });
    const choice = choose(metrics, halves, 0.7, false, 12);
    expect(choice.method).toBe("lstm");
    expect(choice.reason).toBe(
      "Theta scored better in the backtest (MASE 0.728 vs 0.736), but the backtest's network learns from less and older data than the final one, so the LSTM stays recommended unless another method's error is below 30% of the LSTM's and lower in both halves of the backtest. Its forecast can be shown instead.",
    );
  });

  it("names every method that scored better, best first, not only the best", () => {
    const { metrics, halves } = scores({ lstm: 1.363, snaive: 1.358, holt_winters: 1.36, combination: 1.361, theta: 1.3631 });
    expect(choose(metrics, halves, 0.7, false, 12).reason).toMatch(
      /^Seasonal naive scored better in the backtest \(MASE 1\.358 vs 1\.363; Holt-Winters \(damped\) 1\.360 and Combination \(median\) 1\.361 did too\), but /,
    );
    const two = scores({ lstm: 10.2, theta: 9.5, naive: 9.9, snaive: 11, holt_winters: 10.5, combination: 10.2001 });
    expect(choose(two.metrics, two.halves, 0.7, false, 12).reason).toMatch(/^Theta scored better in the backtest \(MASE 9\.500 vs 10\.200; Naive \(last value\) 9\.900 did too\), but /);
  });

  it("does not call a baseline better when the scores shown are equal", () => {
    const { metrics, halves } = scores({ lstm: 1.4262, theta: 1.4258 });
    expect(choose(metrics, halves, 0.7, false, 12)).toMatchObject({ method: "lstm", reason: expect.stringMatching(/^Theta scored as well as the LSTM in the backtest \(MASE 1\.426 each\), but/) });
  });

  it.each([
    ["naive", { lstm: 1.4262, naive: 1.4258 }],
    ["naive", { lstm: 1.4258, naive: 1.4262 }],
    ["snaive", { lstm: 0.3601, snaive: 0.3604 }],
  ] as const)("recommends the simpler %s when it ties with the LSTM at the decimals shown", (simple, mase) => {
    const { metrics, halves } = scores(mase);
    const choice = choose(metrics, halves, 0.7, false, 12);
    expect(choice.method).toBe(simple);
    expect(choice.reason).toMatch(/scored the same backtest MASE as the LSTM \([\d.]+\), so the backtest cannot tell them apart and the simpler method is recommended/);
  });

  it("says the forecasts of tied methods differ instead of that they scored as well, when they part", () => {
    // 60 months of 100, then 110: every method forecast 100 over the backtest and missed the last value alike.
    const { metrics, halves } = scores({ lstm: 0.628, naive: 0.628, snaive: 0.628, holt_winters: 0.628, theta: 0.628, combination: 0.628 });
    const means = { lstm: [103, 103], naive: [110, 110], snaive: [100, 100], holt_winters: [103.3, 103.5], theta: [103, 103], combination: [103, 103] };
    const choice = choose(metrics, halves, 0.7, false, 12, { means, scale: 10 / 60 });
    expect(choice.method).toBe("naive");
    expect(choice.reason).toMatch(/Their forecasts differ by up to 7, so look at both\.$/);
    expect(choice.reason).not.toMatch(/as well as/);
    // Only Theta ties (naive scored worse): the LSTM stays, and the sentence does not promise the same forecast.
    const theta = scores({ lstm: 0.36, theta: 0.3598 });
    const kept = choose(theta.metrics, theta.halves, 0.7, false, 12, { means: { lstm: [1, 2], theta: [1, 3] }, scale: 1 });
    expect(kept.method).toBe("lstm");
    expect(kept.reason).toMatch(/^Theta scored the same backtest MASE as the LSTM \(0\.360\), so the backtest cannot tell them apart, but .* Their forecasts differ by up to 1, so look at both\.$/);
    expect(choose(theta.metrics, theta.halves, 0.7, false, 12, { means: { lstm: [1, 2], theta: [1, 2.05] }, scale: 1 }).reason).toMatch(/^Theta scored as well as the LSTM/);
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
    // A logged series comes back as exp(log(50)) ≠ 50: exact up to rounding is exact.
    const logged = scores({ lstm: 0.583, naive: 1e-15 });
    logged.metrics.naive = { ...logged.metrics.naive, rmse: 7e-15 };
    expect(choose(logged.metrics, logged.halves, 0.7, false, 5)).toMatchObject({ method: "naive", reason: expect.stringMatching(/did not change over the backtest/) });
    const periodic = scores({ lstm: 0, snaive: 0 });
    periodic.metrics.snaive = { ...periodic.metrics.snaive, rmse: 0 };
    expect(choose(periodic.metrics, periodic.halves, 0.7, false, 5)).toMatchObject({ method: "snaive", reason: expect.stringMatching(/repeated its season exactly/) });
  });
});
