import type { ImportPreview } from "../series/schema";

/** A row of the preview table, the mark where rows of the file are left out, or the count of further rows a refusal names. */
export type PreviewTableRow =
  | {
      kind: "row";
      key: string;
      /** The row's number in the file, or null when the table was read turned. */
      number: number | null;
      cells: string[];
      /** Index of the cell the refusal names, or null. */
      refusedColumn: number | null;
      /** The refusal names this row as a whole (it has too many or too few fields). */
      refusedRow: boolean;
      /** The refused row's fields beyond the header's width: what a stray delimiter split off. */
      extra: string[];
      /** A bad row after the first: its own sentence (the first's is the refusal shown above the table). */
      problem: string | null;
    }
  | { kind: "gap"; key: string; skipped: number }
  | { kind: "more"; key: string; rows: number }
  /** Bad rows beyond those marked, only counted. */
  | { kind: "unmarked"; key: string; rows: number };

const count = new Intl.NumberFormat("en-US");

/**
 * The preview table's rows: the file's first rows, then, when the upload is refused for a row
 * further down, a gap and that row between its neighbours, the cell the refusal names marked
 * wherever the row is shown, and the other rows the refusal names (rows with the same time) marked
 * the same way, those beyond the ones given counted at the end. The further bad rows the preview found are marked the
 * same way, wherever they are, each with its sentence, and those beyond them counted at the end.
 * @returns also whether a row has fields beyond the header's (the table then needs a column for them)
 */
export function toPreviewTable(
  preview: Pick<ImportPreview, "sampleRows" | "sampleRowNumbers" | "refusal"> & { columns: readonly unknown[] },
): { label: string; rows: PreviewTableRow[]; hasExtra: boolean } {
  const { sampleRows, sampleRowNumbers, refusal, columns } = preview;
  const named = new Set(refusal?.otherRows);
  const others = (refusal?.others ?? 0) - named.size;
  const further = new Map((refusal?.further ?? []).map((f) => [f.row, f]));
  const rows: PreviewTableRow[] = [];
  const push = (number: number | null, cells: string[], key: string) => {
    const next = number === null ? undefined : further.get(number);
    const at = refusal !== null && number !== null && (number === refusal.row || named.has(number)) ? refusal : next;
    const refusedRow = at !== undefined && at.column === null;
    rows.push({ kind: "row", key, number, cells, refusedColumn: at ? at.column : null, refusedRow, extra: refusedRow ? cells.slice(columns.length) : [], problem: next?.reason ?? null });
  };
  sampleRows.forEach((cells, i) => push(sampleRowNumbers?.[i] ?? null, cells, `first-${i}`));
  const below = refusal?.below;
  const shownBelow = refusal !== null && below !== null && below !== undefined && below.rows.length > 0;
  if (shownBelow) {
    if (below.skipped > 0) rows.push({ kind: "gap", key: "gap", skipped: below.skipped });
    for (const row of below.rows) {
      if (row.skipped) rows.push({ kind: "gap", key: `gap-${row.number}`, skipped: row.skipped });
      push(row.number, row.cells, `row-${row.number}`);
    }
  }
  if (others > 0) rows.push({ kind: "more", key: "more", rows: others });
  if (refusal?.furtherMore) rows.push({ kind: "unmarked", key: "unmarked", rows: refusal.furtherMore });
  const firstBelow = shownBelow && below.rows.some((row) => row.number === refusal.row);
  const marked = 1 + named.size + further.size;
  return {
    label:
      marked > 1
        ? `First rows of the file, and the ${count.format(marked)} rows the upload is refused for, from row ${count.format(refusal?.row ?? 0)}`
        : firstBelow
          ? `First rows of the file, and row ${count.format(refusal.row)}, which the upload is refused for`
          : "First rows of the file",
    rows,
    hasExtra: rows.some((row) => row.kind === "row" && row.extra.length > 0),
  };
}
