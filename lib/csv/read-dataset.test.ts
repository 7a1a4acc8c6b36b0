import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { inferFrequency, nextTimes } from "../time/frequency";
import { formatTime } from "../time/time-format";
import { decodeText } from "./decode-text";
import { readDataset, readDatasetChunks } from "./read-dataset";
import { SNIFF_CHARS } from "./sniff-csv";
import { BBK_HEAD, blsFlatFile, ECB_HEAD, FED_HEAD, gsodFullStation, gsodJanuary, gsodStation, nwisDailyValues, nwisRdb, ONS_LABELS } from "../../tests/fixtures/statistics-downloads";
import { influxOneTable } from "../../tests/fixtures/monitoring-exports";
import { payments, paypalActivity, paypalFee, shopifyOrders, stripeBalance, type Payment } from "../../tests/fixtures/payment-exports";

const DATASETS = path.resolve(import.meta.dirname, "../../bench/datasets");
const manifest = JSON.parse(fs.readFileSync(path.join(DATASETS, "manifest.json"), "utf8")) as {
  series: { name: string; file: string; frequency: string; n_points: number; first_timestamp: string; last_timestamp: string }[];
};

function read(text: string, options = {}) {
  const result = readDataset(text, options);
  if (!result.ok) throw new Error(result.reason);
  return result.data;
}

describe("the public datasets import with the manifest's counts, frequency and dates", () => {
  it.each(manifest.series)("$name", (entry) => {
    const decoded = decodeText(new Uint8Array(fs.readFileSync(path.join(DATASETS, entry.file))));
    if (!decoded.ok) throw new Error(decoded.reason);
    const dataset = read(decoded.data.text);
    expect(dataset.series).toHaveLength(1);
    const series = dataset.series[0]!;
    expect(series.times.length).toBe(entry.n_points);
    expect(series.frequency.kind).toBe(entry.frequency);
    const iso = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, "").replace(/T00:00:00$/, "");
    expect(iso(series.times[0]!)).toBe(entry.first_timestamp.replace(/T00:00:00$/, ""));
    expect(iso(series.times[series.times.length - 1]!)).toBe(entry.last_timestamp.replace(/T00:00:00$/, ""));
    expect(series.missingCount).toBe(0);
  });
});

