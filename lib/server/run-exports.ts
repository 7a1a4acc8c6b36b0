import { checkExportMethod, type ExportMethod } from "../export/forecast-table";
import { isFinishedRun, type PendingRunDto, type RunDto } from "../series/run-schema";
import type { DatasetDto } from "../series/schema";
import { formatDuration } from "../workbench/progress-view";
import { getDataset, getSeriesPoints } from "./datasets";
import { HttpError } from "./http";
import { getRun } from "./runs";

export interface RunExportSource {
  run: RunDto;
  dataset: DatasetDto;
}

/** A run, finished or not, or HttpError 404. */
export async function requireRun(id: string): Promise<RunDto | PendingRunDto> {
  const run = await getRun(id);
  if (!run) throw new HttpError(404, `There is no run with id \`${id}\`.`);
  return run;
}

/**
 * A finished run with its dataset, to export, or an HttpError: 404 (no such run, or its dataset was
 * deleted), 409 (no forecast: queued, running or failed), 422 (a series has no forecast of `method`).
 */
export async function requireRunExport(id: string, method: ExportMethod): Promise<RunExportSource> {
  const run = await requireRun(id);
  if (!isFinishedRun(run)) {
    const reason =
      run.status === "failed"
        ? `Run \`${id}\` failed, so it has no forecast: ${run.failure ?? "no reason was recorded."}`
        : `Run \`${id}\` is ${run.status} (${run.progress?.percent ?? 0}%, ${formatDuration(run.elapsedMs)} so far) and has no forecast yet. Ask GET /api/runs/${id} until its status is \`done\`.`;
    throw new HttpError(409, reason);
  }
  const dataset = await getDataset(run.datasetId);
  if (!dataset) throw new HttpError(404, `The dataset of run \`${id}\` was deleted.`);
  const problem = checkExportMethod(run.series, method);
  if (problem) throw new HttpError(422, problem);
  return { run, dataset };
}

/** The time format of each of a dataset's series, by series id. */
export function toTimeFormats(dataset: DatasetDto): Record<string, DatasetDto["series"][number]["timeFormat"]> {
  return Object.fromEntries(dataset.series.map((s) => [s.id, s.timeFormat]));
}

/** Every stored point of the run's series (or of some of them), by series id (series deleted since are left out). */
export async function getRunHistory(run: Pick<RunDto, "series">): Promise<Record<string, { times: Float64Array; values: Float64Array }>> {
  const entries = await Promise.all(
    run.series.map(async (s) => {
      const stored = await getSeriesPoints(s.seriesId);
      return stored ? ([[s.seriesId, { times: stored.times, values: stored.values }]] as const) : [];
    }),
  );
  return Object.fromEntries(entries.flat());
}
