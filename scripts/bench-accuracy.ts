/**
 * Accuracy benchmark: every series of one or more benchmark sets (a manifest.json in the format of
 * bench/datasets), hold out the manifest's horizon, forecast it with the default settings and a
 * fixed seed, and print per series MASE, sMAPE, 80/95% coverage and seconds, for the LSTM itself
 * and for the recommended ("chosen") forecast, then per set the means next to the R forecast
 * package's scores for the same series, with robust summaries (geometric mean of the MASE ratio
 * to R's ets, wins against ets) because a few series dominate arithmetic means.
 *
 *   npm run bench:accuracy -- [--set public|extended|npm|weekly|all] [--manifest path/manifest.json]
 *                             [--only wine_sales,wool_yarn] [--seed 1] [--out bench/out]
 *                             [--config '{"units":16}'] [--json results.json] [--holdouts 3] [--gaps] [--verbose]
 *
 * `--set public` (default) is bench/datasets, `extended` bench/extended, `npm` bench/npm and
 * `weekly` bench/weekly (these two have no R scores: our own baselines are the comparison), `all`
 * public and extended. `--manifest`
 * (repeatable, or comma-separated) points at any other set, e.g. a hidden one: its files are read
 * from the manifest's folder, its R scores from `../reference/scores.csv` or
 * `reference-scores.csv` next to the manifest (as bench/tools/score.mjs looks for them). Files are
 * read like the CLI reads them (`decodeText` + `readDataset`, the manifest's time and value
 * columns); season length and horizon come from the manifest.
 *
 * `--holdouts K` (K > 1) also forecasts the K − 1 horizons before the standard holdout (each with
 * the data up to it) and prints every method's MASE averaged over the K holdouts, next to R's on the
 * same holdouts where `npm run bench:r-holdouts` has scored them (reference-holdouts.csv next to the
 * manifest; reference-scores.csv covers the standard holdout only).
 *
 * `--gaps` forecasts each series with gaps in its training data (`blankGaps`: one season blanked at
 * 40% of it and 3% of single values, drawn with the seed), as analysts' files have them; the
 * holdouts and their MASE scale are the untouched values', so the scores compare with a run without.
 *
 * Forecast CSVs go to OUT/lstm/NAME.csv and OUT/chosen/NAME.csv, in the format
 * `node bench/tools/score.mjs --manifest M --all OUT/chosen` reads.
 */
import fs from "node:fs";
import path from "node:path";
import { formatStamp } from "../lib/export/forecast-table";
import type { TimeFormat } from "../lib/time/time-format";
import { coverage, mase, maseScale, smape } from "../lib/metrics";
import { forecastShortSeries, initBackend, needsShortSeriesForecast, runForecast, SeriesTooShortError, SHORT_SERIES_MIN_FIT, type ForecastConfig, type ShortSeriesForecast, type NetworkForecastOutcome, type IntervalForecast, type MethodName } from "../lib/forecast";
import { ALL_SETS, argValue, argValues, blankGaps, loadSet, readSeries, ROOT, SETS, type BenchSet, type ManifestSeries, type Score } from "./bench-sets";

interface SeriesResult {
  set: string;
  name: string;
  frequency: string;
  seasonLength: number;
  horizon: number;
  lstm: Score;
  chosen: Score;
  chosenMethod: MethodName;
  chosenReason: string;
  /** Standard-holdout MASE of every method the run produced. */
  methods: Record<string, number>;
  /** The run's own backtest MASE of every method (standard holdout). */
  backtest: Record<string, number>;
  /** Per holdout (the standard one first): MASE of every method and of the recommended one. */
  rolling: Record<string, number>[];
  /** Per holdout, as `rolling`: the recommended forecast's interval coverage. */
  rollingCoverage: { cov80: number; cov95: number }[];
  seconds: number;
  cpuSeconds: number;
  /** Everything needed to score other combinations offline (--json). */
  detail: { actual: number[]; scale: number; forecasts: Record<string, IntervalForecast>; metrics: unknown; holdouts: { actual: number[]; scale: number; forecasts: Record<string, number[]>; chosen: string; metrics: unknown }[] };
}

const R_METHODS = ["naive", "snaive", "ets", "arima", "theta"] as const;

