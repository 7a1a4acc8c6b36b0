import { formatTimeLabel, formatValue, type TimeLabelKind } from "../chart/format-time-label";
import { describeLeaveOutPeriod } from "../forecast/leave-out";
import type { SeriesPreprocessing } from "../forecast/types";
import type { FrequencyKind } from "../time/frequency";
import { formatSteps } from "../time/format-steps";
import type { RunSeries } from "../series/run-schema";

/** Outliers listed by name; the count says how many more there were. */
const OUTLIERS_NAMED = 3;

/** Steps per week of hourly and half-hourly data: a cycle of that length is a week, longer ones a year. */
const WEEK_CYCLES = new Set([168, 336]);

/**
 * What the forecaster took off a series before its network saw it (and put back after), in
 * words for the run view: analysts trust a forecast more when they can see what it assumed.
 * @param p the run's preprocessing of one series (as the forecaster gives it or as a run stores it)
 * @param outlierLabels the outliers in words ("5,000 on 12 May 2021"), named when given (at most
 *   three are listed)
 * @param frequency the series' frequency kind: seasons and cycles are counted in its unit (`12
 *   months`), or in steps where it has none
 * @returns e.g. "log scale · a season of 12 months removed · damped trend removed · 3 missing values filled (2 in the backtest, not scored)"
 */
export function describePreprocessing(p: SeriesPreprocessing | RunSeries["preprocessing"], outlierLabels: string[] = [], frequency: FrequencyKind = "index"): string {
  // A yearly cycle of daily data is 365.25 days: two places are enough.
  const steps = (n: number) => formatSteps(Math.round(n * 100) / 100, [frequency]);
  const parts = [p.transform === "log" ? "log scale" : "original scale"];
  if (p.seasonFound) parts.push(`weekly season (${steps(p.seasonLength)}) found in the data${p.deseasonalized ? " and removed" : ""}`);
  else if (p.deseasonalized) parts.push(`a season of ${steps(p.seasonLength)} removed`);
  else if (p.seasonLength > 1) parts.push(`season of ${steps(p.seasonLength)} too weak to remove`);
  else if (p.seasonDropped) parts.push(`season of ${steps(p.seasonDropped)} not modelled: the history is too short for it`);
  if (p.cyclePeriod) parts.push(`${WEEK_CYCLES.has(p.cyclePeriod) ? "weekly" : "yearly"} cycle (${steps(p.cyclePeriod)}) removed`);
  if (p.dampedTrend) parts.push("damped trend removed");
  const along = p.filledWithSeason ? " along the season" : " on a straight line";
  const leftOut = p.leftOut ?? [];
  const kept = leftOut.reduce((n, period) => n + period.count, 0);
  if (kept > 0) {
    const spans = leftOut.map((period) => describeLeaveOutPeriod(period, frequency)).join(", ");
    parts.push(`${kept} ${kept === 1 ? "value" : "values"} left out (${spans}), filled${along}`);
  }
  // The values missing at the end are said apart: the forecast starts from them.
  const atEnd = p.missingAtEnd ?? 0;
  const missing = p.filled - kept - atEnd;
  // The backtest scores no filled value; the count says how much of its evidence a gap took.
  const unscored = Math.max(0, (p.unscoredGaps ?? 0) - atEnd);
  const notScored = unscored > 0 ? ` (${unscored === missing ? (missing === 1 ? "in the backtest" : "all in the backtest") : `${unscored} in the backtest`}, not scored)` : "";
  if (missing > 0) parts.push(`${missing} missing ${missing === 1 ? "value" : "values"} filled${p.filledWithSeason ? along : ""}${notScored}`);
  if (atEnd > 0) parts.push(`last ${atEnd === 1 ? steps(1).replace(/^1 /, "") : steps(atEnd)} missing, carried forward${p.filledWithSeason ? along : ""}`);
  const outliers = p.outliers?.length ?? 0;
  if (outliers > 0) {
    const named = outlierLabels.slice(0, OUTLIERS_NAMED);
    const list = named.length > 0 ? `: ${named.join(", ")}${outliers > named.length ? ", …" : ""}` : "";
    parts.push(`${outliers === 1 ? "1 outlier" : `${outliers} outliers`} left out of the fit${list}`);
  }
  return parts.join(" · ");
}

/**
 * Outliers in words for {@link describePreprocessing}: "5,000 on 12 May 2021".
 * @param outliers when and what was read
 * @param frequency the series' frequency kind, or its label style (how its times are written)
 * @param unit the values' unit, when known
 */
export function describeOutliers(outliers: readonly { t: number; value: number }[], frequency: TimeLabelKind, unit?: string | null): string[] {
  return outliers.map((o) => `${formatValue(o.value)}${unit ? ` ${unit}` : ""} on ${formatTimeLabel(o.t, frequency, true)}`);
}

/**
 * What a forecast starts from when a series' readings stopped before the run's other series end (a
 * sensor removed a few steps before the file ends), in a sentence naming the last reading and the
 * steps missing after it; null when none are. The forecast steps follow the other series', so the
 * first ones continue a level nobody read: the analyst should know before using them.
 * @param count values missing at the end (see `SeriesPreprocessing.missingAtEnd`)
 * @param last the last reading: when and what was read
 * @param labelStyle the series' frequency kind, or its label style (how its times are written)
 * @param kind the series' frequency kind: the steps are counted in its unit
 * @param unit the values' unit, when known
 * @param alongSeason the gaps were filled along the season (`filledWithSeason`): the missing steps
 *   then follow the season from that reading, not a flat line
 */
export function describeMissingEnd(
  count: number | undefined,
  last: { t: number; value: number } | undefined,
  labelStyle: TimeLabelKind,
  kind: FrequencyKind = "index",
  unit?: string | null,
  alongSeason = false,
): string | null {
  if (!count) return null;
  const missing = count === 1 ? `the last ${formatSteps(1, [kind]).replace(/^1 /, "")} is` : `the last ${formatSteps(count, [kind])} are`;
  const stop = last ? ` at ${formatTimeLabel(last.t, labelStyle, true)} (${formatValue(last.value)}${unit ? ` ${unit}` : ""})` : " before the other series end";
  return `Its readings stop${stop}: ${missing} missing, and its forecast starts from that reading carried forward over ${count === 1 ? "it" : "them"}${alongSeason ? " along the season" : ""}, not from a measured value.`;
}

/**
 * Why the last one or two values deserve a look, in a sentence naming them; null when there are
 * none. A typo in the last row cannot be told from a new level by any method (nothing comes after
 * it), so it is kept, and every forecast starts from it: the analyst is the one who can tell.
 * @param unusual the last values as stored: when and what was read (see `SeriesPreprocessing.unusualEnd`)
 * @param frequency the series' frequency kind, or its label style
 * @param unit the values' unit, when known
 */
export function describeUnusualEnd(unusual: readonly { t: number; value: number }[] | undefined, frequency: TimeLabelKind, unit?: string | null): string | null {
  if (!unusual || unusual.length === 0) return null;
  const named = describeOutliers(unusual, frequency, unit).join(" and ");
  const one = unusual.length === 1;
  return one
    ? `The last value, ${named}, is far out of line with the values before it. It was kept, since nothing after it shows whether it starts a new level, and every forecast starts from it: if it is a mistake, correct it in the file and forecast again.`
    : `The last ${unusual.length} values, ${named}, are far out of line with the values before them. They were kept, since nothing after them shows whether they start a new level, and every forecast starts from them: if they are a mistake, correct them in the file and forecast again.`;
}
