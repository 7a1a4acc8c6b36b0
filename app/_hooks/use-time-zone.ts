import { useSyncExternalStore } from "react";

const subscribe = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const serverZone = () => "UTC";

/**
 * The analyst's time zone (the browser's), to write times in. The server cannot know it: its
 * render, and the hydration that must repeat that render exactly, write UTC (and say so), and
 * the browser's zone follows at once. Formatting in the process's own zone instead gave the server's
 * text one zone and the browser's another, and React threw the page's first render away.
 */
export function useTimeZone(): string {
  return useSyncExternalStore(subscribe, browserZone, serverZone);
}
