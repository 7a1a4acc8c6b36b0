"use client";

import { useMemo } from "react";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatAxisValue, formatTimeLabel, formatTimeTick, formatValue } from "@/lib/chart/format-time-label";
import { timeTicks } from "@/lib/chart/time-ticks";
import type { FrequencyKind } from "@/lib/time/frequency";

export interface SeriesChartProps {
  name: string;
  unit?: string | null;
  frequency: FrequencyKind;
  /** Epoch ms, ascending. */
  t: number[];
  /** Values; null = missing. */
  y: (number | null)[];
  /** Points in the full series (t/y may be downsampled). */
  totalCount: number;
  color?: string;
}

interface Row {
  t: number;
  y: number | null;
}

/** One series as a line over a real time axis, with a tooltip showing the date and value. */
export function SeriesChart({ name, unit, frequency, t, y, totalCount, color = "var(--series-1)" }: SeriesChartProps) {
  const rows = useMemo<Row[]>(() => t.map((time, i) => ({ t: time, y: y[i] ?? null })), [t, y]);
  const first = t[0] ?? 0;
  const last = t[t.length - 1] ?? first;
  const span = last - first;
  const ticks = useMemo(() => (frequency === "index" ? undefined : timeTicks(first, last, 9)), [first, last, frequency]);
  return (
    <figure
      style={{ margin: 0 }}
      data-testid="series-chart"
      data-series-name={name}
      data-point-count={totalCount}
      aria-label={`${name}: ${totalCount} points`}
    >
      <div className="chart-frame">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={["dataMin", "dataMax"]}
              ticks={ticks}
              tickFormatter={(value: number) => formatTimeTick(value, frequency, span)}
              tick={{ fontSize: 12, fill: "var(--text-muted)" }}
              stroke="var(--border-strong)"
              minTickGap={32}
            />
            <YAxis
              tickFormatter={formatAxisValue}
              tick={{ fontSize: 12, fill: "var(--text-muted)" }}
              stroke="var(--border-strong)"
              width={64}
              domain={["auto", "auto"]}
              label={
                unit
                  ? { value: unit, angle: -90, position: "insideLeft", style: { fontSize: 12, fill: "var(--text-muted)" } }
                  : undefined
              }
            />
            <Tooltip
              content={({ active, payload, label }) => {
                if (!active || !payload?.length || typeof label !== "number") return null;
                const value = payload[0]?.value;
                return (
                  <div className="chart-tooltip" data-testid="chart-tooltip">
                    <div className="label">{formatTimeLabel(label, frequency, true)}</div>
                    <div className="row">
                      <span>{name}</span>
                      <strong>
                        {formatValue(typeof value === "number" ? value : null)}
                        {unit ? ` ${unit}` : ""}
                      </strong>
                    </div>
                  </div>
                );
              }}
            />
            <Line
              type="linear"
              dataKey="y"
              name={name}
              stroke={color}
              strokeWidth={1.6}
              dot={false}
              isAnimationActive={false}
              connectNulls={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
