"use client";

import { memo } from "react";
import { useTimeZone } from "@/app/_hooks/use-time-zone";
import { METHOD_LABELS } from "@/lib/forecast/types";
import { RUNS_PAGE_SIZE, type RunSort, type RunSummaryDto } from "@/lib/series/run-schema";
import { formatSeriesList } from "@/lib/series/names";
import type { FrequencyKind } from "@/lib/time/frequency";
import { formatRunTime, formatZoneAbbreviation } from "@/lib/time/format-run-time";
import { formatSteps } from "@/lib/time/format-steps";
import { formatDuration } from "@/lib/workbench/progress-view";
import type { RunsView } from "@/app/_hooks/use-runs";
import { ZonedHeading } from "./local-time";

export interface RunsListProps {
  /** The page of runs shown. */
  runs: RunSummaryDto[];
  /** How many runs the dataset has. */
  total: number;
  view: RunsView;
  onShow: (view: RunsView) => void | Promise<void>;
  /** The frequency of each of the dataset's series: horizons are written in their unit (`13 weeks`), as the run's details write them. */
  stepKinds: readonly FrequencyKind[];
  openId: string | null;
  compareIds: string[];
  onOpen: (id: string) => void;
  onToggleCompare: (id: string) => void | Promise<void>;
  onDelete: (id: string) => void | Promise<void>;
}

const count = new Intl.NumberFormat("en-US");
const SORT_LABELS: Record<RunSort, string> = { newest: "Newest first", mase: "Best MASE first" };

/**
 * The dataset's runs, a page at a time, newest or best first, with their MASE: open, pick two to
 * compare (from any pages), delete.
 */
