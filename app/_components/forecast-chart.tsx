"use client";

import { useMemo, useRef, useState } from "react";
import { Area, Brush, CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, useChartHeight, useChartWidth, useMargin, usePlotArea, YAxis } from "recharts";
import { BAND_FILL_OPACITY, BAND_KEY_OPACITY } from "@/lib/chart/band-style";
import { formatEstimate, formatTimeLabel, formatValue, type TimeLabelKind } from "@/lib/chart/format-time-label";
import { toBrushLabels } from "@/lib/chart/to-brush-labels";
import { toForecastCounts, toInitialWindowStart, type ForecastRow } from "@/lib/chart/to-forecast-rows";
import { toRowsValueAxis } from "@/lib/chart/to-value-axis";
import { toZoomLabels } from "@/lib/chart/to-zoom-labels";
import { useElementWidth } from "@/app/_hooks/use-element-width";
import { useZoomHandleFocus } from "@/app/_hooks/use-zoom-handle-focus";
import { useZoomHandleLabels } from "@/app/_hooks/use-zoom-handle-labels";
import { ChartLegend, HORIZONTAL_GRID, MarkerLabel, TimeXAxis, valueAxisProps, type LegendItem } from "./chart-parts";

export interface ForecastChartProps {
  rows: ForecastRow[];
  name: string;
  unit?: string | null;
  frequency: TimeLabelKind;
  /** Epoch ms of the last observed value (the marker). */
  historyEnd: number;
  /** Label of the drawn forecast's method. */
  methodLabel: string;
  showBacktest?: boolean;
  /** Points in the full history (rows may be downsampled). */
  historyCount: number;
  /** Readings the methods were fitted without (isolated outliers), ringed on the chart. */
  outliers?: readonly { t: number; value: number }[];
  /** Periods left out of training (epoch ms, ends included), shaded across the chart. */
  leftOut?: readonly { from: number; to: number }[];
}

const FORECAST = "var(--forecast)";
/** Every value the chart draws: the value axis covers them all in the window shown. */
const VALUE_KEYS = ["history", "forecast", "band80", "band95", "backtest"] as const;
const OUTLIER = "var(--danger)";
const LEFT_OUT = "var(--text-faint)";
const LEFT_OUT_OPACITY = 0.14;
const BRUSH_HEIGHT = 36;
const TRAVELLER_WIDTH = 8;
/** What Recharts writes beside the zoom handles: nothing, as the chart writes the dates itself (ZoomHandleDates). */
const NO_BRUSH_TEXT = () => "";

/**
 * The dates of the zoom brush's handles, inside the chart: Recharts writes the end date right of
 * its handle, past the chart's edge when the handle is at the right end (the plot leaves 20 px
 * there), so it was cut to "Au". Shown while the brush is hovered or a handle has focus (CSS).
 */
function ZoomHandleDates({ count, start, end, startText, endText }: { count: number; start: number; end: number; startText: string; endText: string }) {
  const plot = usePlotArea();
  const chartWidth = useChartWidth();
  const chartHeight = useChartHeight();
  const margin = useMargin();
  if (!plot || !chartWidth || !chartHeight || count < 1) return null;
  const labels = toBrushLabels({ chartWidth, x: plot.x, width: plot.width, travellerWidth: TRAVELLER_WIDTH, count }, start, end, startText, endText);
  // The brush sits on the bottom margin.
  const y = chartHeight - (margin?.bottom ?? 0) - BRUSH_HEIGHT / 2;
  return (
    <g className="zoom-dates" data-testid="zoom-dates" aria-hidden="true" pointerEvents="none">
      {[labels.start, labels.end].map((label, i) => (
        <g key={i}>
          {/* A backing keeps a date turned inwards readable over the brush's small chart. */}
          <rect x={label.x - 3} y={y - 9} width={label.width + 6} height={18} rx={3} fill="var(--surface)" fillOpacity={0.9} />
          <text x={label.x} y={y} dominantBaseline="central" fontSize={12} fill="var(--text-faint)">
            {label.text}
          </text>
        </g>
      ))}
    </g>
  );
}

