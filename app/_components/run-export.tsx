"use client";

import { memo, useState, type RefObject } from "react";
import { BAND_KEY_OPACITY } from "@/lib/chart/band-style";
import { toExportFileName, toFileNameParts } from "@/lib/export/file-name";
import { checkExportMethod, toForecastCsv, type ExportMethod, type SeriesHistory } from "@/lib/export/forecast-table";
import { toModelZip } from "@/lib/export/model-files";
import { toRunJson, type ExportableRun } from "@/lib/export/run-json";
import type { CsvDialect } from "@/lib/export/to-csv";
import type { SeriesDto } from "@/lib/series/schema";
import { fetchModelBytes, fetchSeriesPoints } from "@/lib/workbench/api-client";
import { downloadBlob, resolveColor, toChartImage, toPngBlob, type ChartImageHeader } from "./chart-image";
import { toErrorMessage } from "@/lib/to-error-message";

export interface RunExportProps {
  /** The run as shown (a fresh forecast of its saved model replaces its series). */
  run: ExportableRun;
  dataset: { id: string; name: string };
  /** The dataset's series (their time formats write the timestamps). */
  series: SeriesDto[];
  /** The forecast shown: each series' recommendation, or one method. */
  method: ExportMethod;
  /** Holds the drawn forecast chart. */
  chart: RefObject<HTMLElement | null>;
  /** The series the chart draws (its image is named after it, as the API's chart.png is). */
  chartSeries: string;
  /** The chart's title and subtitle in the image. */
  chartTitle: string;
  chartSubtitle: string;
  showBacktest: boolean;
  /** A saved run with a model: its id (the model downloads from the API). */
  modelRunId?: string | null;
}

type Busy = "csv" | "json" | "png" | "svg" | "model" | null;

