import { describe, expect, it } from "vitest";
import { decodeText } from "./decode-text";
import { readDatasetBlob } from "./read-blob";
import { readDataset } from "./read-dataset";
import { MALFORMED } from "../../tests/fixtures/malformed-files";

const utf16le = (text: string) => new Uint8Array(Buffer.from(`\ufeff${text}`, "utf16le"));
const utf16be = (text: string) => {
  const bytes = Buffer.from(`\ufeff${text}`, "utf16le");
  for (let i = 0; i < bytes.length; i += 2) [bytes[i], bytes[i + 1]] = [bytes[i + 1]!, bytes[i]!];
  return new Uint8Array(bytes);
};
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, "Z").replace(/T00:00:00Z$/, "");

interface Expected {
  delimiter?: string;
  decimal?: string;
  encoding?: string;
  timeColumn?: string | null;
  shape?: string;
  frequency?: string;
  /** name: [point count, first, last, first value, last value] */
  series: Record<string, [number, string, string, number, number]>;
}

const BUSINESS_DAYS = ["2024-01-04", "2024-01-05", "2024-01-08", "2024-01-09", "2024-01-10", "2024-01-11", "2024-01-12", "2024-01-15"];

const VARIANTS: [string, Uint8Array, Expected][] = [
  [
    "semicolon with decimal commas and thousands dots, CRLF",
    utf8("Datum;Umsatz\r\n01.01.2024;1.234,5\r\n02.01.2024;987,25\r\n03.01.2024;1.000\r\n"),
    { delimiter: ";", decimal: ",", frequency: "daily", series: { Umsatz: [3, "2024-01-01", "2024-01-03", 1234.5, 1000] } },
  ],
  [
    "semicolon with plain decimal commas",
    utf8("year;anomaly_c\n1880;-0,17\n1881;-0,09\n1882;-0,11\n"),
    { delimiter: ";", decimal: ",", frequency: "yearly", series: { anomaly_c: [3, "1880-01-01", "1882-01-01", -0.17, -0.11] } },
  ],
  [
    "tab-separated",
    utf8("date\tvisits\n2024-01-01\t10\n2024-01-02\t12\n2024-01-03\t11\n"),
    { delimiter: "\t", frequency: "daily", series: { visits: [3, "2024-01-01", "2024-01-03", 10, 11] } },
  ],
  [
    "UTF-16 LE with BOM, tab-separated (Excel's Unicode text)",
    utf16le("Monat\tUmsatz €\r\n2024-01\t1,5\r\n2024-02\t2,5\r\n2024-03\t3\r\n"),
    { delimiter: "\t", decimal: ",", encoding: "utf-16le", frequency: "monthly", series: { "Umsatz €": [3, "2024-01-01", "2024-03-01", 1.5, 3] } },
  ],
  [
    "UTF-16 BE with BOM",
    utf16be("month\tsales\n2024-01\t1\n2024-02\t2\n"),
    { encoding: "utf-16be", series: { sales: [2, "2024-01-01", "2024-02-01", 1, 2] } },
  ],
  [
    // SQL Server's `bcp -w` and some loggers write UTF-16 without the mark: refused as binary for its NUL bytes.
    "UTF-16 LE without a BOM",
    utf16le("Zeit\tTemp (°C)\r\n2024-01-01\t1,5\r\n2024-01-02\t-2\r\n").subarray(2),
    { encoding: "utf-16le", decimal: ",", series: { "Temp (°C)": [2, "2024-01-01", "2024-01-02", 1.5, -2] } },
  ],
  [
    "UTF-16 BE without a BOM",
    utf16be("month\tsales\n2024-01\t1\n2024-02\t2\n").subarray(2),
    { encoding: "utf-16be", series: { sales: [2, "2024-01-01", "2024-02-01", 1, 2] } },
  ],
  [
    "UTF-8 BOM with CRLF and slashed month-first dates",
    utf8("\ufeffDATE,TMAX_C\r\n1/1/2012,12.8\r\n1/2/2012,10.6\r\n1/13/2012,11.7\r\n"),
    { encoding: "utf-8-bom", timeColumn: "DATE", series: { TMAX_C: [3, "2012-01-01", "2012-01-13", 12.8, 11.7] } },
  ],
  [
    "slashed day-first dates, decided from a day above 12",
    utf8("date,v\n12/01/2020,1\n13/01/2020,2\n14/01/2020,3\n"),
    { frequency: "daily", series: { v: [3, "2020-01-12", "2020-01-14", 1, 3] } },
  ],
  [
    "pipe-separated",
    utf8("date|load\n2024-01-01|5\n2024-01-02|6\n"),
    { delimiter: "|", series: { load: [2, "2024-01-01", "2024-01-02", 5, 6] } },
  ],
  [
    "quoted fields with embedded delimiters, quotes and line breaks",
    utf8('"date","sales, ""EUR""","note"\n"2024-01-01","1,234.5","a, b"\n"2024-01-02","2","line\nbreak"\n'),
    { series: { 'sales, "EUR"': [2, "2024-01-01", "2024-01-02", 1234.5, 2] } },
  ],
  [
    "wide with three series",
    utf8("month,north,south,west\n2024-01,1,2,3\n2024-02,4,,6\n2024-03,7,8,9\n"),
    {
      shape: "wide",
      frequency: "monthly",
      series: { north: [3, "2024-01-01", "2024-03-01", 1, 7], south: [3, "2024-01-01", "2024-03-01", 2, 8], west: [3, "2024-01-01", "2024-03-01", 3, 9] },
    },
  ],
  [
    "long with an id column",
    utf8("store,date,sales\nA,2024-01-01,1\nB,2024-01-01,10\nA,2024-01-02,2\nB,2024-01-02,20\nA,2024-01-03,3\nB,2024-01-03,30\n"),
    { shape: "tidy", series: { A: [3, "2024-01-01", "2024-01-03", 1, 3], B: [3, "2024-01-01", "2024-01-03", 10, 30] } },
  ],
  [
    "epoch seconds",
    utf8("timestamp,power\n1700000000,1\n1700003600,2\n1700007200,3\n"),
    { frequency: "hourly", series: { power: [3, "2023-11-14T22:13:20Z", "2023-11-15T00:13:20Z", 1, 3] } },
  ],
  [
    "epoch milliseconds",
    utf8("ts,power\n1700000000000,1\n1700000060000,2\n1700000120000,3\n"),
    { frequency: "minutely", series: { power: [3, "2023-11-14T22:13:20Z", "2023-11-14T22:15:20Z", 1, 3] } },
  ],
  [
    "YYYY-Qn",
    utf8("quarter,gdp\n2019-Q3,1\n2019-Q4,2\n2020-Q1,3\n"),
    { frequency: "quarterly", series: { gdp: [3, "2019-07-01", "2020-01-01", 1, 3] } },
  ],
  [
    "YYYY Qn with semicolons",
    utf8("quarter;tonnes\n1965 Q1;6172\n1965 Q2;6709\n1965 Q3;6633\n"),
    { frequency: "quarterly", series: { tonnes: [3, "1965-01-01", "1965-07-01", 6172, 6633] } },
  ],
  [
    "Qn YYYY",
    utf8("period,v\nQ4 2019,1\nQ1 2020,2\n"),
    { frequency: "quarterly", series: { v: [2, "2019-10-01", "2020-01-01", 1, 2] } },
  ],
  [
    "Eurostat's semesters YYYY-Sn",
    utf8("TIME_PERIOD,OBS_VALUE\n2019-S2,1\n2020-S1,2\n2020-S2,3\n"),
    { frequency: "fixed", series: { OBS_VALUE: [3, "2019-07-01", "2020-07-01", 1, 3] } },
  ],
  [
    "Hn YYYY",
    utf8("half;v\nH2 2019;1,5\nH1 2020;2,5\n"),
    { series: { v: [2, "2019-07-01", "2020-01-01", 1.5, 2.5] } },
  ],
  [
    "Excel's text-forced cells (`=\"2024-01-01\"`)",
    utf8('date,units\n="2024-01-01",="1004"\n="2024-01-02",="1010"\n="2024-01-03",="998"\n'),
    { frequency: "daily", series: { units: [3, "2024-01-01", "2024-01-03", 1004, 998] } },
  ],
  [
    "Excel's text-forced cells as Excel saves them, quoted",
    utf8('"Datum";"Menge"\r\n"=""01.03.2024""";"=""1.004,5"""\r\n"=""01.04.2024""";"=""1.010,25"""\r\n'),
    { frequency: "monthly", decimal: ",", series: { Menge: [2, "2024-03-01", "2024-04-01", 1004.5, 1010.25] } },
  ],
  [
    "Excel's apostrophe text mark (`'1004`), an apostrophe in a name kept",
    utf8("Order Date,Units,Rep\n'2024-01-01,'1004,O'Brien\n'2024-01-02,'1010,O'Brien\n'2024-01-03,'998,O'Brien\n'2024-01-04,'1021,O'Brien\n"),
    { frequency: "daily", series: { Units: [4, "2024-01-01", "2024-01-04", 1004, 1021] } },
  ],
  [
    "rows without their empty last cells",
    utf8("date;a;b\n2024-01-01;1;2\n2024-01-02;3\n2024-01-03;4;5\n"),
    { frequency: "daily", series: { a: [3, "2024-01-01", "2024-01-03", 1, 4], b: [3, "2024-01-01", "2024-01-03", 2, 5] } },
  ],
  [
    "YYYY-MM",
    utf8('"month","bottles_sold"\n"1980-01","15136"\n"1980-02","16733"\n'),
    { frequency: "monthly", series: { bottles_sold: [2, "1980-01-01", "1980-02-01", 15136, 16733] } },
  ],
  [
    "bare years",
    utf8("year,population\n2000,10\n2001,11\n2002,12\n"),
    { frequency: "yearly", series: { population: [3, "2000-01-01", "2002-01-01", 10, 12] } },
  ],
  [
    "ISO date-times with a zone offset",
    utf8("time,temp\n2024-03-01T10:00:00+02:00,1\n2024-03-01T11:00:00+02:00,2\n2024-03-01T12:00:00+02:00,3\n"),
    { frequency: "hourly", series: { temp: [3, "2024-03-01T08:00:00Z", "2024-03-01T10:00:00Z", 1, 3] } },
  ],
  [
    "ISO date-times in UTC (Z) with milliseconds",
    utf8("time,temp\n2024-03-01T10:00:00.000Z,1\n2024-03-01T10:15:00.000Z,2\n2024-03-01T10:30:00.000Z,3\n"),
    { frequency: "fixed", series: { temp: [3, "2024-03-01T10:00:00Z", "2024-03-01T10:30:00Z", 1, 3] } },
  ],
  [
    "date-times with a space and no zone",
    utf8("time,temp\n2024-03-01 10:00,1\n2024-03-01 10:30,2\n2024-03-01 11:00,3\n"),
    { frequency: "half-hourly", series: { temp: [3, "2024-03-01T10:00:00Z", "2024-03-01T11:00:00Z", 1, 3] } },
  ],
  [
    "business days",
    utf8(`date,close\n${BUSINESS_DAYS.map((d, i) => `${d},${i + 1}`).join("\n")}\n`),
    { frequency: "business-daily", series: { close: [8, "2024-01-04", "2024-01-15", 1, 8] } },
  ],
  [
    "a fixed step of 10 minutes",
    utf8("time,v\n2024-01-01 00:00,1\n2024-01-01 00:10,2\n2024-01-01 00:20,3\n2024-01-01 00:30,4\n"),
    { frequency: "fixed", series: { v: [4, "2024-01-01", "2024-01-01T00:30:00Z", 1, 4] } },
  ],
  [
    "weekly",
    utf8("week,v\n2024-01-01,1\n2024-01-08,2\n2024-01-15,3\n"),
    { frequency: "weekly", series: { v: [3, "2024-01-01", "2024-01-15", 1, 3] } },
  ],
  [
    "month names",
    utf8("date,price\nJan 1 2000,1394.46\nFeb 1 2000,1366.42\nMar 1 2000,1498.58\n"),
    { frequency: "monthly", series: { price: [3, "2000-01-01", "2000-03-01", 1394.46, 1498.58] } },
  ],
  [
    "no time column: a numbered sequence",
    utf8("value\n5\n6\n7\n"),
    { timeColumn: null, frequency: "index", series: { value: [3, "1970-01-01", "1970-01-01T00:00:00.002Z", 5, 7] } },
  ],
  [
    "no header row",
    utf8("2024-01-01,5\n2024-01-02,6\n2024-01-03,7\n"),
    { timeColumn: "column 1", series: { "column 2": [3, "2024-01-01", "2024-01-03", 5, 7] } },
  ],
  [
    "no header row, Unix seconds first (a logger)",
    utf8("1700000000,5\n1700000060,6\n1700000120,7\n"),
    { timeColumn: "column 1", frequency: "minutely", series: { "column 2": [3, "2023-11-14T22:13:20Z", "2023-11-14T22:15:20Z", 5, 7] } },
  ],
  [
    "no header row, compact YYYYMMDD dates first",
    utf8("20240101,5\n20240102,6\n20240103,7\n"),
    { timeColumn: "column 1", frequency: "daily", series: { "column 2": [3, "2024-01-01", "2024-01-03", 5, 7] } },
  ],
  [
    "no header row, values first that are not times",
    utf8("1500,5\n2300,6\n1200,7\n"),
    {
      timeColumn: null,
      frequency: "index",
      series: { "column 1": [3, "1970-01-01", "1970-01-01T00:00:00.002Z", 1500, 1200], "column 2": [3, "1970-01-01", "1970-01-01T00:00:00.002Z", 5, 7] },
    },
  ],
  [
    "database export: date-times with a UTC suffix",
    utf8("created_at,orders\n2024-01-01 00:00:00 UTC,4\n2024-01-01 01:00:00 UTC,6\n2024-01-01 02:00:00 UTC,5\n"),
    { frequency: "hourly", series: { orders: [3, "2024-01-01", "2024-01-01T02:00:00Z", 4, 5] } },
  ],
  [
    "old Mac line breaks (CR only)",
    utf8("date,v\r2024-01-01,1\r2024-01-02,2\r"),
    { series: { v: [2, "2024-01-01", "2024-01-02", 1, 2] } },
  ],
  [
    "trailing delimiters on every line",
    utf8("date,v,\n2024-01-01,1,\n2024-01-02,2,\n"),
    { series: { v: [2, "2024-01-01", "2024-01-02", 1, 2] } },
  ],
  [
    "Windows-1252 text (not UTF-8)",
    new Uint8Array([...Buffer.from("date;Umsatz "), 0x80, ...Buffer.from("\n2024-01-01;1,5\n2024-01-02;2,5\n")]),
    { encoding: "windows-1252", decimal: ",", series: { "Umsatz €": [2, "2024-01-01", "2024-01-02", 1.5, 2.5] } },
  ],
  [
    "currency signs, percent and thousands separators",
    utf8('date,revenue\n2024-01-01,"$1,200.50"\n2024-01-02,"$1,300"\n2024-01-03,$900\n'),
    { series: { revenue: [3, "2024-01-01", "2024-01-03", 1200.5, 900] } },
  ],
  [
    "euro amounts with decimal commas, and a sign before the symbol",
    utf8("Monat;Umsatz\n2024-01;€ 1.234,50\n2024-02;- € 1.300,00\n2024-03;990,25 €\n"),
    { decimal: ",", series: { Umsatz: [3, "2024-01-01", "2024-03-01", 1234.5, 990.25] } },
  ],
  [
    "accounting negatives in parentheses",
    utf8('month,profit\n2024-01,"(1,200)"\n2024-02,300\n2024-03,($50.25)\n'),
    { series: { profit: [3, "2024-01-01", "2024-03-01", -1200, -50.25] } },
  ],
  [
    "semicolons with thousands dots and no decimals (German Excel, whole euros)",
    utf8("Datum;Umsatz\r\n01.01.2024;1.500\r\n02.01.2024;2.250\r\n03.01.2024;800\r\n04.01.2024;1.100\r\n"),
    { decimal: ",", series: { Umsatz: [4, "2024-01-01", "2024-01-04", 1500, 1100] } },
  ],
  [
    "millions with two thousands dots",
    utf8("Monat;Umsatz\n2024-01;1.234.567\n2024-02;2.345.678\n2024-03;987.654\n"),
    { decimal: ",", series: { Umsatz: [3, "2024-01-01", "2024-03-01", 1234567, 987654] } },
  ],
  [
    "the decimal comma first shows after 250 whole numbers",
    utf8(`Datum;Wert\n${Array.from({ length: 250 }, (_, i) => `${i + 1}.1.2000;${1000 + i}`).slice(0, 250).map((row, i) => row.replace(/^\d+\.1\./, `${String((i % 28) + 1).padStart(2, "0")}.${String(Math.floor(i / 28) + 1).padStart(2, "0")}.`)).join("\n")}\n10.10.2000;1.000,50\n`),
    { decimal: ",", series: { Wert: [251, "2000-01-01", "2000-10-10", 1000, 1000.5] } },
  ],
  [
    "pandas' pivot: the columns' name in the header, the index name on a row of its own",
    utf8("region,North,South\ndate,,\n2023-01-01,1,2\n2023-01-02,2,3\n2023-01-03,3,4\n"),
    { timeColumn: "date", shape: "wide", frequency: "daily", series: { North: [3, "2023-01-01", "2023-01-03", 1, 3], South: [3, "2023-01-01", "2023-01-03", 2, 4] } },
  ],
  [
    "pandas' columns of two levels: a header row per level, the index name on a row of its own",
    utf8("store,A,A,B\nmetric,sales,visits,sales\ndate,,,\n2023-01-01,1,10,5\n2023-01-02,2,20,6\n2023-01-03,3,30,7\n"),
    {
      timeColumn: "date",
      shape: "wide",
      series: { "A · sales": [3, "2023-01-01", "2023-01-03", 1, 3], "A · visits": [3, "2023-01-01", "2023-01-03", 10, 30], "B · sales": [3, "2023-01-01", "2023-01-03", 5, 7] },
    },
  ],
  [
    "a spreadsheet's two header rows, the upper one's names over the columns to their right (merged cells)",
    utf8("Region;North;;South;\nMonat;Umsatz;Stück;Umsatz;Stück\n01.2024;1.234,50;10;2.000,00;20\n02.2024;1.300,25;11;2.100,00;21\n"),
    {
      timeColumn: "Monat",
      decimal: ",",
      series: {
        "North · Umsatz": [2, "2024-01-01", "2024-02-01", 1234.5, 1300.25],
        "North · Stück": [2, "2024-01-01", "2024-02-01", 10, 11],
        "South · Umsatz": [2, "2024-01-01", "2024-02-01", 2000, 2100],
        "South · Stück": [2, "2024-01-01", "2024-02-01", 20, 21],
      },
    },
  ],
  [
    "French Excel: thousands grouped by (narrow) no-break spaces, decimal commas",
    utf8("Date;Montant\n01/01/2023;10\u00a0026,87\n02/01/2023;10\u202f590,4\n13/01/2023;9 700,25\n"),
    { decimal: ",", series: { Montant: [3, "2023-01-01", "2023-01-13", 10026.87, 9700.25] } },
  ],
  [
    "German Excel's scientific notation (`1,00E+03`)",
    utf8("Datum;Wert\n01.01.2023;1,00E+03\n02.01.2023;1,06E+03\n13.01.2023;9,87E+02\n"),
    { decimal: ",", series: { Wert: [3, "2023-01-01", "2023-01-13", 1000, 987] } },
  ],
  [
    "SAP's trailing minus and the typographic minus",
    utf8("Datum;Betrag;Temp\n01.01.2024;1.234,56-;\u22123,5\n02.01.2024;500,00;1,5\n"),
    { decimal: ",", series: { Betrag: [2, "2024-01-01", "2024-01-02", -1234.56, 500], Temp: [2, "2024-01-01", "2024-01-02", -3.5, 1.5] } },
  ],
  [
    "value columns whose names have time words (`Sales prior year`, `Visitors per day`, `Updates`)",
    utf8("month,Sales,Sales prior year,Visitors per day,Updates\n2024-01,1513,1437,30500,1510\n2024-02,1526,1474,31000,1520\n2024-03,1539,1511,31500,1530\n"),
    {
      timeColumn: "month",
      series: {
        Sales: [3, "2024-01-01", "2024-03-01", 1513, 1539],
        "Sales prior year": [3, "2024-01-01", "2024-03-01", 1437, 1511],
        "Visitors per day": [3, "2024-01-01", "2024-03-01", 30500, 31500],
        Updates: [3, "2024-01-01", "2024-03-01", 1510, 1530],
      },
    },
  ],
  [
    "store numbers name the series of a long file",
    utf8("store,date,sales\n1,2024-01-01,10\n2,2024-01-01,20\n1,2024-01-02,11\n2,2024-01-02,21\n"),
    { shape: "tidy", series: { "store 1": [2, "2024-01-01", "2024-01-02", 10, 11], "store 2": [2, "2024-01-01", "2024-01-02", 20, 21] } },
  ],
  [
    "store numbers of a long file sorted by store, seen only once the whole file is read",
    utf8(`store,date,sales\n${[1, 2].flatMap((store) => Array.from({ length: 40 }, (_, d) => `${store},2024-01-${String((d % 31) + 1).padStart(2, "0")}${d >= 31 ? "x" : ""},${store * 100 + d}`)).filter((row) => !row.includes("x")).join("\n")}\n`),
    { shape: "tidy", series: { "store 1": [31, "2024-01-01", "2024-01-31", 100, 130], "store 2": [31, "2024-01-01", "2024-01-31", 200, 230] } },
  ],
  [
    "a short pivot table with its Grand Total row",
    utf8("Row Labels,Sum of Sales\n2023 Q1,100\n2023 Q2,120\n2023 Q3,130\n2023 Q4,140\nGrand Total,490\n"),
    { timeColumn: "Row Labels", frequency: "quarterly", series: { "Sum of Sales": [4, "2023-01-01", "2023-10-01", 100, 140] } },
  ],
  [
    "an unlabelled totals row and German Excel's Gesamtergebnis",
    utf8("Monat;Umsatz;Kosten\n2024-01;100;10\n2024-02;120;12\n2024-03;130;\n;350;22\n"),
    { series: { Umsatz: [3, "2024-01-01", "2024-03-01", 100, 130], Kosten: [2, "2024-01-01", "2024-02-01", 10, 12] } },
  ],
  [
    "an unlabelled totals row with a source note under it",
    utf8("Monat;Umsatz;Kosten\n2024-01;100;10\n2024-02;120;12\n2024-03;130;\n;350;22\nSource: ABS;;\n"),
    { series: { Umsatz: [3, "2024-01-01", "2024-03-01", 100, 130], Kosten: [2, "2024-01-01", "2024-02-01", 10, 12] } },
  ],
  [
    "comment lines inside the table and a numbered footnote under it",
    utf8("year,gdp\n2019,1.5\n# revised in 2021\n2020,-4.0\n2021,3.1\n\n1) Provisional figures for 2021.\n"),
    { series: { gdp: [3, "2019-01-01", "2021-01-01", 1.5, 3.1] } },
  ],
  [
    "slashed dates that read evenly both ways are day-first in a file with decimal commas",
    utf8("Date;Ventes\n01/01/2024;1,5\n01/02/2024;2,5\n01/03/2024;3,5\n01/04/2024;4,5\n"),
    { frequency: "monthly", series: { Ventes: [4, "2024-01-01", "2024-04-01", 1.5, 4.5] } },
  ],
];