function toCsv(stamps: string[], f: IntervalForecast): string {
  const rows = ["timestamp,forecast,lower80,upper80,lower95,upper95"];
  f.mean.forEach((_, j) => {
    const cells = [f.mean[j], f.lower80[j], f.upper80[j], f.lower95[j], f.upper95[j]].map((v) => Number((v as number).toPrecision(10)));
    rows.push([stamps[j], ...cells].join(","));
  });
  return rows.join("\n") + "\n";
}

function score(actual: number[], scale: number, f: IntervalForecast): Score {
  return { mase: mase(actual, f.mean, scale), smape: smape(actual, f.mean), ...coverages(actual, f) };
}

/** Share of the actuals inside each interval. */
function coverages(actual: number[], f: IntervalForecast): { cov80: number; cov95: number } {
  return { cov80: coverage(actual, f.lower80, f.upper80), cov95: coverage(actual, f.lower95, f.upper95) };
}

/** MASE of every method's forecast and of the recommended one on a holdout. */
function holdoutScores(outcome: NetworkForecastOutcome, actual: number[], scale: number): Record<string, number> {
  const s = outcome.series[0];
  if (!s) throw new Error("no outcome");
  const out: Record<string, number> = { chosen: mase(actual, s.forecasts[s.chosen].mean, scale) };
  for (const [method, f] of Object.entries(s.forecasts) as [MethodName, IntervalForecast][]) out[method] = mase(actual, f.mean, scale);
  return out;
}

/** Interval coverage of the recommended forecast on a holdout. */
function chosenCoverage(outcome: NetworkForecastOutcome, actual: number[]): { cov80: number; cov95: number } {
  const s = outcome.series[0];
  const f = s?.forecasts[s.chosen];
  if (!f) throw new Error("no outcome");
  return coverages(actual, f);
}

const mean = (xs: number[]) => (xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);
const geomean = (xs: number[]) => Math.exp(mean(xs.map((x) => Math.log(x))));
const pad = (s: string, n: number) => s.padEnd(n);
const num = (v: number, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : "—");

