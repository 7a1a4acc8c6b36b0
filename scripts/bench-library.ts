/**
 * `npm run bench:library`: the app after a year of use. A production server (`npm start`) is filled
 * through its own REST API with the benchmark series of bench/ (every file, and part of them uploaded
 * again as a refreshed copy: 100+ datasets), two datasets of 1,000,000 hourly rows (Seattle's hourly
 * temperature normals repeated over 114 years), and 500+ saved runs: a few trained for real on the
 * server (the default settings, so their model weights are the real size), then replicated row by row
 * with distinct ids and start times (training 500 would take hours). Then every page and list is timed
 * (medians) and weighed, each figure beside the same request on the fresh install measured in the same
 * run (the seeded sample alone): the ratio says what a year of data costs. Asserts nothing.
 *
 *   npm run bench:library                  build the library in a temporary database, measure, delete it
 *   npm run bench:library -- --keep FILE   keep the filled database in FILE; when FILE exists, measure it as it is
 *   npm run bench:library -- --repeat 7    requests per figure (default 5)
 *
 * BENCH_PORT chooses the server's port (default: a free one).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { startServer, statusField, writeCsvOnce, type Server } from "./bench-server";

const ROOT = path.resolve(import.meta.dirname, "..");
const WORK = path.join(ROOT, ".tmp", "bench-library");

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const REPEAT = Number(argument("repeat") ?? 5);
const KEEP = argument("keep");
/** Runs replicated on the dataset the analysts forecast most, on the one deleted at the end, and on each other dataset. */
const BUSY_RUNS = 300;
const DOOMED_RUNS = 150;
const OTHER_RUNS = 1;
const BIG_ROWS = 1_000_000;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const ms = (value: number) => `${value < 100 ? value.toFixed(1) : Math.round(value)} ms`;
const kb = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} kB`);
const thousands = (n: number) => Math.round(n).toLocaleString("en-US");

interface Measured {
  ms: number;
  bytes: number;
}

/** A GET answered `REPEAT` times after one warm-up: the median time to the last byte, and the body's size. */
async function measure(server: Server, address: string): Promise<Measured> {
  const once = async () => {
    const started = performance.now();
    const response = await fetch(`${server.base}${address}`);
    const body = await response.arrayBuffer();
    if (!response.ok) throw new Error(`GET ${address} answered ${response.status}: ${new TextDecoder().decode(body).slice(0, 300)}`);
    return { ms: performance.now() - started, bytes: body.byteLength };
  };
  await once();
  const runs: Measured[] = [];
  for (let i = 0; i < REPEAT; i++) runs.push(await once());
  return { ms: median(runs.map((r) => r.ms)), bytes: runs[0]?.bytes ?? 0 };
}

async function json<T>(server: Server, address: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${server.base}${address}`, init);
  const body = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(`${init?.method ?? "GET"} ${address} answered ${response.status}: ${body.error}`);
  return body;
}

interface Uploaded {
  id: string;
  name: string;
  series: { id: string; name: string; pointCount: number }[];
}

async function upload(server: Server, file: string, name: string): Promise<Uploaded> {
  const query = new URLSearchParams({ fileName: path.basename(file), name });
  return json<Uploaded>(server, `/api/datasets?${query}`, { method: "POST", body: await fs.openAsBlob(file), headers: { "content-type": "text/csv" } });
}

/** The benchmark series of bench/ (the R reference tables left out). */
function benchFiles(): string[] {
  return ["datasets", "extended", "npm", "weekly"]
    .flatMap((folder) => fs.readdirSync(path.join(ROOT, "bench", folder)).map((file) => path.join(ROOT, "bench", folder, file)))
    .filter((file) => file.endsWith(".csv") && !path.basename(file).startsWith("reference"))
    .sort();
}

