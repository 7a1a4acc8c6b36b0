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

/** JHU's COVID-19 time series: province (empty for a whole country), country, Lat, Long, then a column per day from 1/22/20. */
function jhu(rows: (string | number)[][]): string {
  const days = Array.from({ length: 8 }, (_, i) => `1/${22 + i}/20`);
  return `${[["Province/State", "Country/Region", "Lat", "Long", ...days], ...rows].map((row) => row.join(",")).join("\n")}\n`;
}
const AFGHANISTAN = ["", "Afghanistan", "33.93911", "67.709953", 0, 0, 0, 0, 0, 0, 0, 1];
const ALBANIA = ["", "Albania", "41.1533", "20.1683", 0, 0, 0, 0, 1, 2, 3, 5];
const CAPITAL_TERRITORY = ["Australian Capital Territory", "Australia", "-35.4735", "149.0124", 0, 0, 0, 0, 0, 1, 1, 2];

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

  it("JHU's COVID-19 time series: a daily series per row, named by province and country, the province left empty for a whole country", () => {
    // Before, the empty first label made the table read as it stands: each day a series, the rows numbered.
    const result = readDataset(jhu([AFGHANISTAN, ALBANIA, CAPITAL_TERRITORY]));
    if (!result.ok) throw new Error(result.reason);
    expect(result.data.series.map((s) => [s.name, s.frequency.kind, s.values.length, s.values.at(-1)])).toEqual([
      ["Afghanistan", "daily", 8, 1],
      ["Albania", "daily", 8, 5],
      ["Australian Capital Territory · Australia", "daily", 8, 2],
    ]);
    expect(result.data.series[0]!.times[0]).toBe(Date.UTC(2020, 0, 22));
    // The date order is said of the header's dates: the file has no column `Period`.
    expect(result.data.issues.map((i) => i.message)).toEqual([
      "The dates run across the header (1/22/20 to 1/29/20) with a series per row, so the table was read turned: 3 series named by `Province/State` and `Country/Region`.",
      "The header's dates were read as month/day/year: some second numbers are above 12.",
    ]);
    const even = readDataset("Country,01/02/2020,01/03/2020,01/04/2020,01/05/2020\nChile,1,2,3,4\nPeru,5,6,7,8\n");
    if (!even.ok) throw new Error(even.reason);
    expect(even.data.issues.map((i) => i.message).at(-1)).toBe("The header's dates could be day/month or month/day; read as month/day/year (change it if that is wrong).");
  });

  it("JHU's rows of a country with several provinces are named by province and country, not by latitude too", () => {
    // Lat differs within Australia and within the empty province, though not within both: it named every series (`Afghanistan · 33.93911`).
    const result = readDataset(jhu([AFGHANISTAN, ALBANIA, CAPITAL_TERRITORY, ["New South Wales", "Australia", "-33.8688", "151.2093", 0, 0, 0, 0, 3, 4, 4, 4]]));
    if (!result.ok) throw new Error(result.reason);
    expect(result.data.series.map((s) => s.name)).toEqual(["Afghanistan", "Albania", "Australian Capital Territory · Australia", "New South Wales · Australia"]);
    expect(result.data.issues[0]?.message).toContain("4 series named by `Province/State` and `Country/Region`.");
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

/** Numbered steps across the header: `d_1,d_2,…` (M5) or `"V1","V2",…` (M4). */
const steps = (prefix: string, from: number, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${from + i}`);
const numbers = (start: number, count: number) => Array.from({ length: count }, (_, i) => start + i);

describe("tables with numbered steps across the header", () => {
  it("an M5 table is read as a series per row named by its id column, its steps numbered", () => {
    const header = ["id", "item_id", "dept_id", "store_id", ...steps("d_", 1, 10)].join(",");
    const text = [header, `FOODS_1_001_CA_1,FOODS_1_001,FOODS_1,CA_1,${numbers(1, 10)}`, `FOODS_1_001_TX_1,FOODS_1_001,FOODS_1,TX_1,${numbers(11, 10)}`].join("\n");
    const result = readDataset(text);
    if (!result.ok) throw new Error(result.reason);
    const { series, issues } = result.data;
    expect(series.map((s) => [s.name, s.frequency.kind, Array.from(s.values)])).toEqual([
      ["FOODS_1_001_CA_1", "index", numbers(1, 10)],
      ["FOODS_1_001_TX_1", "index", numbers(11, 10)],
    ]);
    // Numbered from 0 inside, as any file without a time column: the 1 to 10 of the note.
    expect(Array.from(series[0]!.times)).toEqual(numbers(0, 10));
    expect(issues.map((i) => i.message)).toEqual([
      "The steps run across the header (`d_1` to `d_10`) with a series per row, so the table was read turned: 2 series named by `id` (`item_id`, `dept_id` and `store_id` only label them and were left out). The file holds no dates for the steps: they are numbered 1 to 10, and a forecast continues the numbering.",
    ]);
    const bad = readDataset(text.replace(",FOODS_1,TX_1,11,12,13", ",FOODS_1,TX_1,11,1x,13"));
    expect(bad).toEqual({ ok: false, reason: "Row 3, column `d_2`: `1x` is not a number. Correct it, or empty the cell to mark a missing value." });
  });

  it("an M4 table: the first column names the series, rows padded with empty cells end where their values do", () => {
    const header = steps("V", 1, 13).map((c) => `"${c}"`).join(",");
    const text = [header, `"D1",${numbers(1, 12)}`, `"D2",${numbers(1, 9)},,,`].join("\n");
    const result = readDataset(text);
    if (!result.ok) throw new Error(result.reason);
    expect(result.data.series.map((s) => [s.name, s.values.length, s.times.at(-1)])).toEqual([
      ["D1", 12, 11],
      ["D2", 9, 8],
    ]);
    expect(result.data.issues[0]?.message).toBe(
      "The steps run across the header (`V2` to `V13`) with a series per row, so the table was read turned: 2 series named by `V1`. The file holds no dates for the steps: they are numbered 1 to 12, and a forecast continues the numbering.",
    );
  });

  it("leaves numbered columns alone when they are separate series: a time column, no name per row, or too few", () => {
    const sensors = steps("sensor_", 1, 12).join(",");
    const rows = (first: (i: number) => string) => Array.from({ length: 20 }, (_, i) => `${first(i)},${numbers(i, 12).map((v) => ((v * 7) % 11) + 0.5)}`);
    const wide = [`date,${sensors}`, ...rows((i) => `2024-01-${String(i + 1).padStart(2, "0")}`)].join("\n");
    expect(turnDatesAcross(wide)).toBeNull();
    const result = readDataset(wide);
    if (!result.ok) throw new Error(result.reason);
    expect([result.data.series.length, result.data.series[0]?.name, result.data.series[0]?.values.length]).toEqual([12, "sensor_1", 20]);
    expect(turnDatesAcross([`status,${sensors}`, ...rows((i) => (i % 2 ? "ok" : "fault"))].join("\n"))).toBeNull();
    expect(turnDatesAcross([`row,${sensors}`, ...rows((i) => String(i + 1))].join("\n"))).toBeNull();
    expect(turnDatesAcross(["name,t1,t2,t3,t4", "a,1,2,3,4", "b,5,6,7,8"].join("\n"))).toBeNull();
  });
});
