import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createForecastClient } from "./client";
import type { WorkerEvent, WorkerRequest } from "./protocol";
import type { ForecastRequest } from "./types";

/** A stand-in for the browser's Worker: records what is posted, and fails when told to. */
class FakeWorker {
  static made: FakeWorker[] = [];
  posted: WorkerRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<WorkerEvent>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(request: WorkerRequest) {
    this.posted.push(request);
  }
  terminate() {
    this.terminated = true;
  }
  /** As the browser reports a script that did not load (no message) or an uncaught exception. */
  fail(message = "") {
    this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent);
  }
}

const request = { series: [{ name: "a", values: [1, 2, 3] }], horizon: 1, seasonLength: 1 } as unknown as ForecastRequest;

describe("createForecastClient", () => {
  beforeEach(() => {
    FakeWorker.made = [];
    vi.stubGlobal("Worker", FakeWorker);
  });
  afterEach(() => vi.unstubAllGlobals());

  it("reports a worker that failed, ends it, and runs the next request in a new one", () => {
    const events: WorkerEvent[] = [];
    const client = createForecastClient((e) => events.push(e));
    client.start(request);
    const first = FakeWorker.made[0] as FakeWorker;
    first.fail();
    expect(events).toEqual([{ type: "error", name: "WorkerError", message: "its script did not load" }]);
    expect(first.terminated).toBe(true);

    client.start(request);
    expect(FakeWorker.made).toHaveLength(2);
    expect(FakeWorker.made[1]?.posted.map((r) => r.type)).toEqual(["start"]);
  });

  it("ends a worker that threw outside a request, so its run cannot finish after the page said it failed", () => {
    const events: WorkerEvent[] = [];
    const client = createForecastClient((e) => events.push(e));
    client.start(request);
    const first = FakeWorker.made[0] as FakeWorker;
    first.fail("Uncaught Error: boom");
    expect(first.terminated).toBe(true);
    expect(events.at(-1)).toEqual({ type: "error", name: "WorkerError", message: "Uncaught Error: boom" });
  });

  it("does not start a worker only to stop it", () => {
    const client = createForecastClient(() => undefined);
    client.stop();
    expect(FakeWorker.made).toHaveLength(0);
    client.start(request);
    client.stop();
    expect(FakeWorker.made[0]?.posted.map((r) => r.type)).toEqual(["start", "stop"]);
  });

  it("rejects a reforecast whose worker failed, and forecasts the next one in a new worker", async () => {
    const client = createForecastClient(() => undefined);
    const made = client.reforecast(new ArrayBuffer(8), []);
    (FakeWorker.made[0] as FakeWorker).fail("Uncaught RangeError: Array buffer allocation failed");
    await expect(made).rejects.toThrow("Array buffer allocation failed");
    void client.reforecast(new ArrayBuffer(8), []).catch(() => undefined);
    expect(FakeWorker.made).toHaveLength(2);
  });
});