async function runSeries(set: BenchSet, entry: ManifestSeries, seed: number, overrides: Partial<ForecastConfig>, holdouts: number, outDir: string, verbose: boolean, gaps: boolean): Promise<SeriesResult> {
  const { times, values, timeFormat } = readSeries(set, entry);
  const h = entry.horizon;
  const m = entry.season_length;
  // What the methods see: with --gaps, the training values with gaps (the holdouts are never blanked).
  const seen = gaps ? blankGaps(values, m, values.length - h, seed) : values;
  const forecast = (history: number[]) =>
    runForecast({
      series: [{ name: entry.name, values: history }],
      horizon: h,
      seasonLength: m,
      frequency: entry.frequency,
      config: { seed, ...overrides },
    });
  const train = values.slice(0, values.length - h);
  const actual = values.slice(values.length - h);
  const scale = maseScale(train, m);
  if (needsShortSeriesForecast(seen.slice(0, values.length - h), h)) return runShortSeries(set, entry, values, seen, times, timeFormat, holdouts, outDir);
  const wall = Date.now();
  const cpu = process.cpuUsage();
  const outcome = await forecast(seen.slice(0, values.length - h));
  const used = process.cpuUsage(cpu);
  const s = outcome.series[0];
  if (!s) throw new Error("no outcome");
  const rolling = [holdoutScores(outcome, actual, scale)];
  const rollingCoverage = [chosenCoverage(outcome, actual)];
  const holdoutDetail: SeriesResult["detail"]["holdouts"] = [];
  for (let k = 1; k < holdouts; k++) {
    const upTo = values.length - k * h;
    const earlier = values.slice(0, upTo - h);
    const later = values.slice(upTo - h, upTo);
    const earlierScale = maseScale(earlier, m);
    let o: NetworkForecastOutcome;
    try {
      o = await forecast(seen.slice(0, upTo - h));
    } catch (err) {
      // Earlier holdouts of a short series may leave too little history: they are left out.
      if (err instanceof SeriesTooShortError) break;
      throw err;
    }
    rolling.push(holdoutScores(o, later, earlierScale));
    rollingCoverage.push(chosenCoverage(o, later));
    const os = o.series[0];
    if (os) holdoutDetail.push({ actual: later, scale: earlierScale, forecasts: Object.fromEntries(Object.entries(os.forecasts).map(([k2, f]) => [k2, f.mean])), chosen: os.chosen, metrics: os.metrics });
  }
  const seconds = (Date.now() - wall) / 1000;
  const stamps = times.slice(times.length - h).map((t) => formatStamp(t, timeFormat));
  fs.writeFileSync(path.join(outDir, "lstm", `${entry.name}.csv`), toCsv(stamps, s.forecasts.lstm));
  fs.writeFileSync(path.join(outDir, "chosen", `${entry.name}.csv`), toCsv(stamps, s.forecasts[s.chosen]));
  const result: SeriesResult = {
    set: set.label,
    name: entry.name,
    frequency: entry.frequency,
    seasonLength: m,
    horizon: h,
    lstm: score(actual, scale, s.forecasts.lstm),
    chosen: score(actual, scale, s.forecasts[s.chosen]),
    chosenMethod: s.chosen,
    chosenReason: s.chosenReason,
    methods: rolling[0] as Record<string, number>,
    backtest: Object.fromEntries(Object.entries(s.metrics).map(([method, metrics]) => [method, metrics.mase])),
    rolling,
    rollingCoverage,
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    detail: { actual, scale, forecasts: s.forecasts, metrics: s.metrics, holdouts: holdoutDetail },
  };
  const ref = set.references.get(entry.name);
  const r = (method: string) => pad(num(ref?.get(method)?.mase ?? Number.NaN), 7);
  const { lstm, chosen } = result;
  console.log(
    `${pad(entry.name, 24)}${pad(num(lstm.mase), 8)}${pad(num(lstm.smape, 2), 7)}${pad(num(lstm.cov80, 2), 6)}${pad(num(lstm.cov95, 2), 6)}| ${pad(s.chosen, 13)}${pad(num(chosen.mase), 8)}${pad(num(chosen.smape, 2), 7)}${pad(num(chosen.cov80, 2), 6)}${pad(num(chosen.cov95, 2), 6)}| ${r("ets")}${r("arima")}${r("theta")}| ${seconds.toFixed(1)} (${result.cpuSeconds.toFixed(1)})`,
  );
  if (verbose) {
    console.log(
      `    holdout MASE: ${Object.entries(result.methods).map(([k, v]) => `${k}=${num(v)}`).join(" ")}\n    backtest MASE: ${Object.entries(s.metrics).map(([k, v]) => `${k}=${num(v.mase)}`).join(" ")}; epochs ${outcome.history.map((x) => `${x.stage}:${x.epochs.length}/${x.bestEpoch}`).join(" ")}; ${s.preprocessing.transform}${s.preprocessing.deseasonalized ? " deseasonalised" : ""}${s.preprocessing.cyclePeriod ? ` cycle ${s.preprocessing.cyclePeriod}` : ""}; lookback ${outcome.config.lookback} origins ${outcome.config.backtestOrigins}\n    ${s.chosenReason}`,
    );
  }
  return result;
}

/**
 * A series too short for the LSTM at this horizon: the forecast is Theta's, as the CLI gives it,
 * scored as the recommended forecast; the LSTM's columns stay empty.
 */
