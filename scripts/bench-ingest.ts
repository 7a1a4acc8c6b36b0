/**
 * `npm run bench:ingest`: how fast a CSV becomes a stored, chartable dataset, measured through the
 * real upload route of a production server (the one `npm start` serves), next to papaparse alone
 * parsing the same file (the floor of what ingest can cost). Prints figures and ratios; asserts
 * nothing (timings swing with the load on a shared machine).
 *
 *   npm run bench:ingest                   100k and 1M rows, 3 runs each (medians)
 *   npm run bench:ingest -- --rows 100000  one size only
 *   npm run bench:ingest -- --runs 5
 *
 * Also compares the two storage layouts on the same 1M points (packed blob per series vs one row
 * per point), which is how the packed layout in prisma/schema.prisma was chosen.
 * Results are written to bench-results/ingest.json as well.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import Papa from "papaparse";
import { processCpu, startServer, statusField, watchMemory, writeCsvOnce, type Server } from "./bench-server";

const ROOT = path.resolve(import.meta.dirname, "..");
const WORK = path.join(ROOT, ".tmp", "bench-ingest");
const RESULTS = path.join(ROOT, "bench-results");

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const SIZES = argument("rows") ? [Number(argument("rows"))] : [100_000, 1_000_000];
const RUNS = Number(argument("runs") ?? 3);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const thousands = (n: number) => Math.round(n).toLocaleString("en-US");

/**
 * A file as analysts export them from loggers: minutely ISO date-times, a reading with three
 * decimals, and an empty cell now and then (a missing value).
 */
function generateCsv(rows: number): string {
  const start = Date.UTC(2022, 0, 1);
  return writeCsvOnce(path.join(WORK, `minutely-${rows}.csv`), "time,reading", rows, (i) => {
    const time = new Date(start + i * 60_000).toISOString().slice(0, 19).replace("T", " ");
    const value = i % 997 === 500 ? "" : (20 + 8 * Math.sin(i / 1440 * 2 * Math.PI) + ((i * 7919) % 1000) / 1000).toFixed(3);
    return `${time},${value}`;
  });
}

/** papaparse's string streamer with a chunk callback (the typings only list it for files). */
const parseInChunks = Papa.parse as unknown as (
  text: string,
  config: { delimiter: string; chunkSize: number; chunk: (result: Papa.ParseResult<string[]>) => void },
) => void;

/** The process's own CPU time in ms (user + system, all its threads: the parser and the collector). */
const ownCpu = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/** Collects garbage between measurements when run with --expose-gc (npm run bench:ingest does). */
const collect = () => (globalThis as { gc?: () => void }).gc?.();

interface Timed {
  wall: number;
  cpu: number;
}

/**
 * papaparse alone, the floor of what ingest can cost: the file read and decoded, then parsed with
 * the delimiter known, rows visited and dropped. Both of papaparse's streaming modes are timed
 * (1 MB chunks, and a callback per row); the faster one is the floor.
 */
function parseOnly(file: string): Timed & { rows: number; mode: string } {
  const time = (parse: (text: string) => number) => {
    collect();
    const wall = performance.now();
    const cpu = ownCpu();
    const rows = parse(fs.readFileSync(file, "utf8"));
    return { wall: performance.now() - wall, cpu: ownCpu() - cpu, rows };
  };
  const chunked = time((text) => {
    let rows = 0;
    parseInChunks(text, { delimiter: ",", chunkSize: 1 << 20, chunk: (result) => void (rows += result.data.length) });
    return rows;
  });
  const stepped = time((text) => {
    let rows = 0;
    Papa.parse<string[]>(text, { delimiter: ",", step: () => void rows++ });
    return rows;
  });
  if (chunked.rows !== stepped.rows) throw new Error(`papaparse modes disagree: ${chunked.rows} vs ${stepped.rows} rows`);
  return chunked.wall <= stepped.wall ? { ...chunked, mode: "chunks" } : { ...stepped, mode: "step" };
}

interface SeriesInfo {
  id: string;
  pointCount: number;
}

type UploadMode = "streamed" | "multipart";

