import fs from "node:fs";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PendingRunDto, RunDto } from "@/lib/series/run-schema";
import type { DatasetDto } from "@/lib/series/schema";
import { readDataset } from "@/lib/csv/read-dataset";
import { resolveConfig } from "@/lib/forecast/config";
import { toForecastRequest, toRegularSeries } from "@/lib/workbench/to-forecast-request";
import { useTestDatabase } from "@/tests/fixtures/test-database";

/**
 * POST /api/datasets/<id>/forecast against a real SQLite file and real worker threads: answered at
 * once, reported while it runs, stored when done; failures stored as failed; the event loop free.
 */
let database: Awaited<ReturnType<typeof useTestDatabase>>;
let route: typeof import("./route");
let list: typeof import("../../route");
let run: typeof import("../../../runs/[id]/route");
let forecastCsv: typeof import("../../../runs/[id]/forecast.csv/route");
let jobs: typeof import("@/lib/server/forecast-jobs");
let createDataset: typeof import("@/lib/server/datasets").createDataset;
let getSeriesPoints: typeof import("@/lib/server/datasets").getSeriesPoints;
let createPendingRun: typeof import("@/lib/server/runs").createPendingRun;
let dataset: DatasetDto;

const MONTHLY = fs.readFileSync(path.resolve(import.meta.dirname, "../../../../../e2e/fixtures/monthly-visitors.csv"));
/** Settings that train in about a second. */
const TINY = { epochs: 2, units: 4, ensembleSize: 1, patience: 2 };

beforeAll(async () => {
  database = await useTestDatabase();
  route = await import("./route");
  list = await import("../../route");
  run = await import("../../../runs/[id]/route");
  forecastCsv = await import("../../../runs/[id]/forecast.csv/route");
  jobs = await import("@/lib/server/forecast-jobs");
  ({ createDataset, getSeriesPoints } = await import("@/lib/server/datasets"));
  ({ createPendingRun } = await import("@/lib/server/runs"));
  const form = new FormData();
  form.set("file", new File([MONTHLY], "monthly-visitors.csv", { type: "text/csv" }));
  dataset = (await (await list.POST(new Request("http://localhost/api/datasets", { method: "POST", body: form }))).json()) as DatasetDto;
});

afterAll(async () => {
  await jobs.whenForecastsIdle();
  const { db } = await import("@/lib/server/db");
  await db.$disconnect();
  database.remove();
});

const HORIZON_RULE = "must be a whole number of steps from 1 to 100,000, and no more than the longest chosen series has values";

const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });

function post(body: unknown, datasetId = dataset.id, headers: Record<string, string> = {}): Promise<Response> {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return route.POST(
    new Request(`http://localhost/api/datasets/${datasetId}/forecast`, { method: "POST", body: text, headers: { "content-type": "application/json", ...headers } }),
    params({ id: datasetId }),
  );
}

/** Uploads 72 months of a column `old` beside a column `name` that starts at month `start`. */
async function uploadLateStart(name: string, start: number, file: string): Promise<DatasetDto> {
  const months = Array.from({ length: 72 }, (_, i) => `${2016 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`);
  const csv = [`month,old,${name}`, ...months.map((m, i) => `${m},${100 + 10 * Math.sin(i / 2) + i},${i >= start ? 50 + i : ""}`)].join("\n");
  const form = new FormData();
  form.set("file", new File([csv], file, { type: "text/csv" }));
  return (await (await list.POST(new Request("http://localhost/api/datasets", { method: "POST", body: form }))).json()) as DatasetDto;
}

/**
 * Stores 60 months of ±1.7e308 (valid doubles) as the import did before it refused values beyond
 * ±1e100: straight into the database, past the import's check.
 */
