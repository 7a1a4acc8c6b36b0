import { describe, expect, it } from "vitest";
import type { StoredMetrics } from "../series/run-schema";
import { toSeriesOverview } from "./to-series-overview";

const metrics = (mase: number | null, coverage80: number | null, coverage95: number | null): StoredMetrics => ({ mase, smape: 3, rmse: 10, coverage80, coverage95 });
const series = [
  { seriesId: "w", name: "Wine", chosen: "lstm" as const, metrics: { lstm: metrics(0.63, 0.83, 0.94), theta: metrics(0.7, 0.8, 0.9) } },
  { seriesId: "b", name: "Beer", chosen: "snaive" as const, metrics: { snaive: metrics(3.002, 0.5, 0.75) } },
  { seriesId: "c", name: "Cider", chosen: "theta" as const, metrics: { theta: metrics(null, null, null) } },
  { seriesId: "t", name: "Tea", chosen: "lstm" as const, metrics: { lstm: metrics(1.2155, 0.8, 0.95) } },
];

describe("toSeriesOverview", () => {
  it("gives each series its recommended method and that method's MASE and coverage, in the run's order", () => {
    const { columns, rows } = toSeriesOverview(series);
    expect(columns.map((c) => c.label)).toEqual(["MASE", "80% cov.", "95% cov."]);
    expect(rows).toEqual([
      { seriesId: "w", name: "Wine", recommended: "LSTM (ensemble)", cells: ["0.630", "83%", "94%"] },
      { seriesId: "b", name: "Beer", recommended: "Seasonal naive", cells: ["3.002", "50%", "75%"] },
      { seriesId: "c", name: "Cider", recommended: "Theta", cells: ["—", "—", "—"] },
      { seriesId: "t", name: "Tea", recommended: "LSTM (ensemble)", cells: ["1.216", "80%", "95%"] },
    ]);
  });

  it("puts the worst backtest first when asked, series without a score last", () => {
    expect(toSeriesOverview(series, "worst").rows.map((r) => r.name)).toEqual(["Beer", "Tea", "Wine", "Cider"]);
  });
});
