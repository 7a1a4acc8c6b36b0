import { z } from "zod";
import { horizonLimit } from "../forecast/config";
import { MAX_LEAVE_OUT_PERIODS } from "../forecast/leave-out";
import { METHOD_NAMES, type BackendInfo, type BackendName, type ForecastConfig, type ForecastStage, type MethodName } from "../forecast/types";

/**
 * Saved forecast runs as they cross the server/client boundary: the body the page POSTs when a run
 * finishes, and what GET /api/runs/<id> answers. Numbers that can be undefined in the forecaster
 * (NaN loss, infinite MASE on a flat series) travel as null, as JSON writes them.
 */

/** A number, or null where the forecaster produced NaN or ±Infinity. */
const num = z.number().nullable();
const int = z.number().int();
const times = z.array(z.number()).max(1_000_000);

export const methodNameSchema = z.enum(METHOD_NAMES);

const intervalForecastSchema = z.object({
  mean: z.array(num),
  lower80: z.array(num),
  upper80: z.array(num),
  lower95: z.array(num),
  upper95: z.array(num),
});
export type StoredIntervalForecast = z.infer<typeof intervalForecastSchema>;

const backtestMetricsSchema = z.object({ mase: num, smape: num, rmse: num, coverage80: num, coverage95: num });
export type StoredMetrics = z.infer<typeof backtestMetricsSchema>;

/** Epoch ms of a left-out period's start or end. */
const instant = z.number({ error: "must be a time in epoch ms (a number)" }).refine(Number.isFinite, { error: "must be a finite time in epoch ms" });

/** A period left out of training (ForecastConfig.leaveOut): epoch ms, both ends included. */
export const leaveOutPeriodSchema = z
  .strictObject({ from: instant, to: instant })
  .refine((p) => p.from <= p.to, { error: "ends before it starts: `to` must be on or after `from`", path: ["to"] });
const leaveOutSchema = z.array(leaveOutPeriodSchema).max(MAX_LEAVE_OUT_PERIODS, { error: `holds more than ${MAX_LEAVE_OUT_PERIODS} periods` });

/** Every forecaster setting, each required; what an analyst may override. */
const forecastSettings = z.object({
  lookback: int.min(1),
  patchLength: int.min(1),
  differenceInput: z.boolean(),
  units: int.min(1),
  layers: int.min(1),
  dropout: z.number().min(0).max(1),
  epochs: int.min(1),
  learningRate: z.number().positive(),
  batchSize: int.min(1),
  seed: int.min(-2_147_483_648).max(2_147_483_647),
  ensembleSize: int.min(1),
  patience: int.min(1),
  validationFraction: z.number().min(0).max(0.5),
  maxWindows: int.min(1),
  transform: z.enum(["auto", "log", "none"]),
  dampedTrend: z.union([z.literal("auto"), z.boolean()]),
  screenOutliers: z.boolean(),
  deseasonalize: z.enum(["auto", "on", "off"]),
  cyclePeriod: z.number().min(0),
  loss: z.enum(["mae", "mse", "huber"]),
  backtestOrigins: int.min(1),
  chooseMargin: z.number().min(0),
  leaveOut: leaveOutSchema,
});

/** A stored run's settings; the defaults fill in what runs saved before a setting existed did. */
export const forecastConfigSchema = forecastSettings.extend({
  // Runs saved before outliers were screened fitted on the values as they were.
  screenOutliers: z.boolean().default(false),
  // Runs saved before long cycles existed had none.
  cyclePeriod: z.number().min(0).default(0),
  // Runs saved before periods could be left out left none out.
  leaveOut: leaveOutSchema.optional(),
}) satisfies z.ZodType<ForecastConfig>;

/**
 * Overrides of the automatic settings in a request. No defaults here: a stored run's defaults
 * describe old runs, and as overrides they switched the long cycle (and the outlier screen) off
 * for every API run that set any other setting.
 */
export const forecastOverridesSchema = forecastSettings.omit({ leaveOut: true }).partial().strict();

