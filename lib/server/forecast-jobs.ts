import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { isForecastErrorName } from "../forecast/errors";
import type { WorkerEvent, WorkerRequest } from "../forecast/protocol";
import type { ForecastProgress, ForecastRequest } from "../forecast/types";
import type { RunProgressDto } from "../series/run-schema";
import type { Frequency } from "../time/frequency";
import { toProgressView } from "../workbench/progress-view";
import type { RegularSeries } from "../workbench/to-forecast-request";
import { toRunRecord } from "../workbench/to-run-record";
import { forecastQueue, toQueuedProgress } from "./forecast-queue";
import { completeRun, failRun, updateRunProgress } from "./runs";

export { toQueuedProgress };
import { toErrorMessage } from "../to-error-message";

/**
 * Server-side forecasts (POST /api/datasets/<id>/forecast). Each run trains in its own Node worker
 * thread (lib/server/forecast-thread.ts, lib/forecast on the wasm backend as the CLI runs it), so
 * the server's event loop keeps answering while it trains. At most `FORECAST_THREADS` (default 1)
 * run at once, the others wait in order: on a small machine two trainings side by side only make
 * both slower. Progress is written to the run's row at most once a second; a failure is stored
 * as the run's message and never takes the server down.
 */

export interface ForecastJob {
  runId: string;
  datasetId: string;
  request: ForecastRequest;
  /** The series as sent to the forecaster (regular grid, in request order). */
  series: RegularSeries[];
  frequency: Frequency;
}

interface ActiveJob extends ForecastJob {
  worker: Worker | null;
  startedAt: Date;
  percent: number;
  stage: string;
  lastWrite: number;
  /** Writes to the run's row, in order. */
  writes: Promise<unknown>;
  /** Finished, failed or cancelled: later messages are ignored. */
  settled: boolean;
}

/** Progress is written to the database at most this often (and at every stage change). */
const PROGRESS_WRITE_MS = 1000;

// The project root: `npm start` and `npm run dev` run the server from it.
const BOOT = path.join(process.cwd(), "lib", "server", "forecast-thread-boot.mjs");
const ENTRY = path.join(process.cwd(), "lib", "server", "forecast-thread.ts");
/**
 * The thread starts from a line of code that imports the boot file at run time: given the file
 * itself, the bundler would follow it into tsx and esbuild and try to bundle them.
 */
const THREAD_CODE = `import(${JSON.stringify(pathToFileURL(BOOT).href)});`;

const jobs = forecastQueue<ActiveJob>();

/** Server-side forecasts that may train at once (`FORECAST_THREADS`, default 1). */
function maxForecastThreads(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.FORECAST_THREADS);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** Runs ahead of a new one: the ones training and the ones waiting. */
export function forecastsAhead(): number {
  return jobs.active.size + jobs.queue.length;
}

/**
 * Forecasts that may wait for a thread. Each trains for seconds to minutes, so a script posting in
 * a loop would otherwise store runs the server needs hours to work through; past this it is told to
 * wait (429) and nothing is stored.
 */
export const MAX_WAITING_FORECASTS = 20;

/** Why a new server-side forecast cannot be queued now, or null when it can. */
export function describeFullQueue(): string | null {
  if (jobs.queue.length < MAX_WAITING_FORECASTS) return null;
  return `${jobs.queue.length} server-side forecasts are already waiting for a thread, so no run was started. Send the request again when one has finished (GET /api/runs/<id> reports each one's status), or start the server with a higher FORECAST_THREADS to train more at once.`;
}

/**
 * A failure as the analyst reads it: the forecaster's own sentences (too short, diverged, …) as
 * they are, anything else with what to do.
 */
function describeServerFailure(name: string, message: string): string {
  if (isForecastErrorName(name)) return message;
  if (/out of memory|allocation failed|Array buffer/i.test(message)) {
    return "The server ran out of memory while training. Lower `units`, `layers` or `ensembleSize` in `config`, or forecast fewer series at once.";
  }
  return `The forecast failed on the server: ${message}. Try again with the automatic settings; if it keeps failing, check the server log.`;
}

function write(job: ActiveJob, action: () => Promise<unknown>): void {
  job.writes = job.writes.then(action).catch((err: unknown) => console.error(`run ${job.runId}: could not record progress`, err));
}

/**
 * Records where a run is. A run whose row is gone is ended: its dataset was deleted while the run
 * was being set up, after the delete had ended that dataset's runs, and no one can read its result.
 */
function report(job: ActiveJob, progress: RunProgressDto, elapsedMs: number): void {
  write(job, async () => {
    if (!(await updateRunProgress(job.runId, progress, elapsedMs)) && !job.settled) settle(job);
  });
}

