/**
 * How timestamps are written in a file, as a strftime-like pattern, so that they can be read
 * and written back exactly the same way (exports, future forecast steps).
 *
 * All times are handled as UTC epoch milliseconds. A timestamp without a zone is taken as a wall
 * clock reading and stored as that reading in UTC, so it prints back unchanged whatever the
 * server's own zone is.
 */
export type TimeFormat =
  | {
      kind: "pattern";
      /**
       * e.g. `%Y-%m-%d`, `%-m/%-d/%Y`, `%Y Q%q`, `%b %-d %Y`, `%Y-%m-%dT%H:%M:%S%z`; ISO weeks
       * `%G-W%V` (ISO year and week, read as the week's Monday; `%G-W%V-%u` with the weekday's
       * number, Monday 1, as ISO week dates write a day); financial years `%Y/%E` (`2019/20`,
       * `%E` the two digits of the year after, read as the 1 January of the year it starts in);
       * half-years `%Y H%h` (`2010 H1`, Eurostat's semesters `2010S1`: January and July);
       * fiscal quarters `FY%y Q%q` (see isFiscalQuarter).
       */
      pattern: string;
      /**
       * Offset written by `%z`, in minutes east of UTC; `null` writes `Z`. Only used for
       * formatting; parsing honours whatever offset each value carries.
       */
      offsetMinutes?: number | null;
      /** The file writes offsets without a colon (`+0100`, as RFC 2822 dates do): `%z` writes them so. */
      compactOffset?: boolean;
      /** The language of month and weekday names (`%b`, `%B`, `%a`, `%A`) when not English: `März 2024`, `janv. 2024`, `Montag, 6. Januar 2020`. */
      language?: MonthLanguage;
      /** Month and weekday names written in capitals (ONS's `2010 JAN`): written back so. */
      upperCase?: true;
      /**
       * The file's own spelling of each month it writes (January first, "" for one it does not),
       * where `%b` or `%B` would write one otherwise: Destatis and AP style cut some names and
       * keep others whole (`Jan.`, `März`, `Juni`, `Sept.`). Written back so; a month the file
       * never writes is written by the pattern.
       */
      monthNames?: string[];
      /**
       * The file wrote each time as a date and GB's settlement period, in two columns under these
       * headers (NESO's `SETTLEMENT_DATE,SETTLEMENT_PERIOD`; lib/time/settlement-period.ts). The
       * pattern is the date's followed by ` %H:%M`, the period's start on the UK clock, which is
       * how times are shown; exports write the two columns again.
       */
      settlement?: { dateColumn: string; periodColumn: string };
    }
  /** `decimals`: digits the file writes after the seconds' point (`1577836800.250`), written back so. */
  | {
      kind: "epoch";
      unit: "s" | "ms";
      decimals?: number;
      /** The file wrote the seconds' fraction after a decimal comma (`1577836800,250`, our Excel CSV's); written in the export's own decimal mark. */
      decimalComma?: boolean;
    }
  /**
   * Decimal years, as R writes `time()` of a monthly or quarterly series (1949, 1949.083333,
   * 1949.166667, …): the year plus the month's or quarter's share of it, `decimals` places at most.
   */
  | {
      kind: "decimal-year";
      periods: 4 | 12;
      decimals: number;
      /** The file wrote them with a decimal comma (`1990,25`, German Excel's); read so, written in the export's own decimal mark. */
      decimalComma?: boolean;
    }
  /**
   * Excel's serial dates, as a CSV saved from a date cell formatted as a number holds them: days
   * since 30 December 1899 (45292 = 1 January 2024), a fraction of a day for the time of day,
   * `decimals` places at most. `fixedDecimals`: every cell had exactly that many places (a number
   * format such as `0.000000`), so times are written with them all, trailing zeros included
   * (`45298.375000`); without it, as Excel's General format writes them (`45298.375`).
   * `decimalComma`: the file wrote them with a decimal comma (`45298,375`); they are read so and
   * written in the export's own decimal mark, like every number.
   */
  | { kind: "excel-serial"; decimals: number; fixedDecimals?: boolean; decimalComma?: boolean }
  /** No time column: points are numbered 1, 2, 3, … */
  | { kind: "index" };

