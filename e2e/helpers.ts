import fs from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";

export const MONTHLY = path.join(import.meta.dirname, "fixtures", "monthly-visitors.csv");

/** Uploads a fixture (under another file name when given) and waits for its dataset page. */
export async function upload(page: Page, file: string, name?: string) {
  await page.goto("/");
  await page.getByLabel("Upload CSV").setInputFiles(name ? { name, mimeType: "text/csv", buffer: fs.readFileSync(file) } : file);
  await page.getByRole("button", { name: "Import 1 series" }).click();
  await page.waitForURL(/\/datasets\/[a-z0-9]+$/);
}

/** Small settings so a run takes seconds on two cores. */
export async function smallSettings(page: Page, values: Record<string, string>) {
  await page.getByText("Advanced settings").click();
  for (const [label, value] of Object.entries(values)) await page.getByLabel(label, { exact: true }).fill(value);
}

/** Imports the previewed single series, waits for its dataset page and reads the values stored. */
export async function importAndReadValues(page: Page, request: APIRequestContext): Promise<(number | null)[]> {
  await page.getByTestId("import-preview").getByRole("button", { name: "Import 1 series" }).click();
  await page.waitForURL(/\/datasets\/[a-z0-9]+$/);
  const datasetId = page.url().split("/").pop() as string;
  const dataset = (await (await request.get(`/api/datasets/${datasetId}`)).json()) as { series: { id: string }[] };
  const points = (await (await request.get(`/api/datasets/${datasetId}/series/${dataset.series[0]?.id}/points`)).json()) as { y: (number | null)[] };
  return points.y;
}

/** Uploads a CSV through the API (multipart), as dataset `name`. */
export async function uploadCsv(request: APIRequestContext, name: string, buffer: Buffer | string, options: object = {}): Promise<{ id: string; series: { id: string }[] }> {
  const response = await request.post("/api/datasets", {
    multipart: { file: { name: `${name}.csv`, mimeType: "text/csv", buffer: Buffer.from(buffer) }, name, options: JSON.stringify(options) },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; series: { id: string }[] };
}

/** Polls a run until it is no longer queued or running (90 s at most). */
export async function waitForRun(request: APIRequestContext, id: string): Promise<{ status: string; [key: string]: unknown }> {
  for (const until = Date.now() + 90_000; Date.now() < until; await new Promise((resolve) => setTimeout(resolve, 250))) {
    const run = (await (await request.get(`/api/runs/${id}`)).json()) as { status: string };
    if (run.status !== "queued" && run.status !== "running") return run;
  }
  throw new Error(`run ${id} did not finish`);
}

/** Forecasts on the server (POST /api/datasets/<id>/forecast), waits for the run and returns its id. */
export async function forecastOnServer(request: APIRequestContext, datasetId: string, body: object): Promise<string> {
  const started = await request.post(`/api/datasets/${datasetId}/forecast`, { data: body });
  expect(started.status()).toBe(202);
  const { id } = (await started.json()) as { id: string };
  expect((await waitForRun(request, id)).status).toBe("done");
  return id;
}

/**
 * Elements whose right edge passes the window's, outside the tables meant to scroll sideways
 * (`.table-wrap`, whose scrolling is their own), and the page's own sideways scroll.
 */
export async function overflow(page: Page): Promise<{ pageScroll: number; wide: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide: string[] = [];
    for (const el of document.querySelectorAll("body *")) {
      if (el.closest(".table-wrap")) continue;
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > width + 1) wide.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${[...el.classList].join(".")} ends at ${Math.round(box.right)} px`);
    }
    return { pageScroll: document.documentElement.scrollWidth - width, wide };
  });
}

/**
 * The epoch labels of a loss chart (`selector` inside `chart`), left to right, read in one pass so
 * that a live chart redrawing between reads cannot mix two drawings; each neighbouring pair must
 * leave a gap at least as wide as the wider label (`15` and `16` sat 8 px apart).
 */
export async function expectEpochLabelsApart(chart: Locator, selector: string, what: string): Promise<string[]> {
  const labels = await chart.evaluate(
    (el, sel) =>
      [...el.querySelectorAll(sel)]
        .map((t) => {
          const box = t.getBoundingClientRect();
          return { label: t.textContent ?? "", left: box.left, right: box.right, width: box.width };
        })
        .sort((a, b) => a.left - b.left),
    selector,
  );
  expect(labels.length, what).toBeGreaterThan(1);
  for (let i = 1; i < labels.length; i++) {
    const [a, b] = [labels[i - 1], labels[i]] as [(typeof labels)[number], (typeof labels)[number]];
    expect(a.width, `${what}: ${a.label} is drawn`).toBeGreaterThan(0);
    expect(b.left - a.right, `${what}: room between ${a.label} and ${b.label}`).toBeGreaterThanOrEqual(Math.max(a.width, b.width));
  }
  return labels.map((l) => l.label);
}