describe("every format variant reads the same from text and from a streamed file", () => {
  it.each(VARIANTS)("%s", async (_name, bytes, expected) => {
    const decoded = decodeText(bytes);
    if (!decoded.ok) throw new Error(decoded.reason);
    const fromText = readDataset(decoded.data.text);
    const fromBlob = await readDatasetBlob(new Blob([bytes as Uint8Array<ArrayBuffer>]));
    if (!fromText.ok) throw new Error(fromText.reason);
    if (!fromBlob.ok) throw new Error(fromBlob.reason);
    const dataset = fromBlob.data.parsed;
    expect(fromText.data.series.map((s) => s.name)).toEqual(dataset.series.map((s) => s.name));
    if (expected.encoding) expect(fromBlob.data.encoding).toBe(expected.encoding);
    if (expected.delimiter) expect(dataset.dialect.delimiter).toBe(expected.delimiter);
    if (expected.decimal) expect(dataset.dialect.decimal).toBe(expected.decimal);
    if (expected.timeColumn !== undefined) expect(dataset.timeColumn).toBe(expected.timeColumn);
    if (expected.shape) expect(dataset.shape).toBe(expected.shape);
    const summary = Object.fromEntries(
      dataset.series.map((s) => [s.name, [s.times.length, iso(s.times[0]!), iso(s.times[s.times.length - 1]!), s.values[0], s.values[s.values.length - 1]]]),
    );
    expect(summary).toEqual(expected.series);
    if (expected.frequency) for (const s of dataset.series) expect(s.frequency.kind).toBe(expected.frequency);
  });
});

