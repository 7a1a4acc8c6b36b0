import { checkHorizon, checkSettings, checkValues, minimumLength, resolveConfig, toHistories, usableLength } from "../forecast/config";
import { ForecastError, SeriesTooShortError } from "../forecast/errors";
import { applyLeaveOut, describeLeaveOut, leftOutIndices } from "../forecast/leave-out";
import type { LeaveOutPeriod } from "../forecast/types";
import { parseLeaveOutPeriod } from "../workbench/parse-leave-out";
import { describeIrregularEvents } from "../workbench/irregular-events";
import { inferFrequency } from "../time/frequency";
import { needsShortSeriesForecast, SHORT_SERIES_MIN_FIT } from "../forecast/short-series";
import type { StatusResult } from "../result";
import type { PendingRunDto, StartForecastInput } from "../series/run-schema";
import { alignEnds, defaultHorizon, toForecastRequest, toRegularSeries, toShortestHistory } from "../workbench/to-forecast-request";
import { getDataset, getSeriesPoints } from "./datasets";
import { describeFullQueue, enqueueForecast, forecastsAhead, toQueuedProgress } from "./forecast-jobs";
import { createPendingRun } from "./runs";

export type StartForecastResult = StatusResult<PendingRunDto, 404 | 422 | 429>;

/**
 * Starts a server-side forecast of a dataset's series with the browser's defaults (every series,
 * a season-long horizon shortened to fit, the automatic settings), stored at once as a queued run.
 * Requests the forecaster would refuse (unknown series, a series too short for any forecast, bad
 * settings) are refused here, before anything is stored. Series too short for the LSTM at the
 * horizon are forecast with Theta and the naive methods instead; one too short for any forecast is
 * left out of the run with a note (the run's `skipped`), unless every series is.
 * @returns the queued run, or why not (404: no such dataset; 422: the request cannot be forecast;
 *   429: too many runs are already waiting, see MAX_WAITING_FORECASTS)
 */
export async function startForecast(datasetId: string, input: StartForecastInput): Promise<StartForecastResult> {
  const full = describeFullQueue();
  if (full) return { ok: false, status: 429, reason: full };
  const dataset = await getDataset(datasetId);
  if (!dataset) return { ok: false, status: 404, reason: `There is no dataset with id \`${datasetId}\`.` };
  const ids = input.seriesIds ?? dataset.series.map((s) => s.id);
  const chosen = [];
  for (const id of new Set(ids)) {
    const series = dataset.series.find((s) => s.id === id);
    if (!series) {
      const known = dataset.series.map((s) => `\`${s.id}\` (${s.name})`).join(", ");
      return { ok: false, status: 422, reason: `Dataset \`${datasetId}\` has no series \`${id}\`. Its series are ${known}.` };
    }
    chosen.push(series);
  }
  const first = chosen[0];
  if (!first) return { ok: false, status: 422, reason: "The dataset has no series to forecast." };

  const read = [];
  const spacing = [];
  for (const series of chosen) {
    const stored = await getSeriesPoints(series.id);
    if (!stored) return { ok: false, status: 404, reason: `Series \`${series.id}\` was deleted.` };
    read.push(toRegularSeries(series.id, series.name, stored.times, stored.values, series.frequency, series.unit));
    // Read from the times: a series stored before irregular events were told apart has no `events`.
    const irregular = series.frequency.kind === "irregular";
    spacing.push({ name: series.name, frequency: irregular ? { ...series.frequency, events: inferFrequency(stored.times).events === true } : series.frequency });
  }
  const events = describeIrregularEvents(spacing);
  if (events) return { ok: false, status: 422, reason: events };
  // Every forecast starts where the latest series ends; one whose readings stopped long before is left out with a note.
  const regular = alignEnds(read);
  const leaveOut: LeaveOutPeriod[] = [];
  for (const period of input.leaveOut ?? []) {
    const parsed = parseLeaveOutPeriod(period.from, period.to, first.timeFormat, first.end ? Date.parse(first.end) : undefined);
    if (!parsed.ok) return { ok: false, status: 422, reason: parsed.reason };
    leaveOut.push(parsed.data);
  }
  // A series too short for any forecast is left out of the run (runForecastOrFallback's `skipped`);
  // a period left out at a series' start shortens its history, as in the training panel's default.
  const horizon = input.horizon ?? defaultHorizon(first.frequency, toShortestHistory(regular, leaveOut));
  const seasonLength = input.seasonLength ?? first.frequency.seasonLength;
  const asked = toForecastRequest(regular, { horizon, mode: input.mode ?? "global", overrides: {}, leaveOut }, seasonLength, first.frequency.kind);
  const request = { ...asked, config: { ...input.config, ...(leaveOut.length > 0 ? { leaveOut } : {}) } };

  let config;
  try {
    // Values the import now refuses may have been stored before it did.
    checkValues(request.series);
    // The checks below count what is left once the periods are out (a period at the start shortens the history).
    const blanked = applyLeaveOut(request);
    // Series too short for the LSTM at this horizon get Theta's forecast (runForecastOrFallback),
    // which still needs a few values to fit on; with fewer the series is left out of the run and
    // said to be, unless every series is that short. The network's settings follow the long ones.
    const long = blanked.series.filter((s) => !needsShortSeriesForecast(s.values, horizon));
    config = resolveConfig(long.length > 0 ? { ...blanked, series: long } : blanked);
    // What the thread would refuse is refused here, before a run is stored (not a failed run later).
    checkSettings(config, horizon);
    const fitted = blanked.series.filter((s) => usableLength(s.values) > SHORT_SERIES_MIN_FIT);
    for (const s of fitted.length > 0 ? fitted : blanked.series.slice(0, 1)) {
      const needed = long.includes(s) ? minimumLength(horizon, config.lookback, config.backtestOrigins) : SHORT_SERIES_MIN_FIT + 1;
      const held = leaveOut.filter((p) => leftOutIndices(s, [p]).length > 0);
      if (usableLength(s.values) < needed) {
        throw new SeriesTooShortError(s.name, usableLength(s.values), needed, horizon, long.includes(s), held.length > 0 ? describeLeaveOut(held, blanked.frequency) : undefined);
      }
    }
    checkHorizon(horizon, toHistories(blanked.series));
  } catch (err) {
    if (err instanceof ForecastError) return { ok: false, status: 422, reason: err.message };
    throw err;
  }

  const run = await createPendingRun(datasetId, {
    seriesIds: regular.map((s) => s.seriesId),
    config,
    mode: request.mode ?? "per-series",
    horizon,
    seasonLength: request.seasonLength,
    progress: toQueuedProgress(forecastsAhead()),
  });
  if (!run) return { ok: false, status: 404, reason: `Dataset \`${datasetId}\` was deleted while the forecast was being set up.` };
  enqueueForecast({ runId: run.id, datasetId, request, series: regular, frequency: first.frequency });
  return { ok: true, data: run };
}
