/**
 * `npm run bench:workbench`: the forecast workbench's figures, printed, never asserted.
 *  1. Training throughput of the same lib/forecast run bare in Node and in the app's Web Worker in
 *     headless Chromium (samples/s of the final network's epochs; target: worker within 1.25×).
 *  2. The longest main-thread task while the worker trains (PerformanceObserver "longtask"; target < 50 ms).
 *  3. Time to draw the dataset page's forecast chart for a 100k- and a 1M-point series (target < 1 s),
 *     and the pure shaping (lib/chart) of those points.
 * Starts its own server (`npm start`) on BENCH_PORT (default 3350) with a throwaway database, or
 * uses BENCH_URL when set.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { toForecastRows } from "../lib/chart/to-forecast-rows";
import { runForecast } from "../lib/forecast";
import type { BackendInfo, ForecastProgress } from "../lib/forecast/types";
import type { RunSeries, SaveRunInput } from "../lib/series/run-schema";

const ROOT = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.BENCH_PORT ?? 3350);
/** BENCH_URL: use a server that is already running instead of starting one. */
const BASE = process.env.BENCH_URL ?? `http://localhost:${PORT}`;
const HOUR = 3_600_000;
/** The training workload: hourly series with a daily season, lookback 48, 64 units, 1 member. */
const LENGTH = 1400;
const HORIZON = 12;
const SETTINGS = { lookback: 48, units: 64, layers: 1, epochs: 10, patience: 10, batchSize: 64, ensembleSize: 1 };
const START = Date.UTC(2024, 0, 1);

function series(n: number): number[] {
  return Array.from({ length: n }, (_, i) => 100 + 0.01 * i + 20 * Math.sin((2 * Math.PI * i) / 24) + 5 * Math.sin(i * 0.37) * Math.cos(i * 0.11));
}

function csv(values: number[]): string {
  const lines = ["time,value"];
  values.forEach((v, i) => lines.push(`${new Date(START + i * HOUR).toISOString().slice(0, 19)}Z,${v.toFixed(6)}`));
  return lines.join("\n") + "\n";
}

/** utime + stime of one thread, in seconds (Linux /proc; NaN when it cannot be read). */
function taskCpuSeconds(pid: string, tid: string): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ
  } catch {
    return Number.NaN; // the thread ended, or no /proc
  }
}

