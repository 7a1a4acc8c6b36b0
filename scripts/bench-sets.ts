/**
 * The benchmark sets shared by the bench scripts: manifests, their R reference scores and their
 * files, read the way the CLI reads them.
 */
import fs from "node:fs";
import path from "node:path";
import { decodeText } from "../lib/csv/decode-text";
import { readDataset } from "../lib/csv/read-dataset";
import { createRandom } from "../lib/forecast/random";
import type { TimeFormat } from "../lib/time/time-format";
import { toRegular } from "./forecast";

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
export const SETS: Record<string, string> = {
  public: path.join(ROOT, "bench", "datasets", "manifest.json"),
  extended: path.join(ROOT, "bench", "extended", "manifest.json"),
  // Public series from npm packages (bench/npm/README.md), without R scores: first read blind.
  npm: path.join(ROOT, "bench", "npm", "manifest.json"),
  // Weekly sums, means and closes of the daily series above (bench/weekly/make-weekly.mjs).
  weekly: path.join(ROOT, "bench", "weekly", "manifest.json"),
};
/** What `--set all` runs: the sets with R reference scores, whose figures the docs quote. */
export const ALL_SETS = ["public", "extended"];
export interface ManifestSeries {
  name: string;
  file?: string;
  frequency: string;
  season_length: number;
  horizon: number;
  time_column?: string;
  value_column?: string;
  n_points?: number;
}

export interface Score {
  mase: number;
  smape: number;
  cov80: number;
  cov95: number;
}

export type References = Map<string, Map<string, Score>>;

export interface BenchSet {
  label: string;
  manifest: string;
  dir: string;
  series: ManifestSeries[];
  references: References;
  referencesFile: string | undefined;
  /** R scores per series and holdout (0 = the standard one), when `reference-holdouts.csv` exists. */
  holdoutReferences: HoldoutReferences;
}

/** series → holdout (0 = standard, k = k horizons earlier) → R method → score. */
export type HoldoutReferences = Map<string, Map<number, Map<string, Score>>>;

/** The file `npm run bench:r-holdouts` writes next to a manifest. */
export const holdoutReferencesFile = (manifestPath: string) => path.join(path.dirname(manifestPath), "reference-holdouts.csv");

/** R's scores on several holdouts per series (bench/tools/r-holdouts.R), or an empty map. */
function readHoldoutReferences(manifestPath: string): HoldoutReferences {
  const out: HoldoutReferences = new Map();
  const file = holdoutReferencesFile(manifestPath);
  if (!fs.existsSync(file)) return out;
  for (const row of readScoreRows(file)) {
    const holdout = Number(row.get("holdout"));
    if (!out.has(row.series)) out.set(row.series, new Map());
    const bySeries = out.get(row.series) as Map<number, Map<string, Score>>;
    if (!bySeries.has(holdout)) bySeries.set(holdout, new Map());
    bySeries.get(holdout)?.set(row.method, row.score);
  }
  return out;
}

/** Rows of an R scores file (series, method, MASE, sMAPE, coverage80, coverage95, any other columns). */
function readScoreRows(file: string): { series: string; method: string; score: Score; get: (column: string) => string | undefined }[] {
  const lines = fs.readFileSync(file, "utf8").trim().split(/\r?\n/);
  const header = (lines[0] ?? "").split(",");
  return lines.slice(1).map((line) => {
    const cells = line.split(",");
    const get = (column: string) => cells[header.indexOf(column)];
    return {
      series: get("series") ?? "",
      method: get("method") ?? "",
      score: { mase: Number(get("MASE")), smape: Number(get("sMAPE")), cov80: Number(get("coverage80")), cov95: Number(get("coverage95")) },
      get,
    };
  });
}

/** Every value given for `--name` (repeatable, or comma-separated). */
export function argValues(name: string): string[] {
  return rawArgValues(name)
    .flatMap((v) => v.split(","))
    .filter((v) => v !== "");
}

