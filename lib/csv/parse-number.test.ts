import { describe, expect, it } from "vitest";
import { belowBound, decideDecimalMark, hasStatusFlag, parseNumberCell, readPlainNumber, type DecimalMark } from "./parse-number";

describe("decideDecimalMark", () => {
  it.each([
    ["1234,5 decides a comma", ["12", "1234,5"], ";", { mark: "," }],
    ["1.234,5 decides a comma", ["1.234,5"], ";", { mark: "," }],
    ["two thousands dots decide a comma", ["1.234.567"], "\t", { mark: "," }],
    ["1234.5 decides a point", ["1234.5"], ";", { mark: "." }],
    ["two thousands commas decide a point", ["1,234,567"], ";", { mark: "." }],
    ["0.500 is a decimal point (a thousands group never starts with 0)", ["0.500"], ";", { mark: "." }],
    ["1.500 alone in a semicolon file groups thousands", ["1.500", "800"], ";", { mark: ",", guessedFrom: "1.500" }],
    ["1.500 alone in a tab file is a decimal point, and said to be a guess", ["1.500"], "\t", { mark: ".", guessedFrom: "1.500" }],
    ["1,500 alone in a semicolon file is a decimal comma", ["1,500"], ";", { mark: ",", guessedFrom: "1,500" }],
    ["a comma-separated file cannot hold bare decimal commas", ["1.500"], ",", { mark: "." }],
    ["whole numbers say nothing and need no note", ["12", "800"], ";", { mark: "." }],
    ["1 234,5 (space groups) decides a comma in a tab file", ["1 234,5"], "\t", { mark: "," }],
    ["no-break and narrow no-break space groups decide too", ["10\u00a0026,870", "1\u202f234,500"], "\t", { mark: "," }],
    ["1 234.500 (space groups) decides a point over an ambiguous 1.500", ["1 234.500", "1.500"], ";", { mark: "." }],
    ["1'234.50 (Swiss) decides a point over an ambiguous 1.500", ["1'234.50", "1.500"], ";", { mark: "." }],
    ["1,00E+03 (Excel's scientific notation, German) decides a comma", ["1,00E+03", "9,87E+02"], ";", { mark: "," }],
    ["1.234E+03 is a decimal point, not a thousands dot", ["1.234E+03", "1.500"], ";", { mark: "." }],
  ])("%s", (_name, cells, delimiter, expected) => {
    expect(decideDecimalMark(cells, delimiter)).toEqual(expected);
  });
});

describe("parseNumberCell", () => {
  it.each([
    ["\u22123.5", ".", -3.5],
    ["1.234,56-", ",", -1234.56],
    ["1,234.56-", ".", -1234.56],
    ["1.234.567", ",", 1234567],
    ["(1,200)", ".", -1200],
    ["USD 1,200", ".", 1200],
    ["1.200,00 EUR", ",", 1200],
    ["(USD 50)", ".", -50],
  ] as const)("%s with a decimal %s is %d", (cell, decimal, value) => {
    expect(parseNumberCell(cell, decimal)).toEqual({ kind: "number", value });
  });

  it("a lone minus is still a missing value, and a word with a trailing minus is text", () => {
    expect(parseNumberCell("-", ".")).toEqual({ kind: "missing" });
    expect(parseNumberCell("abc-", ".")).toEqual({ kind: "text" });
    expect(parseNumberCell("EURO", ".")).toEqual({ kind: "text" });
  });
});

describe("units, status flags and typeset minus signs around the number", () => {
  // Meter exports' units, statistics offices' provisional and estimated flags (ONS, BLS, Eurostat)
  // and report tables' en-dash minus were refused by row, though the number is the value meant.
  it.each([
    ["12.5 kWh", ".", 12.5],
    ["21,3 °C", ",", 21.3],
    ["5°C", ".", 5],
    ["1.234,5 MWh", ",", 1234.5],
    ["-3.0 °F", ".", -3],
    ["3 pcs", ".", 3],
    ["12 m", ".", 12],
    ["850 hPa", ".", 850],
    ["131*", ".", 131],
    ["133 (p)", ".", 133],
    ["98.4(R)", ".", 98.4],
    ["105 e", ".", 105],
    ["1.234,5 bp", ",", 1234.5],
    ["–0.5", ".", -0.5],
    ["–1.234,5", ",", -1234.5],
  ])("reads %s as a number", (cell, decimal, value) => {
    expect(parseNumberCell(cell, decimal as "." | ",")).toEqual({ kind: "number", value });
  });

  it.each([
    ["12m", "a one-letter unit without a space reads as millions as readily as metres"],
    ["12k", "thousands"],
    ["100A3", "a code"],
    ["$3m", "an amount in millions"],
    ["12 apples", "a word no unit list holds"],
    ["2020 Dec", "a month: its letters are Eurostat's flags d, e and c too"],
    ["2020 feb", "a month in lower case"],
  ])("leaves %s unread (%s)", (cell) => {
    expect(parseNumberCell(cell, ".").kind).not.toBe("number");
  });

  it("tells a flagged number from one with a unit, a month or nothing after it", () => {
    expect(["131*", "133 (p)", "98.4(R)", " 105 e "].map(hasStatusFlag)).toEqual([true, true, true, true]);
    expect(["131", "12.5 kWh", "2020 Dec", "45%", "(1,200)"].map(hasStatusFlag)).toEqual([false, false, false, false, false]);
  });

  it("still takes a lone en dash or stars for a missing value", () => {
    expect(parseNumberCell("–", ".").kind).toBe("missing");
    expect(parseNumberCell("***", ".").kind).toBe("missing");
  });
});

