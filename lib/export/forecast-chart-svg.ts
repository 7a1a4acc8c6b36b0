import { BAND_FILL_OPACITY, BAND_KEY_OPACITY } from "../chart/band-style";
import { formatAxisValue, formatTimeLabel, formatTimeTick, type TimeLabelKind } from "../chart/format-time-label";
import { toValueAxis } from "../chart/to-value-axis";
import { axisTicksForWidth, clampLabelX, estimateLabelWidth } from "../chart/time-ticks";
import { MAX_HISTORY_POINTS, toForecastRows, toRecentWindowStart, type ForecastRow, type HistoryPoints } from "../chart/to-forecast-rows";
import { toMarkerLabel } from "../chart/to-marker-label";
import type { MethodName } from "../forecast/types";
import type { RunSeries } from "../series/run-schema";
import { escapeXml, toChartHeaderHeight, toChartSvg, type ChartLegendEntry } from "./chart-svg";

/**
 * A run's forecast chart drawn without a browser, as a standalone SVG document: what the page's
 * forecast chart shows (history, forecast, both bands, where the history ends, real-date ticks, the
 * unit on the value axis) at a fixed size, for GET /api/runs/<id>/chart.svg and chart.png.
 * Pure: no DOM, React or Node; text widths are estimated, never measured.
 */

export interface ForecastChartSvgInput {
  /** Every stored point of the series (epoch ms; NaN or null = missing). */
  history: HistoryPoints;
  series: RunSeries;
  /** The method whose forecast is drawn. */
  method: MethodName;
  /** The series' frequency, or its label style (financial years, month names in its language). */
  frequency: TimeLabelKind;
  unit?: string | null;
  title: string;
  subtitle?: string;
  /** Size of the whole image (title and legend included), CSS pixels; default 960 × 420. */
  width?: number;
  height?: number;
  /** `recent` (default): the history eight times as long as the forecast, as the page's chart opens; `all`: the whole history. */
  window?: "recent" | "all";
}

const DEFAULT_CHART_WIDTH = 960;
const DEFAULT_CHART_HEIGHT = 420;

/** The page's colours (app/globals.css), resolved: a file carries no CSS variables. */
const COLOR = {
  history: "#0f6cbd",
  forecast: "#c2410c",
  grid: "#e2e6ec",
  axis: "#cbd2dc",
  label: "#5b6675",
  marker: "#8591a1",
} as const;

/** Margins around the plot and the axes' room, as the page's Recharts chart has them. */
const MARGIN = { top: 12, right: 20, bottom: 4, left: 8 };
const X_AXIS_HEIGHT = 30;
const MIN_Y_AXIS_WIDTH = 64;
const TICK_SIZE = 6;

/** Roughly how wide a 12 px label is (0.62 em a character: DejaVu Sans' digits, the widest font used). */
function round(v: number): number {
  return Math.round(v * 10) / 10;
}

const isValue = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v);

/** The legend above the chart (short band labels where the image is too narrow for the long ones). */
const LEGEND: ChartLegendEntry[] = [
  { label: "History", kind: "line", color: COLOR.history },
  { label: "Forecast", kind: "line", color: COLOR.forecast },
  { label: "80% interval", short: "80%", kind: "band", color: COLOR.forecast, opacity: BAND_KEY_OPACITY.band80 },
  { label: "95% interval", short: "95%", kind: "band", color: COLOR.forecast, opacity: BAND_KEY_OPACITY.band95 },
];

/**
 * The rows drawn: the whole history, or the recent window the page's chart opens on, counted in
 * stored points (the page counts drawn rows, which for a series longer than it draws are a
 * downsample spanning far more time), the window's history downsampled on its own.
 * @param width the image's width, CSS px: a narrow one opens on less history, so the forecast stays readable
 */
function toWindowRows(input: ForecastChartSvgInput, width: number): ForecastRow[] {
  const { history, series, method } = input;
  if (input.window === "all") return toForecastRows(history, series, { method });
  const n = history.t.length;
  let after = 0;
  while (after < n && (history.t[n - 1 - after] as number) > series.historyEnd) after++;
  // The image draws its window's points whole, so the page's rule for a history of more than
  // MAX_HISTORY_POINTS (open on its last 1,000 points) does not apply: by it a day's forecast of a
  // year of hours was a sliver at the image's edge, its bands unseen. The image's width decides
  // the window as the page's chart width does.
  const start = toRecentWindowStart(n + series.times.length, after + series.times.length, Math.min(n - after, MAX_HISTORY_POINTS), width);
  return toForecastRows(history, series, { method, ...(start > 0 ? { from: history.t[start] as number } : {}) });
}