describe("readDataset reads the dialects analysts' files come in", () => {
  it("semicolons with decimal commas and thousands dots", () => {
    const dataset = read("Datum;Umsatz\n01.01.2024;1.234,5\n02.01.2024;987,25\n03.01.2024;1.000\n");
    expect(dataset.dialect).toMatchObject({ delimiter: ";", decimal: "," });
    expect(Array.from(dataset.series[0]!.values)).toEqual([1234.5, 987.25, 1000]);
  });

  it("tabs, CRLF and quoted fields with embedded delimiters", () => {
    const dataset = read('date\t"sales, EUR"\r\n2024-01-01\t"1,5"\r\n2024-01-02\t2\r\n', {});
    expect(dataset.dialect).toMatchObject({ delimiter: "\t", lineBreak: "\r\n" });
    expect(dataset.series[0]!.name).toBe("sales, EUR");
  });

  it("a wide file gives one series per numeric column", () => {
    const dataset = read("month,north,south,west\n2024-01,1,2,3\n2024-02,4,,6\n2024-03,7,8,9\n");
    expect(dataset.shape).toBe("wide");
    expect(dataset.series.map((s) => s.name)).toEqual(["north", "south", "west"]);
    expect(dataset.series[1]!.missingCount).toBe(1);
    expect(dataset.issues.map((i) => i.kind)).toContain("missing");
  });

  it("a long file with an id column gives one series per id", () => {
    const dataset = read("store,date,sales\nA,2024-01-01,1\nB,2024-01-01,10\nA,2024-01-02,2\nB,2024-01-02,20\n");
    expect(dataset.shape).toBe("tidy");
    expect(dataset.series.map((s) => [s.name, Array.from(s.values)])).toEqual([
      ["A", [1, 2]],
      ["B", [10, 20]],
    ]);
  });

  it("a long file sorted by series is split by its name column even when the first rows hold one series", () => {
    // As stocks.csv is written: every MSFT month, then every AAPL month; the sampled rows repeat no time.
    const months = Array.from({ length: 30 }, (_, i) => `20${String(10 + Math.floor(i / 12))}-${String((i % 12) + 1).padStart(2, "0")}-01`);
    const text = "symbol,date,price,note\n" + ["MSFT", "AAPL"].flatMap((symbol, k) => months.map((m, i) => `${symbol},${m},${k * 100 + i},${i % 2 ? "up" : "down"}`)).join("\n");
    const dataset = read(text);
    expect(dataset.idColumn).toBe("symbol");
    expect(dataset.shape).toBe("tidy");
    expect(dataset.series.map((s) => [s.name, s.values.length, s.values[29], s.frequency.kind])).toEqual([
      ["MSFT", 30, 29, "monthly"],
      ["AAPL", 30, 129, "monthly"],
    ]);
    expect(dataset.issues.map((i) => i.message)).toContain("Column `symbol` names the series (2 of them), so each was read on its own.");
  });

  it("leaves out rows that repeat the header, as exports joined one after another have, with a note", async () => {
    // Two monthly exports pasted together: the second header was refused as a bad date.
    const part = (from: number) => [0, 1, 2].map((i) => `2024-${String(from + i).padStart(2, "0")}-01,${from + i}`).join("\n");
    const text = `date,value\n${part(1)}\ndate,value\n${part(4)}\n date , value \n${part(7)}\n`;
    const read = readDataset(text);
    if (!read.ok) throw new Error(read.reason);
    expect(Array.from(read.data.series[0]!.values)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(read.data.rowCount).toBe(9);
    expect(read.data.issues.map((i) => i.message)).toContain("Rows 5, 9 repeat the header, as files joined one after another do, and were left out.");
    const streamed = await readDatasetChunks((async function* () { yield text.slice(0, 40); yield text.slice(40); })());
    expect(streamed.ok && Array.from(streamed.data.series[0]!.values)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("reads NESO's settlement date and period (1–48, 46 and 50 when clocks change) as half hours on the UK clock", () => {
    // Each date held 48 rows, refused as the same time.
    const days: [string, number][] = [["2023-03-25", 48], ["2023-03-26", 46], ["2023-10-28", 48], ["2023-10-29", 50], ["2023-10-30", 48]];
    const rows = days.flatMap(([day, periods]) => Array.from({ length: periods }, (_, p) => `${day},${p + 1},${20_000 + p}`));
    const read = readDataset(`SETTLEMENT_DATE,SETTLEMENT_PERIOD,ND\n${rows.join("\n")}\n`);
    if (!read.ok) throw new Error(read.reason);
    const series = read.data.series[0]!;
    const at = (text: string) => series.values[Array.from(series.times).indexOf(Date.parse(`${text}Z`))];
    expect(read.data.series.map((s) => s.name)).toEqual(["ND"]);
    expect(series.frequency.kind).toBe("half-hourly");
    // The headers go with the format, so that exports write the date and the period again.
    expect(read.data.timeFormat).toEqual({ kind: "pattern", pattern: "%Y-%m-%d %H:%M", settlement: { dateColumn: "SETTLEMENT_DATE", periodColumn: "SETTLEMENT_PERIOD" } });
    expect(at("2023-03-25T23:30:00")).toBe(20_047);
    // The short day skips 01:00 and 01:30: period 3 is 02:00.
    expect(at("2023-03-26T00:30:00")).toBe(20_001);
    expect(at("2023-03-26T02:00:00")).toBe(20_002);
    expect(at("2023-03-26T23:30:00")).toBe(20_045);
    // The long day has 01:00 and 01:30 twice (periods 3–4 and 5–6), averaged with a note.
    expect(at("2023-10-29T01:00:00")).toBe(20_003);
    expect(at("2023-10-29T02:00:00")).toBe(20_006);
    expect(at("2023-10-29T23:30:00")).toBe(20_049);
    const messages = read.data.issues.map((i) => i.message).join("\n");
    expect(messages).toContain("Columns `SETTLEMENT_DATE` and `SETTLEMENT_PERIOD` were read together as one time");
    expect(messages).toContain("where clocks go back for daylight saving (2023-10-29 01:00, 2023-10-29 01:30)");
    expect(messages).not.toContain("not in time order");
  });

  it("a duplicated row is still refused, not split by a text column", () => {
    const rows = Array.from({ length: 40 }, (_, i) => `2024-01-${String(i + 1).padStart(2, "0")},${i},${i % 3 ? "ok" : "checked"}`).slice(0, 31);
    const text = `date,visits,status\n${rows.join("\n")}\n2024-01-31,99,ok\n`;
    const result = readDataset(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^Rows 32 and 33 have the same time `2024-01-31`/);
  });

  it("reads a date kept in year, month and day columns, and leaves the weekday column out", () => {
    const rows = Array.from({ length: 40 }, (_, i) => {
      const day = new Date(Date.UTC(1994, 0, 30 + i));
      return `${day.getUTCFullYear()},${day.getUTCMonth() + 1},${day.getUTCDate()},${day.getUTCDay() || 7},${8000 + i}`;
    });
    const dataset = read(`year,month,date_of_month,day_of_week,births\n${rows.join("\n")}\n`);
    expect(dataset.series.map((s) => s.name)).toEqual(["births"]);
    const births = dataset.series[0]!;
    expect(births.frequency.kind).toBe("daily");
    expect(births.times[0]).toBe(Date.UTC(1994, 0, 30));
    expect(births.times[39]).toBe(Date.UTC(1994, 2, 10));
    expect(dataset.timeFormat).toEqual({ kind: "pattern", pattern: "%Y-%m-%d" });
    expect(dataset.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining([
        "Columns `year`, `month` and `date_of_month` were read together as one time (YYYY-MM-DD).",
        "Column `day_of_week` describes the date, so it is not read as a series (pick it as a value column to forecast anyway).",
      ]),
    );
  });

  it("leaves out the calendar flags of the UCI bike-sharing file (holiday, weekday, workingday), and its row counter", () => {
    const rows = Array.from({ length: 40 }, (_, i) => {
      const day = new Date(Date.UTC(2011, 0, 1 + i));
      const weekday = day.getUTCDay();
      return `${i + 1},${day.toISOString().slice(0, 10)},${i % 17 === 3 ? 1 : 0},${weekday},${weekday === 0 || weekday === 6 ? 0 : 1},${985 + ((i * 37) % 400)}`;
    });
    const dataset = read(`instant,dteday,holiday,weekday,workingday,cnt\n${rows.join("\n")}\n`);
    expect(dataset.series.map((s) => s.name)).toEqual(["cnt"]);
    expect(dataset.issues.map((i) => i.message)).toContain(
      "Columns `holiday`, `weekday`, `workingday` describe the date, so they are not read as a series (pick them as value columns to forecast anyway).",
    );
  });

  it("reads year with month names, year with quarters and year, month, day and hour columns", () => {
    const monthly = read("Year,Month,Rain\n2023,Nov,1\n2023,Dec,2\n2024,Jan,3\n2024,Feb,4\n");
    expect(monthly.series[0]!.frequency.kind).toBe("monthly");
    expect(Array.from(monthly.series[0]!.times)).toEqual([Date.UTC(2023, 10, 1), Date.UTC(2023, 11, 1), Date.UTC(2024, 0, 1), Date.UTC(2024, 1, 1)]);
    const quarterly = read("year,quarter,gdp\n2023,Q3,1\n2023,Q4,2\n2024,Q1,3\n2024,Q2,4\n");
    expect(quarterly.series[0]!.frequency.kind).toBe("quarterly");
    expect(quarterly.timeFormat).toEqual({ kind: "pattern", pattern: "%Y-Q%q" });
    const hourly = read("YEAR,MONTH,DAY,HOUR,TEMP\n2024,2,29,22,1.5\n2024,2,29,23,1.25\n2024,3,1,0,1\n2024,3,1,1,0.5\n");
    expect(hourly.series.map((s) => s.name)).toEqual(["TEMP"]);
    expect(hourly.series[0]!.frequency.kind).toBe("hourly");
    expect(hourly.series[0]!.times[2]).toBe(Date.UTC(2024, 2, 1, 0));
  });

  it("reads a BLS download (Year and Period M01–M12), leaving out the M13 annual averages", () => {
    const rows = [2022, 2023].flatMap((year) => Array.from({ length: 13 }, (_, m) => `CUUR0000SA0,${year},M${String(m + 1).padStart(2, "0")},${(280 + m / 10).toFixed(1)}`));
    const dataset = read(`series_id,year,period,value\n${rows.join("\n")}\n`);
    expect(dataset.series.map((s) => [s.name, s.frequency.kind, s.values.length])).toEqual([["CUUR0000SA0", "monthly", 24]]);
    expect(dataset.series[0]!.times[12]).toBe(Date.UTC(2023, 0, 1));
    expect(dataset.issues.map((i) => i.message)).toContain("Rows 14, 27 are total or summary rows and were left out.");
  });

  it("refuses a bad month in a year-and-month file, naming the row and the columns", () => {
    const rows = Array.from({ length: 11 }, (_, i) => `2024,${i + 1},${i}`);
    const result = readDataset(`year,month,sales\n${rows.join("\n")}\n2024,13,7\n`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^Row 13, columns `year`, `month`: `2024-\?` is not a date like the others/);
  });

  it("a yearly file whose years do not repeat keeps its month column as a value", () => {
    const dataset = read("year,month,peak\n2021,7,30\n2022,8,31\n2023,7,33\n");
    expect(dataset.series.map((s) => s.name)).toEqual(["month", "peak"]);
    expect(dataset.series[0]!.frequency.kind).toBe("yearly");
  });

  it("reads a table of years by months (GISS, NOAA, BLS) as one monthly series", () => {
    const text = [
      "Land-Ocean: Global Means",
      "Year,Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec,J-D,DJF",
      "2022,.91,.89,1.05,.83,.84,.92,.94,.95,.89,.97,.73,.80,.89,.89",
      "2023,.87,.98,1.20,1.00,.94,1.08,1.19,1.19,1.47,1.34,1.42,1.37,1.17,.88",
      "2024,1.24,1.44,1.39,1.31,1.17,1.23,1.20,1.30,1.23,1.33,***,***,***,1.35",
    ].join("\n");
    const dataset = read(text);
    expect(dataset.series).toHaveLength(1);
    const series = dataset.series[0]!;
    expect([series.name, series.frequency.kind, series.values.length, series.missingCount]).toEqual(["monthly values", "monthly", 34, 0]);
    expect(series.times[0]).toBe(Date.UTC(2022, 0, 1));
    expect(series.times[33]).toBe(Date.UTC(2024, 9, 1));
    expect(Array.from(series.values.slice(11, 14))).toEqual([0.8, 0.87, 0.98]);
    expect(dataset.timeFormat).toEqual({ kind: "pattern", pattern: "%Y-%m" });
    expect(dataset.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining([
        "Columns `Jan` to `Dec` were read as one monthly series, a year per row.",
        "Columns `J-D`, `DJF` were left out: they sum up the months.",
        "2 empty months before the first value or after the last were left out.",
      ]),
    );
  });

  it("reads a table of years by quarters; a month column picked on its own stays a yearly series", () => {
    const quarterly = read("year,Q1,Q2,Q3,Q4\n2023,1,2,3,4\n2024,5,,7,8\n");
    expect(quarterly.series[0]!.frequency.kind).toBe("quarterly");
    expect(Array.from(quarterly.series[0]!.values)).toEqual([1, 2, 3, 4, 5, NaN, 7, 8]);
    expect(quarterly.issues.map((i) => i.message)).toContain("1 quarter is empty inside the series, kept as missing values, never as 0; the forecaster fills them by interpolation, along the season when the series has a clear one.");
    const january = read("Year,Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec\n2023,1,2,3,4,5,6,7,8,9,10,11,12\n2024,13,14,15,16,17,18,19,20,21,22,23,24\n", { valueColumns: ["Jan"] });
    expect(january.series.map((s) => [s.name, s.frequency.kind, Array.from(s.values)])).toEqual([["Jan", "yearly", [1, 13]]]);
  });

  it("a wide file: columns that begin late are clipped with one note, and many columns with gaps get one message", () => {
    const header = ["date", ...Array.from({ length: 8 }, (_, c) => `s${c}`)].join(",");
    const rows = Array.from({ length: 6 }, (_, r) => [`2024-0${r + 1}`, ...Array.from({ length: 8 }, (_, c) => (r === 0 && c > 0 ? "" : r === 3 && c < 7 ? "" : String(c + r)))].join(","));
    const dataset = read([header, ...rows].join("\n"));
    expect(dataset.series.map((s) => s.values.length)).toEqual([6, 5, 5, 5, 5, 5, 5, 5]);
    expect(dataset.series[1]!.times[0]).toBe(Date.UTC(2024, 1, 1));
    expect(dataset.issues.map((i) => i.message)).toEqual([
      "7 columns (`s0`, `s1`, `s2`, `s3`, `s4` and 2 more) have 7 empty or non-numeric cells between their first and last values, kept as missing values, never as 0; the forecaster fills them by interpolation, along the season when the series has a clear one.",
      "7 series begin later or end earlier than the file (`s1` 2024-02 – 2024-06, `s2` 2024-02 – 2024-06, `s3` 2024-02 – 2024-06, `s4` 2024-02 – 2024-06, `s5` 2024-02 – 2024-06 and 2 more): the empty or non-numeric cells before the first value and after the last are not part of them.",
    ]);
  });

  it("a column of numbers with words in up to half of its cells is a series whose words are missing; a column of mostly words stays text", () => {
    const day = (i: number) => `2024-01-${String(i + 1).padStart(2, "0")}`;
    const file = (cell: (i: number) => string) => ["date,v,w", ...Array.from({ length: 10 }, (_, i) => `${day(i)},${cell(i)},${i}`)].join("\n");
    const pending = read(file((i) => (i === 1 || i === 4 || i === 7 ? "pending" : String(i * 10))));
    expect(pending.series.map((s) => s.name)).toEqual(["v", "w"]);
    expect(Array.from(pending.series[0]!.values)).toEqual([0, NaN, 20, 30, NaN, 50, 60, NaN, 80, 90]);
    expect(pending.issues.map((i) => i.message)).toEqual([
      "Column `v` has 3 empty or non-numeric cells (rows 3, 6, 9), kept as missing values, never as 0; the forecaster fills them by interpolation, along the season when the series has a clear one.",
    ]);
    // Half numbers is still a series; a comment column with a few numbers is not.
    expect(read(file((i) => (i < 5 ? "late" : String(i)))).series.map((s) => s.name)).toEqual(["v", "w"]);
    expect(read(file((i) => (i < 6 ? "late" : String(i)))).series.map((s) => s.name)).toEqual(["w"]);
  });

  it("sorts unsorted rows and says so", () => {
    const dataset = read("date,v\n2024-01-03,3\n2024-01-01,1\n2024-01-02,2\n");
    expect(Array.from(dataset.series[0]!.values)).toEqual([1, 2, 3]);
    expect(dataset.issues.map((i) => i.kind)).toContain("unsorted");
  });

  it("a file without a time column becomes a numbered sequence", () => {
    const dataset = read("value\n5\n6\n7\n");
    expect(dataset.timeColumn).toBeNull();
    expect(dataset.series[0]!.frequency.kind).toBe("index");
    expect(formatTime(dataset.series[0]!.times[2]!, dataset.timeFormat, 2)).toBe("3");
  });

  it("leaves out the row names R and pandas write as a first column", () => {
    // R: write.csv(data.frame(x = lynx)); pandas: df.to_csv() with a date column.
    const r = read('"","x"\n"1",269\n"2",321\n"3",585\n"4",871\n');
    expect(r.series.map((s) => [s.name, Array.from(s.values)])).toEqual([["x", [269, 321, 585, 871]]]);
    expect(r.issues.map((i) => i.message)).toContain("Column `column 1` only counts the rows (the row names R and pandas write), so it is not read as a series.");
    const pandas = read(",date,sales\n0,2024-01-01,5\n1,2024-01-02,6\n2,2024-01-03,7\n");
    expect(pandas.series.map((s) => s.name)).toEqual(["sales"]);
    // Numbers that do not count the rows, or the only numbers there are, stay series.
    expect(read("a,b\n1,5\n2,6\n4,7\n").series.map((s) => s.name)).toEqual(["a", "b"]);
    expect(read("n\n1\n2\n3\n").series.map((s) => s.name)).toEqual(["n"]);
    // An explicit choice wins.
    expect(read('"","x"\n"1",269\n"2",321\n"3",585\n', { valueColumns: ["column 1", "x"] }).series.map((s) => s.name)).toEqual(["column 1", "x"]);
  });

  it("reads values that look like year.month as values, and R's decimal years as time", () => {
    const pressure = read("date,pressure\n2024-01-01,1013.2\n2024-01-02,1012.8\n2024-01-03,1015.1\n2024-01-04,1011.9\n");
    expect(pressure.series.map((s) => [s.name, Array.from(s.values)])).toEqual([["pressure", [1013.2, 1012.8, 1015.1, 1011.9]]]);
    const r = read('"time","AirPassengers"\n1949,112\n1949.08333333333,118\n1949.16666666667,132\n1949.25,129\n');
    expect(r.timeColumn).toBe("time");
    expect(r.series[0]!.frequency.kind).toBe("monthly");
    expect(r.series.map((s) => s.name)).toEqual(["AirPassengers"]);
  });

  it("reads a date column and a time-of-day column next to it as one time", () => {
    const dataset = read("Datum;Uhrzeit;Last kW\n01.03.2024;00:00;100,5\n01.03.2024;00:15;101\n01.03.2024;00:30;99,5\n01.03.2024;00:45;98\n");
    expect(dataset.timeColumn).toBe("Datum");
    expect(dataset.timeFormat).toEqual({ kind: "pattern", pattern: "%d.%m.%Y %H:%M" });
    expect(dataset.series.map((s) => s.name)).toEqual(["Last kW"]);
    expect(dataset.series[0]!.frequency.label).toBe("every 15 minutes");
    expect(Array.from(dataset.series[0]!.times)).toEqual([0, 15, 30, 45].map((m) => Date.UTC(2024, 2, 1, 0, m)));
    expect(dataset.issues.map((i) => i.message)).toContain("Columns `Datum` and `Uhrzeit` were read together as one time (DD.MM.YYYY hh:mm).");
  });

  it("reads a 12-hour time of day beside the date", () => {
    const dataset = read("Date,Time,Visitors\n3/1/2024,11:00 AM,5\n3/1/2024,12:00 PM,7\n3/1/2024,1:00 PM,6\n3/2/2024,12:00 AM,1\n");
    expect(Array.from(dataset.series[0]!.times)).toEqual([Date.UTC(2024, 2, 1, 11), Date.UTC(2024, 2, 1, 12), Date.UTC(2024, 2, 1, 13), Date.UTC(2024, 2, 2, 0)]);
  });

  it("reads a dotted time of day beside the date (UCI's Air Quality: `18.00.00`), not as 24 series of one hour each", () => {
    const dataset = read("Date;Time;CO(GT);T;;\r\n10/03/2004;18.00.00;2,6;13,6;;\r\n10/03/2004;19.00.00;2;13,3;;\r\n10/03/2004;20.00.00;2,2;11,9;;\r\n13/03/2004;21.00.00;2,2;11;;\r\n;;;;;\r\n;;;;;\r\n");
    expect(dataset.idColumns).toEqual([]);
    expect(dataset.timeFormat).toEqual({ kind: "pattern", pattern: "%d/%m/%Y %H.%M.%S" });
    expect(dataset.series.map((s) => s.name)).toEqual(["CO(GT)", "T"]);
    expect(Array.from(dataset.series[1]!.times).slice(0, 2)).toEqual([Date.UTC(2004, 2, 10, 18), Date.UTC(2004, 2, 10, 19)]);
  });

  it("reads UCI Air Quality's -200 as a missing reading in every column, and says so once: its cells are not counted again as empty", () => {
    // T also has one empty cell (row 8): that one, and only that one, is an empty cell.
    const hours = Array.from({ length: 12 }, (_, h) => {
      const co = h % 4 === 1 ? "-200" : `${1 + (h % 3)},${h}`;
      const sensor = h % 4 === 1 ? "-200" : String(1000 + 40 * h);
      const t = h % 4 === 1 ? "-200" : h === 6 ? "" : `${10 + h},5`;
      return `10/03/2004;${String(h + 8).padStart(2, "0")}.00.00;${co};${sensor};${t};;`;
    });
    const dataset = read(`Date;Time;CO(GT);PT08.S1(CO);T;;\r\n${hours.join("\r\n")}\r\n;;;;;;\r\n`);
    expect(dataset.series.map((s) => [s.name, s.missingCount, Math.min(...Array.from(s.values).filter((v) => v === v))])).toEqual([
      ["CO(GT)", 3, 1],
      ["PT08.S1(CO)", 3, 1000],
      ["T", 4, 10.5],
    ]);
    const messages = dataset.issues.map((i) => i.message);
    expect(messages).toContain(
      "-200 stands for a missing reading in 3 columns (`CO(GT)`, `PT08.S1(CO)`, `T`): it repeats exactly and lies beyond every other value (in `CO(GT)` far beyond them: they run from 1 to 3.8), so its 9 cells were read as missing, not as -200 (rows 3, 7, 11), kept as missing values, never as 0; the forecaster fills them by interpolation, along the season when the series has a clear one.",
    );
    expect(dataset.issues.filter((i) => i.kind === "missing").map((i) => i.message)).toEqual([
      "Column `T` has 1 empty or non-numeric cell (row 8), kept as missing values, never as 0; the forecaster fills them by interpolation, along the season when the series has a clear one.",
    ]);
  });

  it("reads NOAA's daily summaries' 9999.9 (a temperature) and 999.9 (a gust) as missing, each with its note; a °F maximum of 99.9 is kept", () => {
    // Twenty days at one station; no gust on every third, no maximum on the 4th, 11th and 18th.
    const days = Array.from({ length: 20 }, (_, i) => [41.4 + (i % 5), 5.2 + (i % 4), i % 3 === 0 ? null : 14 + (i % 6), i % 7 === 3 ? null : 46 + (i % 6)] as [number, number, number | null, number | null]);
    const dataset = read(gsodStation(days));
    expect(dataset.series.map((s) => [s.name, s.missingCount, Math.max(...Array.from(s.values).filter((v) => v === v))])).toEqual([
      ["TEMP", 0, 45.4],
      ["WDSP", 0, 8.2],
      ["GUST", 6, 19],
      ["MAX", 3, 51],
    ]);
    // The first day's gust is 999.9 too: the series begins a day later, with 6 of the 7 cells inside it.
    expect(dataset.issues.map((i) => i.message).slice(0, 2)).toEqual([
      "999.9 stands for a missing reading in column `GUST`: it repeats exactly and lies beyond every other value (in `GUST` far beyond them: they run from 15 to 19), so its 7 cells were read as missing, not as 999.9 (rows 2, 5, 8, 11, 14 and 2 more); the 6 inside a series are kept as missing values, never as 0; the forecaster fills them by interpolation, along the season when the series has a clear one. The other comes before a series' first value or after its last.",
      "9999.9 stands for a missing reading in column `MAX`: it repeats exactly and lies beyond every other value (in `MAX` far beyond them: they run from 46 to 51), so its 3 cells were read as missing, not as 9999.9 (rows 5, 12, 19), kept as missing values, never as 0; the forecaster fills them by interpolation, along the season when the series has a clear one.",
    ]);
    // Not told again as empty cells: the file has none.
    expect(dataset.issues.filter((i) => i.kind === "missing")).toEqual([]);
    expect(dataset.issues.at(-1)?.message).toBe(
      "1 series begins later or ends earlier than the file (`GUST` 2023-01-02 – 2023-01-20): the cells read as missing before the first value and after the last are not part of it.",
    );
    // A heat wave: 99.9 °F on three days is the hottest reading, not a mark.
    const hot = read(gsodStation(days.map(([t, w, g, m], i) => [t, w, g, i % 7 === 3 ? 99.9 : m])));
    expect(Math.max(...Array.from(hot.series.find((s) => s.name === "MAX")!.values))).toBe(99.9);
  });

  it("reads a whole GSOD file's three marks as missing, 99.99 for a precipitation among them; a pressure of 999.9 is kept", () => {
    const dataset = read(gsodFullStation(gsodJanuary()));
    expect(dataset.series.map((s) => [s.name, s.missingCount, Math.max(...Array.from(s.values).filter((v) => v === v))])).toEqual([
      ["TEMP", 0, 44],
      ["DEWP", 0, 37.4],
      ["SLP", 0, 1015.4],
      // The 2nd's 999.9 mb lies among the pressures of 998.9 to 1,001.9: a reading, not the winds' mark.
      ["STP", 3, 1001.9],
      ["VISIB", 0, 9.4],
      ["WDSP", 0, 7.9],
      ["MXSPD", 0, 12.9],
      ["GUST", 9, 20],
      ["MAX", 0, 49.1],
      ["MIN", 0, 37],
      // Before, 99.99 stayed a value: three 99.99-inch days among rain of 0 to 1.12.
      ["PRCP", 3, 1.12],
    ]);
    expect(dataset.series.find((s) => s.name === "STP")?.values[1]).toBe(999.9);
    expect(dataset.issues.map((i) => i.message.split(": ")[0]).slice(0, 3)).toEqual([
      "9999.9 stands for a missing reading in column `STP`",
      "999.9 stands for a missing reading in column `GUST`",
      "99.99 stands for a missing reading in column `PRCP`",
    ]);
    expect(dataset.issues[2]?.message).toBe(
      "99.99 stands for a missing reading in column `PRCP`: it repeats exactly and lies beyond every other value (in `PRCP` far beyond them: they run from 0 to 1.12), so its 3 cells were read as missing, not as 99.99 (rows 6, 15, 24), kept as missing values, never as 0; the forecaster fills them by interpolation, along the season when the series has a clear one.",
    );
  });

  it("leaves a time-of-day column alone when the dates do not repeat", () => {
    const dataset = read("date,read at,mm\n2024-01-01,08:00,1\n2024-01-02,08:05,2\n2024-01-03,07:55,3\n");
    expect(dataset.timeFormat).toEqual({ kind: "pattern", pattern: "%Y-%m-%d" });
    expect(dataset.series[0]!.frequency.kind).toBe("daily");
  });

  it("a long file with date and time columns: the id column still names the series", () => {
    const dataset = read("date,time,meter,kwh\n2024-01-01,00:00,a,1\n2024-01-01,00:00,b,2\n2024-01-01,01:00,a,3\n2024-01-01,01:00,b,4\n2024-01-01,02:00,a,5\n2024-01-01,02:00,b,6\n");
    expect(dataset.idColumn).toBe("meter");
    expect(dataset.series.map((s) => [s.name, Array.from(s.values)])).toEqual([
      ["a", [1, 3, 5]],
      ["b", [2, 4, 6]],
    ]);
  });

  it("names the row whose time of day cannot be read", () => {
    const result = readDataset("date,time,kwh\n2024-01-01,00:00,1\n2024-01-01,01:00,2\n2024-01-01,25:00,3\n");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^Row 4, column `date`: `2024-01-01 25:00` is not a date like the others/);
  });

  it("reads Excel serial dates under a date header as days, and says so", () => {
    const dataset = read("Date,Sales\n45292,5\n45293,6\n45294,7\n45295,8\n");
    expect(dataset.timeFormat).toEqual({ kind: "excel-serial", decimals: 0 });
    expect(dataset.series.map((s) => s.name)).toEqual(["Sales"]);
    expect(dataset.series[0]!.frequency.kind).toBe("daily");
    expect(dataset.series[0]!.times[0]).toBe(Date.UTC(2024, 0, 1));
    expect(dataset.issues.map((i) => i.message)).toContain("Column `Date`: numbers read as Excel serial dates (days since 30 December 1899).");
  });

  it("reads times the same way when files joined one after another repeat the header among the first rows", () => {
    // The repeated header's words in the sample made the Excel date-times a column of text: the
    // file was imported as two series, `Timestamp` one of them, numbered instead of dated.
    const rows = (from: number) => Array.from({ length: 6 }, (_, i) => `${(45292 + (from + i) / 24).toFixed(6)},${100 + i}`);
    const dataset = read(`Timestamp,Orders\n${rows(0).join("\n")}\nTimestamp,Orders\n${rows(6).join("\n")}\n`);
    expect(dataset.series.map((s) => s.name)).toEqual(["Orders"]);
    expect(dataset.series[0]!.frequency.kind).toBe("hourly");
    expect(dataset.series[0]!.times[7]).toBe(Date.UTC(2024, 0, 1, 7));
    expect(dataset.issues.map((i) => i.message)).toContain("Row 8 repeats the header, as files joined one after another do, and was left out.");
  });

  it("leaves out note and source lines under the table, and only at the end", () => {
    const dataset = read('month,turnover\n2024-01,5\n2024-02,6\n2024-03,7\n\nSource: ABS\n"© Eurostat, 2024",\n');
    expect(Array.from(dataset.series[0]!.values)).toEqual([5, 6, 7]);
    expect(dataset.issues.map((i) => i.message)).toContain("Rows 6, 7 under the table are note or source lines and were left out.");
    // Words in the middle of the table are still a bad row, named.
    const middle = readDataset("month,turnover\n2024-01,5\nsee note,\n2024-03,7\n");
    expect(middle).toMatchObject({ ok: false, reason: "Row 3, column `month`: `see note` is not a date like the others (YYYY-MM). Correct it or delete the row." });
  });

  it("reads a units row under the header as the columns' units, and units in brackets in the header", () => {
    const dataset = read("Date,Load,Temp\n,MW,[°C]\n2024-01-01,5,1\n2024-01-02,6,2\n2024-01-03,7,3\n");
    expect(dataset.series.map((s) => [s.name, s.unit, Array.from(s.values)])).toEqual([
      ["Load", "MW", [5, 6, 7]],
      ["Temp", "°C", [1, 2, 3]],
    ]);
    expect(dataset.issues.map((i) => i.message)).toContain("The row under the header gives units (`Load` in MW, `Temp` in °C); it is not data.");
    const bracketed = read("month,Revenue (EUR),Visitors\n2024-01,5,1\n2024-02,6,2\n2024-03,7,3\n");
    expect(bracketed.series.map((s) => [s.name, s.unit])).toEqual([
      ["Revenue (EUR)", "EUR"],
      ["Visitors", null],
    ]);
    // A word qualifying what is measured is no unit (Our World in Data's headers); a plural noun is one.
    const qualified = read("Year,Life expectancy at birth (historical),GDP (estimated),Catch (tonnes)\n2020,5,1,2\n2021,6,2,3\n2022,7,3,4\n");
    expect(qualified.series.map((s) => s.unit)).toEqual([null, null, "tonnes"]);
    // Parentheses against the word name a gas or a sensor (UCI Air Quality), unless they hold a unit.
    const gases = read("Date;CO(GT);PT08.S1(CO);NO2(GT);Temp(°C);Load(MW)\n2004-03-10;2,6;1360;113;13,6;5\n2004-03-11;2;1292;92;13,3;6\n2004-03-12;2,2;1402;114;11,9;7\n");
    expect(gases.series.map((s) => s.unit)).toEqual([null, null, null, "°C", "MW"]);
    // A title line above a header is not a header over a units row.
    const titled = read("Retail trade,Australia\nmonth,turnover\n2024-01,5\n2024-02,6\n2024-03,7\n");
    expect(titled.series.map((s) => [s.name, s.unit])).toEqual([["turnover", null]]);
  });

  it("reads a units row under a header naming one value column, and a missing date or a second name there as before", () => {
    // A SCADA historian's export: refused at its empty date (row 2) before.
    const scada = read("date,Load\n,MW\n2024-01-01 00:00,512.3\n2024-01-01 01:00,498.1\n2024-01-01 02:00,487.9\n");
    expect(scada.series.map((s) => [s.name, s.unit, Array.from(s.values)])).toEqual([["Load", "MW", [512.3, 498.1, 487.9]]]);
    expect(scada.issues.map((i) => i.message)).toContain("The row under the header gives units (`Load` in MW); it is not data.");
    // ENTSO-E's periods, quoted, with the unit on a row of its own.
    const entsoe = read('"MTU (CET/CEST)","Actual Total Load"\n"","MW"\n"13.01.2023 00:00 - 13.01.2023 01:00","41234"\n"13.01.2023 01:00 - 13.01.2023 02:00","40120"\n"13.01.2023 02:00 - 13.01.2023 03:00","39012"\n');
    expect(entsoe.series.map((s) => [s.name, s.unit, s.times[0], Array.from(s.values)])).toEqual([["Actual Total Load", "MW", Date.UTC(2023, 0, 13), [41234, 40120, 39012]]]);
    // Semicolons and decimal commas, an empty reading among the rows.
    const german = read("Zeitstempel;Last\n;MW\n13.01.2024 00:00;512,3\n13.01.2024 01:00;\n13.01.2024 02:00;480,2\n");
    expect(german.series.map((s) => [s.name, s.unit, Array.from(s.values)])).toEqual([["Last", "MW", [512.3, NaN, 480.2]]]);
    // A data row missing its date holds a number, a second level of names no unit: refused as before.
    const refusal = "Row 2, column `date`: the date is empty. Every row needs a date; fill it in or delete the row.";
    expect(readDataset("date,Load\n,512.3\n2024-01-01 00:00,498.1\n2024-01-01 01:00,487.9\n")).toMatchObject({ ok: false, reason: refusal });
    expect(readDataset("date,Load\n,North\n2024-01-01 00:00,498.1\n2024-01-01 01:00,487.9\n")).toMatchObject({ ok: false, reason: refusal });
  });

  it("reads a name repeated over different names below it as two header levels, and units under repeated names as units", () => {
    // Before, `North` and `South` were the units of `Sales` and `Sales (2)`.
    const regions = read("date,Sales,Sales\n,North,South\n2024-01,1,2\n2024-02,3,4\n2024-03,5,6\n");
    expect([regions.timeColumn, regions.series.map((s) => [s.name, s.unit, Array.from(s.values)])]).toEqual([
      "date",
      [
        ["Sales · North", null, [1, 3, 5]],
        ["Sales · South", null, [2, 4, 6]],
      ],
    ]);
    expect(regions.issues.map((i) => i.message)).toEqual([
      "The 2 header rows name the columns together (`Sales · North`), as pandas writes columns of several levels and spreadsheets write a heading over several columns.",
    ]);
    // Names that differ over one unit, one measure in one unit twice, or in two units: a units row.
    const units = (text: string) => read(text).series.map((s) => [s.name, s.unit]);
    expect(units("date,Revenue,Cost\n,EUR,EUR\n2024-01,5,1\n2024-02,6,2\n")).toEqual([["Revenue", "EUR"], ["Cost", "EUR"]]);
    expect(units("date,Load,Load\n,MW,MW\n2024-01,5,1\n2024-02,6,2\n")).toEqual([["Load", "MW"], ["Load (2)", "MW"]]);
    expect(units("date,Temp,Temp\n,°C,[°F]\n2024-01,5,41\n2024-02,6,43\n")).toEqual([["Temp", "°C"], ["Temp (2)", "°F"]]);
  });

  it("averages the hour that repeats when clocks go back, and refuses any other repeated time", () => {
    const hourly = read("time,kwh\n2023-10-29 01:00,2\n2023-10-29 02:00,3\n2023-10-29 02:00,4\n2023-10-29 03:00,5\n2023-10-29 04:00,6\n");
    expect(Array.from(hourly.series[0]!.values)).toEqual([2, 3.5, 5, 6]);
    expect(hourly.series[0]!.frequency.kind).toBe("hourly");
    expect(hourly.issues.map((i) => i.message)).toContain("The time 2023-10-29 02:00 comes twice, where clocks go back for daylight saving; its two readings were averaged.");
    const quarters = ["00", "15", "30", "45"];
    const rows = ["00:45", ...quarters.map((q) => `02:${q}`), ...quarters.map((q) => `02:${q}`), "03:00"].map((t, i) => `2023-11-05 ${t.replace("02:", "01:")},${i}`);
    const american = read(`time,kw\n${rows.join("\n")}\n`);
    expect(american.series[0]!.values).toHaveLength(6);
    expect(american.issues.map((i) => i.message)).toContain(
      "4 times come twice, where clocks go back for daylight saving (2023-11-05 01:00, 2023-11-05 01:15, 2023-11-05 01:30, 2023-11-05 01:45); the two readings of each were averaged.",
    );
    expect(readDataset("time,kwh\n2023-10-28 01:00,2\n2023-10-28 02:00,3\n2023-10-28 02:00,4\n")).toEqual({
      ok: false,
      reason: "Rows 3 and 4 have the same time `2023-10-28 02:00`. Remove the duplicate row, or, if the file holds several series, add a column that names each one. If rows with the same time are transactions or events, choose to add them up or average them on import (CLI: --repeated-times sum or mean), or to group them by day, week or month (CLI: --aggregate day).",
      at: { row: 3, column: 0, others: 1, otherRows: [4] },
    });
  });

  it("names the hour that is missing when clocks go forward, and does not count it as a gap", () => {
    const hourly = (times: string[]) => `time,kwh\n${times.map((t, i) => `${t},${i + 1}`).join("\n")}\n`;
    const hours = (day: string, hs: number[]) => hs.map((h) => `${day} ${String(h).padStart(2, "0")}:00`);
    const spring = read(hourly(hours("2023-03-26", [0, 1, 3, 4, 5])));
    expect(spring.series[0]!.frequency).toMatchObject({ kind: "hourly", gapCount: 0 });
    expect(spring.issues.filter((i) => i.kind === "gaps")).toEqual([]);
    expect(spring.issues.map((i) => i.message)).toContain(
      "The hour from 2023-03-26 02:00 is missing, where clocks go forward for daylight saving; that hour never happened on the local clock, so it is not a gap.",
    );
    // A quarter-hourly North American file over two springs, and a second series beside it.
    const american: string[] = [];
    for (let t = Date.UTC(2022, 2, 13); t < Date.UTC(2023, 2, 12, 5); t += 900_000) {
      const label = new Date(t).toISOString().slice(0, 16).replace("T", " ");
      if (!label.startsWith("2022-03-13 02:") && !label.startsWith("2023-03-12 02:")) american.push(label);
    }
    const both = read(`time,a,b\n${american.map((t, i) => `${t},${i},${2 * i}`).join("\n")}\n`);
    expect(both.series.map((s) => s.frequency.gapCount)).toEqual([0, 0]);
    expect(both.issues.map((i) => i.message)).toContain(
      "2 hours are missing where clocks go forward for daylight saving (2022-03-13 02:00, 2023-03-12 02:00); those hours never happened on the local clock, so they are not gaps.",
    );
    // Times written with their offsets are read on the local clock, which skips that hour too.
    const zoned = read(hourly(["2023-03-26T00:00+01:00", "2023-03-26T01:00+01:00", "2023-03-26T03:00+02:00", "2023-03-26T04:00+02:00"]));
    expect(zoned.series[0]!.frequency.gapCount).toBe(0);
    expect(zoned.issues.map((i) => i.message).join(" ")).toMatch(/The hour from 2023-03-26T02:00 is missing, where clocks go forward/);
    // The same hour on another Sunday, or more than that hour, or in a file kept in UTC, is a gap.
    for (const text of [
      hourly(hours("2023-03-19", [0, 1, 3, 4])),
      hourly(hours("2023-03-26", [0, 1, 4, 5])),
      hourly(["2023-03-26T00:00Z", "2023-03-26T01:00Z", "2023-03-26T03:00Z", "2023-03-26T04:00Z"]),
    ]) {
      const dataset = read(text);
      expect(dataset.series[0]!.frequency.gapCount).toBeGreaterThan(0);
      expect(dataset.issues.map((i) => i.message).join(" ")).not.toMatch(/clocks go forward/);
    }
  });

  it("knows the clock-change hours of a file that stamps each hour by its end (PJM's hourly load, days newest first)", () => {
    const day = (date: string, next: string, skip = -1, twice = -1) =>
      Array.from({ length: 24 }, (_, k) => k + 1)
        .filter((h) => h !== skip)
        .flatMap((h) => {
          const row = `${h === 24 ? next : date} ${String(h % 24).padStart(2, "0")}:00:00,${30000 + h}.0`;
          return h === twice ? [row, `${h === 24 ? next : date} ${String(h).padStart(2, "0")}:00:00,${29000 + h}.0`] : [row];
        });
    const autumn = read(`Datetime,PJME_MW\n${[...day("2014-11-02", "2014-11-03", -1, 2), ...day("2014-11-01", "2014-11-02")].join("\n")}\n`);
    expect(autumn.series[0]!.values).toHaveLength(48);
    expect(autumn.series[0]!.values[25]).toBe(29502);
    expect(autumn.issues.map((i) => i.message)).toContain("The time 2014-11-02 02:00:00 comes twice, where clocks go back for daylight saving; its two readings were averaged.");
    // Until 2007, North American clocks went forward on the first Sunday of April.
    const spring = read(`Datetime,PJME_MW\n${[...day("2005-04-03", "2005-04-04", 3), ...day("2005-04-02", "2005-04-03")].join("\n")}\n`);
    expect(spring.series[0]!.frequency.gapCount).toBe(0);
    expect(spring.issues.map((i) => i.message)).toContain(
      "The hour from 2005-04-03 03:00:00 is missing, where clocks go forward for daylight saving; that hour never happened on the local clock, so it is not a gap.",
    );
  });

  it("reads ISO weeks as the weeks' Mondays, across a 53-week year", () => {
    const dataset = read("week,orders\n2020-W52,10\n2020-W53,12\n2021-W01,11\n2021-W02,14\n");
    expect(dataset.timeColumn).toBe("week");
    expect(dataset.series[0]!.frequency.kind).toBe("weekly");
    expect(Array.from(dataset.series[0]!.times)).toEqual([Date.UTC(2020, 11, 21), Date.UTC(2020, 11, 28), Date.UTC(2021, 0, 4), Date.UTC(2021, 0, 11)]);
  });

  it("skips title and source lines above the table, and only those", () => {
    const titled = read("Retail turnover, Australia\nSource: ABS 8501.0\n\nmonth,turnover,food\n2020-01,5,2\n2020-02,6,3\n2020-03,7,\n");
    expect(titled.series.map((s) => [s.name, Array.from(s.values)])).toEqual([
      ["turnover", [5, 6, 7]],
      ["food", [2, 3]],
    ]);
    expect(titled.issues.map((i) => i.message)).toContain("The 2 lines above the table (a title or source) were skipped.");
    expect(titled.issues.map((i) => i.message)).toContain("1 series begins later or ends earlier than the file (`food` 2020-01 – 2020-02): the empty or non-numeric cells before the first value and after the last are not part of it.");
    // One-column files and files whose first rows are data keep every row.
    expect(Array.from(read("value\n5\n6\n7\n").series[0]!.values)).toEqual([5, 6, 7]);
    expect(read("date,value\n2020-01-01,\n2020-01-02,6\n2020-01-03,7\n").rowCount).toBe(3);
    // A source line as wide as the table, with a comma and a year in it, is still a title.
    const source = read("Source: ABS, 2020\nmonth,turnover\n2020-01,5\n2020-02,6\n2020-03,7\n");
    expect(source.series.map((s) => [s.name, Array.from(s.values)])).toEqual([["turnover", [5, 6, 7]]]);
    expect(source.timeColumn).toBe("month");
    // Trailing delimiters on the data rows do not make the header look like a title.
    expect(read("date,value\n2020-01-01,5,\n2020-01-02,6,\n2020-01-03,7,\n").series.map((s) => s.name)).toEqual(["value"]);
    // A headerless wide file whose second series starts late keeps its first rows.
    expect(read("2020-01-01,5,\n2020-01-02,6,\n2020-01-03,7,1\n2020-01-04,8,2\n2020-01-05,9,3\n2020-01-06,9,3\n").series[0]!.values.length).toBe(6);
  });

  it("keeps the header under a title and a `Stand:` line when its first name is no time word", () => {
    // A German planning sheet saved as CSV: the header was skipped with the two lines, the series named `column 2` and `column 3`.
    const rows = Array.from({ length: 12 }, (_, i) => `KW ${String(i + 1).padStart(2, "0")}/2024;${i === 3 ? "k.A." : 100 + i};${110 + i}`);
    const dataset = read(["Absatzplanung;;", "Stand: 01.03.2024;;", ";;", "Woche;Absatz;Plan", ...rows].join("\n"));
    expect(dataset.series.map((s) => [s.name, s.frequency.kind, s.missingCount])).toEqual([
      ["Absatz", "weekly", 1],
      ["Plan", "weekly", 0],
    ]);
    expect(dataset.issues.map((i) => i.message)).toContain("The 2 lines above the table (a title or source) were skipped.");
  });

  it("leaves a spreadsheet's totals row out, and says so", () => {
    const dataset = read("Month,Sales,,\n2020-01,100,,\n2020-02,110,,\n2020-03,120,,\nTotal,330,,\n");
    expect(Array.from(dataset.series[0]!.values)).toEqual([100, 110, 120]);
    expect(dataset.issues.map((i) => i.message)).toContain("Row 5 is a total or summary row and was left out.");
    // Any other word where a date belongs is still an error naming the row.
    const bad = readDataset("Month,Sales\n2020-01,100\n2020-02,110\n2020-03,120\nTBC,5\n", {});
    expect(bad.ok ? "" : bad.reason).toMatch(/^Row 5, column `Month`: `TBC` is not a date/);
  });

  it("renames series on request", () => {
    const dataset = read("date,v\n2024-01-01,1\n2024-01-02,2\n", { seriesNames: { v: "Visitors" } });
    expect(dataset.series[0]!.name).toBe("Visitors");
  });
});

describe("a column computed from the date is left out of the series", () => {
  // 100 days across a year's turn, from Monday 16 December 2019 (ISO week 51), so that week,
  // month, quarter and year all change.
  const days = Array.from({ length: 100 }, (_, i) => new Date(Date.UTC(2019, 11, 16) + i * 86_400_000));
  const isoWeek = (d: Date) => {
    const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * 86_400_000);
    return Math.floor((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / (7 * 86_400_000)) + 1;
  };
  const fileWith = (header: string, cell: (d: Date, i: number) => string | number) =>
    `date,${header},sales\n${days.map((d, i) => `${d.toISOString().slice(0, 10)},${cell(d, i)},${100 + ((i * 37) % 11)}`).join("\n")}\n`;

  it.each([
    ["week", (d: Date) => isoWeek(d), "the week number"],
    ["KW", (d: Date, i: number) => (i % 9 === 4 ? "" : String(isoWeek(d)).padStart(2, "0")), "the week number"],
    ["month", (d: Date) => d.getUTCMonth() + 1, "the month number"],
    ["quarter", (d: Date) => Math.floor(d.getUTCMonth() / 3) + 1, "the quarter"],
    ["FY", (d: Date) => d.getUTCFullYear(), "the year"],
    ["dayno", (d: Date) => Math.round((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1, "the day of the year"],
    ["wd", (d: Date) => d.getUTCDay(), "the weekday number"],
    ["Wochentag", (d: Date) => ((d.getUTCDay() + 6) % 7) + 1, "the weekday number"],
    ["Day", (d: Date) => d.getUTCDate(), "the day of the month"],
  ])("`%s`, with a note", (header, cell, what) => {
    const dataset = read(fileWith(header, cell));
    expect(dataset.series.map((s) => s.name)).toEqual(["sales"]);
    expect(dataset.shape).toBe("long");
    expect(dataset.issues.map((i) => i.message)).toContain(`Column \`${header}\` is ${what} of the date: left out of the series (pick it as a value column to forecast it anyway).`);
    // Chosen as a value column, it is read like any other.
    const chosen = read(fileWith(header, cell), { valueColumns: ["sales", header] });
    expect(chosen.series.map((s) => s.name)).toEqual(["sales", header]);
    expect(chosen.issues.map((i) => i.message).join(" ")).not.toMatch(/left out of the series/);
  });

  it("only on exact agreement with every row's date, never by its name", () => {
    // A `Day` of real values, a week number one row gets wrong, a constant year: series all.
    const real = read(fileWith("Day", (_, i) => 3 + (i % 5)));
    expect(real.series.map((s) => s.name)).toEqual(["Day", "sales"]);
    const wrong = read(fileWith("week", (d, i) => (i === 80 ? isoWeek(d) + 1 : isoWeek(d))));
    expect(wrong.series.map((s) => s.name)).toEqual(["week", "sales"]);
    // The date's own year in a file of one year says nothing by itself; nor does a lone column.
    const year = read(`date,FY,sales\n2021-01-04,2021,5\n2021-01-05,2021,6\n2021-01-06,2021,7\n`);
    expect(year.series.map((s) => s.name)).toEqual(["FY", "sales"]);
    expect(read(fileWith("week", (d) => isoWeek(d)).replace(/,\d+\n/g, "\n").replace(",sales", "")).series.map((s) => s.name)).toEqual(["week"]);
  });
});

describe("an InfluxDB 2 annotated CSV export", () => {
  it("names each table's series by the two columns that together make its times come once, past the annotations between blocks", () => {
    const block = (field: string, first: number) => [
      "#group,false,false,true,true,false,false,true,true,true",
      "#datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,double,string,string,string",
      "#default,_result,,,,,,,,",
      ",result,table,_start,_stop,_time,_value,_field,_measurement,host",
      ...["server01", "server02"].flatMap((host, h) =>
        Array.from({ length: 30 }, (_, i) => `,,${first + h},2024-01-01T00:00:00Z,2024-01-01T01:00:00Z,2024-01-01T00:${String(i).padStart(2, "0")}:00Z,${first * 10 + h + i / 10},${field},cpu,${host}`),
      ),
      "",
    ];
    const dataset = read([...block("usage_user", 0), ...block("usage_system", 2)].join("\r\n"));
    expect(dataset.idColumns).toEqual(["_field", "host"]);
    expect(dataset.series.map((s) => [s.name, s.values.length, s.values[1]])).toEqual([
      ["usage_user · server01", 30, 0.1],
      ["usage_user · server02", 30, 1.1],
      ["usage_system · server01", 30, 20.1],
      ["usage_system · server02", 30, 21.1],
    ]);
    expect(dataset.issues.map((i) => i.message)).toContain("Columns `_field` and `host` name the series together (4 of them), so each was read on its own.");
  });

  it("leaves out a one-table export's `table` column, 0 on every row, which numbers the query's tables", () => {
    const rows = Array.from({ length: 30 }, (_, i) => `,,0,2024-01-01T00:00:00Z,2024-01-01T01:00:00Z,2024-01-01T00:${String(i).padStart(2, "0")}:00Z,${30 + (i % 7) / 10},usage_user,cpu,server01`);
    const text = [
      "#group,false,false,true,true,false,false,true,true,true",
      "#datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,double,string,string,string",
      "#default,_result,,,,,,,,",
      ",result,table,_start,_stop,_time,_value,_field,_measurement,host", ...rows].join("\n");
    const dataset = read(text);
    expect(dataset.series.map((s) => [s.name, s.values.length])).toEqual([["usage_user", 30]]);
    expect(dataset.leftOutColumns).toContain("table");
    // Exported with only the `#datatype` annotation, the same file: that row is not the header.
    const datatypeOnly = text.split("\n").filter((line) => !/^#(group|default)/.test(line)).join("\n");
    expect(read(datatypeOnly).series.map((s) => [s.name, s.values.length])).toEqual([["usage_user", 30]]);
    // Elsewhere a wide file's column of zeros is kept: it can be a product that has not sold yet.
    expect(read(text.replace(",result,table,", ",outcome,table,")).series.map((s) => s.name)).toEqual(["table", "_value"]);
  });
});

describe("a file of one series is named by the code on every row, when one column holds it", () => {
  const cpi = Array.from({ length: 24 }, (_, i) => 299.17 + i * 0.41 + (i % 12 === 6 ? 0.3 : 0));

  it("a BLS flat file: `CUUR0000SA0` from `series_id`, not `value`; renamed by that name", () => {
    const text = blsFlatFile("CUUR0000SA0", 2023, cpi);
    const dataset = read(text);
    expect(dataset.series.map((s) => [s.name, s.detectedName, s.column, s.values.length])).toEqual([["CUUR0000SA0", "CUUR0000SA0", "value", 24]]);
    // It names no series apart from others, but is what names this one (the preview shows it so).
    expect([dataset.idColumns, dataset.labelColumn]).toEqual([[], "series_id"]);
    // The analyst's new name is keyed by the name detected, as the preview shows it.
    expect(read(text, { seriesNames: { CUUR0000SA0: "CPI-U, all items" } }).series.map((s) => [s.name, s.detectedName])).toEqual([["CPI-U, all items", "CUUR0000SA0"]]);
    // Chosen as the value column, it is still named so; with no column naming series chosen, by its column.
    expect(read(text, { valueColumns: ["value"] }).series[0]?.name).toBe("CUUR0000SA0");
    expect(read(text, { idColumn: null }).series[0]?.name).toBe("value");
    expect(read(text, { idColumn: null }).labelColumn).toBeNull();
  });

  it("an InfluxDB one-table export: `usage_user` from `_field`, not `_value`", () => {
    const dataset = read(influxOneTable(cpi.map((v) => Math.round(v) / 10)));
    expect(dataset.series.map((s) => [s.name, s.column, s.values.length])).toEqual([["usage_user", "_value", 24]]);
    expect(dataset.labelColumn).toBe("_field");
  });

  it("keeps the value column's name when no one column is plainly the series' code", () => {
    const rows = (extra: (i: number) => string) => cpi.map((v, i) => `2023-${String((i % 12) + 1).padStart(2, "0")}-${String(Math.floor(i / 12) + 1).padStart(2, "0")},${v},${extra(i)}`);
    // A unit or a place on every row is no name of the series.
    expect(read(`date,value,currency\n${rows(() => "USD").join("\n")}\n`).series.map((s) => s.name)).toEqual(["value"]);
    // Two codes: which one names it would be a guess.
    const two = read(`date,value,series_id,metric\n${rows(() => "CUUR0000SA0,cpi").join("\n")}\n`);
    expect([two.series.map((s) => s.name), two.labelColumn]).toEqual([["value"], null]);
    // A code that changes further down is no name of the whole file.
    expect(read(`date,value,series_id\n${rows((i) => (i < 20 ? "A" : "B")).join("\n")}\n`).series.map((s) => s.name)).toEqual(["value"]);
    // A number on every row is a code column left out, not a name.
    expect(read(`date,value,id\n${rows(() => "7").join("\n")}\n`).series.map((s) => s.name)).toEqual(["value"]);
    // Several value columns keep their own names.
    expect(read(`date,value,other,series_id\n${rows((i) => `${i},CUUR0000SA0`).join("\n")}\n`).series.map((s) => s.name)).toEqual(["value", "other"]);
  });
});

describe("codes written with zeros before them (`=\"00123\"`, `000123`)", () => {
  const days = Array.from({ length: 10 }, (_, i) => `2024-01-${String(i + 1).padStart(2, "0")}`);

  it("name the series with their zeros, under any header: SAP's material numbers, postcodes", () => {
    // Read as numbers, `Material` was a value column and the two materials' rows the same times (refused).
    const materials = ["000000000000012345", "000000000000067890"];
    const sap = read(`Material;Datum;Menge\n${days.flatMap((d, i) => materials.map((m, k) => `="${m}";="${d}";="${10 + i + k},5"`)).join("\n")}\n`);
    expect([sap.idColumn, sap.series.map((s) => [s.name, s.values[0]])]).toEqual(["Material", [["000000000000012345", 10.5], ["000000000000067890", 11.5]]]);
    const plz = read(`PLZ,date,sales\n${days.flatMap((d, i) => ["01067", "04109"].map((p, k) => `"=""${p}""",${d},${120 + 3 * i + k}`)).join("\n")}\n`);
    expect(plz.series.map((s) => s.name)).toEqual(["01067", "04109"]);
  });

  it("written plainly, digits of one width with zeros before some name a long file's series under any header too", () => {
    // An SAP report under its `Stand:` lines: read as quantities, `Material` left the two materials' rows at the same times (refused).
    const months = Array.from({ length: 12 }, (_, i) => `${String(i + 1).padStart(2, "0")}.2023`);
    const materials = ["000000000000012345", "000000000000067890"];
    const text = `Umsatzbericht Werk 1000\nStand: 15.11.2024 10:27\n\nMonat;Material;Menge\n${months.flatMap((m, i) => materials.map((mat, k) => `${m};${mat};${10 + i + 3 * k}`)).join("\n")}\n`;
    const dataset = read(text);
    expect([dataset.idColumn, dataset.series.map((s) => [s.name, s.values.length, s.values[0]])]).toEqual(["Material", [["Material 000000000000012345", 12, 10], ["Material 000000000000067890", 12, 13]]]);
    // Numbers of several widths without such a header stay values: the rows are then refused as the same times.
    expect(readDataset(`Monat;Los;Menge\n${months.flatMap((m, i) => ["7", "12"].map((lot, k) => `${m};${lot};${10 + i + 3 * k}`)).join("\n")}\n`)).toMatchObject({ ok: false, reason: expect.stringMatching(/^Rows 2 and 3 have the same time `01.2023`/) });
  });

  it("give way to a header naming the thing: zero-padded quantities before `Store` stay values", () => {
    // Units of 0100/0150 and 0120/0090 differ between the stores each day: taken first, they named four series of the store numbers.
    const dataset = read(`Date,Units,Store\n${days.flatMap((d, i) => (i % 2 === 0 ? ["0150,1", "0090,2"] : ["0100,1", "0120,2"]).map((cells) => `${d},${cells}`)).join("\n")}\n`);
    expect([dataset.idColumn, dataset.series.map((s) => [s.name, Array.from(s.values.slice(0, 2))])]).toEqual(["Store", [["Store 1", [150, 100]], ["Store 2", [90, 120]]]]);
  });

  it("name a file's one series by its code, not `123` in a note", () => {
    const text = `series_id,date,value\n${days.map((d, i) => `="00123",="${d}",${(40 + 7.3 * i).toFixed(1)}`).join("\n")}\n`;
    const dataset = read(text);
    expect([dataset.labelColumn, dataset.series.map((s) => [s.name, s.values.length, s.values[1]])]).toEqual(["series_id", [["00123", 10, 47.3]]]);
    expect(dataset.issues).toEqual([]);
  });

  it("written plainly, name a file's one series as written: USGS NWIS's site number `01646500`", () => {
    const flows = Array.from({ length: 31 }, (_, i) => 12300 - 37 * i + (i % 5) * 90);
    // Before, `site_no` was a code column noted as `(1646500)` and the series was `69928_00060_00003`.
    const nwis = read(nwisDailyValues("01646500", flows));
    expect([nwis.labelColumn, nwis.idColumns, nwis.series.map((s) => [s.name, s.detectedName, s.column, s.values.length, s.values[0]])]).toEqual([
      "site_no",
      [],
      [["01646500", "01646500", "69928_00060_00003", 31, 12300]],
    ]);
    expect(nwis.issues).toEqual([]);
    // Over fewer rows than show a code column, the site number was a second series of 1646500s.
    expect(read(nwisDailyValues("01646500", flows.slice(0, 3))).series.map((s) => s.name)).toEqual(["01646500"]);
    // Chosen as the series name column, it names the one series alike (a preview's choice is sent so).
    expect(read(nwisDailyValues("01646500", flows), { idColumn: "site_no" }).series.map((s) => s.name)).toEqual(["01646500"]);
    // Chosen as a value column, it is read as numbers; with no column naming series, the series is its value column's.
    expect(read(nwisDailyValues("01646500", flows), { valueColumns: ["site_no"] }).series.map((s) => [s.name, s.values[0]])).toEqual([["site_no", 1646500]]);
    expect(read(nwisDailyValues("01646500", flows), { idColumn: null }).series.map((s) => s.name)).toEqual(["69928_00060_00003"]);
    // A number with no zeros before it on every row is still a code column left out, not a name.
    expect(read(nwisDailyValues("11646500", flows)).series.map((s) => s.name)).toEqual(["69928_00060_00003"]);
  });

  it("read NWIS's RDB file under its header, not under the row of column formats beneath it", () => {
    const flows = Array.from({ length: 31 }, (_, i) => 12300 - 37 * i + (i % 5) * 90);
    // Before, `5s 15s 20d 14n 10s` was the header: the series was named by a column `15s`.
    const rdb = read(nwisRdb("01646500", flows));
    expect([rdb.dialect.delimiter, rdb.timeColumn, rdb.labelColumn, rdb.series.map((s) => [s.name, s.column, s.values.length, s.values[0]])]).toEqual([
      "\t",
      "datetime",
      "site_no",
      [["01646500", "69928_00060_00003", 31, 12300]],
    ]);
    expect(rdb.issues.map((i) => i.message)).toContain("The row under the header gives each column's width and type (such as `15s` or `14n`), as USGS's RDB files write it; it is not data.");
  });

  it("keep their zeros in a long file's series names, also listed one site after another", () => {
    const flows = (k: number) => Array.from({ length: 31 }, (_, i) => 1000 * (k + 1) + i);
    const [potomac, rockCreek] = [nwisDailyValues("01646500", flows(0)), nwisDailyValues("01648000", flows(1))];
    const after = `${potomac}${rockCreek.split("\n").slice(1).join("\n")}`;
    const lines = after.trimEnd().split("\n");
    const mixed = [lines[0], ...lines.slice(1, 32).flatMap((line, i) => [line, lines[32 + i] as string])].join("\n");
    for (const text of [after, `${mixed}\n`]) {
      const dataset = read(text);
      expect([dataset.idColumns, dataset.series.map((s) => [s.name, s.values.length, s.values[0]])]).toEqual([
        ["site_no"],
        [
          ["site_no 01646500", 31, 1000],
          ["site_no 01648000", 31, 2000],
        ],
      ]);
    }
  });
});

describe("statistics offices' long files", () => {
  const months = Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, "0")}`);

  it("leave out code columns that hold one number on every row (Statistics Canada's UOM_ID, DECIMALS), with a note", () => {
    const rows = ["Canada", "Ontario"].flatMap((geo, g) => months.map((m, i) => `"${m}","${geo}","Dollars","81","3","1.1","${5000 + 10 * i + g * 7 + (i % 3)}","0"`));
    const text = `"REF_DATE","GEO","UOM","UOM_ID","SCALAR_ID","COORDINATE","VALUE","DECIMALS"\n${rows.join("\n")}\n`;
    const dataset = read(text);
    expect(dataset.series.map((s) => s.name)).toEqual(["Canada", "Ontario"]);
    expect(dataset.leftOutColumns).toEqual(["UOM_ID", "SCALAR_ID", "COORDINATE", "DECIMALS"]);
    expect(dataset.issues.map((i) => i.message)).toContain(
      "Columns `UOM_ID` (81), `SCALAR_ID` (3), `COORDINATE` (1.1), `DECIMALS` (0) hold the same number on every row, as code columns do, so they are not read as a series (pick them as value columns to forecast anyway).",
    );
    // Picked, a code column is read like any other.
    expect(read(text, { valueColumns: ["VALUE", "UOM_ID"] }).series.map((s) => s.name)).toEqual(["Canada · VALUE", "Canada · UOM_ID", "Ontario · VALUE", "Ontario · UOM_ID"]);
  });

  it("leave out a code column of zeros in a download of one series (Statistics Canada's SCALAR_ID 0 for units, the ECB's UNIT_MULT 0)", () => {
    // A table cut to Canada and All-items, with every column Statistics Canada writes: SCALAR_ID was a series of zeros beside VALUE.
    const header = '"REF_DATE","GEO","DGUID","Products and product groups","UOM","UOM_ID","SCALAR_FACTOR","SCALAR_ID","VECTOR","COORDINATE","VALUE","STATUS","SYMBOL","TERMINATED","DECIMALS"';
    const rows = months.map((m, i) => `"${m}","Canada","2016A000011124","All-items","2002=100","17","units      ","0","v41690973","2.2","${(155.1 + 0.3 * i + (i % 4) / 10).toFixed(1)}","","","","1"`);
    const dataset = read(`${header}\n${rows.join("\n")}\n`);
    expect(dataset.series.map((s) => [s.name, s.values.length])).toEqual([["VALUE", 12]]);
    expect(dataset.leftOutColumns).toEqual(["UOM_ID", "SCALAR_ID", "COORDINATE", "DECIMALS"]);
    // The ECB's SDMX-CSV: UNIT_MULT 0 (values in units) and DECIMALS 0 beside the one OBS_VALUE.
    const sdmx = read(`KEY,FREQ,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT,UNIT_MULT,DECIMALS\n${months.map((m, i) => `ICP.M.U2.N.000000.4.ANR,M,${m},${(2.9 - i / 10).toFixed(1)},A,PCCH,0,0`).join("\n")}\n`);
    expect([sdmx.series.map((s) => s.name), sdmx.leftOutColumns]).toEqual([["OBS_VALUE"], ["UNIT_MULT", "DECIMALS"]]);
    // A product of a wide file that has not sold yet keeps its zeros.
    const wide = read(`month,north,south\n${months.map((m, i) => `${m},${100 + 7 * (i % 5)},0`).join("\n")}\n`);
    expect(wide.series.map((s) => s.name)).toEqual(["north", "south"]);
  });

  it("leave out columns that keep one number per series, as NOAA's daily summaries give each station's position", () => {
    const days = Array.from({ length: 10 }, (_, i) => `2024-01-${String(i + 1).padStart(2, "0")}`);
    const stations = [
      ["USW00094728", "NY CITY CENTRAL PARK, NY US", "40.77898", "-73.96925", "42.7"],
      ["USW00014732", "LAGUARDIA AIRPORT, NY US", "40.77945", "-73.88027", "3.4"],
    ];
    const rows = stations.flatMap(([id, name, lat, lon, elev], s) => days.map((d, i) => `"${id}","${name}","${lat}","${lon}","${elev}","${d}","0.${i}${s}","${40 + i + s}"`));
    const text = `"STATION","NAME","LATITUDE","LONGITUDE","ELEVATION","DATE","PRCP","TMAX"\n${rows.join("\n")}\n`;
    const dataset = read(text);
    expect(dataset.series.map((s) => s.name)).toEqual(["USW00094728 · PRCP", "USW00094728 · TMAX", "USW00014732 · PRCP", "USW00014732 · TMAX"]);
    expect(dataset.leftOutColumns).toEqual(["LATITUDE", "LONGITUDE", "ELEVATION"]);
    expect(dataset.issues.map((i) => i.message)).toContain(
      "Columns `LATITUDE`, `LONGITUDE`, `ELEVATION` hold one number for each series on all its rows, as a station's position or a store's size does, so they describe the series and are not read as series of their own (pick them as value columns to forecast anyway).",
    );
    // A reading that stays the same over a few days of one station changes over another's.
    const dry = read(text.replace(/"0\.\d0"/g, '"0.00"'));
    expect(dry.leftOutColumns).toEqual(["LATITUDE", "LONGITUDE", "ELEVATION"]);
  });

  it("leave out a series with no value on any of its rows (a NOAA station that does not measure snow)", () => {
    const days = Array.from({ length: 6 }, (_, i) => `2024-01-0${i + 1}`);
    const rows = [
      ...days.map((d, i) => `"USW00094728","${d}","0.0${i}",",,W,2400","${i % 2}.0",",,W,","${40 + i}"`),
      ...days.map((d, i) => `"USC00305796","${d}","0.1${i}",",,7,0700","","","${38 + i}"`),
    ];
    const dataset = read(`"STATION","DATE","PRCP","PRCP_ATTRIBUTES","SNOW","SNOW_ATTRIBUTES","TMAX"\n${rows.join("\n")}\n`);
    expect(dataset.series.map((s) => s.name)).toEqual(["USW00094728 · PRCP", "USW00094728 · SNOW", "USW00094728 · TMAX", "USC00305796 · PRCP", "USC00305796 · TMAX"]);
    expect(dataset.issues.map((i) => i.message)).toContain("Series `USC00305796 · SNOW` has no value on any of its rows, so it was left out.");
    expect(dataset.issues.filter((i) => i.kind === "missing")).toEqual([]);
  });

  it("keep a wide file's column of zeros (a product not sold yet), a column that changes once, and a file's only value column", () => {
    const wide = read(`month,shoes,hats,gloves\n${months.map((m, i) => `${m},${20 + (i % 4)},0,${i === 11 ? 6 : 5}`).join("\n")}\n`);
    expect(wide.series.map((s) => s.name)).toEqual(["shoes", "hats", "gloves"]);
    expect(wide.leftOutColumns).toEqual([]);
    const alone = read(`month,price\n${months.map((m) => `${m},9.99`).join("\n")}\n`);
    expect(alone.series.map((s) => s.name)).toEqual(["price"]);
  });

  it("take the dates that change for the time axis, not a date stamped on every row (Eurostat's LAST UPDATE)", () => {
    const rows = ["DE", "FR"].flatMap((geo, g) => months.map((m, i) => `ESTAT:STS_TRTU_M(1.0),15/11/24 23:00:00,M,${geo},${m},${(100 + i * 0.5 + g).toFixed(1)},`));
    const dataset = read(`DATAFLOW,LAST UPDATE,freq,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n${rows.join("\n")}\n`);
    expect(dataset.timeColumn).toBe("TIME_PERIOD");
    expect(dataset.series.map((s) => s.name)).toEqual(["DE", "FR"]);
    expect(dataset.series[0]!.frequency.kind).toBe("monthly");
    expect(dataset.series[0]!.times).toHaveLength(12);
  });
});

describe("readDataset refuses bad files with the row, the column and what to do", () => {
  it.each([
    ["", "The file is empty. Choose a CSV file with a header row and at least one data row."],
    ["date,value\n", "The file has a header row but no data rows. Add at least one row of values under the header."],
    [
      "date,sales\n2024-01-01,10\n2024-01-02,12;5\n",
      "Row 3, column `sales`: `12;5` is not a number. Correct it, or empty the cell to mark a missing value.",
      // The cell the sentence names, for the preview to point at.
      { row: 3, column: 1 },
    ],
    ["date,sales\n2024-01-01,10\n2024-01-02,11,5\n", "Row 3 has 3 fields but the header has 2. If numbers use a decimal comma, quote them or save the file with semicolons.", { row: 3, column: null }],
    // A comment with a comma in it is no decimal comma: the hint names the cell that is one too many.
    ["date,sales\n2024-01-01,10\n2024-01-02,11,oops\n", "Row 3 has 3 fields but the header has 2: the extra cell is `oops`. If a cell holds the delimiter, quote it; otherwise check the delimiter and the quotes on that row.", { row: 3, column: null }],
    [
      "date,sales,note\n2024-01-01,10,ok\n2024-01-02,11,late, see mail,2\n",
      "Row 3 has 5 fields but the header has 3: the extra cells are `see mail`, `2`. If a cell holds the delimiter, quote it; otherwise check the delimiter and the quotes on that row.",
      { row: 3, column: null },
    ],
    ["date;sales\n2024-01-01;10\n2024-01-02;11;x\n", "Row 3 has 3 fields but the header has 2: the extra cell is `x`. If a cell holds the delimiter, quote it; otherwise check the delimiter and the quotes on that row.", { row: 3, column: null }],
    ["date,sales,note\n2024-01-01,10,ok\n2024-01-02,-11,5,ok\n", "Row 3 has 4 fields but the header has 3. If numbers use a decimal comma, quote them or save the file with semicolons.", { row: 3, column: null }],
    // A comma for thousands, not a decimal comma: `1` and `017` are 1,017.
    [
      "Year,Revenue,Employees\n2005,186.3,975\n2006,202.4,1,017\n",
      'Row 3 has 4 fields but the header has 3: `1` and `017` are one number, 1,017, written with a comma for thousands (column `Employees`). Quote such numbers ("1,017") or export the file without thousands separators.',
      { row: 3, column: null },
    ],
    [
      "date,sales,units\n2024-01-01,10,5\n2024-01-03,1,250,1,234,567\n",
      'Row 3 has 6 fields but the header has 3: `1` and `250`; `1`, `234` and `567` are the numbers 1,250 and 1,234,567, written with commas for thousands (columns `sales` and `units`). Quote such numbers ("1,250") or export the file without thousands separators.',
      { row: 3, column: null },
    ],
    // Groups of three that do not account for every cell too many leave the decimal comma hint (`7,2`).
    ["date,sales,units\n2024-01-01,10,5\n2024-01-03,1,250,7,2\n", "Row 3 has 5 fields but the header has 3. If numbers use a decimal comma, quote them or save the file with semicolons.", { row: 3, column: null }],
    ["date,sales\n2024-01-01,10\n2024-02-30,11\n", "Row 3, column `date`: `2024-02-30` is not a date like the others (YYYY-MM-DD). Correct it or delete the row.", { row: 3, column: 0 }],
    ["name,city\nann,paris\nbob,rome\n", "No column holds numbers, so there is no series to read. The columns are `name`, `city`; a time series needs a column of values such as `sales` or `temperature`."],
    ["date,v\n2024-01-01,1\n2024-01-01,2\n", "Rows 2 and 3 have the same time `2024-01-01`. Remove the duplicate row, or, if the file holds several series, add a column that names each one. If rows with the same time are transactions or events, choose to add them up or average them on import (CLI: --repeated-times sum or mean), or to group them by day, week or month (CLI: --aggregate day).", { row: 2, column: 0, others: 1, otherRows: [3] }],
  ])("%j", (text: string, reason: string, at?: { row: number; column: number | null; others?: number; otherRows?: number[] }) => {
    expect(readDataset(text)).toEqual({ ok: false, reason, ...(at ? { at } : {}) });
  });

  it("names the thousands in the audit's annual revenue with its thousands unquoted (it said to quote decimal commas)", () => {
    const file = path.resolve(import.meta.dirname, "../../tests/fixtures/analyst-exports/annual-revenue-unquoted.csv");
    expect(readDataset(fs.readFileSync(file, "utf8"))).toEqual({
      ok: false,
      reason: 'Row 9 has 4 fields but the header has 3: `1` and `017` are one number, 1,017, written with a comma for thousands. Quote such numbers ("1,017") or export the file without thousands separators.',
      at: { row: 9, column: null },
    });
  });

  // A row longer than the detection sample (a file without line breaks, a pasted blob) was cut off
  // whole and the file read as "a header row but no data rows".
  const LONG = SNIFF_CHARS + 1000;
  it.each([
    ["a first line", `date,value${"1".repeat(LONG)}`, /^The first line is longer than 256 kB\. A CSV file has a line per row: check that this file is CSV text with line breaks\.$/],
    ["a first data row", `date,value\n2024-01-01,${"1".repeat(LONG)}\n`, /^Row 2 is longer than 256 kB\. A CSV file has a line per row: check that this file is CSV text with line breaks\.$/],
    ["only blank lines (none of them long)", `date,value\n${"\n".repeat(LONG)}`, /^The file has a header row but no data rows\./],
  ])("%s longer than the detection sample: the message says so", async (_name, text, reason) => {
    const whole = readDataset(text);
    expect(whole.ok ? "" : whole.reason).toMatch(reason);
    const chunked = await readDatasetChunks(pieces(text, 65_536));
    expect(chunked.ok ? "" : chunked.reason).toMatch(reason);
  });

  it("a header of 20,000 characters names its series by its first 199 and an ellipsis, unique in the dataset, and a note says so", () => {
    const header = "Revenue of the northern region ".repeat(700).slice(0, 20_000);
    const dataset = read(`date,${header},${header}x\n2024-01-01,1,2\n2024-01-02,2,3\n2024-01-03,3,4\n`);
    const first = `${header.slice(0, 199).trimEnd()}…`;
    expect(dataset.series.map((s) => s.name)).toEqual([first, `${header.slice(0, 195).trimEnd()}… (2)`]);
    expect(dataset.columns.map((c) => c.name)).toEqual(["date", ...dataset.series.map((s) => s.name)]);
    expect(dataset.issues).toContainEqual({
      kind: "note",
      message:
        "2 series names read from the file were longer than the 200 characters a name may have (the longest 20,001), so they were cut: `Revenue of the northern region Revenu…`, `Revenue of the northern region Revenu…`. Rename the series on import to choose other names.",
    });
    // The column is still found by the header as the file writes it.
    const one = read(`date,${header}\n2024-01-01,1\n2024-01-02,2\n`, { valueColumns: [header] });
    expect(one.series[0]?.name).toBe(first);
    expect(one.issues).toContainEqual({
      kind: "note",
      message:
        "A series name read from the file was longer than the 200 characters a name may have (20,000), so it was cut: `Revenue of the northern region Revenu…`. Rename the series on import to choose another name.",
    });
  });

  it("a cell of 5,000 characters naming a series of a long file is cut the same way, and the names stay unique", () => {
    const long = "s".repeat(5_000);
    const dataset = read(`store,date,sales\n${long}1,2024-01-01,1\n${long}1,2024-01-02,1\n${long}2,2024-01-01,1\n${long}2,2024-01-02,2\n`);
    expect(dataset.series.map((s) => s.name)).toEqual([`${"s".repeat(199)}…`, `${"s".repeat(195)}… (2)`]);
    expect(dataset.issues.map((i) => i.message)).toContainEqual(expect.stringMatching(/^2 series names read from the file were longer than the 200 characters a name may have \(the longest 5,001\), so they were cut/));
  });

  it("refuses a value beyond ±1e100 by row and column, and reads one beyond float32 (1e40) as it is", () => {
    expect(readDataset("date,extreme\n2024-01-01,1\n2024-01-02,-1.7e308\n2024-01-03,1.7e308\n")).toMatchObject({
      ok: false,
      reason: "Row 3, column `extreme`: `-1.7e308` is beyond ±1e100, the largest values Tidecast can forecast. Write the column in a larger unit (divide its values by a power of ten) and upload it again.",
    });
    expect(readDataset("Year,Jan,Feb\n2020,1,2\n2021,3,2e101\n")).toMatchObject({ ok: false, reason: expect.stringMatching(/^Row 3, column `Feb`: `2e101` is beyond ±1e100/) });
    expect(read("date,luminosity\n2024-01-01,1e40\n2024-01-02,-3.5e45\n").series[0]?.values).toEqual(Float64Array.from([1e40, -3.5e45]));
  });

  // Each row is within the limit, so only the sum can pass it: refused at import, naming the rows,
  // rather than stored and refused when training.
  it("refuses a sum of rows beyond ±1e100, naming the period or the time and its rows", () => {
    const log = "time,amount\n2020-01-01 10:00,1\n2020-01-02 10:00,9e99\n2020-01-02 13:00,9e99\n2020-01-03 11:00,2\n";
    expect(readDataset(log, { aggregate: { period: "day", by: "sum" } })).toEqual({
      ok: false,
      reason:
        "Rows 3 and 4 (2 Jan 2020) add up to 1.8e+100, beyond ±1e100, the largest values Tidecast can forecast. " +
        "Write the column in a larger unit (divide its values by a power of ten) and upload it again, or average the rows instead of adding them up (CLI: --aggregate-by mean).",
      // The first row named is the one the preview shows; the others are counted.
      at: { row: 3, column: 1, others: 1, otherRows: [4] },
    });
    expect(read(log, { aggregate: { period: "day", by: "mean" } }).series[0]?.values[1]).toBe(9e99);
    const wide = "date,a,b\n2020-01-01,1,-9e99\n2020-01-01,2,-9e99\n2020-01-02,3,1\n";
    expect(readDataset(wide, { repeatedTimes: "sum" })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^Series `b`: rows 2 and 3 \(2020-01-01\) add up to -1\.8e\+100, beyond ±1e100/),
      at: { row: 2, column: 2, others: 1, otherRows: [3] },
    });
  });

  it("says when a chosen column does not exist", () => {
    expect(readDataset("date,v\n2024-01-01,1\n", { valueColumns: ["sales"] })).toEqual({
      ok: false,
      reason: "There is no column `sales`. The columns are `date`, `v`.",
    });
  });
});

describe("rows with fewer cells than the header", () => {
  const values = (text: string) => read(text).series.map((s) => [s.name, Array.from(s.values)]);
  const notes = (text: string) => read(text).issues.filter((i) => i.kind === "note").map((i) => i.message);
  const EMPTY = "as missing values (some exports leave out a row's empty last cells)";

  // Exporters that drop a row's empty last cells, and hand-edited files, write rows shorter than the
  // header; pandas and Excel read the missing cells as empty.
  it.each([
    ["a semicolon export without its empty last cell", "date;a;b\n2024-01-01;1;2\n2024-01-02;3\n2024-01-03;4;5\n", [["a", [1, 3, 4]], ["b", [2, NaN, 5]]], `Row 3 has 2 cells, the header 3: its missing last cells were read as empty, ${EMPTY}.`],
    ["a row of its date alone", "date,a,b\n2024-01-01,1,2\n2024-01-02\n2024-01-03,4,5\n", [["a", [1, NaN, 4]], ["b", [2, NaN, 5]]], `Row 3 has 1 cell, the header 3: its missing last cells were read as empty, ${EMPTY}.`],
    ["quoted cells", '"date","a","b"\r\n"2024-01-01","1","2"\r\n"2024-01-02","3"\r\n"2024-01-03","4","5"\r\n', [["a", [1, 3, 4]], ["b", [2, NaN, 5]]], `Row 3 has 2 cells, the header 3: its missing last cells were read as empty, ${EMPTY}.`],
    [
      "several, the last without a line break",
      "date,a,b,c\n2024-01-01,1,2,3\n2024-01-02,4\n2024-01-03,5,6,7\n2024-01-04,8,9\n2024-01-05,10",
      // Empty cells after a series' last value are not part of it.
      [["a", [1, 4, 5, 8, 10]], ["b", [2, NaN, 6, 9]], ["c", [3, NaN, 7]]],
      `3 rows have fewer cells than the header's 4, the first row 3 (with 2): their missing last cells were read as empty, ${EMPTY}.`,
    ],
    ["a long file, the series named before the values", "store,date,sales,promo\nA,2024-01-01,1,0\nA,2024-01-02,2\nA,2024-01-03,3,1\nB,2024-01-01,4,1\nB,2024-01-02,5,0\nB,2024-01-03,6,0\n", [["A · sales", [1, 2, 3]], ["A · promo", [0, NaN, 1]], ["B · sales", [4, 5, 6]], ["B · promo", [1, 0, 0]]], `Row 3 has 3 cells, the header 4: its missing last cells were read as empty, ${EMPTY}.`],
  ])("%s: the missing cells are missing values, with a note", (_name, text, expected, note) => {
    expect(values(text)).toEqual(expected);
    expect(notes(text)).toContain(note);
  });

  it.each([
    ["a row ending before its time", "a;date;b\n1;2024-01-01;2\n3\n4;2024-01-03;5\n", "Row 3 has 1 field but the header has 3, so it has no `date`. Check the delimiter and the quotes on that row."],
    ["a row ending before its series' name", "date,sales,store\n2024-01-01,1,A\n2024-01-01,2,B\n2024-01-02,3,A\n2024-01-02,4,B\n2024-01-03,5\n", "Row 6 has 2 fields but the header has 3, so it has no `store`. Check the delimiter and the quotes on that row."],
    [
      "a file cut off while being written (its last row short, no line break after it)",
      "date;a;b\n2024-01-01;1;2\n2024-01-02;3;4\n2024-01-03;1.",
      "Row 4, the last, has 2 fields but the header has 3, and the file ends in it without a line break, as a file cut off while it was being written does. Check that the file is complete (export or copy it again); if it is, end the row with a line break and its missing cells are read as empty.",
    ],
    // Too many cells is a delimiter inside a value: which cell belongs where is not known.
    ["a row with more cells than the header", "date,a,b\n2024-01-01,1,2\n2024-01-02,3,4,5\n", "Row 3 has 4 fields but the header has 3. If numbers use a decimal comma, quote them or save the file with semicolons."],
  ])("%s is refused by row", async (_name, text, reason) => {
    expect(readDataset(text)).toMatchObject({ ok: false, reason });
    expect(await readDatasetChunks(pieces(text, 7))).toMatchObject({ ok: false, reason });
  });

  it("a file cut off past the detection sample is refused when read in pieces too", async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `${new Date(Date.UTC(2000, 0, 1) + i * 60_000).toISOString()},${i % 97},${i % 13}`);
    const text = `time,a,b\n${rows.join("\n")}\n2000-01-14T21:20:00.000Z,4`;
    expect(text.length).toBeGreaterThan(SNIFF_CHARS);
    const reason = /^Row 20,002, the last, has 2 fields but the header has 3, and the file ends in it without a line break/;
    for (const result of [readDataset(text), await readDatasetChunks(pieces(text, 65_536))]) expect(result.ok ? "" : result.reason).toMatch(reason);
    // Ended by a line break, the row is whole as written: its missing cell is empty (and ends `b` a row earlier).
    const ended = await readDatasetChunks(pieces(`${text}\n`, 65_536));
    expect(ended.ok && ended.data.series.map((s) => [s.values.length, s.values.at(-1)])).toEqual([[20_001, 4], [20_000, 19_999 % 13]]);
  });
});

