import { formatTimeLabel } from "../chart/format-time-label";
import { DEFAULT_SEASON, type Frequency, type FrequencyKind } from "./frequency";
import type { TimeFormat } from "./time-format";

/**
 * Calendar periods a series can be grouped into on import. Times are epoch ms holding the file's
 * wall clock as UTC (see time-format.ts), so every period is cut on UTC fields: a day runs from
 * 00:00 to 24:00 as the file writes its times, whatever the server's zone.
 */
export const PERIODS = ["hour", "day", "week", "month", "quarter", "year"] as const;
export type Period = (typeof PERIODS)[number];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** The average month (365.2425 / 12 days), to set a millisecond step against months. */
const AVERAGE_MONTH = (365.2425 / 12) * DAY;

/** The frequency a series has once grouped by each period. */
const PERIOD_KIND: Record<Period, FrequencyKind> = {
  hour: "hourly",
  day: "daily",
  week: "weekly",
  month: "monthly",
  quarter: "quarterly",
  year: "yearly",
};

/** A period's length: calendar months for months and longer, else milliseconds. */
const PERIOD_STEP: Record<Period, Frequency["step"]> = {
  hour: { unit: "ms", ms: HOUR },
  day: { unit: "ms", ms: DAY },
  week: { unit: "ms", ms: WEEK },
  month: { unit: "month", months: 1 },
  quarter: { unit: "month", months: 3 },
  year: { unit: "month", months: 12 },
};

/** `day` → `days`, for messages. */
export function periodPlural(period: Period): string {
  return `${period}s`;
}

/** `day` → `daily`, as frequencies are labelled. */
export function periodAdjective(period: Period): string {
  return PERIOD_KIND[period];
}

/**
 * The start of the period holding a time: the hour, the day at 00:00, the Monday of its ISO week,
 * the 1st of its month, quarter or year.
 * @param ms epoch ms (the file's wall clock as UTC)
 */
export function periodStart(ms: number, period: Period): number {
  switch (period) {
    case "hour":
      return Math.floor(ms / HOUR) * HOUR;
    case "day":
      return Math.floor(ms / DAY) * DAY;
    case "week": {
      const day = Math.floor(ms / DAY);
      // Day 0 (1 January 1970) was a Thursday: Monday is 3 days before it.
      const sinceMonday = (((day + 3) % 7) + 7) % 7;
      return (day - sinceMonday) * DAY;
    }
    default: {
      const date = new Date(ms);
      const month = date.getUTCMonth();
      const first = period === "year" ? 0 : period === "quarter" ? month - (month % 3) : month;
      return Date.UTC(date.getUTCFullYear(), first, 1);
    }
  }
}

/**
 * The start of the period after the one starting at `start`.
 * @param start epoch ms of a period's start (from periodStart)
 */
export function nextPeriodStart(start: number, period: Period): number {
  const step = PERIOD_STEP[period];
  if (step.unit === "ms") return start + step.ms;
  const date = new Date(start);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + (step.unit === "month" ? step.months : 0), 1);
}

/**
 * The frequency of a series grouped by a period, with the season length analysts expect of it
 * (24 hours, 7 days, 52 weeks, 12 months, 4 quarters): what inferFrequency finds for such data.
 */
export function periodFrequency(period: Period): Frequency {
  const kind = PERIOD_KIND[period];
  return { kind, step: PERIOD_STEP[period], seasonLength: DEFAULT_SEASON[kind], label: kind, gapCount: 0 };
}

/** A frequency's step in (approximate) milliseconds, null when it has none (irregular, index). */
function stepMs(frequency: Frequency): number | null {
  if (frequency.kind === "irregular" || frequency.kind === "index") return null;
  const { step } = frequency;
  if (step.unit === "month") return step.months * AVERAGE_MONTH;
  return step.unit === "ms" ? step.ms : null;
}

/**
 * How a period compares with the spacing a series already has: `finer` when it is shorter (a
 * monthly series cannot be grouped by day), `same` when it is the series' own (daily by day;
 * business days too), `coarser` otherwise. Irregular times are always `coarser`: grouping is
 * what makes them regular. So is a fixed step in milliseconds (every 2 days, every 22,105
 * minutes): it is what a short or sparse log looks like when a few of its gaps happen to match,
 * and grouping it by day leaves the days between empty, as they are.
 */
export function comparePeriod(period: Period, frequency: Frequency): "finer" | "same" | "coarser" {
  if (frequency.kind === PERIOD_KIND[period] || (frequency.kind === "business-daily" && period === "day")) return "same";
  const own = frequency.kind === "fixed" && frequency.step.unit !== "month" ? null : stepMs(frequency);
  if (own === null) return "coarser";
  return own > (stepMs(periodFrequency(period)) as number) ? "finer" : "coarser";
}

type PatternFormat = Extract<TimeFormat, { kind: "pattern" }>;

/** A token that writes a time of day or a zone; what precedes the first one is the date. */
const TIME_OF_DAY_TOKEN = /%-?[HIMSfpz]/;
/** Tokens a date written as a day may hold: years, months (numbers or names), days. */
const DATE_TOKENS = /%-?[YymdbB]/g;

/**
 * The date part of a pattern that writes a day (`%d.%m.%Y %H:%M` → `%d.%m.%Y`), or null when
 * it has none: the format of days and weeks written as the file writes its dates.
 */
function datePart(format: TimeFormat): PatternFormat | null {
  if (format.kind !== "pattern") return null;
  const cut = format.pattern.search(TIME_OF_DAY_TOKEN);
  const date = (cut < 0 ? format.pattern : format.pattern.slice(0, cut)).replace(/[\sT,@-]+$/, "");
  const tokens = date.match(DATE_TOKENS) ?? [];
  const rest = date.replace(DATE_TOKENS, "");
  const has = (letters: RegExp) => tokens.some((t) => letters.test(t));
  if (!has(/[Yy]/) || !has(/[mbB]/) || !has(/d/) || rest.includes("%")) return null;
  return { kind: "pattern", pattern: date, ...(format.language ? { language: format.language } : {}) };
}

/**
 * How times are written once grouped by a period: months as `2025-03`, quarters as `2025 Q1`,
 * years as `2025`, days and weeks (their Monday) as the file writes its dates (ISO `2025-03-14`
 * when it writes none: Unix times, Excel serials), hours as that date and `14:00`. Exports and
 * forecast steps then continue in it.
 * @param format the file's own time format
 */
export function toPeriodTimeFormat(period: Period, format: TimeFormat): TimeFormat {
  switch (period) {
    case "year":
      return { kind: "pattern", pattern: "%Y" };
    case "quarter":
      return { kind: "pattern", pattern: "%Y Q%q" };
    case "month":
      return { kind: "pattern", pattern: "%Y-%m" };
    default: {
      const date: PatternFormat = datePart(format) ?? { kind: "pattern", pattern: "%Y-%m-%d" };
      return period === "hour" ? { ...date, pattern: `${date.pattern} %H:00` } : date;
    }
  }
}

/** A period in words for messages: `14 Mar 2025 09:00`, `14 Mar 2025`, `week of 10 Mar 2025`, `Mar 2025`, `2025 Q1`, `2025`. */
export function describePeriod(start: number, period: Period): string {
  const label = formatTimeLabel(start, PERIOD_KIND[period], period === "hour");
  return period === "week" ? `week of ${label}` : label;
}
