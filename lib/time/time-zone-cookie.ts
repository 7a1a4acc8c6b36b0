/**
 * The cookie in which the browser tells the server its time zone, so that the server's render
 * already writes the analyst's times in it (see `useTimeZone`). Without it the server could only
 * write UTC, and every time on the page changed just after it loaded.
 */
export const TIME_ZONE_COOKIE = "tidecast-tz";

/** A year: the zone changes only when the analyst moves, and the page sets it again then. */
export const TIME_ZONE_COOKIE_MAX_AGE = 365 * 24 * 3600;

/**
 * The zone a cookie names when it is one this runtime knows (as the browser spelt it: ICU writes
 * Asia/Kolkata as Asia/Calcutta); else UTC.
 * The value comes from the request, so anything but a zone Intl accepts (a forged or stale cookie,
 * a zone this Node's ICU lacks) falls back to what the server wrote before.
 * @param value the cookie's value as sent, if any
 */
export function readTimeZoneCookie(value: string | undefined): string {
  if (!value || value.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(value)) return "UTC";
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: value });
    return value;
  } catch {
    return "UTC";
  }
}

/**
 * The `document.cookie` assignment that records the browser's zone for the server.
 * @param zone IANA zone, as `Intl.DateTimeFormat().resolvedOptions().timeZone` gives it
 */
export function toTimeZoneCookie(zone: string): string {
  return `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; Path=/; Max-Age=${TIME_ZONE_COOKIE_MAX_AGE}; SameSite=Lax`;
}
