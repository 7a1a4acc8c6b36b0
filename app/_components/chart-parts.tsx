import { formatAxisValue, formatTimeTick } from "@/lib/chart/format-time-label";
import type { FrequencyKind } from "@/lib/time/frequency";

const TICK = { fontSize: 12, fill: "var(--text-muted)" };

/**
 * Props of a real-date X axis over epoch-ms `t` (spread into Recharts' `<XAxis>`).
 * @param span the time span shown, in ms (picks the label precision)
 */
export function timeAxisProps(frequency: FrequencyKind, span: number, ticks?: number[]) {
  return {
    dataKey: "t",
    type: "number" as const,
    scale: "time" as const,
    domain: ["dataMin", "dataMax"] as [string, string],
    ticks,
    tickFormatter: (v: number) => formatTimeTick(v, frequency, span),
    tick: TICK,
    stroke: "var(--border-strong)",
    minTickGap: 32,
  };
}

/** Props of a value Y axis (spread into Recharts' `<YAxis>`), labelled with the unit when there is one. */
export function valueAxisProps(unit?: string | null) {
  return {
    tickFormatter: formatAxisValue,
    tick: TICK,
    stroke: "var(--border-strong)",
    width: 64,
    domain: ["auto", "auto"] as [string, string],
    label: unit ? { value: unit, angle: -90, position: "insideLeft" as const, style: { fontSize: 12, fill: "var(--text-muted)" } } : undefined,
  };
}

export interface LegendItem {
  label: string;
  /** line, dashed line or a filled band */
  kind: "line" | "dashed" | "band";
  color: string;
}

/** A chart legend as a plain list (read by screen readers, never measured by the chart). */
export function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="chart-legend" aria-label="Legend">
      {items.map((item) => (
        <li key={item.label}>
          <span
            className={`legend-key legend-${item.kind}`}
            style={{ color: item.color, background: item.kind === "band" ? item.color : undefined }}
            aria-hidden="true"
          />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
