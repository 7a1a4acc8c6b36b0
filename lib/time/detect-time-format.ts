import { inferFrequency } from "./frequency";
import {
  formatTime,
  isFullMonthName,
  isFullWeekdayName,
  isMonthSpelledIn,
  makePatternParser,
  monthFromName,
  monthLanguagesOf,
  parseDecimalYear,
  weekdayLanguagesOf,
  type MonthLanguage,
  type TimeFormat,
} from "./time-format";

export type DateOrder = "dmy" | "mdy";

export interface DetectedTimeFormat {
  format: TimeFormat;
  /** For slashed dates: which order was used. */
  dateOrder?: DateOrder;
  /** Why that order (or unit) was chosen, for the import report. */
  note?: string;
  /**
   * The cells are periods written as start and end (`01.01.2023 00:00 - 01.01.2023 01:00`, as
   * ENTSO-E exports them; ISO intervals `…T00:00/…T00:15`): the text before this separator is
   * the time, read with `format`.
   */
  rangeSeparator?: string;
}

/** Separators between a period's start and end; a slash only between ISO dates, where it cannot be a date's own. */
const RANGE_SEPARATORS: [string, RegExp][] = [
  [" - ", /^.*\d .*\d$/],
  [" – ", /^.*\d .*\d$/],
  ["/", /^\d{4}-\d{2}-\d{2}[^/]*\/\d{4}-\d{2}-\d{2}/],
];

/** The part of a period's cell before the separator: its start. */
export function rangeStart(cell: string, separator: string): string {
  const at = cell.indexOf(separator);
  return at > 0 ? cell.slice(0, at) : cell;
}

/** The separator every cell writes a period with (start, separator, end), or undefined. */
function rangeSeparatorOf(values: string[]): string | undefined {
  return RANGE_SEPARATORS.find(([separator, shape]) =>
    values.every((v) => shape.test(v) && v.indexOf(separator) > 0 && /\d/.test(v.slice(v.indexOf(separator) + separator.length))),
  )?.[0];
}

export interface DetectTimeOptions {
  /** The column's header, used to accept bare years and epoch numbers only where the name says time. */
  columnName?: string;
  /** Forces day-first or month-first reading of slashed dates. */
  dateOrder?: DateOrder;
  /**
   * Take the column as time-named although its header does not say so: the first column of a file
   * without a header row, where loggers put their Unix times and compact `YYYYMMDD` dates.
   */
  timeLike?: boolean;
  /**
   * The order slashed dates that read evenly both ways fall back to (default month-first, Excel's
   * US default; day-first suits a file written with decimal commas).
   */
  tieOrder?: DateOrder;
}

const TIME_NAME = /(date|time|day|month|year|yr|quarter|qtr|week|period|stamp|^ts$|^ds$|^t$|epoch|hour|minute|datum|fecha|jahr|monat|zeit|mois|année|annee)/i;
/** The header suggests the column holds times (`date`, `Month`, `timestamp`, `Datum`, …). */
export function looksLikeTimeName(name: string): boolean {
  return TIME_NAME.test(name.trim());
}

const YEAR_NAME = /(year|yr|jahr|année|annee|^ano$|^año$)/i;
const EPOCH_NAME = /(time|stamp|zeit|^ts$|epoch|unix|date)/i;
const DATE_NAME = /(date|datum|day|fecha|jour|^tag$|^ds$)/i;
/** The time column's header in Tidecast's forecast exports (lib/export/forecast-table.ts). */
const EXPORTED_TIME_NAME = /^\s*timestamp\s*$/i;

/** Every non-empty sample parses with this pattern. */
function allParse(pattern: string, samples: string[], language: MonthLanguage = "en"): boolean {
  const parse = makePatternParser(pattern, language);
  return samples.every((sample) => Number.isFinite(parse(sample)));
}

/** Share of steps between consecutive times that equal the series' own step (0 if not ascending). */
function regularity(pattern: string, samples: string[]): number {
  const parse = makePatternParser(pattern);
  const times = samples.map(parse);
  for (let i = 1; i < times.length; i++) if ((times[i] as number) <= (times[i - 1] as number)) return 0;
  if (times.length < 2) return 1;
  const { step } = inferFrequency(times);
  const monthOf = (ms: number) => new Date(ms).getUTCFullYear() * 12 + new Date(ms).getUTCMonth();
  let even = 0;
  for (let i = 1; i < times.length; i++) {
    const a = times[i - 1] as number;
    const b = times[i] as number;
    if (step.unit === "month" ? monthOf(b) - monthOf(a) === step.months : step.unit === "ms" && b - a === step.ms) even++;
  }
  return even / (times.length - 1);
}

