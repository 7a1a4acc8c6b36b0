import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { TEST_CONFIG, TEST_SAVED_MODEL } from "../workbench/test-fixtures";
import { encodeSavedModel } from "../forecast/saved-model-bytes";
import { isFinishedRun, type RunProgressDto, type SaveRunInput } from "../series/run-schema";

// A throwaway database, set before lib/server/db is first imported.
const file = path.join(os.tmpdir(), `tidecast-runs-test-${process.pid}.db`);
process.env.DATABASE_URL = `file:${file}`;

type Runs = typeof import("./runs");
let runs: Runs;
let datasetId = "";
let seriesId = "";

const MODEL = encodeSavedModel(TEST_SAVED_MODEL);
/** The SQL the data layer sends, to see which columns a call reads. */
const queries: string[] = [];

const metrics = (mase: number | null) => ({ mase, smape: 5, rmse: 1, coverage80: 0.8, coverage95: 0.9 });
const interval = { mean: [1, 2], lower80: [0, 1], upper80: [2, 3], lower95: [-1, 0], upper95: [3, 4] };

function input(seriesIds: string[]): SaveRunInput {
  return {
    status: "stopped",
    startedAt: "2026-01-01T00:00:00.000Z",
    finishedAt: "2026-01-01T00:01:00.000Z",
    elapsedMs: 60_000,
    config: { ...TEST_CONFIG, seed: 7 },
    mode: "per-series",
    horizon: 2,
    seasonLength: 12,
    backend: { name: "wasm", requested: "wasm", simd: true, matMulFix: true },
    history: [{ stage: "backtest", model: 1, series: ["sales"], bestEpoch: 1, epochs: [{ epoch: 1, loss: 0.5, valLoss: null }] }],
    series: seriesIds.map((id) => ({
      seriesId: id,
      name: "sales",
      historyEnd: 100,
      times: [200, 300],
      forecasts: { lstm: interval, snaive: interval },
      metrics: { lstm: metrics(0.9), snaive: metrics(null) },
      chosen: "lstm",
      chosenReason: "LSTM won",
      backtestOrigins: 3,
      folds: [],
      preprocessing: { transform: "none", deseasonalized: false, seasonLength: 12, filled: 0 },
    })),
  };
}