function taskName(pid: string, tid: string): string {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${tid}/comm`, "utf8").trim();
  } catch {
    return "";
  }
}

/** CPU seconds used so far by a training thread and by its process's V8 helper threads (GC, JIT). */
interface CpuSample {
  thread: number;
  helpers: number;
  /** Browser only: every thread of the browser and the server, for the breakdown (descendantCpu). */
  threads?: Map<string, number>;
}

/** This Node process: the main thread trains; every other thread helps (V8 GC and compiler threads). */
function nodeCpu(): CpuSample {
  const pid = String(process.pid);
  const thread = taskCpuSeconds(pid, pid);
  const usage = process.cpuUsage();
  return { thread, helpers: (usage.user + usage.system) / 1e6 - thread };
}

/**
 * Chromium: the renderer thread named "DedicatedWorker" trains; the same renderer's thread pool
 * ("ThreadPoolForegroundWorker": V8's concurrent GC and JIT for the worker's isolate and the page's)
 * helps. Linux /proc; NaN elsewhere.
 */
function workerCpu(): CpuSample {
  const pids = rendererPid ? [rendererPid] : listPids();
  for (const pid of pids) {
    let tasks: string[] = [];
    try {
      tasks = fs.readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    const names = tasks.map((tid) => taskName(pid, tid));
    if (!names.includes("DedicatedWorker")) continue;
    rendererPid = pid; // later samples read this process only: scanning all of /proc costs ~10 ms
    let thread = 0;
    let helpers = 0;
    tasks.forEach((tid, i) => {
      if (names[i] === "DedicatedWorker") thread += taskCpuSeconds(pid, tid);
      else if (names[i] === "ThreadPoolForeg") helpers += taskCpuSeconds(pid, tid);
    });
    return { thread, helpers };
  }
  return { thread: Number.NaN, helpers: Number.NaN };
}

/** CPU seconds so far of every thread of this process's descendants (the browser, the server), by "process type/thread name". */
function descendantCpu(): Map<string, number> {
  const parents = new Map<string, string>();
  for (const pid of listPids()) {
    try {
      parents.set(pid, fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ")[1] ?? "");
    } catch {
      // ended
    }
  }
  const mine = new Set([String(process.pid)]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (!mine.has(pid) && mine.has(parent)) {
        mine.add(pid);
        grew = true;
      }
    }
  }
  mine.delete(String(process.pid));
  const out = new Map<string, number>();
  for (const pid of mine) {
    let kind = "";
    try {
      // Chromium rewrites its child processes' command lines as one space-separated string.
      const argv = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split(/[\0 ]/);
      kind = argv.find((a) => a.startsWith("--type="))?.slice(7) ?? path.basename(argv[0] ?? "");
      if (kind === "utility") kind = argv.find((a) => a.startsWith("--utility-sub-type="))?.slice(19) ?? kind;
      if (kind === "renderer" && pid === rendererPid) kind = "renderer (the page)";
    } catch {
      continue;
    }
    let tasks: string[] = [];
    try {
      tasks = fs.readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      const key = `${kind}/${taskName(pid, tid)}`;
      const cpu = taskCpuSeconds(pid, tid);
      if (Number.isFinite(cpu)) out.set(key, (out.get(key) ?? 0) + cpu);
    }
  }
  return out;
}

/** The renderer process whose worker trains, once found. */
let rendererPid: string | null = null;

function listPids(): string[] {
  try {
    return fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  } catch {
    return [];
  }
}

/**
 * Throughput of the final network's training stage: its windows × epochs over the stage's wall
 * time (from its "epoch 0" progress event to its last), and over the CPU time the training thread
 * (and its helper threads) used between those two events.
 */
function throughput(events: ForecastProgress[], cpu: Map<ForecastProgress, CpuSample>, windows: number) {
  const stage = events.filter((e) => e.stage === "training");
  const start = stage.find((e) => e.epoch === 0);
  const end = stage.at(-1);
  const cpu0 = start && cpu.get(start);
  const cpu1 = end && cpu.get(end);
  if (!start || !end || end.epoch === 0 || !cpu0 || !cpu1) return { rate: Number.NaN, perThreadCpu: Number.NaN, perAllCpu: Number.NaN, epochs: 0, seconds: 0, share: Number.NaN };
  const seconds = (end.elapsedMs - start.elapsedMs) / 1000;
  const samples = windows * end.epoch;
  const thread = cpu1.thread - cpu0.thread;
  const all = thread + cpu1.helpers - cpu0.helpers;
  return { rate: samples / seconds, perThreadCpu: samples / thread, perAllCpu: samples / all, epochs: end.epoch, seconds, share: thread / seconds };
}

/** Where the browser's and the server's CPU went during the training stage: the busiest threads, in CPU seconds. */
function cpuBreakdown(events: ForecastProgress[], cpu: Map<ForecastProgress, CpuSample>, top = 8): { name: string; seconds: number }[] {
  const stage = events.filter((e) => e.stage === "training");
  const start = stage.find((e) => e.epoch === 0);
  const end = stage.at(-1);
  const before = start && cpu.get(start)?.threads;
  const after = end && cpu.get(end)?.threads;
  if (!before || !after) return [];
  return [...after]
    .map(([name, seconds]) => ({ name, seconds: seconds - (before.get(name) ?? 0) }))
    .filter((t) => t.seconds > 0)
    .sort((a, b) => b.seconds - a.seconds)
    .slice(0, top);
}

function describeBackend(backend: BackendInfo | undefined): string {
  if (!backend) return "?";
  const fixes = [backend.matMulFix && "matmul fix", backend.sliceFix && "slice fix"].filter(Boolean).join(", ");
  return `${backend.name}${backend.simd ? ", SIMD" : ""}${fixes ? `, ${fixes}` : ""}`;
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${BASE}/api/datasets`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("the server did not start");
}

