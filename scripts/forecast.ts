/**
 * Command-line forecaster: the same code path as the app, for batch use and for evaluation.
 *
 *   npm run forecast -- --input data.csv [--horizon 18] [--out forecast.csv] [--season 12] [--seed 1]
 *                       [--time Month] [--value Passengers] [--decimal ,|.] [--date-order dmy|mdy] [--repeated-times sum|mean]
 *                       [--aggregate hour|day|week|month|quarter|year] [--aggregate-by sum|mean|last]
 *                       [--json] [--method chosen|lstm|combination|naive|snaive|holt_winters|theta]
 *                       [--mode global|per-series] [--config '{"epochs":50}'] [--leave-out 2020-03..2021-06] [--quiet]
 *
 * Writes CSV `timestamp,forecast,lower80,upper80,lower95,upper95`, one row per future step, the
 * timestamps continuing the series' own frequency and format (a NESO file's settlement date and
 * period in two columns, as the app's exports write them). `--aggregate day` first groups each
 * series' rows by a period (an event log into daily totals; `--aggregate-by mean` or `last` instead
 * of the sum), and the timestamps then continue by that period (`2025-07`, `2025-07-01`). A wide file without `--value`
 * forecasts every series, with a leading `series` column. `--leave-out 2020-03..2021-06` leaves a
 * period out of training (both ends included, written as the file writes its times; several
 * separated by commas): its values are filled as gaps, along the season, and not scored. `--json` writes the forecasts with the
 * backtest metrics instead. The forecast is the recommended ("chosen") method's unless `--method`
 * says otherwise. Without `--horizon`, the horizon is the app's and the API's default (a season,
 * shortened to what the data allows), and stderr says which. A series too short for the LSTM at this horizon gets Theta's forecast, and stderr
 * says why; one with fewer than 5 values is left out with a note on stderr (and in `--json`'s
 * `skipped`), the others are forecast. Progress goes to stderr; bad input exits with status 1 and the app's message.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { COMBINE, type Combine } from "../lib/csv/aggregate";
import { decodeText } from "../lib/csv/decode-text";
import { readDataset, type ParsedSeries } from "../lib/csv/read-dataset";
import {
  ForecastError,
  InvalidRequestError,
  METHOD_LABELS,
  MAX_HORIZON,
  minimumLength,
  needsShortSeriesForecast,
  percentCeiling,
  runForecastOrFallback,
  SHORT_SERIES_MIN_FIT,
  shortSeriesMethods,
  type BacktestMetrics,
  type ForecastConfig,
  type ForecastMode,
  type ForecastProgress,
  type IntervalForecast,
  type LeaveOutPeriod,
  type MethodName,
} from "../lib/forecast";
import { usableLength } from "../lib/forecast/config";
import { missingAtEnd } from "../lib/forecast/prepare";
import { describeCoverageWarning } from "../lib/workbench/describe-coverage";
import { parseLeaveOutArgument } from "../lib/workbench/parse-leave-out";
import { alignEnds, defaultHorizon, toShortestHistory } from "../lib/workbench/to-forecast-request";
import { formatSteps } from "../lib/time/format-steps";
import { describeMissingEnd, describeOutliers, describePreprocessing, describeUnusualEnd } from "../lib/workbench/describe-preprocessing";
import { nextTimes, regularTimes } from "../lib/time/frequency";
import { describeIrregularEvents } from "../lib/workbench/irregular-events";
import { PERIODS, type Period } from "../lib/time/period";
import { FORECAST_DIGITS, formatStamp, toExportedForecast, toSettlementStamp, toStampColumns, type SettlementStamp } from "../lib/export/forecast-table";
import { toCsv } from "../lib/export/to-csv";
import type { TimeFormat } from "../lib/time/time-format";
import { toErrorMessage } from "../lib/to-error-message";

/** Methods that only a run with a network has: refused for a series too short for one. */
const NETWORK_ONLY = new Set<MethodName | "chosen">(["lstm", "holt_winters", "combination"]);

