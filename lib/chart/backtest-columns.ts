import type { BacktestRow } from "./to-backtest-rows";

/** One score column of the backtest table: its header, what it means, and each row's value as shown. */
export interface BacktestColumn {
  key: "mase" | "smape" | "rmse" | "coverage80" | "coverage95";
  label: string;
  /** A sentence an analyst can read beside the table (the header's tooltip, and the table's key). */
  definition: string;
  /** "sMAPE" keeps its small s where the header row is set in capitals. */
  keepCase?: boolean;
  /** The column's value in each row, in the rows' order; "—" where there is none. */
  cells: string[];
}

const NONE = "—";

/**
 * An RMSE column with one number of decimals for every row, enough to give its smallest (non-zero)
 * value three significant digits: `885`, `3,722` rather than `885.1`, `3,722`; `2.35`, `4.10`.
 * @param values RMSE of each row, in the series' units; null where the method has none
 */
export function formatRmseColumn(values: readonly (number | null)[]): string[] {
  const positive = values.filter((v): v is number => v !== null && Number.isFinite(v) && v > 0);
  const smallest = positive.length > 0 ? Math.min(...positive) : null;
  const decimals = smallest === null ? 0 : Math.min(6, Math.max(0, 2 - Math.floor(Math.log10(smallest))));
  return values.map((v) => (v === null ? NONE : v.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
}

const fixed = (digits: number, suffix = "") => (v: number | null) => (v === null ? NONE : `${v.toFixed(digits)}${suffix}`);
const percent = (v: number | null) => (v === null ? NONE : `${(v * 100).toFixed(0)}%`);

/**
 * The backtest table's score columns, shaped for display: MASE to three decimals, sMAPE to one, RMSE
 * with one number of decimals down the column and the series' unit in its header, coverage in whole
 * percent.
 * @param rows the table's rows (toBacktestRows)
 * @param unit the series' unit (`EUR`, `°C`), or null when the file named none
 */
export function toBacktestColumns(rows: readonly BacktestRow[], unit: string | null | undefined): BacktestColumn[] {
  return [
    {
      key: "mase",
      label: "MASE",
      definition:
        "Mean absolute scaled error: the average miss divided by the average miss of a seasonal naive forecast within the history. Under 1 beats that simple rule; lower is better.",
      cells: rows.map((r) => fixed(3)(r.mase)),
    },
    {
      key: "smape",
      label: "sMAPE",
      keepCase: true,
      definition: "Symmetric mean absolute percentage error (as in the M4 competition): the average miss as a share of the actual and forecast values. Lower is better.",
      cells: rows.map((r) => fixed(1, "%")(r.smape)),
    },
    {
      key: "rmse",
      label: unit ? `RMSE (${unit})` : "RMSE",
      definition: "Root mean squared error, in the series' units: the typical size of a miss, large misses counting more. Lower is better.",
      cells: formatRmseColumn(rows.map((r) => r.rmse)),
    },
    {
      key: "coverage80",
      label: "80% cov.",
      definition: "Coverage of the 80% interval: the share of the backtest's actual values that fell inside it. Near 80% is right; well under means the band is too narrow.",
      cells: rows.map((r) => percent(r.coverage80)),
    },
    {
      key: "coverage95",
      label: "95% cov.",
      definition: "Coverage of the 95% interval: the share of the backtest's actual values that fell inside it. Near 95% is right; well under means the band is too narrow.",
      cells: rows.map((r) => percent(r.coverage95)),
    },
  ];
}