/** fetch, once more when a kept-alive connection was closed by the server while the browser trained. */
async function post(url: string, body: FormData): Promise<Response> {
  try {
    return await fetch(url, { method: "POST", body });
  } catch {
    return fetch(url, { method: "POST", body });
  }
}

async function upload(name: string, text: string): Promise<{ id: string; seriesId: string }> {
  const form = new FormData();
  form.append("file", new Blob([text], { type: "text/csv" }), `${name}.csv`);
  const response = await post(`${BASE}/api/datasets`, form);
  const body = (await response.json()) as { id: string; series: { id: string }[]; error?: string };
  if (!response.ok) throw new Error(body.error);
  return { id: body.id, seriesId: body.series[0]?.id ?? "" };
}

/** A saved run with a forecast, so the page draws its forecast chart for a long series. */
async function saveFakeRun(datasetId: string, seriesId: string, n: number): Promise<string> {
  const h = 48;
  const last = START + (n - 1) * HOUR;
  const mean = Array.from({ length: h }, (_, j) => 100 + 20 * Math.sin((2 * Math.PI * (n + j)) / 24));
  const forecast = { mean, lower80: mean.map((v) => v - 5), upper80: mean.map((v) => v + 5), lower95: mean.map((v) => v - 9), upper95: mean.map((v) => v + 9) };
  const metrics = { mase: 1, smape: 1, rmse: 1, coverage80: 0.8, coverage95: 0.95 };
  const result: RunSeries = {
    seriesId,
    name: "value",
    historyEnd: last,
    times: mean.map((_, j) => last + (j + 1) * HOUR),
    forecasts: { lstm: forecast },
    metrics: { lstm: metrics },
    chosen: "lstm",
    chosenReason: "benchmark",
    backtestOrigins: 3,
    folds: [],
    preprocessing: { transform: "none", deseasonalized: false, seasonLength: 24, filled: 0 },
  };
  const run: SaveRunInput = {
    status: "done",
    startedAt: new Date().toISOString(),
    finishedAt: new Date().toISOString(),
    elapsedMs: 0,
    config: { ...SETTINGS, patchLength: 1, differenceInput: false, dampedTrend: true, screenOutliers: true, dropout: 0, learningRate: 0.003, seed: 1, validationFraction: 0.2, maxWindows: 1024, transform: "auto", deseasonalize: "auto", cyclePeriod: 0, loss: "mae", backtestOrigins: 3, chooseMargin: 0.05 },
    mode: "per-series",
    horizon: h,
    seasonLength: 24,
    backend: { name: "wasm", requested: "wasm", simd: true, matMulFix: true },
    history: [],
    series: [result],
  };
  const form = new FormData();
  form.append("run", JSON.stringify(run));
  const response = await post(`${BASE}/api/datasets/${datasetId}/runs`, form);
  const body = (await response.json()) as { id: string; error?: string };
  if (!response.ok) throw new Error(body.error);
  return body.id;
}

/** Records the worker's progress messages and long tasks in the page. */
const INSTRUMENT = () => {
  const w = window as unknown as { __progress: ForecastProgress[]; __longTasks: { start: number; duration: number }[]; __chartAt?: number; __markCpu?: (i: number) => Promise<void>; __backend?: BackendInfo };
  w.__progress = [];
  w.__longTasks = [];
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener("message", (e: MessageEvent<{ type: string; progress?: ForecastProgress; outcome?: { backend: BackendInfo } }>) => {
        if (e.data.type === "done") w.__backend = e.data.outcome?.backend;
        if (e.data.type !== "progress" || !e.data.progress) return;
        w.__progress.push(e.data.progress);
        // The bench reads the worker thread's CPU time when a training-stage event arrives.
        if (e.data.progress.stage === "training") void w.__markCpu?.(w.__progress.length - 1);
      });
    }
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
  new MutationObserver(() => {
    if (w.__chartAt === undefined && document.querySelector('[data-testid="forecast-chart"] svg path')) w.__chartAt = performance.now();
  }).observe(document, { childList: true, subtree: true });
};

