/**
 * The body of a server-side forecast's worker thread (started by forecast-jobs.ts through
 * forecast-thread-boot.mjs): lib/forecast's runForecastOrFallback on the wasm backend, as the CLI runs it,
 * speaking the browser worker's protocol (start / stop in; progress / done / error out). Training
 * here never blocks the server's event loop.
 */
import { parentPort } from "node:worker_threads";
import type { WorkerEvent, WorkerRequest } from "../forecast/protocol";
import { serveForecast, toErrorEvent } from "../forecast/serve-request";

const port = parentPort;
if (!port) throw new Error("forecast-thread.ts runs in a worker thread only");

let stopRequested = false;
const post = (event: WorkerEvent, transfer: ArrayBuffer[] = []) => port.postMessage(event, transfer);

port.on("message", (data: WorkerRequest) => {
  if (data.type === "stop") stopRequested = true;
  else if (data.type === "start") {
    serveForecast(data.request, { backend: data.backend, shouldStop: () => stopRequested }, post).catch((err: unknown) => post(toErrorEvent(err)));
  }
});
