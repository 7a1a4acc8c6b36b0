import { nextTimes, type Frequency } from "../time/frequency";

/**
 * A series' stored points with a missing value at the first step of each stretch the file skips,
 * so a chart's line breaks there as it does at an empty cell: a logger's six hours without a
 * row (sensor-log.csv, 9 Sep 20:00 – 10 Sep 02:00 at 10 minutes) was drawn as a straight line
 * from the last reading to the next, which reads as data. The forecaster already takes those
 * steps as missing (toRegularSeries); exports and training use the stored points, not these.
 * @param times epoch ms of the stored points, ascending
 * @param values their values (NaN = missing)
 * @param frequency the series' frequency: an irregular series, or one without gaps, is returned as it is
 */
export function withGapBreaks(times: Float64Array, values: Float64Array, frequency: Frequency): { times: Float64Array; values: Float64Array } {
  const n = times.length;
  const { step } = frequency;
  if (n < 2 || frequency.gapCount === 0 || step.unit === "index" || frequency.kind === "irregular") return { times, values };
  const breaks: number[] = [];
  for (let i = 0; i + 1 < n; i++) {
    const t = times[i] as number;
    const next = times[i + 1] as number;
    // A step in milliseconds is skipped only where the spacing exceeds it: no calendar arithmetic on a million rows.
    if (step.unit === "ms" && frequency.kind !== "business-daily" && next - t <= step.ms) continue;
    const expected = nextTimes(t, frequency, 1)[0] as number;
    if (next > expected) breaks.push(i, expected);
  }
  if (breaks.length === 0) return { times, values };
  const out = { times: new Float64Array(n + breaks.length / 2), values: new Float64Array(n + breaks.length / 2) };
  let b = 0;
  let j = 0;
  for (let i = 0; i < n; i++) {
    out.times[j] = times[i] as number;
    out.values[j++] = values[i] as number;
    if (breaks[b] === i) {
      out.times[j] = breaks[b + 1] as number;
      out.values[j++] = Number.NaN;
      b += 2;
    }
  }
  return out;
}
