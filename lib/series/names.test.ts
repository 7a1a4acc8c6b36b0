import { describe, expect, it } from "vitest";
import { importOptionsSchema } from "./schema";
import { checkNameText, formatSeriesList, nameHolds, toCellName, toNameText, toUniqueNames } from "./names";

describe("names", () => {
  it.each([
    ["Wine sales", null],
    ["زيارات 📈", null],
    ["\u202Eabc", null],
    ["a\u0000b", "has the control character U+0000 at character 2; remove it"],
    ["tab\there", "has the control character U+0009 at character 4; remove it"],
    ["x\u009b", "has the control character U+009B at character 2; remove it"],
  ])("checkNameText(%j) → %s", (name, problem) => {
    expect(checkNameText(name)).toBe(problem);
  });

  it("toNameText turns control characters into spaces and keeps 200 characters", () => {
    expect(toNameText(" a\u0000\r\nb ")).toBe("a b");
    expect(toNameText("w".repeat(300))).toHaveLength(200);
  });

  it.each([
    ["a plain header", "Sales", "Sales"],
    ["control characters and runs of spaces", " a\u0000\r\n  b ", "a b"],
    ["a header of 20,000 characters", "w".repeat(20_000), `${"w".repeat(199)}…`],
    ["a cut that would split an emoji in two", `${"x".repeat(198)}📈 rest`, `${"x".repeat(198)}…`],
    ["a space before the cut", `${"x".repeat(198)}   tail`, `${"x".repeat(198)}…`],
  ])("toCellName keeps %s to 200 characters, marking a cut with an ellipsis", (_name, text, expected) => {
    const name = toCellName(text);
    expect(name).toBe(expected);
    expect(name.length).toBeLessThanOrEqual(200);
    expect(name.isWellFormed()).toBe(true);
  });

  it("toUniqueNames numbers repeats, also names that became the same when cut, and keeps every name to 200 characters", () => {
    expect(toUniqueNames(["Sales", "Sales", "Sales (2)"])).toEqual(["Sales", "Sales (2)", "Sales (2) (2)"]);
    const prefix = "p".repeat(300);
    const names = toUniqueNames([`${prefix}a`, `${prefix}b`]);
    expect(names).toEqual([`${"p".repeat(199)}…`, `${"p".repeat(195)}… (2)`]);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(200);
  });

  it.each([
    [{ name: "a\u0000b" }, ["name"]],
    [{ seriesNames: { visits: "a\u0007b" } }, ["seriesNames", "visits"]],
    [{ name: "n".repeat(201) }, ["name"]],
  ])("the import options refuse %j", (options, path) => {
    const parsed = importOptionsSchema.safeParse(options);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(path);
  });

  it("the import options keep right-to-left text and emoji as given", () => {
    expect(importOptionsSchema.parse({ name: " زيارات 📈 ", seriesNames: { a: "Ventes 🍷" } })).toEqual({ name: "زيارات 📈", seriesNames: { a: "Ventes 🍷" } });
  });

  it.each([
    ["Wine sales", "SALES", true],
    ["Wine sales", "", true],
    // As a Mac writes it: a, then a combining diaeresis.
    ["Umsatz Ma\u0308rz", "märz", true],
    ["Umsatz März", "marz", true],
    ["Málaga", "MALAGA", true],
    ["Wine sales", "beer", false],
  ])("nameHolds(%j, %j) is %s", (name, find, holds) => {
    expect(nameHolds(name, find)).toBe(holds);
  });
});

describe("formatSeriesList", () => {
  it.each([
    [["Wine"], "Wine"],
    [["Wine", "Beer", "Cider", "Tea"], "Wine, Beer, Cider, Tea"],
    [["Wine", "Beer", "Cider", "Tea", "Milk"], "5 series: Wine, Beer, Cider and 2 more"],
    [Array.from({ length: 1200 }, (_, i) => `SKU ${i + 1}`), "1,200 series: SKU 1, SKU 2, SKU 3 and 1,197 more"],
  ])("writes %j as %j", (names, text) => {
    expect(formatSeriesList(names)).toBe(text);
  });
});
