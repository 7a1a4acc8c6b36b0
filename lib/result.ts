/** What a fallible step returns instead of throwing: the data, or a sentence an analyst understands. */
export type Result<T> = { ok: true; data: T } | { ok: false; reason: string };

/**
 * A Result whose failure also says which HTTP status it answers (404, 409, 422): what a lib/server
 * step returns when the route handler, not the step, decides how to reply.
 */
export type StatusResult<T, Status extends number> = { ok: true; data: T } | { ok: false; status: Status; reason: string };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = <T = never>(reason: string): Result<T> => ({ ok: false, reason });
