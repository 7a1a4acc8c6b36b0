import type { FrequencyKind } from "../time/frequency";
import { isFiscalQuarter, type TimeFormat } from "../time/time-format";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * The habits of a file's time column that labels on screen keep: financial years (`2019/20`, a
 * year that starts in 2019 and would read as the wrong year as `2019`), half-years and fiscal
 * quarters. Month names are not among them: the screen writes them in English, as the datasets
 * list always did (Destatis' `Okt. 2024` read "Okt 2024" on the data card and "Oct 2024" in the
 * list); exports keep the file's own spelling (time-format.ts).
 */
export interface TimeLabelStyle {
  kind: FrequencyKind;
  financialYear?: boolean;
  /** Half-years (`2010 H1`, `2010S1`): labelled `2010 H1`, not by the half's first day. */
  halfYear?: boolean;
  /** Fiscal quarters (`FY23 Q1`): labelled so, never as the calendar quarter they are held as. */
  fiscalQuarter?: boolean;
}

/** What labels are drawn by: the series' frequency, or its frequency with the file's habits. */
export type TimeLabelKind = FrequencyKind | TimeLabelStyle;

/** The frequency of a label kind. */
export function toFrequencyKind(kind: TimeLabelKind): FrequencyKind {
  return typeof kind === "string" ? kind : kind.kind;
}

/**
 * Label kind of a series: its frequency alone unless its time format has a habit worth keeping.
 * @param format the series' time format as detected at import (undefined: none known)
 */
export function toTimeLabelStyle(kind: FrequencyKind, format: TimeFormat | undefined): TimeLabelKind {
  if (format?.kind !== "pattern") return kind;
  const financialYear = kind === "yearly" && format.pattern.includes("%E");
  const halfYear = kind === "fixed" && format.pattern.includes("%h");
  const fiscalQuarter = isFiscalQuarter(format);
  if (!financialYear && !halfYear && !fiscalQuarter) return kind;
  return { kind, ...(financialYear ? { financialYear } : {}), ...(halfYear ? { halfYear } : {}), ...(fiscalQuarter ? { fiscalQuarter } : {}) };
}

/** Label kind of a stored series (numbered positions when there is none). */
export function toSeriesLabelStyle(series: { frequency: { kind: FrequencyKind }; timeFormat: TimeFormat } | undefined): TimeLabelKind {
  return series ? toTimeLabelStyle(series.frequency.kind, series.timeFormat) : "index";
}

function monthName(d: Date): string {
  return MONTHS[d.getUTCMonth()] as string;
}

function yearName(year: number, style: TimeLabelKind): string {
  return typeof style !== "string" && style.financialYear ? `${year}/${pad((year + 1) % 100)}` : String(year);
}

function halfYearName(d: Date): string {
  return `${d.getUTCFullYear()} H${d.getUTCMonth() < 6 ? 1 : 2}`;
}

