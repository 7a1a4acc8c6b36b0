import { toBacktestRows } from "@/lib/chart/to-backtest-rows";
import type { RunSeries } from "@/lib/series/run-schema";

export interface BacktestTableProps {
  series: Pick<RunSeries, "metrics" | "chosen" | "backtestOrigins" | "name">;
  horizon: number;
}

const fixed = (digits: number) => (v: number | null) => (v === null ? "—" : v.toFixed(digits));
const percent = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(0)}%`);
const rmse = (v: number | null) => (v === null ? "—" : v.toLocaleString("en-US", { maximumSignificantDigits: 4 }));

/** The LSTM and each baseline on the rolling-origin backtest: MASE, sMAPE, RMSE, coverage; the winner marked. */
export function BacktestTable({ series, horizon }: BacktestTableProps) {
  const rows = toBacktestRows(series);
  return (
    <div className="table-wrap">
      <table className="table backtest-table" aria-label={`Backtest of ${series.name}`}>
        <caption className="table-caption">
          Backtest over {series.backtestOrigins} rolling origins, each {horizon} steps ahead. Lower MASE, sMAPE and RMSE are better;
          coverage should be near 80% and 95%.
        </caption>
        <thead>
          <tr>
            <th scope="col">Method</th>
            <th scope="col" className="num" title="Mean absolute scaled error (1 = as good as the in-sample seasonal naive)">
              MASE
            </th>
            <th scope="col" className="num keep-case" title="Symmetric mean absolute percentage error (M4)">
              sMAPE
            </th>
            <th scope="col" className="num" title="Root mean squared error, in the series' units">
              RMSE
            </th>
            <th scope="col" className="num" title="Share of actuals inside the 80% interval">
              80% cov.
            </th>
            <th scope="col" className="num" title="Share of actuals inside the 95% interval">
              95% cov.
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.method} data-method={row.method} aria-current={row.chosen ? "true" : undefined} className={row.chosen ? "is-chosen" : undefined}>
              <th scope="row">
                {row.label}
                {row.best && <span className="badge badge-success">Best MASE</span>}
                {row.chosen && <span className="badge badge-accent">Recommended</span>}
              </th>
              <td className="num">{fixed(3)(row.mase)}</td>
              <td className="num">{row.smape === null ? "—" : `${row.smape.toFixed(1)}%`}</td>
              <td className="num">{rmse(row.rmse)}</td>
              <td className="num">{percent(row.coverage80)}</td>
              <td className="num">{percent(row.coverage95)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
