import { describe, expect, it } from "vitest";
import type { PreviewRefusal } from "../series/schema";
import { toPreviewTable } from "./to-preview-table";

const first = { columns: ["date", "sales"], sampleRows: [["2024-01-01", "10"], ["2024-01-02", "11"]], sampleRowNumbers: [2, 3] };
const shape = (refusal: PreviewRefusal | null) =>
  toPreviewTable({ ...first, refusal }).rows.map((r) =>
    r.kind === "gap"
      ? `… ${r.skipped}`
      : r.kind === "more"
        ? `+${r.rows}`
        : r.kind === "unmarked"
          ? `?${r.rows}`
          : `${r.number}${r.refusedRow ? "!" : ""}${r.refusedColumn !== null ? `@${r.refusedColumn}` : ""}${r.problem ? ` (${r.problem})` : ""}`,
  );

describe("toPreviewTable shows the row a refusal names", () => {
  it.each<[string, PreviewRefusal | null, string[]]>([
    ["no refusal: the first rows", null, ["2", "3"]],
    ["a cell among the first rows is marked where it is", { row: 3, column: 1, below: null }, ["2", "3@1"]],
    ["a row of the wrong width is marked as a whole", { row: 2, column: null, below: null }, ["2!", "3"]],
    [
      "a row far below: a gap, then the row between its neighbours",
      { row: 1204, column: 1, below: { skipped: 1199, rows: [{ number: 1203, cells: ["a", "1"] }, { number: 1204, cells: ["b", "12,5,0"] }, { number: 1205, cells: ["c", "3"] }] } },
      ["2", "3", "… 1199", "1203", "1204@1", "1205"],
    ],
    [
      "the row just below the first rows: no gap",
      { row: 5, column: 0, below: { skipped: 0, rows: [{ number: 4, cells: ["a", "1"] }, { number: 5, cells: ["", "2"] }] } },
      ["2", "3", "4", "5@0"],
    ],
    ["a refusal naming two rows (the same time): both marked", { row: 2, column: 0, others: 1, otherRows: [3], below: null }, ["2@0", "3@0"]],
    ["a refusal naming two rows whose other is not given: the first marked, the other counted at the end", { row: 2, column: 0, others: 1, below: null }, ["2@0", "3", "+1"]],
    [
      "a refusal naming more rows than are marked: the rows given marked wherever they are, the rest counted",
      { row: 1204, column: 0, others: 3, otherRows: [1205, 1300], below: { skipped: 10, rows: [{ number: 1203, cells: ["a", "1"] }, { number: 1204, cells: ["b", "2"] }, { number: 1205, cells: ["b", "3"] }, { number: 1300, cells: ["b", "4"], skipped: 94 }] } },
      ["2", "3", "… 10", "1203", "1204@0", "1205@0", "… 94", "1300@0", "+1"],
    ],
    [
      "a refusal naming rows far below: the first between its neighbours, the rest counted",
      { row: 1204, column: 0, others: 2, below: { skipped: 10, rows: [{ number: 1203, cells: ["a", "1"] }, { number: 1204, cells: ["b", "2"] }, { number: 1205, cells: ["b", "3"] }] } },
      ["2", "3", "… 10", "1203", "1204@0", "1205", "+2"],
    ],
    [
      "further bad rows: each marked where it is, with its sentence, the first's being the refusal above",
      { row: 2, column: 1, below: null, further: [{ row: 3, column: null, reason: "Row 3 has 3 fields" }] },
      ["2@1", "3! (Row 3 has 3 fields)"],
    ],
    [
      "further bad rows far below: each after a gap counting the rows passed over, and those beyond the marked ones counted",
      {
        row: 3,
        column: 1,
        below: { skipped: 4, rows: [{ number: 8, cells: ["a", "x"] }, { number: 20, cells: ["b", "y"], skipped: 11 }, { number: 21, cells: ["c", "z"] }] },
        further: [
          { row: 8, column: 1, reason: "Row 8: x" },
          { row: 20, column: 1, reason: "Row 20: y" },
          { row: 21, column: 0, reason: "Row 21: c" },
        ],
        furtherMore: 7,
      },
      ["2", "3@1", "… 4", "8@1 (Row 8: x)", "… 11", "20@1 (Row 20: y)", "21@0 (Row 21: c)", "?7"],
    ],
  ])("%s", (_, refusal, rows) => {
    expect(shape(refusal)).toEqual(rows);
  });

  it("names how many rows are refused in the table's label when it marks several", () => {
    const refusal: PreviewRefusal = { row: 2, column: 1, below: null, further: [{ row: 3, column: 0, reason: "r" }] };
    expect(toPreviewTable({ ...first, refusal }).label).toBe("First rows of the file, and the 2 rows the upload is refused for, from row 2");
  });

  it("counts the rows a refusal names and marks in the table's label", () => {
    const refusal: PreviewRefusal = { row: 2, column: 0, others: 1, otherRows: [3], below: null };
    expect(toPreviewTable({ ...first, refusal }).label).toBe("First rows of the file, and the 2 rows the upload is refused for, from row 2");
  });

  it("names the refused row in the table's label, for screen readers", () => {
    const refusal: PreviewRefusal = { row: 1204, column: 1, below: { skipped: 1, rows: [{ number: 1204, cells: ["b", "x"] }] } };
    expect(toPreviewTable({ ...first, refusal }).label).toBe("First rows of the file, and row 1,204, which the upload is refused for");
    expect(toPreviewTable({ ...first, refusal: null }).label).toBe("First rows of the file");
  });

  it.each<[string, PreviewRefusal, string[]]>([
    ["among the first rows", { row: 3, column: null, below: null }, ["12", "5"]],
    ["far below", { row: 1204, column: null, below: { skipped: 1, rows: [{ number: 1204, cells: ["2024-01-09", "12", "5"] }] } }, ["5"]],
  ])("shows the fields of a row with too many beyond the header's, %s", (_, refusal, extra) => {
    const wide = { ...first, sampleRows: [["2024-01-01", "10"], refusal.below ? ["2024-01-02", "11"] : ["2024-01-02", "11", "12", "5"]] };
    const table = toPreviewTable({ ...wide, refusal });
    const refused = table.rows.find((r) => r.kind === "row" && r.refusedRow);
    expect(refused?.kind === "row" && refused.extra).toEqual(extra);
    expect(table.hasExtra).toBe(true);
    expect(toPreviewTable({ ...first, refusal: null }).hasExtra).toBe(false);
  });
});
