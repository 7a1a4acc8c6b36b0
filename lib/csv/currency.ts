import type { ColumnInfo } from "./sniff-csv";

/**
 * ISO 4217's currency codes in use (and a few that old exports still carry: HRK, LTL, LVL), without
 * the metals and funds codes (XAU, XDR): the cells of a payments or orders export's currency column.
 */
const ISO_4217 = new Set(
  (
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY " +
    "COP CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR " +
    "ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LTL LVL LYD MAD MDL MGA MKD MMK " +
    "MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD " +
    "SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND " +
    "VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG ZWL"
  ).split(" "),
);

/**
 * A header naming a currency column: PayPal's and Shopify's `Currency`, Stripe's `currency`,
 * `Currency Code`, `Original Currency`, `presentment_currency`, German `Währung`. Only under such a
 * header are three letters a currency: `ALL` or `CUP` under `Code` may be anything.
 */
const CURRENCY_HEADER = /currency|^(ccy|curr?|w(ä|ae)hrung|devise|moneda|valuta|divisa)$/i;

/** The code a currency cell holds, in capitals (`usd` as Stripe writes it: `USD`), or undefined. */
export function currencyCode(cell: string): string | undefined {
  const code = cell.trim().toUpperCase();
  return code.length === 3 && ISO_4217.has(code) ? code : undefined;
}

/** The header's words in lower case: `Lineitem price` → lineitem, price; `grossAmount` → gross, amount. */
function words(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w !== "");
}

/** The word a currency header qualifies its currency with (`converted` of Stripe's `Converted Currency`), or "". */
function qualifier(name: string): string {
  return words(name).filter((w) => !/currency|^(code|iso)$/.test(w)).join(" ");
}

/**
 * The columns holding currency codes: a text column under a currency header whose every filled
 * sampled cell is an ISO 4217 code, in any case (`USD`, `usd`), with at least one filled. Cells may be
 * empty: Shopify writes an order's currency on its first line item only.
 */
export function detectCurrencyColumns(columns: ColumnInfo[], sampleRows: string[][]): ColumnInfo[] {
  return columns.filter((c) => c.kind === "text" && CURRENCY_HEADER.test(c.name.trim()) && holdsOnly(c, sampleRows, (cell) => currencyCode(cell) !== undefined));
}

/**
 * Whether every filled sampled cell of the column passes `accepted`, with at least one filled: a code
 * column (a currency's, a unit's) may leave cells empty, as Shopify does after an order's first line.
 */
export function holdsOnly(column: ColumnInfo, sampleRows: string[][], accepted: (cell: string) => boolean): boolean {
  let filled = 0;
  for (const row of sampleRows) {
    const cell = (row[column.index] ?? "").trim();
    if (cell === "") continue;
    if (!accepted(cell)) return false;
    filled++;
  }
  return filled > 0;
}

/**
 * The currency column that gives the amounts their currency: the one with the plainest header
 * (`Currency` before Stripe's `Converted Currency` or `Customer Facing Currency`).
 */
export function mainCurrencyColumn(currencies: ColumnInfo[]): ColumnInfo | null {
  return currencies.find((c) => qualifier(c.name) === "") ?? currencies[0] ?? null;
}

/** Words naming an amount of money: PayPal's `Gross`, `Fee`, `Net`; Shopify's `Subtotal`, `Lineitem price`. */
const MONEY_WORDS = new Set(
  (
    "amount amt gross net fee fees total subtotal price revenue sales tax taxes vat shipping discount discounts refund refunded " +
    "balance cost costs payout payment paid charge charges tip tips spend income value commission earnings proceeds turnover " +
    "umsatz betrag brutto netto preis montant prix importe"
  ).split(" "),
);

/** Words naming a count or a ratio, which no currency is the unit of: `Quantity`, `Total Orders`, `Fee Rate`, `Tax %`. */
const NOT_MONEY_WORDS = new Set("quantity qty count number num orders items units rate ratio percent percentage pct share margin".split(" "));

/**
 * Whether a value column holds amounts of money, judged by its header alone, conservatively: a money
 * word (`Gross`, `Net`, `Amount`, `Total`, `Lineitem price`) and no word of a count or a ratio
 * (`Quantity`, `Fee %`, `Exchange Rate`). An amount another currency column qualifies (Stripe's
 * `Converted Amount` beside `Converted Currency`) is in that currency, not the main one.
 * @param currencies every currency column of the file
 * @param main the one whose codes are the amounts' unit
 */
export function isMoneyColumn(column: ColumnInfo, currencies: ColumnInfo[], main: ColumnInfo): boolean {
  if (column.name.includes("%")) return false;
  const own = words(column.name);
  if (!own.some((w) => MONEY_WORDS.has(w)) || own.some((w) => NOT_MONEY_WORDS.has(w))) return false;
  const heading = own.join(" ");
  return currencies.every((c) => {
    const q = qualifier(c.name);
    return c === main || q === "" || !(heading === q || heading.startsWith(`${q} `));
  });
}