async function storeExtremeDataset(): Promise<DatasetDto> {
  const months = Array.from({ length: 60 }, (_, i) => `${2016 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")},${i + 1}`);
  const read = readDataset(`month,extreme\n${months.join("\n")}`);
  if (!read.ok) throw new Error(read.reason);
  const series = read.data.series.map((s) => ({ ...s, values: Float64Array.from(s.values, (_, i) => (i % 2 ? 1.7e308 : -1.7e308)) }));
  return createDataset({ name: "extreme", fileName: "extreme.csv", encoding: "utf-8", parsed: { ...read.data, series } });
}

async function getRun(id: string): Promise<RunDto | PendingRunDto> {
  return (await (await run.GET(new Request(`http://localhost/api/runs/${id}`), params({ id }))).json()) as RunDto | PendingRunDto;
}

/** Polls GET /api/runs/<id> until the run leaves queued/running; returns every status seen on the way. */
async function waitForRun(id: string, timeoutMs = 90_000): Promise<{ final: RunDto | PendingRunDto; seen: (RunDto | PendingRunDto)[] }> {
  const seen: (RunDto | PendingRunDto)[] = [];
  const until = Date.now() + timeoutMs;
  for (;;) {
    const current = await getRun(id);
    seen.push(current);
    if (current.status !== "queued" && current.status !== "running") return { final: current, seen };
    if (Date.now() > until) throw new Error(`run ${id} still ${current.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("POST /api/datasets/<id>/forecast", () => {
  it("answers 202 with the queued run at once, reports progress, and stores the forecast", async () => {
    const started = performance.now();
    const response = await post({ horizon: 6, config: TINY });
    const answeredMs = performance.now() - started;
    expect(response.status).toBe(202);
    const queued = (await response.json()) as PendingRunDto;
    expect(response.headers.get("location")).toBe(`/api/runs/${queued.id}`);
    expect(queued).toMatchObject({ status: "queued", origin: "server", datasetId: dataset.id, horizon: 6, seriesNames: ["visitors"], failure: null });
    expect(queued.progress).toMatchObject({ stage: "queued", percent: 0 });

    // While it trains in its thread, the server's event loop stays free.
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    let slowestList = 0;
    const { final, seen } = await waitForRun(queued.id);
    delay.disable();
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      expect((await list.GET(new Request("http://localhost/api/datasets"))).status).toBe(200);
      slowestList = Math.max(slowestList, performance.now() - t);
    }
    const maxLagMs = delay.max / 1e6;
    console.info(`server forecast: 202 after ${answeredMs.toFixed(0)} ms; event-loop delay while training: max ${maxLagMs.toFixed(0)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms; slowest datasets list after it ${slowestList.toFixed(0)} ms`);
    // The figures above are printed, not asserted: this machine is shared, and a loaded moment made
    // a 500 ms bound fail (703 ms). What proves the loop free is order, not time: the request was
    // answered while the run was still queued, and polls between the thread's epochs saw it part-way.
    expect(seen.some((r) => r.status === "running" && r.progress && r.progress.percent > 0 && r.progress.percent < 100 && r.progress.backend === "wasm")).toBe(true);
    expect(final).toMatchObject({ status: "done", origin: "server", horizon: 6, progress: null, failure: null, hasModel: true, backendName: "wasm" });
    const done = final as RunDto;
    expect(done.config).toMatchObject(TINY);
    expect(done.series[0]?.times).toHaveLength(6);
    expect(Object.keys(done.series[0]?.metrics ?? {})).toContain("lstm");
    expect(done.history.length).toBeGreaterThan(0);

    const csv = await (await forecastCsv.GET(new Request("http://localhost/x"), params({ id: done.id }))).text();
    const lines = csv.trimEnd().split("\n");
    expect(lines[0]).toBe("timestamp,series,forecast,lower80,upper80,lower95,upper95");
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 2).join(","))).toEqual(["2022-01-01,visitors", "2022-02-01,visitors", "2022-03-01,visitors", "2022-04-01,visitors", "2022-05-01,visitors", "2022-06-01,visitors"]);
  });

  it("leaves a period out: stored with the run's settings, counted in its preprocessing; a period that cannot be left out is 422 with why, and nothing stored", async () => {
    const response = await post({ horizon: 6, config: TINY, leaveOut: [{ from: "2020-03-01", to: "2021-06-01" }] });
    expect(response.status).toBe(202);
    const { final } = await waitForRun(((await response.json()) as PendingRunDto).id);
    const done = final as RunDto;
    expect(done).toMatchObject({ status: "done", failure: null });
    const covid = { from: Date.UTC(2020, 2, 1), to: Date.UTC(2021, 5, 1) };
    expect(done.config.leaveOut).toEqual([covid]);
    expect(done.series[0]?.preprocessing.leftOut).toEqual([{ ...covid, count: 16 }]);

    const { db } = await import("@/lib/server/db");
    const runsBefore = await db.run.count();
    const refused = async (leaveOut: unknown, horizon = 6) => {
      const answer = await post({ horizon, leaveOut });
      expect(answer.status).toBe(422);
      return ((await answer.json()) as { error: string }).error;
    };
    expect(await refused([{ from: "March 2020", to: "2021-06-01" }])).toBe(
      'The start of the period to leave out, "March 2020", is not a time: write it as the file writes its times (YYYY-MM-DD, e.g. "2021-12-01").',
    );
    expect(await refused([{ from: "2021-06-01", to: "2021-12-01" }])).toBe(
      'The period left out, Jun 2021 – Dec 2021, covers the last value of "visitors" (Dec 2021): nothing would be left to start the forecast from; end it by Nov 2021 at the latest.',
    );
    expect(await refused([{ from: "2016-01-01", to: "2021-08-01" }])).toBe(
      'Series "visitors" has 4 usable values after leaving out Jan 2016 – Aug 2021; a forecast needs at least 5, whatever the horizon. Leave out a shorter period or none, or upload a longer history.',
    );
    expect(await db.run.count()).toBe(runsBefore);
  });

  it("a horizon the LSTM cannot reach from the history gives a run without a network: Theta recommended, the naive methods beside it", async () => {
    // 72 values: the LSTM and its backtest need 97 for 40 steps.
    const response = await post({ horizon: 40 });
    expect(response.status).toBe(202);
    const { final } = await waitForRun(((await response.json()) as PendingRunDto).id);
    expect(final).toMatchObject({ status: "done", horizon: 40, chosen: "theta", hasModel: false, backendName: null, failure: null });
    const done = final as RunDto;
    expect(done.backend).toBeNull();
    expect(done.history).toEqual([]);
    const series = done.series[0];
    expect(Object.keys(series?.forecasts ?? {}).sort()).toEqual(["naive", "snaive", "theta"]);
    expect(series?.metrics.theta?.mase).toBeGreaterThan(0);
    expect(series?.chosenReason).toMatch(/has 72 usable values; the LSTM with a backtest needs 97 for 40 steps/);
    const csv = await (await forecastCsv.GET(new Request("http://localhost/x"), params({ id: done.id }))).text();
    expect(csv.trimEnd().split("\n")).toHaveLength(41);
  });

  it("a wide file whose second product started late: the LSTM for the long column, Theta for the short one, by default", async () => {
    const wide = await uploadLateStart("new", 52, "launch.csv");
    const response = await post({ config: TINY }, wide.id);
    expect(response.status).toBe(202);
    const { final } = await waitForRun(((await response.json()) as PendingRunDto).id);
    expect(final).toMatchObject({ status: "done", hasModel: true, failure: null });
    const done = final as RunDto;
    expect(done.series.map((s) => [s.name, s.chosen === "theta", s.forecasts.lstm !== undefined])).toEqual([
      ["old", false, true],
      ["new", true, false],
    ]);
    expect(done.series[1]?.chosenReason).toMatch(/Series "new" has 20 usable values/);
  });

  it("a wide file with a column of 3 values: that series is left out with a note, the others are forecast", async () => {
    const wide = await uploadLateStart("launch", 69, "launch3.csv");
    const response = await post({ config: TINY }, wide.id);
    expect(response.status).toBe(202);
    const queued = (await response.json()) as PendingRunDto;
    // The horizon follows the series that can be forecast, not the 3-value one.
    expect(queued.horizon).toBe(12);
    const { final } = await waitForRun(queued.id);
    expect(final).toMatchObject({ status: "done", failure: null });
    const done = final as RunDto;
    expect(done.series.map((s) => s.name)).toEqual(["old"]);
    expect(done.skipped).toEqual([{ name: "launch", reason: expect.stringMatching(/^Series "launch" has 3 usable values; a forecast needs at least 5.*left out of this run/) }]);

    // Every chosen series that short: refused before anything is stored.
    const tooShort = await post({ seriesIds: [wide.series[1]?.id] }, wide.id);
    expect(tooShort.status).toBe(422);
    expect(((await tooShort.json()) as { error: string }).error).toMatch(/Series "launch" has 3 usable values; a forecast needs at least 5, whatever the horizon/);
  });

  it("a wide file whose column's readings stopped: forecast from the file's end with a note, or left out when more than the horizon is missing", async () => {
    const months = Array.from({ length: 72 }, (_, i) => `${2016 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`);
    const upload = async (stop: number, file: string) => {
      const csv = ["month,north,south", ...months.map((m, i) => `${m},${100 + 10 * Math.sin(i / 2) + i},${i < stop ? 50 + (i % 12) : ""}`)].join("\n");
      const form = new FormData();
      form.set("file", new File([csv], file, { type: "text/csv" }));
      return (await (await list.POST(new Request("http://localhost/api/datasets", { method: "POST", body: form }))).json()) as DatasetDto;
    };
    const removed = await upload(52, "removed.csv");
    const left = (await waitForRun(((await (await post({ horizon: 6, config: TINY }, removed.id)).json()) as PendingRunDto).id)).final as RunDto;
    expect(left.status).toBe("done");
    expect(left.series.map((s) => s.name)).toEqual(["north"]);
    expect(left.skipped).toEqual([{ name: "south", reason: expect.stringMatching(/^Series "south" was left out of this run: its readings stop at Apr 2020, and its last 20 months are missing, more than the 6 months forecast\./) }]);

    const late = await upload(70, "late.csv");
    const kept = (await waitForRun(((await (await post({ horizon: 6, config: TINY }, late.id)).json()) as PendingRunDto).id)).final as RunDto;
    expect(kept.series.map((s) => s.name)).toEqual(["north", "south"]);
    // Both from January 2022, the file's end, not south's own (November 2021).
    expect(kept.series.map((s) => s.times[0])).toEqual([Date.UTC(2022, 0, 1), Date.UTC(2022, 0, 1)]);
    expect(kept.series[1]?.preprocessing).toMatchObject({ missingAtEnd: 2, lastReading: { t: Date.UTC(2021, 9, 1), value: 59 } });
  });

  it("a run that fails in its thread is stored as failed with the forecaster's message; the next one, queued behind it, still runs", async () => {
    // The route refuses what the forecaster would (below), so the thread is handed such a request
    // directly: values beyond ±1e100, stored before the import refused them.
    const extreme = await storeExtremeDataset();
    const series = extreme.series[0] as DatasetDto["series"][number];
    const points = await getSeriesPoints(series.id);
    if (!points) throw new Error("no points");
    const regular = [toRegularSeries(series.id, series.name, points.times, points.values, series.frequency, series.unit)];
    const request = { ...toForecastRequest(regular, { horizon: 3, mode: "global", overrides: {} }, series.frequency.seasonLength, series.frequency.kind), config: TINY };
    const config = resolveConfig(request);
    const failing = await createPendingRun(extreme.id, { seriesIds: [series.id], config, mode: "per-series", horizon: 3, seasonLength: request.seasonLength, progress: jobs.toQueuedProgress(0) });
    if (!failing) throw new Error("no run");
    jobs.enqueueForecast({ runId: failing.id, datasetId: extreme.id, request, series: regular, frequency: series.frequency });
    const next = (await (await post({ horizon: 3, config: TINY })).json()) as PendingRunDto;
    expect(next.progress?.label).toBe("Queued behind 1 server-side run");
    const failed = await waitForRun(failing.id);
    expect(failed.final).toMatchObject({ status: "failed", progress: null });
    expect(failed.final.failure).toMatch(/^Series "extreme" has the value -1\.7e\+308 \(value 1 of 60\), beyond ±1e100/);
    expect((await waitForRun(next.id)).final.status).toBe("done");
    expect((await list.GET(new Request("http://localhost/api/datasets"))).status).toBe(200);
  });

  it("values beyond ±1e100 stored before the import refused them: 422 naming the series, not a learning rate, and nothing stored", async () => {
    const extreme = await storeExtremeDataset();
    const { db } = await import("@/lib/server/db");
    const before = await db.run.count();
    const response = await post({ horizon: 3, config: TINY }, extreme.id);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error:
        'Series "extreme" has the value -1.7e+308 (value 1 of 60), beyond ±1e100, the largest values Tidecast can forecast. Write the series in a larger unit (divide its values by a power of ten) and upload it again.',
    });
    expect(await db.run.count()).toBe(before);
  });

  it("events at irregular times (Stripe's charges) are 422 with the way to group them, and nothing stored; stored before they were told apart, too", async () => {
    const stripe = fs.readFileSync(path.resolve(import.meta.dirname, "../../../../../tests/fixtures/analyst-exports/stripe-balance-itemized.csv"));
    const form = new FormData();
    form.set("file", new File([stripe], "stripe-balance-itemized.csv", { type: "text/csv" }));
    const charges = (await (await list.POST(new Request("http://localhost/api/datasets", { method: "POST", body: form }))).json()) as DatasetDto;
    expect(charges.series[0]?.frequency).toMatchObject({ kind: "irregular", events: true });
    const { db } = await import("@/lib/server/db");
    const before = await db.run.count();
    const response = await post({ horizon: 10, seriesIds: [charges.series[0]?.id] }, charges.id);
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: string }).error).toBe(
      'Series "gross" holds events at irregular times (a row per transaction or order), not readings at a regular step, so it is not forecast as it is: its next values would be placed at a step it does not have. Import the file again with its rows grouped by a period: choose Day or Week under "Group rows by" in the import preview (API: `"aggregate": { "period": "day" }` in the upload\'s options; CLI: `--aggregate day`).',
    );
    const old = await db.series.update({ where: { id: charges.series[1]?.id }, data: { frequency: JSON.stringify({ ...charges.series[1]?.frequency, events: undefined }) } });
    expect(JSON.parse(old.frequency ?? "{}")).not.toHaveProperty("events");
    const stored = await post({ horizon: 10, seriesIds: [old.id] }, charges.id);
    expect(stored.status).toBe(422);
    expect(((await stored.json()) as { error: string }).error).toMatch(/^Series "fee" holds events at irregular times/);
    expect(await db.run.count()).toBe(before);
  });

  it("a run deleted while it trains is ended and gone", async () => {
    const started = (await (await post({ horizon: 3, config: { ...TINY, epochs: 400, patience: 400 } })).json()) as PendingRunDto;
    const until = Date.now() + 30_000;
    while ((await getRun(started.id)).status !== "running" && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
    const response = await run.DELETE(new Request(`http://localhost/api/runs/${started.id}`, { method: "DELETE" }), params({ id: started.id }));
    expect(response.status).toBe(204);
    await jobs.whenForecastsIdle();
    expect((await run.GET(new Request("http://localhost/x"), params({ id: started.id }))).status).toBe(404);
  });

  it("a run whose row is gone while it trains (its dataset deleted as the run was set up) is ended", async () => {
    const { db } = await import("@/lib/server/db");
    // Minutes of training if nothing ends it.
    const started = (await (await post({ horizon: 3, config: { ...TINY, units: 16, epochs: 20_000, patience: 20_000 } })).json()) as PendingRunDto;
    // Deleted behind the jobs' back: nothing told the queue to end it.
    await db.run.delete({ where: { id: started.id } });
    const idle = jobs.whenForecastsIdle().then(() => "idle");
    expect(await Promise.race([idle, new Promise((resolve) => setTimeout(() => resolve("still training"), 10_000))])).toBe("idle");
  });

  it.each([
    ["an unknown dataset", () => post({}, "nope"), 404, "There is no dataset with id `nope`."],
    ["a body that is not JSON", () => post("{horizon: 3"), 400, 'The body is not valid JSON. Send e.g. {"horizon": 12}, or no body for the automatic settings.'],
    [
      "an unknown field",
      () => post({ horizon: 3, epochs: 5 }),
      422,
      "The request is not valid: `epochs` is not a field of this request; it takes `seriesIds`, `horizon`, `seasonLength`, `mode`, `config`, `leaveOut`.",
    ],
    ["an unknown setting", () => post({ config: { speed: 5 } }), 422, /^The request is not valid: `speed` is not a field of `config`; it takes `lookback`, `patchLength`, .*, `chooseMargin`\.$/],
    ["a horizon that is not a whole number", () => post({ horizon: 2.5 }), 422, `The request is not valid: \`horizon\` ${HORIZON_RULE} (got 2.5).`],
    // zod's own words were "expected int to be <=9007199254740991", a limit no forecast has.
    ["a horizon beyond any number of steps", () => post({ horizon: 1e300 }), 422, `The request is not valid: \`horizon\` ${HORIZON_RULE} (got 1e+300).`],
    ["a horizon written as text", () => post({ horizon: "12" }), 422, `The request is not valid: \`horizon\` ${HORIZON_RULE} (got "12").`],
    ["an unknown mode", () => post({ mode: "fast" }), 422, 'The request is not valid: `mode` must be one of `global`, `per-series` (got "fast").'],
    ["no series", () => post({ seriesIds: [] }), 422, "The request is not valid: `seriesIds` must list at least 1 item."],
    ["a setting of the wrong kind", () => post({ config: { epochs: "many" } }), 422, /^The request is not valid: `config\.epochs` must be a whole number of at least 1, not text \(got "many"\)\.$/],
    ["a body that is not an object", () => post([3]), 422, "The request must be a JSON object, not an array."],
    ["an unknown series", () => post({ seriesIds: ["nope"] }), 422, /^Dataset `\w+` has no series `nope`\. Its series are `\w+` \(visitors\)\.$/],
    ["a body over 64 kB", () => post({ seriesIds: Array.from({ length: 999 }, () => "x".repeat(80)) }), 413, /^The request body is over 64 kB/],
    // Checked before the run is stored: answered at once, not a run that fails in its thread later.
    ["a learning rate the forecaster refuses", () => post({ horizon: 3, config: { learningRate: 1e30 } }), 422, 'Setting "learningRate" must be between 0 and 1 (got 1e+30).'],
    ["a lookback that is no multiple of the patch", () => post({ horizon: 3, config: { lookback: 6, patchLength: 4 } }), 422, 'Setting "lookback" (6) must be a multiple of "patchLength" (4).'],
    // The Theta path would forecast it all: 100,000 steps from 72 months, a run of many megabytes.
    [
      "a horizon longer than the history",
      () => post({ horizon: 100_000 }),
      422,
      "The horizon may be at most 72 steps, the length of the history (got 100,000). Choose a horizon of at most 72 steps, or upload a longer history.",
    ],
    ["a network too large to train", () => post({ horizon: 3, config: { units: 1_000_000_000 } }), 422, /^The network would have [\d,]+ weights, more than the 100,000,000 one training holds in memory; lower `units`, `layers` or `ensembleSize`\.$/],
  ] as const)("refuses %s with JSON and stores nothing", async (_name, request, status, error) => {
    const { db } = await import("@/lib/server/db");
    const before = await db.run.count();
    const response = await request();
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: string };
    if (typeof error === "string") expect(body).toEqual({ error });
    else expect(body.error).toMatch(error);
    expect(await db.run.count()).toBe(before);
  });
});
