/**
 * GB electricity's settlement periods: the half hours of a day on the UK clock, numbered from 1,
 * as NESO and Elexon write them beside a settlement date (`SETTLEMENT_DATE,SETTLEMENT_PERIOD`).
 * A day has 48; the day clocks go forward in March has 46, the day they go back in October 50.
 *
 * Times are wall-clock readings stored as UTC epoch ms, as every zoneless time in the app is.
 */

const DAY_MS = 86_400_000;

/**
 * Whether a day is the last Sunday of March or of October: the days UK clocks change (at 01:00
 * GMT, so on the local clock 01:00–02:00 is skipped in spring and repeated in autumn).
 * @param ms epoch ms of any time on that day
 */
export function clockChangeDay(ms: number): "spring" | "autumn" | null {
  const date = new Date(ms);
  if (date.getUTCDay() !== 0 || date.getUTCDate() + 7 <= 31) return null;
  return date.getUTCMonth() === 2 ? "spring" : date.getUTCMonth() === 9 ? "autumn" : null;
}

/**
 * When a settlement period starts, in minutes after midnight on the UK clock: period 3 is 01:00,
 * but 02:00 on the short day; on the long day periods 5 and 6 are 01:00 and 01:30 again.
 * @param day epoch ms of the settlement date (any time on it)
 * @param period 1–50
 */
export function toSettlementMinutes(day: number, period: number): number {
  const minutes = (period - 1) * 30;
  const change = clockChangeDay(day);
  if (change === "spring" && minutes >= 60) return minutes + 60;
  if (change === "autumn" && minutes >= 120) return minutes - 60;
  return minutes;
}

/**
 * The settlement date and period a half hour on the UK clock falls in: the inverse of
 * {@link toSettlementMinutes}. On the long day 01:00 and 01:30 are periods 3 and 4 (the file's
 * 5 and 6 were averaged into them on reading).
 * @param ms epoch ms of the wall-clock time
 * @returns the date (epoch ms of its midnight) and the period, null for a time that has none: not
 *   on a half hour, or 01:00 and 01:30 on the short day, which the UK clock skips
 */
export function toSettlementPeriod(ms: number): { day: number; period: number | null } {
  const day = Math.floor(ms / DAY_MS) * DAY_MS;
  const minutes = (ms - day) / 60_000;
  if (minutes % 30 !== 0) return { day, period: null };
  const change = clockChangeDay(day);
  if (change === "spring" && minutes >= 60) return { day, period: minutes < 120 ? null : (minutes - 60) / 30 + 1 };
  if (change === "autumn" && minutes >= 120) return { day, period: (minutes + 60) / 30 + 1 };
  return { day, period: minutes / 30 + 1 };
}
