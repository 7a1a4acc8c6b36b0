/**
 * The main-thread side of the forecast worker: a typed wrapper that owns one Worker, started with
 * the first request and again after one failed. Call `dispose()` when the page goes away (it
 * terminates the worker and any training in it).
 */
import type { WorkerEvent, WorkerRequest } from "./protocol";
import type { ForecastRequest, InitBackendOptions, ModelForecast, SeriesInput } from "./types";

export interface ForecastClient {
  /** Starts a run; events arrive through the `onEvent` given to {@link createForecastClient}. */
  start(request: ForecastRequest, backend?: InitBackendOptions): void;
  /** Ends training within one batch; the run still finishes ("done") with the best model so far. */
  stop(): void;
  /** Forecasts again with saved model bytes from newer data; resolves with the forecasts. */
  reforecast(model: ArrayBuffer, series: SeriesInput[], horizon?: number): Promise<ModelForecast>;
  /** Terminates the worker: training ends at once, nothing more is reported. */
  dispose(): void;
}

/**
 * Starts the forecast worker.
 * @param onEvent called with every progress, done and error event of `start`
 */
export function createForecastClient(onEvent: (event: WorkerEvent) => void): ForecastClient {
  let worker: Worker | null = null;
  let pending: { resolve: (f: ModelForecast) => void; reject: (e: Error) => void } | null = null;

  const spawn = (): Worker => {
    const spawned = new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "tidecast-forecast" });
    spawned.onmessage = ({ data }: MessageEvent<WorkerEvent>) => {
      if (pending && (data.type === "reforecast-done" || data.type === "error")) {
        const { resolve, reject } = pending;
        pending = null;
        if (data.type === "reforecast-done") resolve(data.forecast);
        else reject(Object.assign(new Error(data.message), { name: data.name }));
        return;
      }
      onEvent(data);
    };
    spawned.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      // A worker whose script did not load never answers, and one that threw outside a request is
      // in no known state (its run went on, and was saved after the page said it failed): it is
      // ended, and the next request starts a new one.
      spawned.terminate();
      if (worker === spawned) worker = null;
      const message = event.message || "its script did not load";
      if (pending) {
        pending.reject(new Error(message));
        pending = null;
      } else onEvent({ type: "error", name: "WorkerError", message });
    };
    return spawned;
  };
  const send = (request: WorkerRequest, transfer: Transferable[] = []) => (worker ??= spawn()).postMessage(request, transfer);

  return {
    start: (request, backend) => send({ type: "start", request, backend }),
    // No worker, no run to stop: a new one is not started for it.
    stop: () => worker?.postMessage({ type: "stop" } satisfies WorkerRequest),
    reforecast: (model, series, horizon) =>
      new Promise<ModelForecast>((resolve, reject) => {
        if (pending) pending.reject(new Error("superseded by a newer request"));
        pending = { resolve, reject };
        send({ type: "reforecast", model, series, horizon }, [model]);
      }),
    dispose: () => {
      worker?.terminate();
      worker = null;
      pending?.reject(new Error("The forecast worker was closed."));
      pending = null;
    },
  };
}
