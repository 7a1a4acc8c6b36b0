import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { createCsvRowStream } from "./csv-rows";

/** Every row the stream hands over (copied: the quote-free path reuses one array), with its row number. */
function readRows(text: string, chunkChars: number): [number, string[]][] {
  const rows: [number, string[]][] = [];
  const stream = createCsvRowStream({ delimiter: ",", lineBreak: "\n" }, (row, line) => {
    rows.push([line, [...row]]);
    return true;
  });
  for (let at = 0; at < text.length; at += chunkChars) stream.push(text.slice(at, at + chunkChars));
  stream.end();
  return rows;
}

/** papaparse's reading of the whole text, blank rows left out, numbered as the stream numbers them. */
function papaparseRows(text: string): [number, string[]][] {
  const parsed = Papa.parse<string[]>(text, { delimiter: ",", newline: "\n" }).data;
  return parsed.flatMap((row, i) => (row.every((cell) => cell.trim() === "") ? [] : [[i + 1, row] as [number, string[]]]));
}

describe("createCsvRowStream", () => {
  // Rows that change length from one to the next, in one quote-free chunk and cut anywhere: the
  // reused row must never keep cells of a longer row before it.
  const ragged = "date,a,b\n2024-01-01,1,2\n2024-01-02,3\n\n2024-01-03,4,5,6\nx\n 2024-01-04 , 7 ,8\n,,\n2024-01-05,9,10";
  it.each([1, 2, 7, 1 << 20])("splits quote-free text as papaparse does, in chunks of %i characters", (chunkChars) => {
    expect(readRows(ragged, chunkChars)).toEqual(papaparseRows(ragged));
  });

  it("reads quoted cells through papaparse, row numbers counting blank lines", () => {
    const quoted = 'date,"note, with comma"\n\n2024-01-01,"a ""b"""\n2024-01-02,c\n';
    expect(readRows(quoted, 1 << 20)).toEqual([
      [1, ["date", "note, with comma"]],
      [3, ["2024-01-01", 'a "b"']],
      [4, ["2024-01-02", "c"]],
    ]);
  });
});