/** Why a file could not be read, as the analyst can act on it (Node's error code, else its message). */
function describeReadError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "it is a folder, not a file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return toErrorMessage(err);
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (file: string) => Uint8Array;
  writeFile: (file: string, text: string) => void;
}

const USAGE =
  "Usage: npm run forecast -- --input data.csv [--horizon 18] [--out forecast.csv] [--season 12] [--seed 1] " +
  "[--time Month] [--value Passengers] [--decimal ,|.] [--date-order dmy|mdy] [--repeated-times sum|mean] " +
  "[--aggregate hour|day|week|month|quarter|year] [--aggregate-by sum|mean|last] [--json] [--method chosen|lstm|combination|naive|snaive|holt_winters|theta] " +
  "[--mode global|per-series] [--config '{...}'] [--leave-out 2020-03..2021-06] [--quiet]";

const FLAGS = new Set(["json", "quiet", "help"]);
const OPTIONS = new Set(["input", "horizon", "out", "season", "seed", "time", "value", "decimal", "date-order", "repeated-times", "aggregate", "aggregate-by", "method", "mode", "config", "leave-out"]);
const METHODS = new Set<string>(["chosen", "lstm", "combination", "naive", "snaive", "holt_winters", "theta"]);

class UsageError extends Error {}

function parseArgs(argv: string[]): Map<string, string | true> {
  const args = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith("--")) throw new UsageError(`Unexpected argument "${arg}".`);
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (FLAGS.has(name)) args.set(name, true);
    else if (OPTIONS.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith("--"))) throw new UsageError(`--${name} needs a value.`);
      args.set(name, value);
    } else throw new UsageError(`Unknown option --${name}.`);
  }
  return args;
}

const isPeriod = (value: string | true | undefined): value is Period => PERIODS.some((p) => p === value);
const isCombine = (value: string | true | undefined): value is Combine => COMBINE.some((c) => c === value);