/** The first value given for `--name`, whole: a JSON object such as `--config '{"a":1,"b":2}'` keeps its commas. */
export const argValue = (name: string): string | undefined => rawArgValues(name)[0];

function rawArgValues(name: string): string[] {
  const out: string[] = [];
  process.argv.forEach((arg, i) => {
    if (arg === `--${name}` && process.argv[i + 1] !== undefined) out.push(process.argv[i + 1] as string);
    else if (arg.startsWith(`--${name}=`)) out.push(arg.slice(name.length + 3));
  });
  return out;
}

/** The R reference scores of a set, found where score.mjs finds them. */
function readReferences(manifestPath: string): { references: References; file: string | undefined } {
  const dir = path.dirname(manifestPath);
  const file = [path.join(dir, "..", "reference", "scores.csv"), path.join(dir, "reference-scores.csv")].find((p) => fs.existsSync(p));
  const references: References = new Map();
  if (!file) return { references, file };
  for (const row of readScoreRows(file)) {
    if (!references.has(row.series)) references.set(row.series, new Map());
    references.get(row.series)?.set(row.method, row.score);
  }
  return { references, file };
}

export function loadSet(manifestPath: string, label?: string): BenchSet {
  const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as { set?: string; series: ManifestSeries[] };
  const { references, file } = readReferences(manifestPath);
  return {
    label: label ?? manifest.set ?? path.basename(path.dirname(manifestPath)),
    manifest: manifestPath,
    dir: path.dirname(manifestPath),
    series: manifest.series,
    references,
    referencesFile: file,
    holdoutReferences: readHoldoutReferences(manifestPath),
  };
}

/** Reads one benchmark file the way the CLI does: decodeText, readDataset, onto a regular grid. */
export function readSeries(set: BenchSet, entry: ManifestSeries): { times: number[]; values: number[]; timeFormat: TimeFormat } {
  const file = path.join(set.dir, entry.file ?? `${entry.name}.csv`);
  const decoded = decodeText(new Uint8Array(fs.readFileSync(file)));
  if (!decoded.ok) throw new Error(`${file}: ${decoded.reason}`);
  const columns = {
    ...(entry.time_column ? { timeColumn: entry.time_column } : {}),
    ...(entry.value_column ? { valueColumns: [entry.value_column] } : {}),
  };
  const dataset = readDataset(decoded.data.text, columns);
  if (!dataset.ok) throw new Error(`${file}: ${dataset.reason}`);
  const parsed = dataset.data.series[0];
  if (!parsed) throw new Error(`${file}: no series`);
  const { times, values } = toRegular(parsed);
  if (entry.n_points !== undefined && values.length !== entry.n_points) {
    console.warn(`note: ${entry.name}: ${values.length} points after parsing, the manifest says ${entry.n_points}`);
  }
  return { times, values, timeFormat: dataset.data.timeFormat };
}


/** Share of single training values {@link blankGaps} blanks at random. */
const SINGLE_GAPS = 0.03;

/**
 * A copy of a series with gaps in its training part, as analysts' files have them (a sensor
 * dropout, a missing year): one season (m values; 5 without a season) blanked from 40% of the
 * training values on, and 3% of the other training values at random. The first and last training
 * values are kept: a leading gap is dropped, not filled, and a missing last value leaves nothing
 * measured to start from.
 * @param trainLength values before the holdout (the holdout is never blanked)
 */
export function blankGaps(values: readonly number[], seasonLength: number, trainLength: number, seed: number): number[] {
  const out = [...values];
  const random = createRandom(seed);
  const from = Math.floor(0.4 * trainLength);
  const span = seasonLength > 1 ? seasonLength : 5;
  for (let t = from; t < Math.min(from + span, trainLength - 1); t++) out[t] = Number.NaN;
  for (let t = 1; t < trainLength - 1; t++) if (random.next() < SINGLE_GAPS) out[t] = Number.NaN;
  return out;
}
