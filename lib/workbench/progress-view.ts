import { isForecastErrorName } from "../forecast/errors";
import type { ForecastProgress } from "../forecast/types";
import type { StoredTrainingHistory } from "../series/run-schema";
import { toStoredEpoch } from "./to-run-record";
import { ApiError } from "./api-client";
import { toErrorMessage } from "../to-error-message";

const STAGE_LABELS: Record<ForecastProgress["stage"], string> = {
  preparing: "Preparing data",
  backtest: "Backtest",
  training: "Training final model",
  forecasting: "Forecasting",
};

/** Share of one network's work done by the start of each stage (the backtest model trains longest). */
const STAGE_SPAN: Record<ForecastProgress["stage"], [number, number]> = {
  preparing: [0, 0.02],
  backtest: [0.02, 0.6],
  training: [0.6, 0.95],
  forecasting: [0.95, 1],
};

export interface ProgressView {
  /** 0–100, for aria-valuenow. */
  percent: number;
  /** "Backtest · model 1 of 2 · epoch 12 of up to 300". */
  stage: string;
  /** "0:14 elapsed · about 0:40 left". */
  timing: string;
}

/** m:ss (or h:mm:ss) for a duration in milliseconds. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/**
 * What the progress bar shows for a progress event.
 * @param previousPercent the percent shown so far: the bar never moves back
 */
export function toProgressView(p: ForecastProgress, previousPercent = 0): ProgressView {
  const [from, to] = STAGE_SPAN[p.stage];
  const within = p.epochs > 0 ? Math.min(1, p.epoch / p.epochs) : 0;
  const network = from + (to - from) * within;
  const overall = ((p.model - 1) + network) / Math.max(1, p.models);
  // Early stopping can end a stage before its maximum epochs: the bar then jumps ahead, never back.
  const percent = Math.max(previousPercent, Math.min(99, Math.round(100 * overall)));
  const parts = [STAGE_LABELS[p.stage]];
  if (p.models > 1) parts.push(`model ${p.model} of ${p.models}`);
  if ((p.stage === "backtest" || p.stage === "training") && p.epochs > 0) parts.push(`epoch ${p.epoch} of up to ${p.epochs}`);
  const timing = [`${formatDuration(p.elapsedMs)} elapsed`];
  if (p.stage !== "forecasting" && p.epoch > 0) timing.push(`about ${formatDuration(p.etaMs)} left`);
  return { percent, stage: parts.join(" · "), timing: timing.join(" · ") };
}

/**
 * A progress event as it stands some time after it was sent: the worker says nothing while it
 * prepares the data or scores the backtest (seconds for a long series), and a clock that stops
 * then reads as a page that hangs.
 * @param sinceMs time passed since the event, ms
 */
export function advanceProgress(p: ForecastProgress, sinceMs: number): ForecastProgress {
  const since = Math.max(0, sinceMs);
  return { ...p, elapsedMs: p.elapsedMs + since, etaMs: Math.max(0, p.etaMs - since) };
}

/**
 * Adds a progress event to the loss curves drawn while training: one history per stage and
 * network, one point per finished epoch.
 */
export function appendProgress(histories: StoredTrainingHistory[], p: ForecastProgress, seriesNames: string[]): StoredTrainingHistory[] {
  if ((p.stage !== "backtest" && p.stage !== "training") || p.epoch < 1) return histories;
  const stage = p.stage;
  const index = histories.findIndex((h) => h.stage === stage && h.model === p.model);
  const point = toStoredEpoch(p);
  if (index < 0) return [...histories, { stage, model: p.model, series: seriesNames, epochs: [point], bestEpoch: 0 }];
  const current = histories[index] as StoredTrainingHistory;
  if (current.epochs.at(-1)?.epoch === p.epoch) return histories;
  const next = histories.slice();
  next[index] = { ...current, epochs: [...current.epochs, point] };
  return next;
}

/**
 * A sentence that says what to change, for a failure of the forecast worker.
 * @param name the error's class name (SeriesTooShortError, TrainingDivergedError, …)
 */
export function describeTrainingError(name: string, message: string): string {
  if (isForecastErrorName(name)) return message;
  if (/out of memory|memory|allocation failed|Array buffer/i.test(message)) {
    return "The browser ran out of memory while training. Lower the units, layers or ensemble size in Advanced settings, or train on fewer series at once.";
  }
  if (name === "WorkerError") return `The forecast worker could not run (${message}). Reload the page; if it keeps failing, try another browser.`;
  return `Training failed: ${message}. Try again with the automatic settings; if it keeps failing, check the browser console.`;
}

/** Why a finished run was not saved, and whether sending it again can help. */
export interface SaveFailure {
  message: string;
  /** False when the server will refuse it again (its dataset is gone, the run is too large or invalid). */
  retry: boolean;
}

/** Answers that say the same request can succeed later: timeout, too many requests, a server fault or outage, a body cut off. */
const RETRY_STATUSES = new Set([0, 400, 408, 429, 500, 502, 503, 504]);

/**
 * What the page says when the POST of a finished run fails, and whether "Save again" is offered.
 * @param err what saving threw (an ApiError carries the status; 0 when the server was not reached)
 */
export function describeSaveFailure(err: unknown): SaveFailure {
  const status = err instanceof ApiError ? err.status : null;
  // fetch rejects with a TypeError when no answer comes.
  const unreachable = status === 0 || (status === null && err instanceof TypeError);
  if (status === 404) {
    return { message: "The forecast is ready but cannot be saved: its dataset was deleted while the model trained. Export it below to keep it; it is gone once you leave this page.", retry: false };
  }
  const reason = unreachable ? "the server could not be reached." : toErrorMessage(err).replace(/([^.!?])$/, "$1.");
  const retry = status === null || RETRY_STATUSES.has(status);
  const keep = retry
    ? `It stays on this page until you train or open another run: press “Save again”${unreachable ? " (it is also sent again by itself when the connection returns)" : ""}, or export it below.`
    : "Export it below to keep it.";
  return { message: `The forecast is ready but could not be saved: ${reason} ${keep}`, retry };
}
