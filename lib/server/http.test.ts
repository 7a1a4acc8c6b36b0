import { describe, expect, it } from "vitest";
import { z } from "zod";
import { HttpError, parseQuery, parseRequest, refuseUndecodablePath, streamText } from "./http";

/** What a refusal says, or the value when there is none. */
function refusalOf(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    if (error instanceof HttpError && error.status === 422) return error.message;
    throw error;
  }
  throw new Error("not refused");
}

describe("parseRequest: a sentence for each kind of zod issue", () => {
  const body = z.strictObject({
    count: z.number().int().min(1).max(100).optional(),
    share: z.number().min(0).max(0.5).optional(),
    label: z.string().trim().min(1).max(5).optional(),
    ids: z.array(z.string()).min(1).max(2).optional(),
    mode: z.enum(["global", "per-series"]).optional(),
    damped: z.union([z.literal("auto"), z.boolean()]).optional(),
    at: z.iso.datetime().optional(),
    inner: z.strictObject({ units: z.number(), layers: z.number().optional() }).optional(),
    even: z.number().refine((n) => n % 2 === 0, "must be even").optional(),
  });

  it.each([
    [{ count: 1e300 }, "`count` must be a whole number from 1 to 100 (got 1e+300)."],
    [{ count: 2.5 }, "`count` must be a whole number from 1 to 100 (got 2.5)."],
    [{ count: 0 }, "`count` must be a whole number from 1 to 100 (got 0)."],
    [{ count: "3" }, "`count` must be a whole number from 1 to 100, not text (got \"3\")."],
    [{ share: 0.9 }, "`share` must be at most 0.5 (got 0.9)."],
    [{ share: -1 }, "`share` must be at least 0 (got -1)."],
    [{ label: "" }, "`label` must not be empty."],
    [{ label: "toolong" }, "`label` must be at most 5 characters long (got 7)."],
    [{ ids: [] }, "`ids` must list at least 1 item."],
    [{ ids: ["a", "b", "c"] }, "`ids` must list at most 2 items (got 3)."],
    [{ ids: [1] }, "`ids.0` must be text, not a number (got 1)."],
    [{ mode: "fast" }, "`mode` must be one of `global`, `per-series` (got \"fast\")."],
    [{ damped: "yes" }, "`damped` must be `auto`, or true or false (got \"yes\")."],
    [{ at: "yesterday" }, "`at` must be a date and time in ISO 8601 (UTC), such as 2024-01-31T12:00:00Z (got \"yesterday\")."],
    [{ inner: {} }, "`inner.units` is missing; it must be a number."],
    [{ inner: { units: 1, speed: 5 } }, "`speed` is not a field of `inner`; it takes `units`, `layers`."],
    [{ epochs: 5 }, "`epochs` is not a field of this request; it takes `count`, `share`, `label`, `ids`, `mode`, `damped`, `at`, `inner`, `even`."],
    [{ epochs: 5, speed: 1 }, "`epochs`, `speed` are not fields of this request; it takes `count`, `share`, `label`, `ids`, `mode`, `damped`, `at`, `inner`, `even`."],
    [{ even: 3 }, "`even` must be even."],
  ])("%j: %s", (value, sentence) => {
    expect(refusalOf(() => parseRequest(body, value))).toBe(`The request is not valid: ${sentence}`);
  });

  it("says what the whole value must be", () => {
    expect(refusalOf(() => parseRequest(body, [1, 2]))).toBe("The request must be a JSON object, not an array.");
    expect(refusalOf(() => parseRequest(body, "x", { what: "The `options` field" }))).toBe("The `options` field must be a JSON object, not text.");
  });
});

describe("parseQuery", () => {
  const query = z.strictObject({ method: z.enum(["chosen", "theta"]).default("chosen"), format: z.enum(["standard", "excel"]).default("standard") });
  const request = (search: string) => new Request(`http://localhost/api/x${search}`);

  it("names a parameter the address does not take, and the ones it does", () => {
    expect(refusalOf(() => parseQuery(query, request("?metod=theta")))).toBe(
      "The request is not valid: `metod` is not a parameter of this address; it takes `method`, `format`.",
    );
  });

  it("says that an address takes no parameters", () => {
    expect(refusalOf(() => parseQuery(z.strictObject({}), request("?limit=5")))).toBe(
      "The request is not valid: `limit` is not a parameter of this address; it takes none.",
    );
  });
});

describe("refuseUndecodablePath", () => {
  it.each(["/api/datasets", "/api/datasets/c0abc", "/api/datasets/%F0%9F%98%80", "/api/datasets/a%2Fb", "/datasets/%25"])("lets %s through", (path) => {
    expect(refuseUndecodablePath(path)).toBeNull();
  });

  it.each([
    ["/api/datasets/%", "%"],
    ["/api/datasets/%E0%A4%A", "%E0%A4%A"],
    ["/api/runs/%zz/forecast.csv", "%zz"],
    ["/api/datasets/%ED%A0%80", "%ED%A0%80"],
  ])("answers %s with a 400 naming the segment", async (path, segment) => {
    const response = refuseUndecodablePath(path);
    expect(response?.status).toBe(400);
    expect(((await response?.json()) as { error: string }).error).toContain(`(in \`${segment}\`)`);
  });
});

describe("streamText", () => {
  it("sends the pieces in order and lets timers run between them", async () => {
    let made = 0;
    let madeWhenTimerRan = -1;
    function* pieces() {
      for (let i = 0; i < 500; i++) {
        made++;
        yield `${i}\n`;
      }
    }
    setTimeout(() => (madeWhenTimerRan = made), 0);
    const text = await new Response(streamText(pieces())).text();
    expect(text.split("\n").slice(0, 3)).toEqual(["0", "1", "2"]);
    expect(text.split("\n")).toHaveLength(501);
    // Sent without handing the loop back, the timer ran only after the whole body (as every other
    // request waited for it); now after the first pieces.
    expect(madeWhenTimerRan).toBeGreaterThan(0);
    expect(madeWhenTimerRan).toBeLessThan(10);
  });
});
