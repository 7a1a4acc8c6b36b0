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

/**
 * A request body as text, read through {@link limitBytes}: `Request.text()` reads a body sent
 * without Content-Length whole before its size can be checked (300 MB of JSON whitespace held
 * 1.3 GB of memory only to be refused).
 * @param limit bytes the body may have
 * @returns "" for a request without a body
 */
export async function readLimitedText(request: Request, limit: number, errors: { tooLarge: () => Error; cutOff: () => Error }): Promise<string> {
  if (!request.body) return "";
  const decoder = new TextDecoder();
  let text = "";
  for await (const chunk of limitBytes(request.body, limit, errors)) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

/**
 * A multipart/form-data request body read through {@link limitBytes}. `Request.formData()` alone
 * buffers the whole body before anyone can look at its size, so a client that sends no
 * Content-Length (chunked) could make the server hold hundreds of megabytes only to refuse them.
 * @param limit bytes the whole body may have
 * @param errors as for limitBytes, plus `unreadable()` for a body that is not a form
 */
export async function readLimitedForm(
  request: Request,
  limit: number,
  errors: { tooLarge: () => Error; cutOff: () => Error; unreadable: () => Error },
): Promise<FormData> {
  if (!request.body) throw errors.unreadable();
  const chunks = limitBytes(request.body, limit, errors);
  // The parser wraps a failing stream's error in its own, so the limit's error is kept aside.
  let failure: unknown = null;
  const limited = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (error) {
        failure = error;
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  try {
    return await new Response(limited, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw failure ?? errors.unreadable();
  }
}
