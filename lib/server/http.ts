import { z, ZodError } from "zod";

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

/** How a refusal names what it checked, and the keys of the object it checked. */
export interface RequestWording {
  /** The whole of what was checked, as a sentence's subject ("The request", "The `options` field"). */
  what?: string;
  /** What the object's keys are: a query's parameters or a body's fields. */
  noun?: "parameter" | "field";
  /** Whose keys they are, at the top level ("this address", "this request", "`options`"). */
  owner?: string;
}

type RawIssue = z.core.$ZodRawIssue;

/** A value as a refusal quotes it: numbers and short text as given, anything else not at all. */
function quote(input: unknown): string {
  if (typeof input === "number" || typeof input === "boolean") return String(input);
  if (typeof input === "string") return JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input);
  return "";
}

const got = (input: unknown) => (quote(input) ? ` (got ${quote(input)})` : "");

/** What kind of JSON value something is, as a refusal names it. */
function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return "text";
  if (typeof value === "number") return "a number";
  if (typeof value === "boolean") return "true or false";
  return typeof value === "object" ? "a JSON object" : String(typeof value);
}

const EXPECTED: Record<string, string> = { number: "a number", int: "a whole number", string: "text", boolean: "true or false", object: "a JSON object", array: "an array" };

const formatNumber = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 20 });
const list = (values: readonly unknown[]) => values.map((v) => `\`${String(v)}\``).join(", ");

/** The bounds a number schema was given (`.int().min(1).max(100)`), read from the schema that raised the issue. */
function numberBounds(issue: RawIssue): { whole: boolean; min?: number; max?: number } {
  const source = ((issue as { schema?: z.core.$ZodType }).schema ?? issue.inst) as z.core.$ZodType | undefined;
  const checks = ((source?._zod.def as { checks?: z.core.$ZodCheck[] } | undefined)?.checks ?? []).map((check) => check._zod.def as { check: string; format?: string; value?: unknown });
  const bound = (kind: string) => {
    const value = checks.find((check) => check.check === kind)?.value;
    return typeof value === "number" ? value : undefined;
  };
  const whole = checks.some((check) => check.check === "number_format" && /int/.test(check.format ?? ""));
  return { whole, min: bound("greater_than"), max: bound("less_than") };
}

/** "a whole number from 1 to 100", "at most 0.5": what a number must be. */
function describeNumber(issue: RawIssue): string {
  const { whole, min, max } = numberBounds(issue);
  if (whole) {
    if (min !== undefined && max !== undefined) return `a whole number from ${formatNumber(min)} to ${formatNumber(max)}`;
    if (min !== undefined) return `a whole number of at least ${formatNumber(min)}`;
    if (max !== undefined) return `a whole number of at most ${formatNumber(max)}`;
    return "a whole number";
  }
  const inclusive = (issue as { inclusive?: boolean }).inclusive !== false;
  if (issue.code === "too_big") return `${inclusive ? "at most" : "less than"} ${formatNumber(Number(issue.maximum))}`;
  if (issue.code === "too_small") return `${inclusive ? "at least" : "more than"} ${formatNumber(Number(issue.minimum))}`;
  return "a number";
}

/** What one alternative of a union takes: "`auto`", "true or false". */
function describeAlternative(issues: readonly z.core.$ZodIssue[]): string {
  const first = issues[0];
  if (first?.code === "invalid_value") return first.values.map((v) => (typeof v === "string" ? `\`${v}\`` : String(v))).join(" or ");
  if (first?.code === "invalid_type") return EXPECTED[first.expected] ?? first.expected;
  return "something else";
}

/** A key as refusals name it, dotted from the top (`config.epochs`, `series.0.times`), as the README writes settings. */
const keyPath = (path: readonly PropertyKey[]) => path.map(String).join(".");

/**
 * A zod issue in plain words: for a key's value, a clause that follows its name ("must be a whole
 * number from 1 to 100 (got 0)"); for keys an object does not take, the whole clause naming them
 * and the keys it does take. Used as the error map of a parse, so that a schema's own message
 * (`.max(5, "…")`) wins, and the input is still at hand to be quoted.
 */
