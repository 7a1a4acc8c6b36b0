import { useMemo } from "react";
import { DefaultZIndexes, Text, useChartWidth, usePlotArea, XAxis, ZIndexLayer, type XAxisTickContentProps } from "recharts";
import { formatAxisValue, formatTimeTick, type TimeLabelKind } from "@/lib/chart/format-time-label";
import { axisTicksForWidth, clampLabelX } from "@/lib/chart/time-ticks";
import type { LineStroke } from "@/lib/chart/compare-strokes";
import type { LossKey } from "@/lib/chart/to-loss-paths";
import { toMarkerLabel } from "@/lib/chart/to-marker-label";
import type { ValueAxis } from "@/lib/chart/to-value-axis";

const TICK = { fontSize: 12, fill: "var(--text-muted)" };
/** Axis length assumed before the chart has measured its container (px). */
const UNMEASURED_WIDTH = 990;

/**
 * Props of a grid of horizontal lines only (spread into `<CartesianGrid>`). Recharts computes the
 * vertical lines' positions even when they are hidden, from the X axis's ticks with its label-overlap
 * check; on a chart's first render, before its axes register, that is one measured label per data
 * point (0.1–0.4 s of forced layouts). The generator says there are none.
 */
export const HORIZONTAL_GRID = {
  stroke: "var(--border)",
  strokeDasharray: "3 3",
  vertical: false,
  verticalCoordinatesGenerator: () => [],
};

export interface TimeXAxisProps {
  /** The series' frequency, or its label style (financial years, month names in its language). */
  frequency: TimeLabelKind;
  /** The time range shown, epoch ms (the whole data, or the brush's window). */
  from: number;
  to: number;
}

/**
 * A real-date X axis over epoch-ms `t`, for use inside a Recharts chart: ticks on calendar
 * boundaries, as many as their labels (estimated, not measured) leave room for, every one drawn:
 * Recharts' own overlap check (`minTickGap`) measures each new label in a DOM span, forcing a
 * layout of the page each time.
 */
export function TimeXAxis({ frequency, from, to }: TimeXAxisProps) {
  const width = useChartWidth();
  const plot = usePlotArea();
  const plotX = plot?.x;
  const plotWidth = plot?.width;
  const ticks = useMemo(
    () =>
      plotX !== undefined && plotWidth && width
        ? axisTicksForWidth(from, to, plotWidth, frequency, { left: plotX, chartWidth: width })
        : axisTicksForWidth(from, to, UNMEASURED_WIDTH, frequency),
    [frequency, from, to, width, plotX, plotWidth],
  );
  return (
    <XAxis
      dataKey="t"
      type="number"
      scale="time"
      domain={["dataMin", "dataMax"]}
      ticks={ticks}
      interval={0}
      // Recharts' own tick, with the first and last labels kept whole inside the chart.
      tick={(props: XAxisTickContentProps) => {
        const label = formatTimeTick(Number(props.payload.value), frequency, to - from);
        return (
          <Text {...props} {...TICK} x={width ? clampLabelX(Number(props.x), label, width) : props.x}>
            {label}
          </Text>
        );
      }}
      stroke="var(--border-strong)"
    />
  );
}

/**
 * Props of a value Y axis (spread into Recharts' `<YAxis>`), labelled with the unit when there is
 * one. Given an axis from toValueAxis, its round ticks and domain; else Recharts' own (which
 * divides the data's range into five: 8.5K, 17K, 25.5K).
 */
export function valueAxisProps(unit?: string | null, axis?: ValueAxis | null) {
  const step = axis && axis.ticks.length > 1 ? (axis.ticks[1] as number) - (axis.ticks[0] as number) : undefined;
  return {
    tickFormatter: (value: number) => formatAxisValue(value, step),
    tick: TICK,
    stroke: "var(--border-strong)",
    width: 64,
    domain: axis ? axis.domain : (["auto", "auto"] as [string, string]),
    ticks: axis?.ticks,
    // A handful of value ticks never crowd a chart's height: skip Recharts' label measuring (see TimeXAxis).
    interval: 0,
    label: unit ? { value: unit, angle: -90, position: "insideLeft" as const, style: { fontSize: 12, fill: "var(--text-muted)" } } : undefined,
  };
}

export interface MarkerLabelProps {
  text: string;
  /** Fewer words, for a plot too narrow for `text` on either side of the line. */
  shortText?: string;
  fill: string;
  /** Set by Recharts: the line's position (a vertical line's x, the plot's top). */
  viewBox?: { x?: number; y?: number };
}

/**
 * The label of a vertical `<ReferenceLine>` (given as its `label` element), placed by toMarkerLabel
 * inside the plot. Recharts' own `insideTopRight` wrote "best" over the value ticks when the best
 * epoch was the first.
 */
export function MarkerLabel({ text, shortText, fill, viewBox }: MarkerLabelProps) {
  const plot = usePlotArea();
  if (!plot || typeof viewBox?.x !== "number" || typeof viewBox.y !== "number") return null;
  const place = toMarkerLabel(viewBox.x, { left: plot.x, right: plot.x + plot.width }, text, shortText);
  // Above the curves, ringed in the card's colour: a loss curve running flat along the top struck
  // "best" through, and the history's last peak can pass behind "Forecast from …".
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.label}>
      <text x={place.x} y={viewBox.y + 15} textAnchor={place.textAnchor} fontSize={11} fill={fill} className="chart-halo">
        {place.text}
      </text>
    </ZIndexLayer>
  );
}

/** The loss charts' curves (live and saved), in legend order. */
export const LOSS_CURVES: (LegendItem & { key: LossKey })[] = [
  { key: "backtestLoss", label: "Backtest model: train", kind: "line", color: "var(--series-1)" },
  { key: "backtestValLoss", label: "Backtest model: validation", kind: "line", color: "var(--series-2)" },
  { key: "finalLoss", label: "Final model: train", kind: "dashed", color: "var(--series-3)" },
];

/**
 * The loss chart's log-scale switch, offered only once there is a loss to scale (before the first
 * epoch it was a control that changed nothing).
 */
export function LogScaleCheck({ shown, checked, onChange }: { shown: boolean; checked: boolean; onChange: (checked: boolean) => void }) {
  if (!shown) return null;
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      Log scale
    </label>
  );
}

export interface LegendItem {
  label: string;
  /** line, dashed line, a filled band or a ring (single marked points) */
  kind: "line" | "dashed" | "band" | "ring";
  /** A CSS colour; a band's key may take any CSS background (a gradient for two runs' bands). */
  color: string;
  /** Opacity of a band's key. */
  opacity?: number;
  /** A line's own width and dashes, drawn as they are on the chart (a CSS border has neither). */
  stroke?: LineStroke;
}

/** A chart legend as a plain list (read by screen readers, never measured by the chart). */
export function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="chart-legend" aria-label="Legend">
      {items.map((item) => (
        <li key={item.label}>
          {/* One line high, so the key sits by a wrapped label's first line rather than between its lines. */}
          <span className="legend-swatch" data-testid="legend-swatch" aria-hidden="true">
            {item.stroke ? (
              <svg width={16} height={8} data-testid="legend-stroke">
                <line x1={0} y1={4} x2={16} y2={4} stroke={item.color} strokeWidth={item.stroke.width} strokeDasharray={item.stroke.dash} />
              </svg>
            ) : (
              <span className={`legend-key legend-${item.kind}`} style={{ color: item.color, background: item.kind === "band" ? item.color : undefined, opacity: item.opacity }} />
            )}
          </span>
          <span>{item.label}</span>
        </li>
      ))}
    </ul>
  );
}
