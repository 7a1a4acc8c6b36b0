import { describe, expect, it } from "vitest";
import { importOptionsSchema } from "./schema";
import { checkNameText, toNameText } from "./names";

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
});