/**
 * A period to leave out as a request names it: each end written as the dataset's file writes its
 * times (`"2020-03"`), or in epoch ms; read against the series' time format on the server.
 */
const leaveOutEnd = z.union([z.string().trim().min(1).max(100), z.number()], { error: 'must be a time as the file writes its times (e.g. "2020-03"), or epoch ms' });
export const leaveOutRequestSchema = z
  .array(z.strictObject({ from: leaveOutEnd, to: leaveOutEnd }))
  .max(MAX_LEAVE_OUT_PERIODS, { error: `holds more than ${MAX_LEAVE_OUT_PERIODS} periods` });

export const backendInfoSchema = z.object({
  name: z.enum(["wasm", "cpu"]),
  requested: z.enum(["wasm", "cpu"]),
  simd: z.boolean(),
  matMulFix: z.boolean(),
  sliceFix: z.boolean().optional(),
  fallbackReason: z.string().max(2000).optional(),
}) satisfies z.ZodType<BackendInfo>;

export const trainingHistorySchema = z.object({
  stage: z.enum(["backtest", "training"]),
  model: int.min(1),
  series: z.array(z.string()),
  epochs: z.array(z.object({ epoch: int, loss: num, valLoss: num.optional() })).max(100_000),
  bestEpoch: int.min(0),
});
export type StoredTrainingHistory = z.infer<typeof trainingHistorySchema>;

/** One backtest fold, placed on the time axis. */
const storedFoldSchema = z.object({
  /** Index of the last value the fold's forecasts used. */
  origin: int,
  /** Epoch ms of the fold's forecast steps. */
  times,
  actual: z.array(num),
  forecasts: z.partialRecord(methodNameSchema, z.array(num)),
});
export type StoredFold = z.infer<typeof storedFoldSchema>;

/** The result of a run for one series, as it is drawn again when the run is opened. */
export const runSeriesSchema = z.object({
  seriesId: z.string().min(1),
  name: z.string(),
  /** Epoch ms of the last observed value: where the forecast starts. */
  historyEnd: z.number(),
  /** Epoch ms of the forecast steps, continuing the series' frequency. */
  times,
  forecasts: z.partialRecord(methodNameSchema, intervalForecastSchema),
  metrics: z.partialRecord(methodNameSchema, backtestMetricsSchema),
  chosen: methodNameSchema,
  chosenReason: z.string().max(4000),
  backtestOrigins: int,
  folds: z.array(storedFoldSchema).max(1000),
  preprocessing: z.object({
    transform: z.enum(["log", "none"]),
    deseasonalized: z.boolean(),
    seasonLength: int,
    seasonFound: z.boolean().optional(),
    seasonDropped: z.number().int().positive().optional(),
    cyclePeriod: z.number().positive().optional(),
    dampedTrend: z.boolean().optional(),
    filled: int,
    filledWithSeason: z.boolean().optional(),
    /** The left-out periods that held values of the series, each with how many (counted in `filled`). */
    leftOut: z.array(z.object({ from: z.number(), to: z.number(), count: int.min(1) })).max(MAX_LEAVE_OUT_PERIODS).optional(),
    /** Filled gaps of the file among the backtest's actuals, not scored (counted in `filled`). */
    unscoredGaps: int.min(1).optional(),
    /** Missing values at the end, filled on from the last reading (counted in `filled`). */
    missingAtEnd: int.min(1).optional(),
    /** The series' last reading before those missing values: when and what was read. */
    lastReading: z.object({ t: z.number(), value: z.number() }).optional(),
    /** Isolated outliers the methods were fitted without: when and what was read. */
    outliers: z.array(z.object({ t: z.number(), value: z.number() })).max(100_000).optional(),
    /** The last one or two values, kept though as far out as an outlier: when and what was read. */
    unusualEnd: z.array(z.object({ t: z.number(), value: z.number() })).max(2).optional(),
  }),
});
export type RunSeries = z.infer<typeof runSeriesSchema>;

