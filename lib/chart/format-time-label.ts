import type { FrequencyKind } from "../time/frequency";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/**
 * A readable label for a time on a chart axis or tooltip, at the precision of the series'
 * frequency. Times are shown in UTC, which is how wall-clock times from files are stored.
 * @param ms epoch milliseconds
 */
export function formatTimeLabel(ms: number, kind: FrequencyKind, withTime = false): string {
  if (kind === "index") return `#${Math.round(ms) + 1}`;
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  const month = MONTHS[d.getUTCMonth()] as string;
  const day = d.getUTCDate();
  switch (kind) {
    case "yearly":
      return String(year);
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
      return withTime || (d.getUTCHours() | d.getUTCMinutes() | d.getUTCSeconds()) !== 0 ? `${date} ${time}${seconds}` : date;
    }
  }
}

/** Axis tick label: shorter than the tooltip's, picked from the span shown. */
export function formatTimeTick(ms: number, kind: FrequencyKind, spanMs: number): string {
  if (kind === "index") return String(Math.round(ms) + 1);
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  const month = MONTHS[d.getUTCMonth()] as string;
  const DAY = 86_400_000;
  if (kind === "yearly" || spanMs > 6 * 365 * DAY) return String(year);
  if (kind === "quarterly") return `${year} Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
  if (spanMs > 120 * DAY) return `${month} ${year}`;
  if (spanMs > 3 * DAY) return `${d.getUTCDate()} ${month}`;
  return `${d.getUTCDate()} ${month} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

const compact = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2, notation: "compact" });
const full = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 });

/** Values on a chart axis: 10K, 12.5K, 1.2M, −20 (a real minus sign, as wide as a digit and not a hyphen). */
export function formatAxisValue(value: number): string {
  return (Math.abs(value) >= 1_000 ? compact.format(value) : full.format(value)).replace("-", "\u2212");
}

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