async function* pieces(text: string, size: number) {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}
const summary = (result: ReturnType<typeof readDataset>) =>
  result.ok ? result.data.series.map((s) => [s.name, Array.from(s.times), Array.from(s.values)]) : result.reason;

describe("readDatasetChunks reads a file in pieces exactly as readDataset reads it whole", () => {
  const tricky = '"date","note","v"\r\n"2024-01-01","a ""quoted"", multi\r\nline note","1.5"\r\n\r\n"2024-01-02","","2"\r\n2024-01-03,x,3';
  it.each([1, 2, 3, 5, 8, 13, 64])("cut every %i characters, inside quotes and between CR and LF", async (size) => {
    expect(summary(await readDatasetChunks(pieces(tricky, size)))).toEqual(summary(readDataset(tricky)));
  });

  it.each([
    ["without quotes", "date,v\n2024-01-01,1\n,\n\n 2024-01-02 ,2\n2024-01-03,3"],
    ["with quotes", 'date,v\n"2024-01-01",1\n,\n\n 2024-01-02 ,"2"\n2024-01-03,3'],
  ])("blank lines (and lines of empty cells) are skipped but counted, %s", async (_name, text) => {
    for (const size of [3, 7, 1000]) {
      const result = await readDatasetChunks(pieces(`${text}\n2024-01-04,1x\n`, size));
      expect(result).toEqual({ ok: false, reason: "Row 7, column `v`: `1x` is not a number. Correct it, or empty the cell to mark a missing value.", at: { row: 7, column: 1 } });
    }
    expect(summary(readDataset(text))).toEqual([["v", [Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 2), Date.UTC(2024, 0, 3)], [1, 2, 3]]]);
  });

  it("Excel's text-forced cells past the detection sample", async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => `="${new Date(Date.UTC(2000, 0, 1) + i * 3_600_000).toISOString().slice(0, 16).replace("T", " ")}",="${i % 97}"`);
    const text = `time,v\n${rows.join("\n")}\n`;
    expect(text.length).toBeGreaterThan(SNIFF_CHARS);
    const chunked = await readDatasetChunks(pieces(text, 65_536));
    expect(summary(chunked)).toEqual(summary(readDataset(text)));
    expect(chunked.ok && [chunked.data.series[0]!.frequency.kind, chunked.data.series[0]!.values.length, chunked.data.series[0]!.values.at(-1)]).toEqual(["hourly", 12_000, 11_999 % 97]);
  });

  it("a file longer than the detection sample", async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `${new Date(Date.UTC(2000, 0, 1) + i * 60_000).toISOString()},${i % 97}`);
    const text = `time,v\n${rows.join("\n")}\n`;
    expect(text.length).toBeGreaterThan(SNIFF_CHARS);
    const chunked = await readDatasetChunks(pieces(text, 65_536));
    expect(summary(chunked)).toEqual(summary(readDataset(text)));
    expect(chunked.ok && chunked.data.series[0]!.frequency.kind).toBe("minutely");
  });
});

