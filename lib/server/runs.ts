import type { Run } from "../generated/prisma/client";
import type { ForecastConfig, ForecastMode } from "../forecast/types";
import {
  backendInfoSchema,
  forecastConfigSchema,
  methodNameSchema,
  RUN_STATUSES,
  runSeriesSchema,
  saveRunSchema,
  trainingHistorySchema,
  type PendingRunDto,
  type RunDto,
  type RunProgressDto,
  type RunSeries,
  type RunStatus,
  type RunSummaryDto,
  type SaveRunInput,
} from "../series/run-schema";
import type { StatusResult } from "../result";
import { db } from "./db";
import { parseStoredJson } from "./stored-json";

/** "TDC1": the first bytes of lib/forecast's encodeSavedModel output. */
const MODEL_MAGIC = [0x54, 0x44, 0x43, 0x31];

/** Largest saved model accepted, in bytes (an LSTM of 3 layers × 256 units × 10 members is ~60 MB). */
export const MAX_MODEL_BYTES = 64 * 1024 * 1024;

const SUMMARY_COLUMNS = {
  id: true,
  datasetId: true,
  status: true,
  startedAt: true,
  finishedAt: true,
  seriesIds: true,
  horizon: true,
  mode: true,
  chosen: true,
  mase: true,
  backend: true,
  seed: true,
  elapsedMs: true,
  origin: true,
  progress: true,
  error: true,
} as const;

type SummaryRow = Pick<Run, keyof typeof SUMMARY_COLUMNS>;

/**
 * Mean backtest MASE of each series' recommended method: the run's headline score.
 * @returns null when no series has a finite MASE
 */
