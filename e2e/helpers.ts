import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";

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
