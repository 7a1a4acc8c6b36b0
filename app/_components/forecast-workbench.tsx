"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useRuns } from "@/app/_hooks/use-runs";
import { ACTIVE, useTraining } from "@/app/_hooks/use-training";
import { useLeaveGuard } from "@/app/_hooks/use-leave-guard";
import { useTimeZone } from "@/app/_hooks/use-time-zone";
import { toSeriesLabelStyle } from "@/lib/chart/format-time-label";
import type { HistoryPoints } from "@/lib/chart/to-forecast-rows";
import type { RunDto, RunPageDto } from "@/lib/series/run-schema";
import type { DatasetDto, SeriesDto } from "@/lib/series/schema";
import { formatSeriesList } from "@/lib/series/names";
import type { TrainingSettings } from "@/lib/workbench/to-forecast-request";
import { toModelRun } from "@/lib/workbench/to-model-run";
import { formatRunTimeWithZone } from "@/lib/time/format-run-time";
import { formatRunHorizon } from "@/lib/time/format-steps";
import { LiveLossChart } from "./live-loss-chart";
import { ModelUpload, type UploadedModel } from "./model-upload";
import { RunCompare } from "./run-compare";
import { RunResult, type RunView } from "./run-result";
import { RunsList } from "./runs-list";
import { TrainingPanel } from "./training-panel";
import { TrainingProgress } from "./training-progress";
import "./workbench.css";
import { MessageText } from "./message-text";

export interface ForecastWorkbenchProps {
  dataset: DatasetDto;
  /** Display points of every series (downsampled), by series id. */
  history: Record<string, HistoryPoints>;
  /** A page of the runs, newest first, and how many there are. */
  runs: RunPageDto;
  /** Where that page starts in the list (the page that holds `initialRun`); 0 by default. */
  runsOffset?: number;
  /** Run to open first (from `?run=`). */
  initialRunId?: string | null;
  /** That run, when the page could load it (finished, of this dataset): shown without a request. */
  initialRun?: RunDto | null;
}

const runLabel = (run: RunDto, letter: string, timeZone: string) => `Run ${letter} (${formatRunTimeWithZone(run.startedAt, timeZone)})`;

/** What a link away from the page asks while training runs, or while a finished run is not saved. */
const LEAVE_WHILE_TRAINING = "The model is still training. Leaving this page stops it, and nothing of this run is kept. Leave anyway?";
const LEAVE_WHILE_SAVING = "The run is being saved. Leaving this page now may lose it. Leave anyway?";
const LEAVE_UNSAVED = "This forecast could not be saved. Leaving this page loses it; export it first to keep it. Leave anyway?";

function showRunInUrl(id: string | null) {
  const url = new URL(window.location.href);
  if (id) url.searchParams.set("run", id);
  else url.searchParams.delete("run");
  window.history.replaceState(null, "", url);
}