function isoPattern(sample: string): string | null {
  const match =
    /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:([T ])(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(\s*)(Z|[+-]\d{2}(?::?\d{2})?)?(\s+(?:UTC|GMT))?\s*$/i.exec(
      sample,
    );
  if (!match) return null;
  let pattern = "%Y-%m-%d";
  if (match[4]) {
    pattern += `${match[4] === " " ? " " : "T"}%H:%M`;
    if (match[7] !== undefined) pattern += ":%S";
    if (match[8] !== undefined) pattern += ".%f";
  }
  // psql and some loggers put a space before the offset (`2024-01-01 00:00:00 +01`): kept, so
  // the times are written back as the file writes them.
  if (match[10]) pattern += `${match[9] && match[4] ? " " : ""}%z`;
  // Database exports (BigQuery, some Postgres clients) write `2024-01-01 00:00:00 UTC`: the suffix
  // is kept as literal text, so the times are read as the UTC readings they are and written back alike.
  if (match[11] && !match[10]) pattern += match[11];
  return pattern;
}

/**
 * The UTC offset a time cell is written with, in minutes (null: `Z`; undefined: none).
 * @param sample a time cell such as `2023-04-02T00:00:00+02:00`
 */
export function offsetOf(sample: string): number | null | undefined {
  const trimmed = sample.trim();
  const match = /(Z|[+-]\d{2}(?::?\d{2})?)$/i.exec(trimmed);
  if (!match) return undefined;
  const zone = match[1] as string;
  // An hour-only offset (`+01`, as PostgreSQL writes it) ends like a date's day (`2024-03-01`):
  // it counts only after a clock time.
  const written = /^[+-]\d{2}$/.test(zone) ? /\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*[+-]\d{2}$/.test(trimmed) : /\d{2}:?\d{2}$|Z$/i.test(trimmed);
  if (!written) return undefined;
  if (zone.toUpperCase() === "Z") return null;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || "0"));
}

/** A weekday name before a date, and the comma after it, if any (`Monday, `, `Mon `, `Mo., `). */
const WEEKDAY_PREFIX = /^\s*(\p{L}{2,10})\.?(,?)\s+(?=\S)/u;

/** A time of day after a date: its separator, hour, minutes, seconds and AM/PM (` 09:00`, ` 9:00:00 PM`). */
const CLOCK = "(?:([ T])(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AaPp][Mm])?)?\\s*$";
const SLASHED = new RegExp(`^\\s*(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})${CLOCK}`);
/** A cell's date before a time of day (groups 2–6 as in CLOCK). */
const DATED_CLOCK = new RegExp(`^\\s*(.*?\\S)\\s*?${CLOCK}`, "u");
/** Year-first dotted dates, two digits for month and day (groups 1–5 as in CLOCK). */
const YEAR_FIRST_DOTTED = new RegExp(`^\\s*\\d{4}\\.\\d{2}\\.\\d{2}${CLOCK}`);
/** The zone after a time of day that ends RFC 2822 and HTTP dates (` GMT`, ` +0000`): the time before it in group 1. */
const CLOCK_ZONE = /(\d:\d{2})\s+(GMT|UTC|[+-]\d{4})\s*$/i;

/** A cell without the zone after its time of day, as DATED_CLOCK reads it. */
function withoutClockZone(cell: string): string {
  const zone = CLOCK_ZONE.exec(cell);
  return zone ? cell.slice(0, zone.index + (zone[1] as string).length) : cell;
}

/**
 * The pattern of the time of day after a date, from CLOCK's groups of one sample: ` %H:%M`,
 * ` %-I:%M:%S %p`; empty without a time.
 * @param unpadded some sample of the column writes the hour with one digit
 */
function clockPattern(groups: (string | undefined)[], unpadded: boolean): string {
  const [separator, hour, , seconds, meridiem] = groups;
  if (separator === undefined || hour === undefined) return "";
  const twelve = Boolean(meridiem);
  // The first row of a 12-hour clock is usually `12:00 AM`, two digits either way: a padded
  // pattern wrote `01:00 AM` back for the file's `1:00 AM` in exports and forecasts.
  let time = `${separator}%${hour.length === 2 && !unpadded ? "" : "-"}${twelve ? "I" : "H"}:%M`;
  if (seconds !== undefined) time += ":%S";
  if (twelve) time += " %p";
  return time;
}

/**
 * Slashed, dotted or dashed day/month/year dates, with an optional time.
 * @param values the column's sampled cells: the hour is unpadded when any of them writes it so
 */
function slashedCandidates(sample: string, values: string[]): { dmy: string; mdy: string } | null {
  const match = SLASHED.exec(sample);
  if (!match) return null;
  const sep = match[2] as string;
  const padFirst = (match[1] as string).length === 2 ? "" : "-";
  const padSecond = (match[3] as string).length === 2 ? "" : "-";
  const year = (match[4] as string).length === 4 ? "%Y" : "%y";
  const time = clockPattern(match.slice(5, 10), values.some((v) => (SLASHED.exec(v)?.[6] ?? "").length === 1));
  return {
    dmy: `%${padFirst}d${sep}%${padSecond}m${sep}${year}${time}`,
    mdy: `%${padFirst}m${sep}%${padSecond}d${sep}${year}${time}`,
  };
}

