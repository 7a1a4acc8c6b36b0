import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";

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