describe("timestamps keep the file's own padding", () => {
  it("follows unpadded dates that appear after padded ones", () => {
    const dataset = read("date,v\n12/30/2023,1\n12/31/2023,2\n1/1/2024,3\n1/2/2024,4\n");
    expect(dataset.timeFormat).toMatchObject({ pattern: "%-m/%-d/%Y" });
    const last = dataset.series[0]!.times[3]!;
    expect(formatTime(last, dataset.timeFormat)).toBe("1/2/2024");
  });

  it("measures an unpadded date without the spaces around it", () => {
    // As long as a padded date with its spaces, but shorter without them (the row check skips the trim
    // only for cells that start and end in a printable character).
    const dataset = read("date,v\n12/30/2023,1\n12/31/2023,2\n  1/1/2024  ,3\n");
    expect(dataset.timeFormat).toMatchObject({ pattern: "%-m/%-d/%Y" });
  });
});

describe("the rows named for missing values", () => {
  // Row numbers are looked up through the sort order, and through the combined rows when a copy was dropped.
  it.each([
    ["sorted rows", "date,v,w\n2024-01-05,5,\n2024-01-01,,1\n2024-01-03,3,\n2024-01-02,,2\n2024-01-04,4,4\n2024-01-06,6,6\n", "Column `w` has 2 empty or non-numeric cells (rows 4, 2)"],
    ["a dropped copy", "date,v\n2024-01-01,1\n2024-01-02,\n2024-01-02,\n2024-01-03,3\n2024-01-04,\n2024-01-05,5\n", "Column `v` has 2 empty or non-numeric cells (rows 3, 6)"],
    ["sorted rows and a dropped copy", "date,v\n2024-01-03,3\n2024-01-01,1\n2024-01-02,\n2024-01-04,\n2024-01-02,\n2024-01-05,5\n", "Column `v` has 2 empty or non-numeric cells (rows 4, 5)"],
  ])("are the file's rows after %s", (_name, text, message) => {
    expect(read(text).issues.map((i) => i.message).join("\n")).toContain(message);
  });
});

