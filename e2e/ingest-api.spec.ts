import http from "node:http";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { MALFORMED } from "../tests/fixtures/malformed-files";

/** Datasets stored now; robust to other tests' datasets (only the difference is compared). */
async function datasetCount(request: APIRequestContext): Promise<number> {
  const response = await request.get("/api/datasets");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { datasets: unknown[] }).datasets.length;
}

test.describe("malformed uploads answer 4xx with the exact error, store nothing, and the server stays up", () => {
  for (const [name, bytes, error] of MALFORMED) {
    test(name, async ({ request }) => {
      const before = await datasetCount(request);
      const multipart = await request.post("/api/datasets", {
        multipart: { file: { name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(bytes) } },
      });
      expect(multipart.status()).toBe(422);
      expect(await multipart.json()).toEqual({ error });
      const streamed = await request.post("/api/datasets?fileName=bad.csv", { data: Buffer.from(bytes), headers: { "content-type": "text/csv" } });
      expect(streamed.status()).toBe(422);
      expect(await streamed.json()).toEqual({ error });
      expect(await datasetCount(request)).toBe(before);
    });
  }

  test("too large: 413 above MAX_UPLOAD_MB (100 MB by default)", async ({ request }) => {
    const before = await datasetCount(request);
    const big = Buffer.alloc(101 * 1024 * 1024, "2024-01-01,1\n");
    const response = await request.post("/api/datasets?fileName=big.csv", { data: big, headers: { "content-type": "text/csv" } });
    expect(response.status()).toBe(413);
    expect(await response.json()).toEqual({ error: "The file is larger than the 100 MB upload limit. Split it, or raise MAX_UPLOAD_MB on the server." });
    expect(await datasetCount(request)).toBe(before);
  });
});

test("an upload cut off halfway stores nothing and the server keeps answering", async ({ request, baseURL }) => {
  const before = await datasetCount(request);
  const rows = Array.from({ length: 200_000 }, (_, i) => `${new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString()},${i}`);
  const body = Buffer.from(`time,value\n${rows.join("\n")}\n`);
  const url = new URL("/api/datasets?fileName=cut.csv", baseURL);
  await new Promise<void>((resolve) => {
    const req = http.request(url, { method: "POST", headers: { "content-type": "text/csv", "content-length": body.length } });
    req.on("error", () => resolve());
    req.on("response", (response) => {
      response.resume();
      resolve();
    });
    // Half the file, then the connection drops (a closed laptop, a lost network).
    req.write(body.subarray(0, body.length >> 1), () => setTimeout(() => req.destroy(), 200));
  });
  // Give the server a moment to notice the dropped connection and give up on the import.
  await expect.poll(async () => datasetCount(request), { timeout: 10_000 }).toBe(before);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(await datasetCount(request)).toBe(before);
  const ok = await request.post("/api/datasets?fileName=after.csv", { data: "date,v\n2024-01-01,1\n2024-01-02,2\n", headers: { "content-type": "text/csv" } });
  expect(ok.status()).toBe(201);
});