async function fetchHistory(datasetId: string, series: { seriesId: string; name: string }[]): Promise<Record<string, SeriesHistory>> {
  const entries = await Promise.all(
    series.map(async ({ seriesId, name }) => {
      const points = await fetchSeriesPoints(datasetId, seriesId, name);
      return [seriesId, { times: points.t, values: points.y }] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** Export of a run: CSV (standard or Excel, with or without the history), JSON, the chart as PNG or SVG, the model. */
export const RunExport = memo(function RunExport({ run, dataset, series, method, chart, chartSeries, chartTitle, chartSubtitle, showBacktest, modelRunId }: RunExportProps) {
  const [dialect, setDialect] = useState<CsvDialect>("standard");
  const [withHistory, setWithHistory] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  const [message, setMessage] = useState<{ kind: "error"; text: string } | { kind: "done"; fileName: string } | null>(null);

  const names = run.series.map((s) => s.name);
  // A chart draws one series: named after the run's series, the images of a 60-series run were all `…_60-series_chart_….png`.
  const fileName = (kind: Parameters<typeof toExportFileName>[0]["kind"], extension: string) =>
    toExportFileName({ dataset: dataset.name, series: kind === "chart" ? [chartSeries] : names, kind, date: run.startedAt, extension });
  const timeFormats = Object.fromEntries(series.map((s) => [s.id, s.timeFormat]));
  // A method the shown series lack falls back to each series' recommendation, as the chart does.
  const exportMethod: ExportMethod = checkExportMethod(run.series, method) ? "chosen" : method;

  async function exporting(kind: Exclude<Busy, null>, work: () => Promise<{ blob: Blob; name: string }>) {
    setBusy(kind);
    setMessage(null);
    try {
      const { blob, name } = await work();
      downloadBlob(blob, name);
      setMessage({ kind: "done", fileName: name });
    } catch (err) {
      setMessage({ kind: "error", text: `The export failed: ${toErrorMessage(err)}` });
    } finally {
      setBusy(null);
    }
  }

  const exportCsv = () =>
    exporting("csv", async () => {
      const history = withHistory ? await fetchHistory(dataset.id, run.series) : undefined;
      const csv = toForecastCsv(run.series, { timeFormats, method: exportMethod, dialect, ...(history ? { history } : {}) });
      return { blob: new Blob([csv], { type: "text/csv;charset=utf-8" }), name: fileName(dialect === "excel" ? "forecast-excel" : "forecast", "csv") };
    });

  const exportJson = () =>
    exporting("json", async () => {
      const json = toRunJson(run, { dataset, timeFormats, method: exportMethod });
      return { blob: new Blob([`${JSON.stringify(json, null, 2)}\n`], { type: "application/json" }), name: fileName("run", "json") };
    });

  const chartImage = () => {
    const container = chart.current;
    if (!container) throw new Error("the chart is not drawn");
    const color = (variable: string) => resolveColor(container, variable);
    const header: ChartImageHeader = {
      title: chartTitle,
      subtitle: chartSubtitle,
      legend: [
        { label: "History", kind: "line", color: color("--series-1") },
        { label: "Forecast", kind: "line", color: color("--forecast") },
        { label: "80% interval", short: "80%", kind: "band", color: color("--forecast"), opacity: BAND_KEY_OPACITY.band80 },
        { label: "95% interval", short: "95%", kind: "band", color: color("--forecast"), opacity: BAND_KEY_OPACITY.band95 },
        ...(showBacktest ? [{ label: "Backtest forecasts", short: "Backtest", kind: "dashed" as const, color: color("--series-4") }] : []),
      ],
    };
    const image = toChartImage(container, header);
    if (!image) throw new Error("the chart is not drawn");
    return image;
  };

  const exportSvg = () =>
    exporting("svg", async () => ({ blob: new Blob([chartImage().svg], { type: "image/svg+xml" }), name: fileName("chart", "svg") }));

  const exportPng = () =>
    exporting("png", async () => {
      const image = chartImage();
      return { blob: await toPngBlob(image.svg, image.width, image.height), name: fileName("chart", "png") };
    });

  const exportModel = () =>
    exporting("model", async () => {
      if (!modelRunId) throw new Error("this run has no saved model");
      const bytes = new Uint8Array(await fetchModelBytes(modelRunId));
      // The codec lives with tfjs: loaded only when a model is downloaded.
      const { decodeSavedModel, toTfjsFiles } = await import("@/lib/forecast/saved-model");
      return { blob: new Blob([toModelZip(toTfjsFiles(decodeSavedModel(bytes)))], { type: "application/zip" }), name: fileName("model", "zip") };
    });

  return (
    <fieldset className="export-bar" aria-busy={busy !== null}>
      <legend className="export-title">Export</legend>
      <div className="export-row">
        <label className="inline-field">
          CSV format
          <select value={dialect} onChange={(e) => setDialect(e.target.value as CsvDialect)}>
            <option value="standard">Comma, decimal point</option>
            <option value="excel">Excel: semicolon, decimal comma</option>
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={withHistory} onChange={(e) => setWithHistory(e.target.checked)} />
          Include history
        </label>
        <button type="button" className="button button-small" onClick={exportCsv} disabled={busy !== null}>
          {busy === "csv" ? "Exporting…" : "Export CSV"}
        </button>
      </div>
      <div className="export-row">
        <button type="button" className="button button-small" onClick={exportJson} disabled={busy !== null} title="Settings, backtest metrics, losses and the forecast">
          Export JSON
        </button>
        <button type="button" className="button button-small" onClick={exportPng} disabled={busy !== null} title="The chart as shown, as a PNG image (twice the screen size)">
          Chart PNG
        </button>
        <button type="button" className="button button-small" onClick={exportSvg} disabled={busy !== null} title="The chart as shown, as an SVG drawing (scales to any size)">
          Chart SVG
        </button>
        {modelRunId && (
          <button
            type="button"
            className="button button-small"
            onClick={exportModel}
            disabled={busy !== null}
            title="model.json and weights.bin (TensorFlow.js format) in one .zip; upload it again to forecast without training"
          >
            {busy === "model" ? "Preparing…" : "Download model"}
          </button>
        )}
      </div>
      <p className={`export-status${message?.kind === "error" ? " is-error" : ""}`} role="status" aria-live="polite">
        {message?.kind === "error" && message.text}
        {message?.kind === "done" && (
          <>
            Saved{" "}
            <span className="file-name">
              {toFileNameParts(message.fileName).map((part, i) => (
                <span key={i}>{part}</span>
              ))}
            </span>
            .
          </>
        )}
      </p>
    </fieldset>
  );
});