/**
 * Patterns with a month name: `Jan 1 2000`, `1 Jan 2000`, `01-Jan-2000`, `Jan 2000`, `January 2000`,
 * each also with a time of day after it (`06-Jan-2020 09:00:00`, `Jan 6, 2020 9:00 AM`).
 * @param values the column's sampled cells: the hour is unpadded when any of them writes it so
 */
/**
 * The file's own spelling of each month it writes, when the pattern would write one otherwise
 * (see the format's `monthNames`): `Jan. 2019` under `%B` was written back `Januar 2025`, `Sept.`
 * under `%b` `Sep`. None when the names are a weekday's neighbours (`%a`, `%A`), or when a month is
 * spelled two ways (then the pattern's way is as good as either).
 */
/**
 * A format read off one cell (a column with a few bad cells: a source line under the table), given
 * the spellings of the months the other cells it reads write (see fileMonthNames).
 * @param cells the column's cells; only those the format reads count
 */
export function withFileMonthNames(detected: DetectedTimeFormat, cells: string[]): DetectedTimeFormat {
  const { format } = detected;
  if (format.kind !== "pattern" || !/%[bB]/.test(format.pattern) || format.monthNames) return detected;
  const parse = makePatternParser(format.pattern, format.language);
  const monthNames = fileMonthNames(cells.map((c) => c.trim()).filter((c) => Number.isFinite(parse(c))), format);
  return monthNames ? { ...detected, format: { ...format, monthNames } } : detected;
}

function fileMonthNames(values: string[], format: TimeFormat): string[] | undefined {
  if (format.kind !== "pattern" || /%[aA]/.test(format.pattern)) return undefined;
  const language = format.language ?? "en";
  const letter = format.pattern.includes("%B") ? "%B" : "%b";
  const names: string[] = Array.from({ length: 12 }, () => "");
  let differs = false;
  for (const value of values) {
    const word = value.match(/\p{L}+\.?/gu)?.find((w) => w.toLowerCase() !== "de" && monthFromName(w, language) > 0);
    if (!word) continue;
    const m = monthFromName(word, language) - 1;
    if (names[m] && names[m] !== word) return undefined;
    names[m] = word;
    if (formatTime(Date.UTC(2000, m, 1), { ...format, pattern: letter }) !== word) differs = true;
  }
  return differs ? names : undefined;
}

function monthNamePatterns(cell: string, values: string[]): string[] {
  const timed = DATED_CLOCK.exec(withoutClockZone(cell));
  const sample = timed?.[1] ?? cell;
  const time = timed ? clockPattern(timed.slice(2, 7), values.some((v) => (DATED_CLOCK.exec(withoutClockZone(v))?.[3] ?? "").length === 1)) : "";
  // RFC 2822 (e-mail, HTTP, RSS) ends with `GMT` or an offset: a name is kept as written, as
  // `… UTC` is after ISO dates; an offset is read, so the times are the moments they name.
  const zone = timed ? CLOCK_ZONE.exec(cell)?.[2] : undefined;
  const zoned = zone === undefined ? "" : /^[+-]/.test(zone) ? " %z" : ` ${zone}`;
  return datePatternsWithMonthName(sample).map((pattern) => pattern + time + zoned);
}

function datePatternsWithMonthName(sample: string): string[] {
  const out: string[] = [];
  let match = /^\s*(\p{L}{3,10})\.?\s+(\d{1,2}),?\s+(\d{4})\s*$/u.exec(sample);
  if (match && monthLanguagesOf(match[1] as string).length > 0) {
    const word = (match[1] as string).length > 3 ? "%B" : "%b";
    const comma = sample.includes(",") ? "," : "";
    out.push(`${word} %${(match[2] as string).length === 2 ? "" : "-"}d${comma} %Y`);
  }
  // The day may carry the dot German writes after it (`6. Januar 2020`).
  match = /^\s*(\d{1,2})(\.?)([\s-])(\p{L}{3,10})\.?\3(\d{4}|\d{2})\s*$/u.exec(sample);
  if (match && monthLanguagesOf(match[4] as string).length > 0) {
    const word = (match[4] as string).length > 3 ? "%B" : "%b";
    const sep = match[3] === "-" ? "-" : " ";
    const year = (match[5] as string).length === 4 ? "%Y" : "%y";
    out.push(`%${(match[1] as string).length === 2 ? "" : "-"}d${match[2]}${sep}${word}${sep}${year}`);
  }
  match = /^\s*(\p{L}{3,10})\.?([\s-])(\d{4}|\d{2})\s*$/u.exec(sample);
  if (match && monthLanguagesOf(match[1] as string).length > 0) {
    const word = (match[1] as string).length > 3 ? "%B" : "%b";
    const sep = match[2] === "-" ? "-" : " ";
    out.push(`${word}${sep}${(match[3] as string).length === 4 ? "%Y" : "%y"}`);
  }
  // Spanish long dates join day, month and year with "de" (`6 de enero de 2020`, `enero de 2020`).
  match = /^\s*(\d{1,2}) de (\p{L}{3,10})\.? de (\d{4})\s*$/u.exec(sample);
  if (match && monthLanguagesOf(match[2] as string).length > 0) {
    out.push(`%${(match[1] as string).length === 2 ? "" : "-"}d de ${(match[2] as string).length > 3 ? "%B" : "%b"} de %Y`);
  }
  match = /^\s*(\p{L}{3,10})\.? de (\d{4})\s*$/u.exec(sample);
  if (match && monthLanguagesOf(match[1] as string).length > 0) out.push(`${(match[1] as string).length > 3 ? "%B" : "%b"} de %Y`);
  // Year first (`2020 Jan`, `2020-Jan`, R's `format(x, "%Y-%b")`): such a column was not read at all.
  match = /^\s*(\d{4})([\s-])(\p{L}{3,10})\.?\s*$/u.exec(sample);
  if (match && monthLanguagesOf(match[3] as string).length > 0) {
    out.push(`%Y${match[2] === "-" ? "-" : " "}${(match[3] as string).length > 3 ? "%B" : "%b"}`);
  }
  return out;
}

