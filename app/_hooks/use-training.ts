"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { createForecastClient, type ForecastClient } from "@/lib/forecast/client";
import { resolveConfig } from "@/lib/forecast/config";
import type { WorkerEvent } from "@/lib/forecast/protocol";
import type { ForecastProgress, ModelForecast } from "@/lib/forecast/types";
import type { RunDto, RunSeries, SaveRunInput, StoredTrainingHistory } from "@/lib/series/run-schema";
import type { SeriesDto } from "@/lib/series/schema";
import { fetchApi, fetchModelBytes, fetchSeriesPoints, readJson } from "@/lib/workbench/api-client";
import { describeBackend } from "@/lib/forecast/describe-backend";
import { advanceProgress, appendProgress, describeSaveFailure, describeTrainingError, toProgressView, type ProgressView } from "@/lib/workbench/progress-view";
import { alignEnds, toForecastRequest, toRegularSeries, toSeriesInput, type RegularSeries, type TrainingSettings } from "@/lib/workbench/to-forecast-request";
import { toReforecastSeries, toRunRecord, type Reforecast } from "@/lib/workbench/to-run-record";
import { toErrorMessage } from "@/lib/to-error-message";
import { describeIrregularEvents } from "@/lib/workbench/irregular-events";

export type TrainingStatus = "idle" | "loading" | "training" | "stopping" | "saving" | "finished" | "failed";

/** Statuses in which a run is under way. */
export const ACTIVE: ReadonlySet<TrainingStatus> = new Set(["loading", "training", "stopping", "saving"]);

export interface TrainingState {
  status: TrainingStatus;
  progress: ForecastProgress | null;
  view: ProgressView | null;
  backend: string | null;
  /** Loss curves so far (live while training). */
  histories: StoredTrainingHistory[];
  /** The training loss's name ("MAE"), for the live chart's axis; null before a run starts. */
  lossName: string | null;
  error: string | null;
  /** The finished run when it could not be saved (shown anyway). */
  unsaved: SaveRunInput | null;
  /** Whether sending the unsaved run again can succeed ("Save again" is offered). */
  canRetrySave: boolean;
}

/** User Timing marks around a run (from "Train forecast" to the worker's result), for tests and benchmarks. */
export const TRAINING_START_MARK = "tidecast:training-start";
export const TRAINING_END_MARK = "tidecast:training-end";

/**
 * Progress reaches the page at most this often (ms). Small models finish an epoch every few ms;
 * drawing each one would keep the main thread busy for nothing.
 */
const UI_UPDATE_MS = 250;
/** The live loss chart redraws at most this often (ms). */
const LOSS_UPDATE_MS = 500;
/** How often the elapsed time moves on while the worker sends nothing (ms). */
const CLOCK_TICK_MS = 1000;

const IDLE: TrainingState = { status: "idle", progress: null, view: null, backend: null, histories: [], lossName: null, error: null, unsaved: null, canRetrySave: false };

async function loadSeries(datasetId: string, series: SeriesDto): Promise<RegularSeries> {
  const points = await fetchSeriesPoints(datasetId, series.id, series.name);
  return toRegularSeries(series.id, series.name, points.t, points.y, series.frequency, series.unit);
}

async function saveRun(datasetId: string, record: SaveRunInput, model: ArrayBuffer | null): Promise<RunDto> {
  const form = new FormData();
  form.append("run", JSON.stringify(record));
  if (model) form.append("model", new Blob([model], { type: "application/octet-stream" }), "model.bin");
  return readJson<RunDto>(await fetchApi(`/api/datasets/${datasetId}/runs`, { method: "POST", body: form }, "Saving the run"), "Saving the run");
}

/**
 * React glue over the forecast worker: loads the chosen series in full, trains in the worker,
 * shows progress (coalesced to a few updates a second so the page stays responsive), saves the
 * finished run and hands it to `onSaved`; a run the server did not take stays on the page, with its
 * model, to be saved again. The worker ends when the component unmounts.
 */