describe("a value below a bound (`<1`)", () => {
  // Google Trends writes `<1` for interest below 1, health tables `<5` for suppressed small
  // counts: read as half the bound, the usual stand-in for a value below a detection limit.
  it.each([
    ["<1", ".", 0.5, "<1"],
    ["< 0.5", ".", 0.25, "<0.5"],
    [" <5 ", ".", 2.5, "<5"],
    ["<0,5", ",", 0.25, "<0,5"],
    ["<1.000", ",", 500, "<1.000"],
    ["<1,000", ".", 500, "<1,000"],
  ] as const)("reads %s (decimal %s) as %d", (cell, decimal, value, bound) => {
    expect(parseNumberCell(cell, decimal)).toEqual({ kind: "number", value });
    expect(belowBound(cell)).toBe(bound);
  });

  it.each([
    ["<0", "a bound of 0 leaves nothing to halve", "invalid"],
    ["<-5", "nor does a negative one", "invalid"],
    ["<<1", "two marks", "invalid"],
    ["1<2", "a comparison", "invalid"],
    ["<abc>", "a tag", "text"],
  ] as const)("does not read %s (%s)", (cell, _why, kind) => {
    expect(parseNumberCell(cell, ".").kind).toBe(kind);
  });

  it("takes pandas' `<NA>` for a missing value, not a bound", () => {
    expect(parseNumberCell("<NA>", ".")).toEqual({ kind: "missing" });
    expect(belowBound("<NA>")).toBeUndefined();
  });

  it("lets a bound's number vote on the decimal mark", () => {
    expect(decideDecimalMark(["<0,5", "12"], "\t")).toEqual({ mark: "," });
  });

  it("finds no bound in plain numbers, negatives or flags", () => {
    expect(["1", "-1", "131*", "(5)"].map(belowBound)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe("readPlainNumber", () => {
  /** The slow path's reading of a cell: parseNumberCell's number, or undefined. */
  const slow = (cell: string, decimal: DecimalMark) => {
    const parsed = parseNumberCell(cell, decimal);
    return parsed.kind === "number" ? parsed.value : undefined;
  };

  it.each([
    ["12", "."],
    ["-3.250", "."],
    ["0.1", "."],
    ["-0", "."],
    ["-0.000", "."],
    ["007", "."],
    ["123456789012345", "."],
    ["0.00000000000001", "."],
    ["9007199.25474099", "."],
    ["20.537", "."],
    ["0,5", ","],
    ["-1234,56", ","],
    ["99999999999999,9", ","],
  ] as const)("reads %s (decimal %s) as parseNumberCell does, to the bit", (cell, decimal) => {
    expect(readPlainNumber(cell, decimal)).not.toBeUndefined();
    expect(Object.is(readPlainNumber(cell, decimal), slow(cell, decimal))).toBe(true);
  });

  it.each([
    ["", "."],
    ["-", "."],
    ["1.", "."],
    [".5", "."],
    ["-.5", "."],
    ["+1", "."],
    ["1e5", "."],
    ["0x1f", "."],
    [" 1", "."],
    ["1 ", "."],
    ["1.2.3", "."],
    ["--1", "."],
    ["1,5", "."],
    ["1.5", ","],
    ["1.234,5", ","],
    ["1234567890123456", "."],
    ["12345678.90123456", "."],
    ["12 kWh", "."],
    ["131*", "."],
  ] as const)("leaves %s (decimal %s) to parseNumberCell", (cell, decimal) => {
    expect(readPlainNumber(cell, decimal)).toBeUndefined();
  });

  it("gives the same double as Number() for decimals of every length it reads", () => {
    // A fixed pseudo-random walk over 1 to 15 digits, points anywhere, signs either way.
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let k = 0; k < 20_000; k++) {
      const digits = 1 + (next() % 15);
      let text = "";
      for (let d = 0; d < digits; d++) text += String(next() % 10);
      const point = next() % (digits + 1);
      const cell = `${next() % 2 ? "-" : ""}${point > 0 && point < digits ? `${text.slice(0, point)}.${text.slice(point)}` : text}`;
      const read = readPlainNumber(cell, ".");
      if (!Object.is(read, Number(cell))) expect({ cell, read }).toEqual({ cell, read: Number(cell) });
      const comma = readPlainNumber(cell.replace(".", ","), ",");
      if (!Object.is(comma, read)) expect({ cell, comma }).toEqual({ cell, comma: read });
    }
  });
});