/** Quarters (1965 Q1, Q1-1965, 1Q65), half-years (2010 H1, 2010S1), months in the statistical agencies' style (2020M01) and ISO weeks (2020-W05, KW 05/2020). */
function periodPatterns(sample: string): string[] {
  const trimmed = sample.trim();
  // The quarter's letter keeps its case (`2015q1`, `fy21q1`, as pandas and SQL exports write them), so that forecast steps are written alike.
  let match = /^(\d{4})(\s*[-/ ]?\s*)([Qq])([1-4])$/.exec(trimmed);
  if (match) return [`%Y${match[2]}${match[3]}%q`];
  match = /^([Qq])([1-4])(\s*[-/ ]?\s*)(\d{4})$/.exec(trimmed);
  if (match) return [`${match[1]}%q${match[3]}%Y`];
  // Two-digit years (`Q1-15`, `Q1/15`, as `Jan-15` is a month) only after a separator: `Q115` says nothing.
  match = /^([Qq])([1-4])(\s*[-/ ]\s*|\s+)(\d{2})$/.exec(trimmed);
  if (match) return [`${match[1]}%q${match[3]}%y`];
  // Fiscal quarters (`FY23 Q1`, `Q1 FY2023`): numbered quarters of a year whose first month is
  // not known (see isFiscalQuarter); the `FY`'s case is kept.
  match = /^(FY)(\s*-?\s*)(\d{2}|\d{4})(\s*[-/ ]?\s*)([Qq])([1-4])$/i.exec(trimmed);
  if (match) return [`${match[1]}${match[2]}${(match[3] as string).length === 4 ? "%Y" : "%y"}${match[4]}${match[5]}%q`];
  match = /^([Qq])([1-4])(\s*[-/ ]?\s*)(FY)(\s*-?\s*)(\d{2}|\d{4})$/i.exec(trimmed);
  if (match) return [`${match[1]}%q${match[3]}${match[4]}${match[5]}${(match[6] as string).length === 4 ? "%Y" : "%y"}`];
  // Half-years: `2010 H1`, `H1 2010`, and Eurostat's semesters `2010S1` (the letter's case kept).
  match = /^(\d{4})(\s*[-/ ]?\s*)([HhSs])([12])$/.exec(trimmed);
  if (match) return [`%Y${match[2]}${match[3]}%h`];
  match = /^([HhSs])([12])(\s*[-/ ]?\s*)(\d{4})$/.exec(trimmed);
  if (match) return [`${match[1]}%h${match[3]}%Y`];
  // The quarter's number first, as US brokers' and analysts' reports write it (`1Q2015`, `1Q15`).
  match = /^([1-4])(\s*)([Qq])(\s*)(\d{4}|\d{2})$/.exec(trimmed);
  if (match) return [`%q${match[2]}${match[3]}${match[4]}${(match[5] as string).length === 4 ? "%Y" : "%y"}`];
  // Months as Stata, Eurostat and the IMF write them: 2020M01, 2020-M01, and Stata's own default
  // `2020m1` (the letter's case kept, so the times are written back alike).
  match = /^(\d{4})(-?)([Mm])(\d{1,2})$/.exec(trimmed);
  if (match) return [`%Y${match[2]}${match[3]}%${(match[4] as string).length === 1 ? "-" : ""}m`];
  // Statistics Netherlands' period codes: months `2020MM01`, years `2020JJ00`, quarters
  // `2020KW01` (kwartaal) to `2020KW04`. A German calendar week written so (`2020KW05`) fails the
  // quarter on its first week past 4 and is read as a week.
  match = /^(\d{4})MM(\d{2})$/.exec(trimmed);
  if (match) return ["%YMM%m"];
  if (/^\d{4}KW0[1-4]$/.test(trimmed)) return ["%YKW0%q", "%GKW%V"];
  if (/^\d{4}JJ00$/.test(trimmed)) return ["%YJJ00"];
  // ISO weeks (ONS, Eurostat, retail calendars): 2020-W05, 2020W05, 2020-W5.
  match = /^(\d{4})(-?)[Ww](\d{1,2})$/.exec(trimmed);
  if (match) return [`%G${match[2]}W${(match[3] as string).length === 1 ? "%-V" : "%V"}`];
  // ISO week dates name a day by its number in the week, Monday 1 (`2024-W05-1`; basic `2024W051`).
  match = /^(\d{4})-[Ww](\d{1,2})-[1-7]$/.exec(trimmed);
  if (match) return [`%G-W${(match[2] as string).length === 1 ? "%-V" : "%V"}-%u`];
  if (/^\d{4}[Ww]\d{2}[1-7]$/.test(trimmed)) return ["%GW%V%u"];
  // Weeks named in words, as German (`KW 05/2021`, Kalenderwoche: ISO weeks) and English reports write them.
  match = /^(KW|Week|Wk)(\s*)(\d{1,2})(\s*[-/.,]?\s*)(\d{4})$/i.exec(trimmed);
  if (match) return [`${match[1]}${match[2]}${(match[3] as string).length === 1 ? "%-V" : "%V"}${match[4]}%G`];
  match = /^(\d{4})(\s*[-/ ]?\s*)(KW|Week|Wk)(\s*)(\d{1,2})$/i.exec(trimmed);
  if (match) return [`%G${match[2]}${match[3]}${match[4]}${(match[5] as string).length === 1 ? "%-V" : "%V"}`];
  return [];
}