const BOUNDS = ["lower95", "lower80", "mean", "upper80", "upper95"] as const;

/**
 * What the field-by-field checks cannot see: a run whose parts disagree (a band shorter than its
 * times, a recommended method without a forecast, bounds out of order) was stored, and then
 * exported with empty cells, crossed bands, or not at all (422 on every export).
 */
function checkRunSeries(run: { horizon: number; series: RunSeries[] }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  run.series.forEach((s, i) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path: ["series", i, ...path], message });
    if (seen.has(s.seriesId)) issue(["seriesId"], `is \`${s.seriesId}\`, a series already in the run`);
    seen.add(s.seriesId);
    if (s.times.length !== run.horizon) issue(["times"], `has ${s.times.length} times; \`horizon\` is ${run.horizon}`);
    if (s.times.some((t, j) => t <= (j === 0 ? s.historyEnd : (s.times[j - 1] as number)))) issue(["times"], "must ascend, each after `historyEnd`");
    if (!s.forecasts[s.chosen]) issue(["chosen"], `is \`${s.chosen}\`, which has no forecast in \`forecasts\``);
    for (const [method, band] of Object.entries(s.forecasts)) {
      const wrong = BOUNDS.find((bound) => band[bound].length !== s.times.length);
      if (wrong) {
        issue(["forecasts", method, wrong], `has ${band[wrong].length} steps; the series has ${s.times.length} forecast times`);
        continue;
      }
      // A missing (null) bound cannot be out of order; the others must nest around the forecast.
      const crossed = s.times.findIndex((_, j) => {
        const present = BOUNDS.map((bound) => band[bound][j]).filter((v): v is number => v !== null);
        return present.some((v, k) => k > 0 && v < (present[k - 1] as number));
      });
      if (crossed >= 0) issue(["forecasts", method], `has bounds out of order at step ${crossed + 1}; they must read ${BOUNDS.join(" ≤ ")}`);
    }
  });
}

/** The body of POST /api/datasets/<id>/runs (multipart field `run`; the model bytes are field `model`). */
export const saveRunSchema = z.object({
  status: z.enum(["done", "stopped"]),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  elapsedMs: int.min(0),
  config: forecastConfigSchema,
  mode: z.enum(["global", "per-series"]),
  horizon: int.min(1),
  seasonLength: int.min(1),
  /** Null for a run without a network (every series too short for one: Theta and the naive methods). */
  backend: backendInfoSchema.nullable(),
  history: z.array(trainingHistorySchema).max(10_000),
  series: z.array(runSeriesSchema).min(1).max(10_000),
  /** Series left out for having too few values for any forecast, each with why (absent: none). */
  skipped: z.array(z.object({ name: z.string(), reason: z.string().max(4000) })).max(10_000).optional(),
}).superRefine(checkRunSeries);
export type SaveRunInput = z.infer<typeof saveRunSchema>;

/**
 * Where a run is. Runs the browser trains are saved when they end (done or stopped); runs started
 * through POST /api/datasets/<id>/forecast are stored at once (queued), then running, then done
 * or failed.
 */
