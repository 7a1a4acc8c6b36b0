/** Formats by time zone (undefined: the formatting process's own), made once each: the runs list writes one per row. */
const formats = new Map<string, Intl.DateTimeFormat>();
function formatIn(kind: "time" | "zone" | "zoneName", timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone ?? ""}`;
  let format = formats.get(key);
  if (!format) {
    const zone = timeZone === undefined ? {} : { timeZone };
    format =
      kind === "time"
        ? // Seconds tell runs started in the same minute apart: the runs list names its buttons by this.
          new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", ...zone })
        : new Intl.DateTimeFormat("en-GB", { timeZoneName: kind === "zone" ? "short" : "longGeneric", ...zone });
    formats.set(key, format);
  }
  return format;
}

/**
 * When a run started or a dataset was stored, the same wherever it is written (the datasets and
 * runs lists, the run's details, the comparison's legend, chart images): `28 Nov 2026, 09:30:05`.
 * Pages write it in the analyst's own time zone (see useTimeZone), server-drawn images in the zone
 * their request names (`?tz=`, or the app's cookie), else the server's.
 * @param iso the time as ISO text
 * @param timeZone IANA zone to write it in; the formatting process's own when omitted
 */
export function formatRunTime(iso: string, timeZone?: string): string {
  return formatIn("time", timeZone).format(new Date(iso));
}

function zonePart(format: Intl.DateTimeFormat, at: Date): string {
  return format.formatToParts(at).find((part) => part.type === "timeZoneName")?.value ?? "";
}

/** Whether a zone keeps UTC all year, which its own name (`GMT+00:00`) says less plainly than `UTC`. */
function isUtc(timeZone: string | undefined): boolean {
  const zone = timeZone ?? formatIn("time", undefined).resolvedOptions().timeZone;
  return /^(Etc\/)?(UTC|UCT|GMT|Zulu|Universal|Greenwich)(0|[+-]0)?$/i.test(zone);
}

/**
 * The zone's abbreviation at that moment, as written after a time that leaves the page (a chart
 * image): `CET` or `CEST`, `GMT-5`, `UTC`.
 */
export function formatZoneAbbreviation(iso: string, timeZone?: string): string {
  return isUtc(timeZone) ? "UTC" : zonePart(formatIn("zone", timeZone), new Date(iso));
}

/**
 * The zone's name for a column of times that may fall in summer and in winter:
 * `Central European Time`, `Eastern Time`, `UTC`.
 * @param timeZone IANA zone; the formatting process's own when omitted
 */
export function formatZoneName(timeZone?: string): string {
  return isUtc(timeZone) ? "UTC" : zonePart(formatIn("zoneName", timeZone), new Date());
}

/**
 * A run's time with its zone, where it is written on its own rather than under a column that names
 * the zone (the comparison's legend, chart images): `28 Nov 2026, 09:30:05 CET`.
 * @param iso the time as ISO text
 * @param timeZone IANA zone to write it in; the formatting process's own when omitted
 */
export function formatRunTimeWithZone(iso: string, timeZone?: string): string {
  return `${formatRunTime(iso, timeZone)} ${formatZoneAbbreviation(iso, timeZone)}`;
}
