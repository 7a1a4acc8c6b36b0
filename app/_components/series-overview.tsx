"use client";

import { memo, useMemo, useState } from "react";
import { toSeriesOverview, type SeriesOverviewOrder } from "@/lib/chart/to-series-overview";
import type { RunSeries } from "@/lib/series/run-schema";

export interface SeriesOverviewProps {
  series: RunSeries[];
  /** The series the run view shows. */
  shownId: string;
  onShow: (seriesId: string) => void;
}

/**
 * Every series of a run of several, one line each: the recommended forecast and its backtest
 * scores, worst first on request; a name shows that series' forecast above. Folded by default, so
 * a run of two series reads as before.
 */
export const SeriesOverview = memo(function SeriesOverview({ series, shownId, onShow }: SeriesOverviewProps) {
  const [order, setOrder] = useState<SeriesOverviewOrder>("run");
  const { columns, rows } = useMemo(() => toSeriesOverview(series, order), [series, order]);
  return (
    <details className="advanced series-overview" data-testid="series-overview">
      <summary>All {series.length.toLocaleString("en-US")} series: recommended forecast and backtest scores</summary>
      <label className="inline-field">
        Order
        <select value={order} onChange={(e) => setOrder(e.target.value as SeriesOverviewOrder)}>
          <option value="run">As in the file</option>
          <option value="worst">Highest MASE first</option>
        </select>
      </label>
      <div className="table-wrap series-overview-scroll">
        <table className="table" aria-label="Series of this run">
          <thead>
            <tr>
              <th scope="col">Series</th>
              <th scope="col">Recommended</th>
              {columns.map((c) => (
                <th key={c.key} scope="col" className="num" title={c.definition}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.seriesId} aria-current={row.seriesId === shownId ? "true" : undefined} className={row.seriesId === shownId ? "is-chosen" : undefined}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => onShow(row.seriesId)} aria-label={`Show ${row.name}`}>
                    {row.name}
                  </button>
                </th>
                <td>{row.recommended}</td>
                {row.cells.map((cell, i) => (
                  <td key={columns[i]?.key} className="num">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
});
