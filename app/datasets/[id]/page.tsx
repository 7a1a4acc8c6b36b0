import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteDatasetButton } from "@/app/_components/delete-dataset-button";
import { ForecastWorkbench } from "@/app/_components/forecast-workbench";
import { SeriesChart } from "@/app/_components/series-chart";
import { SeriesUnitForm } from "@/app/_components/series-unit-form";
import { formatTimeRange, toSeriesLabelStyle } from "@/lib/chart/format-time-label";
import { withGapBreaks } from "@/lib/chart/gap-breaks";
import { describeMissing } from "@/lib/csv/describe-preview-series";
import { selectPoints } from "@/lib/chart/select-points";
import { MAX_HISTORY_POINTS, RECENT_POINTS } from "@/lib/chart/to-forecast-rows";
import { getDataset, getSeriesPoints } from "@/lib/server/datasets";
import { DamagedRunError, getRun, listRuns, runPageOffset } from "@/lib/server/runs";
import { isFinishedRun, RUNS_PAGE_SIZE } from "@/lib/series/run-schema";
import { nameHolds } from "@/lib/series/names";
import { MessageText } from "@/app/_components/message-text";

export const dynamic = "force-dynamic";

type PageProps = { params: Promise<{ id: string }>; searchParams: Promise<{ run?: string | string[]; find?: string | string[] }> };

/** Series charted in the Data section: a wide file of hundreds of series would make the page crawl. */
const MAX_DATA_CHARTS = 24;
const count = new Intl.NumberFormat("en-US");

function skipDamagedRun(err: unknown): null {
  if (err instanceof DamagedRunError) return null;
  throw err;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const dataset = await getDataset((await params).id);
  return { title: dataset?.name ?? "Dataset not found" };
}

export default async function DatasetPage({ params, searchParams }: PageProps) {
  const { id } = await params;
  const { run, find: findParam } = await searchParams;
  const find = typeof findParam === "string" ? findParam.trim() : "";
  const dataset = await getDataset(id);
  if (!dataset) notFound();
  // The run named in the URL comes with the page, so its charts draw without a second request.
  // A damaged run must not take the dataset's page down: the workbench asks for it again and says why it cannot open.
  const named = typeof run === "string" ? await getRun(run).catch(skipDamagedRun) : null;
  const initialRun = named && isFinishedRun(named) && named.datasetId === id ? named : null;
  // The newest runs, or the page that holds the run named; a dataset forecast for a year has hundreds, paged in the list.
  const runsOffset = initialRun ? await runPageOffset(id, initialRun.startedAt, RUNS_PAGE_SIZE) : 0;
  const runs = await listRuns(id, { limit: RUNS_PAGE_SIZE, offset: runsOffset });
  const charts = await Promise.all(
    dataset.series.map(async (series) => {
      const stored = await getSeriesPoints(series.id);
      const drawn = stored && withGapBreaks(stored.times, stored.values, series.frequency);
      const points = drawn
        ? // A long series keeps its last points whole: the forecast chart opens on them.
          selectPoints(drawn.times, drawn.values, { maxPoints: MAX_HISTORY_POINTS, recentPoints: RECENT_POINTS })
        : { t: [], y: [], totalCount: 0, downsampled: false };
      return { series, points };
    }),
  );
  const issues = dataset.ingest?.issues ?? [];
  const shown = find ? charts.filter(({ series }) => nameHolds(series.name, find)) : charts;
  return (
    <>
      <div>
        <nav className="breadcrumb" aria-label="Breadcrumb">
          <Link href="/">Datasets</Link> / {dataset.name}
        </nav>
        <div className="page-head">
          <div>
            <h1>{dataset.name}</h1>
            <ul className="meta-list" style={{ marginTop: "var(--space-2)" }}>
              {dataset.fileName && (
                <li>
                  File <strong>{dataset.fileName}</strong>
                </li>
              )}
              <li>
                <strong>{count.format(dataset.seriesCount)}</strong> series
              </li>
              <li>
                <strong>{count.format(dataset.pointCount)}</strong> points
              </li>
            </ul>
          </div>
          <DeleteDatasetButton datasetId={dataset.id} name={dataset.name} runCount={runs.total} />
        </div>
      </div>
      {issues.length > 0 && (
        <section className="alert alert-warning" aria-label="Import notes">
          <ul className="issues">
            {issues.map((issue) => (
              <li key={issue.message}>
                <MessageText text={issue.message} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <ForecastWorkbench
        dataset={dataset}
        history={Object.fromEntries(charts.map(({ series, points }) => [series.id, { t: points.t, y: points.y }]))}
        runs={runs}
        runsOffset={runsOffset}
        initialRunId={typeof run === "string" ? run : null}
        initialRun={initialRun}
      />
      <h2 className="section-title">Data</h2>
      {charts.length > MAX_DATA_CHARTS && (
        // A plain GET form: it works before the page's scripts load and from the keyboard.
        <form className="series-find" role="search" aria-label="Find series to chart" action={`/datasets/${dataset.id}`}>
          {typeof run === "string" && <input type="hidden" name="run" value={run} />}
          <label htmlFor="series-find">Find a series</label>
          <input id="series-find" className="input" name="find" type="search" defaultValue={find} placeholder="Part of a name, e.g. Germany" />
          <button type="submit" className="button button-small">
            Show
          </button>
        </form>
      )}
      {charts.length > MAX_DATA_CHARTS && (
        <p className="chart-caption" data-testid="data-caption">
          {find
            ? `${count.format(shown.length)} of ${count.format(charts.length)} series match “${find}”${shown.length > MAX_DATA_CHARTS ? `; charting the first ${MAX_DATA_CHARTS}` : ""}.`
            : `Charting the first ${MAX_DATA_CHARTS} of ${count.format(charts.length)} series; find any other by name. Every series can be trained, forecast and downloaded.`}
        </p>
      )}
      {shown.slice(0, MAX_DATA_CHARTS).map(({ series, points }) => (
        <section key={series.id} className="card" aria-labelledby={`series-${series.id}`}>
          <div className="card-head">
            <div>
              <h2 id={`series-${series.id}`}>{series.name}</h2>
              <p>
                {count.format(series.pointCount)} points · {series.frequency.label}
                {series.start && series.end
                  ? ` · ${formatTimeRange(Date.parse(series.start), Date.parse(series.end), toSeriesLabelStyle(series))}`
                  : ""}
                {describeMissing(series).map((part) => ` · ${part}`).join("")}
              </p>
            </div>
            <div className="series-actions">
              <SeriesUnitForm datasetId={dataset.id} seriesId={series.id} seriesName={series.name} unit={series.unit} />
              <a
                className="button button-small"
                href={`/api/datasets/${dataset.id}/series/${series.id}.csv`}
                download
                aria-label={`Download CSV of ${series.name}`}
                title="Every stored point, times written as in the uploaded file"
              >
                Download CSV
              </a>
            </div>
          </div>
          <div className="card-body">
            <SeriesChart
              name={series.name}
              unit={series.unit}
              frequency={toSeriesLabelStyle(series)}
              t={points.t}
              y={points.y}
              totalCount={series.pointCount}
            />
            {points.downsampled && (
              <p className="chart-caption">
                Showing {count.format(points.t.length)} of {count.format(series.pointCount)} points (shape-preserving
                downsampling); training and exports use every point.
              </p>
            )}
          </div>
        </section>
      ))}
    </>
  );
}
