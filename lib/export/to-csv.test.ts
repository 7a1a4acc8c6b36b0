import { describe, expect, it } from "vitest";
import { escapeFormula, formatNumber, toCsv, toCsvCell, toCsvChunks, type CsvCell } from "./to-csv";

describe("formula escaping of text cells", () => {
  it.each([
    // [cell, standard CSV text, excel CSV text]
    ["=SUM(A1:A9)", "'=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`, `"'=HYPERLINK(""http://x"",""y"")"`],
    ["+31 20 555", "'+31 20 555", "'+31 20 555"],
    ["-2+3", "'-2+3", "'-2+3"],
    ["-5", "'-5", "'-5"],
    ["@SUM(1)", "'@SUM(1)", "'@SUM(1)"],
    ["\tcmd", "'\tcmd", "'\tcmd"],
    ["\rcmd", `"'\rcmd"`, `"'\rcmd"`],
    ["Sales = revenue", "Sales = revenue", "Sales = revenue"],
    ["north", "north", "north"],
    ["a,b", '"a,b"', "a,b"],
    ["a;b", "a;b", '"a;b"'],
    ['say "hi"', '"say ""hi"""', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"', '"two\nlines"'],
    ["", "", ""],
    // Numbers stay numbers: a negative number is a number, not a formula.
    [-5, "-5", "-5"],
    [-0.25, "-0.25", "-0,25"],
    [1234.5, "1234.5", "1234,5"],
    [0.1 + 0.2, "0.30000000000000004", "0,30000000000000004"],
    [1e21, "1e+21", "1e+21"],
    [-0, "-0", "-0"],
    // A serial time the file wrote with six places keeps them, zeros included.
    [{ value: 45298.375, decimals: 6 }, "45298.375000", "45298,375000"],
    [{ value: 45298, decimals: 2 }, "45298.00", "45298,00"],
    [Number.NaN, "", ""],
    [Number.POSITIVE_INFINITY, "", ""],
    [null, "", ""],
    [undefined, "", ""],
  ] as [CsvCell, string, string][])("%j → %j (standard), %j (excel)", (cell, standard, excel) => {
    expect(toCsvCell(cell, "standard")).toBe(standard);
    expect(toCsvCell(cell, "excel")).toBe(excel);
  });

  it("escapes only the characters spreadsheets run", () => {
    expect(["=", "+", "-", "@", "\t", "\r"].map((c) => escapeFormula(`${c}x`))).toEqual(["'=x", "'+x", "'-x", "'@x", "'\tx", "'\rx"]);
    expect([" =x", "x=", "'x", "#x", "%x"].map(escapeFormula)).toEqual([" =x", "x=", "'x", "#x", "%x"]);
  });
});

describe("numbers", () => {
  it("round to significant digits when asked, exactly otherwise", () => {
    expect(formatNumber(243.12345886230469)).toBe("243.1234588623047");
    expect(formatNumber(243.12345886230469, { significantDigits: 10 })).toBe("243.1234589");
    expect(formatNumber(-1234567.891, { significantDigits: 4, decimal: "," })).toBe("-1235000");
    expect(formatNumber(0.000123456789, { significantDigits: 3, decimal: "," })).toBe("0,000123");
  });
});

describe("whole files", () => {
  const table = { header: ["timestamp", "series", "forecast"], rows: [["2024-01", "=bad", -1.5], ["2024-02", "north", null]] as CsvCell[][] };

  it("standard: comma, decimal point, a line break after every line, no BOM", () => {
    expect(toCsv(table)).toBe("timestamp,series,forecast\n2024-01,'=bad,-1.5\n2024-02,north,\n");
  });

  it("excel: BOM, semicolons, decimal commas, CRLF", () => {
    expect(toCsv(table, "excel")).toBe("\uFEFFtimestamp;series;forecast\r\n2024-01;'=bad;-1,5\r\n2024-02;north;\r\n");
  });

  it("rounds only the columns given significant digits", () => {
    expect(toCsv({ header: ["a", "b"], rows: [[1 / 3, 1 / 3]], significantDigits: [undefined, 3] })).toBe("a,b\n0.3333333333333333,0.333\n");
  });
});

describe("toCsvChunks", () => {
  it("gives the text of toCsv in pieces of whole lines, the header and BOM in the first", () => {
    const rows = Array.from({ length: 25 }, (_, i) => [`2024-01-${String(i + 1).padStart(2, "0")}`, i + 0.5]);
    const table = { header: ["date", "value"], rows };
    const chunks = [...toCsvChunks(table, "excel", 10)];
    expect(chunks.join("")).toBe(toCsv(table, "excel"));
    expect(chunks).toHaveLength(3);
    expect(chunks[0]!.startsWith("\ufeffdate;value\r\n")).toBe(true);
    expect(chunks.every((chunk) => chunk.endsWith("\r\n"))).toBe(true);
  });
});
