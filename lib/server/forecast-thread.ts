/**
 * The body of a server-side forecast's worker thread (started by forecast-jobs.ts through
 * forecast-thread-boot.mjs): lib/forecast's runForecastOrFallback on the wasm backend, as the CLI runs it,
 * speaking the browser worker's protocol (start / stop in; progress / done / error out). Training
 * here never blocks the server's event loop.
 */
import { parentPort } from "node:worker_threads";
import type { WorkerEvent, WorkerRequest } from "../forecast/protocol";
import { runForecastOrFallback } from "../forecast/run-forecast";
import { encodeSavedModel } from "../forecast/saved-model";

const port = parentPort;
if (!port) throw new Error("forecast-thread.ts runs in a worker thread only");

let stopRequested = false;
const post = (event: WorkerEvent, transfer: ArrayBuffer[] = []) => port.postMessage(event, transfer);

async function start(request: Extract<WorkerRequest, { type: "start" }>): Promise<void> {
  const { model, ...outcome } = await runForecastOrFallback(request.request, {
    ...(request.backend ? { backend: request.backend } : {}),
    shouldStop: () => stopRequested,
    onProgress: (progress) => post({ type: "progress", progress }),
  });
  // A run without a network (every series too short for one) has no model to send.
  const bytes = model ? (encodeSavedModel(model).buffer as ArrayBuffer) : null;
  post({ type: "done", outcome, model: bytes }, bytes ? [bytes] : []);
}

port.on("message", (data: WorkerRequest) => {
  if (data.type === "stop") stopRequested = true;
  else if (data.type === "start") {
    start(data).catch((err: unknown) => {
      const error = err instanceof Error ? err : new Error(String(err));
      post({ type: "error", name: error.name, message: error.message });
    });
  }
});