function ForecastTooltip({ row, frequency, unit }: { row: ForecastRow; frequency: TimeLabelKind; unit?: string | null }) {
  const u = unit ? ` ${unit}` : "";
  const range = (r: [number, number] | null | undefined) => (r ? `${formatEstimate(r[0])} – ${formatEstimate(r[1])}${u}` : null);
  return (
    <div className="chart-tooltip" data-testid="forecast-tooltip">
      <div className="label">{formatTimeLabel(row.t, frequency, true)}</div>
      {typeof row.history === "number" && (
        <div className="row">
          <span>Actual</span>
          <strong>{formatValue(row.history) + u}</strong>
        </div>
      )}
      {typeof row.backtest === "number" && (
        <div className="row">
          <span>Backtest forecast</span>
          <strong>{formatEstimate(row.backtest) + u}</strong>
        </div>
      )}
      {typeof row.forecast === "number" && row.history === undefined && (
        <>
          <div className="row">
            <span>Forecast</span>
            <strong>{formatEstimate(row.forecast) + u}</strong>
          </div>
          {range(row.band80) && (
            <div className="row">
              <span>80% interval</span>
              <strong>{range(row.band80)}</strong>
            </div>
          )}
          {range(row.band95) && (
            <div className="row">
              <span>95% interval</span>
              <strong>{range(row.band95)}</strong>
            </div>
          )}
        </>
      )}
    </div>
  );
}

/**
 * History, the forecast line, its 95% and 80% bands, a marker where the history ends, an optional
 * backtest overlay, and a brush to zoom into a time range. The figure's `data-window-from` and
 * `data-window-to` give the range shown (epoch ms; the index for a numbered series), and
 * `data-value-ticks` the value axis's ticks.
 */
