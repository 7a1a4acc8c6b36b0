import { ZodError, type z } from "zod";

/** An error whose message is meant for the analyst, with its HTTP status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

/**
 * JSON text from a request (a body, a form field, a query parameter), or an HttpError 400.
 * @param problem the sentence to answer with when it is not JSON, naming the field
 */
export function parseRequestJson(text: string, problem: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, problem);
  }
}

export function jsonError(status: number, error: string): Response {
  return Response.json({ error }, { status });
}

/**
 * The first problem zod found, as a sentence.
 * @param what what was checked (default "The request"; "The `options` field" for a field of JSON)
 * @param keys the keys the object takes, listed when the problem is a key it does not
 */
export function describeZodError(error: ZodError, what = "The request", keys?: readonly string[]): string {
  const first = error.issues[0];
  if (!first) return `${what} is not valid.`;
  const where = first.path.length ? `\`${first.path.join(".")}\`: ` : "";
  if (first.code === "unrecognized_keys" && keys && first.path.length === 0) {
    const unknown = first.keys.map((key) => `\`${key}\``).join(", ");
    const verb = first.keys.length === 1 ? "is not an option" : "are not options";
    return `${what} is not valid: ${unknown} ${verb}. The options are ${keys.map((key) => `\`${key}\``).join(", ")}.`;
  }
  return `${what} is not valid: ${where}${first.message}.`;
}

/**
 * A request's query parameters, parsed by `schema`: a strict object, so that a misspelt parameter
 * (`?metod=theta`) is refused naming the ones the route takes rather than quietly ignored.
 * @throws HttpError 422 naming the first problem
 */
export function parseQuery<Schema extends z.ZodObject>(schema: Schema, request: Request): z.output<Schema> {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new HttpError(422, describeZodError(parsed.error, "The request", Object.keys(schema.shape)));
  return parsed.data;
}

/**
 * Wraps a route handler so that every failure answers JSON `{ error }` with the right status:
 * HttpError as given (logged when 5xx), a ZodError as 422, anything unexpected as 500 (logged,
 * never an HTML page).
 */
export function handle<Args extends unknown[]>(
  handler: (...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
  return async (...args: Args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof HttpError) {
        // A 5xx is the server's own trouble (a damaged stored run): whoever runs it reads the log.
        if (error.status >= 500) console.error(error);
        return jsonError(error.status, error.message);
      }
      if (error instanceof ZodError) return jsonError(422, describeZodError(error));
      console.error(error);
      return jsonError(500, "Something went wrong on the server. Nothing was changed; try again, and if it keeps failing, check the server log.");
    }
  };
}

/** The Allow header of a route that serves `methods`: with HEAD where it serves GET (Next answers HEAD from GET), and OPTIONS. */
function allowHeader(methods: string[]): string {
  return [...methods.flatMap((m) => (m === "GET" ? ["GET", "HEAD"] : [m])), "OPTIONS"].join(", ");
}

/**
 * Handlers for what a route does not serve, and for OPTIONS. Next answers other methods with an
 * empty 405 of its own, and OPTIONS with an Allow header listing every exported handler, these
 * refusals included; these say which methods the route takes, the 405 in the JSON shape of every
 * other error.
 * @param methods the methods the route serves (GET implies HEAD)
 */
export function routeMethods(...methods: string[]): { notAllowed: (request: Request) => Response; OPTIONS: () => Response } {
  const allow = allowHeader(methods);
  return {
    notAllowed: (request) => {
      const { pathname } = new URL(request.url);
      const response = jsonError(405, `${pathname} does not take ${request.method}; use ${methods.join(" or ")}.`);
      response.headers.set("Allow", allow);
      return response;
    },
    OPTIONS: () => new Response(null, { status: 204, headers: { Allow: allow } }),
  };
}

/**
 * The answer to a URL path that is not valid percent-encoding (`/api/datasets/%`, `%E0%A4%A`), or
 * null for a path that decodes. Next cannot decode such a path into route parameters and answers
 * a plain-text 500 of its own, which blames the server for the client's address.
 */
export function refuseUndecodablePath(pathname: string): Response | null {
  for (const segment of pathname.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      return jsonError(400, `The address has a \`%\` that does not start a valid escape (in \`${segment}\`). Write a literal % as %25, and other characters as the UTF-8 bytes of encodeURIComponent.`);
    }
  }
  return null;
}

/**
 * A response body sent a piece at a time, handing the event loop back between pieces (each pull
 * waits for `setImmediate`): written as one string, a two-million-point series held every other
 * request for 12 s.
 * @param chunks the text, in pieces (a generator: each piece is made only when it is sent)
 */
export function streamText(chunks: Iterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pieces = chunks[Symbol.iterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      const next = pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    cancel() {
      pieces.return?.();
    },
  });
}
