"use client";

import { useEffect, type ReactNode } from "react";
import { ServerTimeZoneContext } from "@/app/_hooks/use-time-zone";
import { toTimeZoneCookie } from "@/lib/time/time-zone-cookie";

/**
 * Gives the page the zone the server rendered in and, when the browser's differs (a first visit,
 * or the analyst travelled), records the browser's for the server's next render.
 */
export function TimeZoneProvider({ zone, children }: { zone: string; children: ReactNode }) {
  useEffect(() => {
    const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (browser && browser !== zone) document.cookie = toTimeZoneCookie(browser);
  }, [zone]);
  return <ServerTimeZoneContext.Provider value={zone}>{children}</ServerTimeZoneContext.Provider>;
}
