/**
 * The main-thread side of the forecast worker: a typed wrapper that owns one Worker. Call
 * `dispose()` when the page goes away (it terminates the worker and any training in it).
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
  const worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "tidecast-forecast" });
  let pending: { resolve: (f: ModelForecast) => void; reject: (e: Error) => void } | null = null;
  const send = (request: WorkerRequest, transfer: Transferable[] = []) => worker.postMessage(request, transfer);

  worker.onmessage = ({ data }: MessageEvent<WorkerEvent>) => {
    if (pending && (data.type === "reforecast-done" || data.type === "error")) {
      const { resolve, reject } = pending;
      pending = null;
      if (data.type === "reforecast-done") resolve(data.forecast);
      else reject(Object.assign(new Error(data.message), { name: data.name }));
      return;
    }
    onEvent(data);
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    const message = event.message || "The forecast worker could not start.";
    if (pending) {
      pending.reject(new Error(message));
      pending = null;
    } else onEvent({ type: "error", name: "WorkerError", message });
  };

  return {
    start: (request, backend) => send({ type: "start", request, backend }),
    stop: () => send({ type: "stop" }),
    reforecast: (model, series, horizon) =>
      new Promise<ModelForecast>((resolve, reject) => {
        if (pending) pending.reject(new Error("superseded by a newer request"));
        pending = { resolve, reject };
        send({ type: "reforecast", model, series, horizon }, [model]);
      }),
    dispose: () => {
      worker.terminate();
      pending?.reject(new Error("The forecast worker was closed."));
      pending = null;
    },
  };
}
