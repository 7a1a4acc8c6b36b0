import { z } from "zod";
import { Prisma, type Run } from "../generated/prisma/client";
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
  type RunListQuery,
  type RunPageDto,
  type RunProgressDto,
  type RunSeries,
  type RunStatus,
  type RunSummaryDto,
  type SaveRunInput,
} from "../series/run-schema";
import { describeBackend } from "../forecast/describe-backend";
import { checkSavedModelBytes } from "../forecast/saved-model-bytes";
import type { StatusResult } from "../result";
import { db } from "./db";
import { currentQueuedProgress } from "./forecast-queue";
import { HttpError } from "./http";
import { parseStoredJson } from "./stored-json";

/**
 * A stored run that cannot be read back (a hand-edited row, a half-written disk, a bad migration):
 * the server's fault, not the request's, so a 500 that names the run and the damaged part. Only
 * that run is refused; the list and every other run still read.
 */
export class DamagedRunError extends HttpError {
  /** @param damage what is damaged, as a clause (a sentence's full stop is dropped) */
  constructor(id: string, damage: string) {
    super(500, `Run \`${id}\` is damaged in the database: ${damage.replace(/\.$/, "")}. Other runs are not affected; delete this run and make the forecast again.`);
    this.name = "DamagedRunError";
  }
}

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
  backendInfo: true,
  seed: true,
  elapsedMs: true,
  origin: true,
  progress: true,
  error: true,
} as const;

type SummaryRow = Pick<Run, keyof typeof SUMMARY_COLUMNS>;
/**
 * A run as read for the page and the API: everything but the model's bytes (up to MAX_MODEL_BYTES),
 * which only the model download needs.
 */
type RunRow = Omit<Run, "model">;
const WITHOUT_MODEL = { model: true } as const;

/**
 * Mean backtest MASE of each series' recommended method: the run's headline score.
 * @returns null when no series has a finite MASE
 */