/** `FY23`, and with the quarter `FY23 Q1`. */
function fiscalName(d: Date, withQuarter: boolean): string {
  const year = `FY${pad(d.getUTCFullYear() % 100)}`;
  return withQuarter ? `${year} Q${Math.floor(d.getUTCMonth() / 3) + 1}` : year;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/**
 * A readable label for a time on a chart axis or tooltip, at the precision of the series'
 * frequency. Times are shown in UTC, which is how wall-clock times from files are stored.
 * @param ms epoch milliseconds
 */
export function formatTimeLabel(ms: number, style: TimeLabelKind, withTime = false): string {
  const kind = toFrequencyKind(style);
  if (kind === "index") return `#${Math.round(ms) + 1}`;
  const d = new Date(ms);
  if (typeof style !== "string" && style.halfYear) return halfYearName(d);
  if (typeof style !== "string" && style.fiscalQuarter) return fiscalName(d, true);
  const year = d.getUTCFullYear();
  const month = monthName(d);
  const day = d.getUTCDate();
  switch (kind) {
    case "yearly":
      return yearName(year, style);
    case "quarterly":
      return `${year} Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
    case "monthly":
      return `${month} ${year}`;
    case "daily":
    case "business-daily":
    case "weekly":
      return `${day} ${month} ${year}`;
    default: {
      const date = `${day} ${month} ${year}`;
      const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
      const seconds = kind === "secondly" ? `:${pad(d.getUTCSeconds())}` : "";
      return withTime || hasTimeOfDay(ms) ? `${date} ${time}${seconds}` : date;
    }
  }
}

/** Whether a wall-clock time (UTC fields) is past midnight, which a label below a day then writes. */
function hasTimeOfDay(ms: number): boolean {
  const d = new Date(ms);
  return (d.getUTCHours() | d.getUTCMinutes() | d.getUTCSeconds()) !== 0;
}

/**
 * A series' first and last times as the dataset page and the import preview write them:
 * `Jan 2018 – Dec 2023`, whatever the file's own format (`01.01.2018`). When one end of a series
 * below a day has a time of day, both are written with it: an hourly year starting at midnight read
 * "1 Jan 2024 – 31 Dec 2024 23:00", as if it started on a day and ended at an hour.
 * @param start epoch ms of the first time
 * @param end epoch ms of the last time
 */
export function formatTimeRange(start: number, end: number, style: TimeLabelKind): string {
  const withTime = hasTimeOfDay(start) || hasTimeOfDay(end);
  return `${formatTimeLabel(start, style, withTime)} – ${formatTimeLabel(end, style, withTime)}`;
}

/** Axis tick label: shorter than the tooltip's, picked from the span shown. */
export function formatTimeTick(ms: number, style: TimeLabelKind, spanMs: number): string {
  const kind = toFrequencyKind(style);
  if (kind === "index") return String(Math.round(ms) + 1);
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  const month = monthName(d);
  const DAY = 86_400_000;
  if (kind === "yearly") return yearName(year, style);
  if (typeof style !== "string" && style.fiscalQuarter) return fiscalName(d, spanMs <= 6 * 365 * DAY);
  if (spanMs > 6 * 365 * DAY) return String(year);
  if (typeof style !== "string" && style.halfYear) return halfYearName(d);
  if (kind === "quarterly") return `${year} Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
  // A monthly series has no days to name, however short the span shown.
  if (spanMs > 120 * DAY || kind === "monthly") return `${month} ${year}`;
  if (spanMs > 3 * DAY) return `${d.getUTCDate()} ${month}`;
  return `${d.getUTCDate()} ${month} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

const compact = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2, notation: "compact" });
const full = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 });

/**
 * Values on a chart axis: 10K, 12.5K, 1.2M, −20 (a real minus sign, as wide as a digit and not a
 * hyphen). Given the ticks' step, every tick keeps the digits that tell it from its neighbours: a
 * series near 45,300 that moves by a few units has ticks 5 apart, which two compact decimals wrote
 * as "45.31K" twice; those are written in full (45,305, 45,310).
 * @param value the tick's value
 * @param step distance between neighbouring ticks (optional)
 */
export function formatAxisValue(value: number, step?: number): string {
  const size = Math.abs(value);
  const unit = size >= 1e12 ? 1e12 : size >= 1e9 ? 1e9 : size >= 1e6 ? 1e6 : 1e3;
  const stepped = step !== undefined && step > 0;
  const fits = !stepped || decimalsOf(step / unit) <= 2;
  const text =
    size >= 1_000 && fits
      ? (stepped ? compactFormat(decimalsOf(step / unit)) : compact).format(value)
      : stepped
        ? stepFormat(decimalsOf(step)).format(value)
        : full.format(value);
  return text.replace("-", "\u2212");
}

/** Fewest decimals that write x exactly (x a round step: 2.5 → 1, 0.05 → 2, 500 → 0), at most 12. */
function decimalsOf(x: number): number {
  let d = 0;
  while (d < 12 && Math.abs(Math.round(x * 10 ** d) - x * 10 ** d) > 1e-9 * Math.max(1, x * 10 ** d)) d++;
  return d;
}

// Every tick of an axis keeps the step's decimals (312.5, 315.0, 317.5; 12.5K, 15.0K), as a
// column of figures does: "315" between two halves read as a different precision.
const stepFormats = new Map<string, Intl.NumberFormat>();
function cachedFormat(decimals: number, notation: "standard" | "compact"): Intl.NumberFormat {
  const key = `${notation}${decimals}`;
  let format = stepFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals, notation });
    stepFormats.set(key, format);
  }
  return format;
}
const stepFormat = (decimals: number) => cachedFormat(decimals, "standard");
const compactFormat = (decimals: number) => cachedFormat(decimals, "compact");

/** Values in tooltips and tables: full precision, grouped. */
export function formatValue(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? "—" : full.format(value);
}

const estimates = [0, 1, 2, 4].map((digits) => new Intl.NumberFormat("en-US", { maximumFractionDigits: digits }));

/**
 * Forecasts and interval bounds: as many decimals as the size of the number makes meaningful
 * (23,902 not 23,902.1515; 16.48; 0.0123), since a model's fourth decimal is noise.
 */
export function formatEstimate(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  const size = Math.abs(value);
  const format = estimates[size >= 1000 ? 0 : size >= 100 ? 1 : size >= 1 ? 2 : 3] as Intl.NumberFormat;
  return format.format(value);
}
