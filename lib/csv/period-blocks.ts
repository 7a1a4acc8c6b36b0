import { detectTimeFormat, type DetectedTimeFormat, type DetectTimeOptions } from "../time/detect-time-format";
import { inferFrequency } from "../time/frequency";
import { makeTimeParser, type TimeFormat } from "../time/time-format";

/** A block of rows at a coarser period than the one read: left out, each row that reads in its format where the block stands. */
export interface CoarserBlock {
  format: TimeFormat;
  /** Its frequency's label: `yearly`, `quarterly`. */
  label: string;
  /** Its place among the blocks, in file order (0 first). */
  at: number;
}

/** The finest block's format, the label of its frequency, and the coarser blocks, both in file order. */
export interface PeriodBlocks {
  time: DetectedTimeFormat;
  label: string;
  coarser: CoarserBlock[];
  /** Every block's label in file order: `yearly`, `quarterly`, `monthly`. */
  labels: string[];
  /** The finest block's place among the blocks. */
  at: number;
  /** The periods' rows are mixed (each year's total before its months), not in blocks. */
  interleaved: boolean;
}

/** Blocks read at most: years, quarters, months and weeks or days. */
const MAX_BLOCKS = 4;

/**
 * How a period writes every row: digits as one run, a word (a month's name) as another, and short
 * codes as they stand: `2010` → `9`, `2010 Q1` → `9 Q9`, `2010 JAN` → `9 a`, `2020MM01` → `9MM9`.
 */
function shapeOf(cell: string): string {
  return cell
    .trim()
    .replace(/\d+/g, "9")
    .replace(/\p{L}+/gu, (letters) => (letters.length > 2 ? "a" : letters.toUpperCase()));
}

/** A frequency's step in milliseconds, calendar months at their mean length: only compared. */
function stepMs(step: ReturnType<typeof inferFrequency>["step"]): number {
  if (step.unit === "month") return step.months * 30.44 * 86_400_000;
  return step.unit === "ms" ? step.ms : Number.NaN;
}

/**
 * A time column that gives one series at several periods: an ONS download lists the years
 * (`2010`), then the quarters (`2010 Q1`), then the months (`2010 JAN`), a block after another;
 * Statistics Netherlands' codes put each year's total before its months (`2020JJ00`, `2020MM01`,
 * …). Read as one column it had no format at all. Each period writes every row alike and reads as
 * times of one regular frequency; the frequencies differ.
 * @param cells the column's filled cells, in file order
 * @returns the finest period's format and the coarser ones, or null when the cells are not such periods
 */
export function detectPeriodBlocks(cells: string[], options: DetectTimeOptions): PeriodBlocks | null {
  const groups = new Map<string, string[]>();
  let shape = "";
  let interleaved = false;
  for (const cell of cells) {
    const next = shapeOf(cell);
    const group = groups.get(next);
    if (group) {
      // A shape seen before, after another: the periods are mixed rather than in blocks.
      if (next !== shape) interleaved = true;
      group.push(cell);
    } else {
      if (groups.size === MAX_BLOCKS) return null;
      groups.set(next, [cell]);
    }
    shape = next;
  }
  const runs = [...groups.values()];
  if (runs.length < 2 || runs.some((run) => run.length < 2)) return null;
  const blocks: (CoarserBlock & { time: DetectedTimeFormat; step: number })[] = [];
  for (const run of runs) {
    const time = detectTimeFormat(run, options);
    if (!time) return null;
    const parse = makeTimeParser(time.format);
    const times = run.map((cell, i) => parse(cell, i));
    if (times.some((t, i) => !Number.isFinite(t) || (i > 0 && t <= (times[i - 1] as number)))) return null;
    const frequency = inferFrequency(times);
    const step = stepMs(frequency.step);
    if (frequency.kind === "irregular" || !(step > 0) || blocks.some((b) => b.step === step)) return null;
    // Mixed periods have no places: a row of any of them may come anywhere.
    blocks.push({ time, format: time.format, label: frequency.label, step, at: interleaved ? 0 : blocks.length });
  }
  const finest = blocks.reduce((a, b) => (b.step < a.step ? b : a));
  return {
    time: finest.time,
    label: finest.label,
    coarser: blocks.filter((b) => b !== finest).map(({ format, label, at }) => ({ format, label, at })),
    labels: blocks.map((b) => b.label),
    at: finest.at,
    interleaved,
  };
}