export function toRunMase(series: Pick<RunSeries, "chosen" | "metrics">[]): number | null {
  const values = series.map((s) => s.metrics[s.chosen]?.mase).filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/** Whether bytes are a whole encodeSavedModel output (checked as the download checks them, so nothing damaged is stored). */
export function isSavedModelBytes(bytes: Uint8Array): boolean {
  return checkSavedModelBytes(bytes) === null;
}

async function seriesNamesById(datasetId: string): Promise<Map<string, string>> {
  const rows = await db.series.findMany({ where: { datasetId }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

const parseJson = (text: string): unknown => parseStoredJson<unknown>(text, undefined);

function toStatus(text: string): RunStatus {
  return (RUN_STATUSES as readonly string[]).includes(text) ? (text as RunStatus) : "failed";
}

/** The stored backend's label; a run still running (or damaged) has only its backend's name. */
function toBackendLabel(row: Pick<SummaryRow, "backend" | "backendInfo">): string | null {
  const info = backendInfoSchema.nullable().safeParse(parseJson(row.backendInfo));
  if (info.success && info.data) return describeBackend(info.data, false);
  return row.backend;
}

/** A run's progress while it has no result; a queued one's place in the queue as it is now, not as it was stored. */
function toProgress(id: string, status: RunStatus, column: string | null): RunProgressDto | null {
  if (status !== "queued" && status !== "running") return null;
  const stored = column ? ((parseJson(column) as RunProgressDto | undefined) ?? null) : null;
  return status === "queued" ? currentQueuedProgress(id, stored) : stored;
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
    backendLabel: toBackendLabel(row),
    seed: row.seed,
    elapsedMs: row.elapsedMs,
    progress: toProgress(row.id, status, row.progress),
    failure: status === "failed" ? (row.error ?? "The run failed.") : null,
  };
}

const storedForecastSchema = z.object({ series: runSeriesSchema.array(), skipped: saveRunSchema.shape.skipped });

/**
 * A JSON column of a finished run, through its schema.
 * @param what the column's part of a run in words, for the message
 * @throws DamagedRunError when the column is not JSON or not what the schema reads
 */
function readRunColumn<T>(row: RunRow, column: "config" | "backendInfo" | "losses" | "forecast", what: string, schema: z.ZodType<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(row[column]);
  } catch {
    throw new DamagedRunError(row.id, `${what} (column \`${column}\`) is not valid JSON`);
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` at \`${issue.path.join(".")}\`` : "";
  throw new DamagedRunError(row.id, `${what} (column \`${column}\`) is not what a run stores${where}: ${issue?.message ?? "unreadable"}`);
}

/** @param hasModel whether the run stored model bytes (read apart from them: see RunRow) */
function toRunDto(row: RunRow, names: Map<string, string>, hasModel: boolean): RunDto | PendingRunDto {
  const summary = toSummaryDto(row, names);
  if (summary.status !== "done" && summary.status !== "stopped") return { ...summary, status: summary.status };
  const stored = readRunColumn(row, "forecast", "its forecast", storedForecastSchema);
  return {
    ...summary,
    status: summary.status,
    config: readRunColumn(row, "config", "its settings", forecastConfigSchema),
    seasonLength: row.seasonLength,
    backend: readRunColumn(row, "backendInfo", "its backend", backendInfoSchema.nullable()),
    history: readRunColumn(row, "losses", "its training losses", trainingHistorySchema.array()),
    series: stored.series,
    ...(stored.skipped ? { skipped: stored.skipped } : {}),
    hasModel,
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

/**
 * Whether a write failed because the run's dataset is gone: deleted after the writer checked it
 * and before its insert (the runs' foreign key to their dataset).
 */
function isDatasetGone(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003";
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
  let row: RunRow;
  try {
    row = await db.run.create({
      data: {
        datasetId,
        seriesIds: JSON.stringify(input.series.map((s) => s.seriesId)),
        origin: "browser",
        startedAt: new Date(input.startedAt),
        ...toResultColumns(input, model),
      },
      omit: WITHOUT_MODEL,
    });
  } catch (error) {
    if (isDatasetGone(error)) return { ok: false, status: 404, reason: `Dataset \`${datasetId}\` was deleted while the run was being saved.` };
    throw error;
  }
  return { ok: true, data: toRunDto(row, names, model !== null && model.length > 0) as RunDto };
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
 * @returns null when the dataset was deleted meanwhile
 */
export async function createPendingRun(datasetId: string, input: PendingRunInput): Promise<PendingRunDto | null> {
  let row: RunRow;
  try {
    row = await db.run.create({
      omit: WITHOUT_MODEL,
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
  } catch (error) {
    if (isDatasetGone(error)) return null;
    throw error;
  }
  return toRunDto(row, await seriesNamesById(datasetId), false) as PendingRunDto;
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

/**
 * A page of a dataset's runs, and their number: a year of use leaves hundreds on one dataset.
 * @param query `limit` runs (default: all) from `offset`, newest first or (`sort: "mase"`) best MASE first
 */
export async function listRuns(datasetId: string, query: RunListQuery = {}): Promise<RunPageDto> {
  const orderBy: Prisma.RunOrderByWithRelationInput[] =
    query.sort === "mase" ? [{ mase: { sort: "asc", nulls: "last" } }, { startedAt: "desc" }] : [{ startedAt: "desc" }];
  const [rows, total, names] = await Promise.all([
    db.run.findMany({ where: { datasetId }, orderBy, skip: query.offset, take: query.limit, select: SUMMARY_COLUMNS }),
    db.run.count({ where: { datasetId } }),
    seriesNamesById(datasetId),
  ]);
  return { runs: rows.map((row) => toSummaryDto(row, names)), total };
}

/**
 * Where the page of a dataset's runs, newest first, that holds a run starts: a link to a run on a
 * later page (the address opening a run writes) lists that page, the run marked.
 * @param startedAt the run's start, ISO
 * @param pageSize runs a page
 */
export async function runPageOffset(datasetId: string, startedAt: string, pageSize: number): Promise<number> {
  const newer = await db.run.count({ where: { datasetId, startedAt: { gt: new Date(startedAt) } } });
  return Math.floor(newer / pageSize) * pageSize;
}

/**
 * One run, or null: a finished run with everything needed to draw it again (not its model bytes),
 * or a server-side run's status and progress while it has no result.
 */
export async function getRun(id: string): Promise<RunDto | PendingRunDto | null> {
  const row = await db.run.findUnique({ where: { id }, omit: WITHOUT_MODEL });
  if (!row) return null;
  const [names, modelBytes] = await Promise.all([seriesNamesById(row.datasetId), storedModelBytes(id)]);
  return toRunDto(row, names, modelBytes > 0);
}

/** The size of a run's stored model in bytes (0 without one), asked of SQLite without reading the bytes. */
async function storedModelBytes(id: string): Promise<number> {
  const [row] = await db.$queryRaw<{ bytes: number | bigint | null }[]>`SELECT length("model") AS "bytes" FROM "Run" WHERE "id" = ${id}`;
  return Number(row?.bytes ?? 0);
}

/**
 * The encoded model of a run, or null when the run or its model does not exist.
 * @throws DamagedRunError when the stored bytes are not a whole model (served, they failed only in the browser)
 */
export async function getRunModel(id: string): Promise<Uint8Array<ArrayBuffer> | null> {
  const row = await db.run.findUnique({ where: { id }, select: { model: true } });
  if (!row?.model || row.model.length === 0) return null;
  const damage = checkSavedModelBytes(row.model);
  if (damage) throw new DamagedRunError(id, `its saved model (column \`model\`) cannot be read: ${damage}`);
  return new Uint8Array(row.model);
}

/** Deletes a run; false when it did not exist. */
export async function deleteRun(id: string): Promise<boolean> {
  const { count } = await db.run.deleteMany({ where: { id } });
  return count > 0;
}