describe("comment rows and repeated headers, however their first cell starts", () => {
  // Each row is checked for both with a regex or a trim only when its first character is not a
  // printable ASCII one that settles the question; these rows need the full check.
  it.each([
    ["comments after spaces or a no-break space", "date,v\n2024-01-01,1\n  # note\n\u00a0# no-break space\n#x\n2024-01-02,2\n2024-01-03,3\n", [1, 2, 3], "Rows 3, 4, 5 start with # and were left out as comments."],
    [
      "a repeated header starting with a letter outside ASCII, with or without spaces",
      "Época,valor\n2024-01-01,1\n2024-01-02,2\nÉpoca,valor\n2024-01-03,3\n \u00c9poca ,valor\n2024-01-04,4\n",
      [1, 2, 3, 4],
      "Rows 4, 6 repeat the header, as files joined one after another do, and were left out.",
    ],
  ])("finds %s", (_name, text, values, message) => {
    const dataset = read(text);
    expect(Array.from(dataset.series[0]!.values)).toEqual(values);
    expect(dataset.issues.map((i) => i.message)).toContain(message);
  });
});

describe("a German statistics office's monthly table (Destatis: title lines, `Jan. 2019`, a source line under it)", () => {
  it("writes the months back as the file spells them, also when the source line made the time column read cell by cell", () => {
    const months = ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."];
    const text = [
      "Verbraucherpreisindex für Deutschland;;",
      "Basisjahr 2020 = 100;;",
      "Monat;Index;Veränderung gegenüber Vorjahresmonat in %",
      ...months.map((m, i) => `${m} 2023;${(117 + i / 10).toFixed(1).replace(".", ",")};${(6 - i / 4).toFixed(1).replace(".", ",")}`),
      "Quelle: Statistisches Bundesamt (Destatis), 2024;;",
    ].join("\r\n");
    const dataset = read(text);
    expect(dataset.series.map((s) => s.name)).toEqual(["Index", "Veränderung gegenüber Vorjahresmonat in %"]);
    const index = dataset.series[0] as (typeof dataset.series)[number];
    expect(Array.from(index.times, (t) => formatTime(t, dataset.timeFormat))).toEqual(months.map((m) => `${m} 2023`));
    expect(nextTimes(index.times[11] as number, index.frequency, 3).map((t) => formatTime(t, dataset.timeFormat))).toEqual(["Jan. 2024", "Feb. 2024", "März 2024"]);
  });
});

describe("an order export with a row per line item (Shopify's orders CSV)", () => {
  /** Order-level cells on each order's first line only; `Created at` on every line, `Paid at` not. */
  const orders = (name: (n: number) => string) =>
    [
      "Name,Email,Financial Status,Paid at,Currency,Total,Created at,Lineitem quantity,Lineitem price",
      `${name(1001)},a@example.com,paid,2024-01-01 08:31:00 -0500,USD,59.00,2024-01-01 08:31:00 -0500,2,12.50`,
      `${name(1001)},a@example.com,,,,,2024-01-01 08:31:00 -0500,1,25.00`,
      `${name(1002)},b@example.com,paid,2024-01-01 12:02:00 -0500,USD,32.00,2024-01-01 12:02:00 -0500,1,25.00`,
      `${name(1003)},c@example.com,pending,,USD,64.40,2024-01-02 09:15:00 -0500,1,55.00`,
      `${name(1004)},d@example.com,paid,2024-01-02 17:40:00 -0500,USD,18.50,2024-01-02 17:40:00 -0500,1,12.50`,
      `${name(1004)},d@example.com,,,,,2024-01-02 17:40:00 -0500,2,12.50`,
      `${name(1004)},d@example.com,,,,,2024-01-02 17:40:00 -0500,1,25.00`,
    ].join("\n");

  it("reads `#1001` in the first cell as the order's number, not a comment", () => {
    const dataset = read(orders((n) => `#${n}`), { aggregate: { period: "day", by: "sum" }, valueColumns: ["Total"] });
    expect(dataset.series.map((s) => [s.name, Array.from(s.values)])).toEqual([["Total", [91, 82.9]]]);
    expect(dataset.issues.map((i) => i.message).join(" ")).not.toMatch(/comment/);
  });

  it("takes the time filled on every line (`Created at`) over one its line items leave empty (`Paid at`)", () => {
    expect(read(orders((n) => `SO${n}`), { aggregate: { period: "day", by: "sum" } }).timeColumn).toBe("Created at");
  });

  it("names no series by the order number or by a status left empty on line items, and says how to add the lines up", () => {
    const result = readDataset(orders((n) => `SO${n}`));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^Rows 2 and 3 have the same time `2024-01-01 08:31:00 -05:00`\. Remove the duplicate row, or, .*--aggregate day/);
    const dataset = read(orders((n) => `SO${n}`), { aggregate: { period: "day", by: "sum" } });
    expect(dataset.idColumns).toEqual([]);
    expect(dataset.series.find((s) => s.name === "Total")?.values).toEqual(new Float64Array([91, 82.9]));
  });

  it("names no series by the product of each line (`Lineitem name`) when the order's total is on its first line only", () => {
    // The export as Shopify writes it: the product on every line, the order's numbers on its first.
    const products = ["Beanie", "Socks", "Socks", "Jacket", "Beanie", "Beanie", "Jacket"];
    const lines = orders((n) => `#${n}`).split("\n");
    const withProducts = [`${lines[0]},Lineitem name`, ...lines.slice(1).map((line, i) => `${line},${products[i]}`)].join("\n");
    const result = readDataset(withProducts);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^Rows 2 and 3 have the same time .*--aggregate day/);
    const dataset = read(withProducts, { aggregate: { period: "day", by: "sum" } });
    expect(dataset.idColumns).toEqual([]);
    expect(dataset.series.find((s) => s.name === "Total")?.values).toEqual(new Float64Array([91, 82.9]));
    // Chosen, the products still name the series.
    expect(read(withProducts, { idColumn: "Lineitem name", aggregate: { period: "day", by: "sum" } }).idColumns).toEqual(["Lineitem name"]);
  });

  it("leaves the order `Id` out as an identifier: Shopify's export grouped by day summed it to 5.04e13 a day", () => {
    const file = path.resolve(import.meta.dirname, "../../tests/fixtures/analyst-exports/shopify-orders-export.csv");
    const decoded = decodeText(new Uint8Array(fs.readFileSync(file)));
    if (!decoded.ok) throw new Error("decode");
    const dataset = read(decoded.data.text, { aggregate: { period: "day", by: "sum" } });
    expect(dataset.series.map((s) => s.name)).toEqual(["Subtotal", "Shipping", "Taxes", "Total", "Discount Amount", "Lineitem quantity", "Lineitem price"]);
    expect(dataset.issues.map((i) => i.message)).toContain(
      "Column `Id` numbers each record (an order, transaction or invoice), so it is an identifier, not read as a series (pick it as a value column to forecast anyway).",
    );
    // Chosen, it is read as any value column.
    expect(read(decoded.data.text, { aggregate: { period: "day", by: "sum" }, valueColumns: ["Id", "Total"] }).series.map((s) => s.name)).toEqual(["Id", "Total"]);
  });

  it.each(["ID", "id", "Order ID", "order_id", "OrderId", "Transaction ID", "Invoice No", "Invoice No.", "InvoiceNo", "Receipt Number"])("leaves out `%s` beside the amounts as an identifier", (header) => {
    const rows = [`date,${header},amount`];
    for (let d = 1; d <= 10; d++) rows.push(`2024-01-${String(d).padStart(2, "0")},${5612345678900 + d * 7},${100 + d}`);
    const dataset = read(rows.join("\n"));
    expect(dataset.series.map((s) => s.name)).toEqual(["amount"]);
    expect(dataset.issues.map((i) => i.message)).toContain(`Column \`${header}\` numbers each record (an order, transaction or invoice), so it is an identifier, not read as a series (pick it as a value column to forecast anyway).`);
  });

  it.each(["Orders", "Order count", "Transactions", "Invoices", "Units", "Number of orders", "Year"])("keeps `%s` of distinct rising integers a series (a count, not an id)", (header) => {
    const rows = [`date,${header},amount`];
    for (let d = 1; d <= 10; d++) rows.push(`2024-01-${String(d).padStart(2, "0")},${1990 + d},${100 + d}`);
    const names = read(rows.join("\n")).series.map((s) => s.name);
    expect(names).toContain("amount");
    if (header !== "Year") expect(names).toContain(header);
    expect(read(rows.join("\n")).issues.map((i) => i.message).join(" ")).not.toMatch(/identifier/);
  });

  it("keeps an `id` column that is the only one holding numbers (nothing else to forecast)", () => {
    expect(read("date,id\n2024-01-01,101\n2024-01-02,102\n2024-01-03,103\n").series.map((s) => s.name)).toEqual(["id"]);
  });

  it("still names the series of a long file whose second series starts later (no column of orders beside the time)", () => {
    const rows = ["date,store,sales,units"];
    for (let d = 1; d <= 12; d++) {
      const day = `2024-01-${String(d).padStart(2, "0")}`;
      rows.push(`${day},north,${100 + d},${10 + d}`, `${day},south,,`);
    }
    expect(read(rows.join("\n")).idColumns).toEqual(["store"]);
  });
});

describe("a currency column beside the amounts (PayPal, Stripe, Shopify)", () => {
  const daily = { aggregate: { period: "day", by: "sum" } } as const;
  const cents = (v: number) => Math.round(v * 100) / 100;
  /** Each of the ten days' sum of `of` over the payments in `currency`. */
  const byDay = (list: Payment[], currency: string, of: (p: Payment) => number) =>
    Array.from({ length: 10 }, (_, d) => cents(list.filter((p) => p.day === d + 1 && p.currency === currency).reduce((sum, p) => sum + of(p), 0)));
  const summary = (dataset: ReturnType<typeof read>) => dataset.series.map((s) => [s.name, s.unit]);
  /** Stripe's amounts read per currency, each in its own: `gross · USD` in USD. */
  const stripeSplit = (codes: string[]) => codes.flatMap((code) => ["gross", "fee", "net"].map((name) => [`${name} · ${code}`, code]));

  it("one code throughout is the unit of the amounts beside it, not of a count, and the column is no series", () => {
    const dataset = read(paypalActivity(payments(["USD"])), daily);
    expect(summary(dataset)).toEqual([
      ["Gross", "USD"],
      ["Fee", "USD"],
      ["Net", "USD"],
      ["Shipping and Handling Amount", "USD"],
      ["Sales Tax", "USD"],
      ["Quantity", null],
      ["Balance", "USD"],
    ]);
    expect(dataset.issues.map((i) => i.message)).toContain(
      "Column `Currency` holds one currency, USD, on every row: it is the unit of `Gross`, `Fee`, `Net`, `Shipping and Handling Amount`, `Sales Tax` and `Balance`, and it is not read as a series.",
    );
    // Stripe writes its codes in lower case.
    const stripe = read(stripeBalance(payments(["USD"])));
    expect(summary(stripe)).toEqual([
      ["gross", "USD"],
      ["fee", "USD"],
      ["net", "USD"],
    ]);
  });

  it("a unit the column has already is kept, and a column of codes under another header is no currency", () => {
    const rows = payments(["USD"]).map((p) => `2024-01-${String(p.day).padStart(2, "0")} ${p.time},USD,${p.gross},${p.gross}`);
    const own = read(`created,Currency,Amount (EUR),Total\n${rows.join("\n")}\n`);
    expect(summary(own)).toEqual([
      ["Amount (EUR)", "EUR"],
      ["Total", "USD"],
    ]);
    expect(summary(read(`created,Code,Amount,Total\n${rows.join("\n")}\n`))).toEqual([
      ["Amount", null],
      ["Total", null],
    ]);
    const none = read(`created,Currency,Visitors\n${rows.map((r) => r.split(",").slice(0, 3).join(",")).join("\n")}\n`);
    expect(summary(none)).toEqual([["Visitors", null]]);
    expect(none.issues.map((i) => i.message)).toContain(
      "Column `Currency` holds one currency, USD, on every row: no column beside it is named as an amount of money (such as `Gross`, `Net`, `Amount` or `Total`) and has no unit of its own, so it is the unit of none, and it is not read as a series.",
    );
  });

  it("names the split series as they are read where a column names the series: `US · USD`, not the amount's `Price · USD`", () => {
    const rows = Array.from({ length: 10 }, (_, d) => [`2024-01-${String(d + 1).padStart(2, "0")},US,USD,${3.1 + d / 100}`, `2024-01-${String(d + 1).padStart(2, "0")},DE,EUR,${1.8 + d / 100}`]).flat();
    const dataset = read(`Date,Country,Currency,Price\n${rows.join("\n")}\n`);
    expect(summary(dataset)).toEqual([
      ["US · USD", "USD"],
      ["DE · EUR", "EUR"],
    ]);
    expect(dataset.issues.map((i) => i.message)).toContain(
      "Column `Currency` holds 2 currencies (USD, EUR): amounts in different currencies are never added together, so each series was read per currency (`US · USD`, `DE · EUR`), its amounts in that currency.",
    );
  });

  it("several codes split the series, so that grouping by a day never adds dollars and euros together", () => {
    const list = payments(["USD", "EUR", "USD"]);
    const dataset = read(stripeBalance(list), daily);
    expect(summary(dataset)).toEqual(stripeSplit(["USD", "EUR"]));
    const values = (name: string) => Array.from(dataset.series.find((s) => s.name === name)?.values ?? [], cents);
    expect(values("gross · USD")).toEqual(byDay(list, "USD", (p) => p.gross));
    expect(values("gross · EUR")).toEqual(byDay(list, "EUR", (p) => p.gross));
    expect(dataset.shape).toBe("tidy");
    expect(dataset.idColumns).toEqual([]);
    expect(dataset.issues.map((i) => i.message)).toContain(
      "Column `currency` holds 2 currencies (USD, EUR): amounts in different currencies are never added together, so each series was read per currency (`gross · USD`, `gross · EUR`, …), its amounts in that currency.",
    );
    // Read row by row, the same.
    const irregular = read(stripeBalance(list));
    expect(irregular.series.map((s) => [s.name, s.values.length])).toEqual([
      ["gross · USD", 20],
      ["fee · USD", 20],
      ["net · USD", 20],
      ["gross · EUR", 10],
      ["fee · EUR", 10],
      ["net · EUR", 10],
    ]);
  });

  it("a code first met below the sampled rows splits the series too", () => {
    const list = [...payments(["USD"], 27), ...payments(["EUR"], 30).slice(27)];
    const dataset = read(stripeBalance(list), daily);
    expect(summary(dataset)).toEqual(stripeSplit(["USD", "EUR"]));
    expect(Array.from(dataset.series[3]!.values, cents)).toEqual([byDay(list, "EUR", (p) => p.gross)[9]]);
  });

  it("splits series a column already names: PayPal's conversion rows, at a payment's time, in euros then dollars", () => {
    const list = payments(["USD", "EUR"]);
    const dataset = read(paypalActivity(list, true), daily);
    expect(dataset.idColumns).toEqual(["Type"]);
    const names = dataset.series.map((s) => s.name);
    expect(names.filter((name) => name.includes("· Net ·"))).toEqual([
      "Website Payment · Net · USD",
      "Website Payment · Net · EUR",
      "General Currency Conversion · Net · EUR",
      "General Currency Conversion · Net · USD",
    ]);
    const net = dataset.series.find((s) => s.name === "Website Payment · Net · EUR")!;
    expect(net.unit).toBe("EUR");
    expect(Array.from(net.values, cents)).toEqual(byDay(list, "EUR", (p) => p.gross + paypalFee(p)));
  });

  it("an order's line items without a currency are in the order's: Shopify's orders export", () => {
    const list = payments(["USD", "CAD"]);
    const dataset = read(shopifyOrders(list), { ...daily, idColumn: null });
    const price = (code: string) => Array.from(dataset.series.find((s) => s.name === `Lineitem price · ${code}`)?.values ?? [], cents);
    // Every order's line items add up to its subtotal, the payment's gross.
    expect(price("USD")).toEqual(byDay(list, "USD", (p) => p.gross));
    expect(price("CAD")).toEqual(byDay(list, "CAD", (p) => p.gross));
    expect(dataset.series.find((s) => s.name === "Lineitem quantity · CAD")?.unit).toBeNull();
    expect(dataset.issues.map((i) => i.message).find((m) => m.startsWith("Column `Currency`"))).toMatch(
      /holds 2 currencies \(USD, CAD\): .* 10 rows have no currency \(rows 3, 7, 11, 15, 19 and 5 more\), as an order's line items after its first do, and were taken to be in the currency of the row above\.$/,
    );
  });

  it("a cell that is no code further down is refused by row and column", () => {
    const text = stripeBalance(payments(["USD", "EUR"])).replace(/,eur,(?=[\d.]+,[\d.]+,[\d.]+,charge,ch_3Ob1025Kx)/, ",n/a,");
    const result = readDataset(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe(
        "Row 27, column `currency`: `n/a` is not a currency code (ISO 4217, such as `USD` or `EUR`) as the column's other cells are, so its amounts cannot be kept apart from other currencies'. Correct it, or empty it if the row is in the currency of the row above.",
      );
      expect(result.at).toEqual({ row: 27, column: 3 });
    }
  });

  it("chosen to name the series, the column names them as any column does", () => {
    const dataset = read(stripeBalance(payments(["USD", "EUR"])), { ...daily, idColumn: "currency" });
    expect(summary(dataset)).toEqual([
      ["usd · gross", null],
      ["usd · fee", null],
      ["usd · net", null],
      ["eur · gross", null],
      ["eur · fee", null],
      ["eur · net", null],
    ]);
  });
});