function numericKind(samples: string[]): "integer" | "number" | null {
  if (samples.every((s) => /^\s*-?\d+\s*$/.test(s))) return "integer";
  if (samples.every((s) => /^\s*-?\d+(\.\d+)?\s*$/.test(s))) return "number";
  return null;
}

/**
 * Date-times saved as Excel serials (`45292.041667`, hourly): several decimals, steps of whole
 * minutes shorter than a day. Elapsed seconds under a `time` header write short fractions
 * (`20000.5`), so only a `date` header takes serials without these.
 */
function onMinutesOfDays(numbers: number[], decimals: number): boolean {
  if (decimals < 4 || numbers.length < 2) return false;
  for (let i = 1; i < numbers.length; i++) {
    const minutes = ((numbers[i] as number) - (numbers[i - 1] as number)) * 1440;
    if (minutes <= 0 || minutes >= 1440 || Math.abs(minutes - Math.round(minutes)) > 0.01) return false;
  }
  return true;
}

/**
 * Excel serial dates (a date cell saved as a number): 20000–80000 is 1954–2119. Only under a
 * header that says date: a `time` column of elapsed seconds can count through that range too.
 * @param values the cells, with `.` as the decimal mark
 * @param decimalComma the file wrote them with a comma (the format reads them so)
 */
function excelSerials(name: string, values: string[], numbers: number[], decimalComma: boolean): DetectedTimeFormat | null {
  const places = values.map((v) => v.trim().split(".")[1]?.length ?? 0);
  const decimals = places.reduce((most, p) => Math.max(most, p), 0);
  // `timestamp` is the time column of every forecast export: serials there are the times of a series
  // that was read from them (uploaded again, they were numbered points with a `timestamp` series).
  const exported = EXPORTED_TIME_NAME.test(name);
  if (!(DATE_NAME.test(name) || exported || (EPOCH_NAME.test(name) && onMinutesOfDays(numbers, decimals)))) return null;
  if (!isAscending(numbers) || !numbers.every((n) => n >= 20_000 && n < 80_000)) return null;
  // A number format (`0.000000`) writes every place, midnight's zeros too; General drops them.
  const fixedDecimals = decimals > 0 && places.every((p) => p === decimals);
  return {
    format: { kind: "excel-serial", decimals, ...(fixedDecimals ? { fixedDecimals } : {}), ...(decimalComma ? { decimalComma } : {}) },
    note: "numbers read as Excel serial dates (days since 30 December 1899)",
  };
}

/**
 * Excel serials as a German (or French, …) Excel writes them: `45292,041667`. Five whole digits
 * before the comma cannot be a thousands group, so the comma is the decimal mark.
 */
function commaSerials(name: string, values: string[]): DetectedTimeFormat | null {
  if (!values.every((v) => /^\s*\d{5}(,\d+)?\s*$/.test(v)) || !values.some((v) => v.includes(","))) return null;
  const dotted = values.map((v) => v.replace(",", "."));
  return excelSerials(name, dotted, dotted.map(Number), true);
}

/**
 * Decimal years as a German (or French, …) Excel writes them, and the Excel dialect of our own
 * exports: `1990,25`. Read as thousands (`1990,250` = 1990250) they would not be years at all.
 */