describe("malformed files are refused with the row, the column and what to do", () => {
  it.each(MALFORMED)("%s", async (_name, bytes, reason) => {
    expect(await readDatasetBlob(new Blob([bytes as Uint8Array<ArrayBuffer>]))).toMatchObject({ ok: false, reason });
  });

  it("a row far into a big file is named with its thousands separator", async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `${new Date(Date.UTC(2000, 0, 1) + i * 3_600_000).toISOString()},${i}`);
    rows[1_202] = rows[1_202]!.replace(/,\d+$/, ",12,5,0");
    const text = `time,sales\n${rows.join("\n")}\n`.replace(",12,5,0", ',"12,5,0"');
    expect(await readDatasetBlob(new Blob([text]))).toMatchObject({
      ok: false,
      reason: "Row 1,204, column `sales`: `12,5,0` is not a number. Correct it, or empty the cell to mark a missing value.",
    });
  });
});

describe("missing values", () => {
  it("empty and non-numeric cells are missing, never 0, and the report says how they are treated", () => {
    const result = readDataset("date,v\n2024-01-01,1\n2024-01-02,\n2024-01-03,NA\n2024-01-04,n/a\n2024-01-05,5\n");
    if (!result.ok) throw new Error(result.reason);
    const values = Array.from(result.data.series[0]!.values);
    expect(values.map((v) => (Number.isNaN(v) ? null : v))).toEqual([1, null, null, null, 5]);
    expect(result.data.series[0]!.missingCount).toBe(3);
    expect(result.data.issues).toContainEqual({
      kind: "missing",
      message:
        "Column `v` has 3 empty or non-numeric cells (rows 3, 4, 5), kept as missing values, never as 0; the forecaster fills them by interpolation, along the season when the series has a clear one.",
    });
  });

  it("gaps in the time axis are reported per series", () => {
    const result = readDataset("month,v\n2024-01,1\n2024-02,2\n2024-05,5\n");
    if (!result.ok) throw new Error(result.reason);
    expect(result.data.issues).toContainEqual({
      kind: "gaps",
      message: "Series `v` skips 2 monthly steps; the forecaster treats them as missing values.",
    });
    const times = Array.from({ length: 30 }, (_, i) => i + (i >= 20 ? 3 : 0)).map((k) => new Date(Date.UTC(2024, 8, 1, 0, 10 * k)).toISOString().slice(0, 16).replace("T", " "));
    const logger = readDataset(`timestamp,temperature_c\n${times.map((t, i) => `${t},${20 + (i % 3)}`).join("\n")}\n`);
    if (!logger.ok) throw new Error(logger.reason);
    expect(logger.data.issues).toContainEqual({
      kind: "gaps",
      message: "Series `temperature_c` skips 3 steps of 10 minutes; the forecaster treats them as missing values.",
    });
  });
});

