import { describe, expect, it } from "vitest";
import { choose } from "../forecast/run-forecast";
import { METHOD_NAMES, type MethodName } from "../forecast/types";
import { describeRecommendation, splitSentences } from "./describe-recommendation";

const scores = (mase: Partial<Record<MethodName, number>>) =>
  Object.fromEntries(METHOD_NAMES.map((m) => [m, { mase: mase[m] ?? 2, smape: 10, rmse: 5, coverage80: 0.8, coverage95: 0.95 }])) as Record<MethodName, { mase: number; smape: number; rmse: number; coverage80: number; coverage95: number }>;
const halves = (mase: Partial<Record<MethodName, number>>) => Object.fromEntries(METHOD_NAMES.map((m) => [m, [mase[m] ?? 2, mase[m] ?? 2]])) as Record<MethodName, [number, number]>;

/** The recommendation `choose` makes from these scores, as a run stores it. */
function stored(mase: Partial<Record<MethodName, number>>) {
  const metrics = scores(mase);
  const { method, reason } = choose(metrics, halves(mase), 0.3, false, 12);
  return { chosen: method, chosenReason: reason, metrics };
}

describe("describeRecommendation", () => {
  it("leads the eight-line case (another method scored better, the LSTM stays) with the forecast and how far its MASE trails, every sentence kept below", () => {
    const series = stored({ lstm: 0.905, holt_winters: 0.812, theta: 0.85 });
    const { lead, details } = describeRecommendation(series);
    expect(lead).toBe("LSTM (ensemble): backtest MASE 0.905, 11% above the best, Holt-Winters (damped) at 0.812.");
    expect(details.join(" ")).toBe(series.chosenReason);
    expect(details[0]).toMatch(/^Holt-Winters, damped trend scored better in the backtest \(MASE 0\.812 vs 0\.905; Theta 0\.850 did too\), but .* lower in both halves of the backtest\.$/);
    expect(details.slice(1)).toEqual(["Its forecast can be shown instead."]);
    // The lead is one short line beside the badge; the paragraph it replaces was over 400 characters.
    expect(lead.length).toBeLessThan(100);
    expect(series.chosenReason.length).toBeGreaterThan(300);
  });

  it("says how far the recommended forecast leads the next best, and does not repeat the reason that says only that", () => {
    const series = stored({ lstm: 0.8, theta: 0.9, combination: 0.85 });
    expect(series.chosenReason).toBe("The LSTM had the best backtest MASE (0.800; next best Combination (median of LSTM, Holt-Winters, Theta) 0.850).");
    expect(describeRecommendation(series)).toEqual({ lead: "LSTM (ensemble): backtest MASE 0.800, 6% below the next best, Combination (median) at 0.850.", details: [] });
    // What the reason adds to it stays.
    const unlearned = choose(scores({ lstm: 0.8, theta: 0.9 }), halves({ lstm: 0.8, theta: 0.9 }), 0.3, false, 1);
    expect(describeRecommendation({ chosen: unlearned.method, chosenReason: unlearned.reason, metrics: scores({ lstm: 0.8, theta: 0.9 }) }).details).toEqual([
      "The network's validation loss was lowest after its first epoch, so it found little beyond the exponential smoothing it corrects, and its forecast stays close to that smoothing's.",
    ]);
  });

  it("names a method that clearly beat the LSTM, and a tie as the same score", () => {
    expect(describeRecommendation(stored({ lstm: 1.5, theta: 0.6 })).lead).toBe("Theta: backtest MASE 0.600, 60% below the next best, LSTM (ensemble) at 1.500.");
    expect(describeRecommendation(stored({ lstm: 0.9, naive: 0.9 })).lead).toBe("Naive (last value): backtest MASE 0.900, the same as LSTM (ensemble).");
    expect(describeRecommendation(stored({ lstm: 0.904, theta: 0.9 })).lead).toBe("LSTM (ensemble): backtest MASE 0.904, under 1% above the best, Theta at 0.900.");
  });

  it("leads with the reason's first sentence when there are no two scores (an uploaded model's forecast)", () => {
    const { lead, details } = describeRecommendation({
      chosen: "lstm",
      chosenReason: "Forecast by an uploaded model without training. When it was trained, its backtest recommended LSTM (ensemble).",
      metrics: {},
    });
    expect(lead).toBe("Forecast by an uploaded model without training.");
    expect(details).toEqual(["When it was trained, its backtest recommended LSTM (ensemble)."]);
  });
});

describe("splitSentences", () => {
  it("splits at a full stop before a capital, a digit or a quote, not inside numbers", () => {
    expect(splitSentences('Series "value" has 12 usable values; so this is Theta\'s forecast (MASE 0.812 vs 0.905). 87% of the last 40 values are 0. "a" too.')).toEqual([
      'Series "value" has 12 usable values; so this is Theta\'s forecast (MASE 0.812 vs 0.905).',
      "87% of the last 40 values are 0.",
      '"a" too.',
    ]);
  });
});