async function trainInBrowser(page: Page, datasetId: string, cpuAt: Map<number, CpuSample>) {
  await page.goto(`${BASE}/datasets/${datasetId}`);
  await page.getByLabel(/^Horizon/).fill(String(HORIZON));
  await page.getByText("Advanced settings").click();
  const labels: Record<string, string> = { lookback: "Lookback (steps)", units: "LSTM units", layers: "Layers", epochs: "Max epochs", patience: "Patience (epochs)", batchSize: "Batch size", ensembleSize: "Ensemble size" };
  for (const [key, label] of Object.entries(labels)) await page.getByLabel(label, { exact: true }).fill(String(SETTINGS[key as keyof typeof SETTINGS]));
  cpuAt.clear();
  await page.getByRole("button", { name: "Train forecast" }).click();
  await page.getByTestId("run-result").waitFor({ timeout: 600_000 });
  const measured = await page.evaluate(() => {
    const w = window as unknown as { __progress: ForecastProgress[]; __longTasks: { start: number; duration: number }[]; __backend?: BackendInfo };
    const start = performance.getEntriesByName("tidecast:training-start")[0]?.startTime ?? 0;
    const end = performance.getEntriesByName("tidecast:training-end")[0]?.startTime ?? performance.now();
    const during = w.__longTasks.filter((t) => t.start >= start && t.start <= end);
    return { progress: w.__progress, backend: w.__backend, longest: Math.max(0, ...during.map((t) => t.duration)), longTasks: during.length, seconds: (end - start) / 1000 };
  });
  const cpu = new Map<ForecastProgress, CpuSample>();
  measured.progress.forEach((p, i) => {
    const sample = cpuAt.get(i);
    if (sample) cpu.set(p, sample);
  });
  return { ...measured, cpu };
}

/** Navigation start → server response done → forecast chart drawn (ms). */
async function chartTime(page: Page, datasetId: string, runId: string): Promise<{ total: number; server: number; client: number }> {
  await page.goto(`${BASE}/datasets/${datasetId}?run=${runId}`);
  await page.getByTestId("forecast-chart").waitFor({ timeout: 120_000 });
  await page.waitForFunction(() => (window as unknown as { __chartAt?: number }).__chartAt !== undefined);
  return page.evaluate(() => {
    const total = (window as unknown as { __chartAt: number }).__chartAt;
    const server = (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined)?.responseEnd ?? 0;
    return { total, server, client: total - server };
  });
}

