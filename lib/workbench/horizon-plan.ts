import { describeHorizonProblem, horizonLimit, minimumLength, resolveConfig, type SeriesHistory } from "../forecast/config";
import { InvalidRequestError } from "../forecast/errors";
import { describeLeaveOutProblem, formatAt, type LeaveOutSpan } from "../forecast/leave-out";
import { stopsBeyondHorizon } from "../forecast/prepare";
import { planSeries, SHORT_SERIES_MIN_FIT } from "../forecast/short-series";
import { formatSteps } from "../time/format-steps";
import { gridTimeAtOrAfter, gridTimeAtOrBefore } from "../time/frequency";
import type { ForecastConfig, LeaveOutPeriod } from "../forecast/types";
import type { SeriesDto } from "../series/schema";
import { leadingLeftOut, trailingLeftOut } from "./parse-leave-out";
import { defaultHorizon, maxHorizon, stepsAfter } from "./to-forecast-request";

/** What the training panel knows of a series before loading its points (its first and last times, when known). */
export type SeriesLength = Pick<SeriesDto, "name" | "pointCount" | "missingCount" | "frequency"> & Partial<Pick<SeriesDto, "start" | "end">>;

/**
 * Values the forecaster can use, for the automatic settings and the length notes: the series' steps
 * on its regular grid (absent rows are interpolated) less its empty cells. Empty cells at the start
 * (a wide file's column that begins late) are not history; the few inside a series would be
 * interpolated, so for those this errs short.
 */
export const toStepCount = (s: SeriesLength) => s.pointCount + s.frequency.gapCount - s.missingCount;

/**
 * A series' history as the forecaster measures the horizon against it: its steps on the regular
 * grid. Ingest drops empty cells before a series' first value and after its last, so every step
 * from the first to the last counts, the empty ones inside included (the forecaster fills them).
 */
export const toHistory = (s: SeriesLength): SeriesHistory => ({ name: s.name, length: s.pointCount + s.frequency.gapCount });

/** What a run of the chosen series at a horizon will do, for the panel's notes and its button. */
export interface HorizonPlan {
  /** Chosen series too short for any forecast: the run leaves them out (and names them). */
  tooShort: string[];
  /** Values of the shortest series the run forecasts (of all chosen when it forecasts none); Infinity with none chosen. */
  shortest: number;
  /** Values the LSTM needs at this horizon, backtest included (0 for a horizon that is not 1 or more). */
  needed: number;
  /** The longest horizon at which every forecast series trains the LSTM (0: none). */
  longestForLstm: number;
  /** Every chosen series is too short for the LSTM at this horizon: the run gives Theta's forecast. */
  classical: boolean;
  /** The longest horizon the forecaster takes for the chosen series (horizonLimit). */
  limit: number;
  /** Why the forecaster would refuse this horizon, in its words (describeHorizonProblem); null when it would not. */
  problem: string | null;
}

/**
 * The series' steps a run drops from its start when a left-out period covers it (see {@link leadingLeftOut}).
 * @param periods the periods to leave out, as the panel reads them (none: 0)
 */
function droppedAtStart(s: SeriesLength, periods: readonly LeaveOutPeriod[]): number {
  if (periods.length === 0 || !s.start || !s.end) return 0;
  return leadingLeftOut(Date.parse(s.start), Date.parse(s.end), s.frequency, periods);
}

/**
 * How a run would go, from the series' lengths alone.
 * @param horizon steps ahead as typed (any number; a bad one plans no LSTM requirement)
 * @param leaveOut the periods to leave out: one at a series' start shortens its history, as the run drops it
 */
export function toHorizonPlan(given: SeriesLength[], horizon: number, leaveOut: readonly LeaveOutPeriod[] = []): HorizonPlan {
  const chosen = given.map((s) => {
    const dropped = droppedAtStart(s, leaveOut);
    return dropped === 0 ? s : { ...s, pointCount: s.pointCount - dropped };
  });
  const steps = chosen.map(toStepCount);
  // A series too short for any forecast is left out of the run: the others set the horizon.
  const kept = steps.filter((n) => n > SHORT_SERIES_MIN_FIT);
  const shortest = Math.min(...(kept.length > 0 ? kept : steps));
  const needed = horizon >= 1 ? minimumLength(horizon) : 0;
  // A horizon that is no whole number is the form's to refuse (parseSettings), in its own words;
  // series too short for any forecast are refused first, whatever the horizon.
  const problem = kept.length > 0 && Number.isInteger(horizon) && horizon >= 1 ? describeHorizonProblem(horizon, chosen.map(toHistory)) : null;
  return {
    tooShort: chosen.filter((_, i) => (steps[i] as number) <= SHORT_SERIES_MIN_FIT).map((s) => s.name),
    shortest,
    needed,
    longestForLstm: maxHorizon(shortest),
    // Only for a horizon the run takes: at 400 months of a 176-month series the button offered
    // "Forecast with Theta" beside the warning that 176 is the most.
    classical: problem === null && chosen.length > 0 && needed > Math.max(...steps) && shortest > SHORT_SERIES_MIN_FIT,
    limit: horizonLimit(chosen.map(toHistory)),
    problem,
  };
}

