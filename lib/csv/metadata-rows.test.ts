import { describe, expect, it } from "vitest";
import { BBK_HEAD, ECB_HEAD, ONS_LABELS } from "../../tests/fixtures/statistics-downloads";
import { describedHeader, describeFromMetadata, metadataBlock } from "./metadata-rows";

const rowsOf = (lines: string[], delimiter = ",") => lines.map((line) => line.split(delimiter));

const ONS = rowsOf([...ONS_LABELS.map((cells) => cells.join(",")), "2010,100", "2011,101", "2010 Q1,100.1"]);
const BBK = rowsOf([...BBK_HEAD, "2014-01;89,8;", "2014-02;90,4;"], ";");
// Split at commas outside quotes, as the CSV reader would.
const ECB = [...ECB_HEAD, "2024-01-03,1.0919", "2024-01-02,1.0956"].map((line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((cell) => cell.replace(/^"|"$/g, "")));

describe("metadataBlock", () => {
  it("finds ONS's label rows over a headerless table, and INSEE's, the first heading its status column", () => {
    expect(metadataBlock(ONS)).toBe(8);
    expect(metadataBlock(rowsOf(["Libellé;Indice;Codes", "idBank;001759970;", "Dernière mise à jour;13/12/2024 12:00;", "Période;;", "2024-11;119.48;A", "2024-10;119.52;A"], ";"))).toBe(4);
  });

  it.each([
    ["title lines over a header naming the time column", ["Title,Sales report", "Source,Our shop", "Region,North", "Month,Sales", "2024-01,5", "2024-02,6"]],
    ["two label rows only", ["Title,Sales", "Unit,EUR", "2024-01,5", "2024-02,6"]],
    ["a header over data", ["date,value", "2024-01-01,5", "2024-01-02,6"]],
    ["labels over words", ["Title,Sales", "Unit,EUR", "Source,X", "North,5", "South,6"]],
    ["pandas' header levels and its index name", ["store,A,A,B", "metric,sales,visits,sales", "date,,,", "2023-01-01,1,10,5", "2023-01-02,2,20,6"]],
    ["title lines over a header of three columns", ["Retail turnover, Australia", "Source: ABS 8501.0", "month,turnover,food", "2020-01,5,2", "2020-02,6,3"]],
    ["title lines over a header of three columns without a time word", ["Absatzplanung,,", "Stand: 01.03.2024,,", "Woche,Absatz,Plan", "KW 01/2024,100,110", "KW 02/2024,101,111"]],
  ])("finds none for %s", (_name, lines) => {
    expect(metadataBlock(rowsOf(lines))).toBe(0);
  });
});

describe("describedHeader", () => {
  it.each([
    ["the Bundesbank's download", BBK, { skip: 0, described: 5 }],
    ["the ECB's download, under its source line", ECB, { skip: 1, described: 3 }],
  ])("finds the header of codes and the rows describing them in %s", (_name, rows, expected) => {
    expect(describedHeader(rows)).toEqual(expected);
  });

  it.each([
    ["pandas' index name under a pivot's header", [",North,South", "date,,", "2024-01-01,1,2", "2024-01-02,3,4"]],
    ["a units row under a header without a time name", [",Load,Temp", ",MW,°C", "2024-01-01,1,2", "2024-01-02,3,4"]],
    ["a header that names its time column", ["date,value", "Unit,EUR", "Source,X", "2024-01-01,1"]],
    ["a description in a column the header does not name", [",code", "Unit,EUR,extra", "Source,X", "2024-01-01,1"]],
  ])("finds none for %s", (_name, lines) => {
    expect(describedHeader(rowsOf(lines))).toBeNull();
  });
});

describe("describeFromMetadata", () => {
  it.each([
    ["ONS: the title names it; an index is no unit", ONS.slice(0, 8), { title: "Retail sales index" }],
    ["ONS money: a unit with a currency before the number", rowsOf(["Title,Retail sales value", "PreUnit,£", "Unit,m"]), { title: "Retail sales value", unit: "£m" }],
    ["the Bundesbank: the description names it; a base year is no unit", BBK.slice(1, 6), { title: "Verbraucherpreisindex / Deutschland / Gesamt" }],
    ["the ECB: the unit in square brackets", ECB.slice(2, 5), { title: "ECB reference exchange rate, US dollar/Euro, 2:15 pm (C.E.T.)", unit: "US dollar" }],
  ])("%s", (_name, rows, expected) => {
    expect(describeFromMetadata(rows, 1)).toEqual(expected);
  });
});