describe("a unit column beside the values (Eurostat, OECD and ECB SDMX-CSV, Statistics Canada)", () => {
  const notes = (dataset: ReturnType<typeof read>) => dataset.issues.map((i) => i.message);
  const units = (dataset: ReturnType<typeof read>) => dataset.series.map((s) => [s.name, s.unit]);
  const quarters = Array.from({ length: 12 }, (_, i) => `${2021 + Math.floor(i / 4)}-Q${(i % 4) + 1}`);
  const EUROSTAT = "DATAFLOW,LAST UPDATE,freq,unit,s_adj,na_item,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG";
  const eurostat = (rows: [unit: string, geo: string, base: number][]) =>
    `${EUROSTAT}\n${rows.flatMap(([unit, geo, base]) => quarters.map((q, i) => `ESTAT:NAMQ_10_GDP(1.0),05/12/24 23:00:00,Q,${unit},NSA,B1GQ,${geo},${q},${(base + 11 * i + (i % 4) * 3).toFixed(1)},`)).join("\n")}\n`;

  it("one unit on every row is the values' unit, readable where the SDMX code is known: Eurostat's CP_MEUR", () => {
    const text = fs.readFileSync(path.resolve(import.meta.dirname, "../../tests/fixtures/analyst-exports/eurostat-namq_10_gdp.csv"), "utf8");
    const dataset = read(text);
    expect(units(dataset)).toEqual([
      ["AT", "million EUR"],
      ["BE", "million EUR"],
      ["DE", "million EUR"],
      ["FR", "million EUR"],
    ]);
    expect(notes(dataset)).toContain("Column `unit` holds one unit, CP_MEUR (million EUR, current prices), on every row: it is the unit of `OBS_VALUE`, and it is not read as a series.");
    expect(units(read(eurostat([["PC", "AT", 1]])))).toEqual([["OBS_VALUE", "%"]]);
    expect(units(read(eurostat([["I15", "AT", 100]])))).toEqual([["OBS_VALUE", "index 2015=100"]]);
  });

  it("OECD's UNIT_MEASURE and the ECB's UNIT, not SDMX's UNIT_MULT beside them", () => {
    const months = Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, "0")}`);
    const oecd = read(
      `DATAFLOW,ACTION,REF_AREA,FREQ,MEASURE,UNIT_MEASURE,ADJUSTMENT,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MULT,DECIMALS\n${months.map((m, i) => `OECD.SDD.STES:DSD_STES@DF_FINMARK(4.0),I,AUS,M,IRLT,PA,_Z,${m},${(4.1 + i / 20).toFixed(2)},A,0,2`).join("\n")}\n`,
    );
    expect(units(oecd)).toEqual([["OBS_VALUE", "% per year"]]);
    expect(notes(oecd)).toContain("Column `UNIT_MEASURE` holds one unit, PA (% per year), on every row: it is the unit of `OBS_VALUE`, and it is not read as a series.");
    const ecb = read(`KEY,FREQ,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT,UNIT_MULT,DECIMALS\n${months.map((m, i) => `ICP.M.U2.N.000000.4.ANR,M,${m},${(2.9 - i / 10).toFixed(1)},A,PCCH,0,0`).join("\n")}\n`);
    expect([units(ecb), ecb.leftOutColumns]).toEqual([[["OBS_VALUE", "%"]], ["UNIT_MULT", "DECIMALS"]]);
    // An exchange rate: `UNIT` says what the rate is; `CURRENCY` only names the currency it is of.
    const rate = read(`KEY,FREQ,CURRENCY,CURRENCY_DENOM,TIME_PERIOD,OBS_VALUE,UNIT\n${months.map((m, i) => `EXR.M.JPY.EUR.SP00.A,M,JPY,EUR,${m},${(160 + i).toFixed(2)},JPY`).join("\n")}\n`);
    expect(units(rate)).toEqual([["OBS_VALUE", "JPY"]]);
    expect(notes(rate)).toEqual(
      expect.arrayContaining([
        "Column `CURRENCY` holds one currency, JPY, on every row: column `UNIT` gives `OBS_VALUE` its unit instead, so it is the unit of none, and it is not read as a series.",
        "Column `UNIT` holds one unit, JPY, on every row: it is the unit of `OBS_VALUE`, and it is not read as a series.",
      ]),
    );
  });

  it("a unit not known is given as written, and a column's own unit is kept: Statistics Canada's UOM", () => {
    const months = Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, "0")}`);
    const dataset = read(`"REF_DATE","GEO","UOM","VALUE"\n${months.map((m, i) => `"${m}","Canada","Dollars","${5000 + 10 * i}"`).join("\n")}\n`);
    expect(units(dataset)).toEqual([["VALUE", "Dollars"]]);
    const own = read(`month,Unit,Load (MW),Price\n${months.map((m, i) => `${m},EUR/MWh,${500 + i},${80 + i}`).join("\n")}\n`);
    expect(units(own)).toEqual([
      ["Load (MW)", "MW"],
      ["Price", "EUR/MWh"],
    ]);
    expect(notes(own)).toContain("Column `Unit` holds one unit, EUR/MWh, on every row: it is the unit of `Price`, and it is not read as a series.");
  });

  it("a `Unit` column of hospital wards names the series and gives no unit: `ICU`, `Ward 3` are no units", () => {
    const days = Array.from({ length: 25 }, (_, d) => `2024-01-${String(d + 1).padStart(2, "0")}`);
    const wards = read(`Date,Unit,Admissions\n${days.flatMap((day, d) => ["ICU", "Ward 3", "Maternity"].map((w) => `${day},${w},${(d % 7) + 3}`)).join("\n")}\n`);
    expect(units(wards)).toEqual([
      ["ICU", null],
      ["Ward 3", null],
      ["Maternity", null],
    ]);
    expect(notes(wards).some((n) => n.includes("holds 3 units"))).toBe(false);
    const one = read(`Date,Unit,Admissions\n${days.map((day, d) => `${day},ICU,${(d % 7) + 3}`).join("\n")}\n`);
    expect(units(one)).toEqual([["Admissions", null]]);
  });

  it("several units split the series, each in its own: Eurostat's rows by unit, then country", () => {
    // Eurostat sorts by its dimensions, unit first: the rows read first hold one unit, so `geo` named the series, and
    // Austria's growth rates then repeated its GDP's quarters (refused: `Rows 2 and 26 have the same time 2021-Q1`).
    const dataset = read(eurostat([["CP_MEUR", "AT", 95000], ["CP_MEUR", "DE", 800000], ["PCH_PRE", "AT", 0.5], ["PCH_PRE", "DE", 0.2]]));
    expect(units(dataset)).toEqual([
      ["AT · CP_MEUR", "million EUR"],
      ["AT · PCH_PRE", "%"],
      ["DE · CP_MEUR", "million EUR"],
      ["DE · PCH_PRE", "%"],
    ]);
    expect(notes(dataset)).toContain(
      "Column `unit` holds 2 units (CP_MEUR (million EUR, current prices), PCH_PRE (%, change on the previous period)): values in different units are never added together, so each series was read per unit (`AT · CP_MEUR`, `AT · PCH_PRE`, …), its values in that unit.",
    );
    // Where the unit names the series itself, each series already holds one.
    const named = read(eurostat([["CP_MEUR", "AT", 95000], ["PCH_PRE", "AT", 0.5]]));
    expect(units(named)).toEqual([
      ["CP_MEUR", "million EUR"],
      ["PCH_PRE", "%"],
    ]);
    expect(notes(named)).toContain(
      "Column `unit` holds 2 units (CP_MEUR (million EUR, current prices), PCH_PRE (%, change on the previous period)), one for each series: each series is in its own (`CP_MEUR` in million EUR, `PCH_PRE` in %).",
    );
    // More than 20 rows to a series: `unit` and `geo` are found together once the file is read, and the note gives two units.
    const quarterly = Array.from({ length: 24 }, (_, i) => `${2019 + Math.floor(i / 4)}-Q${(i % 4) + 1}`);
    const long = [["CP_MEUR", 90000], ["PCH_PRE", 0.5]].flatMap(([unit, base]) => ["AT", "DE"].flatMap((geo, g) => quarterly.map((q, i) => `${unit},${geo},${q},${(Number(base) * (g + 1) + i * 1.5 + (i % 4)).toFixed(1)}`)));
    const together = read(`unit,geo,TIME_PERIOD,OBS_VALUE\n${long.join("\n")}\n`);
    expect(units(together)).toEqual([
      ["CP_MEUR · AT", "million EUR"],
      ["CP_MEUR · DE", "million EUR"],
      ["PCH_PRE · AT", "%"],
      ["PCH_PRE · DE", "%"],
    ]);
    expect(notes(together)).toContain(
      "Column `unit` holds 2 units (CP_MEUR (million EUR, current prices), PCH_PRE (%, change on the previous period)), one for each series: each series is in its own (`CP_MEUR · AT` in million EUR, `PCH_PRE · AT` in %, …).",
    );
  });

  it("a series whose unit changes part way is split by it, so its values are never added together", () => {
    // Lithuania's GDP in litas, then in euros from 2015: no time repeats, so no column named the series.
    const years = Array.from({ length: 10 }, (_, i) => 2010 + i);
    const text = `geo,unit,TIME_PERIOD,OBS_VALUE\n${years.map((y, i) => `LT,${y < 2015 ? "CP_MNAC" : "CP_MEUR"},${y},${100 + 7 * i}`).join("\n")}\n`;
    const dataset = read(text);
    expect(dataset.series.map((s) => [s.name, s.unit, [...s.values]])).toEqual([
      ["OBS_VALUE · CP_MNAC", "million national currency", [100, 107, 114, 121, 128]],
      ["OBS_VALUE · CP_MEUR", "million EUR", [135, 142, 149, 156, 163]],
    ]);
    expect(notes(dataset)).toContain(
      "Column `unit` holds 2 units (CP_MNAC (million national currency, current prices), CP_MEUR (million EUR, current prices)): values in different units are never added together, so each series was read per unit (`OBS_VALUE · CP_MNAC`, `OBS_VALUE · CP_MEUR`), its values in that unit.",
    );
    // An empty unit cell is in the unit of the row above.
    const blank = read(text.replace("LT,CP_MEUR,2016", "LT,,2016"));
    expect(blank.series.map((s) => s.values.length)).toEqual([5, 5]);
    expect(notes(blank).find((m) => m.startsWith("Column `unit`"))).toMatch(/ 1 row has no unit \(row 8\) and was taken to be in the unit of the row above\.$/);
  });
});

describe("grouping rows by a period on import", () => {
  /** An event log: sales at odd times of day, two at the same second on 3 March, none on 5 March. */
  const LOG = [
    "timestamp,amount",
    "2025-03-03 09:14:05,12.50",
    "2025-03-03 13:02:44,8.00",
    "2025-03-03 13:02:44,9.00",
    "2025-03-04 10:41:17,20.25",
    "2025-03-04 16:09:00,",
    "2025-03-06 11:30:00,4.75",
    "2025-03-06 17:55:12,5.25",
  ].join("\n");

  it("adds up an event log by day: rows sharing a time are not refused, a day without sales is 0, the times are dates", () => {
    expect(readDataset(LOG).ok).toBe(false);
    const dataset = read(LOG, { aggregate: { period: "day", by: "sum" } });
    const series = dataset.series[0]!;
    expect(Array.from(series.times)).toEqual([Date.UTC(2025, 2, 3), Date.UTC(2025, 2, 4), Date.UTC(2025, 2, 5), Date.UTC(2025, 2, 6)]);
    expect(Array.from(series.values)).toEqual([29.5, 20.25, 0, 10]);
    expect(series.missingCount).toBe(0);
    expect(series.frequency).toEqual(inferFrequency(series.times));
    expect(series.frequency).toMatchObject({ kind: "daily", seasonLength: 7, gapCount: 0 });
    expect(dataset.timeFormat).toEqual({ kind: "pattern", pattern: "%Y-%m-%d" });
    expect(dataset.rowCount).toBe(7);
    expect(dataset.issues.map((i) => i.message)).toEqual([
      "Rows were added up by day: 7 rows → 4 days (3 Mar 2025 – 6 Mar 2025).",
      "1 of the 4 days has no rows, so its total is 0.",
      "Column `amount` has 1 empty or non-numeric cell (row 6), left out of the daily totals.",
    ]);
  });

  it("averages or keeps the last value; a day without rows is then missing", () => {
    const mean = read(LOG, { aggregate: { period: "day", by: "mean" } }).series[0]!;
    expect(Array.from(mean.values)).toEqual([29.5 / 3, 20.25, Number.NaN, 5]);
    expect(mean.missingCount).toBe(1);
    const last = read(LOG, { aggregate: { period: "day", by: "last" } });
    expect(Array.from(last.series[0]!.values)).toEqual([9, 20.25, Number.NaN, 5.25]);
    expect(last.issues.map((i) => i.message)).toContain("1 of the 4 days has no values; it is a missing value, which the forecaster fills by linear interpolation.");
  });

  it("says it in the words of the brief: 1,424 rows → 6 months, the partial month left out of sums", () => {
    const rows: string[] = [];
    // Every 3 hours from 1 January to 12 July 2025, 10:00: 1,516 rows; the July rows stop partway.
    for (let t = Date.UTC(2025, 0, 1, 1); t <= Date.UTC(2025, 6, 12, 10); t += 3 * 3_600_000) rows.push(`${new Date(t).toISOString().slice(0, 16).replace("T", " ")},1`);
    const dataset = read(`time,orders\n${rows.join("\n")}\n`, { aggregate: { period: "month", by: "sum" } });
    expect(dataset.series[0]!.values).toHaveLength(6);
    expect(Array.from(dataset.series[0]!.values)).toEqual([31 * 8, 28 * 8, 31 * 8, 30 * 8, 31 * 8, 30 * 8]);
    expect(dataset.timeFormat).toEqual({ kind: "pattern", pattern: "%Y-%m" });
    expect(dataset.issues.map((i) => i.message)).toEqual([
      `Rows were added up by month: ${rows.length.toLocaleString("en-US")} rows → 6 months (Jan 2025 – Jun 2025).`,
      "The last month, Jul 2025, was left out: the rows end at `2025-07-12 10:00`, partway through it, so its total would cover only part of the month and read as a drop.",
    ]);
    // Averages of a partial month are still averages: kept.
    expect(read(`time,orders\n${rows.join("\n")}\n`, { aggregate: { period: "month", by: "mean" } }).series[0]!.values).toHaveLength(7);
  });

  it("groups each series of a long file on its own, even where series share times", () => {
    const text = [
      "store,time,sales",
      "north,2025-03-03 09:00,1",
      "south,2025-03-03 09:00,10",
      "north,2025-03-03 15:30,2",
      "north,2025-03-04 11:00,4",
      "south,2025-03-04 12:00,20",
      "south,2025-03-04 12:00,30",
      "south,2025-03-05 10:00,40",
    ].join("\n");
    const dataset = read(text, { idColumn: "store", aggregate: { period: "day", by: "sum" } });
    expect(dataset.shape).toBe("tidy");
    expect(dataset.series.map((s) => [s.name, Array.from(s.times, (t) => new Date(t).toISOString().slice(0, 10)), Array.from(s.values)])).toEqual([
      ["north", ["2025-03-03", "2025-03-04"], [3, 4]],
      ["south", ["2025-03-03", "2025-03-04", "2025-03-05"], [10, 50, 40]],
    ]);
    expect(dataset.issues.map((i) => i.message)).toContain("Rows were added up by day, series by series: 7 rows → 2 series of 2 to 3 days (3 Mar 2025 – 5 Mar 2025).");
  });

  it("coarsens a regular daily series to months (wide file: one series per column, a late column clipped)", () => {
    // 1 January to 31 March 2024 (a leap year); signups are counted from 15 January.
    const days = Array.from({ length: 91 }, (_, i) => new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10));
    // (Visits of 1, 2, 3, … would be the day of the year, and left out as a calendar column.)
    const text = `date,visits,signups\n${days.map((d, i) => `${d},${i + 101},${i >= 14 ? 2 : ""}`).join("\n")}\n`;
    const dataset = read(text, { aggregate: { period: "month", by: "sum" } });
    expect(dataset.series.map((s) => [s.name, s.frequency.kind, Array.from(s.values)])).toEqual([
      // 101 + … + 131, 132 + … + 160, 161 + … + 191
      ["visits", "monthly", [3596, 4234, 5456]],
      // January is partial for signups (from the 15th) and left out: 29 and 31 days of 2.
      ["signups", "monthly", [58, 62]],
    ]);
    expect(dataset.timeFormat).toEqual({ kind: "pattern", pattern: "%Y-%m" });
    expect(dataset.issues.map((i) => i.message)).toEqual([
      "Rows were added up by month, series by series: 91 rows → 2 series of 2 to 3 months (Jan 2024 – Mar 2024).",
      "Series `signups`: the first month, Jan 2024, was left out: the rows start at `2024-01-15`, partway through it, so its total would cover only part of the month and read as a drop.",
      "1 series begins later or ends earlier than the file (`signups` 2024-02 – 2024-03): the empty or non-numeric cells before the first value and after the last are not part of it.",
    ]);
  });

  it("changes nothing when the period is the file's own and no rows share a time, and says so", () => {
    // Ten days with the 5th missing: a gap stays a gap (missing), as without grouping.
    const text = `date,v\n${[1, 2, 3, 4, 6, 7, 8, 9, 10].map((d) => `2024-01-${String(d).padStart(2, "0")},${d}`).join("\n")}\n`;
    const plain = read(text);
    const grouped = read(text, { aggregate: { period: "day", by: "sum" } });
    expect(summary({ ok: true, data: grouped })).toEqual(summary({ ok: true, data: plain }));
    expect(grouped.series[0]!.frequency).toEqual(plain.series[0]!.frequency);
    expect(grouped.timeFormat).toEqual(plain.timeFormat);
    expect(grouped.issues.map((i) => i.message)).toContain("The file is already daily, so grouping its rows by day changed nothing.");
    // Dates that repeat (a log of sales by date) are added up, by the same period.
    const log = read("date,v\n2024-01-01,1\n2024-01-01,2\n2024-01-02,4\n2024-01-04,8\n2024-01-04,16\n2024-01-05,32\n", { aggregate: { period: "day", by: "sum" } });
    expect(Array.from(log.series[0]!.values)).toEqual([3, 4, 0, 24, 32]);
  });

  it.each([
    ["a monthly file by day", "month,v\n2024-01,1\n2024-02,2\n2024-03,3\n", "day", "The file is monthly, so its rows cannot be grouped by day: a day is shorter than the step between them. Choose a longer period (quarter or year)."],
    ["a quarterly file by month", "q,v\n2024 Q1,1\n2024 Q2,2\n2024 Q3,3\n", "month", "The file is quarterly, so its rows cannot be grouped by month: a month is shorter than the step between them. Choose a longer period (year)."],
    ["a yearly file by week", "year,v\n2020,1\n2021,2\n2022,3\n", "week", "The file is yearly, so its rows cannot be grouped by week: a week is shorter than the step between them. Keep the rows as they are."],
    ["a daily file by hour", "day,v\n2024-01-01,1\n2024-01-02,2\n2024-01-03,3\n", "hour", "The file is daily, so its rows cannot be grouped by hour: an hour is shorter than the step between them. Choose a longer period (week, month, quarter or year)."],
    ["a file without a time column", "v\n1\n2\n3\n", "day", "Grouping rows by day needs a time column, and the file is read without one. Choose the column with the dates (CLI: --time), or keep the rows as they are."],
  ] as const)("refuses %s, saying why", (_name, text, period, reason) => {
    expect(readDataset(text, { aggregate: { period, by: "sum" } })).toEqual({ ok: false, reason });
  });

  it("names the series of a long file that is too coarse for the period", () => {
    const text = "id,month,v\na,2024-01,1\nb,2024-01,2\na,2024-02,3\nb,2024-02,4\n";
    expect(readDataset(text, { aggregate: { period: "week", by: "sum" } })).toEqual({
      ok: false,
      reason: "Series `a` is monthly, so its rows cannot be grouped by week: a week is shorter than the step between them. Choose a longer period (quarter or year).",
    });
  });

  it("cuts days on the file's own clock when times carry a zone", () => {
    // 00:30 in Berlin on 2 March is 23:30 UTC on 1 March: it belongs to 2 March.
    const text = "time,v\n2025-03-01T09:00:00+01:00,1\n2025-03-02T00:30:00+01:00,2\n2025-03-02T22:00:00+01:00,4\n2025-03-03T08:00:00+01:00,8\n";
    const dataset = read(text, { aggregate: { period: "day", by: "mean" } });
    expect(Array.from(dataset.series[0]!.times)).toEqual([Date.UTC(2025, 2, 1), Date.UTC(2025, 2, 2), Date.UTC(2025, 2, 3)]);
    expect(Array.from(dataset.series[0]!.values)).toEqual([1, 3, 8]);
    expect(dataset.timeFormat).toEqual({ kind: "pattern", pattern: "%Y-%m-%d" });
  });

  it("says a series of events at irregular times is not forecast until grouped, naming the CLI flag", () => {
    const dataset = read(LOG.replace("\n2025-03-03 13:02:44,9.00", ""));
    expect(dataset.series[0]?.frequency).toMatchObject({ kind: "irregular", events: true });
    expect(dataset.issues.map((i) => i.message)).toContain(
      "Series `amount` holds events at irregular times, not readings at a regular step, so it is not forecast as it is. To forecast totals or averages per day, week or month, group its rows by a period on import (CLI: --aggregate day).",
    );
  });

  it("reads a logger a second or two off its 10-minute grid as irregular but no events: forecast on its step, grouping suggested", () => {
    const late = [0, 1, 2, 1, 0, 2, 2, 1, 0, 1, 2, 0];
    const rows = late.map((s, i) => `2024-09-01 ${String(Math.floor(i / 6)).padStart(2, "0")}:${i % 6}0:0${s},${18 + i / 10}`);
    const dataset = read(`time,temperature\n${rows.join("\n")}\n`);
    expect(dataset.series[0]?.frequency).toMatchObject({ kind: "irregular" });
    expect(dataset.series[0]?.frequency).not.toHaveProperty("events");
    expect(dataset.issues.map((i) => i.message)).toContain(
      "Series `temperature` has no regular spacing between times; forecasts treat its points as equally spaced. To forecast totals or averages per day, week or month instead, group its rows by a period on import (CLI: --aggregate day).",
    );
  });

  it("reads the same in chunks", async () => {
    const options = { aggregate: { period: "day", by: "sum" } } as const;
    expect(summary(await readDatasetChunks(pieces(LOG, 5), options))).toEqual(summary(readDataset(LOG, options)));
  });
});