function commaDecimalYears(values: string[]): Extract<TimeFormat, { kind: "decimal-year" }> | null {
  if (!values.every((v) => /^\s*\d{4}(,\d+)?\s*$/.test(v)) || !values.some((v) => v.includes(","))) return null;
  const dotted = values.map((v) => v.replace(",", "."));
  const format = decimalYears(dotted, dotted.map(Number));
  return format && { ...format, decimalComma: true };
}

/**
 * Unix seconds with a fraction written after a decimal comma (`1577836800,250`), as the Excel
 * dialect of our exports and German Excel write them: ten whole digits cannot be a thousands group.
 */
function commaEpochSeconds(name: string, values: string[], timeNamed: boolean): DetectedTimeFormat | null {
  if (!values.every((v) => /^\s*\d{9,10}(,\d{1,3})?\s*$/.test(v)) || !values.some((v) => v.includes(","))) return null;
  const numbers = values.map((v) => Number(v.replace(",", ".")));
  if (!(EPOCH_NAME.test(name) || (timeNamed && isAscending(numbers))) || !numbers.every((n) => n >= 1e8 && n < 1e10)) return null;
  const decimals = Math.max(...values.map((v) => v.trim().split(",")[1]?.length ?? 0));
  return { format: { kind: "epoch", unit: "s", decimals, decimalComma: true }, note: "numbers read as Unix time in seconds" };
}

function isAscending(values: number[]): boolean {
  for (let i = 1; i < values.length; i++) if ((values[i] as number) <= (values[i - 1] as number)) return false;
  return true;
}

/**
 * Decimal years (R's `time()` of a monthly or quarterly series): ascending years of 1000–2999 on
 * the grid of months or quarters, nearly every step one month (quarter) — a measured value that
 * happens to lie near 2000 does not climb in twelfths of a year.
 */
function decimalYears(values: string[], numbers: number[]): Extract<TimeFormat, { kind: "decimal-year" }> | null {
  if (numbers.length < 3 || !numbers.every((n) => n >= 1000 && n < 3000) || !isAscending(numbers)) return null;
  const onQuarters = numbers.every((n) => Number.isFinite(parseDecimalYear(String(n), 4)));
  const periods = onQuarters ? 4 : 12;
  const slots = numbers.map((n) => Math.round((n - Math.floor(n)) * periods) + Math.floor(n) * periods);
  if (values.some((v) => !Number.isFinite(parseDecimalYear(v, periods)))) return null;
  let single = 0;
  for (let i = 1; i < slots.length; i++) if ((slots[i] as number) - (slots[i - 1] as number) === 1) single++;
  if (single < 0.9 * (slots.length - 1)) return null;
  const decimals = values.reduce((most, v) => Math.max(most, v.trim().split(".")[1]?.length ?? 0), 0);
  return { kind: "decimal-year", periods, decimals };
}

/**
 * Finds the time format that reads every sample of a column, or null if the column is not time.
 * @param samples non-empty cells of the column, in file order (a few hundred are plenty)
 */
