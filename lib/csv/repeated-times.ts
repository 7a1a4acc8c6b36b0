/**
 * The CLI flag that messages about rows sharing a time name; the import preview offers its choice
 * wherever a message names it, so the two cannot drift apart.
 */
export const REPEATED_TIMES_FLAG = "--repeated-times";

/** The message suggests combining rows that share a time. */
export function mentionsRepeatedTimes(message: string | null | undefined): boolean {
  return message?.includes(REPEATED_TIMES_FLAG) ?? false;
}
