import { toSeriesLabelStyle } from "../chart/format-time-label";
import { withGapBreaks } from "../chart/gap-breaks";
import { toChartHeading } from "../export/chart-heading";
import { toExportFileName } from "../export/file-name";
import { checkExportMethod, toExportMethod } from "../export/forecast-table";
import { toForecastChartSvg } from "../export/forecast-chart-svg";
import type { RunDto, RunSeries } from "../series/run-schema";
import type { ChartExportQuery } from "../series/export-schema";
import { HttpError } from "./http";
import { getRunHistory, requireRunExport } from "./run-exports";

export interface RunChart {
  /** The chart as a standalone SVG document, `width` × `height` CSS pixels. */
  svg: string;
  width: number;
  height: number;
  /** The download's name with the given extension (`visitors_visitors_chart_2026-11-28.png`). */
  fileName: (extension: string) => string;
}

/** How many series an error lists before saying how many more there are. */
const LISTED = 10;

/**
 * The series a chart draws: by id, then by name (exactly, then ignoring case); the run's first by default.
 * @throws HttpError 422 naming the run's series when none matches
 */
function findRunSeries(run: RunDto, key: string | undefined): RunSeries {
  const first = run.series[0];
  if (key === undefined && first) return first;
  const lower = key?.toLowerCase();
  const found =
    run.series.find((s) => s.seriesId === key) ?? run.series.find((s) => s.name === key) ?? run.series.find((s) => s.name.toLowerCase() === lower);
  if (found) return found;
  const names = run.series.slice(0, LISTED).map((s) => `\`${s.name}\` (\`${s.seriesId}\`)`);
  const more = run.series.length > LISTED ? ` and ${run.series.length - LISTED} more` : "";
  throw new HttpError(422, `Run \`${run.id}\` has no series \`${key ?? ""}\`. Give \`series\` one of its series' names or ids: ${names.join(", ")}${more}.`);
}

/**
 * A finished run's forecast chart for one series, drawn from the stored history.
 * @param cookieZone the zone the app's cookie names (readRequestTimeZone), used when `query.tz` is left out
 * @throws HttpError 404 (no such run, or its series was deleted), 409 (no forecast yet, or failed),
 *   422 (no such series in the run, or no forecast of `method` for it)
 */
export async function getRunChart(id: string, query: ChartExportQuery, cookieZone?: string): Promise<RunChart> {
  const { run, dataset } = await requireRunExport(id, "chosen");
  const series = findRunSeries(run, query.series);
  const problem = checkExportMethod([series], query.method);
  if (problem) throw new HttpError(422, problem);
  const method = toExportMethod(series, query.method) ?? series.chosen;
  const meta = dataset.series.find((s) => s.id === series.seriesId);
  const history = (await getRunHistory({ series: [series] }))[series.seriesId];
  if (!meta || !history) throw new HttpError(404, `Series ${series.name} of run \`${id}\` is no longer in dataset ${dataset.name}, so there is no history to draw.`);
  const drawn = withGapBreaks(history.times, history.values, meta.frequency);
  const heading = toChartHeading({ seriesName: series.name, datasetName: dataset.name, method, horizon: run.horizon, frequency: meta.frequency.kind, startedAt: run.startedAt, timeZone: query.tz ?? cookieZone });
  const svg = toForecastChartSvg({
    history: { t: drawn.times, y: drawn.values },
    series,
    method,
    frequency: toSeriesLabelStyle(meta),
    unit: meta.unit,
    ...heading,
    width: query.width,
    height: query.height,
    window: query.history,
  });
  return {
    svg,
    width: query.width,
    height: query.height,
    fileName: (extension) => toExportFileName({ dataset: dataset.name, series: [series.name], kind: "chart", date: run.startedAt, extension }),
  };
}
