import { formatSeriesList } from "../series/names";
import { AGGREGATE_FLAG } from "../csv/aggregate";
import type { Frequency } from "../time/frequency";

/** A series as far as its spacing goes: the panel's SeriesDto, the CLI's parsed series, the server's. */
export interface SpacedSeries {
  name: string;
  frequency: Frequency;
}

/**
 * Why the chosen series that are events at irregular times (Frequency.events) are not forecast,
 * and what to do, or null when none is. Forecast as they were, Stripe's charges (1–14 June 2024)
 * went on every 53 seconds after their last (`2024-06-14 23:17:45`, `23:18:38`): an interval only two of
 * their 185 have. Grouped by a day they are daily totals, which is what an analyst forecasts. The training panel says it
 * before Train, the API refuses with it (422) and the CLI exits with it.
 */
export function describeIrregularEvents(chosen: readonly SpacedSeries[]): string | null {
  const events = chosen.filter((s) => s.frequency.kind === "irregular" && s.frequency.events === true);
  if (events.length === 0) return null;
  const one = events.length === 1;
  const names = formatSeriesList(events.map((s) => `"${s.name}"`));
  return (
    `${one ? "Series" : "The series"} ${names} ${one ? "holds" : "hold"} events at irregular times (a row per transaction or order), not readings at a regular step, ` +
    `so ${one ? "it is" : "they are"} not forecast as ${one ? "it is" : "they are"}: ${one ? "its" : "their"} next values would be placed at a step ${one ? "it does" : "they do"} not have. ` +
    `Import the file again with its rows grouped by a period: choose Day or Week under "Group rows by" in the import preview ` +
    `(API: \`"aggregate": { "period": "day" }\` in the upload's options; CLI: \`${AGGREGATE_FLAG} day\`).`
  );
}
