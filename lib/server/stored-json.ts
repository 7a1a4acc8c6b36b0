/**
 * A JSON column's value, or `fallback` when the text is not JSON. Every such column is written by
 * this app, so bad JSON means a hand-edited or half-migrated database: one such row is shown with
 * defaults (or refused by the schema that reads it) rather than failing every list it is in.
 */
export function parseStoredJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
