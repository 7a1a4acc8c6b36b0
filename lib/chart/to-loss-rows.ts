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

/**
 * A network as the loss chart's Model menu names it: by its series when it learned one (a run with
 * a model per series: `Beer (2 of 8)`), else by its number (`2 of 3`). By number alone, finding the
 * loss of one product among the 60 networks of a wide file meant counting columns.
 * @param model 1-based network index
 * @param count how many networks the run trained
 */
export function toLossModelLabel(histories: StoredTrainingHistory[], model: number, count: number): string {
  const series = histories.find((h) => h.model === model)?.series ?? [];
  return series.length === 1 ? `${series[0]} (${model} of ${count})` : `${model} of ${count}`;
}

/**
 * The network the loss chart opens on: the one that learned `series` alone (a run with a model
 * per series, showing that series), else the last.
 */
export function toSeriesLossModel(histories: StoredTrainingHistory[], series?: string): number {
  const own = histories.find((h) => h.series.length === 1 && h.series[0] === series);
  return own?.model ?? toLossModels(histories).at(-1) ?? 1;
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
