import type { ImportPreview } from "../series/schema";

/** A row of the preview table, or the mark where rows of the file are left out. */
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
    }
  | { kind: "gap"; key: string; skipped: number };

const count = new Intl.NumberFormat("en-US");

/**
 * The preview table's rows: the file's first rows, then, when the upload is refused for a row
 * further down, a gap and that row between its neighbours, the cell the refusal names marked
 * wherever the row is shown.
 */
export function toPreviewTable(preview: Pick<ImportPreview, "sampleRows" | "sampleRowNumbers" | "refusal">): { label: string; rows: PreviewTableRow[] } {
  const { sampleRows, sampleRowNumbers, refusal } = preview;
  const toRow = (number: number | null, cells: string[], key: string): PreviewTableRow => {
    const refused = refusal !== null && number === refusal.row;
    return { kind: "row", key, number, cells, refusedColumn: refused ? refusal.column : null, refusedRow: refused && refusal.column === null };
  };
  const rows = sampleRows.map((cells, i) => toRow(sampleRowNumbers?.[i] ?? null, cells, `first-${i}`));
  const below = refusal?.below;
  if (!refusal || !below || below.rows.length === 0) return { label: "First rows of the file", rows };
  if (below.skipped > 0) rows.push({ kind: "gap", key: "gap", skipped: below.skipped });
  for (const row of below.rows) rows.push(toRow(row.number, row.cells, `row-${row.number}`));
  return { label: `First rows of the file, and row ${count.format(refusal.row)}, which the upload is refused for`, rows };
}