function runShortSeries(set: BenchSet, entry: ManifestSeries, values: number[], seen: number[], times: number[], timeFormat: TimeFormat, holdouts: number, outDir: string): SeriesResult {
  const h = entry.horizon;
  const m = entry.season_length;
  const wall = Date.now();
  const cpu = process.cpuUsage();
  const none: Score = { mase: Number.NaN, smape: Number.NaN, cov80: Number.NaN, cov95: Number.NaN };
  const rolling: Record<string, number>[] = [];
  const rollingCoverage: { cov80: number; cov95: number }[] = [];
  let standard: ShortSeriesForecast | null = null;
  for (let k = 0; k < holdouts; k++) {
    const upTo = values.length - k * h;
    const earlier = values.slice(0, upTo - h);
    if (earlier.length < SHORT_SERIES_MIN_FIT + 1) break;
    const f = forecastShortSeries({ name: entry.name, values: seen.slice(0, upTo - h) }, h, m);
    standard ??= f;
    const later = values.slice(upTo - h, upTo);
    const scaleBefore = maseScale(earlier, m);
    const theta = f.outcome.forecasts.theta ?? f.forecast;
    rolling.push({ chosen: mase(later, f.forecast.mean, scaleBefore), theta: mase(later, theta.mean, scaleBefore) });
    rollingCoverage.push(coverages(later, f.forecast));
  }
  if (!standard) throw new Error(`${entry.name}: fewer than ${SHORT_SERIES_MIN_FIT + 1} values before the holdout`);
  const train = values.slice(0, values.length - h);
  const actual = values.slice(values.length - h);
  const scale = maseScale(train, m);
  const used = process.cpuUsage(cpu);
  const stamps = times.slice(times.length - h).map((t) => formatStamp(t, timeFormat));
  fs.writeFileSync(path.join(outDir, "chosen", `${entry.name}.csv`), toCsv(stamps, standard.forecast));
  const chosen = score(actual, scale, standard.forecast);
  const seconds = (Date.now() - wall) / 1000;
  const ref = set.references.get(entry.name);
  const r = (method: string) => pad(num(ref?.get(method)?.mase ?? Number.NaN), 7);
  console.log(
    `${pad(entry.name, 24)}${pad("—", 8)}${pad("—", 7)}${pad("—", 6)}${pad("—", 6)}| ${pad(standard.method, 13)}${pad(num(chosen.mase), 8)}${pad(num(chosen.smape, 2), 7)}${pad(num(chosen.cov80, 2), 6)}${pad(num(chosen.cov95, 2), 6)}| ${r("ets")}${r("arima")}${r("theta")}| ${seconds.toFixed(1)} (too short for the LSTM)`,
  );
  return {
    set: set.label,
    name: entry.name,
    frequency: entry.frequency,
    seasonLength: m,
    horizon: h,
    lstm: none,
    chosen,
    chosenMethod: standard.method,
    chosenReason: standard.reason,
    methods: rolling[0] as Record<string, number>,
    backtest: Object.fromEntries(Object.entries(standard.outcome.metrics).map(([method, metrics]) => [method, metrics.mase])),
    rolling,
    rollingCoverage,
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    detail: { actual, scale, forecasts: { theta: standard.forecast }, metrics: standard.metrics, holdouts: [] },
  };
}

/** Means next to R's, on the same series, and the robust summaries. */
function summarise(label: string, results: SeriesResult[], references: (r: SeriesResult) => Map<string, Score> | undefined): void {
  const n = results.length;
  if (n === 0) return;
  const ref = (r: SeriesResult, method: string) => references(r)?.get(method);
  const best3 = (r: SeriesResult, key: keyof Score) => Math.min(...["ets", "arima", "theta"].map((k) => ref(r, k)?.[key] ?? Number.POSITIVE_INFINITY));
  console.log("");
  console.log(`${label}: means over ${n} series                 n      MASE    sMAPE   cov80   cov95`);
  const line = (name: string, rows: (Score | undefined)[]) => {
    const have = rows.filter((s): s is Score => s !== undefined && Number.isFinite(s.mase));
    const cell = (key: keyof Score, d: number) => num(mean(have.map((s) => s[key]).filter(Number.isFinite)), d);
    console.log(`  ${pad(name, 40)}${pad(`${have.length}`, 7)}${pad(cell("mase", 3), 8)}${pad(cell("smape", 2), 8)}${pad(cell("cov80", 3), 8)}${cell("cov95", 3)}`);
  };
  line("tidecast lstm", results.map((r) => r.lstm));
  line("tidecast chosen (the default forecast)", results.map((r) => r.chosen));
  for (const method of R_METHODS) line(`R ${method}`, results.map((r) => ref(r, method)));
  line("R best-of-3 (ets/arima/theta oracle)", results.map((r) => (ref(r, "ets") ? { mase: best3(r, "mase"), smape: best3(r, "smape"), cov80: Number.NaN, cov95: Number.NaN } : undefined)));
  // A reference missing on some series (auto.arima with m = 48): compare on its own subset too.
  for (const method of R_METHODS) {
    const subset = results.filter((r) => ref(r, method) !== undefined);
    if (subset.length > 0 && subset.length < n) {
      console.log(
        `  on the ${subset.length} series R ${method} has: R ${method} ${num(mean(subset.map((r) => ref(r, method)?.mase as number)))}, chosen ${num(mean(subset.map((r) => r.chosen.mase)))}, lstm ${num(mean(subset.map((r) => r.lstm.mase)))}`,
      );
    }
  }
  const withEts = results.filter((r) => (ref(r, "ets")?.mase ?? 0) > 0);
  if (withEts.length > 0) {
    console.log(`  robust, against R ets on ${withEts.length} series:      geomean MASE ratio   wins/ties/losses`);
    const robust = (name: string, value: (r: SeriesResult) => number | undefined) => {
      const pairs = withEts.map((r) => [value(r), ref(r, "ets")?.mase as number] as const).filter((p): p is readonly [number, number] => p[0] !== undefined && Number.isFinite(p[0]));
      const ratios = pairs.map(([v, e]) => Math.max(v, 1e-9) / e);
      const wins = pairs.filter(([v, e]) => v < e - 1e-9).length;
      const ties = pairs.filter(([v, e]) => Math.abs(v - e) <= 1e-9).length;
      console.log(`  ${pad(name, 40)}${pad(`${num(geomean(ratios))} (${pairs.length})`, 21)}${wins}/${ties}/${pairs.length - wins - ties}`);
    };
    robust("tidecast lstm", (r) => r.lstm.mase);
    robust("tidecast chosen", (r) => r.chosen.mase);
    for (const method of ["arima", "theta", "snaive", "naive"]) robust(`R ${method}`, (r) => ref(r, method)?.mase);
  }
  // Our own methods on the same holdout: the comparison a set without R scores still has.
  const own = ["lstm", "combination", "holt_winters", "theta", "snaive", "naive"];
  const ownMean = (m: string) => num(mean(results.map((r) => r.methods[m] as number).filter(Number.isFinite)));
  const toNaive = (m: string) => num(geomean(results.filter((r) => (r.methods.naive ?? 0) > 0 && Number.isFinite(r.methods[m])).map((r) => Math.max(r.methods[m] as number, 1e-9) / (r.methods.naive as number))));
  console.log(`  tidecast's own methods, mean MASE:       ${own.map((m) => `${m} ${ownMean(m)}`).join(", ")}`);
  const backtestMean = (m: string) => num(mean(results.map((r) => r.backtest[m] as number).filter(Number.isFinite)));
  console.log(`  their mean backtest MASE (the run's own): ${own.map((m) => `${m} ${backtestMean(m)}`).join(", ")}`);
  console.log(`  geomean MASE ratio to tidecast's naive:  ${own.slice(0, -1).map((m) => `${m} ${toNaive(m)}`).join(", ")}`);
  const chosenCounts = new Map<string, number>();
  for (const r of results) chosenCounts.set(r.chosenMethod, (chosenCounts.get(r.chosenMethod) ?? 0) + 1);
  console.log(`  recommended: ${[...chosenCounts].map(([k, v]) => `${k} ×${v}`).join(", ")}`);
}