describe("what detection guessed, the analyst can see and change", () => {
  const german = "Datum;Umsatz\n01.01.2024;1.500\n02.01.2024;2.250\n03.01.2024;800\n";

  it("a decimal mark decided by convention says so, and the choice overrides it", () => {
    const guessed = readDataset(german);
    if (!guessed.ok) throw new Error(guessed.reason);
    expect(Array.from(guessed.data.series[0]!.values)).toEqual([1500, 2250, 800]);
    expect(guessed.data.issues.map((i) => i.message)).toContain(
      "No number settled the decimal mark, so `1.500` was read as 1500 (a dot grouping thousands, as files separated by semicolons write them). If that is wrong, choose the decimal mark on import (CLI: --decimal .).",
    );
    const chosen = readDataset(german, { decimal: "." });
    if (!chosen.ok) throw new Error(chosen.reason);
    expect(Array.from(chosen.data.series[0]!.values)).toEqual([1.5, 2.25, 800]);
    expect(chosen.data.issues.some((i) => i.message.includes("decimal mark"))).toBe(false);
  });

  it("a decimal mark shown by a number is not reported", () => {
    const read = readDataset("Datum;Umsatz\n01.01.2024;1.500,25\n02.01.2024;2.250\n");
    if (!read.ok) throw new Error(read.reason);
    expect(Array.from(read.data.series[0]!.values)).toEqual([1500.25, 2250]);
    expect(read.data.issues.some((i) => i.message.includes("decimal mark"))).toBe(false);
  });

  it("a redundant year column beside the dates is still not a series", () => {
    const read = readDataset("date,Year,sales\n2024-01-01,2024,5\n2024-01-02,2024,6\n2024-01-03,2024,7\n");
    if (!read.ok) throw new Error(read.reason);
    expect(read.data.series.map((s) => s.name)).toEqual(["sales"]);
  });

  it("a column of years read as time can still be picked as the values", () => {
    const read = readDataset("month,Sales prior year\n2024-01,1999\n2024-02,2004\n2024-03,2011\n", { valueColumns: ["Sales prior year"] });
    if (!read.ok) throw new Error(read.reason);
    expect(Array.from(read.data.series[0]!.values)).toEqual([1999, 2004, 2011]);
  });

  it("a dateless row that is not the column's total is still refused by row", () => {
    expect(readDataset("month,sales\n2024-01,100\n2024-02,120\n,999\n")).toMatchObject({
      ok: false,
      reason: "Row 4, column `month`: the date is empty. Every row needs a date; fill it in or delete the row.",
    });
    expect(readDataset("month,sales\n2024-01,100\n,220\n2024-03,130\n")).toMatchObject({
      ok: false,
      reason: "Row 3, column `month`: the date is empty. Every row needs a date; fill it in or delete the row.",
    });
  });

  it("amounts written with a currency or a percent sign take it as their unit", () => {
    const read = readDataset('month,revenue,margin,cost,units\n2024-01,"$1,200",12.5%,USD 300,4\n2024-02,$900,13%,USD 310,5\n');
    if (!read.ok) throw new Error(read.reason);
    expect(read.data.series.map((s) => [s.name, s.unit])).toEqual([
      ["revenue", "$"],
      ["margin", "%"],
      ["cost", "USD"],
      ["units", null],
    ]);
  });

  it("a time column of periods (ENTSO-E's `start - end`) is read by the starts, and the values beside it stay values", () => {
    // `Day-ahead …` holds 42,000–58,000 MW, which read alone as Excel serial dates: with the periods
    // unread, it was taken for the time and the file refused for duplicate times.
    const loads = [50_000, 52_070, 49_000, 52_070, 50_500];
    const rows = loads.map((load, h) => `"01.01.2023 ${String(h).padStart(2, "0")}:00 - 01.01.2023 ${String(h + 1).padStart(2, "0")}:00","${load}","${load + 100}"`);
    const read = readDataset(`"Time (CET/CEST)","Day-ahead Total Load Forecast [MW] - BZN|DE-LU","Actual Total Load [MW] - BZN|DE-LU"\n${rows.join("\n")}\n`);
    if (!read.ok) throw new Error(read.reason);
    expect(read.data.timeColumn).toBe("Time (CET/CEST)");
    expect(read.data.series.map((s) => [s.name, s.unit, s.frequency.kind, iso(s.times[0]!), iso(s.times[4]!), Array.from(s.values)])).toEqual([
      ["Day-ahead Total Load Forecast [MW] - BZN|DE-LU", "MW", "hourly", "2023-01-01", "2023-01-01T04:00:00Z", loads],
      ["Actual Total Load [MW] - BZN|DE-LU", "MW", "hourly", "2023-01-01", "2023-01-01T04:00:00Z", loads.map((l) => l + 100)],
    ]);
  });

  it("Excel date-times a German Excel saved as numbers with decimal commas are the file's times", () => {
    // `45292,041667;102,6`: the time column was read as text, left out, and the points numbered.
    const rows = [0, 1, 2, 3].map((h) => `${(45292 + h / 24).toFixed(6).replace(".", ",")};${100 + h},5`);
    const read = readDataset(`Zeitstempel;Last [MW]\n${rows.join("\n")}\n`);
    if (!read.ok) throw new Error(read.reason);
    expect(read.data.timeColumn).toBe("Zeitstempel");
    expect(read.data.series.map((s) => [s.name, s.unit, s.frequency.kind, iso(s.times[0]!), iso(s.times[3]!), Array.from(s.values)])).toEqual([
      ["Last [MW]", "MW", "hourly", "2024-01-01", "2024-01-01T03:00:00Z", [100.5, 101.5, 102.5, 103.5]],
    ]);
  });

  it("numbers written with a unit of measure after them are read, and take it as their unit", () => {
    // Meter and sensor exports (`12.1 kWh`, `21,5 °C`): such a column was left out without a word
    // when the file had another column of numbers.
    const read = readDataset("Datum;Verbrauch;Temperatur;Quote\n01.01.2024;12,1 kWh;21,5 °C;45 %\n02.01.2024;13,5 kWh;n.a.;46 %\n03.01.2024;1.011,0 kWh;-3,0 °C;47 %\n");
    if (!read.ok) throw new Error(read.reason);
    expect(read.data.series.map((s) => [s.name, s.unit, Array.from(s.values)])).toEqual([
      ["Verbrauch", "kWh", [12.1, 13.5, 1011]],
      ["Temperatur", "°C", [21.5, NaN, -3]],
      ["Quote", "%", [45, 46, 47]],
    ]);
  });

  it("reads bytes and bit rates as Grafana's formatted \"Download CSV\" writes them, and refuses a column it scaled row by row", () => {
    const rows = ["1.21 kB", "1.35 kB", "998 B", "1.02 kB", "1.1 kB", "1.18 kB"].map((cell, i) => `"2024-01-01 00:0${i}:00","${cell}","${(12.5 + i).toFixed(1)} Mbps","${3 + i} ms"`);
    const text = `"Time","rx","link","latency"\n${rows.join("\n")}\n`;
    const steady = readDataset(text.replace("998 B", "0.998 kB"));
    if (!steady.ok) throw new Error(steady.reason);
    expect(steady.data.series.map((s) => [s.name, s.unit, Array.from(s.values)])).toEqual([
      ["rx", "kB", [1.21, 1.35, 0.998, 1.02, 1.1, 1.18]],
      ["link", "Mbps", [12.5, 13.5, 14.5, 15.5, 16.5, 17.5]],
      ["latency", "ms", [3, 4, 5, 6, 7, 8]],
    ]);
    expect(readDataset(text)).toMatchObject({ ok: false, reason: expect.stringContaining("Row 4, column `rx`: `998 B` is written in B, the column's values in kB.") });
  });

  it("a number in another unit than its column's is refused by row rather than mixed into the series", () => {
    const weights = (cells: string[]) => `date,weight\n${cells.map((cell, i) => `2024-01-0${i + 1},${cell}`).join("\n")}\n`;
    const other = readDataset(weights(["500 g", "510 g", "1.2 kg", "505 g", "520 g", "515 g"]));
    expect(other).toMatchObject({ ok: false, reason: expect.stringContaining("Row 4, column `weight`: `1.2 kg` is written in kg, the column's values in g.") });
    const mixed = readDataset(weights(["500 g", "1.1 kg", "1.2 kg", "505 g"]));
    expect(mixed).toMatchObject({ ok: false, reason: expect.stringContaining("Row 2, column `weight`: `500 g` is written in g, and the column's values do not share one unit.") });
  });

  it("a row exported twice is left out with a note; the same time with other values is still refused", () => {
    const read = readDataset("date,sales,cost\n2024-01-01,10,1\n2024-01-02,11,\n2024-01-02,11,\n2024-01-03,12,3\n");
    if (!read.ok) throw new Error(read.reason);
    expect(Array.from(read.data.series[0]!.values)).toEqual([10, 11, 12]);
    expect(read.data.issues.map((i) => i.message)).toContain("Row 4 repeats an earlier row exactly (same time, same values) and was left out. If they are separate transactions, choose to add up rows with the same time on import (CLI: --repeated-times sum).");
    expect(readDataset("date,sales\n2024-01-01,10\n2024-01-02,11\n2024-01-02,12\n")).toEqual({
      ok: false,
      reason: "Rows 3 and 4 have the same time `2024-01-02`. Remove the duplicate row, or, if the file holds several series, add a column that names each one. If rows with the same time are transactions or events, choose to add them up or average them on import (CLI: --repeated-times sum or mean), or to group them by day, week or month (CLI: --aggregate day).",
      at: { row: 3, column: 0, others: 1, otherRows: [4] },
    });
  });

  it("a value column written in words is named, with what it holds", () => {
    expect(readDataset("date,sales\n2024-01-01,ten\n2024-01-02,eleven\n")).toEqual({
      ok: false,
      reason:
        "No column holds numbers, so there is no series to read: column `sales` holds text such as `ten`. Write its values as numbers (empty cells are fine), or choose a file with a column of numbers.",
    });
  });

  it.each([
    ["date;v\n2024-01-01;1.5\n2024-01-02;1,5\n", "Row 3, column `v`: `1,5` is not a number with a decimal point, which the file's first rows were read with. If its numbers use a decimal comma, choose that decimal mark on import (CLI: --decimal ,); otherwise correct the cell."],
    ["date;v\n2024-01-01;1,5\n2024-01-02;2,5\n2024-01-03;2.25\n", "Row 4, column `v`: `2.25` is not a number with a decimal comma, which the file's first rows were read with. If its numbers use a decimal point, choose that decimal mark on import (CLI: --decimal .); otherwise correct the cell."],
  ])("a number written with the other decimal mark than the file was read with says how to read it: %j", (text, reason) => {
    expect(readDataset(text)).toMatchObject({ ok: false, reason });
  });

  it("a time column in a format that is not read is named in the note on numbered points; a file without one is not", () => {
    const notes = (text: string, options = {}) => {
      const read = readDataset(text, options);
      if (!read.ok) throw new Error(read.reason);
      return read.data.issues.map((i) => i.message);
    };
    // A retail calendar's periods (13 to a year) are not read.
    const fiscal = "Period,Revenue\nP01 2023,10\nP02 2023,11\nP03 2023,12\n";
    expect(notes(fiscal)).toContain(
      "No time column was found: column `Period` holds `P01 2023`, which is not a date or time that can be read, so points are numbered in file order. To forecast on a calendar, write its times as dates (`2024-01-31`), months (`2024-01`), quarters (`2024 Q1`) or ISO weeks (`2024-W05`).",
    );
    expect(notes(fiscal, { timeColumn: null })).toContain("No time column was found: points are numbered in file order.");
    expect(notes("store,sales\nnorth,10\nsouth,11\neast,12\n")).toContain("No time column was found: points are numbered in file order.");
  });

  it("a series that begins late in a file without times is said to span the numbers of its points", () => {
    const read = readDataset("a,b\n1,\n2,5\n3,6\n4,\n");
    if (!read.ok) throw new Error(read.reason);
    expect(read.data.issues.map((i) => i.message)).toContain(
      "1 series begins later or ends earlier than the file (`b` 2 – 3): the empty or non-numeric cells before the first value and after the last are not part of it.",
    );
  });

  it("a value column of mostly words is named rather than the comment column beside it, with a word it holds", () => {
    expect(readDataset("date,comment,sales\n2024-01-01,ok,10\n2024-01-02,ok,pending\n2024-01-03,late,pending\n2024-01-04,ok,pending\n2024-01-05,ok,pending\n")).toEqual({
      ok: false,
      reason:
        "No column holds numbers, so there is no series to read: column `sales` holds text such as `pending`. Write its values as numbers (empty cells are fine), or choose a file with a column of numbers.",
    });
  });

  it("rows with the same time are added up or averaged when the analyst says so, missing cells left out", () => {
    const log = "date,amount,items\n2024-01-02,5,1\n2024-01-01,10,2\n2024-01-01,20,\n2024-01-02,7,3\n2024-01-01,30,4\n";
    const summed = readDataset(log, { repeatedTimes: "sum" });
    if (!summed.ok) throw new Error(summed.reason);
    const [amount, items] = summed.data.series;
    expect(Array.from(amount!.values)).toEqual([60, 12]);
    expect(Array.from(items!.values)).toEqual([6, 4]);
    expect(summed.data.issues.map((i) => i.message)).toContain("3 rows shared a time with an earlier row; the values at each time were added up (2 points from 5 rows).");
    const averaged = readDataset(log, { repeatedTimes: "mean" });
    if (!averaged.ok) throw new Error(averaged.reason);
    expect(Array.from(averaged.data.series[0]!.values)).toEqual([20, 6]);
    expect(Array.from(averaged.data.series[1]!.values)).toEqual([3, 2]);
    // Identical rows are transactions too when adding up.
    const twice = readDataset("date,amount\n2024-01-01,5\n2024-01-01,5\n2024-01-02,1\n", { repeatedTimes: "sum" });
    expect(twice.ok && Array.from(twice.data.series[0]!.values)).toEqual([10, 1]);
  });

  it("a whole-number value column is not taken for store numbers without a name that says so", () => {
    expect(readDataset("qty,date,sales\n1,2024-01-01,10\n2,2024-01-01,20\n")).toMatchObject({ ok: false });
  });
});