export function useTraining(datasetId: string, onSaved: (run: RunDto) => void) {
  const [state, setState] = useState<TrainingState>(IDLE);
  const client = useRef<ForecastClient | null>(null);
  const queue = useRef<ForecastProgress[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const job = useRef<{ series: RegularSeries[]; frequency: SeriesDto["frequency"]; startedAt: Date } | null>(null);
  /** Loss curves as they arrive; published to the chart at most once per LOSS_UPDATE_MS. */
  const liveHistories = useRef<StoredTrainingHistory[]>([]);
  const lastLossUpdate = useRef(0);
  /** The run and model bytes that could not be saved, for "Save again". */
  const unsent = useRef<{ record: SaveRunInput; model: ArrayBuffer | null } | null>(null);
  /** The worker's latest progress and when it arrived (performance.now()), for the clock between events. */
  const lastEvent = useRef<{ progress: ForecastProgress; at: number } | null>(null);
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  }, [onSaved]);

  const flush = useCallback(() => {
    timer.current = null;
    const events = queue.current;
    queue.current = [];
    if (!events.length) return;
    const names = job.current?.series.map((s) => s.name) ?? [];
    for (const p of events) liveHistories.current = appendProgress(liveHistories.current, p, names);
    const now = performance.now();
    const publishLoss = now - lastLossUpdate.current >= LOSS_UPDATE_MS;
    if (publishLoss) lastLossUpdate.current = now;
    setState((s) => {
      let view = s.view;
      for (const p of events) view = toProgressView(p, view?.percent ?? 0);
      const last = events[events.length - 1] as ForecastProgress;
      return { ...s, progress: last, view, histories: publishLoss ? liveHistories.current : s.histories, backend: s.backend ?? last.backendLabel };
    });
  }, []);

  const save = useCallback(
    async (record: SaveRunInput, model: ArrayBuffer | null) => {
      unsent.current = null;
      setState((s) => ({ ...s, status: "saving", error: null, canRetrySave: false }));
      try {
        const saved = await saveRun(datasetId, record, model);
        setState((s) => ({ ...s, status: "finished", unsaved: null, view: s.view && { ...s.view, percent: 100 } }));
        onSavedRef.current(saved);
      } catch (err) {
        const failure = describeSaveFailure(err);
        if (failure.retry) unsent.current = { record, model };
        setState((s) => ({ ...s, status: "finished", unsaved: record, error: failure.message, canRetrySave: failure.retry }));
      }
    },
    [datasetId],
  );

  /** Sends the run that could not be saved again (no-op when there is none, or one is on its way). */
  const retrySave = useCallback(() => {
    const pending = unsent.current;
    if (pending) void save(pending.record, pending.model);
  }, [save]);

  const finish = useCallback(
    async (event: Extract<WorkerEvent, { type: "done" }>) => {
      flush();
      const current = job.current;
      if (!current) return;
      const finishedAt = new Date();
      // The record is built and sent in a task of its own: with the result's delivery and the last
      // progress in one task, it made the longest main-thread task of a run (up to 75 ms).
      await new Promise((resolve) => setTimeout(resolve, 0));
      const record = toRunRecord(event.outcome, { series: current.series, frequency: current.frequency, startedAt: current.startedAt, finishedAt });
      setState((s) => ({ ...s, backend: event.outcome.backend ? describeBackend(event.outcome.backend) : null, histories: record.history }));
      await save(record, event.model);
    },
    [flush, save],
  );

  const onEvent = useCallback(
    (event: WorkerEvent) => {
      if (event.type === "progress") {
        lastEvent.current = { progress: event.progress, at: performance.now() };
        queue.current.push(event.progress);
        timer.current ??= setTimeout(flush, UI_UPDATE_MS);
      } else if (event.type === "done") {
        performance.mark(TRAINING_END_MARK);
        void finish(event);
      } else if (event.type === "error") {
        flush();
        setState((s) => ({ ...s, status: "failed", error: describeTrainingError(event.name, event.message) }));
      }
    },
    [finish, flush],
  );

  // Preparing a long series or scoring its backtest sends no events for seconds: the clock goes on.
  const running = state.status === "training" || state.status === "stopping";
  useEffect(() => {
    if (!running) return;
    const tick = setInterval(() => {
      const last = lastEvent.current;
      if (!last) return;
      const since = performance.now() - last.at;
      if (since < CLOCK_TICK_MS) return;
      setState((s) => (s.view ? { ...s, view: toProgressView(advanceProgress(last.progress, since), s.view.percent) } : s));
    }, CLOCK_TICK_MS);
    return () => clearInterval(tick);
  }, [running]);

  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
      client.current?.dispose();
      client.current = null;
    },
    [],
  );

  const start = useCallback(
    async (series: SeriesDto[], settings: TrainingSettings) => {
      const first = series[0];
      if (!first) return;
      performance.mark(TRAINING_START_MARK);
      liveHistories.current = [];
      lastLossUpdate.current = 0;
      unsent.current = null;
      lastEvent.current = null;
      setState({ ...IDLE, status: "loading" });
      try {
        // Every forecast starts where the latest series ends (a series whose readings stopped is padded, see alignEnds).
        const regular = alignEnds(await Promise.all(series.map((s) => loadSeries(datasetId, s))));
        job.current = { series: regular, frequency: first.frequency, startedAt: new Date() };
        client.current ??= createForecastClient(onEvent);
        const request = toForecastRequest(regular, settings, first.frequency.seasonLength, first.frequency.kind);
        setState((s) => ({ ...s, status: "training", lossName: resolveConfig(request).loss.toUpperCase() }));
        client.current.start(request);
      } catch (err) {
        setState({ ...IDLE, status: "failed", error: toErrorMessage(err) });
      }
    },
    [datasetId, onEvent],
  );

  const stop = useCallback(() => {
    client.current?.stop();
    setState((s) => (s.status === "training" ? { ...s, status: "stopping" } : s));
  }, []);

  /**
   * Forecasts with a model's bytes (encodeSavedModel) from the series as stored now, without
   * training, in the worker.
   * @param model the bytes; transferred to the worker (pass a copy to keep them)
   * @param horizon steps (at most the model's own horizon)
   */
  const reforecastWith = useCallback(
    async (model: ArrayBuffer, series: SeriesDto[], horizon?: number): Promise<{ forecast: ModelForecast; series: RegularSeries[] }> => {
      // Refused as Train and the API refuse them: a saved or uploaded model would place Stripe's
      // charges at a step they do not have just as a new run would (every 53 seconds after the last).
      const events = describeIrregularEvents(series);
      if (events) throw new Error(events);
      // Aligned as a new run's series are, so that a series whose readings stopped is forecast from the same end or left out.
      const regular = alignEnds(await Promise.all(series.map((s) => loadSeries(datasetId, s))));
      client.current ??= createForecastClient(onEvent);
      const forecast = await client.current.reforecast(
        model,
        // With their times, so that the periods the run left out stay out (forecastFromModel).
        regular.map((s) => ({ ...toSeriesInput(s), times: s.times })),
        horizon,
      );
      return { forecast, series: regular };
    },
    [datasetId, onEvent],
  );

  /**
   * Forecasts again with a saved run's model from the series as stored now, without retraining.
   * @returns the new forecasts in the run's shape, and the series left out (readings that stopped)
   */
  const reforecast = useCallback(
    async (run: RunDto, series: SeriesDto[]): Promise<Reforecast> => {
      const first = series[0];
      if (!first) return { series: [], skipped: [] };
      const made = await reforecastWith(await fetchModelBytes(run.id), series, run.horizon);
      return { series: toReforecastSeries(made.forecast, made.series, first.frequency, run.series), skipped: made.forecast.skipped ?? [] };
    },
    [reforecastWith],
  );

  /** Clears a finished or failed run from the panel (a run under way is kept). */
  const reset = useCallback(() => setState((s) => (ACTIVE.has(s.status) ? s : IDLE)), []);

  // A save that failed for want of a connection goes again when the browser is back online.
  const retryWhenOnline = state.canRetrySave && state.status === "finished";
  useEffect(() => {
    if (!retryWhenOnline) return;
    window.addEventListener("online", retrySave);
    return () => window.removeEventListener("online", retrySave);
  }, [retryWhenOnline, retrySave]);

  return { state, start, stop, reset, retrySave, reforecast, reforecastWith };
}