/**
 * The horizon the panel shows until the analyst types one: the run's own default (defaultHorizon
 * on the shortest chosen series that can be forecast, as the API's), counted on the history left
 * once the periods left out at a series' start are dropped: 40 months with their first 30 left
 * out keep 10 values, and the 12 months set before the period was typed were then refused.
 * @param leaveOut the periods to leave out, as the panel reads them
 */
export function toDefaultHorizon(chosen: SeriesLength[], leaveOut: readonly LeaveOutPeriod[] = []): number {
  const first = chosen[0];
  return first ? defaultHorizon(first.frequency, toHorizonPlan(chosen, Number.NaN, leaveOut).shortest) : 12;
}

/**
 * The chosen series as the run's leave-out check sees them (describeLeaveOutProblem), from their
 * first and last times and their grids, without their points: on the grid, and a series whose
 * readings stopped padded with its grid's steps up to the latest end, as alignEnds pads it (a
 * period over its last reading but not the others' end is then not over its last value). An
 * irregular series' times are not known here: a period between its ends counts as holding one.
 */
export function toLeaveOutSpans(chosen: readonly SeriesLength[]): LeaveOutSpan[] {
  const known = chosen.flatMap((s) => (s.start && s.end && s.pointCount > 0 ? [{ s, first: Date.parse(s.start), own: Date.parse(s.end) }] : []));
  const end = Math.max(...known.map((k) => k.own));
  return known.map(({ s, first, own }): LeaveOutSpan => {
    const f = s.frequency;
    if (f.kind === "irregular") return { name: s.name, first, last: own, holds: (p) => p.from <= own && p.to >= first };
    const last = gridTimeAtOrBefore(own, end, f);
    const beforeLast = last > own ? gridTimeAtOrBefore(own, last - 1, f) : own > first ? gridTimeAtOrBefore(first, own - 1, f) : undefined;
    return {
      name: s.name,
      first,
      last,
      ...(beforeLast !== undefined ? { beforeLast } : {}),
      ...(last > own ? { stopped: true } : {}),
      holds: (p) => p.to >= first && gridTimeAtOrAfter(first, p.from, f) <= Math.min(p.to, last),
    };
  });
}

/**
 * Why the run would refuse the periods for the chosen series, in its own words (the run's check on
 * {@link toLeaveOutSpans}), or null when it would take them: the panel says it before Train.
 */
export function describeLeaveOutBeforeRun(chosen: readonly SeriesLength[], leaveOut: readonly LeaveOutPeriod[]): string | null {
  if (leaveOut.length === 0 || chosen.length === 0) return null;
  // The run names times by the first series' frequency, as its request carries it.
  return describeLeaveOutProblem(toLeaveOutSpans(chosen), leaveOut, chosen[0]?.frequency.kind);
}

/**
 * The automatic settings the run would use, to show as placeholders: resolved on the series the
 * network trains on, as the run does.
 * @returns null for a horizon the forecaster refuses (Train then says why)
 */
export function toAutoConfig(chosen: SeriesLength[], seasonLength: number, horizon: number): ForecastConfig | null {
  if (!Number.isInteger(horizon) || horizon < 1) return null;
  const network = chosen.filter((s) => planSeries(toStepCount(s), horizon) === "network");
  const kept = chosen.filter((s) => planSeries(toStepCount(s), horizon) !== "skip");
  const resolvedOn = network.length > 0 ? network : kept.length > 0 ? kept : chosen;
  // resolveConfig only reads a series' length and its first value: no need to load the points.
  const series = resolvedOn.map((s) => ({ name: s.name, values: { length: toStepCount(s), 0: 0 } }));
  try {
    return resolveConfig({ horizon, seasonLength, series });
  } catch (err) {
    if (err instanceof InvalidRequestError) return null;
    throw err;
  }
}

/** The note under the horizon when a chosen series is short for it, or null when none is. */
export function describeHorizonPlan(plan: HorizonPlan, chosenCount: number, horizon: number): { text: string; warning: boolean } | null {
  const { shortest, needed, longestForLstm, classical } = plan;
  if (chosenCount === 0 || needed <= shortest) return null;
  if (shortest <= SHORT_SERIES_MIN_FIT) {
    return { text: `The shortest chosen series has ${shortest} values; a forecast needs at least ${SHORT_SERIES_MIN_FIT + 1}. Upload a longer history.`, warning: true };
  }
  if (classical) {
    const lstmHint = longestForLstm > 0 ? ` A horizon of at most ${longestForLstm} trains the LSTM.` : "";
    return {
      text:
        `${chosenCount > 1 ? "These series are" : "This series is"} too short for the LSTM at a horizon of ${horizon} (it needs ${needed} values with its backtest), ` +
        `so the run gives Theta's forecast, a classical method, judged against naive forecasts on earlier origins (seasonal naive or naive instead when it did far better there).${lstmHint}`,
      warning: false,
    };
  }
  return {
    text:
      `The shortest chosen series has ${shortest} values; a horizon of ${horizon} needs ${needed} for the LSTM, ` +
      `so the series shorter than that get Theta's forecast (a classical method; a naive one when it backtests far better) and the others train the LSTM.${longestForLstm > 0 ? ` A horizon of at most ${longestForLstm} trains it for all of them.` : ""}`,
    warning: false,
  };
}