/** One POST of the file; retried once if the connection was closed before any answer (keep-alive race). */
async function post(server: Server, file: string, mode: UploadMode): Promise<Response> {
  const blob = await fs.openAsBlob(file);
  const send = () => {
    if (mode === "streamed") {
      const query = new URLSearchParams({ fileName: path.basename(file) });
      return fetch(`${server.base}/api/datasets?${query}`, { method: "POST", body: blob, headers: { "content-type": "text/csv" } });
    }
    const form = new FormData();
    form.set("file", new File([blob], path.basename(file), { type: "text/csv" }));
    return fetch(`${server.base}/api/datasets`, { method: "POST", body: form });
  };
  try {
    return await send();
  } catch {
    return send();
  }
}

interface Ingested extends Timed {
  datasetId: string;
  series: SeriesInfo;
  /** The route's own account (Server-Timing): receive (multipart only), read, store, in ms. */
  server: Record<string, number>;
}

/**
 * Upload → stored → readable: the upload answers 201, the dataset answers with its series, and
 * the series' points come back downsampled for a chart. CPU is the server process's.
 * @param mode `streamed`: the CSV as the body (what the upload form sends); `multipart`: a form
 */
async function ingestOnce(server: Server, file: string, mode: UploadMode): Promise<Ingested> {
  collect();
  const cpu = processCpu(server.pid);
  const started = performance.now();
  const response = await post(server, file, mode);
  const created = (await response.json()) as { id?: string; error?: string };
  if (response.status !== 201 || !created.id) throw new Error(`upload failed (${response.status}): ${created.error}`);
  const dataset = (await (await fetch(`${server.base}/api/datasets/${created.id}`)).json()) as { series: SeriesInfo[] };
  const series = dataset.series[0] as SeriesInfo;
  const points = await fetch(`${server.base}/api/datasets/${created.id}/series/${series.id}/points?maxPoints=2000`);
  if (!points.ok) throw new Error(`reading the points failed (${points.status})`);
  await points.json();
  const wall = performance.now() - started;
  const timing = Object.fromEntries(
    (response.headers.get("server-timing") ?? "")
      .split(",")
      .map((part) => /^\s*(\w+);dur=([\d.]+)/.exec(part))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => [match[1] as string, Number(match[2])]),
  );
  return { wall, cpu: processCpu(server.pid) - cpu, datasetId: created.id, series, server: timing };
}

async function readForChart(server: Server, datasetId: string, seriesId: string, maxPoints?: number): Promise<number> {
  const query = maxPoints ? `?maxPoints=${maxPoints}` : "";
  const started = performance.now();
  const response = await fetch(`${server.base}/api/datasets/${datasetId}/series/${seriesId}/points${query}`);
  const body = (await response.json()) as { t: number[] };
  if (!response.ok || body.t.length === 0) throw new Error("reading the points failed");
  return performance.now() - started;
}

/** Writes and reads the same points in both layouts, straight through better-sqlite3. */
function compareLayouts(points: number): { blobWrite: number; blobRead: number; rowsWrite: number; rowsRead: number } {
  const file = path.join(os.tmpdir(), `tidecast-bench-layout-${process.pid}.db`);
  fs.rmSync(file, { force: true });
  const db = new Database(file);
  db.pragma("journal_mode = DELETE");
  db.exec(`CREATE TABLE packed (series TEXT PRIMARY KEY, times BLOB NOT NULL, vals BLOB NOT NULL);
           CREATE TABLE point (series TEXT NOT NULL, t REAL NOT NULL, v REAL, PRIMARY KEY (series, t)) WITHOUT ROWID;`);
  const times = new Float64Array(points);
  const values = new Float64Array(points);
  for (let i = 0; i < points; i++) {
    times[i] = Date.UTC(2022, 0, 1) + i * 60_000;
    values[i] = Math.sin(i / 100);
  }
  let started = performance.now();
  db.prepare("INSERT INTO packed VALUES (?, ?, ?)").run("s", Buffer.from(times.buffer), Buffer.from(values.buffer));
  const blobWrite = performance.now() - started;
  started = performance.now();
  const row = db.prepare("SELECT times, vals FROM packed WHERE series = ?").get("s") as { times: Buffer; vals: Buffer };
  const readTimes = new Float64Array(row.times.byteLength / 8);
  new Uint8Array(readTimes.buffer).set(row.times);
  const readValues = new Float64Array(row.vals.byteLength / 8);
  new Uint8Array(readValues.buffer).set(row.vals);
  const blobRead = performance.now() - started;

  started = performance.now();
  const insert = db.prepare("INSERT INTO point VALUES (?, ?, ?)");
  db.transaction(() => {
    for (let i = 0; i < points; i++) insert.run("s", times[i], values[i]);
  })();
  const rowsWrite = performance.now() - started;
  started = performance.now();
  const rows = db.prepare("SELECT t, v FROM point WHERE series = ? ORDER BY t").raw().all("s") as [number, number][];
  const t = new Float64Array(rows.length);
  const v = new Float64Array(rows.length);
  rows.forEach(([time, value], i) => {
    t[i] = time;
    v[i] = value;
  });
  const rowsRead = performance.now() - started;
  db.close();
  fs.rmSync(file, { force: true });
  return { blobWrite, blobRead, rowsWrite, rowsRead };
}

