import { currencyCode, holdsOnly } from "./currency";
import { cellUnit } from "./parse-number";
import type { ColumnInfo } from "./sniff-csv";

/**
 * A header naming a column of units: Eurostat's and the ECB's SDMX-CSV `unit`/`UNIT`, OECD's
 * `UNIT_MEASURE` (and `Unit of measure` beside it in its labelled download), Statistics Canada's `UOM`,
 * `Units`, `unit_of_measure`, German `Einheit`. Not SDMX's `UNIT_MULT` (a power of ten), `UOM_ID` or
 * `UNIT_INDEX_BASE`, and not `Business Unit`: the header is the unit word alone.
 */
const UNIT_HEADER = /^(units?|unit[\s_.-]*(of[\s_.-]*)?measures?|units[\s_.-]*of[\s_.-]*measure|measure[\s_.-]*unit|uom|(ma(ß|ss))?einheit|unit[ée]|unidad|unidade|eenheid|unità)$/i;

/** Longer than this, a cell is a description rather than a unit. */
const MAX_UNIT_LENGTH = 40;

/**
 * The columns holding units: a text column under a unit header whose every filled sampled cell is
 * short and not a number, with at least one filled. An empty cell is in the unit of the row above, as
 * with a currency column.
 */
export function detectUnitColumns(columns: ColumnInfo[], sampleRows: string[][]): ColumnInfo[] {
  // SDMX-CSV's codes (`CP_MEUR`, `PCH_PRE`, `NR`) are units only in a file laid out as SDMX writes it.
  const sdmx = columns.some((c) => /^(OBS_VALUE|TIME_PERIOD)$/i.test(c.name.trim()));
  const unitLike = (cell: string) => cell.length <= MAX_UNIT_LENGTH && !/^[-+]?\d+([.,]\d+)?$/.test(cell) && namesUnit(cell, sdmx);
  return columns.filter((c) => c.kind === "text" && UNIT_HEADER.test(c.name.trim()) && holdsOnly(c, sampleRows, unitLike));
}

/** Words and signs a written-out unit holds: `Percent per annum`, `Thousands of persons`, `Chained (2012) dollars`, `Index, 2002=100`. */
const UNIT_WORDS =
  /%|\b(percent(age)?|per|index|rate|ratio|number|persons?|people|inhabitants|thousands?|millions?|billions?|hundreds?|tonnes?|tons?|dollars?|euros?|pounds?|yen|units?|hours?|days?|litres?|liters?|metres?|meters?|degrees?|celsius|fahrenheit|watts?|grams?|kilo\w*|mega\w*|giga\w*|barrels?|head|currency|prices?|volumes?|chained|constant|current|nominal)\b/i;

/**
 * Whether a cell under a unit header names a unit: a unit numbers are written with (`MW`, `kg`, `EUR`),
 * a known SDMX code, a written-out unit, or in an SDMX file any code. A hospital's `Unit` column of
 * wards (`ICU`, `Ward 3`, `Maternity`) names series, and was read as their units.
 */
function namesUnit(cell: string, sdmx: boolean): boolean {
  const trimmed = cell.trim();
  if (sdmxUnit(trimmed) || cellUnit(`1 ${trimmed}`) !== undefined || currencyCode(trimmed) || UNIT_WORDS.test(trimmed)) return true;
  // A unit per unit: `EUR/MWh`, `kg/m³`.
  const parts = trimmed.split("/");
  if (parts.length === 2 && parts.every((part) => part.trim() !== "" && namesUnit(part, false))) return true;
  return sdmx && /^[A-Z0-9]+(_[A-Z0-9]+)*$/.test(trimmed);
}

/**
 * The unit column the values take their unit from: one whose cells are written out (OECD's labelled
 * `Unit of measure`, `Percent per annum`) before the code beside it (`UNIT_MEASURE`, `PA`).
 */
export function mainUnitColumn(units: ColumnInfo[], sampleRows: string[][]): ColumnInfo | null {
  const written = units.find((c) => sampleRows.some((row) => /\s/.test((row[c.index] ?? "").trim())));
  return written ?? units[0] ?? null;
}

/** SDMX unit codes whose meaning is known: Eurostat's, the OECD's and the ECB's most common ones. */
const SDMX_UNITS: Record<string, { unit: string; meaning?: string }> = {
  PC: { unit: "%" },
  PCT: { unit: "%" },
  PC_GDP: { unit: "% of GDP" },
  PT_B1GQ: { unit: "% of GDP" },
  PCH_PRE: { unit: "%", meaning: "change on the previous period" },
  PCH_SM: { unit: "%", meaning: "change on the same period a year before" },
  PCCH: { unit: "%", meaning: "change" },
  PCPA: { unit: "% per year" },
  PA: { unit: "% per year" },
  PC_ACT: { unit: "% of the labour force" },
  PC_POP: { unit: "% of the population" },
  THS_PER: { unit: "thousand persons" },
  PS: { unit: "persons" },
  PER: { unit: "persons" },
  NR: { unit: "number" },
  THS: { unit: "thousand" },
  PURE_NUMB: { unit: "number" },
  IX: { unit: "index" },
  INDEX: { unit: "index" },
  CP_MEUR: { unit: "million EUR", meaning: "current prices" },
  CP_MNAC: { unit: "million national currency", meaning: "current prices" },
  CP_EUR_HAB: { unit: "EUR per inhabitant", meaning: "current prices" },
  MIO_EUR: { unit: "million EUR" },
  THS_EUR: { unit: "thousand EUR" },
  MIO_NAC: { unit: "million national currency" },
  XDC: { unit: "national currency" },
};

/**
 * The unit an SDMX code stands for, readable on a value axis (`CP_MEUR`: million EUR, at current
 * prices; `PC`: %; `I15`: index 2015=100; `CLV10_MEUR`: million EUR in chain-linked volumes of 2010),
 * with what more the code says; null for a code not known, which is then shown as written.
 */
export function sdmxUnit(code: string): { unit: string; meaning?: string } | null {
  const known = SDMX_UNITS[code.toUpperCase()];
  if (known) return known;
  // Eurostat's index bases: I15 is 2015 = 100, I05 2005 = 100.
  const index = /^I(\d\d)$/i.exec(code);
  if (index) return { unit: `index 20${index[1]}=100` };
  const chained = /^CLV(\d\d)_M(EUR|NAC)$/i.exec(code);
  if (chained) return { unit: `million ${chained[2]?.toUpperCase() === "EUR" ? "EUR" : "national currency"}`, meaning: `chain-linked volumes, 20${chained[1]} prices` };
  return null;
}

/** The unit a unit column's cell gives its values: the readable one of a known SDMX code, else the cell as written. */
export function unitOfCode(code: string): string {
  return sdmxUnit(code)?.unit ?? code;
}

/** A unit cell as a note names it: `CP_MEUR (million EUR, current prices)`, or `Dollars` as written. */
export function describeUnitCode(code: string): string {
  const known = sdmxUnit(code);
  if (!known) return code;
  return `${code} (${[known.unit, known.meaning].filter(Boolean).join(", ")})`;
}
