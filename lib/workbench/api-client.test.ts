import { describe, expect, it } from "vitest";
import { readJson } from "./api-client";

describe("readJson", () => {
  it("returns the body of a successful answer", async () => {
    await expect(readJson(Response.json({ id: "a" }))).resolves.toEqual({ id: "a" });
  });

  it.each([
    ["the server's sentence", Response.json({ error: "There is no run with id `x`." }, { status: 404 }), "There is no run with id `x`."],
    ["a status without a sentence", Response.json({}, { status: 500 }), "Loading Sales failed (HTTP 500)."],
    ["a body that is not JSON", new Response("<html>Bad gateway</html>", { status: 502 }), "Loading Sales failed (HTTP 502)."],
  ])("throws %s", async (_, response, message) => {
    await expect(readJson(response, "Loading Sales")).rejects.toThrow(message);
  });
});
