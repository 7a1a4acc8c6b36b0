import type { SeriesPreprocessing } from "../forecast/types";

/** Steps per week of hourly and half-hourly data: a cycle of that length is a week, longer ones a year. */
const WEEK_CYCLES = new Set([168, 336]);

/**
 * What the forecaster took off a series before its network saw it (and put back after), in
 * words for the run view: analysts trust a forecast more when they can see what it assumed.
 * @param p the run's preprocessing of one series
 * @returns e.g. "log scale · season of 12 steps removed · damped trend removed · 3 missing values filled"
 */
export function describePreprocessing(p: SeriesPreprocessing): string {
  const parts = [p.transform === "log" ? "log scale" : "original scale"];
  if (p.seasonFound) parts.push(`weekly season (${p.seasonLength} steps) found in the data${p.deseasonalized ? " and removed" : ""}`);
  else if (p.deseasonalized) parts.push(`season of ${p.seasonLength} steps removed`);
  else if (p.seasonLength > 1) parts.push(`no season of ${p.seasonLength} steps found`);
  if (p.cyclePeriod) parts.push(`${WEEK_CYCLES.has(p.cyclePeriod) ? "weekly" : "yearly"} cycle (${formatSteps(p.cyclePeriod)} steps) removed`);
  if (p.dampedTrend) parts.push("damped trend removed");
  if (p.filled > 0) parts.push(`${p.filled} missing ${p.filled === 1 ? "value" : "values"} filled`);
  return parts.join(" · ");
}

function formatSteps(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, "");
}