/** The dataset page's workbench: train in a worker, watch it learn, read the forecast, manage runs. */
export function ForecastWorkbench({ dataset, history, runs: initialRuns, runsOffset = 0, initialRunId = null, initialRun = null }: ForecastWorkbenchProps) {
  const runs = useRuns(dataset.id, initialRuns, initialRun, runsOffset);
  const zone = useTimeZone();
  const [openId, setOpenId] = useState<string | null>(initialRun?.id ?? null);
  const [compareIds, setCompareIds] = useState<string[]>([]);
  /** A forecast made by an uploaded model file (not saved: nothing was trained). */
  const [fromModel, setFromModel] = useState<{ view: RunView; fileName: string } | null>(null);
  const { load, add, remove } = runs;
  const units = useMemo(() => Object.fromEntries(dataset.series.map((s) => [s.id, s.unit])), [dataset.series]);
  const frequencies = useMemo(() => Object.fromEntries(dataset.series.map((s) => [s.id, toSeriesLabelStyle(s)])), [dataset.series]);
  const stepKinds = useMemo(() => dataset.series.map((s) => s.frequency.kind), [dataset.series]);

  const onSaved = useCallback(
    (run: RunDto) => {
      add(run);
      setFromModel(null);
      setOpenId(run.id);
      showRunInUrl(run.id);
    },
    [add],
  );
  const training = useTraining(dataset.id, onSaved);
  const { state, start, reset, reforecastWith } = training;
  const onTrain = useCallback((series: SeriesDto[], settings: TrainingSettings) => void start(series, settings), [start]);
  const active = ACTIVE.has(state.status);
  useLeaveGuard(state.status === "saving" ? LEAVE_WHILE_SAVING : active ? LEAVE_WHILE_TRAINING : state.unsaved ? LEAVE_UNSAVED : null);
  const resultTitle = useRef<HTMLHeadingElement>(null);
  const wasActive = useRef(active);
  useEffect(() => {
    // Stop is disabled, then removed, as training ends, and Train is disabled as it starts: a
    // keyboard user's focus fell to the top of the page. It is put on the card's heading, above
    // the progress and Stop or the result, only when it was lost, never taken from elsewhere.
    const focused = document.activeElement;
    const lost = !focused || focused === document.body || (focused instanceof HTMLButtonElement && focused.disabled);
    const title = resultTitle.current;
    if (wasActive.current !== active && lost && title) {
      title.focus({ preventScroll: true });
      // On a phone the panels stack and the progress began 200 px below the fold, the greyed
      // button the only change in sight (focus alone scrolled the heading just to the window's
      // bottom edge): a heading outside the window's upper half is brought to its top.
      const top = title.getBoundingClientRect().top;
      if (top < 0 || top > window.innerHeight / 2) title.scrollIntoView({ block: "start" });
    }
    wasActive.current = active;
  }, [active]);

  const open = useCallback(
    async (id: string) => {
      if (await load(id)) {
        setFromModel(null);
        setOpenId(id);
        showRunInUrl(id);
        reset();
      }
    },
    [load, reset],
  );

  useEffect(() => {
    // A run the page did not bring (still training, failed, unknown) is asked for, to say why it does not open.
    if (initialRunId && initialRunId !== initialRun?.id) void open(initialRunId);
    // Only the run named in the URL when the page loads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onModelForecast = useCallback(
    async (model: UploadedModel, series: SeriesDto[], horizon: number) => {
      const first = series[0];
      if (!first) return;
      const startedAt = new Date();
      const began = performance.now();
      // The worker takes the bytes (transferred): it gets a copy, the upload keeps its own.
      const made = await reforecastWith(model.bytes.slice().buffer, series, horizon);
      const view = toModelRun(model.saved, made.forecast, made.series, first.frequency, { startedAt, elapsedMs: performance.now() - began });
      reset();
      setOpenId(null);
      showRunInUrl(null);
      setFromModel({ view, fileName: model.fileName });
    },
    [reforecastWith, reset],
  );

  const openRun = openId ? runs.opened[openId] : undefined;
  const shownRun: RunView | undefined = active ? undefined : (fromModel?.view ?? openRun ?? (state.unsaved ? { ...state.unsaved } : undefined));
  const [compareA, compareB] = compareIds.map((id) => runs.opened[id]);
  // The run the page's link names, when it cannot be opened, is said where it would have opened:
  // below, among the saved runs, it was a screen or more under a Forecast card saying "No forecast yet".
  const linkFailure = runs.error !== null && initialRunId !== null && runs.failedRunId === initialRunId ? runs.error : null;

  const onOpen = useCallback((id: string) => void open(id), [open]);
  const onToggleCompare = useCallback(
    (id: string) => {
      if (compareIds.includes(id)) return setCompareIds((ids) => ids.filter((x) => x !== id));
      setCompareIds((ids) => [...ids.slice(-1), id]);
      void load(id).then((run) => {
        if (!run) setCompareIds((ids) => ids.filter((x) => x !== id));
      });
    },
    [compareIds, load],
  );
  const onDelete = useCallback(
    async (id: string) => {
      await remove(id);
      setCompareIds((ids) => ids.filter((x) => x !== id));
      setOpenId((current) => {
        if (current !== id) return current;
        showRunInUrl(null);
        return null;
      });
    },
    [remove],
  );

  return (
    <>
      <div className="workbench">
        <section className="card" aria-labelledby="train-title">
          <div className="card-head">
            <div>
              <h2 id="train-title">Train a forecast</h2>
              <p>An LSTM trains in your browser, in the background, and is judged against simple baselines.</p>
            </div>
          </div>
          <div className="card-body">
            <TrainingPanel series={dataset.series} busy={active} onTrain={onTrain} />
            <section className="side-section" aria-labelledby="model-upload-title">
              <h3 id="model-upload-title">Forecast with a saved model</h3>
              <p>Upload a model downloaded from a run to forecast this data without training.</p>
              <ModelUpload series={dataset.series} busy={active} onForecast={onModelForecast} />
            </section>
          </div>
        </section>

        <section className="card workbench-main" aria-labelledby="result-title" aria-busy={active}>
          <div className="card-head">
            <div>
              <h2 id="result-title" ref={resultTitle} tabIndex={-1}>
                {active ? "Training" : "Forecast"}
              </h2>
              <p>
                {active
                  ? "You can keep using the page while the model trains."
                  : shownRun
                    ? `${formatSeriesList(shownRun.series.map((s) => s.name))} · ${formatRunHorizon(shownRun, dataset.series)} ahead`
                    : "Train a forecast or open a saved run."}
              </p>
            </div>
          </div>
          <div className="card-body stack">
            {(active || (state.status === "finished" && !openRun)) && <TrainingProgress state={state} onStop={training.stop} />}
            {state.error && (
              <div className="alert alert-error" role="alert" data-testid="training-error">
                <strong>{state.status === "failed" ? "Training did not finish. " : ""}</strong>
                <MessageText text={state.error} />
                {state.unsaved && state.canRetrySave && (
                  <div className="alert-actions">
                    <button type="button" className="button button-small" onClick={training.retrySave}>
                      Save again
                    </button>
                  </div>
                )}
              </div>
            )}
            {active && <LiveLossChart histories={state.histories} loss={state.lossName ?? undefined} />}
            {fromModel && !active && (
              <p className="alert alert-info" role="status" data-testid="model-forecast-note">
                Forecast by the uploaded model {fromModel.fileName}, from the data as stored, without training. It is not saved: export it below.
              </p>
            )}
            {shownRun && (
              <RunResult
                key={fromModel ? `model-${fromModel.view.startedAt}` : (openId ?? "unsaved")}
                run={shownRun}
                dataset={dataset}
                series={dataset.series}
                history={history}
                onReforecast={openRun?.hasModel ? () => training.reforecast(openRun, dataset.series.filter((s) => openRun.series.some((r) => r.seriesId === s.id && r.forecasts.lstm))) : undefined}
              />
            )}
            {linkFailure && !shownRun && !active && (
              <p className="alert alert-error" role="alert" data-testid="run-link-error">
                <MessageText text={linkFailure} />
              </p>
            )}
            {!shownRun && !active && state.status !== "failed" && (
              <div className="empty-state">
                <strong>No forecast yet</strong>
                Under “Train a forecast”, pick the series and horizon and press “Train forecast”, or open a run from “Saved runs” below. With the
                automatic settings a monthly series of a few hundred points takes {/* Held whole: a phone broke it as "10– / 30 seconds". */}
                {"10\u2060–\u206030\u00a0seconds"}, a year of hourly values up to a minute; a series too short for the LSTM gets Theta’s forecast at once.
              </div>
            )}
          </div>
        </section>
      </div>

      <section className="card" aria-labelledby="runs-title">
        <div className="card-head">
          <div>
            <h2 id="runs-title">Saved runs</h2>
            <p>Every finished or stopped run, and the ones started through the API. Tick two to compare them, on one page or on two.</p>
          </div>
        </div>
        {runs.error && !linkFailure && (
          <p className="alert alert-error card-alert" role="alert">
            <MessageText text={runs.error} />
          </p>
        )}
        <RunsList runs={runs.runs} total={runs.total} view={runs.view} onShow={runs.show} stepKinds={stepKinds} openId={openId} compareIds={compareIds} onOpen={onOpen} onToggleCompare={onToggleCompare} onDelete={onDelete} />
        {compareA && compareB && (
          <div className="card-body compare-body">
            <h3>Comparison</h3>
            <RunCompare
              a={compareA}
              b={compareB}
              history={history}
              frequencies={frequencies}
              units={units}
              labels={[runLabel(compareA, "A", zone), runLabel(compareB, "B", zone)]}
            />
          </div>
        )}
        {compareIds.length === 1 && <p className="field-hint card-alert">Tick one more run to compare.</p>}
        {compareIds.length === 2 && !(compareA && compareB) && <p className="field-hint card-alert">Loading the runs…</p>}
      </section>
    </>
  );
}
