"use client";

import { useDeferredValue, useMemo } from "react";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, YAxis } from "recharts";
import { formatTimeLabel, formatValue, type TimeLabelKind } from "@/lib/chart/format-time-label";
import { toRowsValueAxis } from "@/lib/chart/to-value-axis";
import { HORIZONTAL_GRID, TimeXAxis, valueAxisProps } from "./chart-parts";

export interface SeriesChartProps {
  name: string;
  unit?: string | null;
  frequency: TimeLabelKind;
  /** Epoch ms, ascending. */
  t: number[];
  /** Values; null = missing. */
  y: (number | null)[];
  /** Points in the full series (t/y may be downsampled). */
  totalCount: number;
}

interface Row {
  t: number;
  y: number | null;
}

/** One series as a line over a real time axis, with a tooltip showing the date and value. */
export function SeriesChart({ name, unit, frequency, t, y, totalCount }: SeriesChartProps) {
  const rows = useMemo<Row[]>(() => t.map((time, i) => ({ t: time, y: y[i] ?? null })), [t, y]);
  const axis = useMemo(() => toRowsValueAxis(rows, ["y"]), [rows]);
  const first = t[0] ?? 0;
  const last = t[t.length - 1] ?? first;
  // Drawn in a later, interruptible render: hydrating the page (and the forecast chart above) comes first.
  const show = useDeferredValue(true, false);
  return (
    <figure
      style={{ margin: 0 }}
      data-testid="series-chart"
      data-series-name={name}
      data-point-count={totalCount}
      aria-label={`${name}: ${totalCount} points`}
    >
      <div className="chart-frame">
        {show && (
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} aria-label={`Chart of ${name}. Arrow keys move through the points.`}>
              <CartesianGrid {...HORIZONTAL_GRID} />
              <TimeXAxis frequency={frequency} from={first} to={last} />
              <YAxis {...valueAxisProps(unit, axis)} />
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
                // Every stored series in the history colour, as the forecast chart draws history:
                // cycling a palette drew every second series in the forecast's orange.
                stroke="var(--series-1)"
                strokeWidth={1.6}
                dot={false}
                isAnimationActive={false}
                connectNulls={false}
              />
            </LineChart>
          </ResponsiveContainer>
        )}
      </div>
    </figure>
  );
}
