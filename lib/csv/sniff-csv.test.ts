import { describe, expect, it } from "vitest";
import { sniffCsv } from "./sniff-csv";

/** A day of hourly rows: a time column, then loads in MW that swing up and down over the day. */
function loadFile(timeHeader: string, timeOf: (hour: number) => string, loadHeader: string): string {
  const rows = [`${timeHeader},${loadHeader},Actual load`];
  for (let h = 0; h < 48; h++) {
    const load = Math.round(50_000 + 8_000 * Math.sin((h / 24) * 2 * Math.PI));
    rows.push(`${timeOf(h)},${load},${load + 500}`);
  }
  return rows.join("\n");
}

describe("numbers under a header with a date word", () => {
  it("are not taken for Excel serial dates when they swing up and down like measurements", () => {
    // ENTSO-E's load exports: `Day-ahead Total Load Forecast [MW]` holds 42,000–58,000, which read
    // one by one as serial dates of 2015–2058. Taken for the time, the file was refused for
    // "duplicate times" in a column of megawatts.
    const text = loadFile("Hour", (h) => `interval ${h}`, "Day-ahead Total Load Forecast [MW]");
    const sniff = sniffCsv(text);
    expect(sniff.ok).toBe(true);
    if (!sniff.ok) return;
    const load = sniff.data.columns.find((c) => c.name.startsWith("Day-ahead"));
    expect(load?.kind).toBe("number");
  });

  it("are still serial dates when they count up, with one typo the full read reports by row", () => {
    const text = loadFile("Date", (h) => (h === 3 ? "4529x" : String(45_292 + h)), "Load");
    const sniff = sniffCsv(text);
    expect(sniff.ok).toBe(true);
    if (!sniff.ok) return;
    expect(sniff.data.columns[0]?.kind).toBe("time");
    expect(sniff.data.columns[0]?.time?.format.kind).toBe("excel-serial");
  });
});

describe("the delimiter of a file without a header", () => {
  it("is the semicolon when each line also holds one decimal comma", () => {
    // `01.01.2024;100,25` splits evenly at either mark: read at the comma, the dates and the whole
    // part were one text cell and every value was the `25` after the comma.
    const text = Array.from({ length: 20 }, (_, i) => `${String(i + 1).padStart(2, "0")}.01.2024;${100 + i},25`).join("\n");
    const sniff = sniffCsv(text);
    expect(sniff.ok && sniff.data.dialect).toMatchObject({ delimiter: ";", decimal: ",", hasHeader: false });
  });

  it("stays the comma when a text cell holds a semicolon in a few rows", () => {
    const text = ["date,value,note", ...Array.from({ length: 20 }, (_, i) => `2024-01-${String(i + 1).padStart(2, "0")},${i},${i % 5 === 0 ? '"checked; ok"' : "ok"}`)].join("\n");
    const sniff = sniffCsv(text);
    expect(sniff.ok && sniff.data.dialect.delimiter).toBe(",");
  });
});

describe("the decimal mark", () => {
  it("is decided by the values, not by a column of dotted months beside them", () => {
    // German Excel writes months as `01.2024`: each read as a number with a decimal point and
    // outvoted the values' `1.234,56`, so no column held numbers and the file was refused.
    const rows = Array.from({ length: 24 }, (_, i) => `${String((i % 12) + 1).padStart(2, "0")}.${2020 + Math.floor(i / 12)};${1 + i}.${100 + i},${10 + i}`);
    const sniff = sniffCsv(["Monat;Umsatz (€)", ...rows].join("\r\n"));
    expect(sniff.ok && sniff.data.dialect.decimal).toBe(",");
    expect(sniff.ok && sniff.data.columns.map((c) => c.kind)).toEqual(["time", "number"]);
  });
});

describe("header rows of several levels", () => {
  it("leave a metadata line above the header a title line", () => {
    const text = ["Report;Region North;Currency EUR;", "Monat;Umsatz;Stück;Preis", "2024-01;1;2;3", "2024-02;4;5;6"].join("\n");
    const sniff = sniffCsv(text);
    expect(sniff.ok && sniff.data.dialect).toMatchObject({ skipRows: 1 });
    expect(sniff.ok && sniff.data.columns.map((c) => c.name)).toEqual(["Monat", "Umsatz", "Stück", "Preis"]);
  });
});

describe("digits kept as a code", () => {
  it("are text when Excel was told to keep them so (`=\"00123\"`, `'01067`), or are flags of one width; numbers otherwise", () => {
    const rows = Array.from({ length: 12 }, (_, i) => {
      const day = `2024-01-${String(i + 1).padStart(2, "0")}`;
      return [`="${day}"`, `="0${1067 + (i % 3) * 3042}"`, `'0${4109 + (i % 2)}`, `="${40 + i}"`, `${i % 4 === 1 ? "010000" : "000000"}`, `00${i % 3}`, `="1${i % 3}"`].join(",");
    });
    const sniff = sniffCsv(["Datum,PLZ,Filiale,Umsatz,FRSHTT,count,code", ...rows].join("\n"));
    expect(sniff.ok && sniff.data.columns.map((c) => [c.name, c.kind])).toEqual([
      ["Datum", "time"],
      ["PLZ", "text"],
      ["Filiale", "text"],
      // A value kept as text by the exporter is still a number, and so are plain digits with zeros before them.
      ["Umsatz", "number"],
      ["FRSHTT", "text"],
      ["count", "number"],
      ["code", "number"],
    ]);
  });
});

describe("a notes block under `#` lines after the table", () => {
  it("is no sample of the table's columns when its first row holds a number or a date", () => {
    // The preview showed `Rows,4` and `Extracted,2024-03-01` as data rows, and their labels counted as dates to read.
    const sniff = sniffCsv("Date,Sales\n2024-01-01,10\n2024-01-02,12\n# Notes\nRows,4\nExtracted,2024-03-01\nSource,Internal ERP\n");
    expect(sniff.ok && [sniff.data.columns.map((c) => c.kind), sniff.data.sampleRows]).toEqual([
      ["time", "number"],
      [
        ["2024-01-01", "10"],
        ["2024-01-02", "12"],
      ],
    ]);
  });
});
