import { describe, expect, it } from "vitest";
import { toBacktestRows } from "./to-backtest-rows";

const m = (mase: number | null) => ({ mase, smape: 1, rmse: 1, coverage80: 0.8, coverage95: 0.95 });

describe("toBacktestRows", () => {
  it("lists the LSTM first, marks the lowest MASE and the recommended method", () => {
    const rows = toBacktestRows({ metrics: { naive: m(1.2), lstm: m(0.9), snaive: m(0.8), theta: m(null) }, chosen: "lstm" });
    expect(rows.map((r) => r.method)).toEqual(["lstm", "naive", "snaive", "theta"]);
    expect(rows.filter((r) => r.best).map((r) => r.method)).toEqual(["snaive"]);
    expect(rows.filter((r) => r.chosen).map((r) => r.method)).toEqual(["lstm"]);
    expect(rows[0]?.label).toBe("LSTM (ensemble)");
  });
});
