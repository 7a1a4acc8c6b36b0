import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, fetchApi, readJson } from "./api-client";

describe("readJson", () => {
  it("returns the body of a successful answer", async () => {
    await expect(readJson(Response.json({ id: "a" }))).resolves.toEqual({ id: "a" });
  });

  it.each([
    ["the server's sentence", Response.json({ error: "There is no run with id `x`." }, { status: 404 }), "There is no run with id `x`.", 404],
    ["a status without a sentence", Response.json({}, { status: 500 }), "Loading Sales failed (HTTP 500).", 500],
    ["a body that is not JSON", new Response("<html>Bad gateway</html>", { status: 502 }), "Loading Sales failed (HTTP 502).", 502],
  ])("throws %s, with the status", async (_, response, message, status) => {
    const thrown = await readJson(response, "Loading Sales").catch((err: unknown) => err);
    expect(thrown).toBeInstanceOf(ApiError);
    expect(thrown).toMatchObject({ message, status });
  });
});

describe("fetchApi", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("says which request got no answer and what to check, instead of 'Failed to fetch'", async () => {
    vi.stubGlobal("fetch", () => Promise.reject(new TypeError("Failed to fetch")));
    const thrown = await fetchApi("/api/datasets", undefined, "Loading Sales").catch((err: unknown) => err);
    expect(thrown).toBeInstanceOf(ApiError);
    expect(thrown).toMatchObject({ status: 0, message: "Loading Sales failed: the server could not be reached. Check the network connection and that Tidecast is running, then try again." });
  });

  it("passes an answer through, whatever its status", async () => {
    vi.stubGlobal("fetch", () => Promise.resolve(new Response(null, { status: 503 })));
    expect((await fetchApi("/api/datasets", undefined, "Loading")).status).toBe(503);
  });
});
