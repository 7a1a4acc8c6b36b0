"use client";

import { useTimeZone } from "@/app/_hooks/use-time-zone";
import { formatRunTime, formatZoneName } from "@/lib/time/format-run-time";

/**
 * A table cell with a stored time (a dataset's creation) in the analyst's time zone, for
 * server-rendered tables; a phone shows the label, with the zone, above it.
 */
export function LocalTimeCell({ iso, label }: { iso: string; label: string }) {
  const zone = useTimeZone();
  return (
    <td role="cell" data-label={`${label} (${formatZoneName(zone)})`}>
      <time dateTime={iso}>{formatRunTime(iso, zone)}</time>
    </td>
  );
}

/** A column's heading with the zone its times are written in: `Created (Central European Time)`. */
export function ZonedHeading({ label }: { label: string }) {
  const zone = useTimeZone();
  return (
    <>
      {label} <span className="zone-name">({formatZoneName(zone)})</span>
    </>
  );
}