async function main() {
  const values = series(LENGTH);
  const windows = Math.min(1024, LENGTH - SETTINGS.lookback - HORIZON + 1);

  console.log(`Workload: ${LENGTH} hourly values, horizon ${HORIZON}, lookback ${SETTINGS.lookback}, ${SETTINGS.units} units, batch ${SETTINGS.batchSize}, ${windows} windows, ${SETTINGS.epochs} epochs per network`);
  // Bare Node before and after the browser run: the machine is shared, so both are shown.
  const trainBare = async () => {
    const events: ForecastProgress[] = [];
    const cpu = new Map<ForecastProgress, CpuSample>();
    const outcome = await runForecast(
      { series: [{ name: "value", values }], horizon: HORIZON, seasonLength: 24, frequency: "hourly", config: SETTINGS },
      {
        onProgress: (p) => {
          events.push(p);
          if (p.stage === "training") cpu.set(p, nodeCpu());
        },
      },
    );
    return { ...throughput(events, cpu, windows), backend: describeBackend(outcome.backend) };
  };
  const bareBefore = await trainBare();

  const db = path.join(os.tmpdir(), `tidecast-bench-${process.pid}.db`);
  const server = process.env.BENCH_URL
    ? null
    : spawn("npm", ["start"], { cwd: ROOT, env: { ...process.env, PORT: String(PORT), DATABASE_URL: `file:${db}` }, stdio: ["ignore", "ignore", "inherit"], detached: true });
  try {
    await waitForServer();
    const exe = fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
    const browser = await chromium.launch({
      executablePath: exe,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    const cpuAt = new Map<number, CpuSample>();
    await context.exposeFunction("__markCpu", (i: number) => void cpuAt.set(i, { ...workerCpu(), threads: descendantCpu() }));
    await context.addInitScript(INSTRUMENT);
    const page = await context.newPage();

    const trainSet = await upload("bench-train", csv(values));
    const browserRun = await trainInBrowser(page, trainSet.id, cpuAt);
    const worker = throughput(browserRun.progress, browserRun.cpu, windows);
    const bareAfter = await trainBare();
    const mean = (a: number, b: number) => (a + b) / 2;
    const bare = { rate: mean(bareBefore.rate, bareAfter.rate), perThreadCpu: mean(bareBefore.perThreadCpu, bareAfter.perThreadCpu), perAllCpu: mean(bareBefore.perAllCpu, bareAfter.perAllCpu) };

    const shaping: string[] = [];
    const charts: string[] = [];
    for (const n of [100_000, 1_000_000]) {
      const big = series(n);
      const t = big.map((_, i) => START + i * HOUR);
      const started = performance.now();
      toForecastRows({ t, y: big }, { historyEnd: t[n - 1] ?? 0, times: [], forecasts: {}, chosen: "lstm", folds: [] } as unknown as RunSeries);
      shaping.push(`${n.toLocaleString("en-US")} points: ${(performance.now() - started).toFixed(0)} ms`);
      const set = await upload(`bench-${n}`, csv(big));
      const runId = await saveFakeRun(set.id, set.seriesId, n);
      await chartTime(page, set.id, runId); // warm the page's code once
      const ms = await chartTime(page, set.id, runId);
      charts.push(
        `${n.toLocaleString("en-US")} points: drawn ${ms.total.toFixed(0)} ms after navigation start (server page ${ms.server.toFixed(0)} ms, then ${ms.client.toFixed(0)} ms in the browser)`,
      );
    }
    await browser.close();

    console.log("\nTraining throughput (final network, same request; its training stage only)");
    for (const [label, r] of [["before", bareBefore], ["after", bareAfter]] as const) {
      console.log(`  Node, bare lib/forecast (${r.backend}), ${label}: ${r.rate.toFixed(0)} samples/s (${r.epochs} epochs in ${r.seconds.toFixed(2)} s; main thread had ${(100 * r.share).toFixed(0)}% of a core)`);
    }
    console.log(`  Chromium, the app's worker (${describeBackend(browserRun.backend)}): ${worker.rate.toFixed(0)} samples/s (${worker.epochs} epochs in ${worker.seconds.toFixed(2)} s; worker thread had ${(100 * worker.share).toFixed(0)}% of a core)`);
    console.log(`  ratio bare (mean) / worker, wall clock: ${(bare.rate / worker.rate).toFixed(2)}× (target ≤ 1.25×)`);
    // The machine is shared, so also per CPU-second: of the training thread alone (Node's main thread,
    // the worker thread), and with the V8 helper threads (GC, JIT) of its process added.
    console.log(`  per CPU-second of the training thread: bare ${bare.perThreadCpu.toFixed(0)}, worker ${worker.perThreadCpu.toFixed(0)} samples/s, ratio ${(bare.perThreadCpu / worker.perThreadCpu).toFixed(2)}×`);
    console.log(`  per CPU-second with V8 helper threads (Node process; worker + renderer thread pool): bare ${bare.perAllCpu.toFixed(0)}, worker ${worker.perAllCpu.toFixed(0)} samples/s, ratio ${(bare.perAllCpu / worker.perAllCpu).toFixed(2)}×`);
    console.log(`  CPU seconds of the busiest browser and server threads in those ${worker.seconds.toFixed(2)} s (process/thread):`);
    for (const t of cpuBreakdown(browserRun.progress, browserRun.cpu)) console.log(`    ${t.name}: ${t.seconds.toFixed(2)} s`);
    console.log("\nMain thread while the worker trained");
    console.log(`  longest task: ${browserRun.longest.toFixed(0)} ms (target < 50 ms); ${browserRun.longTasks} tasks over 50 ms in ${browserRun.seconds.toFixed(1)} s of training`);
    console.log("\nForecast chart (target < 1 s)");
    for (const line of charts) console.log(`  ${line}`);
    console.log("  shaping in Node (toForecastRows, LTTB to 1,500 points):");
    for (const line of shaping) console.log(`    ${line}`);
  } finally {
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
    fs.rmSync(db, { force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
