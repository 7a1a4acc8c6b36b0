import { logTicks, niceTicks } from "./nice-ticks";
import { toLossExtent, type LossRow } from "./to-loss-rows";

/** The curves of a loss chart, by row key. */
const LOSS_KEYS = ["backtestLoss", "backtestValLoss", "finalLoss"] as const;
export type LossKey = (typeof LOSS_KEYS)[number];

export interface LossPaths {
  /** SVG path data per curve ("" when the curve has no point). */
  paths: Record<LossKey, string>;
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  /** The plot area inside the SVG (px of the viewBox). */
  plot: { left: number; top: number; right: number; bottom: number };
}

/** The curves with at least one point: a legend lists only these (a run without validation data has no validation curve). */
export function toDrawnLossKeys(rows: readonly LossRow[]): LossKey[] {
  return LOSS_KEYS.filter((key) => rows.some((row) => typeof row[key] === "number"));
}

/** A loss axis tick: three decimals at most, trailing zeros dropped (0.125, 0.2), tiny values in e-notation. */
export const formatLossTick = (v: number) => (Math.abs(v) >= 0.01 || v === 0 ? Number(v.toFixed(3)).toString() : v.toExponential(0));

/**
 * Loss curves as SVG paths in a `width × height` viewBox: a live chart that costs a few hundred
 * microseconds per redraw, so a page stays responsive while a model trains.
 * @param logScale log10 y axis (rows should hold only positive values, see toLossRows)
 */
export function toLossPaths(rows: LossRow[], width: number, height: number, logScale = false): LossPaths {
  // Room on the left for the tick labels and the rotated axis name.
  const plot = { left: 64, top: 8, right: width - 12, bottom: height - 24 };
  const empty: LossPaths = { paths: { backtestLoss: "", backtestValLoss: "", finalLoss: "" }, xTicks: [], yTicks: [], plot };
  const extent = toLossExtent(rows);
  if (!extent) return empty;
  const lastEpoch = Math.max(2, rows.at(-1)?.epoch ?? 1);
  const yTickValues = logScale ? logTicks(extent[0], extent[1]) : niceTicks(extent[0], extent[1], 4);
  const lo = Math.min(extent[0], yTickValues[0] ?? extent[0]);
  const hi = Math.max(extent[1], yTickValues.at(-1) ?? extent[1]);
  const f = logScale ? Math.log10 : (v: number) => v;
  const span = f(hi) - f(lo) || 1;
  const x = (epoch: number) => plot.left + ((epoch - 1) / (lastEpoch - 1)) * (plot.right - plot.left);
  const y = (v: number) => plot.bottom - ((f(v) - f(lo)) / span) * (plot.bottom - plot.top);
  const paths = { ...empty.paths };
  for (const key of LOSS_KEYS) {
    let d = "";
    let pen = "M";
    for (const row of rows) {
      const v = row[key];
      if (typeof v !== "number" || (logScale && v <= 0)) {
        pen = "M";
        continue;
      }
      d += `${pen}${x(row.epoch).toFixed(1)},${y(v).toFixed(1)}`;
      pen = "L";
    }
    paths[key] = d;
  }
  return {
    paths,
    plot,
    xTicks: niceTicks(1, lastEpoch, 6)
      .filter((t) => t >= 1 && t <= lastEpoch && Number.isInteger(t))
      .map((t) => ({ x: x(t), label: String(t) })),
    yTicks: yTickValues.filter((t) => t >= lo && t <= hi).map((t) => ({ y: y(t), label: formatLossTick(t) })),
  };
}
