import { describe, expect, it } from "vitest";
import { describeDialect, formatBytes, nameFromFileName } from "./describe-dialect";
import { previewCsv } from "./preview-csv";
import { influxOneTable } from "../../tests/fixtures/monitoring-exports";
import { blsFlatFile, nwisDailyValues, nwisRdb, ONS_LABELS } from "../../tests/fixtures/statistics-downloads";

const file = (text: string | Uint8Array) => new Blob([text as BlobPart]);

describe("previewCsv shows how a file will be read, before anything is stored", () => {
  it("offers an ONS download's Title as the dataset's name, and the file's name for a file without one", async () => {
    const ons = `${ONS_LABELS.map(([label, value]) => `"${label}","${value}"`).join("\n")}\n"2023 OCT","101.2"\n"2023 NOV","101.9"\n"2023 DEC","103.4"\n`;
    expect((await previewCsv(file(ons), "series-161024.csv")).datasetName).toBe("Retail sales index");
    expect((await previewCsv(file("month,sales\n2023-10,1\n2023-11,2\n"), "series-161024.csv")).datasetName).toBe("series-161024");
  });

  it("numbers the first rows as the refusals do (every line of the file counts), so a refused row can be found", async () => {
    const text = ["Daily sales of store 4", "", "date,sales", "2024-01-01,10", "2024-01-02,11", "", "2024-01-03,1O", "2024-01-04,13"].join("\r\n");
    const preview = await previewCsv(file(text), "store4.csv");
    expect(preview.error).toMatch(/^Row 7, column `sales`: `1O` is not a number/);
    expect(preview.sampleRowNumbers).toEqual([4, 5, 7, 8]);
    expect(preview.sampleRows[preview.sampleRowNumbers?.indexOf(7) ?? -1]).toEqual(["2024-01-03", "1O"]);
  });

  it("brings the refused row far below the first rows into the preview, with its neighbours and the cell named", async () => {
    const lines = ["date,sales"];
    for (let d = 0; d < 1300; d++) lines.push(`${new Date(Date.UTC(2020, 0, 1 + d)).toISOString().slice(0, 10)},${d === 1201 ? '"12,5,0"' : d}`);
    lines.splice(600, 0, "");
    const preview = await previewCsv(file(lines.join("\n")), "sales.csv");
    expect(preview.error).toMatch(/^Row 1,204, column `sales`: `12,5,0` is not a number/);
    expect(preview.refusal).toEqual({
      row: 1204,
      column: 1,
      below: {
        // Rows 10 to 1,202, the blank line 601 not counted.
        skipped: 1192,
        rows: [
          { number: 1203, cells: ["2023-04-15", "1200"] },
          { number: 1204, cells: ["2023-04-16", "12,5,0"] },
          { number: 1205, cells: ["2023-04-17", "1202"] },
        ],
      },
    });
  });

  it("marks every bad row, not only the first: those below the first rows brought in with their cells, the rest beyond 50 counted", async () => {
    const lines = ["date,sales"];
    // Bad cells in rows 4, 300, 301, then every row from 1,000 to 1,059 (60 rows).
    for (let d = 0; d < 1300; d++) lines.push(`${new Date(Date.UTC(2020, 0, 1 + d)).toISOString().slice(0, 10)},${d === 2 || d === 298 || d === 299 || (d >= 998 && d < 1058) ? `${d}x` : d}`);
    const preview = await previewCsv(file(lines.join("\n")), "sales.csv");
    expect(preview.error).toBe("Row 4, column `sales`: `2x` is not a number. Correct it, or empty the cell to mark a missing value.");
    const refusal = preview.refusal;
    expect([refusal?.row, refusal?.column, refusal?.further?.length, refusal?.furtherMore]).toEqual([4, 1, 49, 63 - 1 - 49]);
    expect(refusal?.further?.[0]).toEqual({ row: 300, column: 1, reason: "Row 300, column `sales`: `298x` is not a number. Correct it, or empty the cell to mark a missing value." });
    // The first bad row is among the first rows shown: only the further ones are read again, each after the rows passed over.
    expect(refusal?.below?.rows.slice(0, 4)).toEqual([
      { number: 300, cells: ["2020-10-25", "298x"] },
      { number: 301, cells: ["2020-10-26", "299x"] },
      { number: 1000, cells: ["2022-09-25", "998x"], skipped: 698 },
      { number: 1001, cells: ["2022-09-26", "999x"] },
    ]);
    expect(refusal?.below?.skipped).toBe(290);
    expect(refusal?.below?.rows.map((r) => r.number).at(-1)).toBe(1046);
  });

  it("marks the rows a refusal names together (the same time), not only the first, up to the same 49 after it", async () => {
    const day = (d: number) => new Date(Date.UTC(2020, 0, 1 + d)).toISOString().slice(0, 10);
    const lines = ["date,sales"];
    for (let d = 0; d < 1300; d++) lines.push(`${day(d)},${d}`);
    // Row 1,202 (day 1200) comes again at row 1,290.
    lines[1289] = `${day(1200)},7`;
    const preview = await previewCsv(file(lines.join("\n")), "sales.csv");
    expect(preview.error).toMatch(/^Rows 1,202 and 1,290 have the same time `2023-04-15`/);
    expect(preview.refusal).toMatchObject({ row: 1202, column: 0, others: 1, otherRows: [1290] });
    expect(preview.refusal?.below?.rows.map((r) => [r.number, r.skipped ?? 0])).toEqual([[1201, 0], [1202, 0], [1203, 0], [1290, 86]]);

    // 60 rows of one day whose sum is beyond ±1e100: the first and the next 49 marked, 10 counted.
    const log = ["time,amount", ...Array.from({ length: 60 }, (_, i) => `2024-01-01 ${String(Math.floor(i / 6)).padStart(2, "0")}:${String((i % 6) * 10).padStart(2, "0")},1e99`), "2024-01-02 00:00,1"];
    const summed = await previewCsv(file(log.join("\n")), "log.csv", { aggregate: { period: "day", by: "sum" } });
    expect(summed.error).toMatch(/^Rows 2, 3, .* \(1 Jan 2024\) add up to .*, beyond ±1e100/);
    expect(summed.refusal?.others).toBe(59);
    expect(summed.refusal?.otherRows).toEqual(Array.from({ length: 49 }, (_, i) => 3 + i));
  });

  it.each([
    ["a refused row among the first rows needs no second reading", "date,sales\n2024-01-01,1\n2024-01-02,1O\n2024-01-03,3\n", { row: 3, column: 1, below: null }],
    ["a row of the wrong width is pointed at as a whole", "date,sales\n2024-01-01,1\n2024-01-02,2,7\n", { row: 3, column: null, below: null }],
    ["a date is pointed at in the time column", "date,sales\n2024-01-01,1\n2024-01-02,2\nsoon,3\n2024-01-04,4\n", { row: 4, column: 0, below: null }],
    ["a refusal naming no cell points at none", "date,sales\n", null],
  ])("%s", async (_, text, refusal) => {
    const preview = await previewCsv(file(text), "f.csv");
    expect(preview.error).not.toBeNull();
    expect(preview.refusal).toEqual(refusal);
  });

  it("numbers a quoted cell over two lines as one row, as the reader does", async () => {
    const text = 'date,sales,note\n2024-01-01,10,"two\nlines"\n2024-01-02,11,\n2024-01-03,1O,\n2024-01-04,13,\n';
    const preview = await previewCsv(file(text), "notes.csv");
    expect(preview.error).toMatch(/^Row 4, /);
    expect(preview.sampleRowNumbers).toEqual([2, 3, 4, 5]);
  });

  it("a column computed from the date is not offered as ticked, and ticked it is read", async () => {
    const days = Array.from({ length: 30 }, (_, i) => new Date(Date.UTC(2024, 0, 1) + i * 86_400_000));
    const text = `date,wkday,sales\n${days.map((d, i) => `${d.toISOString().slice(0, 10)},${((d.getUTCDay() + 6) % 7) + 1},${10 + (i % 4)}`).join("\n")}\n`;
    const preview = await previewCsv(file(text), "sales.csv");
    expect(preview.columns.map((c) => c.role)).toEqual(["time", "ignored", "value"]);
    expect(preview.valueColumns).toEqual(["sales"]);
    expect(preview.series.map((s) => s.name)).toEqual(["sales"]);
    const chosen = await previewCsv(file(text), "sales.csv", { valueColumns: ["wkday", "sales"] });
    expect(chosen.columns.map((c) => c.role)).toEqual(["time", "value", "value"]);
    expect(chosen.valueColumns).toEqual(["wkday", "sales"]);
    expect(chosen.series.map((s) => s.name)).toEqual(["wkday", "sales"]);
  });

  it("a wide file: columns with types and roles, first rows, one series per value column", async () => {
    const text = "month,north,south,note\n2024-01,1,2,a\n2024-02,3,,b\n2024-03,5,6,c\n";
    const preview = await previewCsv(file(text), "regions.csv");
    expect(preview.error).toBeNull();
    expect(preview.columns.map((c) => [c.name, c.kind, c.role, c.format])).toEqual([
      ["month", "time", "time", "YYYY-MM"],
      ["north", "number", "value", null],
      ["south", "number", "value", null],
      ["note", "text", "ignored", null],
    ]);
    expect(preview.sampleRows[0]).toEqual(["2024-01", "1", "2", "a"]);
    expect(preview).toMatchObject({ shape: "wide", rowCount: 3, timeColumn: "month", idColumn: null, valueColumns: ["north", "south"] });
    expect(preview.series.map((s) => [s.name, s.pointCount, s.missingCount, s.startLabel, s.endLabel, s.frequency.kind, s.sparkline])).toEqual([
      ["north", 3, 0, "2024-01", "2024-03", "monthly", [1, 3, 5]],
      ["south", 3, 1, "2024-01", "2024-03", "monthly", [2, 6]],
    ]);
    // The range as the dataset page will write it, whatever the file's format.
    expect(preview.series.map((s) => s.rangeLabel)).toEqual(["Jan 2024 – Mar 2024", "Jan 2024 – Mar 2024"]);
    expect(preview.issues.map((i) => i.kind)).toEqual(["missing"]);
  });

  it("an M4 table (numbered steps across the header) offers every row's series, the first one too", async () => {
    const header = Array.from({ length: 13 }, (_, i) => `"V${i + 1}"`).join(",");
    const row = (name: string, count: number) => `"${name}",${Array.from({ length: count }, (_, i) => i + 1).join(",")}${",".repeat(12 - count)}`;
    const preview = await previewCsv(file([header, row("D1", 12), row("D2", 9)].join("\n")), "Daily-train.csv");
    expect([preview.error, preview.timeColumn, preview.valueColumns, preview.series.map((s) => s.name)]).toEqual([null, null, ["D1", "D2"], ["D1", "D2"]]);
  });

  it("re-reads with the analyst's choices: value columns, no time column, renamed series", async () => {
    const text = "month,north,south\n2024-01,1,2\n2024-02,3,4\n";
    const preview = await previewCsv(file(text), "regions.csv", { timeColumn: null, valueColumns: ["south"], seriesNames: { south: "South" } });
    expect(preview.columns.map((c) => c.role)).toEqual(["ignored", "ignored", "value"]);
    expect(preview.series.map((s) => [s.detectedName, s.name, s.frequency.kind, s.startLabel, s.endLabel])).toEqual([["south", "South", "index", "1", "2"]]);
  });

  it("offers the date order for slashed dates and reads them again when it is changed", async () => {
    const text = "date,v\n01/02/2024,1\n02/02/2024,2\n03/02/2024,3\n";
    const auto = await previewCsv(file(text), "v.csv");
    expect(auto.columns[0]).toMatchObject({ hasDateOrder: true });
    expect([auto.dateOrder, auto.series[0]?.frequency.kind]).toEqual(["mdy", "monthly"]);
    const dayFirst = await previewCsv(file(text), "v.csv", { dateOrder: "dmy" });
    expect([dayFirst.dateOrder, dayFirst.series[0]?.frequency.kind, dayFirst.series[0]?.startLabel]).toEqual(["dmy", "daily", "01/02/2024"]);
    // Spelled out, the range says which order was taken.
    expect(dayFirst.series[0]?.rangeLabel).toBe("1 Feb 2024 – 3 Feb 2024");
  });

  it("shows the range of Unix times as UTC date-times", async () => {
    const preview = await previewCsv(file("t,load\n1700000000,1\n1700000060,2\n1700000120,3\n"), "load.csv");
    expect([preview.series[0]?.startLabel, preview.series[0]?.endLabel]).toEqual(["2023-11-14 22:13:20 UTC", "2023-11-14 22:15:20 UTC"]);
  });

  it("a date column and a time-of-day column: both are the time, read as one", async () => {
    const text = "Datum;Uhrzeit;Last\n01.03.2024;00:00;1\n01.03.2024;00:15;2\n01.03.2024;00:30;3\n";
    const preview = await previewCsv(file(text), "last.csv");
    expect(preview.error).toBeNull();
    expect(preview.columns.map((c) => c.role)).toEqual(["time", "time", "value"]);
    expect(preview.series[0]?.startLabel).toBe("01.03.2024 00:00");
  });

  it("a long file with an id column: the id column is found and names the series", async () => {
    const text = "store,date,sales\nA,2024-01-01,1\nB,2024-01-01,2\nA,2024-01-02,3\nB,2024-01-02,4\n";
    const preview = await previewCsv(file(text), "stores.csv");
    expect(preview.columns.map((c) => c.role)).toEqual(["id", "time", "value"]);
    expect(preview.series.map((s) => s.name)).toEqual(["A", "B"]);
    const none = await previewCsv(file(text), "stores.csv", { idColumn: null });
    expect(none.error).toBe(
      "Rows 2 and 3 have the same time `2024-01-01`. Remove the duplicate row, or, if the file holds several series, add a column that names each one. If rows with the same time are transactions or events, choose to add them up or average them on import (CLI: --repeated-times sum or mean), or to group them by day, week or month (CLI: --aggregate day).",
    );
  });

  it("a long file whose series two columns name together shows both as id columns", async () => {
    const text = "store_nbr,family,date,sales\n" + ["2024-01-01", "2024-01-02", "2024-01-03"].flatMap((d, k) => ["1,FOOD", "1,TOYS", "2,FOOD", "2,TOYS"].map((sf, i) => `${sf},${d},${i + 10 * k}`)).join("\n");
    const preview = await previewCsv(file(text), "favorita.csv");
    expect(preview.error).toBeNull();
    expect([preview.idColumn, preview.idColumns, preview.valueColumns]).toEqual(["store_nbr", ["store_nbr", "family"], ["sales"]]);
    expect(preview.columns.map((c) => c.role)).toEqual(["id", "id", "time", "value"]);
    expect(preview.series.map((s) => s.name)).toEqual(["store_nbr 1 · FOOD", "store_nbr 1 · TOYS", "store_nbr 2 · FOOD", "store_nbr 2 · TOYS"]);
    const one = await previewCsv(file(text), "favorita.csv", { idColumn: "family" });
    expect([one.idColumns, one.error?.startsWith("Rows 2 and 4 have the same time `2024-01-01` for series `FOOD`")]).toEqual([["family"], true]);
  });

  it("a long file sorted by series: the name column found in the whole file is shown as the id", async () => {
    const text = "Entity,Year,Deaths\n" + ["Drought", "Flood"].flatMap((entity, k) => Array.from({ length: 25 }, (_, i) => `${entity},${1900 + i},${k * 1000 + i}`)).join("\n");
    const preview = await previewCsv(file(text), "disasters.csv");
    expect(preview.error).toBeNull();
    expect(preview.idColumn).toBe("Entity");
    expect(preview.columns.map((c) => c.role)).toEqual(["id", "time", "value"]);
    expect(preview.series.map((s) => [s.name, s.pointCount])).toEqual([
      ["Drought", 25],
      ["Flood", 25],
    ]);
  });

  it("a one-series file named by the code on its every row shows that column as naming the series (BLS's series_id, InfluxDB's _field)", async () => {
    const bls = blsFlatFile("CUUR0000SA0", 2023, Array.from({ length: 24 }, (_, i) => 299.17 + i * 0.41));
    const preview = await previewCsv(file(bls), "cu.data.1.AllItems.txt");
    expect(preview.columns.map((c) => [c.name, c.role])).toEqual([
      ["series_id", "id"],
      ["year", "time"],
      ["period", "time"],
      ["value", "value"],
      ["footnote_codes", "ignored"],
    ]);
    expect([preview.idColumn, preview.idColumns, preview.valueColumns, preview.shape]).toEqual(["series_id", ["series_id"], ["value"], "long"]);
    expect(preview.series.map((s) => s.name)).toEqual(["CUUR0000SA0"]);
    // Choosing no column naming series names it by its value column, and the column is not imported.
    const none = await previewCsv(file(bls), "cu.data.1.AllItems.txt", { idColumn: null });
    expect([none.idColumn, none.columns[0]?.role, none.series.map((s) => s.name)]).toEqual([null, "ignored", ["value"]]);

    const influx = await previewCsv(file(influxOneTable(Array.from({ length: 30 }, (_, i) => 30 + (i % 7) / 10))), "query.csv");
    expect(influx.columns.filter((c) => c.role !== "ignored").map((c) => [c.name, c.role])).toEqual([
      ["_time", "time"],
      ["_value", "value"],
      ["_field", "id"],
    ]);
    expect([influx.idColumn, influx.series.map((s) => s.name)]).toEqual(["_field", ["usage_user"]]);
  });

  it("a one-series file labelled by a site number with zeros before it shows the number as written (USGS NWIS's `01646500`)", async () => {
    const text = nwisDailyValues("01646500", Array.from({ length: 31 }, (_, i) => 12300 - 37 * i));
    const preview = await previewCsv(file(text), "dv.csv");
    expect(preview.columns.map((c) => [c.name, c.role])).toEqual([
      ["agency_cd", "ignored"],
      ["site_no", "id"],
      ["datetime", "time"],
      ["69928_00060_00003", "value"],
      ["69928_00060_00003_cd", "ignored"],
    ]);
    expect([preview.idColumn, preview.valueColumns, preview.series.map((s) => s.name), preview.issues]).toEqual(["site_no", ["69928_00060_00003"], ["01646500"], []]);
    // Its RDB file: the same columns under the `#` lines, the row of formats under the header not shown as data.
    const rdb = await previewCsv(file(nwisRdb("01646500", Array.from({ length: 31 }, (_, i) => 12300 - 37 * i))), "dv.rdb");
    expect([rdb.columns.map((c) => [c.name, c.role]), rdb.series.map((s) => s.name), rdb.sampleRowNumbers?.[0], rdb.sampleRows[0]]).toEqual([
      preview.columns.map((c) => [c.name, c.role]),
      ["01646500"],
      16,
      ["USGS", "01646500", "2024-01-01", "12300", "A"],
    ]);
  });

  it("a date in year, month and day columns: all three are shown as the time, the weekday is left out", async () => {
    const text = "year,month,day,weekday,visitors\n2024,1,30,2,5\n2024,1,31,3,6\n2024,2,1,4,7\n2024,2,2,5,8\n";
    const preview = await previewCsv(file(text), "visits.csv");
    expect(preview.error).toBeNull();
    expect(preview.columns.map((c) => c.role)).toEqual(["time", "time", "time", "ignored", "value"]);
    expect(preview.series.map((s) => [s.name, s.frequency.kind, s.startLabel])).toEqual([["visitors", "daily", "2024-01-30"]]);
  });

  it("a table of years by months: the month columns are the values, the annual column is left out", async () => {
    const text = "Year,Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec,Annual\n2023,1,2,3,4,5,6,7,8,9,10,11,12,78\n2024,13,14,15,16,17,18,19,20,21,22,23,24,222\n";
    const preview = await previewCsv(file(text), "bls.csv");
    expect(preview.error).toBeNull();
    expect(preview.columns.map((c) => c.role)).toEqual(["time", ...Array(12).fill("value"), "ignored"]);
    expect(preview.valueColumns).toHaveLength(12);
    expect(preview.series.map((s) => [s.name, s.pointCount, s.startLabel, s.endLabel])).toEqual([["monthly values", 24, "2023-01", "2024-12"]]);
    // The analyst's value choice sent back as the twelve months reads the same table.
    const again = await previewCsv(file(text), "bls.csv", { valueColumns: preview.valueColumns });
    expect(again.series.map((s) => s.pointCount)).toEqual([24]);
  });

  it("a table with the years across the header is previewed turned, as it will be imported", async () => {
    const text = ['"Data Source","World Development Indicators",', "", '"Country Name","Country Code","2019","2020","2021","2022","2023",', '"Chile","CHL","1","2","3","4","5",', '"Peru","PER","5","4","3","2","1",'].join("\n");
    const preview = await previewCsv(file(text), "API_NY.GDP.csv");
    expect(preview.error).toBeNull();
    expect(preview.columns.map((c) => [c.name, c.role])).toEqual([["Year", "time"], ["Chile", "value"], ["Peru", "value"]]);
    expect(preview.sampleRows[0]).toEqual(["2019", "1", "5"]);
    expect(preview.series.map((s) => [s.name, s.pointCount, s.startLabel, s.endLabel])).toEqual([["Chile", 5, "2019", "2023"], ["Peru", 5, "2019", "2023"]]);
    expect(preview.issues[0]?.message).toBe("The dates run across the header (2019 to 2023) with a series per row, so the table was read turned: 2 series named by `Country Name`.");
  });

  it("a file that fails still shows its columns and first rows, with the reason", async () => {
    const preview = await previewCsv(file("date,sales\n2024-01-01,10\n2024-01-02,1O\n"), "typo.csv");
    expect(preview.error).toBe("Row 3, column `sales`: `1O` is not a number. Correct it, or empty the cell to mark a missing value.");
    expect(preview.columns.map((c) => c.name)).toEqual(["date", "sales"]);
    expect(preview.sampleRows).toHaveLength(2);
    expect(preview.series).toEqual([]);
  });

  it("a binary file has no columns, only the reason", async () => {
    const preview = await previewCsv(file(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2])), "book.csv");
    expect(preview).toMatchObject({
      columns: [],
      error: "This file is a ZIP archive (or an .xlsx workbook), not a CSV text file. Export or save it as CSV and upload that.",
    });
  });

  it("long series get a sparkline of at most 120 values", async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => `${i},${Math.sin(i / 100)}`);
    const preview = await previewCsv(file(`step,v\n${rows.join("\n")}\n`), "long.csv");
    expect(preview.series[0]?.sparkline.length).toBe(120);
  });
});