/** The note naming the series a run leaves out, or null when it leaves none out (or would forecast none). */
export function describeSkipped(plan: HorizonPlan, chosenCount: number): string | null {
  const { tooShort } = plan;
  if (tooShort.length === 0 || tooShort.length >= chosenCount) return null;
  const one = tooShort.length === 1;
  return `${tooShort.join(", ")} ${one ? "has" : "have"} fewer than the ${SHORT_SERIES_MIN_FIT + 1} values a forecast needs, so the run leaves ${one ? "it" : "them"} out and forecasts the others.`;
}

/** A note on one chosen series whose readings stop before the others end. */
export interface StoppedNote {
  name: string;
  text: string;
  /** The run will leave the series out (else its forecast starts from its last reading). */
  warning: boolean;
}

/**
 * Notes on the chosen series whose readings stop before the others end, one a series, said before
 * the run: the run pads each to the latest end (alignEnds) and, like it (stopsBeyondHorizon),
 * leaves out one missing more than the horizon (a warning) or forecasts it from its last reading
 * carried forward (a hint). Series too short for any forecast are named by describeSkipped instead.
 * A period left out over a series' last readings blanks them: the run counts them missing too.
 * @param horizon steps ahead as typed (a bad one: no notes, the form says why)
 * @param tooShort the series the run leaves out for their length (HorizonPlan.tooShort)
 * @param leaveOut the periods to leave out, as the panel reads them
 */
export function describeStoppedSeries(chosen: SeriesLength[], horizon: number, tooShort: readonly string[] = [], leaveOut: readonly LeaveOutPeriod[] = []): StoppedNote[] {
  if (!Number.isInteger(horizon) || horizon < 1) return [];
  const end = Math.max(...chosen.map((s) => (s.end ? Date.parse(s.end) : Number.NEGATIVE_INFINITY)));
  return chosen.flatMap((s): StoppedNote[] => {
    if (!s.end || s.frequency.kind === "irregular" || tooShort.includes(s.name)) return [];
    const last = Date.parse(s.end);
    const after = stepsAfter(last, end, s.frequency).length;
    if (after === 0) return [];
    const { taken, keptAt } = s.start && leaveOut.length > 0 ? trailingLeftOut(Date.parse(s.start), last, s.frequency, leaveOut) : { taken: 0, keptAt: last };
    const missing = after + taken;
    const kinds = [s.frequency.kind];
    const kept = taken > 0 ? `, and with its last ${formatSteps(taken, kinds)} left out its last reading kept is ${formatAt(keptAt, s.frequency.kind)}` : "";
    const stop = `${s.name}'s readings stop at ${formatAt(last, s.frequency.kind)}${kept}, ${formatSteps(missing, kinds)} before the others end`;
    return stopsBeyondHorizon(missing, toHistory(s).length + missing, horizon)
      ? [{ name: s.name, text: `${stop}: with a horizon of ${formatSteps(horizon, kinds)} it will be left out of the run (forecast it on its own to continue it).`, warning: true }]
      : [{ name: s.name, text: `${stop}: its forecast starts from its last reading carried forward over ${missing === 1 ? "it" : "them"}.`, warning: false }];
  });
}

/** Stopped-series notes the panel shows one by one; the rest are summed up in one more. */
export const STOPPED_NOTES_SHOWN = 3;

/**
 * The notes the panel shows: the first few (those leaving a series out first, as they change what
 * the run forecasts), then one sentence counting the rest. A file of discontinued products can
 * have hundreds of series that stopped, one paragraph each.
 */
export function limitStoppedNotes(notes: readonly StoppedNote[], shown = STOPPED_NOTES_SHOWN): StoppedNote[] {
  if (notes.length <= shown + 1) return [...notes];
  const ordered = [...notes.filter((n) => n.warning), ...notes.filter((n) => !n.warning)];
  const rest = ordered.slice(shown);
  const leftOut = rest.filter((n) => n.warning).length;
  const tail = leftOut === 0 ? "their forecasts start from their last readings carried forward" : leftOut === rest.length ? "all of them will be left out of the run" : `${leftOut} of them will be left out of the run`;
  return [...ordered.slice(0, shown), { name: "", text: `${rest.length} more series stop before the others end: ${tail}.`, warning: leftOut > 0 }];
}
