import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { createCsvRowStream } from "./csv-rows";
import type { CsvDialect } from "./sniff-csv";

type LineBreak = CsvDialect["lineBreak"];

/** Every row the stream hands over (copied: the quote-free path reuses one array), with its row number. */
function readRows(text: string, lineBreak: LineBreak, chunkChars: number): [number, string[]][] {
  const rows: [number, string[]][] = [];
  const stream = createCsvRowStream({ delimiter: ",", lineBreak }, (row, line) => {
    rows.push([line, [...row]]);
    return true;
  });
  for (let at = 0; at < text.length; at += chunkChars) stream.push(text.slice(at, at + chunkChars));
  stream.end();
  return rows;
}

/** papaparse's reading of the whole text, blank rows left out, numbered as the stream numbers them. */
function papaparseRows(text: string, lineBreak: LineBreak): [number, string[]][] {
  const parsed = Papa.parse<string[]>(text, { delimiter: ",", newline: lineBreak }).data;
  return parsed.flatMap((row, i) => (row.every((cell) => cell.trim() === "") ? [] : [[i + 1, row] as [number, string[]]]));
}

/**
 * Rows that change length from one to the next (the reused row must never keep cells of a longer
 * row before it), and blank ones, of spaces, a tab or a no-break space.
 */
const RAGGED = ["date,a,b", "2024-01-01,1,2", "2024-01-02,3", "", "2024-01-03,4,5,6", "x", " 2024-01-04 , 7 ,8", ",,", " \t,\u00a0", "\u00a0,x", "2024-01-05,9,10"];
/** Quotes from the fourth row on, one of them around a line break: chunks before it are split without papaparse. */
const QUOTED_LATER = ["date,note", "2024-01-01,a", "2024-01-02,b", '2024-01-03,"c, d"', '2024-01-04,"e', 'f"', "2024-01-05,g", "2024-01-06,h"];

describe("createCsvRowStream", () => {
  it.each([
    ["ragged rows", RAGGED, "\n"],
    ["ragged rows, CRLF", RAGGED, "\r\n"],
    ["quotes that start later", QUOTED_LATER, "\n"],
    ["quotes that start later, CRLF", QUOTED_LATER, "\r\n"],
  ] as const)("reads %s as papaparse does, whatever the chunks", (_name, lines, lineBreak) => {
    const text = lines.join(lineBreak);
    const expected = papaparseRows(text, lineBreak);
    for (const chunkChars of [1, 2, 3, 7, 16, 1 << 20]) expect([chunkChars, readRows(text, lineBreak, chunkChars)]).toEqual([chunkChars, expected]);
  });

  it("reads quoted cells through papaparse, row numbers counting blank lines", () => {
    const quoted = 'date,"note, with comma"\n\n2024-01-01,"a ""b"""\n2024-01-02,c\n';
    expect(readRows(quoted, "\n", 1 << 20)).toEqual([
      [1, ["date", "note, with comma"]],
      [3, ["2024-01-01", 'a "b"']],
      [4, ["2024-01-02", "c"]],
    ]);
  });

  it("stops at the row onRow refuses, in any chunk", () => {
    const text = RAGGED.join("\n");
    for (const chunkChars of [1, 5, 1 << 20]) {
      const seen: number[] = [];
      const stream = createCsvRowStream({ delimiter: ",", lineBreak: "\n" }, (_row, line) => (seen.push(line), line < 3));
      for (let at = 0; at < text.length; at += chunkChars) stream.push(text.slice(at, at + chunkChars));
      stream.end();
      expect(seen).toEqual([1, 2, 3]);
    }
  });
});

describe("Excel's text-forced cells", () => {
  // Exporters write `="…"` so that Excel keeps a date or a code as text; Excel shows the text.
  it.each([
    ['="2024-01-01",="1004"', ["2024-01-01", "1004"]],
    // Saved by Excel, the cell is quoted and its quotes doubled.
    ['"=""2024-01-01""","=""00123"""', ["2024-01-01", "00123"]],
    ['="say ""hi""",=""', ['say "hi"', ""]],
    // Not one string: a formula stays the cell it is (and a value column refuses it by row).
    ['="1"&"2",=SUM(A1:A2)', ['="1"&"2"', "=SUM(A1:A2)"]],
    ["'=\"x\", =\"x\"", ["'=\"x\"", ' ="x"']],
    // Excel's apostrophe text mark before a number or a date is left out; an apostrophe in text is kept.
    ["'2024-01-01,'1004", ["2024-01-01", "1004"]],
    ["'-3.5,'.5", ["-3.5", ".5"]],
    ["O'Brien,'Tis", ["O'Brien", "'Tis"]],
    ["\"'00123\",'", ["00123", "'"]],
  ])("%s", (line, cells) => {
    for (const chunkChars of [1, 3, 1 << 20]) expect(readRows(`h1,h2\n${line}\n`, "\n", chunkChars)).toEqual([[1, ["h1", "h2"]], [2, cells]]);
  });
});