function rollingTable(label: string, results: SeriesResult[], holdouts: number, set: BenchSet): void {
  const columns = [...new Set(results.flatMap((r) => Object.keys(r.methods)))];
  // R on the same holdouts, where `npm run bench:r-holdouts` has scored every one of them.
  const rAverage = (r: SeriesResult, method: string): number | undefined => {
    const byHoldout = set.holdoutReferences.get(r.name);
    const scores = r.rolling.map((_, k) => byHoldout?.get(k)?.get(method)?.mase);
    return scores.every((v) => v !== undefined && Number.isFinite(v)) ? mean(scores as number[]) : undefined;
  };
  const rColumns = ["ets", "arima", "theta"].filter((m) => results.some((r) => rAverage(r, m) !== undefined));
  console.log("");
  console.log(`${label}: MASE averaged over ${holdouts} holdouts per series (the standard one and the ${holdouts - 1} horizons before it)`);
  console.log(`${pad("series", 24)}${columns.map((c) => pad(c, 13)).join("")}${rColumns.map((c) => pad(`R ${c}`, 10)).join("")}`);
  const avg = (r: SeriesResult, c: string) => mean(r.rolling.map((x) => x[c] as number));
  for (const r of results) {
    console.log(`${pad(r.name, 24)}${columns.map((c) => pad(num(avg(r, c)), 13)).join("")}${rColumns.map((c) => pad(num(rAverage(r, c) ?? Number.NaN), 10)).join("")}`);
  }
  console.log(`${pad("mean", 24)}${columns.map((c) => pad(num(mean(results.map((r) => avg(r, c)))), 13)).join("")}${rColumns.map((c) => pad(num(mean(results.map((r) => rAverage(r, c) ?? Number.NaN))), 10)).join("")}`);
  const covs = results.flatMap((r) => r.rollingCoverage);
  console.log(`  recommended forecast's coverage over all ${covs.length} holdouts: 80% ${num(mean(covs.map((c) => c.cov80)))}, 95% ${num(mean(covs.map((c) => c.cov95)))}`);
  console.log(`${pad("geomean ratio to theta", 24)}${columns.map((c) => pad(num(geomean(results.map((r) => Math.max(avg(r, c), 1e-9) / Math.max(avg(r, "theta"), 1e-9)))), 13)).join("")}`);
  const covered = results.filter((r) => rColumns.every((c) => rAverage(r, c) !== undefined));
  if (rColumns.length > 0 && covered.length > 0) {
    const lstm = mean(covered.map((r) => avg(r, "lstm")));
    const chosen = mean(covered.map((r) => avg(r, "chosen")));
    const rMeans = rColumns.map((c) => `R ${c} ${num(mean(covered.map((r) => rAverage(r, c) as number)))}`).join(", ");
    const best = mean(covered.map((r) => Math.min(...rColumns.map((c) => rAverage(r, c) as number))));
    console.log(`  on the ${covered.length} series R has every holdout of (reference-holdouts.csv): lstm ${num(lstm)}, chosen ${num(chosen)}; ${rMeans}; R best-of-${rColumns.length} per series ${num(best)}`);
  }
}