/** Seattle's 8,760 hourly normals repeated hour after hour to `rows` rows, from 1 Jan 1900. */
function bigCsv(rows: number): string {
  const lines = fs.readFileSync(path.join(ROOT, "bench", "datasets", "seattle_hourly_normals.csv"), "utf8").trim().split(/\r?\n/);
  const values = lines.slice(1).map((line) => line.split(",").at(-1) as string);
  const start = Date.UTC(1900, 0, 1);
  return writeCsvOnce(path.join(WORK, `seattle-hourly-${rows}.csv`), "time,temperature", rows, (i) =>
    `${new Date(start + i * 3_600_000).toISOString().slice(0, 16).replace("T", " ")},${values[i % values.length]}`,
  );
}

/** Trains one run on the server with the default settings and waits for it. */
async function trainRun(server: Server, datasetId: string, body: object): Promise<string> {
  const { id } = await json<{ id: string }>(server, `/api/datasets/${datasetId}/forecast`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });
  for (;;) {
    const run = await json<{ status: string; failure?: string }>(server, `/api/runs/${id}`);
    if (run.status === "done") return id;
    if (run.status !== "queued" && run.status !== "running") throw new Error(`run ${id} ended ${run.status}: ${run.failure}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

const RUN_COLUMNS = [
  "seriesIds", "status", "origin", "config", "seed", "backend", "backendInfo", "mode", "horizon", "seasonLength", "mase",
  "elapsedMs", "finishedAt", "losses", "metrics", "forecast", "chosen", "model", "error", "progress",
];

/**
 * Copies a trained run `count` times onto a dataset, each copy with its own id, seed and start time
 * (one every few hours back over the past year), the source's series id replaced by `seriesId`.
 */
function replicateRun(file: string, sourceId: string, datasetId: string, seriesId: string, count: number): void {
  const connection = new Database(file);
  connection.pragma("busy_timeout = 10000");
  const source = connection.prepare('SELECT * FROM "Run" WHERE "id" = ?').get(sourceId) as Record<string, unknown>;
  const sourceSeries = (JSON.parse(source.seriesIds as string) as string[])[0] as string;
  const remap = (text: unknown) => (typeof text === "string" ? text.split(sourceSeries).join(seriesId) : text);
  const insert = connection.prepare(
    `INSERT INTO "Run" ("id", "datasetId", "startedAt", ${RUN_COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES (?, ?, ?, ${RUN_COLUMNS.map(() => "?").join(", ")})`,
  );
  const now = Date.now();
  connection.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = `cbench${datasetId.slice(-6)}${String(i).padStart(6, "0")}${Math.random().toString(36).slice(2, 8)}`;
      const started = new Date(now - (i + 1) * 17.5 * 3_600_000).toISOString().replace("Z", "+00:00");
      const values = RUN_COLUMNS.map((column) =>
        column === "seed" ? i + 1 : ["seriesIds", "forecast", "metrics"].includes(column) ? remap(source[column]) : source[column],
      );
      insert.run(id, datasetId, started, ...values);
    }
  })();
  connection.close();
}

interface Library {
  busy: Uploaded;
  doomed: Uploaded;
  big: Uploaded;
  runCount: number;
  modelBytes: number;
}

/** Fills the server's database as a team's year of use would. */
async function fill(server: Server): Promise<Library> {
  const files = benchFiles();
  const uploaded: Uploaded[] = [];
  const started = performance.now();
  for (const file of files) uploaded.push(await upload(server, file, path.basename(file, ".csv").replace(/_/g, " ")));
  // Refreshed copies of every other file, as analysts upload this month's export beside last month's.
  for (const file of files.filter((_, i) => i % 2 === 0)) uploaded.push(await upload(server, file, `${path.basename(file, ".csv").replace(/_/g, " ")} (refreshed)`));
  const big = await upload(server, bigCsv(BIG_ROWS), "Seattle hourly temperature, 1900–2014");
  uploaded.push(big, await upload(server, bigCsv(BIG_ROWS), "Seattle hourly temperature (copy)"));
  console.log(`  ${uploaded.length} datasets uploaded through POST /api/datasets in ${(performance.now() - started) / 1000 | 0} s`);

  const byName = (name: string) => {
    const found = uploaded.find((d) => d.name === name);
    if (!found) throw new Error(`no dataset named ${name}`);
    return found;
  };
  const busy = byName("air passengers");
  const doomed = byName("australian gas");
  const training = performance.now();
  const busyRun = await trainRun(server, busy.id, { horizon: 12 });
  const doomedRun = await trainRun(server, doomed.id, { horizon: 12 });
  console.log(`  2 runs trained on the server with the default settings in ${(performance.now() - training) / 1000 | 0} s`);

  replicateRun(server.database, busyRun, busy.id, busy.series[0]?.id as string, BUSY_RUNS);
  replicateRun(server.database, doomedRun, doomed.id, doomed.series[0]?.id as string, DOOMED_RUNS);
  const others = uploaded.filter((d) => d !== busy && d !== doomed && d.series[0]);
  for (const dataset of others) replicateRun(server.database, busyRun, dataset.id, dataset.series[0]?.id as string, OTHER_RUNS);
  // A run without a model (a series too short for the LSTM gets Theta's forecast): the reference for opening one that has a model.
  const bare = new Database(server.database);
  bare.prepare('UPDATE "Run" SET "model" = NULL WHERE "id" = (SELECT "id" FROM "Run" WHERE "datasetId" = ? ORDER BY "startedAt" LIMIT 1)').run(busy.id);
  bare.close();
  const connection = new Database(server.database, { readonly: true });
  const { runs, model } = connection.prepare('SELECT count(*) AS runs, max(length("model")) AS model FROM "Run"').get() as { runs: number; model: number };
  connection.close();
  return { busy, doomed, big, runCount: runs, modelBytes: model };
}

interface Row {
  label: string;
  fresh?: Measured;
  library: Measured;
}

function printRows(rows: Row[]): void {
  const width = Math.max(...rows.map((r) => r.label.length));
  console.log("  reference: the same request on the fresh install (the seeded sample alone), unless the line names another");
  console.log(`  ${"".padEnd(width)}  ${"reference".padStart(22)}  ${"after a year".padStart(22)}  ratio (time, size)`);
  for (const row of rows) {
    const cell = (m: Measured | undefined) => (m ? `${ms(m.ms).padStart(9)} ${kb(m.bytes).padStart(10)}` : "".padStart(20)).padStart(22);
    const size = row.fresh && row.fresh.bytes >= 1024 ? `${(row.library.bytes / row.fresh.bytes).toFixed(1)}×` : "—";
    const ratio = row.fresh ? `${(row.library.ms / row.fresh.ms).toFixed(1)}×, ${size}` : "";
    console.log(`  ${row.label.padEnd(width)}  ${cell(row.fresh)}  ${cell(row.library)}  ${ratio}`);
  }
}

async function main(): Promise<void> {
  console.log(`Library benchmark: ${REPEAT} requests per figure (medians); ${os.cpus().length} cores, Node ${process.versions.node}, load average ${os.loadavg()[0]?.toFixed(1)}`);
  const reuse = KEEP !== undefined && fs.existsSync(KEEP);
  const database = KEEP ? path.resolve(KEEP) : path.join(os.tmpdir(), `tidecast-bench-library-${process.pid}.db`);
  if (!reuse) fs.rmSync(database, { force: true });
  console.log("starting the production server (npm start: migrate, seed, build if needed, serve)…");
  const server = await startServer("library", database);
  try {
    const sample = (await json<{ datasets: { id: string; name: string }[] }>(server, "/api/datasets")).datasets.find((d) => d.name.includes("(sample)"));
    if (!sample) throw new Error("the seeded sample dataset is missing");
    const fresh = reuse
      ? null
      : {
          home: await measure(server, "/"),
          datasetPage: await measure(server, `/datasets/${sample.id}`),
          datasets: await measure(server, "/api/datasets"),
          runs: await measure(server, `/api/datasets/${sample.id}/runs`),
        };
    let library: Library;
    if (reuse) {
      const list = (await json<{ datasets: Uploaded[] }>(server, "/api/datasets")).datasets;
      const find = async (name: string) => json<Uploaded>(server, `/api/datasets/${list.find((d) => d.name === name)?.id}`);
      const connection = new Database(database, { readonly: true });
      const { runs, model } = connection.prepare('SELECT count(*) AS runs, max(length("model")) AS model FROM "Run"').get() as { runs: number; model: number };
      connection.close();
      library = { busy: await find("air passengers"), doomed: await find("australian gas"), big: await find("Seattle hourly temperature, 1900–2014"), runCount: runs, modelBytes: model };
    } else {
      console.log("filling the library through the API…");
      library = await fill(server);
    }
    const datasetCount = (await json<{ datasets: unknown[] }>(server, "/api/datasets")).datasets.length;
    const fileBytes = fs.statSync(database).size;
    console.log(`library: ${datasetCount} datasets, ${thousands(library.runCount)} runs (model ${kb(library.modelBytes)} each), SQLite file ${kb(fileBytes)}\n`);

    const { runs } = await json<{ runs: { id: string }[] }>(server, `/api/datasets/${library.busy.id}/runs`);
    const [a, b] = runs;
    const withoutModel = runs.at(-1);
    if (!a || !b || !withoutModel) throw new Error("the busy dataset has no runs");
    const rows: Row[] = [
      { label: "home page (GET /)", fresh: fresh?.home, library: await measure(server, "/") },
      { label: "GET /api/datasets", fresh: fresh?.datasets, library: await measure(server, "/api/datasets") },
      { label: `dataset page, ${runs.length} runs`, fresh: fresh?.datasetPage, library: await measure(server, `/datasets/${library.busy.id}`) },
      { label: `dataset page, ${runs.length} runs, ?run=`, library: await measure(server, `/datasets/${library.busy.id}?run=${a.id}`) },
      { label: `dataset page, ${thousands(library.big.series[0]?.pointCount ?? 0)} points`, library: await measure(server, `/datasets/${library.big.id}`) },
      { label: `GET …/runs (${runs.length} runs)`, fresh: fresh?.runs, library: await measure(server, `/api/datasets/${library.busy.id}/runs`) },
      {
        label: `GET /api/runs/<id>, model ${kb(library.modelBytes)} (reference: a run without one)`,
        fresh: await measure(server, `/api/runs/${withoutModel.id}`),
        library: await measure(server, `/api/runs/${b.id}`),
      },
    ];
    printRows(rows);

    const rss = statusField(server.pid, "VmRSS");
    console.log(`\n  server memory after browsing   ${kb(rss)} RSS (peak ${kb(statusField(server.pid, "VmHWM"))})`);
    if (!reuse) {
      const deleting = performance.now();
      const response = await fetch(`${server.base}/api/datasets/${library.doomed.id}`, { method: "DELETE" });
      if (response.status !== 204) throw new Error(`DELETE answered ${response.status}`);
      const deleteMs = performance.now() - deleting;
      const smallId = (await json<{ datasets: { id: string; name: string }[] }>(server, "/api/datasets")).datasets.find((d) => d.name === "nile flow")?.id;
      const deletingSmall = performance.now();
      await fetch(`${server.base}/api/datasets/${smallId}`, { method: "DELETE" });
      const smallMs = performance.now() - deletingSmall;
      console.log(`  DELETE a dataset with ${DOOMED_RUNS + 1} runs  ${ms(deleteMs)}   (one with ${OTHER_RUNS} run: ${ms(smallMs)}; ratio ${(deleteMs / smallMs).toFixed(1)}×)`);
      console.log(`  SQLite file after the delete   ${kb(fs.statSync(database).size)}`);
    }
  } finally {
    server.process.kill("SIGTERM");
    await new Promise((resolve) => server.process.once("exit", resolve));
    if (!KEEP) for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(database + suffix, { force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
