import type { FrequencyKind } from "./frequency";

/** What one step of a series is called, singular and plural; none for steps of no calendar unit. */
const STEP_NOUNS: Partial<Record<FrequencyKind, [string, string]>> = {
  secondly: ["second", "seconds"],
  minutely: ["minute", "minutes"],
  "half-hourly": ["half-hour", "half-hours"],
  hourly: ["hour", "hours"],
  daily: ["day", "days"],
  "business-daily": ["business day", "business days"],
  weekly: ["week", "weeks"],
  monthly: ["month", "months"],
  quarterly: ["quarter", "quarters"],
  yearly: ["year", "years"],
};

/**
 * A number of steps in the series' own time unit, as an analyst says a horizon: `12 months`,
 * `1 quarter`, `48 half-hours`. Steps of no calendar unit (every 15 minutes, irregular, numbered
 * points), or series of different frequencies, stay `steps`.
 * @param count steps (a whole number)
 * @param kinds the frequency kind of every series the steps are counted in
 */
export function formatSteps(count: number, kinds: readonly FrequencyKind[]): string {
  const [one, many] = toSharedNouns(kinds);
  return `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
}

/**
 * What steps of these series are called, as a field's label counts them (`months ahead`); `steps`
 * where they have no one calendar unit.
 * @param kinds the frequency kind of every series the steps are counted in
 */
export function formatStepUnit(kinds: readonly FrequencyKind[]): string {
  return toSharedNouns(kinds)[1];
}

function toSharedNouns(kinds: readonly FrequencyKind[]): readonly [string, string] {
  const nouns = kinds.map((kind) => STEP_NOUNS[kind]);
  const first = nouns[0];
  return first && nouns.every((n) => n === first) ? first : (["step", "steps"] as const);
}

/**
 * A run's horizon in its series' unit (`12 months`), looked up among the dataset's series; a
 * series no longer in the dataset counts as having no unit.
 * @param run the run's horizon (steps) and the ids of the series it forecast
 * @param series the dataset's series, with their frequencies
 */
export function formatRunHorizon(
  run: { horizon: number; series: readonly { seriesId: string }[] },
  series: readonly { id: string; frequency: { kind: FrequencyKind } }[],
): string {
  return formatSteps(run.horizon, run.series.map((s) => series.find((m) => m.id === s.seriesId)?.frequency.kind ?? "index"));
}