async function main() {
  const manifests = argValues("manifest");
  const setName = argValue("set") ?? "public";
  if (manifests.length === 0 && setName !== "all" && !SETS[setName]) throw new Error(`--set must be ${Object.keys(SETS).join(", ")} or all (got ${setName})`);
  const sets =
    manifests.length > 0
      ? manifests.map((m) => loadSet(path.resolve(process.env.INIT_CWD ?? process.cwd(), m)))
      : (setName === "all" ? ALL_SETS : [setName]).map((k) => loadSet(SETS[k] as string, k));
  const only = argValue("only") ? argValues("only") : undefined;
  const seed = Number(argValue("seed") ?? 1);
  const outDir = path.resolve(process.env.INIT_CWD ?? process.cwd(), argValue("out") ?? path.join(ROOT, "bench", "out"));
  const overrides = JSON.parse(argValue("config") ?? "{}") as Partial<ForecastConfig>;
  const holdouts = Math.max(1, Number(argValue("holdouts") ?? 1));
  const verbose = process.argv.includes("--verbose");
  const gaps = process.argv.includes("--gaps");
  const backend = await initBackend();
  console.log(`backend: ${backend.name}${backend.simd ? " (SIMD)" : ""}${backend.matMulFix ? " + transposed-matmul fix" : ""}; seed ${seed}${gaps ? "; training data with gaps (--gaps)" : ""}${Object.keys(overrides).length ? `; config ${JSON.stringify(overrides)}` : ""}`);
  fs.mkdirSync(path.join(outDir, "lstm"), { recursive: true });
  fs.mkdirSync(path.join(outDir, "chosen"), { recursive: true });

  const all: SeriesResult[] = [];
  for (const set of sets) {
    console.log("");
    console.log(`set ${set.label}: ${set.manifest} (R scores: ${set.referencesFile ?? "none found"})`);
    console.log(`${pad("series", 24)}${pad("lstm", 8)}${pad("sMAPE", 7)}${pad("cov80", 6)}${pad("cov95", 6)}| ${pad("chosen", 13)}${pad("MASE", 8)}${pad("sMAPE", 7)}${pad("cov80", 6)}${pad("cov95", 6)}| ${pad("ets", 7)}${pad("arima", 7)}${pad("theta", 7)}| s (cpu s)`);
    const results: SeriesResult[] = [];
    for (const entry of set.series) {
      if (only && !only.includes(entry.name)) continue;
      results.push(await runSeries(set, entry, seed, overrides, holdouts, outDir, verbose, gaps));
    }
    all.push(...results);
    summarise(`set ${set.label}`, results, (r) => set.references.get(r.name));
    if (holdouts > 1) rollingTable(`set ${set.label}`, results, holdouts, set);
  }
  if (sets.length > 1) {
    const bySet = new Map(sets.map((s) => [s.label, s]));
    summarise(`all ${sets.length} sets`, all, (r) => bySet.get(r.set)?.references.get(r.name));
  }
  console.log("");
  console.log(`total ${all.reduce((s, r) => s + r.seconds, 0).toFixed(1)} s wall, ${all.reduce((s, r) => s + r.cpuSeconds, 0).toFixed(1)} s cpu (standard holdouts)`);
  console.log(`forecast CSVs: ${path.join(outDir, "lstm")} and ${path.join(outDir, "chosen")}`);
  const jsonPath = argValue("json");
  if (jsonPath) fs.writeFileSync(path.resolve(process.env.INIT_CWD ?? process.cwd(), jsonPath), JSON.stringify({ seed, overrides, results: all }, null, 1));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