export function ForecastChart({ rows, name, unit, frequency, historyEnd, methodLabel, showBacktest = false, historyCount, outliers = [], leftOut = [] }: ForecastChartProps) {
  const first = rows[0]?.t ?? 0;
  const last = rows[rows.length - 1]?.t ?? first;
  // A long history opens on its recent part (the brush shows and changes the window): a history
  // longer than the rows drawn within its last 1,000 points, which the rows hold whole. A narrow
  // chart opens on less of it, so the forecast keeps a readable share of the width.
  const frameRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(frameRef);
  const brushStart = useMemo(() => toInitialWindowStart(rows, historyEnd, historyCount, width), [rows, historyEnd, historyCount, width]);
  const counts = useMemo(() => toForecastCounts(rows, historyEnd), [rows, historyEnd]);
  // The window the brush shows, as row indices; ticks follow it so they stay on calendar boundaries.
  // Kept while the rows keep their times (the backtest overlay adds values, not times), so the
  // brush and the drawn window stay the same range when the overlay is switched.
  const [zoom, setZoom] = useState<{ first: number; length: number; start: number; end: number } | null>(null);
  const sameTimes = zoom !== null && zoom.length === rows.length && zoom.first === first;
  const start = sameTimes ? zoom.start : brushStart;
  const end = sameTimes ? zoom.end : rows.length - 1;
  const forecastFrom = rows.find((r) => r.t > historyEnd)?.t;
  const from = rows[start]?.t ?? first;
  const to = rows[end]?.t ?? last;
  const axis = useMemo(() => toRowsValueAxis(rows, VALUE_KEYS, start, end), [rows, start, end]);
  const zoomLabels = useMemo(() => toZoomLabels(from, to, frequency), [from, to, frequency]);
  const figureRef = useRef<HTMLElement>(null);
  useZoomHandleLabels(figureRef, zoomLabels);
  useZoomHandleFocus(figureRef);
  const legend: LegendItem[] = [
    { label: "History", kind: "line", color: "var(--series-1)" },
    { label: "Forecast", kind: "line", color: FORECAST },
    { label: "80% interval", kind: "band", color: FORECAST, opacity: BAND_KEY_OPACITY.band80 },
    { label: "95% interval", kind: "band", color: FORECAST, opacity: BAND_KEY_OPACITY.band95 },
    ...(showBacktest ? [{ label: "Backtest forecasts", kind: "dashed" as const, color: "var(--series-4)" }] : []),
    ...(leftOut.length > 0 ? [{ label: leftOut.length === 1 ? "Period left out of training" : "Periods left out of training", kind: "band" as const, color: LEFT_OUT, opacity: 0.35 }] : []),
    ...(outliers.length > 0 ? [{ label: outliers.length === 1 ? "Outlier left out of the fit" : "Outliers left out of the fit", kind: "ring" as const, color: OUTLIER }] : []),
  ];
  return (
    <figure
      ref={figureRef}
      className="chart-figure"
      data-testid="forecast-chart"
      data-series-name={name}
      data-history-count={historyCount}
      data-forecast-count={counts.forecast}
      data-band80-count={counts.band80}
      data-band95-count={counts.band95}
      data-outlier-count={outliers.length}
      data-left-out={leftOut.map((p) => `${p.from}-${p.to}`).join(" ") || undefined}
      data-window-from={from}
      data-window-to={to}
      data-value-ticks={axis?.ticks.join(" ")}
      aria-label={`${name}: history and ${methodLabel} forecast with 80% and 95% intervals`}
    >
      <ChartLegend items={legend} />
      <div ref={frameRef} className="chart-frame chart-frame-tall">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart
            data={rows}
            margin={{ top: 12, right: 20, bottom: 4, left: 8 }}
            aria-label={`Forecast chart of ${name}. Arrow keys move through the points; the tooltip reads each one.`}
          >
            <CartesianGrid {...HORIZONTAL_GRID} />
            <TimeXAxis frequency={frequency} from={from} to={to} />
            <YAxis {...valueAxisProps(unit, axis)} />
            <Tooltip
              content={({ active, payload }) => {
                const row = payload?.[0]?.payload as ForecastRow | undefined;
                return active && row ? <ForecastTooltip row={row} frequency={frequency} unit={unit} /> : null;
              }}
            />
            {leftOut.map((p) => (
              // Behind the lines: the values there are the file's, but no method learned from them.
              <ReferenceArea
                key={`${p.from}-${p.to}`}
                className="left-out-area"
                x1={p.from}
                x2={p.to}
                fill={LEFT_OUT}
                fillOpacity={LEFT_OUT_OPACITY}
                stroke="none"
                ifOverflow="hidden"
                // Named in the legend, not inside the area: a period ending months before the history
                // does had its label over "Forecast from …".
              />
            ))}
            <Area
              dataKey="band95"
              name="95% interval"
              stroke="none"
              fill={FORECAST}
              fillOpacity={BAND_FILL_OPACITY.band95}
              isAnimationActive={false}
              connectNulls={false}
              activeDot={false}
            />
            <Area
              dataKey="band80"
              name="80% interval"
              stroke="none"
              fill={FORECAST}
              fillOpacity={BAND_FILL_OPACITY.band80}
              isAnimationActive={false}
              connectNulls={false}
              activeDot={false}
            />
            <Line dataKey="history" name="History" stroke="var(--series-1)" strokeWidth={1.5} dot={false} isAnimationActive={false} connectNulls={false} />
            {showBacktest && (
              <Line
                dataKey="backtest"
                name="Backtest forecasts"
                stroke="var(--series-4)"
                strokeWidth={1.5}
                strokeDasharray="4 3"
                dot={false}
                isAnimationActive={false}
                connectNulls={false}
              />
            )}
            <Line dataKey="forecast" name="Forecast" stroke={FORECAST} strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
            {outliers.map((o) => (
              <ReferenceDot key={o.t} x={o.t} y={o.value} r={5} fill="none" stroke={OUTLIER} strokeWidth={2} ifOverflow="discard" />
            ))}
            <ReferenceLine
              x={historyEnd}
              stroke="var(--text-faint)"
              strokeDasharray="4 3"
              label={<MarkerLabel text={forecastFrom === undefined ? "Forecast starts" : `Forecast from ${formatTimeLabel(forecastFrom, frequency)}`} shortText="Forecast" fill="var(--text-muted)" />}
            />
            <Brush
              key={`${rows.length}-${first}`}
              className="zoom-brush"
              startIndex={start}
              endIndex={end}
              onChange={(range) => {
                if (typeof range.startIndex === "number" && typeof range.endIndex === "number") setZoom({ first, length: rows.length, start: range.startIndex, end: range.endIndex });
              }}
              dataKey="t"
              height={BRUSH_HEIGHT}
              // Recharts fills the zoom handles in this colour, and ZoomHandleDates writes their
              // dates in it: it must hold 3:1 as a control and 4.5:1 as text.
              stroke="var(--text-faint)"
              travellerWidth={TRAVELLER_WIDTH}
              tickFormatter={NO_BRUSH_TEXT}
              // Recharts names both handles alike (from the raw epoch ms unless told): useZoomHandleLabels
              // names each; this is what shows until it has.
              ariaLabel={zoomLabels.start.name}
            >
              <ComposedChart data={rows}>
                <Line dataKey="history" stroke="var(--series-1)" strokeWidth={1} dot={false} isAnimationActive={false} />
                <Line dataKey="forecast" stroke={FORECAST} strokeWidth={1} dot={false} isAnimationActive={false} />
              </ComposedChart>
            </Brush>
            {/* After the brush: SVG paints in document order, and a date turned inwards lies over it. */}
            <ZoomHandleDates count={rows.length} start={start} end={end} startText={zoomLabels.start.value} endText={zoomLabels.end.value} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
