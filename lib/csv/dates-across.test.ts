import { describe, expect, it } from "vitest";
import { hasDatesAcross, turnDatesAcross } from "./dates-across";
import { readDataset } from "./read-dataset";

const YEARS = Array.from({ length: 8 }, (_, i) => 2016 + i);

/** A World Bank download: source lines, then a row per country with the years across. */
function worldBank(rows: [string, string, (number | "")[]][]): string {
  const lines = ['"Data Source","World Development Indicators",', "", '"Last Updated Date","2024-10-24",', ""];
  lines.push([...["Country Name", "Country Code", "Indicator Name", "Indicator Code"], ...YEARS.map(String)].map((c) => `"${c}"`).join(",") + ",");
  for (const [name, code, values] of rows) {
    lines.push([name, code, "GDP (current US$)", "NY.GDP.MKTP.CD", ...values.map(String)].map((c) => `"${c}"`).join(",") + ",");
  }
  return lines.join("\n");
}

describe("tables with the dates across the header", () => {
  it("a World Bank table is read turned: a yearly series per country, named by the country", () => {
    const text = worldBank([
      ["Korea, Rep.", "KOR", [1, 2, 3, 4, 5, 6, 7, 8]],
      ["Germany", "DEU", ["", "", 13, 14, 15, 16, 17, 18]],
    ]);
    const result = readDataset(text);
    if (!result.ok) throw new Error(result.reason);
    const { series, issues } = result.data;
    expect(series.map((s) => [s.name, s.frequency.kind, s.values.length, s.values.at(-1)])).toEqual([
      ["Korea, Rep.", "yearly", 8, 8],
      ["Germany", "yearly", 6, 18],
    ]);
    expect(series[0]!.times[0]).toBe(Date.UTC(2016, 0, 1));
    expect(series[1]!.times[0]).toBe(Date.UTC(2018, 0, 1));
    expect(issues.map((i) => i.message)).toEqual([
      "The dates run across the header (2016 to 2023) with a series per row, so the table was read turned: 2 series named by `Country Name`.",
      "1 series begins later or ends earlier than the file (`Germany` 2018 – 2023): the empty or non-numeric cells before the first value and after the last are not part of it.",
    ]);
  });

  it("a bad cell is named by the file's row and year", () => {
    const result = readDataset(worldBank([["France", "FRA", [1, 2, 3, 4, 5, 6, 7, 8]], ["Spain", "ESP", [1, 2, 3, 4, 5, 6, 7, 8]]]).replace('"Spain","ESP","GDP (current US$)","NY.GDP.MKTP.CD","1","2","3"', '"Spain","ESP","GDP (current US$)","NY.GDP.MKTP.CD","1","2","3x"'));
    expect(result).toEqual({ ok: false, reason: "Row 7, column `2018`: `3x` is not a number. Correct it, or empty the cell to mark a missing value." });
  });

  it("DataBank's `2016 [YR2016]` headers and months across are dates too; several indicators name both labels", () => {
    const header = ["Country", "Series", ...YEARS.map((y) => `${y} [YR${y}]`)].join(";");
    const text = [header, "Chile;GDP;1;2;3;4;5;6;7;8", "Chile;Exports;2;3;4;5;6;7;8;9", "Peru;GDP;3;4;5;6;7;8;9;10"].join("\n");
    const result = readDataset(text);
    if (!result.ok) throw new Error(result.reason);
    expect(result.data.series.map((s) => s.name)).toEqual(["Chile · GDP", "Chile · Exports", "Peru · GDP"]);
    const months = readDataset("region,2024-01,2024-02,2024-03,2024-04,2024-05\nNorth,1,2,3,4,5\nSouth,5,4,3,2,1\n");
    if (!months.ok) throw new Error(months.reason);
    expect(months.data.series.map((s) => [s.name, s.frequency.kind])).toEqual([["North", "monthly"], ["South", "monthly"]]);
  });

  it("a calendar grid (a row per month, a column per year) is read as one monthly series", () => {
    const names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    const rows = names.map((m, i) => `${m};${10 + i};${20 + i};${i < 9 ? 30 + i : ""}`);
    const text = ["Monat;2022;2023;2024", ...rows, "Summe;78;198;"].join("\n");
    const result = readDataset(text);
    if (!result.ok) throw new Error(result.reason);
    const series = result.data.series[0]!;
    expect([series.name, series.frequency.kind, series.values.length, series.values[12], series.values[32]]).toEqual(["monthly values", "monthly", 33, 20, 38]);
    expect(series.times[32]).toBe(Date.UTC(2024, 8, 1));
    expect(result.data.issues[0]?.message).toBe("The years run across the header (2022 to 2024) and the months down the first column, so the table was read as one monthly series.");
    const bad = readDataset(text.replace("Mar;12;22;32", "Mar;12;2x2;32"));
    expect(bad).toEqual({ ok: false, reason: "Row 4, column `2023`: `2x2` is not a number. Correct it, or empty the cell to mark a missing value." });
  });

  it("a Eurostat TSV: labels joined by commas in the first column, flags after the values", () => {
    const text = "freq,unit,geo\\TIME_PERIOD\t2018 \t2019 \t2020 \t2021 \t2022 \nA,PC,AT\t2.1 \t2.3 \t1.8 b\t2.9 p\t: c\nA,PC,BE\t2.2 e\t1.4 \t0.9 \t3.1 \t9.2 \n";
    const result = readDataset(text);
    if (!result.ok) throw new Error(result.reason);
    expect(result.data.series.map((s) => [s.name, Array.from(s.values)])).toEqual([
      ["AT", [2.1, 2.3, 1.8, 2.9]],
      ["BE", [2.2, 1.4, 0.9, 3.1, 9.2]],
    ]);
    expect(result.data.issues[0]?.message).toBe(
      "The dates run across the header (2018 to 2022) with a series per row, so the table was read turned: 2 series named by `geo` (Eurostat's flags such as p for provisional were dropped; `:` is a missing value).",
    );
  });

  it("leaves ordinary files alone, and a year per column beside a month column", () => {
    expect(hasDatesAcross("date,north,south,east,west\n2024-01-01,1,2,3,4\n")).toBe(false);
    expect(hasDatesAcross("id,a,b,c,d\n1,2,3,4,5\n")).toBe(false);
    expect(turnDatesAcross("Month,2019,2020,2021,2022\nJan,1,2,3,4\nFeb,5,6,7,8\n")).toBeNull();
    expect(turnDatesAcross("week,2019,2020,2021,2022\n2024-01-01,1,2,3,4\n")).toBeNull();
    expect(turnDatesAcross("week,2020,2021,2022,2023\n1,5,6,7,8\n2,6,7,8,9\n3,7,8,9,10\n")).toBeNull();
  });
});