describe("describeDialect, formatBytes, nameFromFileName", () => {
  it.each([
    [{ delimiter: ";", decimal: ",", lineBreak: "\r\n", hasHeader: true, quoted: false }, "utf-8-bom", "semicolon-separated · decimal comma · UTF-8 with BOM · header row · CRLF line breaks"],
    [{ delimiter: "\t", decimal: ".", lineBreak: "\n", hasHeader: false, quoted: true }, "utf-16le", "tab-separated · decimal point · UTF-16 LE · no header row (columns numbered) · quoted fields"],
    [{ delimiter: ",", decimal: ".", lineBreak: "\n", hasHeader: true, headerRows: 1, quoted: false }, "utf-8", "comma-separated · decimal point · UTF-8 · 2 header rows (names joined)"],
    [{ delimiter: ";", decimal: ",", lineBreak: "\n", hasHeader: true, describedRows: 5, quoted: false }, "windows-1252", "semicolon-separated · decimal comma · Windows-1252 · header row · 5 rows describing the series under the header skipped"],
  ] as const)("%j in %s", (dialect, encoding, words) => {
    expect(describeDialect(dialect, encoding).join(" · ")).toBe(words);
  });

  it.each([
    [512, "512 B"],
    [1536, "1.5 kB"],
    [31_457_280, "30 MB"],
  ])("%i bytes → %s", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it.each([
    ["sales 2024.csv", "sales 2024"],
    ["C:\\exports\\Umsatz.TSV", "Umsatz"],
    [".csv", "Untitled dataset"],
    // A client's file name is no name the analyst typed: control characters go, and it is cut to 200.
    ["../..\u0000/sales\u0000\r\n2024.csv", "sales 2024"],
    [`${"v".repeat(500)}.csv`, "v".repeat(200)],
    ["\u0007.csv", "Untitled dataset"],
  ])("%j → %s", (fileName, name) => {
    expect(nameFromFileName(fileName)).toBe(name);
  });
});

describe("a column empty in the first rows that holds numbers further down", () => {
  // A store opened part-way: its column is empty in every sampled row.
  const lines = ["date,old_store,new_store,comment"];
  for (let d = 0; d < 700; d++) lines.push(`${new Date(Date.UTC(2020, 0, 1 + d)).toISOString().slice(0, 10)},${d},${d >= 650 ? d * 2 : ""},${d === 690 ? "audit" : ""}`);
  const text = `${lines.join("\n")}\n`;

  it("is named in a note and offered as a value column, not dropped without a word", async () => {
    const preview = await previewCsv(file(text), "stores.csv");
    expect(preview.series.map((s) => s.name)).toEqual(["old_store"]);
    expect(preview.issues.map((i) => i.message)).toContainEqual(expect.stringMatching(/^Column `new_store` \(from row 652\) is empty in the file's first rows and holds numbers further down/));
    // A column of words further down is not offered.
    expect(preview.columns.filter((c) => c.numeric).map((c) => c.name)).toEqual(["old_store", "new_store"]);
  });

  it("is read when ticked, and stays offered", async () => {
    const preview = await previewCsv(file(text), "stores.csv", { valueColumns: ["old_store", "new_store"] });
    expect(preview.error).toBeNull();
    const newStore = preview.series.find((s) => s.name === "new_store");
    expect(newStore?.pointCount).toBe(50);
    expect(preview.columns.find((c) => c.name === "new_store")).toMatchObject({ role: "value", numeric: true });
  });
});

describe("an order export's Id in the preview", () => {
  const rows = ["Created at,Id,Total"];
  for (let d = 1; d <= 10; d++) rows.push(`2024-09-${String(d).padStart(2, "0")} 10:15,${5600000001000 + d},${100 + d}`);
  const text = rows.join("\n");

  it("shows it unticked, yet offered as a value column, and read when ticked", async () => {
    const preview = await previewCsv(file(text), "orders.csv");
    expect(preview.columns.find((c) => c.name === "Id")).toMatchObject({ role: "ignored", numeric: true });
    expect(preview.series.map((s) => s.name)).toEqual(["Total"]);
    const ticked = await previewCsv(file(text), "orders.csv", { valueColumns: ["Id", "Total"] });
    expect(ticked.columns.find((c) => c.name === "Id")).toMatchObject({ role: "value", numeric: true });
  });
});
