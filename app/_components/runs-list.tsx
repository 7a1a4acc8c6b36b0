"use client";

import { memo } from "react";
import { useTimeZone } from "@/app/_hooks/use-time-zone";
import { METHOD_LABELS } from "@/lib/forecast/types";
import type { RunSummaryDto } from "@/lib/series/run-schema";
import { formatSeriesList } from "@/lib/series/names";
import type { FrequencyKind } from "@/lib/time/frequency";
import { formatRunTime, formatZoneAbbreviation } from "@/lib/time/format-run-time";
import { formatSteps } from "@/lib/time/format-steps";
import { formatDuration } from "@/lib/workbench/progress-view";
import { ZonedHeading } from "./local-time";

export interface RunsListProps {
  runs: RunSummaryDto[];
  /** The frequency of each of the dataset's series: horizons are written in their unit (`13 weeks`), as the run's details write them. */
  stepKinds: readonly FrequencyKind[];
  openId: string | null;
  compareIds: string[];
  onOpen: (id: string) => void;
  onToggleCompare: (id: string) => void | Promise<void>;
  onDelete: (id: string) => void | Promise<void>;
}

/** The dataset's runs, newest first, with their MASE: open, pick two to compare, delete. */
export const RunsList = memo(function RunsList({ runs, stepKinds, openId, compareIds, onOpen, onToggleCompare, onDelete }: RunsListProps) {
  const zone = useTimeZone();
  if (runs.length === 0) {
    return (
      <div className="empty-state">
        <strong>No runs yet</strong>
        Choose the series and horizon above and start a forecast. Every finished or stopped run is saved here.
      </div>
    );
  }
  return (
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
                  <button type="button" className="link-button" onClick={() => onOpen(run.id)} aria-label={`Open run of ${label}`} disabled={!finished}>
                    {label}
                  </button>
                  {/* Screen readers have the header's zone. */}
                  <span className="muted run-zone" aria-hidden="true">
                    {" "}
                    {formatZoneAbbreviation(run.startedAt, zone)}
                  </span>
                  <span className="muted run-seed"> · seed {run.seed}</span>
                  {run.status === "stopped" && <span className="badge badge-warning">Stopped early</span>}
                  {run.origin === "server" && <span className="badge">Server</span>}
                  {run.status === "queued" && <span className="badge">Queued</span>}
                  {run.status === "running" && (
                    <span className="badge badge-accent" title={run.progress?.label}>
                      Running {run.progress?.percent ?? 0}%
                    </span>
                  )}
                  {run.status === "failed" && <span className="badge badge-danger">Failed</span>}
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
                    <td role="cell" data-label="Recommended">{run.chosen ? METHOD_LABELS[run.chosen] : run.progress ? <span className="muted">{run.progress.label}</span> : "—"}</td>
                    <td role="cell" className="num" data-label="MASE">
                      {run.mase === null ? "—" : run.mase.toFixed(3)}
                      {run.mase !== null && run.seriesNames.length > 1 && <span className="muted"> mean</span>}
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
  );
});