function settle(job: ActiveJob): void {
  job.settled = true;
  jobs.active.delete(job.runId);
  const last = job.writes;
  jobs.finishing.add(last);
  void last.finally(() => jobs.finishing.delete(last));
  void job.worker?.terminate();
  job.worker = null;
  pump();
}

function fail(job: ActiveJob, message: string): void {
  if (job.settled) return;
  const elapsed = Date.now() - job.startedAt.getTime();
  write(job, () => failRun(job.runId, message, elapsed));
  settle(job);
}

function onProgress(job: ActiveJob, p: ForecastProgress): void {
  const view = toProgressView(p, job.percent);
  job.percent = view.percent;
  const now = Date.now();
  const stage = `${p.stage}:${p.model}`;
  if (stage === job.stage && now - job.lastWrite < PROGRESS_WRITE_MS) return;
  job.stage = stage;
  job.lastWrite = now;
  const progress: RunProgressDto = {
    stage: p.stage,
    label: view.stage,
    percent: view.percent,
    model: p.model,
    models: p.models,
    epoch: p.epoch,
    epochs: p.epochs,
    elapsedMs: Math.round(p.elapsedMs),
    etaMs: Math.round(p.etaMs),
    backend: p.backend,
  };
  report(job, progress, now - job.startedAt.getTime());
}

function onDone(job: ActiveJob, event: Extract<WorkerEvent, { type: "done" }>): void {
  if (job.settled) return;
  try {
    const record = toRunRecord(event.outcome, { series: job.series, frequency: job.frequency, startedAt: job.startedAt, finishedAt: new Date() });
    const model = event.model ? new Uint8Array(event.model) : null;
    write(job, () => completeRun(job.runId, record, model));
    settle(job);
  } catch (err) {
    fail(job, describeServerFailure("Error", toErrorMessage(err)));
  }
}

function start(job: ActiveJob): void {
  jobs.active.set(job.runId, job);
  job.startedAt = new Date();
  report(job, { ...toQueuedProgress(0), label: "Starting the forecast thread" }, 0);
  let worker: Worker;
  try {
    worker = new Worker(THREAD_CODE, { eval: true, workerData: { entry: ENTRY }, name: `tidecast-forecast-${job.runId}` });
  } catch (err) {
    return fail(job, describeServerFailure("Error", `the forecast thread could not start (${toErrorMessage(err)})`));
  }
  job.worker = worker;
  worker.on("message", (event: WorkerEvent) => {
    if (job.settled) return;
    if (event.type === "progress") onProgress(job, event.progress);
    else if (event.type === "done") onDone(job, event);
    else if (event.type === "error") {
      if (!isForecastErrorName(event.name)) console.error(`run ${job.runId} failed: ${event.name}: ${event.message}`);
      fail(job, describeServerFailure(event.name, event.message));
    }
  });
  worker.on("error", (err) => {
    console.error(`run ${job.runId}: the forecast thread failed`, err);
    fail(job, describeServerFailure(err.name, err.message));
  });
  worker.on("exit", (code) => fail(job, describeServerFailure("Error", `the forecast thread stopped unexpectedly (exit code ${code})`)));
  const request: WorkerRequest = { type: "start", request: job.request };
  worker.postMessage(request);
}

function pump(): void {
  while (jobs.active.size < maxForecastThreads() && jobs.queue.length > 0) start(jobs.queue.shift() as ActiveJob);
}

/**
 * Queues a server-side forecast of a stored (queued) run and starts it when a thread is free.
 * Returns at once; the run's row reports what happens.
 */
export function enqueueForecast(job: ForecastJob): void {
  jobs.queue.push({ ...job, worker: null, startedAt: new Date(), percent: 0, stage: "", lastWrite: 0, writes: Promise.resolve(), settled: false });
  pump();
}

/**
 * Ends a server-side run (its row is being deleted): dropped from the queue, or its thread
 * terminated at once.
 * @returns whether the run was queued or running in this process
 */
export function cancelForecast(runId: string): boolean {
  const queued = jobs.queue.findIndex((j) => j.runId === runId);
  if (queued >= 0) {
    jobs.queue.splice(queued, 1);
    return true;
  }
  const job = jobs.active.get(runId);
  if (!job) return false;
  settle(job);
  return true;
}

/** Ends every server-side run of a dataset (the dataset is being deleted). */
export function cancelDatasetForecasts(datasetId: string): number {
  const ids = [...jobs.queue, ...jobs.active.values()].filter((j) => j.datasetId === datasetId).map((j) => j.runId);
  for (const id of ids) cancelForecast(id);
  return ids.length;
}

/** Resolves when no server-side run is queued or running and every write is done (tests, shutdown). */
export async function whenForecastsIdle(): Promise<void> {
  while (jobs.active.size > 0 || jobs.queue.length > 0 || jobs.finishing.size > 0) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
