"use client";

import { useDeferredValue, useMemo, useRef, useState } from "react";
import { useTimeZone } from "@/app/_hooks/use-time-zone";
import { toSeriesLabelStyle } from "@/lib/chart/format-time-label";
import { toForecastRows, type HistoryPoints } from "@/lib/chart/to-forecast-rows";
import { toChartHeading } from "@/lib/export/chart-heading";
import { METHOD_LABELS, METHOD_MENU_LABELS, METHOD_NAMES, type MethodName } from "@/lib/forecast/types";
import type { ExportableRun } from "@/lib/export/run-json";
import type { Reforecast } from "@/lib/workbench/to-run-record";
import type { SeriesDto } from "@/lib/series/schema";
import { describeCoverageWarning } from "@/lib/workbench/describe-coverage";
import { describeOutliers, describePreprocessing, describeMissingEnd, describeUnusualEnd } from "@/lib/workbench/describe-preprocessing";
import { describeBackend } from "@/lib/forecast/describe-backend";
import { describeLeaveOut } from "@/lib/forecast/leave-out";
import { describeRecommendation } from "@/lib/workbench/describe-recommendation";
import { formatDuration } from "@/lib/workbench/progress-view";
import { formatRunTime, formatZoneAbbreviation } from "@/lib/time/format-run-time";
import { formatRunHorizon, formatSteps } from "@/lib/time/format-steps";
import { BacktestTable } from "./backtest-table";
import { ForecastChart } from "./forecast-chart";
import { LossChart } from "./loss-chart";
import { RunExport } from "./run-export";
import { SeriesOverview } from "./series-overview";
import { MessageText } from "./message-text";
import { toErrorMessage } from "@/lib/to-error-message";

/**
 * What a result view needs: a saved run, a finished run that could not be saved, or an uploaded
 * model's forecast (no backend, backtest or losses: nothing was trained).
 */
export type RunView = ExportableRun & { hasModel?: boolean };

export interface RunResultProps {
  run: RunView;
  /** The dataset, for exports (file names, the full history). */
  dataset: { id: string; name: string };
  series: SeriesDto[];
  history: Record<string, HistoryPoints>;
  /** Forecasts again with the run's saved model (no retraining); absent when the run has no model. */
  onReforecast?: () => Promise<Reforecast>;
}

