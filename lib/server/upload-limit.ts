/** Largest accepted upload in bytes (`MAX_UPLOAD_MB`, default 100 MB). */
export function maxUploadBytes(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.MAX_UPLOAD_MB);
  return (Number.isFinite(mb) && mb > 0 ? mb : 100) * 1024 * 1024;
}

export function tooLargeMessage(limit: number): string {
  return `The file is larger than the ${Math.round(limit / 1024 / 1024)} MB upload limit. Split it, or raise MAX_UPLOAD_MB on the server.`;
}

/**
 * The chunks of a request body, refused with 413 as soon as they add up to more than `limit`
 * bytes (a body sent without Content-Length is only known to be too large while it arrives).
 */
export async function* limitBytes(body: ReadableStream<Uint8Array>, limit: number, tooLarge: () => Error): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let total = 0;
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      total += next.value.length;
      if (total > limit) throw tooLarge();
      yield next.value;
    }
  } finally {
    reader.releaseLock();
  }
}
