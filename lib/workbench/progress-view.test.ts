import { describe, expect, it } from "vitest";
import type { ForecastProgress } from "../forecast/types";
import { ApiError } from "./api-client";
import { advanceProgress, appendProgress, describeSaveFailure, describeTrainingError, formatDuration, toProgressView } from "./progress-view";

const p = (over: Partial<ForecastProgress>): ForecastProgress => ({
  stage: "backtest", model: 1, models: 1, epoch: 0, epochs: 10, loss: Number.NaN, elapsedMs: 0, etaMs: 0, backend: "wasm", backendLabel: "wasm (SIMD)", ...over,
});

describe("toProgressView", () => {
  it("says the stage, network, epoch, elapsed and remaining time", () => {
    const view = toProgressView(p({ model: 2, models: 3, epoch: 4, elapsedMs: 65_000, etaMs: 3_723_000 }));
    expect(view.stage).toBe("Backtest · model 2 of 3 · epoch 4 of up to 10");
    expect(view.timing).toBe("1:05 elapsed · about 1:02:03 left");
    expect(view.percent).toBeGreaterThan(33);
    expect(view.percent).toBeLessThan(67);
  });

  it("never moves back and stays below 100 until the run is done", () => {
    expect(toProgressView(p({ stage: "training", epoch: 1 }), 80).percent).toBe(80);
    expect(toProgressView(p({ stage: "forecasting", epochs: 0 })).percent).toBeLessThanOrEqual(99);
  });
});

describe("advanceProgress", () => {
  it("keeps the clock going between the worker's events: preparing an hourly year sent none for 5 s and the page sat at '0:00 elapsed'", () => {
    const preparing = p({ stage: "preparing", epochs: 300, elapsedMs: 200 });
    expect(toProgressView(advanceProgress(preparing, 5_000)).timing).toBe("0:05 elapsed");
    // What is left counts down with it, down to nothing, never below.
    const scoring = p({ epoch: 56, epochs: 300, elapsedMs: 25_000, etaMs: 18_000 });
    expect(toProgressView(advanceProgress(scoring, 3_000)).timing).toBe("0:28 elapsed · about 0:15 left");
    expect(toProgressView(advanceProgress(scoring, 30_000)).timing).toBe("0:55 elapsed · about 0:00 left");
    // The stage, epoch and bar are the event's own.
    expect(toProgressView(advanceProgress(scoring, 3_000)).stage).toBe(toProgressView(scoring).stage);
    expect(toProgressView(advanceProgress(scoring, 3_000)).percent).toBe(toProgressView(scoring).percent);
  });
});

describe("appendProgress", () => {
  it("adds one point per finished epoch, per stage and network", () => {
    let h = appendProgress([], p({ epoch: 0 }), ["a"]);
    expect(h).toEqual([]);
    h = appendProgress(h, p({ epoch: 1, loss: 0.5, valLoss: 0.6 }), ["a"]);
    h = appendProgress(h, p({ epoch: 1, loss: 0.5, valLoss: 0.6 }), ["a"]);
    h = appendProgress(h, p({ stage: "training", epoch: 1, loss: Number.NaN }), ["a"]);
    expect(h).toEqual([
      { stage: "backtest", model: 1, series: ["a"], bestEpoch: 0, epochs: [{ epoch: 1, loss: 0.5, valLoss: 0.6 }] },
      { stage: "training", model: 1, series: ["a"], bestEpoch: 0, epochs: [{ epoch: 1, loss: null }] },
    ]);
  });
});

describe("messages", () => {
  it("formats durations", () => {
    expect(formatDuration(0)).toBe("0:00");
    expect(formatDuration(59_600)).toBe("1:00");
  });

  it.each([
    ["SeriesTooShortError", "Series \"x\" has 12 usable values", /has 12 usable values/],
    ["Error", "Array buffer allocation failed", /ran out of memory.*Lower the units/],
    ["WorkerError", "boom", /worker could not run \(boom\)/],
    ["TypeError", "x is undefined", /Training failed: x is undefined/],
  ])("%s: %s", (name, message, expected) => {
    expect(describeTrainingError(name, message)).toMatch(expected);
  });
});

describe("describeSaveFailure", () => {
  it.each([
    ["no answer (offline, server down)", new ApiError("Saving the run failed: the server could not be reached.", 0), true, /could not be saved: the server could not be reached\. .*“Save again” \(it is also sent again by itself when the connection returns\), or export it below\.$/],
    ["the browser's own network failure", new TypeError("Failed to fetch"), true, /the server could not be reached\./],
    ["a server fault with its sentence", new ApiError("The database is locked", 500), true, /could not be saved: The database is locked\. It stays on this page .*“Save again”, or export it below\.$/],
    ["an outage without a sentence", new ApiError("Saving the run failed (HTTP 503).", 503), true, /\(HTTP 503\)\. It stays on this page/],
    ["the dataset deleted meanwhile", new ApiError("There is no dataset with id `abc`.", 404), false, /cannot be saved: its dataset was deleted while the model trained\. Export it below/],
    ["a run too large", new ApiError("The run is too large to save (over 96 MB).", 413), false, /too large to save \(over 96 MB\)\. Export it below to keep it\.$/],
  ])("%s", (_, err, retry, message) => {
    const failure = describeSaveFailure(err);
    expect(failure.retry).toBe(retry);
    expect(failure.message).toMatch(message);
  });
});
