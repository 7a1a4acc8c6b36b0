import { describe, expect, it } from "vitest";
import type { ColumnInfo } from "./sniff-csv";
import { describeUnitCode, detectUnitColumns, mainUnitColumn, unitOfCode } from "./unit-column";

const column = (name: string, index = 0, kind: ColumnInfo["kind"] = "text"): ColumnInfo => ({ name, index, kind });
const rows = (cells: string[]) => cells.map((cell) => ["2024-01", cell, "1"]);

describe("detectUnitColumns", () => {
  it.each(["unit", "Unit", "UNIT", "UNIT_MEASURE", "Units", "unit_of_measure", "Unit of measure", "Einheit", "UOM", "Maßeinheit"])("finds units under %j", (header) => {
    expect(detectUnitColumns([column("date", 0, "time"), column(header, 1), column("value", 2, "number")], rows(["CP_MEUR", "", "CP_MEUR"])).map((c) => c.name)).toEqual([header]);
  });

  it("not under SDMX's multiplier or another header, nor numbers, descriptions or a column left empty", () => {
    const under = (header: string, cells: string[], kind: ColumnInfo["kind"] = "text") => detectUnitColumns([column(header, 1, kind)], rows(cells)).length;
    expect(under("UNIT_MULT", ["0", "0"], "number")).toBe(0);
    expect(under("UNIT_MULT", ["Units", "Units"])).toBe(0);
    expect(under("UOM_ID", ["17", "17"])).toBe(0);
    expect(under("Business Unit", ["Retail", "Retail"])).toBe(0);
    expect(under("Units", ["12", "15"])).toBe(0);
    expect(under("Unit", ["Gross domestic product at market prices, chain linked volumes", "x"])).toBe(0);
    expect(under("Unit", ["", ""])).toBe(0);
  });

  it("takes OECD's written-out `Unit of measure` over the code beside it", () => {
    const columns = [column("UNIT_MEASURE", 1), column("Unit of measure", 2)];
    const sample = [["2024-01", "PA", "Percent per annum"]];
    expect(mainUnitColumn(detectUnitColumns(columns, sample), sample)?.name).toBe("Unit of measure");
    expect(mainUnitColumn([], sample)).toBeNull();
  });
});

describe("unitOfCode", () => {
  it.each([
    ["CP_MEUR", "million EUR", "CP_MEUR (million EUR, current prices)"],
    ["PC", "%", "PC (%)"],
    ["I15", "index 2015=100", "I15 (index 2015=100)"],
    ["I10", "index 2010=100", "I10 (index 2010=100)"],
    ["CLV10_MEUR", "million EUR", "CLV10_MEUR (million EUR, chain-linked volumes, 2010 prices)"],
    ["PA", "% per year", "PA (% per year)"],
    ["PCCH", "%", "PCCH (%, change)"],
    // Not a known SDMX code: the unit as written.
    ["Dollars", "Dollars", "Dollars"],
    ["XYZ_Q", "XYZ_Q", "XYZ_Q"],
  ])("reads %j as %j", (code, unit, described) => {
    expect(unitOfCode(code)).toBe(unit);
    expect(describeUnitCode(code)).toBe(described);
  });
});
