/** Largest accepted upload in bytes (`MAX_UPLOAD_MB`, default 100 MB). */
export function maxUploadBytes(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.MAX_UPLOAD_MB);
  return (Number.isFinite(mb) && mb > 0 ? mb : 100) * 1024 * 1024;
}

export function tooLargeMessage(limit: number): string {
  return `The file is larger than the ${Math.round(limit / 1024 / 1024)} MB upload limit. Split it, or raise MAX_UPLOAD_MB on the server.`;
}

export const CUT_OFF_MESSAGE = "The upload was cut off before the whole file arrived, so nothing was stored. Upload the file again.";

/**
 * The chunks of a request body, refused with `tooLarge()` as soon as they add up to more than
 * `limit` bytes (a body sent without Content-Length is only known to be too large while it
 * arrives), and with `cutOff()` when the connection drops part-way.
 */
export async function* limitBytes(
  body: ReadableStream<Uint8Array>,
  limit: number,
  errors: { tooLarge: () => Error; cutOff: () => Error },
): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let total = 0;
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch {
        throw errors.cutOff();
      }
      if (next.done) return;
      total += next.value.length;
      if (total > limit) throw errors.tooLarge();
      yield next.value;
    }
  } finally {
    reader.releaseLock();
  }
}
