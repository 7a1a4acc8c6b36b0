import { describe, expect, it } from "vitest";
import { formatRmseColumn, toBacktestColumns } from "./backtest-columns";
import type { BacktestRow } from "./to-backtest-rows";

const row = (rmse: number | null, over: Partial<BacktestRow> = {}): BacktestRow => ({
  method: "lstm",
  label: "LSTM (ensemble)",
  best: false,
  chosen: false,
  mase: 0.7351,
  smape: 5.94,
  rmse,
  coverage80: 0.8666,
  coverage95: 0.94,
  ...over,
});

describe("formatRmseColumn", () => {
  it.each([
    // One number of decimals down the column, enough for three digits of its smallest value.
    [[885.1, 3722.4, 893.44, 1889], ["885", "3,722", "893", "1,889"]],
    [[2.345, 4.1, 12.06], ["2.35", "4.10", "12.06"]],
    [[0.01234, 0.5], ["0.0123", "0.5000"]],
    [[1874.6, null, 7283.2], ["1,875", "—", "7,283"]],
    [[0, 3.5], ["0.00", "3.50"]],
    [[0, null], ["0", "—"]],
    [[123456789.4], ["123,456,789"]],
  ])("%j → %j", (values, expected) => {
    expect(formatRmseColumn(values)).toEqual(expected);
  });
});

describe("toBacktestColumns", () => {
  it("names the series' unit in the RMSE header, and reads each score the same way down its column", () => {
    const columns = toBacktestColumns([row(885.1), row(3722.4, { mase: 2.866, smape: 21.6, coverage80: 0.78, coverage95: 0.9 })], "EUR");
    expect(columns.map((c) => c.label)).toEqual(["MASE", "sMAPE", "RMSE (EUR)", "80% cov.", "95% cov."]);
    expect(columns.map((c) => c.cells)).toEqual([
      ["0.735", "2.866"],
      ["5.9%", "21.6%"],
      ["885", "3,722"],
      ["87%", "78%"],
      ["94%", "90%"],
    ]);
  });

  it("leaves the unit out of the header when the series has none, and says every score's meaning", () => {
    const columns = toBacktestColumns([row(null, { mase: null, smape: null, coverage80: null, coverage95: null })], null);
    expect(columns.find((c) => c.key === "rmse")?.label).toBe("RMSE");
    expect(columns.map((c) => c.cells[0])).toEqual(["—", "—", "—", "—", "—"]);
    for (const column of columns) expect(column.definition.length).toBeGreaterThan(40);
    expect(columns.find((c) => c.key === "rmse")?.definition).toMatch(/in the series' units/);
  });
});