export function detectTimeFormat(samples: string[], options: DetectTimeOptions = {}): DetectedTimeFormat | null {
  const values = samples.map((s) => s.trim()).filter((s) => s !== "");
  const first = values[0];
  if (first === undefined) return null;
  const name = options.columnName ?? "";
  const timeNamed = options.timeLike === true || TIME_NAME.test(name);

  const separator = rangeSeparatorOf(values);
  if (separator !== undefined) {
    const start = detectTimeFormat(
      values.map((v) => rangeStart(v, separator)),
      options,
    );
    if (!start) return null;
    const note = `each cell is a period, from its start to its end (\`${first}\`): read as its start, and written back so`;
    return { ...start, rangeSeparator: separator, note: start.note ? `${start.note}; ${note}` : note };
  }

  // A weekday before the date (Excel's long date `Monday, January 6, 2020`, `Mon 06/01/2020`): the
  // date after it decides the format, and the weekday must be that date's.
  const weekday = WEEKDAY_PREFIX.exec(first);
  if (weekday && values.every((v) => weekdayLanguagesOf(WEEKDAY_PREFIX.exec(v)?.[1] ?? "").length > 0)) {
    const dates = values.map((v) => v.replace(WEEKDAY_PREFIX, ""));
    const word = weekday[1] as string;
    const withWeekday = (dated: DetectedTimeFormat | null): DetectedTimeFormat | null => {
      // A weekday names a day: before a month or a year alone (`Mar 2020`) it is a month's name.
      if (!dated || dated.format.kind !== "pattern" || !/%-?d/.test(dated.format.pattern)) return null;
      // The language of the month names first (`Jan` is English and German alike: `Mo, 6. Jan 2020`
      // is German by its weekday); the weekdays and months must then all read in one language.
      const monthLanguage = dated.format.language ?? "en";
      const languages = weekdayLanguagesOf(word).sort((a, b) => Number(b === monthLanguage) - Number(a === monthLanguage));
      for (const language of languages) {
        const pattern = `%${isFullWeekdayName(word, language) ? "A" : "a"}${weekday[2]} ${dated.format.pattern}`;
        if (!allParse(pattern, values, language)) continue;
        const { language: _month, ...format } = dated.format;
        return { ...dated, format: { ...format, pattern, ...(language !== "en" ? { language } : {}) } };
      }
      return null;
    };
    const dated = detectTimeFormat(dates, options);
    const read = withWeekday(dated);
    if (read || !dated?.dateOrder || options.dateOrder) return read;
    // Slashed dates that read both ways: the weekdays name the order.
    const order: DateOrder = dated.dateOrder === "dmy" ? "mdy" : "dmy";
    const other = withWeekday(detectTimeFormat(dates, { ...options, dateOrder: order }));
    return other && { ...other, note: `dates read as ${order === "dmy" ? "day/month/year" : "month/day/year"}: the weekdays written before them say so` };
  }

  const iso = isoPattern(first);
  if (iso && allParse(iso, values)) {
    const offset = iso.includes("%z") ? offsetOf(first) : undefined;
    return { format: { kind: "pattern", pattern: iso, ...(offset !== undefined ? { offsetMinutes: offset } : {}) } };
  }

  // Financial and school years (`2019/20`, `2019-20`): the second number is the next year's last
  // two digits on every row. Read as months, they stepped 13 months a row.
  const fiscal = /^\s*\d{4}([-/])\d{2}\s*$/.exec(first);
  if (fiscal && values.length > 1) {
    const pattern = `%Y${fiscal[1]}%E`;
    if (allParse(pattern, values)) return { format: { kind: "pattern", pattern }, note: "read as financial years, each by the year it starts in" };
  }

  for (const pattern of ["%Y-%m", "%Y/%m", "%Y.%m"]) {
    if (/^\s*\d{4}[-/.]\d{1,2}\s*$/.test(first) && first.includes(pattern.charAt(2)) && allParse(pattern, values)) {
      // "1013.2" is a pressure as readily as February 1013: a dot takes a time-named column, or
      // months that follow one another.
      if (pattern === "%Y.%m" && !timeNamed && (values.length < 2 || regularity(pattern, values) < 0.9)) continue;
      return { format: { kind: "pattern", pattern } };
    }
  }

  // Months written month first, as German (`01.2024`) and US (`1/2024`) spreadsheets write them.
  const monthYear = /^\s*(\d{1,2})([./-])\d{4}\s*$/.exec(first);
  if (monthYear) {
    const pattern = `%${(monthYear[1] as string).length === 2 ? "" : "-"}m${monthYear[2]}%Y`;
    // "1.2023" is a measurement as readily as January 2023: as for `%Y.%m` above.
    const plausible = monthYear[2] !== "." || timeNamed || (values.length > 1 && regularity(pattern, values) >= 0.9);
    if (plausible && allParse(pattern, values)) return { format: { kind: "pattern", pattern } };
  }

  for (const pattern of periodPatterns(first)) {
    if (allParse(pattern, values)) return { format: { kind: "pattern", pattern } };
  }

  if (/^\s*\d{4}\/\d{1,2}\/\d{1,2}\s*$/.test(first) && allParse("%Y/%m/%d", values)) {
    return { format: { kind: "pattern", pattern: "%Y/%m/%d" } };
  }

  // Year-first dotted dates (Chinese, Japanese and Korean exports, some ERPs: `2023.01.15 13:45`).
  // Every cell must write month and day with two digits: `1949.0833` is a decimal year, and
  // `2023.1.5` is as likely a version or a code as a date.
  const dotted = YEAR_FIRST_DOTTED.exec(first);
  if (dotted && values.every((v) => YEAR_FIRST_DOTTED.test(v))) {
    const pattern = `%Y.%m.%d${clockPattern(dotted.slice(1, 6), values.some((v) => (YEAR_FIRST_DOTTED.exec(v)?.[2] ?? "").length === 1))}`;
    if (allParse(pattern, values)) return { format: { kind: "pattern", pattern } };
  }

  const slashed = slashedCandidates(first, values);
  if (slashed) {
    const dmyOk = allParse(slashed.dmy, values);
    const mdyOk = allParse(slashed.mdy, values);
    if (options.dateOrder) {
      const pattern = slashed[options.dateOrder];
      if (allParse(pattern, values)) {
        return { format: { kind: "pattern", pattern }, dateOrder: options.dateOrder, note: "date order chosen by hand" };
      }
      return null;
    }
    if (dmyOk && !mdyOk) {
      return {
        format: { kind: "pattern", pattern: slashed.dmy },
        dateOrder: "dmy",
        note: "dates read as day/month/year: some first numbers are above 12",
      };
    }
    if (mdyOk && !dmyOk) {
      return {
        format: { kind: "pattern", pattern: slashed.mdy },
        dateOrder: "mdy",
        note: "dates read as month/day/year: some second numbers are above 12",
      };
    }
    if (dmyOk && mdyOk) {
      const dmyScore = regularity(slashed.dmy, values);
      const mdyScore = regularity(slashed.mdy, values);
      // A true tie (1–12 in both places, both readings regular): dotted and dashed dates
      // (`01.02.2024`, `01-02-2024`) are day-first where they are written; slashed ones fall back to
      // month-first, Excel's US default.
      const tieOrder: DateOrder = slashed.dmy.includes("/") ? (options.tieOrder ?? "mdy") : "dmy";
      const order: DateOrder = dmyScore > mdyScore ? "dmy" : mdyScore > dmyScore ? "mdy" : tieOrder;
      return {
        format: { kind: "pattern", pattern: slashed[order] },
        dateOrder: order,
        note:
          dmyScore === mdyScore
            ? `dates could be day/month or month/day; read as ${order === "dmy" ? "day/month/year" : "month/day/year"} (change it if that is wrong)`
            : `dates could be day/month or month/day; ${order === "dmy" ? "day/month/year" : "month/day/year"} gives evenly spaced, ascending dates`,
      };
    }
  }

  for (const pattern of monthNamePatterns(first, values)) {
    // English first, then the first language whose month names read every sample; the names are
    // written back whole when any is written whole (`juillet`), else abbreviated (`juil.`).
    const wordOf = (value: string) =>
      value
        .replace(/[\d\s,.-]+/gu, " ")
        .trim()
        .split(" ")
        .find((word) => word !== "de") ?? "";
    const fitting = monthLanguagesOf(wordOf(first)).filter((l) => allParse(pattern, values, l));
    // Accents are ignored when reading (`Mar` for `Mär`), so English read `Jan, Feb, Mär, Apr` and
    // forecasts went on `May`: the language that spells every name as written comes first.
    const language = fitting.find((l) => values.every((v) => isMonthSpelledIn(wordOf(v), l))) ?? fitting[0];
    if (!language) continue;
    const named = pattern.replace(/%[bB]/, values.some((v) => isFullMonthName(wordOf(v), language)) ? "%B" : "%b");
    // Offsets are only read here as RFC 2822 writes them, without a colon (`+0100`): written back so.
    const zone = named.includes("%z") ? { offsetMinutes: offsetOf(first) ?? null, compactOffset: true } : {};
    // ONS writes `2010 JAN`: forecasts go on `2018 JAN`, not `2018 Jan`.
    const capitals = values.every((v) => wordOf(v).length > 1 && wordOf(v) === wordOf(v).toUpperCase() && wordOf(v) !== wordOf(v).toLowerCase());
    const format: TimeFormat = { kind: "pattern", pattern: named, ...zone, ...(language !== "en" ? { language } : {}), ...(capitals ? { upperCase: true as const } : {}) };
    const monthNames = fileMonthNames(values, format);
    return { format: monthNames ? { ...format, monthNames } : format };
  }

  const serials = commaSerials(name, values);
  if (serials) return serials;
  const commaEpoch = commaEpochSeconds(name, values, timeNamed);
  if (commaEpoch) return commaEpoch;
  const commaYears = commaDecimalYears(values);
  if (commaYears) return { format: commaYears, note: `numbers read as decimal years, one ${commaYears.periods === 4 ? "quarter" : "month"} apart` };

  const kind = numericKind(values);
  if (kind) {
    const numbers = values.map(Number);
    const integers = kind === "integer";
    const fractional = integers ? null : decimalYears(values, numbers);
    if (fractional) return { format: fractional, note: `numbers read as decimal years, one ${fractional.periods === 4 ? "quarter" : "month"} apart` };
    // Bare years only where the header says time or the column counts up like years do.
    if (
      integers &&
      numbers.every((n) => n >= 1000 && n <= 2999) &&
      (YEAR_NAME.test(name) || (timeNamed && isAscending(numbers)))
    ) {
      return { format: { kind: "pattern", pattern: "%Y" } };
    }
    if (integers && values.every((v) => /^\s*\d{8}\s*$/.test(v)) && timeNamed && isAscending(numbers) && allParse("%Y%m%d", values)) {
      return { format: { kind: "pattern", pattern: "%Y%m%d" } };
    }
    const serial = excelSerials(name, values, numbers, false);
    if (serial) return serial;
    if (EPOCH_NAME.test(name) || (timeNamed && isAscending(numbers))) {
      // 1e9 s ≈ 2001 and 2e12 ms ≈ 2033: outside these ranges a number is not a plausible Unix time.
      if (numbers.every((n) => n >= 1e8 && n < 1e10)) {
        // Fractions of a second (a sensor's `1577836800.250`) are written back, or readings a second apart shared one time.
        const decimals = Math.min(3, Math.max(0, ...values.map((v) => v.trim().split(".")[1]?.length ?? 0)));
        return { format: { kind: "epoch", unit: "s", ...(decimals > 0 ? { decimals } : {}) }, note: "numbers read as Unix time in seconds" };
      }
      if (numbers.every((n) => n >= 1e11 && n < 1e13)) {
        return { format: { kind: "epoch", unit: "ms" }, note: "numbers read as Unix time in milliseconds" };
      }
    }
  }
  return null;
}
