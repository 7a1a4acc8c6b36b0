import type { Run } from "../generated/prisma/client";
import {
  backendInfoSchema,
  forecastConfigSchema,
  methodNameSchema,
  runSeriesSchema,
  trainingHistorySchema,
  type RunDto,
  type RunSeries,
  type RunSummaryDto,
  type SaveRunInput,
} from "../series/run-schema";
import { db } from "./db";

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

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toSummaryDto(row: SummaryRow, names: Map<string, string>): RunSummaryDto {
  const ids = parseJson(row.seriesIds);
  const chosen = methodNameSchema.safeParse(row.chosen);
  return {
    id: row.id,
    datasetId: row.datasetId,
    status: row.status === "stopped" ? "stopped" : "done",
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
  };
}

function toRunDto(row: Run, names: Map<string, string>): RunDto {
  const stored = (parseJson(row.forecast) ?? {}) as { seasonLength?: number; series?: unknown };
  return {
    ...toSummaryDto(row, names),
    config: forecastConfigSchema.parse(parseJson(row.config)),
    seasonLength: row.seasonLength,
    backend: backendInfoSchema.parse(parseJson(row.backendInfo)),
    history: trainingHistorySchema.array().parse(parseJson(row.losses)),
    series: runSeriesSchema.array().parse(stored.series),
    hasModel: row.model !== null && row.model.length > 0,
  };
}

export type CreateRunResult = { ok: true; data: RunDto } | { ok: false; status: 404 | 422; reason: string };

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
  const seriesIds = input.series.map((s) => s.seriesId);
  const metrics = Object.fromEntries(input.series.map((s) => [s.seriesId, s.metrics]));
  const row = await db.run.create({
    data: {
      datasetId,
      seriesIds: JSON.stringify(seriesIds),
      status: input.status,
      origin: "browser",
      config: JSON.stringify(input.config),
      seed: input.config.seed,
      backend: input.backend.name,
      backendInfo: JSON.stringify(input.backend),
      mode: input.mode,
      horizon: input.horizon,
      seasonLength: input.seasonLength,
      mase: toRunMase(input.series),
      elapsedMs: input.elapsedMs,
      startedAt: new Date(input.startedAt),
      finishedAt: new Date(input.finishedAt),
      losses: JSON.stringify(input.history),
      metrics: JSON.stringify(metrics),
      forecast: JSON.stringify({ series: input.series }),
      chosen: input.series[0]?.chosen ?? null,
      model: model ? new Uint8Array(model) : null,
    },
  });
  return { ok: true, data: toRunDto(row, names) };
}

/** The runs of a dataset, newest first. */
export async function listRuns(datasetId: string): Promise<RunSummaryDto[]> {
  const [rows, names] = await Promise.all([
    db.run.findMany({ where: { datasetId }, orderBy: { startedAt: "desc" }, select: SUMMARY_COLUMNS }),
    seriesNamesById(datasetId),
  ]);
  return rows.map((row) => toSummaryDto(row, names));
}

/** One run with everything needed to draw it again (not its model bytes), or null. */
export async function getRun(id: string): Promise<RunDto | null> {
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
