import { describe, expect, it } from "vitest";
import { readLimitedForm, readLimitedText } from "./upload-limit";

const MB = 1024 * 1024;
const errors = {
  tooLarge: () => new Error("too large"),
  cutOff: () => new Error("cut off"),
  unreadable: () => new Error("unreadable"),
};

/** A chunked request whose body is `chunks` megabytes of one form field (never ending when Infinity); `pulled` counts what was read. */
function chunkedForm(chunks: number) {
  const boundary = "b0undary";
  const encoder = new TextEncoder();
  const state = { pulled: 0 };
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      state.pulled++;
      if (sent === 0) controller.enqueue(encoder.encode(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n`));
      if (sent === chunks) {
        controller.enqueue(encoder.encode(`\r\n--${boundary}--\r\n`));
        return controller.close();
      }
      sent++;
      controller.enqueue(new Uint8Array(MB).fill(0x31));
    },
  });
  const request = new Request("http://localhost/api/datasets", {
    method: "POST",
    body,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    duplex: "half",
  } as RequestInit);
  return { request, state };
}

it.each([
  ["readLimitedForm", readLimitedForm],
  ["readLimitedText", readLimitedText],
] as const)("%s refuses a body without Content-Length as soon as it passes the limit, without reading the rest", async (_, read) => {
  const { request, state } = chunkedForm(Number.POSITIVE_INFINITY);
  await expect(read(request, 3 * MB, errors)).rejects.toThrow("too large");
  expect(state.pulled).toBeLessThan(10);
});

describe("readLimitedForm", () => {
  it("reads a form within the limit", async () => {
    const { request } = chunkedForm(2);
    const form = await readLimitedForm(request, 3 * MB, errors);
    expect((form.get("file") as File).size).toBe(2 * MB);
  });

  it.each([
    ["a body that is not multipart", new Request("http://localhost/", { method: "POST", body: "x", headers: { "content-type": "multipart/form-data; boundary=zz" } })],
    ["no body", new Request("http://localhost/", { method: "POST", headers: { "content-type": "multipart/form-data; boundary=zz" } })],
  ])("answers unreadable() for %s", async (_, request) => {
    await expect(readLimitedForm(request, MB, errors)).rejects.toThrow("unreadable");
  });
});

describe("readLimitedText", () => {
  it("reads a body within the limit, characters split across chunks included", async () => {
    const bytes = new TextEncoder().encode('{"name": "Süd"}');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        // The ü's two bytes in two chunks.
        controller.enqueue(bytes.slice(0, 12));
        controller.enqueue(bytes.slice(12));
        controller.close();
      },
    });
    const request = new Request("http://localhost/api", { method: "POST", body, duplex: "half" } as RequestInit);
    expect(await readLimitedText(request, 64, errors)).toBe('{"name": "Süd"}');
  });
});
