"use client";

import { memo, useMemo, useRef, useState } from "react";
import { useElementWidth } from "@/app/_hooks/use-element-width";
import { toDrawnLossKeys, toLossPaths } from "@/lib/chart/to-loss-paths";
import { toLossModels, toLossRows } from "@/lib/chart/to-loss-rows";
import type { StoredTrainingHistory } from "@/lib/series/run-schema";
import { ChartLegend, LogScaleCheck, LOSS_CURVES } from "./chart-parts";

export interface LiveLossChartProps {
  histories: StoredTrainingHistory[];
  /** Loss function name, for the axis label (as on the saved run's chart). */
  loss?: string;
}

/** px; the width is the container's, measured (a fixed viewBox scaled its text with the card). */
const HEIGHT = 220;

/**
 * "Training loss" while a model trains: the same curves as the saved run's chart, drawn as plain
 * SVG paths so each redraw costs well under a millisecond and the page stays responsive (the
 * saved run shows them in the Recharts chart, with a tooltip).
 */
export const LiveLossChart = memo(function LiveLossChart({ histories, loss = "loss" }: LiveLossChartProps) {
  const [logScale, setLogScale] = useState(false);
  const model = toLossModels(histories).at(-1) ?? 1;
  const rows = useMemo(() => toLossRows(histories, model, logScale), [histories, model, logScale]);
  const frameRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(frameRef);
  const { paths, xTicks, yTicks, plot } = useMemo(() => toLossPaths(rows, width, HEIGHT, logScale), [rows, width, logScale]);
  const drawn = useMemo(() => new Set(toDrawnLossKeys(rows)), [rows]);
  const curves = LOSS_CURVES.filter((c) => drawn.has(c.key));
  const models = toLossModels(histories).length;
  return (
    <figure className="chart-figure" data-testid="loss-chart" data-epoch-count={rows.length} aria-label={`Training loss, ${rows.length} epochs`}>
      <figcaption className="chart-toolbar">
        <h3>
          Training loss{models > 1 ? <span className="muted"> · model {model} of {models}</span> : null}
        </h3>
        <LogScaleCheck shown={rows.length > 0} checked={logScale} onChange={setLogScale} />
      </figcaption>
      <ChartLegend items={curves} />
      <div ref={frameRef} className="live-loss-frame" data-testid="live-loss-frame">
        {rows.length === 0 || width === 0 ? (
          <div className="chart-empty live-loss-empty">The loss appears here after the first epoch.</div>
        ) : (
          <svg className="live-loss" width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-label={`Loss over ${rows.length} epochs`}>
            {yTicks.map((t) => (
              <g key={`y${t.label}`}>
                <line x1={plot.left} x2={plot.right} y1={t.y} y2={t.y} className="grid" />
                <text x={plot.left - 6} y={t.y} dy="0.32em" textAnchor="end">
                  {t.label}
                </text>
              </g>
            ))}
            {xTicks.map((t) => (
              <text key={`x${t.label}`} x={t.x} y={plot.bottom + 16} textAnchor="middle" className="epoch-tick">
                {t.label}
              </text>
            ))}
            <line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} className="axis" />
            <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} className="axis" />
            <text x={14} y={(plot.top + plot.bottom) / 2} transform={`rotate(-90 14 ${(plot.top + plot.bottom) / 2})`} textAnchor="middle" className="axis-name">
              {loss} (normalised)
            </text>
            {curves.map((c) => (
              <path key={c.key} d={paths[c.key]} fill="none" stroke={c.color} strokeWidth={1.6} strokeDasharray={c.kind === "dashed" ? "5 3" : undefined} />
            ))}
            {/* Inside the plot, where the falling curves end: drawn after them, ringed, so none strikes it through. */}
            <text x={plot.right} y={plot.bottom + 16} dx="-2" textAnchor="end" className="axis-name chart-halo" dy="-20">
              epoch
            </text>
          </svg>
        )}
      </div>
    </figure>
  );
});
