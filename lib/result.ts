/** What a fallible step returns instead of throwing: the data, or a sentence an analyst understands. */
export type Result<T> = { ok: true; data: T } | { ok: false; reason: string };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = <T = never>(reason: string): Result<T> => ({ ok: false, reason });
