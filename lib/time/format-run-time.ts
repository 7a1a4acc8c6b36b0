// Seconds tell runs started in the same minute apart: the runs list names its buttons by this.
const dateTime = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit" });

/**
 * When a run started, the same wherever it is written (the runs list, the run's details, the
 * comparison's legend, chart images): `28 Nov 2026, 09:30:05`, in the local time zone of whoever
 * formats it (the browser's, or the server's for the API's images).
 * @param iso the start time as ISO text
 */
export function formatRunTime(iso: string): string {
  return dateTime.format(new Date(iso));
}