function describeIssue(issue: RawIssue, wording: Required<Omit<RequestWording, "what">>): string {
  const input = issue.input;
  switch (issue.code) {
    case "unrecognized_keys": {
      const shape = (issue.inst as z.ZodObject | undefined)?._zod.def.shape ?? {};
      const owner = issue.path?.length ? `\`${keyPath(issue.path)}\`` : wording.owner;
      const noun = issue.keys.length === 1 ? `is not a ${wording.noun}` : `are not ${wording.noun}s`;
      const takes = Object.keys(shape).length ? list(Object.keys(shape)) : "none";
      return `${list(issue.keys)} ${noun} of ${owner}; it takes ${takes}`;
    }
    case "invalid_type": {
      const expected = issue.expected === "int" || issue.expected === "number" ? describeNumber(issue) : (EXPECTED[issue.expected] ?? issue.expected);
      if (input === undefined) return `is missing; it must be ${expected}`;
      if (typeof input === "number" && (issue.expected === "int" || issue.expected === "number")) return `must be ${expected}${got(input)}`;
      // The whole request quoted back would be the sender's own body, long or not; a value's clause quotes it.
      return `must be ${expected}, not ${kindOf(input)}${issue.path?.length ? got(input) : ""}`;
    }
    case "too_big":
    case "too_small": {
      const big = issue.code === "too_big";
      const bound = Number(big ? issue.maximum : issue.minimum);
      if (issue.origin === "number" || issue.origin === "int") return `must be ${describeNumber(issue)}${got(input)}`;
      const length = typeof input === "string" || Array.isArray(input) ? input.length : undefined;
      const counted = length ? ` (got ${length})` : "";
      if (issue.origin === "string") {
        if (!big && bound === 1) return "must not be empty";
        return `must be ${big ? "at most" : "at least"} ${formatNumber(bound)} characters long${counted}`;
      }
      if (issue.origin === "array") return `must list ${big ? "at most" : "at least"} ${formatNumber(bound)} ${bound === 1 ? "item" : "items"}${counted}`;
      return `must be ${big ? "at most" : "at least"} ${formatNumber(bound)}`;
    }
    case "invalid_value":
      return issue.values.length === 1 ? `must be \`${String(issue.values[0])}\`${got(input)}` : `must be one of ${list(issue.values)}${got(input)}`;
    case "invalid_union":
      return `must be ${issue.errors.map(describeAlternative).join(", or ")}${got(input)}`;
    case "invalid_format":
      if (issue.format === "datetime") return `must be a date and time in ISO 8601 (UTC), such as 2024-01-31T12:00:00Z${got(input)}`;
      return `must be a valid ${issue.format}${got(input)}`;
    case "not_multiple_of":
      return `must be a multiple of ${String(issue.divisor)}${got(input)}`;
    default:
      return `is not valid${got(input)}`;
  }
}

/**
 * The first problem zod found, as a sentence: "The request is not valid: `horizon` must be …".
 * Its wording comes from the parse (see parseRequest); a ZodError from a parse without it reads
 * in zod's own words.
 * @param what the subject of the sentence (default "The request"; "The `options` field" for a field of JSON)
 */
export function describeZodError(error: ZodError, what = "The request"): string {
  const first = error.issues[0];
  if (!first) return `${what} is not valid.`;
  // The clause names the keys itself; any other clause follows the name of the value it is about.
  if (first.code === "unrecognized_keys") return `${what} is not valid: ${first.message}.`;
  if (first.path.length === 0) return first.code === "custom" ? `${what} is not valid: ${first.message}.` : `${what} ${first.message}.`;
  return `${what} is not valid: \`${keyPath(first.path)}\` ${first.message}.`;
}

/**
 * A value of a request (a JSON body, a form field's JSON, a query) parsed by `schema`, its
 * problems in plain words (describeZodError).
 * @throws HttpError 422 naming the first problem
 */
export function parseRequest<Schema extends z.ZodType>(schema: Schema, value: unknown, wording: RequestWording = {}): z.output<Schema> {
  const full = { noun: wording.noun ?? "field", owner: wording.owner ?? "this request" } as const;
  const parsed = schema.safeParse(value, { reportInput: true, error: (issue) => describeIssue(issue, full) });
  if (!parsed.success) throw new HttpError(422, describeZodError(parsed.error, wording.what));
  return parsed.data;
}

/**
 * A request's query parameters, parsed by `schema`: a strict object, so that a misspelt parameter
 * (`?metod=theta`) is refused naming the ones the route takes rather than quietly ignored.
 * @throws HttpError 422 naming the first problem
 */
export function parseQuery<Schema extends z.ZodObject>(schema: Schema, request: Request): z.output<Schema> {
  return parseRequest(schema, Object.fromEntries(new URL(request.url).searchParams), { noun: "parameter", owner: "this address" });
}

/** Routes that take no query parameters: anything after `?` is refused rather than quietly ignored. */
export const NO_QUERY = z.strictObject({});

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
