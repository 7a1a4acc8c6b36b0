import { expect, test } from "@playwright/test";

test("runs API: 404 for unknown ids, 400/422 for bad bodies", async ({ request }) => {
  expect((await request.get("/api/runs/nope")).status()).toBe(404);
  expect(await (await request.get("/api/runs/nope")).json()).toEqual({ error: expect.stringContaining("no run") });
  expect((await request.delete("/api/runs/nope")).status()).toBe(404);
  expect((await request.get("/api/runs/nope/model")).status()).toBe(404);
  expect((await request.get("/api/datasets/nope/runs")).status()).toBe(404);

  const { datasets } = (await (await request.get("/api/datasets")).json()) as { datasets: { id: string }[] };
  const id = datasets[0]?.id;
  expect(id).toBeTruthy();
  const list = await request.get(`/api/datasets/${id}/runs`);
  expect(list.status()).toBe(200);
  expect(await list.json()).toEqual({ runs: expect.any(Array), total: expect.any(Number) });

  const notMultipart = await request.post(`/api/datasets/${id}/runs`, { data: { hello: 1 } });
  expect(notMultipart.status()).toBe(400);
  const badJson = await request.post(`/api/datasets/${id}/runs`, { multipart: { run: "{not json" } });
  expect(badJson.status()).toBe(400);
  const invalid = await request.post(`/api/datasets/${id}/runs`, { multipart: { run: JSON.stringify({ status: "done" }) } });
  expect(invalid.status()).toBe(422);
  expect((await invalid.json()).error).toMatch(/not valid/);
});
