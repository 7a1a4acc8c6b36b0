import { toBacktestColumns } from "@/lib/chart/backtest-columns";
import { toBacktestRows } from "@/lib/chart/to-backtest-rows";
import type { RunSeries } from "@/lib/series/run-schema";

export interface BacktestTableProps {
  series: Pick<RunSeries, "metrics" | "chosen" | "backtestOrigins" | "name">;
  /** How far each backtest forecast reaches, in the series' unit: `12 months`. */
  horizon: string;
  /** The series' unit (`EUR`), named in the RMSE header; null when the file named none. */
  unit?: string | null;
}

/**
 * The LSTM and each baseline on the rolling-origin backtest: MASE, sMAPE, RMSE, coverage; the winner
 * marked; under it, a key saying what each score means. On a phone each row is laid out as a block (workbench.css): the explicit roles keep it a
 * table for screen readers, and each cell's data-label names its column on screen.
 */
export function BacktestTable({ series, horizon, unit }: BacktestTableProps) {
  const rows = toBacktestRows(series);
  const columns = toBacktestColumns(rows, unit);
  return (
    <div className="backtest">
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
              {columns.map((column) => (
                <th key={column.key} scope="col" role="columnheader" className={column.keepCase ? "num keep-case" : "num"} title={column.definition}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {rows.map((row, r) => (
              <tr key={row.method} role="row" data-method={row.method} aria-current={row.chosen ? "true" : undefined} className={row.chosen ? "is-chosen" : undefined}>
                <th scope="row" role="rowheader">
                  {/* A badge that wraps starts under the name, not a gap's width in from it. */}
                  <span className="method-name">
                    {row.label}
                    {row.best && <span className="badge badge-success">Best MASE</span>}
                    {row.chosen && <span className="badge badge-accent">Recommended</span>}
                  </span>
                </th>
                {columns.map((column) => (
                  <td key={column.key} role="cell" className="num" data-label={column.label}>
                    {column.cells[r]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {/* The headers' tooltips reach neither the keyboard nor a touch screen: the same words, on the page. */}
      <details className="advanced score-key">
        <summary>What the scores mean</summary>
        <dl>
          {columns.map((column) => (
            <div key={column.key}>
              <dt>{column.label}</dt>
              <dd>{column.definition}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}