export const RUN_STATUSES = ["queued", "running", "done", "stopped", "failed"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** Where a server-side run is while it runs. */
export interface RunProgressDto {
  stage: ForecastStage | "queued";
  /** "Backtest · epoch 12 of up to 300", as the progress bar says it. */
  label: string;
  /** 0–100, never moving back. */
  percent: number;
  /** 1-based network being trained, and how many there are. */
  model: number;
  models: number;
  epoch: number;
  epochs: number;
  elapsedMs: number;
  /** Rough estimate of the time left. */
  etaMs: number;
  backend: BackendName | null;
}

/** The most steps the forecaster takes before it knows the series (horizonLimit without histories). */
const MOST_STEPS = horizonLimit([]);

/**
 * A horizon the forecaster could take. The series' lengths lower the limit further, which the
 * server checks once it has read them (describeHorizonProblem, in the forecaster's words).
 */
const horizonError = (issue: { input?: unknown }) => {
  const got = typeof issue.input === "number" ? ` (got ${issue.input})` : typeof issue.input === "string" ? ` (got ${JSON.stringify(issue.input.slice(0, 40))})` : "";
  return `must be a whole number of steps from 1 to ${MOST_STEPS.toLocaleString("en-US")}, and no more than the longest chosen series has values${got}`;
};
const horizonSchema = z.number({ error: horizonError }).int({ error: horizonError }).min(1, { error: horizonError }).max(MOST_STEPS, { error: horizonError });

/** The body of POST /api/datasets/<id>/forecast: what to forecast on the server; every field optional. */
export const startForecastSchema = z
  .object({
    /** Series to forecast (default: every series of the dataset). */
    seriesIds: z.array(z.string().min(1)).min(1).max(1000).optional(),
    /** Steps ahead (default: a season for the frequency, shortened to what the data allows). */
    horizon: horizonSchema.optional(),
    /** Steps per season (default: detected from the frequency). */
    seasonLength: int.min(1).max(100_000).optional(),
    mode: z.enum(["global", "per-series"]).optional(),
    /** Overrides of the forecaster's automatic settings. */
    config: forecastOverridesSchema.optional(),
    /** Periods to leave out of training, both ends included (ForecastConfig.leaveOut). */
    leaveOut: leaveOutRequestSchema.optional(),
  })
  .strict();
export type StartForecastInput = z.infer<typeof startForecastSchema>;

/** A run in a list: enough to pick it. */
export interface RunSummaryDto {
  id: string;
  datasetId: string;
  status: RunStatus;
  /** "browser": trained in the page; "server": started through the API. */
  origin: "browser" | "server";
  startedAt: string;
  finishedAt: string | null;
  seriesNames: string[];
  horizon: number;
  mode: "global" | "per-series";
  /** Recommended method of the first series. */
  chosen: MethodName | null;
  /** Mean backtest MASE of the recommended methods, null when undefined. */
  mase: number | null;
  /** Name of the tfjs backend that ran. */
  backendName: string | null;
  /** The backend as the page names it (`wasm (SIMD)`, see describeBackend), or null without one. */
  backendLabel: string | null;
  seed: number;
  elapsedMs: number;
  /** Server-side runs while queued or running; null otherwise. */
  progress: RunProgressDto | null;
  /** Why a failed run failed (never named `error`: a body with `error` is the API's refusal). */
  failure: string | null;
}

/** Runs the dataset page lists at a time (GET /api/datasets/<id>/runs?limit=). */
export const RUNS_PAGE_SIZE = 20;

/** Orders of a dataset's runs: newest first, or best backtest MASE first (runs without one last, newest first among equals). */
export const RUN_SORTS = ["newest", "mase"] as const;
export type RunSort = (typeof RUN_SORTS)[number];

/** The query of GET /api/datasets/<id>/runs: without `limit`, every run from `offset` on. */
export const runListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
  sort: z.enum(RUN_SORTS).optional(),
});
export type RunListQuery = z.infer<typeof runListQuerySchema>;

/** One page of a dataset's runs, with how many it has in all. */
export interface RunPageDto {
  runs: RunSummaryDto[];
  total: number;
}

/** A finished run as saved: everything needed to draw it again, without its model bytes (GET /api/runs/<id>/model). */
export interface RunDto extends RunSummaryDto, Omit<SaveRunInput, "status" | "startedAt" | "finishedAt" | "mode" | "horizon" | "elapsedMs"> {
  status: "done" | "stopped";
  hasModel: boolean;
}

/** A server-side run that has no result (yet): what GET /api/runs/<id> answers until it is done. */
export interface PendingRunDto extends RunSummaryDto {
  status: "queued" | "running" | "failed";
}

/** Whether a run has its result (a forecast to draw and export). */
export function isFinishedRun(run: RunDto | PendingRunDto): run is RunDto {
  return run.status === "done" || run.status === "stopped";
}
