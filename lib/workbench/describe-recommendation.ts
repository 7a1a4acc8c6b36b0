import { METHOD_MENU_LABELS, METHOD_NAMES, type MethodName } from "../forecast/types";

/** The recommendation as the run view writes it: a lead sentence, then the reason's sentences. */
export interface RecommendationText {
  /** Which forecast, and its backtest MASE beside the nearest other method's. */
  lead: string;
  /** The stored reason, a sentence an item, all but a sentence the lead says in full. */
  details: string[];
}

const fmt = (v: number) => v.toFixed(3);

/** The reason's sentence when the LSTM scored best (run-forecast's `choose`), which the lead says in full. */
const RESTATED = /^The LSTM had the best backtest MASE \([\d.]+; next best .+ [\d.]+\)\.$/;

/**
 * The stored reason in sentences: a sentence ends at a full stop followed by a space and a capital,
 * digit or quote (`0.905` and `e.g. the` stay whole).
 */
export function splitSentences(text: string): string[] {
  return text
    .trim()
    .split(/(?<=\.)\s+(?=[A-Z0-9"“])/)
    .filter((s) => s.length > 0);
}

/** How far `a` lies from `b`, as a share of `b`: `11%`, or `under 1%` where rounding would say 0. */
function percentApart(a: number, b: number): string {
  const share = (100 * Math.abs(a - b)) / b;
  return share < 0.5 ? "under 1%" : `${Math.round(share)}%`;
}

/**
 * The recommendation of a run's series, led by one short sentence. The reason alone ran to about
 * eight lines at 1024 px ("Holt-Winters, damped trend scored better in the backtest (MASE …), but
 * the backtest's network learns from less …"), the forecast it names buried in its middle.
 * @param series the run's series: the method recommended, the stored reason and the backtest scores
 * @returns a lead naming the forecast and how far its backtest MASE lies from the best other method's, and
 *   the reason's sentences; the reason's first sentence leads when there are no two scores to set side by side
 */
export function describeRecommendation(series: {
  chosen: MethodName;
  chosenReason: string;
  metrics: Partial<Record<MethodName, { mase: number | null }>>;
}): RecommendationText {
  const sentences = splitSentences(series.chosenReason);
  const mase = (method: MethodName) => {
    const v = series.metrics[method]?.mase;
    return typeof v === "number" && Number.isFinite(v) && v > 0 ? v : null;
  };
  const own = mase(series.chosen);
  // The best of the other methods: the next best when this one leads, else the one it trails.
  let other: { method: MethodName; mase: number } | null = null;
  for (const method of METHOD_NAMES) {
    const v = mase(method);
    if (method !== series.chosen && v !== null && (other === null || v < other.mase)) other = { method, mase: v };
  }
  if (own === null || other === null) {
    const [lead = "", ...details] = sentences;
    return { lead, details };
  }
  const name = METHOD_MENU_LABELS[series.chosen];
  const otherName = METHOD_MENU_LABELS[other.method];
  const lead =
    fmt(own) === fmt(other.mase)
      ? `${name}: backtest MASE ${fmt(own)}, the same as ${otherName}.`
      : own < other.mase
        ? `${name}: backtest MASE ${fmt(own)}, ${percentApart(own, other.mase)} below the next best, ${otherName} at ${fmt(other.mase)}.`
        : `${name}: backtest MASE ${fmt(own)}, ${percentApart(own, other.mase)} above the best, ${otherName} at ${fmt(other.mase)}.`;
  // The LSTM's own best score, restated whole by the lead (its MASE, the next best and theirs), is
  // not written twice.
  return { lead, details: sentences.filter((sentence) => !RESTATED.test(sentence)) };
}
