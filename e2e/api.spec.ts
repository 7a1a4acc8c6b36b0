import { expect, test } from "@playwright/test";

const CSV = "month,visitors\n2023-01,120\n2023-02,135\n2023-03,150\n2023-04,149\n";

test("POST /api/datasets answers 201 with the stored dataset", async ({ request }) => {
  const response = await request.post("/api/datasets", {
    multipart: { file: { name: "visitors.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) }, name: "Visitors" },
  });
  expect(response.status()).toBe(201);
  const body = (await response.json()) as { id: string; name: string; pointCount: number; series: { name: string }[] };
  expect(body.name).toBe("Visitors");
  expect(body.pointCount).toBe(4);
  expect(body.series.map((s) => s.name)).toEqual(["visitors"]);

  const list = (await (await request.get("/api/datasets")).json()) as {
    datasets: { id: string; name: string; pointCount: number; start: string; end: string; createdAt: string }[];
  };
  const listed = list.datasets.find((d) => d.id === body.id);
  expect(listed).toMatchObject({ name: "Visitors", pointCount: 4, start: "2023-01-01T00:00:00.000Z", end: "2023-04-01T00:00:00.000Z" });
  expect(Date.parse(listed?.createdAt ?? "")).not.toBeNaN();

  const one = await request.get(`/api/datasets/${body.id}`);
  expect(one.status()).toBe(200);
  const dataset = (await one.json()) as { series: { id: string; name: string; pointCount: number; start: string; end: string }[] };
  expect(dataset.series[0]).toMatchObject({ name: "visitors", pointCount: 4, start: "2023-01-01T00:00:00.000Z", end: "2023-04-01T00:00:00.000Z" });
});

test("POST /api/datasets refuses bad uploads with a 4xx JSON error and stores nothing", async ({ request }) => {
  const count = async () => ((await (await request.get("/api/datasets")).json()) as { datasets: unknown[] }).datasets.length;
  const before = await count();

  const noFile = await request.post("/api/datasets", { multipart: { name: "nothing" } });
  expect(noFile.status()).toBe(400);
  expect(await noFile.json()).toEqual({ error: "No file was sent. Put the CSV in a form field named `file`." });

  const badValue = await request.post("/api/datasets", {
    multipart: { file: { name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from("date,sales\n2024-01-01,10\n2024-01-02,1x2\n") } },
  });
  expect(badValue.status()).toBe(422);
  expect(((await badValue.json()) as { error: string }).error).toBe(
    "Row 3, column `sales`: `1x2` is not a number. Correct it, or empty the cell to mark a missing value.",
  );

  const empty = await request.post("/api/datasets", {
    multipart: { file: { name: "empty.csv", mimeType: "text/csv", buffer: Buffer.alloc(0) } },
  });
  expect(empty.status()).toBe(422);
  expect(((await empty.json()) as { error: string }).error).toMatch(/empty/);

  expect(await count()).toBe(before);
});

test("GET /api/datasets/<id> answers 404 JSON for an unknown id", async ({ request }) => {
  const response = await request.get("/api/datasets/does-not-exist");
  expect(response.status()).toBe(404);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(await response.json()).toEqual({ error: "There is no dataset with id `does-not-exist`." });
});
