import { describe, expect, it } from "vitest";
import { currencyCode, detectCurrencyColumns, isMoneyColumn, mainCurrencyColumn } from "./currency";
import type { ColumnInfo } from "./sniff-csv";

const column = (name: string, index = 0, kind: ColumnInfo["kind"] = "number"): ColumnInfo => ({ name, index, kind });

describe("currencyCode", () => {
  it.each([
    ["USD", "USD"],
    ["usd", "USD"],
    [" eur ", "EUR"],
    ["Chf", "CHF"],
  ])("reads %j as %s", (cell, code) => expect(currencyCode(cell)).toBe(code));

  it.each(["US$", "$", "XAU", "ABC", "EURO", "", "12"])("reads %j as no code", (cell) => expect(currencyCode(cell)).toBeUndefined());
});

describe("detectCurrencyColumns", () => {
  const rows = (cells: string[]) => cells.map((cell) => ["2024-01-01", cell, "1"]);

  it.each(["Currency", "currency", "Currency Code", "Original Currency", "presentment_currency", "Währung"])("finds codes under %j", (header) => {
    const columns = [column("date", 0, "time"), column(header, 1, "text"), column("Net", 2)];
    expect(detectCurrencyColumns(columns, rows(["USD", "usd", "", "EUR"])).map((c) => c.name)).toEqual([header]);
  });

  it("not under another header, nor where a cell is no code, nor in a column left empty", () => {
    const under = (header: string, cells: string[]) => detectCurrencyColumns([column(header, 1, "text")], rows(cells));
    // Three letters under `Code` may be an airport or a product.
    expect(under("Code", ["USD", "EUR"])).toEqual([]);
    expect(under("Currency", ["USD", "Mixed"])).toEqual([]);
    expect(under("Currency", ["", ""])).toEqual([]);
  });

  it("the plainest header gives the amounts their currency: Stripe's `Currency` before `Converted Currency`", () => {
    const converted = column("Converted Currency", 1, "text");
    const own = column("Currency", 2, "text");
    expect(mainCurrencyColumn([converted, own])).toBe(own);
    expect(mainCurrencyColumn([converted])).toBe(converted);
    expect(mainCurrencyColumn([])).toBeNull();
  });
});

describe("isMoneyColumn", () => {
  const currency = column("Currency", 9, "text");

  it.each(["Gross", "Fee", "Net", "Amount", "Total", "Lineitem price", "Shipping and Handling Amount", "Sales Tax", "Balance", "Amount Refunded", "grossAmount", "net_amount"])(
    "takes %j for an amount of money",
    (name) => expect(isMoneyColumn(column(name), [currency], currency)).toBe(true),
  );

  it.each(["Quantity", "Lineitem quantity", "Fee %", "Exchange Rate", "Total Orders", "Tax rate", "Visitors", "value count"])("does not take %j for one", (name) =>
    expect(isMoneyColumn(column(name), [currency], currency)).toBe(false),
  );

  it("an amount another currency column qualifies is not in the main one's currency (Stripe's `Converted Amount`)", () => {
    const converted = column("Converted Currency", 10, "text");
    expect(isMoneyColumn(column("Converted Amount"), [currency, converted], currency)).toBe(false);
    expect(isMoneyColumn(column("Converted Amount Refunded"), [currency, converted], currency)).toBe(false);
    expect(isMoneyColumn(column("Amount"), [currency, converted], currency)).toBe(true);
  });
});
