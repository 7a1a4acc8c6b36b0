import type { StoredTrainingHistory } from "../series/run-schema";

/** One epoch of the loss chart; a key is absent where that curve has no point. */
export interface LossRow {
  epoch: number;
  backtestLoss?: number | null;
  backtestValLoss?: number | null;
  finalLoss?: number | null;
}

/**
 * The loss chart's rows for one network: the backtest model's training and validation loss and
 * the final model's training loss, per epoch.
 * @param model 1-based network index
 * @param logScale drop values that a log axis cannot show (zero, negative)
 */
export function toLossRows(histories: StoredTrainingHistory[], model = 1, logScale = false): LossRow[] {
  const rows = new Map<number, LossRow>();
  const keep = (v: number | null | undefined) => (typeof v === "number" && (!logScale || v > 0) ? v : null);
  for (const h of histories) {
    if (h.model !== model) continue;
    for (const e of h.epochs) {
      const row = rows.get(e.epoch) ?? { epoch: e.epoch };
      if (h.stage === "backtest") {
        row.backtestLoss = keep(e.loss);
        if (e.valLoss !== undefined) row.backtestValLoss = keep(e.valLoss);
      } else {
        row.finalLoss = keep(e.loss);
      }
      rows.set(e.epoch, row);
    }
  }
  return [...rows.values()].sort((a, b) => a.epoch - b.epoch);
}

/** Networks (1-based) that have a loss curve. */
export function toLossModels(histories: StoredTrainingHistory[]): number[] {
  return [...new Set(histories.map((h) => h.model))].sort((a, b) => a - b);
}

/** Best epoch of the backtest network (the weights kept), or null. */
export function toBestEpoch(histories: StoredTrainingHistory[], model = 1): number | null {
  const h = histories.find((x) => x.model === model && x.stage === "backtest");
  return h && h.bestEpoch > 0 ? h.bestEpoch : null;
}

/** Smallest and largest loss drawn, or null when there is none. */
export function toLossExtent(rows: LossRow[]): [number, number] | null {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const row of rows) {
    for (const v of [row.backtestLoss, row.backtestValLoss, row.finalLoss]) {
      if (typeof v === "number") {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  }
  return lo <= hi ? [lo, hi] : null;
}