export function toRunMase(series: Pick<RunSeries, "chosen" | "metrics">[]): number | null {
  const values = series.map((s) => s.metrics[s.chosen]?.mase).filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/** Whether bytes look like lib/forecast's encodeSavedModel output. */
export function isSavedModelBytes(bytes: Uint8Array): boolean {
  return bytes.length > 8 && MODEL_MAGIC.every((b, i) => bytes[i] === b);
}

async function seriesNamesById(datasetId: string): Promise<Map<string, string>> {
  const rows = await db.series.findMany({ where: { datasetId }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

const parseJson = (text: string): unknown => parseStoredJson<unknown>(text, undefined);

function toStatus(text: string): RunStatus {
  return (RUN_STATUSES as readonly string[]).includes(text) ? (text as RunStatus) : "failed";
}

function toSummaryDto(row: SummaryRow, names: Map<string, string>): RunSummaryDto {
  const ids = parseJson(row.seriesIds);
  const chosen = methodNameSchema.safeParse(row.chosen);
  const status = toStatus(row.status);
  return {
    id: row.id,
    datasetId: row.datasetId,
    status,
    origin: row.origin === "server" ? "server" : "browser",
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
    seriesNames: Array.isArray(ids) ? ids.map((id) => names.get(String(id)) ?? "(deleted series)") : [],
    horizon: row.horizon,
    mode: row.mode === "global" ? "global" : "per-series",
    chosen: chosen.success ? chosen.data : null,
    mase: row.mase,
    backendName: row.backend,
    seed: row.seed,
    elapsedMs: row.elapsedMs,
    progress: (status === "queued" || status === "running") && row.progress ? ((parseJson(row.progress) as RunProgressDto | undefined) ?? null) : null,
    failure: status === "failed" ? (row.error ?? "The run failed.") : null,
  };
}

function toRunDto(row: Run, names: Map<string, string>): RunDto | PendingRunDto {
  const summary = toSummaryDto(row, names);
  if (summary.status !== "done" && summary.status !== "stopped") return { ...summary, status: summary.status };
  const stored = (parseJson(row.forecast) ?? {}) as { seasonLength?: number; series?: unknown; skipped?: unknown };
  const skipped = saveRunSchema.shape.skipped.parse(stored.skipped);
  return {
    ...summary,
    status: summary.status,
    config: forecastConfigSchema.parse(parseJson(row.config)),
    seasonLength: row.seasonLength,
    backend: backendInfoSchema.nullable().parse(parseJson(row.backendInfo)),
    history: trainingHistorySchema.array().parse(parseJson(row.losses)),
    series: runSeriesSchema.array().parse(stored.series),
    ...(skipped ? { skipped } : {}),
    hasModel: row.model !== null && row.model.length > 0,
  };
}

/** The columns of a finished run (what the browser saves, and what a server-side run writes when it ends). */
function toResultColumns(input: SaveRunInput, model: Uint8Array | null) {
  return {
    status: input.status,
    config: JSON.stringify(input.config),
    seed: input.config.seed,
    backend: input.backend?.name ?? null,
    backendInfo: JSON.stringify(input.backend),
    mode: input.mode,
    horizon: input.horizon,
    seasonLength: input.seasonLength,
    mase: toRunMase(input.series),
    elapsedMs: input.elapsedMs,
    finishedAt: new Date(input.finishedAt),
    losses: JSON.stringify(input.history),
    metrics: JSON.stringify(Object.fromEntries(input.series.map((s) => [s.seriesId, s.metrics]))),
    forecast: JSON.stringify({ series: input.series, ...(input.skipped ? { skipped: input.skipped } : {}) }),
    chosen: input.series[0]?.chosen ?? null,
    model: model ? new Uint8Array(model) : null,
    progress: null,
    error: null,
  };
}

export type CreateRunResult = StatusResult<RunDto, 404 | 422>;

/**
 * Stores a finished (or stopped) run with its model.
 * @param datasetId the dataset the run forecast
 * @param input the validated body (see saveRunSchema)
 * @param model encodeSavedModel bytes
 * @returns the saved run, or why not: 404 when the dataset does not exist, 422 when a series is not its own
 */
export async function createRun(datasetId: string, input: SaveRunInput, model: Uint8Array | null): Promise<CreateRunResult> {
  const names = await seriesNamesById(datasetId);
  if (names.size === 0 && !(await db.dataset.findUnique({ where: { id: datasetId }, select: { id: true } }))) {
    return { ok: false, status: 404, reason: `There is no dataset with id \`${datasetId}\`.` };
  }
  const unknown = input.series.find((s) => !names.has(s.seriesId));
  if (unknown) return { ok: false, status: 422, reason: `Series \`${unknown.seriesId}\` (${unknown.name}) does not belong to this dataset.` };
  const row = await db.run.create({
    data: {
      datasetId,
      seriesIds: JSON.stringify(input.series.map((s) => s.seriesId)),
      origin: "browser",
      startedAt: new Date(input.startedAt),
      ...toResultColumns(input, model),
    },
  });
  return { ok: true, data: toRunDto(row, names) as RunDto };
}

export interface PendingRunInput {
  seriesIds: string[];
  /** The settings the run will use (resolved from the data and the request). */
  config: ForecastConfig;
  mode: ForecastMode;
  horizon: number;
  seasonLength: number;
  progress: RunProgressDto;
}

/**
 * Stores a server-side run before it starts (status `queued`), so that its id can be answered at
 * once and GET /api/runs/<id> reports it while it runs.
 */
export async function createPendingRun(datasetId: string, input: PendingRunInput): Promise<PendingRunDto> {
  const row = await db.run.create({
    data: {
      datasetId,
      seriesIds: JSON.stringify(input.seriesIds),
      status: "queued",
      origin: "server",
      config: JSON.stringify(input.config),
      seed: input.config.seed,
      mode: input.mode,
      horizon: input.horizon,
      seasonLength: input.seasonLength,
      progress: JSON.stringify(input.progress),
    },
  });
  return toRunDto(row, await seriesNamesById(datasetId)) as PendingRunDto;
}

/**
 * Records where a server-side run is.
 * @returns false when the run no longer exists (deleted while it ran)
 */
export async function updateRunProgress(id: string, progress: RunProgressDto, elapsedMs: number): Promise<boolean> {
  const { count } = await db.run.updateMany({
    where: { id, status: { in: ["queued", "running"] } },
    data: { status: "running", progress: JSON.stringify(progress), backend: progress.backend, elapsedMs: Math.round(elapsedMs) },
  });
  return count > 0;
}

/**
 * Stores the result of a server-side run.
 * @returns false when the run no longer exists (deleted while it ran)
 */
export async function completeRun(id: string, input: SaveRunInput, model: Uint8Array | null): Promise<boolean> {
  const { count } = await db.run.updateMany({ where: { id, status: { in: ["queued", "running"] } }, data: toResultColumns(input, model) });
  return count > 0;
}

/** Marks a server-side run as failed with the message the analyst will read. */
export async function failRun(id: string, message: string, elapsedMs: number): Promise<boolean> {
  const { count } = await db.run.updateMany({
    where: { id, status: { in: ["queued", "running"] } },
    data: { status: "failed", error: message, progress: null, finishedAt: new Date(), elapsedMs: Math.round(elapsedMs) },
  });
  return count > 0;
}

/**
 * Runs left queued or running by a server that stopped (a restart, a crash) can never finish:
 * they are marked failed, saying so.
 * @returns how many there were
 */
export async function failInterruptedRuns(): Promise<number> {
  const { count } = await db.run.updateMany({
    where: { status: { in: ["queued", "running"] } },
    data: { status: "failed", error: "The server stopped before this run finished. Start it again.", progress: null },
  });
  return count;
}

/** The runs of a dataset, newest first. */
export async function listRuns(datasetId: string): Promise<RunSummaryDto[]> {
  const [rows, names] = await Promise.all([
    db.run.findMany({ where: { datasetId }, orderBy: { startedAt: "desc" }, select: SUMMARY_COLUMNS }),
    seriesNamesById(datasetId),
  ]);
  return rows.map((row) => toSummaryDto(row, names));
}

/**
 * One run, or null: a finished run with everything needed to draw it again (not its model bytes),
 * or a server-side run's status and progress while it has no result.
 */
export async function getRun(id: string): Promise<RunDto | PendingRunDto | null> {
  const row = await db.run.findUnique({ where: { id } });
  if (!row) return null;
  return toRunDto(row, await seriesNamesById(row.datasetId));
}

/** The encoded model of a run, or null when the run or its model does not exist. */
export async function getRunModel(id: string): Promise<Uint8Array<ArrayBuffer> | null> {
  const row = await db.run.findUnique({ where: { id }, select: { model: true } });
  return row?.model && row.model.length > 0 ? new Uint8Array(row.model) : null;
}

/** Deletes a run; false when it did not exist. */
export async function deleteRun(id: string): Promise<boolean> {
  const { count } = await db.run.deleteMany({ where: { id } });
  return count > 0;
}