function positiveInteger(value: string | true | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value === true || !Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive whole number (got "${String(value)}").`);
  return n;
}

/** The series on a regular time grid, with NaN where the file skips a step (also used by bench:accuracy). */
export function toRegular(series: ParsedSeries): { times: number[]; values: number[] } {
  const times = Array.from(series.times);
  const values = Array.from(series.values);
  const { frequency } = series;
  if (frequency.gapCount === 0 || frequency.kind === "irregular" || frequency.kind === "index" || times.length < 2) return { times, values };
  const grid = regularTimes(times[0] as number, times[times.length - 1] as number, frequency);
  if (grid.length > 10 * times.length) return { times, values };
  const byTime = new Map(times.map((t, i) => [t, values[i] as number]));
  return { times: grid, values: grid.map((t) => byTime.get(t) ?? Number.NaN) };
}

function progressLine(p: ForecastProgress): string {
  const model = p.models > 1 ? ` model ${p.model}/${p.models}` : "";
  if (p.stage === "backtest" || p.stage === "training") {
    if (p.epoch === 0) return `${p.stage}${model}: starting (${p.backend})`;
    const val = p.valLoss === undefined ? "" : ` val ${p.valLoss.toFixed(4)}`;
    return `${p.stage}${model}: epoch ${p.epoch}/${p.epochs} loss ${p.loss.toFixed(4)}${val} (${(p.elapsedMs / 1000).toFixed(1)} s, about ${Math.ceil(p.etaMs / 1000)} s left)`;
  }
  return `${p.stage}${model}`;
}

/**
 * Runs the CLI.
 * @param argv arguments after the script name
 * @param io where output goes and how files are read and written
 * @returns the process exit status: 0, 1 for bad input or a failed forecast, 2 for bad usage
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let args: Map<string, string | true>;
  let horizon: number | undefined;
  let season: number | undefined;
  let seed: number | undefined;
  let overrides: Partial<ForecastConfig> = {};
  try {
    args = parseArgs(argv);
    if (args.has("help")) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (typeof args.get("input") !== "string") throw new UsageError("--input is required.");
    horizon = positiveInteger(args.get("horizon"), "horizon");
    if (horizon !== undefined && horizon > MAX_HORIZON) throw new UsageError(`--horizon may be at most ${MAX_HORIZON.toLocaleString("en-US")} steps (got ${horizon.toLocaleString("en-US")}).`);
    season = positiveInteger(args.get("season"), "season");
    const seedText = args.get("seed");
    if (seedText !== undefined) {
      seed = Number(seedText);
      if (!Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number (got "${String(seedText)}").`);
    }
    const method = args.get("method") ?? "chosen";
    if (typeof method !== "string" || !METHODS.has(method)) throw new UsageError(`--method must be one of ${[...METHODS].join(", ")}.`);
    const mode = args.get("mode");
    if (mode !== undefined && mode !== "global" && mode !== "per-series") throw new UsageError("--mode must be global or per-series.");
    const decimal = args.get("decimal");
    if (decimal !== undefined && decimal !== "," && decimal !== ".") throw new UsageError('--decimal must be "," (decimal comma) or "." (decimal point).');
    const dateOrder = args.get("date-order");
    if (dateOrder !== undefined && dateOrder !== "dmy" && dateOrder !== "mdy") throw new UsageError("--date-order must be dmy (day first) or mdy (month first).");
    const repeatedTimes = args.get("repeated-times");
    if (repeatedTimes !== undefined && repeatedTimes !== "sum" && repeatedTimes !== "mean") throw new UsageError("--repeated-times must be sum (add up rows with the same time) or mean (average them).");
    const aggregate = args.get("aggregate");
    if (aggregate !== undefined && !isPeriod(aggregate)) throw new UsageError(`--aggregate must be one of ${PERIODS.join(", ")} (the period to group rows by).`);
    const aggregateBy = args.get("aggregate-by");
    if (aggregateBy !== undefined && !isCombine(aggregateBy)) throw new UsageError("--aggregate-by must be sum (add up each period's rows), mean (average them) or last (keep the last value).");
    if (aggregateBy !== undefined && aggregate === undefined) throw new UsageError("--aggregate-by goes with --aggregate, which names the period to group rows by.");
    const configText = args.get("config");
    if (typeof configText === "string") {
      try {
        overrides = JSON.parse(configText) as Partial<ForecastConfig>;
      } catch {
        throw new UsageError("--config must be a JSON object of settings, e.g. '{\"epochs\":50}'.");
      }
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`${err.message}\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }

  const input = args.get("input") as string;
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(input);
  } catch (err) {
    io.stderr(`Cannot read ${input}: ${describeReadError(err)}.\n`);
    return 1;
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    io.stderr(`${decoded.reason}\n`);
    return 1;
  }
  const time = args.get("time");
  const value = args.get("value");
  const decimalArg = args.get("decimal");
  const dateOrderArg = args.get("date-order");
  const repeatedArg = args.get("repeated-times");
  const aggregateArg = args.get("aggregate");
  const aggregateByArg = args.get("aggregate-by");
  const dataset = readDataset(decoded.data.text, {
    ...(typeof time === "string" ? { timeColumn: time } : {}),
    ...(typeof value === "string" ? { valueColumns: [value] } : {}),
    ...(decimalArg === "," || decimalArg === "." ? { decimal: decimalArg } : {}),
    ...(dateOrderArg === "dmy" || dateOrderArg === "mdy" ? { dateOrder: dateOrderArg } : {}),
    ...(repeatedArg === "sum" || repeatedArg === "mean" ? { repeatedTimes: repeatedArg } : {}),
    ...(isPeriod(aggregateArg) ? { aggregate: { period: aggregateArg, by: isCombine(aggregateByArg) ? aggregateByArg : "sum" } } : {}),
  });
  if (!dataset.ok) {
    io.stderr(`${dataset.reason}\n`);
    return 1;
  }
  const { series: parsed, timeFormat } = dataset.data;
  const quiet = args.has("quiet");
  for (const issue of dataset.data.issues) if (!quiet) io.stderr(`note: ${issue.message}\n`);
  const events = describeIrregularEvents(parsed);
  if (events) {
    io.stderr(`${events}\n`);
    return 1;
  }

  // Every forecast starts where the latest series ends: a column whose readings stopped earlier is
  // carried forward a few steps, or left out with a note when more than the horizon are missing.
  const regular = alignEnds(parsed.map((s) => ({ ...toRegular(s), frequency: s.frequency })));
  const leaveOutText = args.get("leave-out");
  let leaveOut: LeaveOutPeriod[] = [];
  if (typeof leaveOutText === "string") {
    // Read as the file's times were, so `2020-03` means what the file's `2020-03` rows mean.
    const periods = parseLeaveOutArgument(leaveOutText, timeFormat, regular[0]?.times.at(-1));
    if (!periods.ok) {
      io.stderr(`${periods.reason}\n`);
      return 1;
    }
    leaveOut = periods.data;
  }
  const seasonLength = season ?? parsed[0]?.frequency.seasonLength ?? 1;
  const first = parsed[0];
  // Without --horizon, as the API chooses it.
  const steps = horizon ?? (first ? defaultHorizon(first.frequency, toShortestHistory(regular, leaveOut)) : 1);
  if (horizon === undefined && !quiet) io.stderr(`note: no --horizon given: forecasting ${formatSteps(steps, first ? [first.frequency.kind] : [])} ahead, as the app would; give --horizon for another.\n`);
  let lastLine = "";
  try {
    const series = parsed.map((s, i) => {
      const values = (regular[i] as { values: number[] }).values;
      const upperBound = percentCeiling(s.unit, values);
      const times = leaveOut.length > 0 || missingAtEnd(values) > 0 ? { times: (regular[i] as { times: number[] }).times } : {};
      return { name: s.name, values, ...times, ...(upperBound !== undefined ? { upperBound } : {}) };
    });
    // A series too short for the LSTM and its backtest gets Theta's forecast (runForecastOrFallback,
    // as in the app); methods only the network's run has are refused before anything trains.
    const requested = args.get("method") as MethodName | "chosen" | undefined;
    if (requested !== undefined && NETWORK_ONLY.has(requested)) {
      // A series too short for any forecast is left out of the run (outcome.skipped), not refused here.
      const short = series.find((s) => needsShortSeriesForecast(s.values, steps) && usableLength(s.values) > SHORT_SERIES_MIN_FIT);
      if (short) {
        // Only the methods the short series' forecast will have: seasonal naive needs a season that fits.
        const available = shortSeriesMethods(usableLength(short.values), steps, seasonLength);
        const list = `${available.slice(0, -1).join(", ")} or ${available.at(-1) as string}`;
        throw new InvalidRequestError(
          `Series "${short.name}" has ${usableLength(short.values)} usable values; the LSTM with a backtest needs ${minimumLength(steps)} for ${steps} steps, ` +
            `so it gets Theta's forecast. --method ${requested} is not available for it; leave --method out or use ${list}.`,
        );
      }
    }
    const outcome = await runForecastOrFallback(
      {
        series,
        horizon: steps,
        seasonLength,
        frequency: parsed[0]?.frequency.kind,
        ...(args.get("mode") ? { mode: args.get("mode") as ForecastMode } : {}),
        config: { ...overrides, ...(seed !== undefined ? { seed } : {}), ...(leaveOut.length > 0 ? { leaveOut } : {}) },
      },
      {
        onProgress: (p) => {
          if (quiet || p.backend === null) return;
          const line = progressLine(p);
          if (line !== lastLine) io.stderr(`${line}\n`);
          lastLine = line;
        },
      },
    );
    // A series left out of the run (too few values) has no outcome: the others are found by name.
    const indexOf = new Map(parsed.map((s, i) => [s.name, i]));
    const rows: CliRow[] = outcome.series.map((o) => {
      const i = indexOf.get(o.name) as number;
      const grid = regular[i] as { times: number[]; values: number[] };
      const frequency = (parsed[i] as ParsedSeries).frequency;
      const last = grid.times[grid.times.length - 1] as number;
      const times = nextTimes(last, frequency, steps);
      const timestamps = times.map((t) => formatStamp(t, timeFormat));
      const settlement = times.map((t) => toSettlementStamp(t, timeFormat));
      const method: MethodName = requested === undefined || requested === "chosen" ? o.chosen : requested;
      const forecast = o.forecasts[method];
      if (!forecast) {
        const available = Object.keys(o.forecasts).join(", ");
        throw new InvalidRequestError(`${o.chosenReason} --method ${method} is not available for it; leave --method out or use ${available}.`);
      }
      const at = (k: number) => ({ t: grid.times[k] as number, value: grid.values[k] as number });
      const unit = (parsed[i] as ParsedSeries).unit;
      const preprocessing = describePreprocessing(o.preprocessing, describeOutliers((o.preprocessing.outliers ?? []).map(at), frequency.kind, unit), frequency.kind);
      const unusualEnd = describeUnusualEnd(o.preprocessing.unusualEnd?.map(at), frequency.kind, unit);
      const missingEnd = describeMissingEnd(o.preprocessing.missingAtEnd, o.preprocessing.missingAtEnd ? at(grid.times.length - 1 - o.preprocessing.missingAtEnd) : undefined, frequency.kind, frequency.kind, unit, o.preprocessing.filledWithSeason === true);
      return { name: o.name, method, chosen: o.chosen, reason: o.chosenReason, preprocessing, unusualEnd, missingEnd, times, timestamps, settlement, forecast, forecasts: o.forecasts, metrics: o.metrics, backtestOrigins: o.backtestOrigins };
    });
    // Said even with --quiet: the output is missing a series the file has, or the season asked for,
    // or rests on a last value that may be a typo.
    for (const skipped of outcome.skipped ?? []) io.stderr(`note: ${skipped.reason}\n`);
    for (const r of rows) if (r.unusualEnd) io.stderr(`note: ${rows.length > 1 ? `${r.name}: ` : ""}${r.unusualEnd}\n`);
    for (const r of rows) if (r.missingEnd) io.stderr(`note: ${rows.length > 1 ? `${r.name}: ` : ""}${r.missingEnd}\n`);
    const dropped = outcome.series.find((o) => o.preprocessing.seasonDropped);
    if (dropped) {
      const length = usableLength((series.find((s) => s.name === dropped.name) as (typeof series)[number]).values);
      io.stderr(
        `note: the season of ${dropped.preprocessing.seasonDropped} steps is too long for the history of "${dropped.name}" (${length} values) to show it repeat, ` +
          `so the forecast models no season. Give a shorter --season, or --season 1 for none.\n`,
      );
    }
    if (!quiet) {
      for (const r of rows) {
        const warning = describeCoverageWarning(r.metrics[r.method]);
        // The reason argues for the recommended method: after a --method of another, it read as the
        // case for the forecast being written.
        const which = r.method === r.chosen ? `${METHOD_LABELS[r.method]}.` : `${METHOD_LABELS[r.method]}, as --method asks; the recommended forecast is ${METHOD_LABELS[r.chosen]}:`;
        io.stderr(`${r.name}: writing ${which} ${r.reason} Prepared: ${r.preprocessing}.${warning ? ` ${warning}` : ""}\n`);
      }
      if (outcome.backend) io.stderr(`backend ${outcome.backend.name}, ${(outcome.elapsedMs / 1000).toFixed(1)} s${outcome.stopped ? ", stopped early" : ""}\n`);
    }
    const text = args.has("json")
      ? `${JSON.stringify(
          {
            horizon: steps,
            seasonLength,
            // A week found in daily data asked with season 1 (see seasonToModel).
            modelledSeasonLength: outcome.seasonLength,
            backend: outcome.backend?.name ?? null,
            config: outcome.backend ? outcome.config : null,
            series: rows.map((r) => ({
              name: r.name,
              method: r.method,
              chosen: r.chosen,
              chosenReason: r.reason,
              preprocessing: r.preprocessing,
              timestamps: r.timestamps,
              // A NESO file's steps also as its settlement dates and periods, as the CSV writes them.
              ...(r.settlement.every((s) => s !== null) ? { settlementDates: r.settlement.map((s) => s.date), settlementPeriods: r.settlement.map((s) => s.period) } : {}),
              ...toExportedForecast(r.forecast),
              forecasts: Object.fromEntries(Object.entries(r.forecasts).map(([method, f]) => [method, toExportedForecast(f)])),
              metrics: r.metrics,
              backtestOrigins: r.backtestOrigins,
            })),
            skipped: outcome.skipped ?? [],
          },
          null,
          2,
        )}\n`
      : toCliCsv(rows, parsed.length > 1, timeFormat);
    const out = args.get("out");
    if (typeof out === "string") io.writeFile(out, text);
    else io.stdout(text);
    return 0;
  } catch (err) {
    if (err instanceof ForecastError) {
      io.stderr(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

/** One series' forecast as the CLI writes it, from the LSTM run or from the short-series fallback. */
interface CliRow {
  name: string;
  method: MethodName;
  chosen: MethodName;
  reason: string;
  /** What was taken off before the network, in words (describePreprocessing). */
  preprocessing: string;
  /** Why the last value or two deserve a look (describeUnusualEnd); null when they do not. */
  unusualEnd: string | null;
  /** What the forecast starts from when the last values are missing (describeMissingEnd), or null. */
  missingEnd: string | null;
  times: number[];
  timestamps: string[];
  /** Each step's settlement date and period, for a file written so (NESO); else nulls. */
  settlement: (SettlementStamp | null)[];
  forecast: IntervalForecast;
  forecasts: Partial<Record<MethodName, IntervalForecast>>;
  metrics: Partial<Record<MethodName, BacktestMetrics>>;
  backtestOrigins: number;
}

/**
 * The CLI's CSV: the export's cells (formula-safe text, 10 significant digits, times as the app's
 * exports write them), a leading `series` column for several series.
 */
function toCliCsv(rows: CliRow[], withSeries: boolean, timeFormat: TimeFormat): string {
  const stamp = toStampColumns([timeFormat]);
  const header = [...stamp.header, "forecast", "lower80", "upper80", "lower95", "upper95"];
  const columns = withSeries ? ["series", ...header] : header;
  const firstNumber = (withSeries ? 1 : 0) + stamp.header.length;
  return toCsv({
    header: columns,
    rows: rows.flatMap((r) =>
      r.times.map((t, j) => {
        const f = r.forecast;
        const cells = [...stamp.cells(t, timeFormat), f.mean[j], f.lower80[j], f.upper80[j], f.lower95[j], f.upper95[j]];
        return withSeries ? [r.name, ...cells] : cells;
      }),
    ),
    significantDigits: columns.map((_, i) => (i >= firstNumber ? FORECAST_DIGITS : undefined)),
  });
}

// `npm run` changes to the package folder; paths are meant relative to where the command was typed.
const base = process.env.INIT_CWD ?? process.cwd();
const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (file) => new Uint8Array(fs.readFileSync(path.resolve(base, file))),
  writeFile: (file, text) => fs.writeFileSync(path.resolve(base, file), text),
};

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  runCli(process.argv.slice(2), nodeIo).then(
    (status) => process.exit(status),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
