import { createContext, useContext, useSyncExternalStore } from "react";

const subscribe = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The zone the server rendered in: the one the browser last told it (a cookie, see
 * lib/time/time-zone-cookie.ts), UTC before it has. Set by `TimeZoneProvider` in the root layout.
 */
export const ServerTimeZoneContext = createContext("UTC");

/**
 * The analyst's time zone (the browser's), to write times in. The server's render, and the
 * hydration that must repeat it exactly, use the zone the browser gave in its cookie; the
 * browser's own follows at once, which changes nothing unless the analyst moved (or this is the
 * first visit, rendered in UTC). Formatting in the server process's own zone instead gave the
 * server's text one zone and the browser's another, and React threw the page's first render away.
 */
export function useTimeZone(): string {
  const serverZone = useContext(ServerTimeZoneContext);
  return useSyncExternalStore(subscribe, browserZone, () => serverZone);
}