async function main(): Promise<void> {
  console.log(`Ingest benchmark: ${SIZES.map(thousands).join(" and ")} rows, ${RUNS} runs each (medians); ${os.cpus().length} cores, Node ${process.versions.node}, load average ${os.loadavg()[0]?.toFixed(1)}`);
  const files = SIZES.map((rows) => ({ rows, file: generateCsv(rows) }));
  console.log("starting the production server (npm start: migrate, build if needed, serve)…");
  const server = await startServer("ingest");
  const report: Record<string, unknown>[] = [];
  try {
    // Warm the route up so the first measured upload does not pay for compiling it.
    await ingestOnce(server, generateCsv(1_000), "streamed");
    await ingestOnce(server, generateCsv(1_000), "multipart");
    const baseline = statusField(server.pid, "VmRSS");
    console.log(`server pid ${server.pid}, resident memory at rest ${mb(baseline)}\n`);

    for (const { rows, file } of files) {
      const bytes = fs.statSync(file).size;
      const parses: (Timed & { mode: string })[] = [];
      const runs: Record<UploadMode, Ingested[]> = { streamed: [], multipart: [] };
      let peak = 0;
      let last: Ingested | null = null;
      const stored: string[] = [];
      for (let run = 0; run < RUNS; run++) {
        const parsed = parseOnly(file);
        // Header, rows, and the empty string after the last line break.
        if (parsed.rows !== rows + 2) throw new Error(`papaparse read ${parsed.rows} rows, expected ${rows + 2}`);
        parses.push(parsed);
        for (const mode of ["streamed", "multipart"] as const) {
          const memory = watchMemory(server.pid);
          const ingest = await ingestOnce(server, file, mode);
          peak = Math.max(peak, memory.stop());
          if (ingest.series.pointCount !== rows) throw new Error(`stored ${ingest.series.pointCount} points, expected ${rows}`);
          runs[mode].push(ingest);
          stored.push(ingest.datasetId);
          last = ingest;
        }
        // Keep the database the size of one import, as an analyst's would grow one file at a time.
        for (const id of stored.splice(0, stored.length - 1)) await fetch(`${server.base}/api/datasets/${id}`, { method: "DELETE" });
      }
      const chartReads: number[] = [];
      const fullReads: number[] = [];
      if (last) {
        for (let i = 0; i < 5; i++) chartReads.push(await readForChart(server, last.datasetId, last.series.id, 2000));
        for (let i = 0; i < 3; i++) fullReads.push(await readForChart(server, last.datasetId, last.series.id));
        await fetch(`${server.base}/api/datasets/${last.datasetId}`, { method: "DELETE" });
      }
      const parseWall = median(parses.map((p) => p.wall));
      const parseCpu = median(parses.map((p) => p.cpu));
      // Each run's ingest over the parse-only measured next to it, then the median: a burst of load
      // from other work on the machine hits both sides of one ratio.
      const ratio = (mode: UploadMode, key: "wall" | "cpu") => median(runs[mode].map((r, i) => r[key] / (parses[i] as Timed)[key]));
      const summary = (mode: UploadMode) => {
        const wall = median(runs[mode].map((r) => r.wall));
        const parts = ["receive", "read", "store"]
          .map((key) => [key, median(runs[mode].map((r) => r.server[key] ?? NaN))] as const)
          .filter(([, ms]) => Number.isFinite(ms))
          .map(([key, ms]) => `${key} ${seconds(ms)}`);
        return {
          wallS: +(wall / 1000).toFixed(3),
          cpuS: +(median(runs[mode].map((r) => r.cpu)) / 1000).toFixed(3),
          rowsPerS: Math.round(rows / (wall / 1000)),
          wallRatio: +ratio(mode, "wall").toFixed(2),
          cpuRatio: +ratio(mode, "cpu").toFixed(2),
          serverTiming: parts.join(", "),
          runsS: runs[mode].map((r) => +(r.wall / 1000).toFixed(3)),
        };
      };
      const streamed = summary("streamed");
      const multipart = summary("multipart");
      const chartRead = median(chartReads);
      const entry = {
        rows,
        fileMB: +(bytes / 1024 / 1024).toFixed(1),
        parseOnly: { wallS: +(parseWall / 1000).toFixed(3), cpuS: +(parseCpu / 1000).toFixed(3), modes: [...new Set(parses.map((p) => p.mode))] },
        streamed,
        multipart,
        serverPeakRssMB: Math.round(peak / 1024 / 1024),
        serverRestRssMB: Math.round(baseline / 1024 / 1024),
        chartReadS: +(chartRead / 1000).toFixed(3),
        fullReadS: +(median(fullReads) / 1000).toFixed(3),
      };
      report.push(entry);
      const big = rows >= 1_000_000;
      const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
      console.log(`${thousands(rows)} rows (${entry.fileMB} MB)`);
      console.log(`  papaparse alone         ${seconds(parseWall)} wall, ${seconds(parseCpu)} CPU   ${thousands(rows / (parseWall / 1000))} rows/s   (${entry.parseOnly.modes.join("/")} mode; runs ${parses.map((p) => seconds(p.wall)).join(", ")})`);
      for (const [label, s] of [["streamed body ", streamed], ["multipart form", multipart]] as const) {
        console.log(`  ingest, ${label}  ${seconds(s.wallS * 1000)} wall, ${seconds(s.cpuS * 1000)} server CPU   ${thousands(s.rowsPerS)} rows/s   (${s.serverTiming}; runs ${s.runsS.map((r) => seconds(r * 1000)).join(", ")})`);
      }
      console.log(`  ingest / parse-only     streamed ${streamed.wallRatio.toFixed(2)}× wall, ${streamed.cpuRatio.toFixed(2)}× CPU; multipart ${multipart.wallRatio.toFixed(2)}× wall, ${multipart.cpuRatio.toFixed(2)}× CPU${big ? `   (target ≤ 2×, streamed: ${verdict(streamed.wallRatio <= 2)} wall, ${verdict(streamed.cpuRatio <= 2)} CPU)` : ""}`);
      console.log(`  server peak memory      ${mb(peak)} RSS (at rest ${mb(baseline)})${big ? `   (target < 500 MB: ${verdict(peak < 500 * 1024 * 1024)})` : ""}`);
      console.log(`  read back for a chart   ${seconds(chartRead)} (2,000 points, LTTB)${big ? `   (target < 0.5 s: ${verdict(chartRead < 500)})` : ""}; every point as JSON ${seconds(median(fullReads))}`);
      console.log("");
    }

    const points = Math.max(...SIZES);
    const layouts = compareLayouts(points);
    report.push({ layouts: { points, ...layouts } });
    console.log(`Storage layouts, ${thousands(points)} points through better-sqlite3 (one run):`);
    console.log(`  packed Float64 blobs per series (in use): write ${seconds(layouts.blobWrite)}, read ${seconds(layouts.blobRead)}`);
    console.log(`  one row per point, (series, t) key:        write ${seconds(layouts.rowsWrite)}, read ${seconds(layouts.rowsRead)}`);
  } finally {
    server.process.kill("SIGTERM");
    for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(server.database + suffix, { force: true });
  }
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, "ingest.json"), `${JSON.stringify({ date: new Date().toISOString(), runs: RUNS, results: report }, null, 2)}\n`);
  console.log(`\nwritten to ${path.relative(ROOT, path.join(RESULTS, "ingest.json"))}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.message}${error.cause ? ` (${String(error.cause)})` : ""}` : error);
  process.exit(1);
});