beforeAll(async () => {
  // In a child process: the migration engine's connection would keep this one waiting on a lock.
  execFileSync(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "../../scripts/migrate.ts"), "deploy"], { env: process.env, stdio: "ignore" });
  // The data layer's client (lib/server/db.ts keeps it on globalThis outside production), logging its SQL.
  const { PrismaClient } = await import("../generated/prisma/client");
  const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
  const logging = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${file}` }), log: [{ emit: "event", level: "query" }] });
  logging.$on("query", (event) => queries.push(event.query));
  (globalThis as { tidecastPrisma?: unknown }).tidecastPrisma = logging;
  runs = await import("./runs");
  const { db } = await import("./db");
  const dataset = await db.dataset.create({
    data: { name: "d", series: { create: [{ position: 0, name: "sales", pointCount: 0 }] } },
    include: { series: true },
  });
  datasetId = dataset.id;
  seriesId = dataset.series[0]?.id ?? "";
});

afterAll(() => {
  fs.rmSync(file, { force: true });
});

describe("saved runs", () => {
  it("stores a run with its model and gives it back exactly as saved", async () => {
    const model = MODEL;
    const saved = await runs.createRun(datasetId, input([seriesId]), model);
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    const run = await runs.getRun(saved.data.id);
    if (!run || !isFinishedRun(run)) throw new Error("the saved run is not finished");
    expect(run).toEqual(saved.data);
    expect(run).toMatchObject({ status: "stopped", origin: "browser", seed: 7, mase: 0.9, chosen: "lstm", seriesNames: ["sales"], backendName: "wasm", backendLabel: "wasm (SIMD)", hasModel: true, progress: null, failure: null });
    expect(run?.series[0]?.forecasts.lstm).toEqual(interval);
    expect(run?.history[0]?.epochs[0]).toEqual({ epoch: 1, loss: 0.5, valLoss: null });
    expect(Array.from((await runs.getRunModel(saved.data.id)) ?? [])).toEqual(Array.from(model));
  });

  it("reads a run, saves one and lists them without reading model bytes (up to 64 MB each); the model download does", async () => {
    // Selected (`Run`.`model`) or returned after a write (`model` AS `model`); writing it is no read.
    const modelColumn = () => queries.filter((sql) => /`Run`\.`model`|`model` AS/.test(sql));
    queries.length = 0;
    const saved = await runs.createRun(datasetId, input([seriesId]), MODEL);
    if (!saved.ok) throw new Error(saved.reason);
    expect(await runs.getRun(saved.data.id)).toMatchObject({ hasModel: true });
    await runs.listRuns(datasetId);
    expect(modelColumn()).toEqual([]);
    await runs.getRunModel(saved.data.id);
    expect(modelColumn()).toHaveLength(1);
    expect(await runs.deleteRun(saved.data.id)).toBe(true);
  });

  it("gives back the series a run left out, with why", async () => {
    const skipped = [{ name: "launch", reason: 'Series "launch" has 3 usable values; a forecast needs at least 5.' }];
    const saved = await runs.createRun(datasetId, { ...input([seriesId]), skipped }, null);
    if (!saved.ok) throw new Error(saved.reason);
    const run = await runs.getRun(saved.data.id);
    if (!run || !isFinishedRun(run)) throw new Error("the saved run is not finished");
    expect(run.skipped).toEqual(skipped);
    expect(await runs.deleteRun(saved.data.id)).toBe(true);
  });

  it("lists a dataset's runs newest first", async () => {
    const later = { ...input([seriesId]), startedAt: "2026-02-01T00:00:00.000Z" };
    const saved = await runs.createRun(datasetId, later, null);
    const { runs: list, total } = await runs.listRuns(datasetId);
    expect(list[0]?.id).toBe(saved.ok ? saved.data.id : "");
    expect(list.length).toBe(2);
    expect(total).toBe(2);
    expect(list[0]?.mase).toBe(0.9);
  });

  it("lists a page of a dataset's many runs with their total, newest first or best MASE first", async () => {
    const { db } = await import("./db");
    const busy = await db.dataset.create({ data: { name: "busy", series: { create: [{ position: 0, name: "sales", pointCount: 0 }] } }, include: { series: true } });
    const busySeries = busy.series[0]?.id ?? "";
    const scores = [0.7, null, 0.5, 0.9, 0.6];
    for (const [day, mase] of scores.entries()) {
      const run = { ...input([busySeries]), startedAt: `2026-03-0${day + 1}T00:00:00.000Z` };
      const [first] = run.series;
      if (first) first.metrics = { lstm: metrics(mase), snaive: metrics(null) };
      expect((await runs.createRun(busy.id, run, null)).ok).toBe(true);
    }
    const days = (page: { runs: { startedAt: string }[] }) => page.runs.map((r) => Number(r.startedAt.slice(8, 10)));

    expect(days(await runs.listRuns(busy.id, { limit: 2 }))).toEqual([5, 4]);
    expect(await runs.listRuns(busy.id, { limit: 2, offset: 4 })).toMatchObject({ total: 5, runs: [{ startedAt: "2026-03-01T00:00:00.000Z" }] });
    expect((await runs.listRuns(busy.id, { sort: "mase" })).runs.map((r) => r.mase)).toEqual([0.5, 0.6, 0.7, 0.9, null]);
    expect(days(await runs.listRuns(busy.id, { sort: "mase", limit: 2, offset: 2 }))).toEqual([1, 4]);
    // Pages of two, newest first: days 5 and 4, 3 and 2, then 1.
    expect(await Promise.all([5, 3, 2, 1].map((day) => runs.runPageOffset(busy.id, `2026-03-0${day}T00:00:00.000Z`, 2)))).toEqual([0, 2, 2, 4]);
    await db.dataset.delete({ where: { id: busy.id } });
  });

  it("refuses an unknown dataset (404) and a series of another dataset (422)", async () => {
    expect(await runs.createRun("nope", input([seriesId]), null)).toMatchObject({ ok: false, status: 404 });
    expect(await runs.createRun(datasetId, input(["other"]), null)).toMatchObject({ ok: false, status: 422 });
  });

  it("a dataset deleted while its run is being saved: 404, and no run is stored", async () => {
    const { db } = await import("./db");
    const doomed = await db.dataset.create({ data: { name: "doomed", series: { create: [{ position: 0, name: "sales", pointCount: 0 }] } }, include: { series: true } });
    // The save has looked the dataset's series up; the delete lands before it inserts the run.
    const saving = runs.createRun(doomed.id, input([doomed.series[0]?.id ?? ""]), null);
    await db.dataset.delete({ where: { id: doomed.id } });
    expect(await saving).toEqual({ ok: false, status: 404, reason: `Dataset \`${doomed.id}\` was deleted while the run was being saved.` });
    expect(await db.run.count({ where: { datasetId: doomed.id } })).toBe(0);
  });

  it("deletes a run", async () => {
    const [first] = (await runs.listRuns(datasetId)).runs;
    expect(await runs.deleteRun(first?.id ?? "")).toBe(true);
    expect(await runs.deleteRun(first?.id ?? "")).toBe(false);
    expect(await runs.getRun(first?.id ?? "")).toBeNull();
  });
});

