/// <reference lib="webworker" />
/**
 * The forecast worker: a message loop around serveForecast (runForecastOrFallback) and forecastFromModel. Glue only; the
 * forecaster itself runs unchanged in Node (CLI, tests, benchmark).
 */
import { initBackend } from "./backend";
import { forecastFromModel } from "./forecast-from-model";
import type { WorkerEvent, WorkerRequest } from "./protocol";
import { decodeSavedModel } from "./saved-model";
import { serveForecast, toErrorEvent } from "./serve-request";
import type { InitBackendOptions } from "./types";

declare const self: DedicatedWorkerGlobalScope;

/**
 * The tfjs wasm binaries, emitted by the bundler as hashed static files next to this worker (so
 * they are cached forever and need no copy step). tfjs insists on an entry for each of the three;
 * the threaded build is never fetched (initBackend turns threads off).
 */
const WASM_PATHS: Record<string, string> = {
  "tfjs-backend-wasm.wasm": new URL("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm", import.meta.url).href,
  "tfjs-backend-wasm-simd.wasm": new URL("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm", import.meta.url).href,
  "tfjs-backend-wasm-threaded-simd.wasm": new URL("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm", import.meta.url).href,
};

function backendOptions(options: InitBackendOptions | undefined): InitBackendOptions {
  return { wasmPaths: WASM_PATHS, ...options };
}

/** Set by "stop", polled by runForecast once per batch. */
let stopRequested = false;

function post(event: WorkerEvent, transfer: Transferable[] = []): void {
  self.postMessage(event, transfer);
}

function postError(err: unknown): void {
  post(toErrorEvent(err));
}

async function start(request: Extract<WorkerRequest, { type: "start" }>): Promise<void> {
  stopRequested = false;
  await serveForecast(request.request, { backend: backendOptions(request.backend), shouldStop: () => stopRequested }, post);
}

async function reforecast(request: Extract<WorkerRequest, { type: "reforecast" }>): Promise<void> {
  await initBackend(backendOptions(request.backend));
  const saved = decodeSavedModel(new Uint8Array(request.model));
  post({ type: "reforecast-done", forecast: await forecastFromModel(saved, request.series, request.horizon) });
}

self.onmessage = ({ data }: MessageEvent<WorkerRequest>) => {
  switch (data.type) {
    case "start":
      start(data).catch(postError);
      break;
    case "reforecast":
      reforecast(data).catch(postError);
      break;
    case "stop":
      stopRequested = true;
      break;
  }
};