/** The value range drawn: every history value, the forecast and both bands. */
function valueRange(rows: ForecastRow[]): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  const add = (v: number | null | undefined) => {
    if (!isValue(v)) return;
    if (v < min) min = v;
    if (v > max) max = v;
  };
  for (const row of rows) {
    add(row.history);
    add(row.forecast);
    add(row.band95?.[0]);
    add(row.band95?.[1]);
    add(row.band80?.[0]);
    add(row.band80?.[1]);
  }
  if (!(max >= min)) return [0, 1];
  if (max - min < 1e-12) {
    const pad = Math.max(1, Math.abs(min) * 0.1);
    return [min - pad, max + pad];
  }
  return [min, max];
}

/**
 * An SVG path through the rows' values, a new subpath after every gap (a missing value breaks the
 * line, as on the page). Rows without the key (another part of the chart) are skipped.
 */
function toLinePath(rows: ForecastRow[], value: (row: ForecastRow) => number | null | undefined, x: (t: number) => number, y: (v: number) => number): { d: string; points: number } {
  let d = "";
  let points = 0;
  let pen = false;
  for (const row of rows) {
    const v = value(row);
    if (v === undefined) continue;
    if (!isValue(v)) {
      pen = false;
      continue;
    }
    d += `${pen ? "L" : "M"}${round(x(row.t))},${round(y(v))}`;
    pen = true;
    points++;
  }
  return { d, points };
}

/** A band as polygons: the upper edge forward, the lower edge back, one polygon per unbroken run of rows. */
function toBandPolygons(rows: ForecastRow[], band: (row: ForecastRow) => [number, number] | null | undefined, x: (t: number) => number, y: (v: number) => number): string[] {
  const polygons: string[] = [];
  let run: { t: number; band: [number, number] }[] = [];
  const flush = () => {
    if (run.length > 1) {
      const upper = run.map((p) => `${round(x(p.t))},${round(y(p.band[1]))}`);
      const lower = run.map((p) => `${round(x(p.t))},${round(y(p.band[0]))}`).reverse();
      polygons.push([...upper, ...lower].join(" "));
    }
    run = [];
  };
  for (const row of rows) {
    const b = band(row);
    if (b && isValue(b[0]) && isValue(b[1])) run.push({ t: row.t, band: b });
    else flush();
  }
  flush();
  return polygons;
}

/**
 * A run's forecast chart for one series as a standalone SVG document.
 * @returns the SVG text; `width` × `height` CSS pixels
 */
