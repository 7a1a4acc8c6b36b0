import { toBacktestRows, type BacktestRow } from "@/lib/chart/to-backtest-rows";
import type { RunSeries } from "@/lib/series/run-schema";

export interface BacktestTableProps {
  series: Pick<RunSeries, "metrics" | "chosen" | "backtestOrigins" | "name">;
  /** How far each backtest forecast reaches, in the series' unit: `12 months`. */
  horizon: string;
}

const fixed = (digits: number) => (v: number | null) => (v === null ? "—" : v.toFixed(digits));
const percent = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(0)}%`);
const rmse = (v: number | null) => (v === null ? "—" : v.toLocaleString("en-US", { maximumSignificantDigits: 4 }));

/** The score columns: header, its explanation, and how a row's value reads. */
const COLUMNS: { label: string; title: string; keepCase?: boolean; cell: (row: BacktestRow) => string }[] = [
  { label: "MASE", title: "Mean absolute scaled error (1 = as good as the in-sample seasonal naive)", cell: (row) => fixed(3)(row.mase) },
  { label: "sMAPE", title: "Symmetric mean absolute percentage error (M4)", keepCase: true, cell: (row) => (row.smape === null ? "—" : `${row.smape.toFixed(1)}%`) },
  { label: "RMSE", title: "Root mean squared error, in the series' units", cell: (row) => rmse(row.rmse) },
  { label: "80% cov.", title: "Share of actuals inside the 80% interval", cell: (row) => percent(row.coverage80) },
  { label: "95% cov.", title: "Share of actuals inside the 95% interval", cell: (row) => percent(row.coverage95) },
];

/**
 * The LSTM and each baseline on the rolling-origin backtest: MASE, sMAPE, RMSE, coverage; the winner
 * marked. On a phone each row is laid out as a block (workbench.css): the explicit roles keep it a
 * table for screen readers, and each cell's data-label names its column on screen.
 */
export function BacktestTable({ series, horizon }: BacktestTableProps) {
  const rows = toBacktestRows(series);
  return (
    <div className="table-wrap">
      <table className="table backtest-table" role="table" aria-label={`Backtest of ${series.name}`}>
        <caption className="table-caption">
          Backtest over {series.backtestOrigins} rolling origins, each {horizon} ahead. Lower MASE, sMAPE and RMSE are better;
          coverage should be near 80% and 95%.
        </caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              Method
            </th>
            {COLUMNS.map((column) => (
              <th key={column.label} scope="col" role="columnheader" className={column.keepCase ? "num keep-case" : "num"} title={column.title}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((row) => (
            <tr key={row.method} role="row" data-method={row.method} aria-current={row.chosen ? "true" : undefined} className={row.chosen ? "is-chosen" : undefined}>
              <th scope="row" role="rowheader">
                {row.label}
                {row.best && <span className="badge badge-success">Best MASE</span>}
                {row.chosen && <span className="badge badge-accent">Recommended</span>}
              </th>
              {COLUMNS.map((column) => (
                <td key={column.label} role="cell" className="num" data-label={column.label}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
