import { describe, expect, it } from "vitest";
import { importOptionsSchema } from "./schema";
import { toImportOptions } from "./to-import-options";

describe("toImportOptions", () => {
  it("sends nothing when the analyst chose nothing", () => {
    expect(toImportOptions({}, {}, "  ")).toEqual({});
  });

  it.each([
    ["no time column", { timeColumn: null }, { timeColumn: null }],
    ["value columns and a series column", { valueColumns: ["a", "b"], idColumn: "store" }, { valueColumns: ["a", "b"], idColumn: "store" }],
    ["columns naming the series together", { idColumns: ["store_nbr", "family"] }, { idColumns: ["store_nbr", "family"] }],
    ["day-first dates and decimal commas", { dateOrder: "dmy" as const, decimal: "," as const }, { dateOrder: "dmy", decimal: "," }],
    ["grouping by month", { aggregate: { period: "month" as const, by: "mean" as const } }, { aggregate: { period: "month", by: "mean" } }],
  ])("keeps %s, and the server's schema takes it", (_, options, expected) => {
    const sent = toImportOptions(options, {}, "");
    expect(sent).toEqual(expected);
    expect(importOptionsSchema.parse(sent)).toEqual(expected);
  });

  it("drops blank series names and trims the dataset's", () => {
    expect(toImportOptions({}, { Sales: "Revenue", Cost: " " }, " Shop ")).toEqual({ name: "Shop", seriesNames: { Sales: "Revenue" } });
  });
});