describe("times written with a UTC offset that changes", () => {
  const hours = (from: number, count: number, offset: string) =>
    Array.from({ length: count }, (_, k) => `2023-03-26T${String(from + k).padStart(2, "0")}:00:00${offset}`);
  // Clocks go forward in Berlin at 02:00 on 26 March 2023: 01:00+01:00 is followed by 03:00+02:00.
  const cells = [...hours(0, 2, "+01:00"), ...hours(3, 3, "+02:00")];

  it("reads times an hour apart in offset on the local clock, leaving out the hour clocks skip, and writes local times without an offset, saying so", () => {
    const dataset = read(`time,load\n${cells.map((c, i) => `${c},${i}`).join("\n")}\n`);
    const times = Array.from(dataset.series[0]!.times);
    // 01:00 then 03:00 on the clock: the skipped hour is a gap, as in a file kept in local time.
    expect(times.slice(1).map((t, i) => t - (times[i] as number))).toEqual([3_600_000, 7_200_000, 3_600_000, 3_600_000]);
    expect(dataset.timeFormat).toEqual({ kind: "pattern", pattern: "%Y-%m-%dT%H:%M:%S" });
    expect(formatTime(times[4] as number, dataset.timeFormat, 4)).toBe("2023-03-26T05:00:00");
    expect(dataset.issues.map((i) => i.message)).toContain(
      "Times are written with two UTC offsets an hour apart (+01:00 and +02:00), as where clocks change for daylight saving. They are read on that local clock, as the rows show them, so that a daily pattern keeps its hours; exports and forecasts write local times, without an offset.",
    );
  });

  it("averages the two readings of the hour that repeats when clocks go back, in any row order", () => {
    // Berlin, 29 October 2023: 02:00+02:00 is followed by 02:00+01:00.
    const autumn = ["00:00:00+02:00", "01:00:00+02:00", "02:00:00+02:00", "02:00:00+01:00", "03:00:00+01:00"].map((clock) => `2023-10-29T${clock}`);
    for (const rows of [autumn, [...autumn].reverse()]) {
      const values = rows.map((c) => (c.startsWith("2023-10-29T02:00:00+01") ? 30 : 10));
      const dataset = read(`time,load\n${rows.map((c, i) => `${c},${values[i]}`).join("\n")}\n`);
      const times = Array.from(dataset.series[0]!.times);
      expect(times.map((t) => formatTime(t, dataset.timeFormat, 0))).toEqual(["2023-10-29T00:00:00", "2023-10-29T01:00:00", "2023-10-29T02:00:00", "2023-10-29T03:00:00"]);
      expect(Array.from(dataset.series[0]!.values)).toEqual([10, 10, 20, 10]);
      expect(dataset.issues.map((i) => i.message).join(" ")).toMatch(/comes twice, where clocks go back for daylight saving; its two readings were averaged/);
    }
  });

  it("knows the repeated hour by its two offsets in any zone, with readings that may be equal, and on a quarter-hour grid, without calling the file unsorted", () => {
    // Chile, 7 April 2024: 23:00−03:00 is followed by 23:00−04:00 (rules no fixed table holds).
    const chile = read("time,value\n2024-04-06T22:00:00-03:00,1\n2024-04-06T23:00:00-03:00,2\n2024-04-06T23:00:00-04:00,2\n2024-04-07T00:00:00-04:00,4\n");
    expect(Array.from(chile.series[0]!.times).map((t) => formatTime(t, chile.timeFormat, 0))).toEqual(["2024-04-06T22:00:00", "2024-04-06T23:00:00", "2024-04-07T00:00:00"]);
    expect(Array.from(chile.series[0]!.values)).toEqual([1, 2, 4]);
    expect(chile.issues.map((i) => i.message).join(" ")).toMatch(/2024-04-06T23:00:00 comes twice, where clocks go back/);
    expect(chile.issues.map((i) => i.message).join(" ")).not.toMatch(/left out|duplicate/i);
    const quarters = ["01:45:00+02:00", "02:00:00+02:00", "02:15:00+02:00", "02:00:00+01:00", "02:15:00+01:00", "02:30:00+01:00"].map((clock) => `2023-10-29T${clock}`);
    const fine = read(`time,value\n${quarters.map((c, i) => `${c},${i}`).join("\n")}\n`);
    expect(Array.from(fine.series[0]!.times).map((t) => formatTime(t, fine.timeFormat, 0))).toEqual(["2023-10-29T01:45:00", "2023-10-29T02:00:00", "2023-10-29T02:15:00", "2023-10-29T02:30:00"]);
    expect(Array.from(fine.series[0]!.values)).toEqual([0, 2, 3, 5]);
    expect(fine.issues.map((i) => i.kind)).not.toContain("unsorted");
  });

  it("does not take one row written in local time in a UTC file for a clock change: its moment repeats another's, which is refused", () => {
    const rows = ["09:00:00+00:00", "10:00:00+00:00", "11:00:00+01:00", "11:00:00+00:00", "12:00:00+00:00"].map((clock) => `2024-07-01T${clock}`);
    const result = readDataset(`time,value\n${rows.map((c, i) => `${c},${i}`).join("\n")}\n`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/Rows 3 and 4 have the same time/);
  });

  it("reads hour-only offsets (`+01`, as PostgreSQL writes them) like full ones", () => {
    const dataset = read("time,load\n2024-03-31 00:00:00+01,1\n2024-03-31 01:00:00+01,2\n2024-03-31 03:00:00+02,3\n2024-03-31 04:00:00+02,4\n");
    expect(Array.from(dataset.series[0]!.times).map((t) => new Date(t).getUTCHours())).toEqual([0, 1, 3, 4]);
    expect(dataset.issues.map((i) => i.message).join(" ")).toMatch(/two UTC offsets an hour apart \(\+01:00 and \+02:00\)/);
  });

  it("reads offsets written after a space (`00:00:00 +01`, as psql prints them) and writes them back so", () => {
    const dataset = read("time,load\n2024-01-01 00:00:00 +01,1\n2024-01-01 01:00:00 +01,2\n2024-01-01 02:00:00 +01,3\n");
    expect(dataset.timeColumn).toBe("time");
    expect(dataset.series[0]!.times[0]).toBe(Date.UTC(2023, 11, 31, 23));
    expect(formatTime(dataset.series[0]!.times[1]!, dataset.timeFormat, 1)).toBe("2024-01-01 01:00:00 +01:00");
    // Offsets an hour apart go on the local clock, written without the offset and without the space.
    const local = read("time,load\n2024-03-31 00:00:00 +01,1\n2024-03-31 01:00:00 +01,2\n2024-03-31 03:00:00 +02,3\n");
    expect(formatTime(local.series[0]!.times[2]!, local.timeFormat, 2)).toBe("2024-03-31 03:00:00");
  });

  it("reads offsets that differ by other than an hour as the moments they name, written with the latest offset by time, not by row", () => {
    const mixed = ["2023-03-26T00:00:00+00:00", "2023-03-26T04:00:00+03:00", "2023-03-26T05:00:00+03:00"];
    for (const rows of [mixed, [...mixed].reverse()]) {
      const dataset = read(`time,load\n${rows.map((c, i) => `${c},${i}`).join("\n")}\n`);
      const times = Array.from(dataset.series[0]!.times).sort((x, y) => x - y);
      expect(times.slice(1).map((t, i) => t - (times[i] as number))).toEqual([3_600_000, 3_600_000]);
      expect(dataset.timeFormat).toMatchObject({ offsetMinutes: 180 });
      expect(dataset.issues.map((i) => i.message)).toContain(
        "Times are written with UTC offsets from +00:00 to +03:00. They are read as the moments they name, and written back, in exports and forecasts, with the latest offset, +03:00.",
      );
    }
  });

  it("says nothing when every time has the same offset", () => {
    const dataset = read(`time,load\n${hours(3, 4, "+02:00").map((c, i) => `${c},${i}`).join("\n")}\n`);
    expect(dataset.timeFormat).toMatchObject({ offsetMinutes: 120 });
    expect(dataset.issues.map((i) => i.message).join(" ")).not.toMatch(/UTC offset/);
  });
});

describe("values with a statistics office's status flag", () => {
  it("reads them as their numbers and says which rows carried a flag", () => {
    const text = ["month,index", "2024-01,101.2", "2024-02,131*", "2024-03,133 (p)", "2024-04,105 e", "2024-05,106.0"].join("\n");
    const read = readDataset(text);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(Array.from(read.data.series[0]?.values ?? [])).toEqual([101.2, 131, 133, 105, 106]);
    const notes = read.data.issues.map((i) => i.message);
    expect(notes).toContainEqual("Column `index`: 3 values carry a status flag after the number (rows 3, 4, 5), as statistics offices mark provisional, revised or estimated figures; they were read as the number.");
    // Plain numbers, units and months carry none.
    const plain = readDataset(["month,kwh", "2024-01,12 kWh", "2024-02,13 kWh", "2024-03,14 kWh", "2024-04,15 kWh"].join("\n"));
    expect(plain.ok && plain.data.issues.some((i) => i.message.includes("status flag"))).toBe(false);
  });
});


describe("values below a bound (`<1`)", () => {
  it("reads them as half the bound and names the rows and the reading in one note per column", () => {
    // Google Trends' export: a category line, a blank line, then `Week,term: (Worldwide)`.
    const text = ["Category: All categories", "", "Week,tidecast: (Worldwide)", "2024-01-07,3", "2024-01-14,<1", "2024-01-21,2", "2024-01-28,<1", "2024-02-04,<5", "2024-02-11,4"].join("\n");
    const dataset = read(text);
    const [series] = dataset.series;
    expect(series?.name).toBe("tidecast: (Worldwide)");
    // The region in brackets after the colon is the search's scope, not a unit.
    expect(series?.unit).toBeNull();
    expect(Array.from(series?.values ?? [])).toEqual([3, 0.5, 2, 0.5, 2.5, 4]);
    const notes = dataset.issues.map((i) => i.message);
    expect(notes).toContainEqual(
      "Column `tidecast: (Worldwide)`: 3 values are written as below a bound (rows 5, 7, 8), as tables mark values too small to show or counts withheld; each was read as half its bound (`<1` as 0.5, `<5` as 2.5).",
    );
  });

  it("refuses a bound of 0 or below by row, saying why", () => {
    expect(readDataset("month,cases\n2024-01,7\n2024-02,<0\n")).toMatchObject({
      ok: false,
      reason: "Row 3, column `cases`: `<0` says only that the value is below 0, which gives no number to read it as (half a bound above 0 is read). Write the value, or empty the cell to mark a missing value.",
    });
  });
});

