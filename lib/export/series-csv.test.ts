import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeText } from "../csv/decode-text";
import { readDataset, type ParsedDataset } from "../csv/read-dataset";
import { toSeriesCsv } from "./series-csv";
import type { CsvDialect } from "./to-csv";

/** Reads bytes as an upload does: decoding (BOM, UTF-16) then the same reader. */
function upload(text: string, options: Parameters<typeof readDataset>[1] = {}): ParsedDataset {
  const decoded = decodeText(new TextEncoder().encode(text));
  if (!decoded.ok) throw new Error(decoded.reason);
  const read = readDataset(decoded.data.text, options);
  if (!read.ok) throw new Error(read.reason);
  return read.data;
}

/** Upload → export every series → upload each export again: the same times and values, bit for bit. */
function expectRoundTrip(text: string, dialect: CsvDialect, options: Parameters<typeof readDataset>[1] = {}) {
  const first = upload(text, options);
  for (const series of first.series) {
    const exported = toSeriesCsv({ name: series.name, timeColumn: first.timeColumn, timeFormat: first.timeFormat, points: series }, dialect);
    // The file's text cannot say that `01/02/2024` is day-first: the same choice is made again on upload.
    const again = upload(exported, options.dateOrder ? { dateOrder: options.dateOrder } : {});
    expect(again.series).toHaveLength(1);
    const back = again.series[0]!;
    expect(Array.from(back.times)).toEqual(Array.from(series.times));
    expect(Array.from(back.values)).toEqual(Array.from(series.values));
    expect(back.missingCount).toBe(series.missingCount);
    // Numeric times (serials, decimal years) come back written with the dialect's decimal mark, which the format notes.
    expect({ ...again.timeFormat, decimalComma: undefined }).toEqual({ ...first.timeFormat, decimalComma: undefined });
  }
  return first;
}

/** NESO's layout: a date and its half hours 1–48 (46 on the day clocks go forward, 50 when they go back). */
const NESO = `SETTLEMENT_DATE,SETTLEMENT_PERIOD,ND\n${[
  ["2023-03-26", 46],
  ["2023-10-29", 50],
  ["2023-10-30", 48],
]
  .flatMap(([date, periods]) => Array.from({ length: periods as number }, (_, p) => `${date},${p + 1},${20_000 + p}`))
  .join("\n")}\n`;

const FILES: [string, string, Parameters<typeof readDataset>[1]?][] = [
  ["ISO days with a missing value", "date,sales\n2024-01-01,1.5\n2024-01-02,\n2024-01-03,0.30000000000000004\n2024-01-04,-0\n2024-01-05,12345678901234567\n"],
  ["semicolon + decimal comma, dotted day-first dates", "Datum;Umsatz\n31.01.2024;1.234,5\n01.02.2024;-0,125\n02.02.2024;7\n03.02.2024;1,0E-7\n"],
  ["day-first slashed dates (decided from the data)", "date,value\n13/01/2024,1\n14/01/2024,2\n15/01/2024,3.25\n"],
  ["ambiguous day-first dates read as the analyst chose", "date,value\n01/02/2024,1\n02/02/2024,2\n03/02/2024,3\n", { dateOrder: "dmy" }],
  ["US dates without padding", "DATE,TMAX\n1/9/2024,1\n1/10/2024,2\n1/11/2024,3\n"],
  ["months", "month,visitors\n2016-01,191.0\n2016-02,219.7\n2016-04,237.3\n"],
  ["quarters", "quarter,tonnes\n1990 Q1,1\n1990 Q2,2\n1990 Q3,3\n"],
  ["date-times with an offset", "time,load\n2024-03-01T00:00:00+02:00,1\n2024-03-01T01:00:00+02:00,2\n2024-03-01T02:00:00+02:00,3\n"],
  ["epoch seconds", "ts,v\n1700000000,1\n1700003600,2\n1700007200,3\n"],
  // In the excel CSV written `1577836800,250`: read back as the same times, not numbered points.
  ["epoch seconds with a fraction", "ts,v\n1577836800.250,1\n1577836800.500,2\n1577836800.750,3\n1577836801.000,4\n"],
  // In the excel CSV written `1960,25`: read back as quarters, not numbered points.
  ["R's decimal years, quarters", "time,x\n1960,1\n1960.25,2\n1960.5,3\n1960.75,4\n1961,5\n"],
  ["R's decimal years, months", "time,AirPassengers\n1949,112\n1949.08333333333,118\n1949.16666666667,132\n1949.25,129\n"],
  ["no time column, a missing value", "reading\n1.5\n\n2.5\nNA\n3\n"],
  ["wide, names that look like formulas", "month,=north,-south\n2024-01,1,-2\n2024-02,3,-4\n2024-03,5,\n"],
  ["tidy with an id column", "site,date,reading\nA,2024-01-01,1\nB,2024-01-01,2\nA,2024-01-02,3\nB,2024-01-02,4\n"],
  ["NESO settlement dates and periods across both clock changes", NESO],
];

