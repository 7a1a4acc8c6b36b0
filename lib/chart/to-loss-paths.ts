import { logTicks } from "./nice-ticks";
import { toValueAxis } from "./to-value-axis";
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
 * px a digit of an axis label takes at 12 px: DejaVu Sans' 7.6, the widest of the fonts the page
 * names (Segoe UI, Roboto and Arial take 6.7), rounded up.
 */
const DIGIT_PX = 8;

/** Round steps between epoch ticks, smallest first: 1, 2, 5, 10, 20, 25, 50, 100, … */
function* epochSteps(): Generator<number> {
  for (let power = 1; ; power *= 10) for (const m of [1, 2, 2.5, 5]) if (Number.isInteger(m * power)) yield m * power;
}

/**
 * Ticks of an epoch axis: epoch 1, where training starts, then multiples of a round step (1, 2 or
 * 5 times a power of ten, or 25), and the last epoch, so the axis says how long training ran:
 * `1, 10, 20, 30, 40, 45`; `1, 3, 5, …, 11, 12` for a step of 2. No two labels are closer than the
 * wider one's width: the step grows until its labels have that room, and the last epoch takes the
 * place of a step's tick it would crowd, or that lies less than half a step before it (`15` and
 * `16` sat 8–17 px apart at the end of a 16-epoch run); it is left unlabelled only where even
 * epoch 1 crowds it.
 * @param lastEpoch the last epoch drawn (≥ 1)
 * @param plotWidth px from epoch 1 to the last epoch on the axis
 * @param target about how many ticks
 */
export function toEpochTicks(lastEpoch: number, plotWidth: number, target = 6): number[] {
  const last = Math.max(1, Math.floor(lastEpoch));
  if (last === 1) return [1];
  const pxPerEpoch = plotWidth / (last - 1);
  const width = (epoch: number) => String(epoch).length * DIGIT_PX;
  // Centres apart by half of each label plus a gap as wide as the wider one.
  const roomy = (a: number, b: number) => (b - a) * pxPerEpoch >= (width(a) + width(b)) / 2 + Math.max(width(a), width(b));
  let ticks = [1];
  let regularStep = last - 1;
  for (const step of epochSteps()) {
    if (step < (last - 1) / Math.max(1, target)) continue;
    if (step >= last - 1) break;
    // A step of 2 counts on from 1 (`1, 3, 5`): its multiples put `2` beside the `1`, half a step away.
    const regular = [1];
    for (let t = step === 2 ? 3 : step; t <= last; t += step) if (t > 1) regular.push(t);
    if (regular.every((t, i) => i === 0 || roomy(regular[i - 1] as number, t))) {
      ticks = regular;
      regularStep = step;
      break;
    }
  }
  if (ticks.at(-1) === last) return ticks;
  // Within half a step the two labels read as one crowded pair however wide the chart (`15 16`
  // under steps of 5). Epoch 1 stays: the axis must say where training starts.
  const crowds = (t: number) => 2 * (last - t) < regularStep || !roomy(t, last);
  while (ticks.length > 1 && crowds(ticks.at(-1) as number)) ticks.pop();
  if (roomy(ticks.at(-1) as number, last)) ticks.push(last);
  return ticks;
}

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
  // Ticks up to a labelled line above the highest loss: niceTicks' last may fall half a step below it.
  const yTickValues = logScale ? logTicks(extent[0], extent[1]) : (toValueAxis(extent[0], extent[1], 4)?.ticks ?? []);
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
    xTicks: toEpochTicks(lastEpoch, plot.right - plot.left).map((t) => ({ x: x(t), label: String(t) })),
    yTicks: yTickValues.filter((t) => t >= lo && t <= hi).map((t) => ({ y: y(t), label: formatLossTick(t) })),
  };
}