describe("statistics offices' and central banks' time series downloads", () => {
  const quoted = (lines: string[][]) => lines.map((cells) => cells.map((cell) => `"${cell}"`).join(",")).join("\n");
  const monthsOf = (year: number) => ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"].map((m, i) => [`${year} ${m}`, String(100 + i)]);
  // ONS: label rows, no header, then the series yearly, quarterly and monthly, a block after another.
  const ons = quoted([
    ...ONS_LABELS,
    ["2010", "100"],
    ["2011", "101"],
    ["2010 Q1", "100.1"],
    ["2010 Q2", "100.2"],
    ["2010 Q3", "100.3"],
    ["2010 Q4", "100.4"],
    ["2011 Q1", "101.1"],
    ...monthsOf(2010),
    ...monthsOf(2011),
  ]);

  it("reads an ONS download: its label rows skipped, the series named by its title, its months read and the coarser blocks left out", () => {
    const dataset = read(ons);
    const [series] = dataset.series;
    expect(dataset.series).toHaveLength(1);
    expect(series?.name).toBe("Retail sales index");
    // The download's title is the dataset's default name too: ONS names the file `series-161024.csv`.
    expect(dataset.title).toBe("Retail sales index");
    // `Index` says no more than that the numbers are an index.
    expect(series?.unit).toBeNull();
    expect(series?.frequency.label).toBe("monthly");
    expect(series?.times.length).toBe(24);
    expect(formatTime(series?.times[0] ?? 0, dataset.timeFormat)).toBe("2010 JAN");
    expect(Array.from(series?.values.slice(0, 2) ?? [])).toEqual([100, 101]);
    expect(dataset.issues.map((i) => i.message)).toEqual([
      "Column `column 1` lists the series yearly, then quarterly, then monthly, a block after another, as ONS downloads do: the monthly rows were read, and the 2 yearly rows (rows 9–10) and 5 quarterly rows (rows 11–15) left out.",
      "The 8 lines above the table (a title or source) were skipped.",
    ]);
  });

  it("reads INSEE's series download: label rows over the data, the first heading the status column", () => {
    const rows = ["2024-12", "2024-11", "2024-10"].map((month, i) => `"${month}";"${119.5 - i / 10}";"${i === 0 ? "P" : "A"}"`);
    const insee = ['"Libellé";"Indice des prix à la consommation - Ensemble";"Codes"', '"idBank";"001759970";""', '"Dernière mise à jour";"13/12/2024 12:00";""', '"Période";"";""', ...rows].join("\n");
    const dataset = read(insee);
    expect(dataset.series.map((s) => [s.name, Array.from(s.values)])).toEqual([["Indice des prix à la consommation - Ensemble", [119.3, 119.4, 119.5]]]);
    expect(dataset.dialect.skipRows).toBe(4);
  });

  it("reads a GENESIS (Destatis) table: years and month names in two unnamed columns are the time", () => {
    const genesis = [
      "GENESIS-Tabelle: 61111-0002",
      "Verbraucherpreisindex: Deutschland, Monate;;;",
      "Deutschland;;;",
      ";;Verbraucherpreisindex;Veränderung zum Vormonat",
      ";;2020=100;in (%)",
      "2023;Januar;114,3;1,0",
      "2023;Februar;115,2;0,8",
      "2023;März;116,1;0,8",
      "2024;Januar;...;...",
      "__________",
      "(C)opyright Statistisches Bundesamt (Destatis), 2024 | Stand: 10.12.2024 / 16:24:37",
    ].join("\n");
    const dataset = read(genesis);
    const [series] = dataset.series;
    expect(dataset.series.map((s) => s.name)).toEqual(["Verbraucherpreisindex · 2020=100", "Veränderung zum Vormonat · in (%)"]);
    expect(Array.from(series?.values ?? [])).toEqual([114.3, 115.2, 116.1]);
    expect(formatTime(series?.times[2] ?? 0, dataset.timeFormat)).toBe("2023-03");
    expect(dataset.issues.map((i) => i.message)).toContainEqual("Columns `column 1` and `column 2` were read together as one time (YYYY-MM).");
  });

  it("reads a GENESIS table of one value column, named over its unnamed time columns", () => {
    // Before, the header naming only the last column (and the copyright under the table) left the title lines in: refused at row 4.
    const months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];
    const genesis = [
      "GENESIS-Tabelle: 61111-0002",
      "Verbraucherpreisindex: Deutschland, Monate;;",
      "Deutschland;;",
      ";;Verbraucherpreisindex",
      ";;2020=100",
      ...months.map((m, i) => `2023;${m};${(114.3 + 0.3 * i).toFixed(1).replace(".", ",")}`),
      "__________",
      "(C)opyright Statistisches Bundesamt (Destatis), 2024 | Stand: 10.12.2024 / 16:24:37",
    ].join("\n");
    const dataset = read(genesis);
    expect(dataset.series.map((s) => [s.name, s.frequency.kind, s.values.length, s.values[11]])).toEqual([["Verbraucherpreisindex · 2020=100", "monthly", 12, 117.6]]);
    expect(formatTime(dataset.series[0]?.times[0] ?? 0, dataset.timeFormat)).toBe("2023-01");
  });

  it("reads Statistics Netherlands' periods: the months, each year's total before them left out, its ID column not a series", () => {
    const rows = ['"ID";"Perioden";"CPI_1"'];
    for (const year of [2020, 2021]) {
      rows.push(`"${rows.length - 1}";"${year}JJ00";"${year - 1900}"`);
      for (let m = 1; m <= 12; m++) rows.push(`"${rows.length - 1}";"${year}MM${String(m).padStart(2, "0")}";"${year - 1920 + m}"`);
    }
    const dataset = read(rows.join("\n"));
    expect(dataset.series.map((s) => [s.name, s.values.length, s.values[0], s.values[12]])).toEqual([["CPI_1", 24, 101, 102]]);
    expect(formatTime(dataset.series[0]?.times[12] ?? 0, dataset.timeFormat)).toBe("2021MM01");
    expect(dataset.issues.map((i) => i.message)).toEqual([
      "Column `Perioden` lists the series yearly and monthly, the rows mixed, as Statistics Netherlands' period codes do: the monthly rows were read, and the 2 yearly rows (rows 2, 15) left out.",
      "Column `ID` only counts the rows (the row names R and pandas write), so it is not read as a series.",
    ]);
  });

  it("reads the same blocks without the label rows, and an ONS money series takes its unit", () => {
    const bare = readDataset(ons.split("\n").slice(8).join("\n"));
    expect(bare.ok && bare.data.series.map((s) => [s.name, s.times.length])).toEqual([["column 2", 24]]);
    expect(bare.ok && bare.data.title).toBeUndefined();
    const money = readDataset(ons.replace('"PreUnit",""', '"PreUnit","£"').replace('"Unit","Index"', '"Unit","m"'));
    expect(money.ok && money.data.series[0]?.unit).toBe("£m");
  });

  it("still refuses a row of a block passed already (a year after the months, beyond the rows sniffed), by row", () => {
    const later = Array.from({ length: 41 }, (_, k) => monthsOf(2012 + k)).flat();
    const text = `${ons}\n${quoted(later)}\n"2053","102"\n"2053 JAN","99"`;
    const row = 8 + 2 + 5 + 12 * 43 + 1;
    expect(readDataset(text)).toMatchObject({
      ok: false,
      reason: `Row ${row}, column \`column 1\`: \`2053\` is not a date like the others (YYYY Mon). Correct it or delete the row.`,
    });
  });

  // The Bundesbank's time series download: the codes in the header, rows describing them under it.
  const bbk = [
    ...BBK_HEAD,
    ...Array.from({ length: 12 }, (_, m) => `2014-${String(m + 1).padStart(2, "0")};${90 + m},${m};`),
    "2015-01;.;Kein Wert vorhanden",
  ].join("\n");

  it("names a Bundesbank series by its description, not by the source row above the data, and leaves the flags out", () => {
    const dataset = read(bbk);
    expect(dataset.series.map((s) => [s.name, s.times.length, s.unit])).toEqual([["Verbraucherpreisindex / Deutschland / Gesamt", 12, null]]);
    expect(dataset.series[0]?.values[1]).toBe(91.1);
    expect(dataset.issues.map((i) => i.message)).toContainEqual(
      "The 5 rows under the header describe the series (a description, unit, date or source, as central banks' downloads write them); they are not data, and name `BBDP1.M.DE.N.VPI.C.A00000.I20.A` as `Verbraucherpreisindex / Deutschland / Gesamt`.",
    );
  });

  it("reads the ECB's download under its source line, with the unit its brackets give", () => {
    const ecb = [
      ...ECB_HEAD,
      "2024-01-05,1.0921",
      "2024-01-04,1.0953",
      "2024-01-03,1.0919",
      "2024-01-02,1.0956",
    ].join("\n");
    const dataset = read(ecb);
    expect(dataset.series.map((s) => [s.name, s.unit, s.times.length])).toEqual([["ECB reference exchange rate, US dollar/Euro, 2:15 pm (C.E.T.)", "US dollar", 4]]);
    expect(dataset.dialect).toMatchObject({ skipRows: 1, describedRows: 3 });
  });

  it("reads the Federal Reserve's download under its label rows, `ND` (no data) as missing", () => {
    // Before, the `Multiplier:` row's 1 made the `Unit:` row above it the header, and the identifier was refused as a value.
    const days = ["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08", "2024-01-09", "2024-01-10", "2024-01-11", "2024-01-12", "2024-01-15", "2024-01-16"];
    const rows = days.map((d, i) => (d === "2024-01-15" ? `${d},ND,ND` : `${d},${(3.91 + (i % 4) / 100).toFixed(2)},${(4.33 + (i % 3) / 100).toFixed(2)}`));
    const dataset = read([...FED_HEAD, ...rows].join("\n"));
    expect(dataset.series.map((s) => [s.name, s.frequency.kind, s.times.length, s.missingCount, s.values[0]])).toEqual([
      ["RIFLGFCY10_N.B", "business-daily", 11, 1, 3.91],
      ["RIFLGFCY02_N.B", "business-daily", 11, 1, 4.33],
    ]);
    expect(dataset.dialect).toMatchObject({ skipRows: 5, hasHeader: true });
    // One series alone, as a download of one series has it: its `Multiplier:` row is then a label row over the header too.
    const one = read([...FED_HEAD.map((row) => row.split(/,(?=")/).slice(0, 2).join(",")), ...rows.map((row) => row.split(",").slice(0, 2).join(","))].join("\n"));
    expect(one.series.map((s) => [s.name, s.times.length, s.missingCount])).toEqual([["RIFLGFCY10_N.B", 11, 1]]);
  });
});

describe("a dateless last row holding an analytics export's total", () => {
  // Google Analytics (Universal): `#` lines, `Day Index,Users`, m/d/yy dates, quoted thousands,
  // and a last row without a date holding the period's total.
  const days = [3474, 2317, 3014, 3307, 2421, 2634, 2761, 1855, 1321, 2132];
  const ga = (total: string) =>
    [
      "# ----------------------------------------",
      "# All Web Site Data",
      "# Audience Overview",
      "# 20230101-20230110",
      "# ----------------------------------------",
      "",
      "Day Index,Users",
      ...days.map((users, i) => `1/${i + 1}/23,"${users.toLocaleString("en-US")}"`),
      `,"${total}"`,
    ].join("\n");

  it("leaves out the exact sum as a totals row", () => {
    const dataset = read(ga("25,236"));
    expect(Array.from(dataset.series[0]?.values ?? [])).toEqual(days);
    expect(dataset.issues.map((i) => i.message)).toContainEqual("Row 18 is a total or summary row and was left out.");
  });

  it("leaves out a total below the sum but far above every day (distinct users, a sampled or rounded total), saying so", () => {
    const dataset = read(ga("19,870"));
    expect(dataset.series[0]?.values.length).toBe(days.length);
    expect(dataset.issues.map((i) => i.message)).toContainEqual(
      "Row 18 has no date and holds `19,870` in `Users`: not the column's sum (25,236), but far above every row's value, as analytics exports write the period's total (distinct users, or a sampled or rounded figure). It was left out as a totals row.",
    );
  });

  it("reads the first of a report's sections, leaving out the tables under the `#` lines after it", () => {
    // Universal Analytics' Audience Overview: the days, then the period's metrics, 8 columns wide (refused by row before).
    const overview = [ga("25,236"), "", ...ga("25,236").split("\n").slice(0, 6), "Users,New Users,Sessions,Number of Sessions per User,Pageviews,Pages / Session,Avg. Session Duration,Bounce Rate", '"25,236","22,101","31,042",1.23,"80,112",2.58,00:02:13,53.21%'].join("\n");
    const dataset = read(overview);
    expect(dataset.series.map((s) => [s.name, Array.from(s.values)])).toEqual([["Users", days]]);
    expect(dataset.issues.map((i) => i.message)).toContainEqual(
      "Rows 20 to 27 hold another table under `#` lines (`Users`, `New Users`, `Sessions`, …), as reports exported in sections write them: only the first table was read. To read another, export it on its own or delete the rows above it.",
    );
    // GA4's snapshot: `Nth day` counts the days, a table per metric. Read on, the new users were added to the active users' series (20 points, not 10).
    const ga4 = (metric: string, k: number) => ["# ----------------------------------------", "# Reports snapshot", "# ----------------------------------------", "# Start date: 20230101", "# End date: 20230110", `Nth day,${metric}`, ...days.map((users, i) => `${String(i).padStart(4, "0")},${Math.round(users / k)}`)];
    const snapshot = read([...ga4("Active users", 1), "", ...ga4("New users", 3)].join("\n"));
    expect(snapshot.series.map((s) => [s.name, s.values.length, s.values[9]])).toEqual([["Active users", 10, 2132]]);
    expect(snapshot.issues.map((i) => i.message)).toContainEqual(
      "Rows 18 to 33 hold another table under `#` lines (`Nth day`, `New users`), as reports exported in sections write them: only the first table was read. To read another, export it on its own or delete the rows above it.",
    );
    // A comment between data rows, then a row of words that is no header of another table, stays a bad row.
    expect(readDataset(["Day Index,Users", "1/1/23,5", "# sensor restarted", "1/2/23,6", "pending,n/a", "1/3/23,7"].join("\n"))).toMatchObject({ ok: false, reason: expect.stringMatching(/^Row 5, column `Day Index`/) });
  });

  it("leaves out a notes block of label and value rows under `#` lines after the table as notes, not as another table", () => {
    // Read as GA's sections, `Source,Internal ERP` was named another table to export on its own.
    const sales = ["Date,Sales", "2024-01-01,10", "2024-01-02,12", "2024-01-03,11", "2024-01-04,13"];
    const dataset = read([...sales, "# Notes", "Source,Internal ERP", "Extracted,2024-03-01", ""].join("\n"));
    expect(dataset.series.map((s) => [s.name, Array.from(s.values)])).toEqual([["Sales", [10, 12, 11, 13]]]);
    expect(dataset.issues.map((i) => i.message)).toEqual(["Rows 6 to 8 under the table are notes (under `#` lines, a label and its value on each row: `Source`, `Extracted`) and were left out."]);
    // Labels written with a colon are notes even when every value is a number.
    expect(read([...sales, "# Export info", "Source:,Internal ERP", "Rows:,4"].join("\n")).issues.map((i) => i.message)).toEqual([
      "Rows 6 to 8 under the table are notes (under `#` lines, a label and its value on each row: `Source:`, `Rows:`) and were left out.",
    ]);
    // A label column over a number column is a table.
    expect(read([...sales, "# Users by country", "Country,Users", "US,1234", "DE,567"].join("\n")).issues.map((i) => i.message)).toEqual([
      "Rows 6 to 9 hold another table under `#` lines (`Country`, `Users`), as reports exported in sections write them: only the first table was read. To read another, export it on its own or delete the rows above it.",
    ]);
  });

  it("leaves out a notes block whose first row holds a number or a date, its labels words that are no times", () => {
    // No header of words over it: refused at `Rows` (row 7) before.
    const sales = ["Date,Sales", "2024-01-01,10", "2024-01-02,12", "2024-01-03,11", "2024-01-04,13"];
    const dataset = read([...sales, "# Notes", "Rows,4", "Extracted,2024-03-01", "Source,Internal ERP", ""].join("\n"));
    expect(dataset.series.map((s) => [s.name, Array.from(s.values)])).toEqual([["Sales", [10, 12, 11, 13]]]);
    expect(dataset.issues.map((i) => i.message)).toEqual(["Rows 6 to 9 under the table are notes (under `#` lines, a label and its value on each row: `Rows`, `Extracted`, `Source`) and were left out."]);
    expect(read([...sales, "# Summary", "Total,46"].join("\n")).issues.map((i) => i.message)).toEqual([
      "Rows 6 to 7 under the table are notes (under `#` lines, a label and its value on each row: `Total`) and were left out.",
    ]);
    const german = read(["Datum;Umsatz", "01.01.2024;10,5", "02.01.2024;11", "03.01.2024;12,25", "# Hinweise", "Zeilen;3", "Exportiert;01.03.2024"].join("\n"));
    expect([Array.from(german.series[0]?.values ?? []), german.issues.at(-1)?.message]).toEqual([
      [10.5, 11, 12.25],
      "Rows 5 to 7 under the table are notes (under `#` lines, a label and its value on each row: `Zeilen`, `Exportiert`) and were left out.",
    ]);
    // A data row under such rows makes them the table's: refused by row as before, not left out.
    expect(readDataset([...sales, "# sensor restarted", "pending,5", "2024-01-05,14"].join("\n"))).toMatchObject({ ok: false, reason: "Row 7, column `Date`: `pending` is not a date like the others (YYYY-MM-DD). Correct it or delete the row." });
    expect(readDataset([...sales, "# A", "Rows,4", "# B", "Sum,5", "2024-01-05,14"].join("\n"))).toMatchObject({ ok: false, reason: expect.stringMatching(/^Row 7, column `Date`: `Rows`/) });
    // A label that is a time starts data rows, not notes.
    expect(readDataset([...sales, "# late rows", "Jan 5 2024,14"].join("\n"))).toMatchObject({ ok: false, reason: expect.stringMatching(/^Row 7, column `Date`/) });
  });

  it.each([
    ["above the column's sum", "1,234,567"],
    ["no higher than a day could be", "9,000"],
  ])("still refuses a dateless last row %s", (_name, total) => {
    expect(readDataset(ga(total))).toMatchObject({ ok: false, reason: "Row 18, column `Day Index`: the date is empty. Every row needs a date; fill it in or delete the row." });
  });
});

describe("a note line under a table without a time column", () => {
  // Brownlee's `shampoo.csv` (Kaggle): months as `1-01` (no calendar year), the title again under the table.
  const rows = Array.from({ length: 12 }, (_, i) => `"1-${String(i + 1).padStart(2, "0")}",${200 + i}`);

  it("is left out with a note, as under a table with times", () => {
    const dataset = read(['"Month","Sales of shampoo over a three year period"', ...rows, "", "Sales of shampoo over a three year period"].join("\n"));
    expect(dataset.timeColumn).toBeNull();
    expect(dataset.series[0]?.values.length).toBe(12);
    expect(dataset.issues.map((i) => i.message)).toContain("Row 15 under the table is a note or source line and was left out.");
  });

  it("is refused by row when data follows it", () => {
    expect(readDataset(['"Month","Sales"', ...rows.slice(0, 3), "see note", ...rows.slice(3)].join("\n"))).toMatchObject({
      ok: false,
      reason: "Row 5 has 1 field but the header has 2. Check the delimiter and the quotes on that row.",
    });
  });
});

describe("long files whose series are named by two columns together", () => {
  // Favorita's shape: a row per store × product family × day, `id` counting the rows.
  const favorita = (days: number) => {
    const rows: string[] = [];
    for (let d = 0; d < days; d++) {
      for (const store of [1, 2]) {
        for (const family of ["AUTOMOTIVE", "BEVERAGES"]) {
          rows.push(`${rows.length},2017-01-${String(d + 1).padStart(2, "0")},${store},${family},${store * 100 + (family === "BEVERAGES" ? 10 : 0) + d},${d % 3}`);
        }
      }
    }
    return "id,date,store_nbr,family,sales,onpromotion\n" + rows.join("\n");
  };
  // Walmart's shape: a row per store × department × week, with a holiday flag.
  const walmart = (weeks: number) => {
    const rows: string[] = [];
    for (let w = 0; w < weeks; w++) {
      const date = new Date(Date.UTC(2010, 1, 5 + 7 * w)).toISOString().slice(0, 10);
      for (const store of [1, 2]) for (const dept of [1, 2]) rows.push(`${store},${dept},${date},${store * 20000 + dept * 1000 + w * 10}.09,${w === 0 ? "TRUE" : "FALSE"}`);
    }
    return "Store,Dept,Date,Weekly_Sales,IsHoliday\n" + rows.join("\n");
  };

  it("names Favorita's series by store and family, leaving out the row counter", () => {
    const dataset = read(favorita(8));
    expect(dataset.shape).toBe("tidy");
    expect(dataset.idColumn).toBe("store_nbr");
    expect(dataset.idColumns).toEqual(["store_nbr", "family"]);
    expect(dataset.series.map((s) => [s.name, s.values.length, s.values[7]])).toEqual([
      ["store_nbr 1 · AUTOMOTIVE · sales", 8, 107],
      ["store_nbr 1 · AUTOMOTIVE · onpromotion", 8, 1],
      ["store_nbr 1 · BEVERAGES · sales", 8, 117],
      ["store_nbr 1 · BEVERAGES · onpromotion", 8, 1],
      ["store_nbr 2 · AUTOMOTIVE · sales", 8, 207],
      ["store_nbr 2 · AUTOMOTIVE · onpromotion", 8, 1],
      ["store_nbr 2 · BEVERAGES · sales", 8, 217],
      ["store_nbr 2 · BEVERAGES · onpromotion", 8, 1],
    ]);
    expect(dataset.series.some((s) => s.column === "id")).toBe(false);
    expect(dataset.issues.map((i) => i.message)).toContain("Columns `store_nbr` and `family` name the series together (4 of them), so each was read on its own.");
  });

  it("names Walmart's series by store and department, never by the holiday flag", () => {
    const dataset = read(walmart(6));
    expect(dataset.idColumns).toEqual(["Store", "Dept"]);
    expect(dataset.series.map((s) => [s.name, s.column, s.values.length, s.values[5]])).toEqual([
      ["Store 1 · Dept 1", "Weekly_Sales", 6, 21050.09],
      ["Store 1 · Dept 2", "Weekly_Sales", 6, 22050.09],
      ["Store 2 · Dept 1", "Weekly_Sales", 6, 41050.09],
      ["Store 2 · Dept 2", "Weekly_Sales", 6, 42050.09],
    ]);
    expect(dataset.series[0]?.frequency.kind).toBe("weekly");
  });

  it.each([
    ["TRUE/FALSE", "TRUE", "FALSE"],
    ["yes/no", "yes", "no"],
    ["Y/N", "Y", "N"],
  ])("a column of booleans (%s) never names the series", (_, yes, no) => {
    const text = "date,sales,promo\n" + [1, 2, 3, 4].flatMap((d) => [`2024-01-0${d},${d},${yes}`, `2024-01-0${d},${d + 10},${no}`]).join("\n");
    const result = readDataset(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^Rows 2 and 3 have the same time `2024-01-01`\. Remove the duplicate row, or, if the file holds several series, add a column that names each one/);
  });

  it("the analyst may name the columns, or pick one of them as before", () => {
    const both = read(favorita(4).replace(/\n\d+,/g, "\n").replace(/^id,/, ""), { idColumns: ["family", "store_nbr"] });
    expect(both.idColumns).toEqual(["family", "store_nbr"]);
    expect(both.series.map((s) => s.name).slice(0, 2)).toEqual(["AUTOMOTIVE · store_nbr 1 · sales", "AUTOMOTIVE · store_nbr 1 · onpromotion"]);
    const one = readDataset(favorita(4), { idColumn: "family" });
    expect(one.ok).toBe(false);
    if (!one.ok) expect(one.reason).toMatch(/^Rows 2 and 4 have the same time `2017-01-01` for series `AUTOMOTIVE`/);
    // A store number is named with its header, in refusals as in series' names.
    const dept = readDataset(walmart(4), { idColumn: "Dept" });
    expect(dept).toMatchObject({ ok: false, reason: expect.stringMatching(/^Rows 2 and 4 have the same time `2010-02-05` for series `Dept 1`\./) });
    const missing = readDataset(favorita(4), { idColumns: ["store_nbr", "shelf"] });
    expect(missing).toMatchObject({ ok: false, reason: expect.stringMatching(/^There is no column `shelf`/) });
  });

  it("a long file with one naming column and a wide file read as before", () => {
    const long = read("store,date,sales\nA,2024-01-01,1\nB,2024-01-01,10\nA,2024-01-02,2\nB,2024-01-02,20\n");
    expect([long.idColumn, long.idColumns, long.series.map((s) => s.name)]).toEqual(["store", ["store"], ["A", "B"]]);
    expect(long.issues.some((i) => i.message.includes("together"))).toBe(false);
    const wide = read("date,north,south\n2024-01-01,1,2\n2024-01-02,3,4\n2024-01-03,5,6\n");
    expect([wide.shape, wide.idColumn, wide.idColumns, wide.series.map((s) => s.name)]).toEqual(["wide", null, [], ["north", "south"]]);
  });
});

describe("readDataset collects the bad rows after the first when asked (the preview marks them all)", () => {
  const days = (n: number, bad: (d: number) => string | null) =>
    `date,v\n${Array.from({ length: n }, (_, d) => `${new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10)},${bad(d) ?? d}`).join("\n")}\n`;

  it("keeps the first row's sentence as imports give it, and each further bad row with its own, in file order", async () => {
    const text = days(30, (d) => (d === 4 ? "1x" : d === 9 ? "9z" : d === 20 ? "2,5,0" : null)).replace("2024-01-16,15", "soon,15");
    const first = readDataset(text);
    const collected = readDataset(text, {}, 5);
    expect(first).toEqual({ ok: false, reason: "Row 6, column `v`: `1x` is not a number. Correct it, or empty the cell to mark a missing value.", at: { row: 6, column: 1 } });
    expect(collected.ok).toBe(false);
    if (collected.ok || first.ok) return;
    expect([collected.reason, collected.at]).toEqual([first.reason, first.at]);
    expect(collected.further?.rows.map((r) => [r.at.row, r.at.column, r.reason.split(":")[0]])).toEqual([
      [11, 1, "Row 11, column `v`"],
      [17, 0, "Row 17, column `date`"],
      [22, null, "Row 22 has 4 fields but the header has 2. If numbers use a decimal comma, quote them or save the file with semicolons."],
    ]);
    expect(collected.further?.more).toBe(0);
    // In pieces, as the preview reads a file, the same.
    const pieces = async function* () {
      for (let at = 0; at < text.length; at += 7) yield text.slice(at, at + 7);
    };
    expect(await readDatasetChunks(pieces(), {}, 5)).toEqual(collected);
  });

  it("counts the bad rows beyond those it keeps", () => {
    const read = readDataset(days(40, (d) => (d % 2 === 0 ? `x${d}` : null)), {}, 3);
    expect(read.ok || [read.at?.row, read.further?.rows.map((r) => r.at.row), read.further?.more]).toEqual([2, [4, 6, 8], 16]);
  });

  it("a good file reads the same, and a file with one bad row names no further ones", () => {
    expect(readDataset(days(10, () => null), {}, 5)).toEqual(readDataset(days(10, () => null)));
    const one = readDataset(days(10, (d) => (d === 3 ? "1x" : null)), {}, 5);
    expect(one.ok).toBe(false);
    expect(one.ok || "further" in one).toBe(false);
  });

  it("a note under the table followed by data rows is refused once, each later bad row after it kept", () => {
    const text = "date,v\n2024-01-01,1\nSource: ABS\n2024-01-03,3x\n2024-01-04,4\n2024-01-05,5y\n";
    const read = readDataset(text, {}, 5);
    expect(read.ok || [read.at, read.further?.rows.map((r) => r.at)]).toEqual([{ row: 3, column: null }, [{ row: 4, column: 1 }, { row: 6, column: 1 }]]);
  });
});