describe("upload → export of a series → upload again is exact", () => {
  it.each(FILES)("%s (standard CSV)", (_name, text, options) => {
    expectRoundTrip(text, "standard", options);
  });

  it.each(FILES)("%s (excel CSV)", (_name, text, options) => {
    expectRoundTrip(text, "excel", options);
  });

  const SERIALS = "Timestamp,Load\n45290.958333,1\n45291.000000,2\n45291.041667,3\n45291.083333,4\n";

  it("Excel serial date-times written with six places (standard CSV)", () => {
    const parsed = expectRoundTrip(SERIALS, "standard");
    const series = parsed.series[0]!;
    const text = toSeriesCsv({ name: series.name, timeColumn: parsed.timeColumn, timeFormat: parsed.timeFormat, points: series });
    expect(text.split("\n")[2]).toBe("45291.000000,2");
  });

  it("Excel serial date-times written with decimal commas (excel CSV) read back as the same times", () => {
    // Before German Excel's `45291,041667` was read as a time, the points came back numbered.
    const parsed = upload(SERIALS);
    const series = parsed.series[0]!;
    const text = toSeriesCsv({ name: series.name, timeColumn: parsed.timeColumn, timeFormat: parsed.timeFormat, points: series }, "excel");
    expect(text.split("\r\n")[2]).toBe("45291,000000;2");
    const again = upload(text);
    expect(Array.from(again.series[0]!.times)).toEqual(Array.from(series.times));
    expect(again.timeFormat).toEqual({ ...parsed.timeFormat, decimalComma: true });
  });

  const DATASETS = path.resolve(import.meta.dirname, "../../bench/datasets");
  const manifest = JSON.parse(fs.readFileSync(path.join(DATASETS, "manifest.json"), "utf8")) as { series: { file: string }[] };
  it.each(manifest.series.map((s) => s.file))("public dataset %s", (file) => {
    const parsed = expectRoundTrip(fs.readFileSync(path.join(DATASETS, file), "utf8"), "standard");
    expect(parsed.series[0]?.times.length).toBeGreaterThan(100);
  });
});

describe("series CSV text", () => {
  it("writes the file's time column name and format, and values exactly", () => {
    const parsed = upload("Datum;Umsatz\n31.01.2024;1.234,5\n01.02.2024;\n02.02.2024;7\n");
    const series = parsed.series[0]!;
    const text = toSeriesCsv({ name: series.name, timeColumn: parsed.timeColumn, timeFormat: parsed.timeFormat, points: series });
    expect(text).toBe("Datum,Umsatz\n31.01.2024,1234.5\n01.02.2024,\n02.02.2024,7\n");
  });

  it("writes a NESO series as its settlement dates and periods, under the file's headers", () => {
    const parsed = upload(NESO);
    const series = parsed.series[0]!;
    const lines = toSeriesCsv({ name: series.name, timeColumn: parsed.timeColumn, timeFormat: parsed.timeFormat, points: series }).split("\n");
    expect(lines.slice(0, 4)).toEqual(["SETTLEMENT_DATE,SETTLEMENT_PERIOD,ND", "2023-03-26,1,20000", "2023-03-26,2,20001", "2023-03-26,3,20002"]);
    // The long day's repeated hour was averaged on reading (periods 3 and 5, 4 and 6): it is written once.
    expect(lines.filter((line) => line.startsWith("2023-10-29,")).slice(2, 5)).toEqual(["2023-10-29,3,20003", "2023-10-29,4,20004", "2023-10-29,7,20006"]);
  });

  it("escapes a formula-like series name in the header", () => {
    const text = toSeriesCsv({ name: "=2+3", timeFormat: { kind: "pattern", pattern: "%Y" }, points: { times: [Date.UTC(2020, 0, 1)], values: [-1] } });
    expect(text).toBe("timestamp,'=2+3\n2020,-1\n");
  });
});