/** A run as it was: forecast chart with bands, the recommendation and why, the backtest table, the loss curves. */
export function RunResult({ run, dataset, series, history, onReforecast }: RunResultProps) {
  const chartRef = useRef<HTMLDivElement>(null);
  const [seriesId, setSeriesId] = useState(run.series[0]?.seriesId ?? "");
  const [method, setMethod] = useState<MethodName | "chosen">("chosen");
  const [showBacktest, setShowBacktest] = useState(false);
  const [reforecastResult, setReforecastResult] = useState<Reforecast | null>(null);
  const fresh = reforecastResult?.series ?? null;
  const [reforecastState, setReforecastState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  // The backtest table and the loss chart come in a second, interruptible render: drawing every
  // chart of a run in one commit kept the main thread busy for 0.4–0.6 s before the forecast showed.
  const showDetails = useDeferredValue(true, false);
  const zone = useTimeZone();

  const saved = run.series.find((s) => s.seriesId === seriesId) ?? run.series[0];
  const shown = (fresh ?? run.series).find((s) => s.seriesId === saved?.seriesId) ?? saved;
  const meta = series.find((s) => s.id === saved?.seriesId);
  const labelStyle = toSeriesLabelStyle(meta);
  const points = saved ? history[saved.seriesId] : undefined;
  const drawn: MethodName = method === "chosen" || !shown?.forecasts[method] ? (shown?.chosen ?? "lstm") : method;
  const rows = useMemo(
    () => (shown && points ? toForecastRows(points, shown, { method: drawn, backtest: showBacktest && !fresh }) : []),
    [points, shown, drawn, showBacktest, fresh],
  );
  if (!saved || !shown) return null;
  const methods = METHOD_NAMES.filter((m) => shown.forecasts[m]);
  // Every series too short for the LSTM: the run forecast with Theta and the naive methods only
  // (a run mixing long and short series trained a network for the long ones).
  const networkless = run.history.length === 0 && !run.series.some((s) => s.forecasts.lstm);
  const recommendation = describeRecommendation(shown);
  const coverageWarning = describeCoverageWarning(saved.metrics[drawn]);
  const unusualEnd = describeUnusualEnd(saved.preprocessing.unusualEnd, labelStyle, meta?.unit);
  // The new forecast's own: the data may have stopped elsewhere since the run.
  const missingEnd = describeMissingEnd(shown.preprocessing.missingAtEnd, shown.preprocessing.lastReading, labelStyle, meta?.frequency.kind, meta?.unit, shown.preprocessing.filledWithSeason === true);
  const heading = toChartHeading({ seriesName: saved.name, datasetName: dataset.name, method: drawn, horizon: run.horizon, frequency: meta?.frequency.kind, startedAt: run.startedAt, timeZone: zone });
  const horizonText = formatRunHorizon(run, series);

  async function reforecast() {
    if (!onReforecast) return;
    setReforecastState({ busy: true, error: null });
    try {
      setReforecastResult(await onReforecast());
      setReforecastState({ busy: false, error: null });
    } catch (err) {
      setReforecastState({ busy: false, error: toErrorMessage(err) });
    }
  }

  return (
    <div className="run-result" data-testid="run-result" data-run-id={run.id}>
      <ul className="meta-list run-meta">
        <li>
          Started <strong>{formatRunTime(run.startedAt, zone)}</strong> {formatZoneAbbreviation(run.startedAt, zone)}
        </li>
        <li>
          Horizon <strong>{horizonText}</strong>
        </li>
        <li>
          Took <strong>{formatDuration(run.elapsedMs)}</strong>
        </li>
        {run.config.leaveOut && run.config.leaveOut.length > 0 && (
          <li data-testid="run-left-out">
            Left out <strong>{describeLeaveOut(run.config.leaveOut, meta?.frequency.kind)}</strong>
          </li>
        )}
        {run.backend && (
          <li>
            Backend <strong>{describeBackend(run.backend)}</strong>
          </li>
        )}
        {networkless ? (
          <li>
            No network trained: <strong>too short for the LSTM</strong>
          </li>
        ) : (
          <>
            <li>
              Seed <strong>{run.config.seed}</strong>
            </li>
            <li>
              Lookback <strong>{run.config.lookback}</strong> · units <strong>{run.config.units}</strong> · layers <strong>{run.config.layers}</strong> · ensemble{" "}
              <strong>{run.config.ensembleSize}</strong>
            </li>
          </>
        )}
      </ul>
      {run.status === "stopped" && (
        <p className="alert alert-warning" role="status">
          Training was stopped early. The forecast below uses the best model trained up to that point, and the backtest still judges it against
          the baselines.
        </p>
      )}
      {run.skipped && run.skipped.length > 0 && (
        <ul className="alert alert-warning" role="status" data-testid="skipped-series">
          {run.skipped.map((s) => (
            <li key={s.name}>{s.reason}</li>
          ))}
        </ul>
      )}
      <div className="result-toolbar">
        {run.series.length > 1 && (
          <label className="inline-field">
            Series
            <select value={saved.seriesId} onChange={(e) => setSeriesId(e.target.value)}>
              {run.series.map((s) => (
                <option key={s.seriesId} value={s.seriesId}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="inline-field">
          Forecast shown
          <select value={method} onChange={(e) => setMethod(e.target.value as MethodName | "chosen")}>
            <option value="chosen">Recommended: {METHOD_MENU_LABELS[shown.chosen]}</option>
            {methods.map((m) => (
              <option key={m} value={m}>
                {METHOD_MENU_LABELS[m]}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={showBacktest} onChange={(e) => setShowBacktest(e.target.checked)} disabled={!!fresh} />
          Backtest overlay
        </label>
        {onReforecast && (
          <button type="button" className="button button-small" onClick={reforecast} disabled={reforecastState.busy}>
            {reforecastState.busy ? "Forecasting…" : fresh ? "Forecast again" : "Forecast with saved model"}
          </button>
        )}
        {fresh && (
          <button type="button" className="link-button" onClick={() => setReforecastResult(null)}>
            Show the saved forecast
          </button>
        )}
      </div>
      {run.series.length > 1 && <SeriesOverview series={run.series} shownId={saved.seriesId} onShow={setSeriesId} />}
      {fresh && (
        <p className="alert alert-info" role="status">
          Forecast made just now by the saved model from the data as stored, without retraining.
        </p>
      )}
      {reforecastResult && reforecastResult.skipped.length > 0 && (
        <ul className="alert alert-warning" role="status" data-testid="reforecast-skipped">
          {reforecastResult.skipped.map((s) => (
            <li key={s.name}>{s.reason}</li>
          ))}
        </ul>
      )}
      {reforecastState.error && (
        <p className="alert alert-error" role="alert">
          <MessageText text={reforecastState.error} />
        </p>
      )}
      {points ? (
        <div ref={chartRef}>
          <ForecastChart
            rows={rows}
            name={saved.name}
            unit={meta?.unit}
            frequency={labelStyle}
            historyEnd={shown.historyEnd}
            methodLabel={METHOD_LABELS[drawn]}
            showBacktest={showBacktest && !fresh}
            historyCount={meta?.pointCount ?? 0}
            outliers={saved.preprocessing.outliers}
            leftOut={saved.preprocessing.leftOut}
          />
        </div>
      ) : (
        <div className="chart-empty">The series of this run is no longer in the dataset.</div>
      )}
      <RunExport
        run={fresh ? { ...run, series: fresh } : run}
        dataset={dataset}
        series={series}
        method={method}
        chart={chartRef}
        chartSeries={saved.name}
        chartTitle={heading.title}
        chartSubtitle={heading.subtitle}
        showBacktest={showBacktest && !fresh}
        modelRunId={run.id && run.hasModel ? run.id : null}
      />
      <div className="chosen-reason" data-testid="chosen-reason">
        <p className="chosen-lead">
          <span className="badge badge-accent">Recommended</span> {recommendation.lead}
        </p>
        {recommendation.details.length > 0 && (
          <ul className="chosen-details">
            {recommendation.details.map((sentence, i) => (
              <li key={i}>{sentence}</li>
            ))}
          </ul>
        )}
      </div>
      {coverageWarning && (
        <p className="alert alert-warning coverage-warning" data-testid="coverage-warning">
          {coverageWarning}
        </p>
      )}
      {unusualEnd && (
        <p className="alert alert-warning" data-testid="unusual-end">
          {unusualEnd}
        </p>
      )}
      {missingEnd && (
        <p className="alert alert-warning" data-testid="missing-end">
          {missingEnd}
        </p>
      )}
      <p className="preprocessing-note" data-testid="preprocessing">
        <span className="muted">{saved.forecasts.lstm ? "Before the network:" : "Before the methods:"}</span> {describePreprocessing(saved.preprocessing, describeOutliers(saved.preprocessing.outliers ?? [], labelStyle, meta?.unit), meta?.frequency.kind)}
      </p>
      {showDetails && (Object.keys(saved.metrics).length > 0 || run.history.length > 0) && (
        <div className="result-grid">
          {Object.keys(saved.metrics).length > 0 && <BacktestTable series={saved} horizon={formatSteps(run.horizon, meta ? [meta.frequency.kind] : [])} unit={meta?.unit} />}
          {run.history.length > 0 && <LossChart histories={run.history} loss={run.config.loss.toUpperCase()} series={saved.name} />}
        </div>
      )}
    </div>
  );
}