/** English weekday names, Sunday first as Date.getUTCDay counts. */
const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

type Field = "Y" | "y" | "m" | "d" | "H" | "I" | "M" | "S" | "f" | "b" | "q" | "h" | "z" | "p" | "G" | "V" | "u" | "E" | "a";

interface CompiledPattern {
  regex: RegExp;
  fields: Field[];
}

const TOKEN = /%(-?)([YymdHIMSfbBqhzpGVuEaA])/g;
const compiled = new Map<string, CompiledPattern>();

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function tokenRegex(letter: string): string {
  switch (letter) {
    case "Y":
    case "G":
      return "(\\d{4})";
    case "V":
      return "(\\d{1,2})";
    case "y":
    case "E":
      return "(\\d{2})";
    case "m":
    case "d":
    case "H":
    case "I":
      return "(\\d{1,2})";
    case "M":
    case "S":
      return "(\\d{2})";
    case "f":
      return "(\\d{1,9})";
    case "b":
    case "B":
      return "(\\p{L}{3,10})\\.?";
    case "a":
    case "A":
      // Two letters for German and Dutch abbreviations (`Mo`, `ma`), ten for `Donnerstag`.
      return "(\\p{L}{2,10})\\.?";
    case "q":
      return "([1-4])";
    case "h":
      return "([12])";
    case "u":
      return "([1-7])";
    case "z":
      return "(Z|[+-]\\d{2}(?::?\\d{2})?)";
    case "p":
      return "([AaPp][Mm])";
    default:
      throw new Error(`unknown time pattern token %${letter}`);
  }
}

function compile(pattern: string): CompiledPattern {
  const cached = compiled.get(pattern);
  if (cached) return cached;
  const fields: Field[] = [];
  let source = "";
  let last = 0;
  for (const match of pattern.matchAll(TOKEN)) {
    const literal = pattern.slice(last, match.index);
    source += escapeRegex(literal).replace(/ +/g, "\\s+");
    const letter = match[2] as string;
    source += tokenRegex(letter);
    fields.push((letter === "B" ? "b" : letter === "A" ? "a" : letter) as Field);
    last = (match.index ?? 0) + match[0].length;
  }
  source += escapeRegex(pattern.slice(last)).replace(/ +/g, "\\s+");
  const result = { regex: new RegExp(`^\\s*${source}\\s*$`, "iu"), fields };
  compiled.set(pattern, result);
  return result;
}

/** Languages whose month names are read (and written back as the file writes them). */
const MONTH_LANGUAGES = ["en", "de", "fr", "es", "it", "nl"] as const;
export type MonthLanguage = (typeof MONTH_LANGUAGES)[number];

/** Full names and the usual abbreviations, as spreadsheets in each language write them. */
const MONTHS_BY_LANGUAGE: Record<MonthLanguage, { full: string[]; short: string[]; also?: string[][] }> = {
  en: { full: MONTH_NAMES, short: MONTH_NAMES.map((name) => name.slice(0, 3)), also: [[], [], [], [], [], [], [], [], ["sept"]] },
  de: {
    full: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
    short: ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"],
    also: [[], [], ["mrz"]],
  },
  fr: {
    full: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    short: ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
    also: [["jan"], ["fev"], ["mar"], ["avr"], [], [], [], ["aou"], ["sep"]],
  },
  es: {
    full: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    short: ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"],
    also: [[], [], [], [], [], [], [], [], ["set", "sept"]],
  },
  it: {
    full: ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
    short: ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"],
  },
  nl: {
    full: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
    short: ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
  },
};

/** Lower case, no accents, no trailing dot: `Mär.` → `mar`, `Févr.` → `fevr`, `Mié.` → `mie`. */
function nameKey(name: string): string {
  return name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\.$/, "");
}