export const RunsList = memo(function RunsList({ runs, total, view, onShow, stepKinds, openId, compareIds, onOpen, onToggleCompare, onDelete }: RunsListProps) {
  const zone = useTimeZone();
  if (total === 0 && runs.length === 0) {
    return (
      <div className="empty-state">
        <strong>No runs yet</strong>
        Choose the series and horizon above and start a forecast. Every finished or stopped run is saved here.
      </div>
    );
  }
  const pages = Math.max(1, Math.ceil(total / RUNS_PAGE_SIZE));
  const pageIndex = Math.floor(view.offset / RUNS_PAGE_SIZE);
  const first = view.offset + 1;
  const last = view.offset + runs.length;
  // Buttons at either end stay focusable (aria-disabled, not disabled): a keyboard user's focus
  // would otherwise drop to the top of the page on reaching the first or last page.
  const go = (index: number) => {
    if (index >= 0 && index < pages && index !== pageIndex) void onShow({ ...view, offset: index * RUNS_PAGE_SIZE });
  };
  return (
    <div className="runs">
      {total > 1 && (
        <div className="runs-toolbar">
          <label className="inline-field">
            Order
            <select value={view.sort} onChange={(e) => void onShow({ offset: 0, sort: e.target.value as RunSort })}>
              {Object.entries(SORT_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <span className="muted" role="status" data-testid="runs-range">
            {total > runs.length ? `Runs ${count.format(first)}–${count.format(last)} of ${count.format(total)}` : `${count.format(total)} runs`}
          </span>
        </div>
      )}
      <div className="table-wrap">
        <table className="table runs-table" role="table" aria-label="Saved runs">
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">
                <ZonedHeading label="Started" />
              </th>
              <th scope="col" role="columnheader">Series</th>
              <th scope="col" role="columnheader" className="num">Horizon</th>
              <th scope="col" role="columnheader">Recommended</th>
              <th scope="col" role="columnheader" className="num" title="Backtest MASE of the recommended forecast (for several series, their mean): its errors over the seasonal naive method's errors on the history">
                MASE
              </th>
              <th scope="col" role="columnheader">Backend</th>
              <th scope="col" role="columnheader" className="num">Took</th>
              <th scope="col" role="columnheader">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {runs.map((run) => {
              const label = formatRunTime(run.startedAt, zone);
              const finished = run.status === "done" || run.status === "stopped";
              return (
                <tr key={run.id} role="row" data-run-id={run.id} aria-current={run.id === openId ? "true" : undefined} className={run.id === openId ? "is-open" : undefined}>
                  <td role="cell" className="run-started">
                    {/* The badges wrap under the time, each whole, rather than widening the table past Delete. */}
                    <span className="run-started-line">
                      <span className="run-when">
                        <button type="button" className="link-button" onClick={() => onOpen(run.id)} aria-label={`Open run of ${label}`} disabled={!finished}>
                          {label}
                        </button>
                        {/* Screen readers have the header's zone. */}
                        <span className="muted run-zone" aria-hidden="true">
                          {" "}
                          {formatZoneAbbreviation(run.startedAt, zone)}
                        </span>
                        <span className="muted run-seed"> · seed {run.seed}</span>
                      </span>
                      {run.status === "stopped" && <span className="badge badge-warning">Stopped early</span>}
                      {run.origin === "server" && <span className="badge">Server</span>}
                      {run.status === "queued" && <span className="badge">Queued</span>}
                      {run.status === "running" && (
                        <span className="badge badge-accent" title={run.progress?.label}>
                          Running {run.progress?.percent ?? 0}%
                        </span>
                      )}
                      {run.status === "failed" && <span className="badge badge-danger">Failed</span>}
                    </span>
                  </td>
                  <td role="cell" className="truncate run-series" data-label="Series" title={run.seriesNames.join(", ")}>
                    {formatSeriesList(run.seriesNames)}
                    {/* A line of its own: after the names it was cut off, and a global and a per-series run of the same series read alike. */}
                    {run.seriesNames.length > 1 && <span className="muted run-mode">{run.mode === "global" ? "one global model" : "a model per series"}</span>}
                  </td>
                  <td role="cell" className="num" data-label="Horizon">{formatSteps(run.horizon, stepKinds)}</td>
                  {run.status === "failed" ? (
                    <td role="cell" colSpan={3} className="run-failure">
                      {run.failure}
                    </td>
                  ) : (
                    <>
                      <td role="cell" className="run-recommended" data-label="Recommended">{run.chosen ? METHOD_LABELS[run.chosen] : run.progress ? <span className="muted">{run.progress.label}</span> : "—"}</td>
                      <td role="cell" className="num" data-label="MASE">
                        {/* One piece: laid out as a block (up to 1200 px), each child of the cell took a line of its own. */}
                        <span>
                          {run.mase === null ? "—" : run.mase.toFixed(3)}
                          {run.mase !== null && run.seriesNames.length > 1 && <span className="muted"> mean</span>}
                        </span>
                      </td>
                      <td role="cell" data-label="Backend">{run.backendLabel ?? "—"}</td>
                    </>
                  )}
                  <td role="cell" className="num" data-label="Took">{formatDuration(run.elapsedMs)}</td>
                  <td role="cell" className="run-actions">
                    <div className="row-actions">
                      <label className="check">
                        <input
                          type="checkbox"
                          checked={compareIds.includes(run.id)}
                          onChange={() => void onToggleCompare(run.id)}
                          aria-label={`Compare run of ${label}`}
                          disabled={!finished}
                        />
                        Compare
                      </label>
                      <button
                        type="button"
                        className="button button-small button-danger"
                        aria-label={`Delete run of ${label}`}
                        onClick={() => {
                          if (window.confirm(`Delete the run of ${label}? Its forecast and model are removed.`)) void onDelete(run.id);
                        }}
                      >
                        Delete
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav className="list-pager" aria-label="Pages of saved runs">
          <button type="button" className="button button-small" aria-disabled={pageIndex === 0} onClick={() => go(pageIndex - 1)}>
            Previous {RUNS_PAGE_SIZE}
          </button>
          <label className="inline-field">
            Page
            <select value={pageIndex} onChange={(e) => go(Number(e.target.value))}>
              {Array.from({ length: pages }, (_, index) => (
                <option key={index} value={index}>
                  {count.format(index + 1)}
                </option>
              ))}
            </select>
            of {count.format(pages)}
          </label>
          <button type="button" className="button button-small" aria-disabled={pageIndex === pages - 1} onClick={() => go(pageIndex + 1)}>
            Next {RUNS_PAGE_SIZE}
          </button>
        </nav>
      )}
    </div>
  );
});