describe("a run damaged in the database", () => {
  // Each row as a broken disk, a hand edit or a bad migration could leave it.
  it.each([
    ["settings that are not JSON", { config: '{"epochs": 3,' }, "its settings (column `config`) is not valid JSON"],
    ["a forecast of the wrong shape", { forecast: '{"series": [{"name": 7}]}' }, "its forecast (column `forecast`) is not what a run stores at `series.0"],
    ["losses that are not a list", { losses: '{"epochs": []}' }, "its training losses (column `losses`) is not what a run stores"],
    ["an empty backend", { backendInfo: "" }, "its backend (column `backendInfo`) is not valid JSON"],
  ])("%s: a 500 naming the run and the column, not a 422; the list and other runs still read", async (_name, damage, says) => {
    const { db } = await import("./db");
    const good = await runs.createRun(datasetId, input([seriesId]), null);
    const bad = await runs.createRun(datasetId, input([seriesId]), null);
    if (!good.ok || !bad.ok) throw new Error("the runs were not saved");
    await db.run.update({ where: { id: bad.data.id }, data: damage });

    const refused = await runs.getRun(bad.data.id).then(
      () => null,
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(runs.DamagedRunError);
    expect(refused).toMatchObject({ status: 500 });
    expect((refused as Error).message).toContain(`Run \`${bad.data.id}\` is damaged in the database: ${says}`);
    expect((await runs.listRuns(datasetId)).runs.map((r) => r.id)).toEqual(expect.arrayContaining([good.data.id, bad.data.id]));
    expect(await runs.getRun(good.data.id)).toEqual(good.data);
    // It can still be deleted, which is what the message asks for.
    expect(await runs.deleteRun(bad.data.id)).toBe(true);
    expect(await runs.deleteRun(good.data.id)).toBe(true);
  });

  it("a model cut short: its download is a 500 naming the run, while the run itself still reads", async () => {
    const { db } = await import("./db");
    const saved = await runs.createRun(datasetId, input([seriesId]), MODEL);
    if (!saved.ok) throw new Error(saved.reason);
    await db.run.update({ where: { id: saved.data.id }, data: { model: MODEL.slice(0, MODEL.length - 4) } });
    await expect(runs.getRunModel(saved.data.id)).rejects.toMatchObject({
      status: 500,
      message: `Run \`${saved.data.id}\` is damaged in the database: its saved model (column \`model\`) cannot be read: The weights hold 20 bytes but the model needs 24. Other runs are not affected; delete this run and make the forecast again.`,
    });
    expect(await runs.getRun(saved.data.id)).toMatchObject({ id: saved.data.id, hasModel: true });
    expect(await runs.deleteRun(saved.data.id)).toBe(true);
  });
});

describe("server-side runs", () => {
  const progress = (percent: number): RunProgressDto => ({
    stage: percent ? "backtest" : "queued",
    label: percent ? "Backtest · epoch 1 of up to 2" : "Waiting",
    percent,
    model: 1,
    models: 1,
    epoch: percent ? 1 : 0,
    epochs: 2,
    elapsedMs: 10,
    etaMs: 20,
    backend: percent ? "wasm" : null,
  });
  const pending = async () => {
    const run = await runs.createPendingRun(datasetId, { seriesIds: [seriesId], config: TEST_CONFIG, mode: "per-series", horizon: 2, seasonLength: 12, progress: progress(0) });
    if (!run) throw new Error("the test dataset is gone");
    return run;
  };

  it("are stored queued, report progress while running, then hold their result", async () => {
    const queued = await pending();
    expect(queued).toMatchObject({ status: "queued", origin: "server", seed: 1, horizon: 2, seriesNames: ["sales"], progress: progress(0), failure: null });
    expect(await runs.getRun(queued.id)).toEqual(queued);

    expect(await runs.updateRunProgress(queued.id, progress(40), 1500)).toBe(true);
    expect(await runs.getRun(queued.id)).toMatchObject({ status: "running", progress: progress(40), elapsedMs: 1500, backendName: "wasm" });

    expect(await runs.completeRun(queued.id, { ...input([seriesId]), status: "done" }, null)).toBe(true);
    const done = await runs.getRun(queued.id);
    expect(done).toMatchObject({ status: "done", origin: "server", progress: null, failure: null, mase: 0.9, hasModel: false });
    // A finished run is not touched by late messages.
    expect(await runs.failRun(queued.id, "late", 1)).toBe(false);
    expect(await runs.updateRunProgress(queued.id, progress(50), 1)).toBe(false);
  });

  it("a queued run reports its place in the queue as it is when read, not as it was when queued", async () => {
    const { forecastQueue, toQueuedProgress } = await import("./forecast-queue");
    const jobs = forecastQueue();
    const run = await runs.createPendingRun(datasetId, { seriesIds: [seriesId], config: TEST_CONFIG, mode: "per-series", horizon: 2, seasonLength: 12, progress: toQueuedProgress(7) });
    if (!run) throw new Error("the test dataset is gone");
    expect(run.progress?.label).toBe("Queued behind 7 server-side runs");
    // One training and six waiting before it, as when it was queued; then all but one of those finish.
    const ahead = Array.from({ length: 6 }, (_, i) => ({ runId: `waiting-${i}` }));
    jobs.active.set("training", { runId: "training" });
    jobs.queue.push(...ahead, { runId: run.id });
    try {
      expect((await runs.getRun(run.id))?.progress?.label).toBe("Queued behind 7 server-side runs");
      jobs.queue.splice(0, 6);
      expect((await runs.getRun(run.id))?.progress?.label).toBe("Queued behind 1 server-side run");
      expect((await runs.listRuns(datasetId)).runs.find((r) => r.id === run.id)?.progress?.label).toBe("Queued behind 1 server-side run");
      // Its thread taken and its first report not yet written: no longer behind anything.
      jobs.active.delete("training");
      jobs.queue.splice(0, 1);
      jobs.active.set(run.id, { runId: run.id });
      expect((await runs.getRun(run.id))?.progress).toMatchObject({ stage: "queued", label: "Starting" });
    } finally {
      jobs.active.clear();
      jobs.queue.length = 0;
    }
    // A queued run this process does not hold (queued by a server since stopped) keeps what it stored.
    expect((await runs.getRun(run.id))?.progress?.label).toBe("Queued behind 7 server-side runs");
    expect(await runs.deleteRun(run.id)).toBe(true);
  });

  it("a dataset deleted after the forecast was set up and before its run is queued: null, and no run is stored", async () => {
    const { db } = await import("./db");
    const doomed = await db.dataset.create({ data: { name: "doomed", series: { create: [{ position: 0, name: "sales", pointCount: 0 }] } }, include: { series: true } });
    await db.dataset.delete({ where: { id: doomed.id } });
    const queued = await runs.createPendingRun(doomed.id, { seriesIds: [doomed.series[0]?.id ?? ""], config: TEST_CONFIG, mode: "per-series", horizon: 2, seasonLength: 12, progress: progress(0) });
    expect(queued).toBeNull();
    expect(await db.run.count({ where: { datasetId: doomed.id } })).toBe(0);
  });

  it("a failed run keeps its message; a run deleted while it runs is gone", async () => {
    const failing = await pending();
    expect(await runs.failRun(failing.id, "Training diverged.", 2000)).toBe(true);
    expect(await runs.getRun(failing.id)).toMatchObject({ status: "failed", failure: "Training diverged.", progress: null, elapsedMs: 2000 });

    const deleted = await pending();
    expect(await runs.deleteRun(deleted.id)).toBe(true);
    expect(await runs.updateRunProgress(deleted.id, progress(10), 1)).toBe(false);
    expect(await runs.completeRun(deleted.id, input([seriesId]), null)).toBe(false);
  });

  it("runs a stopped server left queued or running are marked failed", async () => {
    const left = await pending();
    expect(await runs.failInterruptedRuns()).toBe(1);
    expect(await runs.getRun(left.id)).toMatchObject({ status: "failed", failure: "The server stopped before this run finished. Start it again." });
  });
});

describe("pure helpers", () => {
  it("averages the recommended methods' MASE, skipping undefined ones", async () => {
    const { toRunMase } = await import("./runs");
    expect(toRunMase([{ chosen: "lstm", metrics: { lstm: metrics(1) } }, { chosen: "naive", metrics: { naive: metrics(2) } }])).toBe(1.5);
    expect(toRunMase([{ chosen: "lstm", metrics: { lstm: metrics(null) } }])).toBeNull();
  });

  it("recognises whole saved-model bytes", async () => {
    const { isSavedModelBytes } = await import("./runs");
    expect(isSavedModelBytes(MODEL)).toBe(true);
    // The magic alone let a cut-off model be stored, to fail only when it was downloaded.
    expect(isSavedModelBytes(MODEL.subarray(0, MODEL.length - 4))).toBe(false);
    expect(isSavedModelBytes(new TextEncoder().encode("not a model at all"))).toBe(false);
  });
});
