/**
 * What the browser worker (worker.ts) and the server's forecast thread (lib/server/forecast-thread.ts)
 * both do with a "start" request, so the two ends of the protocol cannot drift apart.
 */
import type { WorkerEvent } from "./protocol";
import { runForecastOrFallback } from "./run-forecast";
import { encodeSavedModel } from "./saved-model";
import type { ForecastRequest, RunForecastOptions } from "./types";

/** Posts one event, transferring the given buffers. */
export type PostEvent = (event: WorkerEvent, transfer?: ArrayBuffer[]) => void;

/**
 * Runs a forecast request, posting its progress and then its "done" event; the model travels as
 * encodeSavedModel bytes, transferred rather than copied.
 * @param options backend and stop flag, as for runForecastOrFallback
 */
export async function serveForecast(request: ForecastRequest, options: Pick<RunForecastOptions, "backend" | "shouldStop">, post: PostEvent): Promise<void> {
  const { model, ...outcome } = await runForecastOrFallback(request, { ...options, onProgress: (progress) => post({ type: "progress", progress }) });
  // A run without a network (every series too short for one) has no model to send.
  const bytes = model ? (encodeSavedModel(model).buffer as ArrayBuffer) : null;
  post({ type: "done", outcome, model: bytes }, bytes ? [bytes] : []);
}

/** The "error" event for whatever a request threw: the forecaster's error name, or "Error". */
export function toErrorEvent(err: unknown): Extract<WorkerEvent, { type: "error" }> {
  const error = err instanceof Error ? err : new Error(String(err));
  return { type: "error", name: error.name, message: error.message };
}
