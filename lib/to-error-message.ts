/**
 * What went wrong, as the thrown value says it: an Error's message, or anything else thrown (a
 * string, a worker's or a library's odd value) as text. Framework-free: the page, the workers,
 * the server and the scripts all report errors through it.
 */
export function toErrorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
