/**
 * Numbers some loggers and archives write for a reading they do not have: UCI's Air Quality file
 * writes -200, NOAA's and many station archives -9999 or 9999, NOAA's daily summaries (GSOD) 9999.9
 * for a temperature, 999.9 for a wind speed and 99.99 for a precipitation. Read as values they dwarf the
 * series. A number is taken for such a mark only when all of this holds, so that a real value
 * (a recurring fee of -200, a meter's 0) is not:
 * - it is written as a code: a negative multiple of 100 from -200 (`-200`, `-9900`) or only nines
 *   (`-999`, `9999`), also with one decimal after three or more (`999.9`, `-9999.9`; not `99.9`,
 *   which a temperature in °F or a percentage reaches) or two after two or more (GSOD's `99.99`
 *   for inches of rain);
 * - in a column it repeats exactly (three times or more) and lies beyond every other value of it,
 *   of which there are eight or more;
 * - in at least one column it lies further from the nearest other value than the other values
 *   span (-200 under temperatures of −2 to 45 °C). The mark is then the file's: in the other columns
 *   where it also lies beyond every other value it is read as missing too (-200 below resistances of
 *   300–2,600 Ω), and a note names it. A mark with two decimals is read as missing only where it lies
 *   far beyond: 99.99 is also the top of a percentage (an uptime of 99.90–99.99, a humidity), which
 *   a file may hold beside GSOD's precipitation; and not where it is all that its series hold in a
 *   long file: 99.99 and 999.99 are also prices, one product's among others' of 9.99–32.99.
 */

/** How often a mark must repeat in a column, and how many other values that column needs. */
const MIN_REPEATS = 3;
const MIN_OTHERS = 8;

/** One value column's numbers (NaN = missing), in any order, with the file's row of each. */
export interface MarkColumn {
  name: string;
  /** The column's values, several arrays when a long file splits it by series; changed in place. */
  parts: { values: Float64Array; length: number; rows: Int32Array | Float64Array }[];
}

export interface MissingMark {
  mark: number;
  /** The columns it was read as missing in, with how many cells and the span of their other values. */
  columns: { name: string; count: number; min: number; max: number }[];
  /** The column it lies furthest beyond the other values in (the evidence), as in `columns`. */
  far: { name: string; count: number; min: number; max: number };
  /** The first rows it was read in, ascending. */
  rows: number[];
  /** How many rows it was read in. */
  rowCount: number;
}

function isCode(v: number): boolean {
  if (!Number.isInteger(v)) return /^-?(9{3,}\.9|9{2,}\.99)$/.test(String(v));
  // -100 is left out: a growth rate of -100% (a product dropped) repeats below the other rates.
  if (v <= -200 && v % 100 === 0) return true;
  return /^-?9{2,}$/.test(String(v));
}

/** A code a real value can also take (`99.99`, a percentage's top): read only where it lies far beyond the others. */
function isValueLike(mark: number): boolean {
  return /\.\d\d$/.test(String(mark));
}

/** Whether a candidate lies further from the column's other values than they span. */
function liesFar(c: { mark: number; min: number; max: number }): boolean {
  return Math.min(Math.abs(c.mark - c.min), Math.abs(c.mark - c.max)) > c.max - c.min;
}

/** The column's candidate mark: its least or greatest value, when a code beyond all others. */
function candidateOf(column: MarkColumn): { mark: number; count: number; min: number; max: number } | null {
  let lowest = Infinity;
  let highest = -Infinity;
  for (const part of column.parts) {
    for (let i = 0; i < part.length; i++) {
      const v = part.values[i] as number;
      if (v < lowest) lowest = v;
      if (v > highest) highest = v;
    }
  }
  for (const mark of [lowest, highest]) {
    if (!isCode(mark) || (mark > 0 && mark !== highest) || (mark < 0 && mark !== lowest)) continue;
    let count = 0;
    let others = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const part of column.parts) {
      for (let i = 0; i < part.length; i++) {
        const v = part.values[i] as number;
        if (v === mark) count++;
        else if (v === v) {
          others++;
          if (v < min) min = v;
          if (v > max) max = v;
        }
      }
    }
    if (count >= MIN_REPEATS && others >= MIN_OTHERS && !(isValueLike(mark) && isOwnLevel(column, mark))) return { mark, count, min, max };
  }
  return null;
}

/**
 * Whether every series holding the mark holds nothing else: a price (99.99, 999.99), the level of
 * its own series in a long file, where a station's missing reading lies among its other readings.
 */
function isOwnLevel(column: MarkColumn, mark: number): boolean {
  if (column.parts.length < 2) return false;
  return column.parts.every((part) => {
    let holds = false;
    let other = false;
    for (let i = 0; i < part.length; i++) {
      const v = part.values[i] as number;
      if (v === mark) holds = true;
      else if (v === v) other = true;
    }
    return !(holds && other);
  });
}

/**
 * Finds the file's missing-value mark, if it has one (see above), and reads it as missing (NaN) in
 * place in every column where it lies beyond the other values.
 * @param onRead called with each cell read as missing (the column's index in `columns`, the row)
 * @returns the mark, where it was read, or null when the file has none
 */
export function readMissingMark(columns: MarkColumn[], rowLimit: number, onRead?: (column: number, row: number) => void): MissingMark | null {
  const candidates = columns.map(candidateOf);
  const k = candidates.findIndex((c) => c !== null && liesFar(c));
  const far = candidates[k];
  if (!far) return null;
  const mark = far.mark;
  const found: MissingMark = { mark, columns: [], far: { name: (columns[k] as MarkColumn).name, count: far.count, min: far.min, max: far.max }, rows: [], rowCount: 0 };
  const rows = new Set<number>();
  columns.forEach((column, k) => {
    const candidate = candidates[k];
    if (candidate?.mark !== mark || (isValueLike(mark) && !liesFar(candidate))) return;
    found.columns.push({ name: column.name, count: candidate.count, min: candidate.min, max: candidate.max });
    for (const part of column.parts) {
      for (let i = 0; i < part.length; i++) {
        if (part.values[i] !== mark) continue;
        part.values[i] = NaN;
        rows.add(part.rows[i] as number);
        onRead?.(k, part.rows[i] as number);
      }
    }
  });
  found.rows = [...rows].sort((a, b) => a - b).slice(0, rowLimit);
  found.rowCount = rows.size;
  return found;
}
