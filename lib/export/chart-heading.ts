import { METHOD_LABELS, type MethodName } from "../forecast/types";
import { formatRunTimeWithZone } from "../time/format-run-time";
import { formatSteps } from "../time/format-steps";
import type { FrequencyKind } from "../time/frequency";

export interface ChartHeadingInput {
  /** The series drawn. */
  seriesName: string;
  datasetName: string;
  /** The method whose forecast is drawn. */
  method: MethodName;
  /** Steps ahead. */
  horizon: number;
  /** The series' frequency, to say the horizon in its unit (`12 months`); without it, in steps. */
  frequency?: FrequencyKind;
  /** When the run started (ISO text). */
  startedAt: string;
  /** IANA zone to write that time in; the drawing process's own when omitted. */
  timeZone?: string;
}

/**
 * The title and subtitle of a forecast chart's image, the same in the page's PNG/SVG export and in
 * the API's chart.svg/chart.png: `Visitors: LSTM (ensemble) forecast` over
 * `Tourism · 12 months ahead · 80% and 95% intervals · made 28 Nov 2026, 09:30:05 CET`.
 * The run's time is written in the time zone of whoever draws it (the analyst's, or the server's),
 * and names it: an image is read by people elsewhere.
 */
export function toChartHeading({ seriesName, datasetName, method, horizon, frequency, startedAt, timeZone }: ChartHeadingInput): { title: string; subtitle: string } {
  return {
    title: `${seriesName}: ${METHOD_LABELS[method]} forecast`,
    subtitle: `${datasetName} · ${formatSteps(horizon, frequency ? [frequency] : [])} ahead · 80% and 95% intervals · made ${formatRunTimeWithZone(startedAt, timeZone)}`,
  };
}
