"use client";

import { memo, useMemo, useState } from "react";
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatValue } from "@/lib/chart/format-time-label";
import { logTicks } from "@/lib/chart/nice-ticks";
import { toValueAxis } from "@/lib/chart/to-value-axis";
import { formatLossTick, toDrawnLossKeys, toEpochTicks } from "@/lib/chart/to-loss-paths";
import { toBestEpoch, toLossExtent, toLossModelLabel, toLossModels, toLossRows, toSeriesLossModel } from "@/lib/chart/to-loss-rows";
import type { StoredTrainingHistory } from "@/lib/series/run-schema";
import { ChartLegend, HORIZONTAL_GRID, LogScaleCheck, LOSS_CURVES, MarkerLabel } from "./chart-parts";

export interface LossChartProps {
  histories: StoredTrainingHistory[];
  /** Loss function name, for the axis label. */
  loss?: string;
  /** The series the run view shows: with a network per series, the chart opens on its network. */
  series?: string;
}

const MARGIN = { top: 8, right: 16, bottom: 4, left: 8 };
/** px of the value axis' labels. */
const Y_AXIS_WIDTH = 56;
/** px of the chart's width outside the plot, left and right. */
const PLOT_INSET = MARGIN.left + MARGIN.right + Y_AXIS_WIDTH;

/** "Training loss": train and validation loss per epoch, live while training; optional log scale. */
export const LossChart = memo(function LossChart({ histories, loss = "loss", series }: LossChartProps) {
  const [logScale, setLogScale] = useState(false);
  const models = useMemo(() => toLossModels(histories), [histories]);
  // A network picked in the menu holds until another series is shown.
  const [picked, setPicked] = useState<{ model: number; series?: string } | null>(null);
  const model = picked && picked.series === series && models.includes(picked.model) ? picked.model : toSeriesLossModel(histories, series);
  const rows = useMemo(() => toLossRows(histories, model, logScale), [histories, model, logScale]);
  const best = toBestEpoch(histories, model);
  // Only the curves this network has: a run without validation data drew two, the legend named three.
  const curves = useMemo(() => {
    const drawn = new Set(toDrawnLossKeys(rows));
    return LOSS_CURVES.filter((c) => drawn.has(c.key));
  }, [rows]);
  // The container's width, as Recharts reports it, decides whether the last epoch's tick has room.
  const [width, setWidth] = useState(0);
  // Explicit ticks drawn without overlap checks: Recharts then measures no label text, which would
  // force a layout of the whole page on every live update.
  const { xMax, xTicks, yTicks } = useMemo(() => {
    const extent = toLossExtent(rows);
    const xMax = Math.max(2, rows.at(-1)?.epoch ?? 1);
    return {
      xMax,
      xTicks: toEpochTicks(xMax, width - PLOT_INSET),
      yTicks: extent ? (logScale ? logTicks(extent[0], extent[1]) : (toValueAxis(extent[0], extent[1], 4)?.ticks ?? [])) : [],
    };
  }, [rows, logScale, width]);
  return (
    <figure className="chart-figure" data-testid="loss-chart" data-epoch-count={rows.length} aria-label={`Training loss, ${rows.length} epochs`}>
      <figcaption className="chart-toolbar">
        <h3>Training loss</h3>
        <div className="toolbar-controls">
          {models.length > 1 && (
            <label className="inline-field">
              Model
              <select value={model} onChange={(e) => setPicked({ model: Number(e.target.value), series })}>
                {models.map((m) => (
                  <option key={m} value={m}>
                    {toLossModelLabel(histories, m, models.length)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <LogScaleCheck shown={rows.length > 0} checked={logScale} onChange={setLogScale} />
        </div>
      </figcaption>
      <ChartLegend items={curves} />
      {rows.length === 0 ? (
        <div className="chart-empty small">The loss appears here after the first epoch.</div>
      ) : (
        <div className="chart-frame chart-frame-small">
          <ResponsiveContainer width="100%" height="100%" onResize={setWidth}>
            <LineChart data={rows} margin={MARGIN} aria-label="Training and validation loss by epoch. Arrow keys move through the epochs.">
              <CartesianGrid {...HORIZONTAL_GRID} />
              <XAxis
                dataKey="epoch"
                type="number"
                domain={[1, xMax]}
                ticks={xTicks}
                interval={0}
                allowDecimals={false}
                tick={{ fontSize: 12, fill: "var(--text-muted)" }}
                stroke="var(--border-strong)"
                label={{ value: "epoch", position: "insideBottomRight", offset: -2, style: { fontSize: 11, fill: "var(--text-faint)" } }}
              />
              <YAxis
                scale={logScale ? "log" : "linear"}
                domain={yTicks.length ? [yTicks[0] as number, yTicks.at(-1) as number] : ["auto", "auto"]}
                ticks={yTicks}
                interval={0}
                tickFormatter={formatLossTick}
                tick={{ fontSize: 12, fill: "var(--text-muted)" }}
                stroke="var(--border-strong)"
                width={Y_AXIS_WIDTH}
                label={{ value: `${loss} (normalised)`, angle: -90, position: "insideLeft", style: { fontSize: 11, fill: "var(--text-faint)" } }}
              />
              <Tooltip
                formatter={(value) => (typeof value === "number" ? formatValue(value) : "—")}
                labelFormatter={(label) => `Epoch ${String(label)}`}
                contentStyle={{ fontSize: 12.5, borderRadius: 6, borderColor: "var(--border)" }}
              />
              {best !== null && <ReferenceLine x={best} stroke="var(--text-faint)" strokeDasharray="4 3" label={<MarkerLabel text="best" fill="var(--text-faint)" />} />}
              {curves.map((c) => (
                <Line
                  key={c.key}
                  type="linear"
                  dataKey={c.key}
                  name={c.label}
                  stroke={c.color}
                  strokeWidth={1.6}
                  strokeDasharray={c.kind === "dashed" ? "5 3" : undefined}
                  dot={false}
                  isAnimationActive={false}
                  connectNulls
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
});