export function toForecastChartSvg(input: ForecastChartSvgInput): string {
  const width = Math.round(input.width ?? DEFAULT_CHART_WIDTH);
  const height = Math.round(input.height ?? DEFAULT_CHART_HEIGHT);
  const drawingHeight = height - toChartHeaderHeight(LEGEND, width);
  const rows = toWindowRows(input, width);

  // Value axis: round ticks, labelled compactly; as wide as its longest label (and the unit beside it).
  const [low, high] = valueRange(rows);
  // Round ticks from a labelled line below the lowest value to one above the highest, as the app's chart draws them.
  const yTicks = toValueAxis(low, high, Math.max(2, Math.min(8, Math.floor((drawingHeight - X_AXIS_HEIGHT) / 60))))?.ticks ?? [];
  const yMin = Math.min(low, yTicks[0] ?? low);
  const yMax = Math.max(high, yTicks[yTicks.length - 1] ?? high);
  const yStep = yTicks.length > 1 ? (yTicks[1] as number) - (yTicks[0] as number) : undefined;
  const yLabels = yTicks.map((v) => formatAxisValue(v, yStep));
  const unitRoom = input.unit ? 20 : 0;
  const yAxisWidth = Math.max(MIN_Y_AXIS_WIDTH, Math.ceil(Math.max(0, ...yLabels.map((l) => estimateLabelWidth(l)))) + TICK_SIZE + 6 + unitRoom);

  const left = MARGIN.left + yAxisWidth;
  const right = width - MARGIN.right;
  const top = MARGIN.top;
  const bottom = drawingHeight - MARGIN.bottom - X_AXIS_HEIGHT;
  const from = rows[0]?.t ?? 0;
  const to = Math.max(rows[rows.length - 1]?.t ?? from, from + 1);
  const x = (t: number) => left + ((t - from) / (to - from)) * (right - left);
  const y = (v: number) => bottom - ((v - yMin) / (yMax - yMin || 1)) * (bottom - top);

  const parts: string[] = [];
  // Horizontal grid and the value axis.
  yTicks.forEach((tick, i) => {
    const ty = round(y(tick));
    parts.push(`<line x1="${left}" y1="${ty}" x2="${right}" y2="${ty}" stroke="${COLOR.grid}" stroke-dasharray="3 3"/>`);
    parts.push(`<line x1="${left - TICK_SIZE}" y1="${ty}" x2="${left}" y2="${ty}" stroke="${COLOR.axis}"/>`);
    parts.push(`<text x="${left - TICK_SIZE - 3}" y="${ty}" dy="0.355em" text-anchor="end" font-size="12" fill="${COLOR.label}">${escapeXml(yLabels[i] as string)}</text>`);
  });
  parts.push(`<line x1="${left}" y1="${top}" x2="${left}" y2="${bottom}" stroke="${COLOR.axis}"/>`);
  if (input.unit) {
    const ux = MARGIN.left + 12;
    const uy = round((top + bottom) / 2);
    parts.push(
      `<text x="${ux}" y="${uy}" transform="rotate(-90 ${ux} ${uy})" text-anchor="middle" font-size="12" fill="${COLOR.label}" data-kind="unit">${escapeXml(input.unit)}</text>`,
    );
  }

  // Time axis: every tick whose label fits without touching the previous one or the image's edge.
  parts.push(`<line x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="${COLOR.axis}"/>`);
  let lastLabelEnd = Number.NEGATIVE_INFINITY;
  for (const tick of axisTicksForWidth(from, to, right - left, input.frequency, { left, chartWidth: width })) {
    const tx = round(x(tick));
    const label = formatTimeTick(tick, input.frequency, to - from);
    const half = estimateLabelWidth(label) / 2;
    const cx = clampLabelX(tx, label, width);
    if (cx - half < lastLabelEnd + 8) continue;
    lastLabelEnd = cx + half;
    parts.push(`<line x1="${tx}" y1="${bottom}" x2="${tx}" y2="${bottom + TICK_SIZE}" stroke="${COLOR.axis}"/>`);
    parts.push(`<text x="${round(cx)}" y="${bottom + TICK_SIZE + 14}" text-anchor="middle" font-size="12" fill="${COLOR.label}" data-kind="time-tick">${escapeXml(label)}</text>`);
  }

  // Bands under the lines, 95% under 80%; then the history and the forecast.
  for (const [kind, opacity, band] of [
    ["band95", BAND_FILL_OPACITY.band95, (r: ForecastRow) => r.band95],
    ["band80", BAND_FILL_OPACITY.band80, (r: ForecastRow) => r.band80],
  ] as const) {
    for (const points of toBandPolygons(rows, band, x, y)) {
      parts.push(`<polygon points="${points}" fill="${COLOR.forecast}" fill-opacity="${opacity}" data-kind="${kind}"/>`);
    }
  }
  const history = toLinePath(rows, (r) => r.history, x, y);
  if (history.points) parts.push(`<path d="${history.d}" fill="none" stroke="${COLOR.history}" stroke-width="1.5" stroke-linejoin="round" data-kind="history"/>`);
  const forecast = toLinePath(rows, (r) => r.forecast, x, y);
  if (forecast.points) parts.push(`<path d="${forecast.d}" fill="none" stroke="${COLOR.forecast}" stroke-width="2" stroke-linejoin="round" data-kind="forecast"/>`);

  // Where the history ends, labelled inside the plot (as on the page: see toMarkerLabel).
  const end = input.series.historyEnd;
  if (end >= from && end <= to) {
    const mx = round(x(end));
    // As on the page: the first forecast step's date, which the time ticks may all miss.
    const first = rows.find((r) => r.t > end)?.t;
    const place = toMarkerLabel(mx, { left, right }, first === undefined ? "Forecast starts" : `Forecast from ${formatTimeLabel(first, input.frequency)}`, "Forecast");
    parts.push(`<line x1="${mx}" y1="${top}" x2="${mx}" y2="${bottom}" stroke="${COLOR.marker}" stroke-dasharray="4 3" data-kind="history-end"/>`);
    parts.push(
      `<text x="${place.x}" y="${top + 15}" text-anchor="${place.textAnchor}" font-size="11" fill="${COLOR.label}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(place.text)}</text>`,
    );
  }

  return toChartSvg({ width, height: drawingHeight, title: input.title, subtitle: input.subtitle, legend: LEGEND, body: parts.join("") });
}
