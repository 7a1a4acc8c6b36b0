/**
 * The cookie in which the browser tells the server its time zone, so that the server's render
 * already writes the analyst's times in it (see `useTimeZone`). Without it the server could only
 * write UTC, and every time on the page changed just after it loaded.
 */
export const TIME_ZONE_COOKIE = "tidecast-tz";

/** A year: the zone changes only when the analyst moves, and the page sets it again then. */
export const TIME_ZONE_COOKIE_MAX_AGE = 365 * 24 * 3600;

/**
 * Whether `value` is an IANA zone this runtime knows (`Europe/Berlin`; ICU also takes the old
 * spellings, `Asia/Calcutta`). The value comes from a request: anything else is refused, not guessed.
 */
export function isTimeZone(value: string): boolean {
  if (value.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone a cookie names when it is one this runtime knows (as the browser spelt it: ICU writes
 * Asia/Kolkata as Asia/Calcutta); else UTC.
 * The value comes from the request, so anything but a zone Intl accepts (a forged or stale cookie,
 * a zone this Node's ICU lacks) falls back to what the server wrote before.
 * @param value the cookie's value as sent, if any
 */
export function readTimeZoneCookie(value: string | undefined): string {
  return value && isTimeZone(value) ? value : "UTC";
}

/**
 * The zone a request's `Cookie` header names, for responses made outside a page (the API's chart
 * images: one opened from the app's own pages is written in the analyst's zone, as the page is).
 * @param header the request's Cookie header, if any
 * @returns the zone, or undefined when the header names none this runtime knows
 */
export function readRequestTimeZone(header: string | null): string | undefined {
  const pair = header?.split(";").find((part) => part.trim().startsWith(`${TIME_ZONE_COOKIE}=`));
  if (!pair) return undefined;
  let value: string;
  try {
    value = decodeURIComponent(pair.slice(pair.indexOf("=") + 1).trim());
  } catch {
    return undefined;
  }
  return isTimeZone(value) ? value : undefined;
}

/**
 * The `document.cookie` assignment that records the browser's zone for the server.
 * @param zone IANA zone, as `Intl.DateTimeFormat().resolvedOptions().timeZone` gives it
 */
export function toTimeZoneCookie(zone: string): string {
  return `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; Path=/; Max-Age=${TIME_ZONE_COOKIE_MAX_AGE}; SameSite=Lax`;
}
