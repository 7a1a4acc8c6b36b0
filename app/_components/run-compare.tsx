"use client";

import { useMemo, useState } from "react";
import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, YAxis } from "recharts";
import { BAND_KEY_OPACITY } from "@/lib/chart/band-style";
import { COMPARE_DRAW_ORDER, COMPARE_STROKES } from "@/lib/chart/compare-strokes";
import { formatEstimate, formatTimeLabel, formatValue, type TimeLabelKind } from "@/lib/chart/format-time-label";
import { toCompareRows, type CompareRow } from "@/lib/chart/to-compare-rows";
import { toRowsValueAxis } from "@/lib/chart/to-value-axis";
import type { HistoryPoints } from "@/lib/chart/to-forecast-rows";
import { METHOD_LABELS } from "@/lib/forecast/types";
import type { RunDto } from "@/lib/series/run-schema";
import { ChartLegend, HORIZONTAL_GRID, TimeXAxis, valueAxisProps } from "./chart-parts";

export interface RunCompareProps {
  a: RunDto;
  b: RunDto;
  history: Record<string, HistoryPoints>;
  /** Each series' time label style, by series id (series of one dataset may differ). */
  frequencies: Record<string, TimeLabelKind>;
  labels: [string, string];
  /** Each series' unit, by series id, for the value axis and the tooltip (as on the forecast chart). */
  units?: Record<string, string | null>;
}

const COLOR = { a: "var(--forecast)", b: "var(--series-4)" } as const;
const VALUE_KEYS = ["history", "a", "b", "a80", "b80"] as const;

/** Two runs on one chart (recommended forecasts with 80% bands) and their scores side by side. */
export function RunCompare({ a, b, history, frequencies, labels, units = {} }: RunCompareProps) {
  const shared = useMemo(() => a.series.filter((s) => b.series.some((x) => x.seriesId === s.seriesId)), [a, b]);
  const [seriesId, setSeriesId] = useState(shared[0]?.seriesId ?? "");
  const sa = shared.find((s) => s.seriesId === seriesId) ?? shared[0];
  const sb = b.series.find((s) => s.seriesId === sa?.seriesId);
  const rows = useMemo(() => (sa && sb ? toCompareRows(history[sa.seriesId] ?? { t: [], y: [] }, sa, sb) : []), [history, sa, sb]);
  const axis = useMemo(() => toRowsValueAxis(rows, VALUE_KEYS), [rows]);
  if (!sa || !sb) {
    return <p className="alert alert-info">These two runs forecast different series; pick two runs of the same series to compare them.</p>;
  }
  const frequency = frequencies[sa.seriesId] ?? "index";
  const unit = units[sa.seriesId];
  const first = rows[0]?.t ?? 0;
  const last = rows.at(-1)?.t ?? first;
  const score = (run: RunDto, s: typeof sa) => {
    const m = s.metrics[s.chosen];
    return `${METHOD_LABELS[s.chosen]} · MASE ${m?.mase?.toFixed(3) ?? "—"} · 95% coverage ${m?.coverage95 === null || m?.coverage95 === undefined ? "—" : `${Math.round(m.coverage95 * 100)}%`} · seed ${run.seed}`;
  };
  return (
    <div className="compare" data-testid="run-compare" data-value-ticks={axis?.ticks.join(" ")}>
      <div className="compare-head">
        {shared.length > 1 && (
          <label className="inline-field">
            Series
            <select value={sa.seriesId} onChange={(e) => setSeriesId(e.target.value)}>
              {shared.map((s) => (
                <option key={s.seriesId} value={s.seriesId}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <ChartLegend
          items={[
            { label: "History", kind: "line", color: "var(--series-1)" },
            { label: `${labels[0]}: ${score(a, sa)}`, kind: "line", color: COLOR.a, stroke: COMPARE_STROKES.a },
            { label: `${labels[1]}: ${score(b, sb)}`, kind: "dashed", color: COLOR.b, stroke: COMPARE_STROKES.b },
            // The key in both runs' colours, as the chart shades each run's band in its own.
            { label: "Shaded: each run's 80% interval", kind: "band", color: `linear-gradient(90deg, ${COLOR.a} 50%, ${COLOR.b} 50%)`, opacity: BAND_KEY_OPACITY.band80 },
          ]}
        />
      </div>
      <div className="chart-frame">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={rows} margin={{ top: 8, right: 20, bottom: 4, left: 8 }} aria-label="Two runs' forecasts on one chart. Arrow keys move through the points.">
            <CartesianGrid {...HORIZONTAL_GRID} />
            <TimeXAxis frequency={frequency} from={first} to={last} />
            <YAxis {...valueAxisProps(unit, axis)} />
            <Tooltip
              labelFormatter={(v) => formatTimeLabel(Number(v), frequency)}
              // The history as the file has it, the runs' forecasts and bands as the forecast chart's
              // tooltip writes them ("32,741", not a model's "32,740.8498"), each with the unit.
              formatter={(value, name, item) => {
                const format = item.dataKey === "history" ? formatValue : formatEstimate;
                const text = Array.isArray(value) ? value.map((v) => format(Number(v))).join(" – ") : format(Number(value));
                return [unit ? `${text} ${unit}` : text, name];
              }}
              separator=": "
              contentStyle={{ fontSize: 12.5, borderRadius: 6, borderColor: "var(--border)" }}
            />
            {/* A row at one run's time has no value of the other's: each run joins its own points (connectNulls). */}
            <Area dataKey={(r: CompareRow) => r.a80} name={`${labels[0]} 80%`} stroke="none" fill={COLOR.a} fillOpacity={0.18} isAnimationActive={false} activeDot={false} connectNulls />
            <Area dataKey={(r: CompareRow) => r.b80} name={`${labels[1]} 80%`} stroke="none" fill={COLOR.b} fillOpacity={0.18} isAnimationActive={false} activeDot={false} connectNulls />
            <Line dataKey="history" name="History" stroke="var(--series-1)" strokeWidth={1.5} dot={false} isAnimationActive={false} />
            {COMPARE_DRAW_ORDER.map((run) => (
              <Line
                key={run}
                dataKey={run}
                name={labels[run === "a" ? 0 : 1]}
                stroke={COLOR[run]}
                strokeWidth={COMPARE_STROKES[run].width}
                strokeDasharray={COMPARE_STROKES[run].dash}
                dot={false}
                isAnimationActive={false}
                connectNulls
              />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