const MONTH_KEYS = new Map(
  MONTH_LANGUAGES.map((language) => {
    const { full, short, also = [] } = MONTHS_BY_LANGUAGE[language];
    const keys = new Map<string, number>();
    full.forEach((name, m) => {
      for (const key of [nameKey(name), nameKey(short[m] as string), ...(also[m] ?? [])]) keys.set(key, m + 1);
    });
    return [language, keys];
  }),
);

/**
 * Weekday names (Sunday first, as Date.getUTCDay counts) in the languages whose month names are
 * read, full and as each language's spreadsheets abbreviate them: the long date of a German, French,
 * Spanish, Italian or Dutch Excel starts with one (`Montag, 6. Januar 2020`, `lundi 6 janvier 2020`).
 */
const WEEKDAYS_BY_LANGUAGE: Record<MonthLanguage, { full: string[]; short: string[] }> = {
  en: { full: WEEKDAY_NAMES, short: WEEKDAY_NAMES.map((name) => name.slice(0, 3)) },
  de: { full: ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"], short: ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"] },
  fr: { full: ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"], short: ["dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."] },
  es: { full: ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"], short: ["dom", "lun", "mar", "mié", "jue", "vie", "sáb"] },
  it: { full: ["domenica", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato"], short: ["dom", "lun", "mar", "mer", "gio", "ven", "sab"] },
  nl: { full: ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"], short: ["zo", "ma", "di", "wo", "do", "vr", "za"] },
};

/**
 * The day of the week (0 = Sunday) a weekday name or its abbreviation names in a language
 * (English by default: `Mon`, `Tues`; German `Mo`, `Dienstag`; French `lun.`); -1 for none. A
 * name may be cut after three letters or more when that reads one day only.
 */
export function weekdayFromName(name: string, language: MonthLanguage = "en"): number {
  const key = nameKey(name.trim());
  const { full, short } = WEEKDAYS_BY_LANGUAGE[language];
  const exact = short.findIndex((day) => nameKey(day) === key);
  if (exact >= 0) return exact;
  if (key.length < 3) return -1;
  const days = full.flatMap((day, d) => (nameKey(day).startsWith(key) ? [d] : []));
  return days.length === 1 ? (days[0] as number) : -1;
}

/** Whether a word is a weekday's full name in a language (`Montag`), not an abbreviation (`Mo`, `Tues`). */
export function isFullWeekdayName(name: string, language: MonthLanguage): boolean {
  const key = nameKey(name.trim());
  return WEEKDAYS_BY_LANGUAGE[language].full.some((day) => nameKey(day) === key);
}

/** The languages in which a word names a weekday, English first. */
export function weekdayLanguagesOf(name: string): MonthLanguage[] {
  return MONTH_LANGUAGES.filter((language) => weekdayFromName(name, language) >= 0);
}

/**
 * Month number 1–12 of a month name or abbreviation in a language (English by default), or 0. A
 * name may also be cut after three letters or more (`Sept`, `Janu`) when that reads one month only.
 */
export function monthFromName(name: string, language: MonthLanguage = "en"): number {
  const key = nameKey(name.trim());
  const keys = MONTH_KEYS.get(language) as Map<string, number>;
  const exact = keys.get(key);
  if (exact) return exact;
  if (key.length < 3) return 0;
  const months = new Set(MONTHS_BY_LANGUAGE[language].full.flatMap((full, m) => (nameKey(full).startsWith(key) ? [m + 1] : [])));
  return months.size === 1 ? ([...months][0] as number) : 0;
}

/** Whether a word is a month's full name (`März`, `juillet`) rather than an abbreviation (`janv.`, `Mrz`). */
export function isFullMonthName(name: string, language: MonthLanguage): boolean {
  const key = nameKey(name.trim());
  return MONTHS_BY_LANGUAGE[language].full.some((full) => nameKey(full) === key) && !MONTHS_BY_LANGUAGE[language].short.some((short) => nameKey(short) === key);
}

/** Whether a word is one of a language's month names as that language spells it, accents and all (`Mär` is German, not English). */
export function isMonthSpelledIn(name: string, language: MonthLanguage): boolean {
  const word = name.trim().toLowerCase().replace(/\.$/, "");
  const { full, short, also = [] } = MONTHS_BY_LANGUAGE[language];
  return [...full, ...short, ...also.flat()].some((spelled) => spelled.toLowerCase().replace(/\.$/, "") === word);
}

/** The languages in which a word names a month. */
export function monthLanguagesOf(name: string): MonthLanguage[] {
  return MONTH_LANGUAGES.filter((language) => monthFromName(name, language) > 0);
}

function parseOffset(text: string): number {
  if (text === "Z" || text === "z") return 0;
  const sign = text.startsWith("-") ? -1 : 1;
  const digits = text.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes);
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's `days_from_civil`). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Days from 1970-01-01 to the Monday of ISO week `week` of ISO year `year` (week 1 holds 4 January). */
function isoWeekMonday(year: number, week: number): number {
  const jan4 = daysFromCivil(year, 1, 4);
  // 1970-01-01 was a Thursday: (days + 3) mod 7 is 0 on Mondays.
  const weekday = (((jan4 + 3) % 7) + 7) % 7;
  return jan4 - weekday + (week - 1) * 7;
}

/** 52 or 53: the ISO weeks of a year (53 when 28 December falls in week 53). */
function isoWeeksInYear(year: number): number {
  return (isoWeekMonday(year + 1, 1) - isoWeekMonday(year, 1)) / 7;
}

/** The ISO year and week a UTC date falls in. */
export function isoWeekOf(date: Date): { year: number; week: number } {
  const days = Math.floor(date.getTime() / 86_400_000);
  let year = date.getUTCFullYear() + 1;
  while (isoWeekMonday(year, 1) > days) year--;
  return { year, week: Math.floor((days - isoWeekMonday(year, 1)) / 7) + 1 };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Two digits at `at`, or -1. */
function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * A parser for patterns made only of zero-padded numeric fields and literals (`%Y-%m-%d`,
 * `%Y-%m-%dT%H:%M:%S`, `%d.%m.%Y %H:%M`), optionally ending in `%z`: reads digits by position,
 * several times faster than the regular expression on million-row files. Returns undefined for
 * text it cannot read that way (other widths, surrounding spaces), which then goes to the regex.
 */
function makeFixedParser(pattern: string): ((text: string) => number | undefined) | null {
  const zone = pattern.endsWith("%z");
  const body = zone ? pattern.slice(0, -2) : pattern;
  const at: Record<"Y" | "m" | "d" | "H" | "M" | "S", number> = { Y: -1, m: -1, d: -1, H: -1, M: -1, S: -1 };
  const literalAt: number[] = [];
  const literalCode: number[] = [];
  let length = 0;
  for (let i = 0; i < body.length; i++) {
    const char = body[i] as string;
    if (char !== "%") {
      literalAt.push(length);
      literalCode.push(char.charCodeAt(0));
      length++;
      continue;
    }
    const letter = body[i + 1];
    if (letter !== "Y" && letter !== "m" && letter !== "d" && letter !== "H" && letter !== "M" && letter !== "S") return null;
    if (at[letter] >= 0) return null;
    at[letter] = length;
    length += letter === "Y" ? 4 : 2;
    i++;
  }
  const { Y, m, d, H, M, S } = at;
  const literals = literalAt.length;
  return (text) => {
    if (zone ? text.length < length + 1 : text.length !== length) return undefined;
    for (let i = 0; i < literals; i++) if (text.charCodeAt(literalAt[i] as number) !== literalCode[i]) return undefined;
    let year = 1970;
    if (Y >= 0) {
      const high = twoDigits(text, Y);
      const low = twoDigits(text, Y + 2);
      if (high < 0 || low < 0) return undefined;
      year = high * 100 + low;
    }
    const month = m >= 0 ? twoDigits(text, m) : 1;
    const day = d >= 0 ? twoDigits(text, d) : 1;
    const hour = H >= 0 ? twoDigits(text, H) : 0;
    const minute = M >= 0 ? twoDigits(text, M) : 0;
    const second = S >= 0 ? twoDigits(text, S) : 0;
    if (month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
    let offset = 0;
    if (zone) {
      const suffix = text.slice(length);
      if (suffix === "Z" || suffix === "z") offset = 0;
      else if (/^[+-]\d{2}(:?\d{2})?$/.test(suffix)) offset = parseOffset(suffix);
      else return undefined;
    }
    if (year < 100 || month < 1 || month > 12 || day < 1 || hour > 24 || minute > 59 || (hour === 24 && minute + second > 0)) return NaN;
    if (second > 59) return undefined;
    if (day > daysInMonth(year, month)) return NaN;
    return daysFromCivil(year, month, day) * 86_400_000 + ((hour * 60 + minute - offset) * 60 + second) * 1000;
  };
}

/**
 * Returns a parser for one pattern: text → epoch ms (UTC), or NaN when the text does not match or
 * names an impossible date (31 February).
 */
export function makePatternParser(pattern: string, language: MonthLanguage = "en"): (text: string) => number {
  const fixed = makeFixedParser(pattern);
  const slow = makeRegexParser(pattern, language);
  if (!fixed) return slow;
  return (text) => fixed(text) ?? slow(text);
}

function makeRegexParser(pattern: string, language: MonthLanguage): (text: string) => number {
  const { regex, fields } = compile(pattern);
  return (text: string) => {
    const match = regex.exec(text);
    if (!match) return NaN;
    let year = 1970;
    let month = 1;
    let day = 1;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let millis = 0;
    let offset = 0;
    let pm: boolean | null = null;
    let isoYear = 0;
    let isoWeek = 0;
    let isoWeekday = 1;
    let endYear = -1;
    let weekday = -1;
    for (let i = 0; i < fields.length; i++) {
      const value = match[i + 1] as string;
      switch (fields[i]) {
        case "Y":
          year = Number(value);
          break;
        case "y": {
          // Two-digit years: 00–68 → 2000s, 69–99 → 1900s (POSIX strptime's pivot).
          const short = Number(value);
          year = short < 69 ? 2000 + short : 1900 + short;
          break;
        }
        case "m":
          month = Number(value);
          break;
        case "d":
          day = Number(value);
          break;
        case "H":
        case "I":
          hour = Number(value);
          break;
        case "M":
          minute = Number(value);
          break;
        case "S":
          second = Number(value);
          break;
        case "f":
          millis = Number(`0.${value}`) * 1000;
          break;
        case "b":
          month = monthFromName(value, language);
          if (month === 0) return NaN;
          break;
        case "q":
          month = (Number(value) - 1) * 3 + 1;
          break;
        case "h":
          month = (Number(value) - 1) * 6 + 1;
          break;
        case "a":
          weekday = weekdayFromName(value, language);
          if (weekday < 0) return NaN;
          break;
        case "z":
          offset = parseOffset(value);
          break;
        case "p":
          pm = value.toLowerCase() === "pm";
          break;
        case "G":
          isoYear = Number(value);
          break;
        case "E":
          endYear = Number(value);
          break;
        case "V":
          isoWeek = Number(value);
          break;
        case "u":
          isoWeekday = Number(value);
          break;
      }
    }
    // A financial or school year (`2019/20`) ends in the year after it starts.
    if (endYear >= 0 && endYear !== (year + 1) % 100) return NaN;
    if (isoYear > 0) {
      if (isoYear < 100 || isoWeek < 1 || isoWeek > isoWeeksInYear(isoYear)) return NaN;
      return (isoWeekMonday(isoYear, isoWeek) + isoWeekday - 1) * 86_400_000;
    }
    if (pm !== null) {
      if (hour < 1 || hour > 12) return NaN;
      hour = (hour % 12) + (pm ? 12 : 0);
    }
    // `24:00` ends a day (ISO 8601; energy exports stamp hours by their end, 01:00 … 24:00): it is
    // the next day's midnight, which Date.UTC and the day count below both give for hour 24.
    if (hour === 24 && minute + second + millis > 0) return NaN;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return NaN;
    const ms = Date.UTC(year, month - 1, day, hour, minute, second, millis);
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return NaN;
    // A weekday that is not the date's says the date was misread (day and month swapped).
    if (weekday >= 0 && check.getUTCDay() !== weekday) return NaN;
    // Date.UTC maps years 0–99 to 1900–1999; four-digit years in a file are meant literally.
    if (year < 100) return NaN;
    return ms - offset * 60_000;
  };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** A UTC offset in minutes as ISO 8601 writes it: `+02:00`; `Z` for UTC. */
export function formatOffset(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return "Z";
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
}

/** Days from Excel's day 0 (30 December 1899) to 1 January 1970. */
const EXCEL_EPOCH_DAYS = 25_569;

/**
 * A time as an analyst reads it on screen: the file's own format, except that Unix times and
 * Excel serials (which say nothing to a reader) are shown as dates (UTC date-times for Unix
 * times). Exports use `formatTime`, never this.
 */
export function formatTimeLabel(ms: number, format: TimeFormat, index = 0): string {
  if (format.kind === "excel-serial") {
    const iso = new Date(ms).toISOString();
    // Whole serials are days; with a fraction the column holds times of day, midnight included.
    return format.decimals === 0 && iso.slice(11, 19) === "00:00:00" ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  if (format.kind !== "epoch") return formatTime(ms, format, index);
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.endsWith(".000Z") ? iso.slice(11, 19) : iso.slice(11, 23)} UTC`;
}

/**
 * Writes epoch ms back in a file's own time format.
 * @param ms epoch milliseconds (UTC)
 * @param format the format detected at import
 * @param index 0-based position of the point, used by the `index` format
 */
/** A month or weekday name in the case the file writes names in. */
function nameCase(name: string, format: { upperCase?: true }): string {
  return format.upperCase ? name.toUpperCase() : name;
}

export function formatTime(ms: number, format: TimeFormat, index = 0): string {
  if (format.kind === "index") return String(index + 1);
  if (format.kind === "epoch") {
    if (format.unit === "ms") return String(Math.round(ms));
    return format.decimals ? (ms / 1000).toFixed(format.decimals) : String(Math.round(ms / 1000));
  }
  if (format.kind === "excel-serial") {
    const serial = (ms / 86_400_000 + EXCEL_EPOCH_DAYS).toFixed(format.decimals);
    return format.fixedDecimals ? serial : String(Number(serial));
  }
  if (format.kind === "decimal-year") {
    const date = new Date(ms);
    return String(Number((date.getUTCFullYear() + date.getUTCMonth() / 12).toFixed(format.decimals)));
  }
  const shift = format.pattern.includes("%z") ? (format.offsetMinutes ?? 0) : 0;
  const date = new Date(ms + shift * 60_000);
  return format.pattern.replace(TOKEN, (_whole, noPad: string, letter: string) => {
    const loose = noPad === "-";
    switch (letter) {
      case "Y":
        return pad(date.getUTCFullYear(), 4);
      case "y":
        return pad(date.getUTCFullYear() % 100, 2);
      case "E":
        return pad((date.getUTCFullYear() + 1) % 100, 2);
      case "m":
        return loose ? String(date.getUTCMonth() + 1) : pad(date.getUTCMonth() + 1, 2);
      case "d":
        return loose ? String(date.getUTCDate()) : pad(date.getUTCDate(), 2);
      case "H":
        return loose ? String(date.getUTCHours()) : pad(date.getUTCHours(), 2);
      case "I": {
        const hour12 = date.getUTCHours() % 12 || 12;
        return loose ? String(hour12) : pad(hour12, 2);
      }
      case "p":
        return date.getUTCHours() < 12 ? "AM" : "PM";
      case "M":
        return pad(date.getUTCMinutes(), 2);
      case "S":
        return pad(date.getUTCSeconds(), 2);
      case "f":
        return pad(date.getUTCMilliseconds(), 3);
      case "b":
        return format.monthNames?.[date.getUTCMonth()] || nameCase(MONTHS_BY_LANGUAGE[format.language ?? "en"].short[date.getUTCMonth()] as string, format);
      case "B":
        return format.monthNames?.[date.getUTCMonth()] || nameCase(MONTHS_BY_LANGUAGE[format.language ?? "en"].full[date.getUTCMonth()] as string, format);
      case "a":
        return nameCase(WEEKDAYS_BY_LANGUAGE[format.language ?? "en"].short[date.getUTCDay()] as string, format);
      case "A":
        return nameCase(WEEKDAYS_BY_LANGUAGE[format.language ?? "en"].full[date.getUTCDay()] as string, format);
      case "q":
        return String(Math.floor(date.getUTCMonth() / 3) + 1);
      case "h":
        return String(Math.floor(date.getUTCMonth() / 6) + 1);
      case "G":
        return pad(isoWeekOf(date).year, 4);
      case "V": {
        const week = isoWeekOf(date).week;
        return loose ? String(week) : pad(week, 2);
      }
      case "u":
        // Monday 1 … Sunday 7, where getUTCDay counts Sunday 0.
        return String(((date.getUTCDay() + 6) % 7) + 1);
      case "z": {
        const offset = formatOffset(format.offsetMinutes);
        return format.compactOffset && offset !== "Z" ? offset.replace(":", "") : offset;
      }
      default:
        return letter;
    }
  });
}

/**
 * Whether times are fiscal quarters (`FY23 Q1`): read as numbered quarters, FY23 Q1 held as the
 * first quarter of 2023 so that they sort and step as quarters, but the month the fiscal year
 * starts in is not known, so these are no calendar dates: nothing may show them as such.
 */
export function isFiscalQuarter(format: TimeFormat | undefined): boolean {
  return format?.kind === "pattern" && format.pattern.includes("%q") && /FY/i.test(format.pattern);
}

/** Returns a parser for any time format: text → epoch ms, NaN when it does not parse. */
export function makeTimeParser(format: TimeFormat): (text: string, index: number) => number {
  if (format.kind === "index") return (_text, index) => index;
  if (format.kind === "epoch") {
    const factor = format.unit === "s" ? 1000 : 1;
    const shape = format.decimalComma ? /^-?\d+(,\d+)?$/ : /^-?\d+(\.\d+)?$/;
    return (text) => {
      const trimmed = text.trim();
      if (!shape.test(trimmed)) return NaN;
      return Number(trimmed.replace(",", ".")) * factor;
    };
  }
  if (format.kind === "decimal-year") return (text) => parseDecimalYear(format.decimalComma ? text.replace(",", ".") : text, format.periods);
  if (format.kind === "excel-serial") {
    const shape = format.decimalComma ? /^\d+(,\d+)?$/ : /^\d+(\.\d+)?$/;
    return (text) => {
      const written = text.trim();
      if (!shape.test(written)) return NaN;
      const trimmed = written.replace(",", ".");
      // Whole milliseconds: a serial's fraction of a day is rarely exact in binary. Six decimals
      // (Excel's usual) pin a time to 86 ms only, so a whole second within that is the time meant:
      // 45292.083333 is 02:00:00, not 01:59:59.971, which made hourly steps of 3,600,029 ms.
      const ms = (Number(trimmed) - EXCEL_EPOCH_DAYS) * 86_400_000;
      const second = Math.round(ms / 1000) * 1000;
      const resolution = 86_400_000 * 10 ** -(trimmed.split(".")[1]?.length ?? 0);
      return Math.abs(ms - second) <= resolution / 2 ? second : Math.round(ms);
    };
  }
  const parse = makePatternParser(format.pattern, format.language);
  return (text) => parse(text);
}

/**
 * Reads a decimal year onto the first day of its month or quarter: 1949.0833 → 1 February 1949
 * (monthly), 1960.75 → 1 October 1960 (quarterly); NaN when it is not a year or falls between
 * two months (quarters) by more than rounding to a few decimals explains.
 */
export function parseDecimalYear(text: string, periods: 4 | 12): number {
  const trimmed = text.trim();
  if (!/^\d{4}(\.\d+)?$/.test(trimmed)) return NaN;
  const value = Number(trimmed);
  const year = Math.floor(value);
  const slot = (value - year) * periods;
  const k = Math.round(slot);
  if (Math.abs(slot - k) > 0.06 || k >= periods) return NaN;
  return Date.UTC(year, (k * 12) / periods, 1);
}

/** A short human description of a time format, for the import report. */
export function describeTimeFormat(format: TimeFormat): string {
  if (format.kind === "index") return "no time column (points numbered 1, 2, 3, …)";
  if (format.kind === "epoch") return format.unit === "s" ? "Unix time in seconds" : "Unix time in milliseconds";
  if (format.kind === "excel-serial") return "Excel serial dates (45292 = 1 January 2024)";
  if (format.kind === "decimal-year") return `decimal years (${format.periods === 12 ? "months" : "quarters"}, e.g. ${format.periods === 12 ? "1949.083 = February 1949" : "1960.25 = Q2 1960"})`;
  return format.pattern
    .replace(/%Y/g, "YYYY")
    .replace(/%y/g, "YY")
    .replace(/%E/g, "YY")
    .replace(/%G/g, "YYYY")
    .replace(/%-?V/g, "ww")
    .replace(/%u/g, "D")
    .replace(/%-?m/g, "MM")
    .replace(/%-?d/g, "DD")
    .replace(/%-?H/g, "hh")
    .replace(/%-?I/g, "hh")
    .replace(/%M/g, "mm")
    .replace(/%S/g, "ss")
    .replace(/%f/g, "fff")
    .replace(/%b/g, "Mon")
    .replace(/%B/g, "Month")
    .replace(/%a/g, "Wkd")
    .replace(/%A/g, "Weekday")
    .replace(/%[qh]/g, "n")
    .replace(/%p/g, "AM/PM")
    .replace(/%z/g, "±hh:mm");
}

/** Tokens that print zero-padded unless written `%-x`. */
const PADDED = /%([mdHIV])/g;

/**
 * Characters a pattern always prints, or null when its width varies (month names, fractions,
 * offsets, unpadded numbers). Lets a reader spot cells written without padding by length alone.
 */
export function fixedPatternWidth(format: TimeFormat): number | null {
  if (format.kind !== "pattern" || /%-|%[bBfzpaA]/.test(format.pattern)) return null;
  return formatTime(Date.UTC(2000, 0, 1), format).length;
}

/**
 * The same format, loosened to the padding a cell actually uses: files that detection saw
 * zero-padded at the top (`12/22/2023`) may drop the padding later (`1/2/2024`), and timestamps
 * written back (exports, forecast steps) should follow the file's own style.
 * @param ms the time the cell was read as
 */
export function matchPadding(format: TimeFormat, cell: string, ms: number): TimeFormat {
  if (format.kind !== "pattern") return format;
  const text = cell.trim();
  if (formatTime(ms, format) === text) return format;
  const tokens = [...format.pattern.matchAll(PADDED)].map((m) => m.index ?? 0);
  // Try loosening each subset of the padded tokens, fewest first (at most 4 tokens: 16 tries).
  const subsets = Array.from({ length: 1 << tokens.length }, (_, mask) => mask).sort(
    (a, b) => bitCount(a) - bitCount(b),
  );
  for (const mask of subsets) {
    let pattern = format.pattern;
    for (let i = tokens.length - 1; i >= 0; i--) {
      if (mask & (1 << i)) {
        const at = tokens[i] as number;
        pattern = `${pattern.slice(0, at + 1)}-${pattern.slice(at + 1)}`;
      }
    }
    const candidate: TimeFormat = { ...format, pattern };
    if (formatTime(ms, candidate) === text) return candidate;
  }
  return format;
}

function bitCount(n: number): number {
  let count = 0;
  for (let v = n; v; v &= v - 1) count++;
  return count;
}
