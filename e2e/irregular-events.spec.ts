import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { forecastOnServer, uploadCsv } from "./helpers";

const FIXTURES = path.join(import.meta.dirname, "..", "tests", "fixtures", "analyst-exports");
const STRIPE = fs.readFileSync(path.join(FIXTURES, "stripe-balance-itemized.csv"));

test("Stripe's charges at irregular times: the panel says before Train to group them by a period, Train and the API refuse, grouped by day they are forecast", async ({ page, request }) => {
  const charges = await uploadCsv(request, "stripe-balance-itemized", STRIPE);
  await page.goto(`/datasets/${charges.id}`);
  const form = page.getByRole("form", { name: "Training settings" });
  const note = form.getByTestId("irregular-events-note");
  await expect(note).toContainText('Series "gross" holds events at irregular times (a row per transaction or order), not readings at a regular step');
  await expect(note).toContainText('choose Day or Week under "Group rows by" in the import preview');
  await page.screenshot({ path: "test-results/irregular-events-panel.png", fullPage: true });

  await form.getByRole("button", { name: "Train forecast" }).click();
  await expect(form.getByRole("alert")).toContainText('Series "gross" holds events at irregular times');
  await expect(page.getByRole("progressbar", { name: "Training progress" })).toHaveCount(0);

  const refused = await request.post(`/api/datasets/${charges.id}/forecast`, { data: { horizon: 10 } });
  expect(refused.status()).toBe(422);
  expect(((await refused.json()) as { error: string }).error).toMatch(/^The series "gross", "fee", "net", "customer_facing_amount" hold events at irregular times .*\(API: `"aggregate": \{ "period": "day" \}` in the upload's options; CLI: `--aggregate day`\)\.$/);

  // Imported again grouped by day, as the message says: 14 daily totals (1–14 June), short enough for Theta, nothing to warn of.
  const daily = await uploadCsv(request, "stripe-by-day", STRIPE, { aggregate: { period: "day" } });
  await page.goto(`/datasets/${daily.id}`);
  await expect(page.getByRole("heading", { name: "gross" }).locator("xpath=..")).toContainText("14 points · daily");
  await expect(page.getByRole("form", { name: "Training settings" }).getByRole("button", { name: "Forecast with Theta" })).toBeVisible();
  await expect(page.getByTestId("irregular-events-note")).toHaveCount(0);
});

test("a saved model is not applied to events at irregular times: the model form refuses with the panel's sentence", async ({ page, request }) => {
  // A model trained on a daily series named as Stripe's first column, so that it matches it by name.
  const days = Array.from({ length: 120 }, (_, i) => `${new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10)},${100 + (i % 7) * 10 + (i % 5)}`);
  const daily = await uploadCsv(request, "gross-daily", ["date,gross", ...days].join("\n"));
  const runId = await forecastOnServer(request, daily.id, { horizon: 7, config: { epochs: 2, units: 4, ensembleSize: 1, patience: 2 } });
  const zip = await request.get(`/api/runs/${runId}/model.zip`);
  expect(zip.status()).toBe(200);

  const charges = await uploadCsv(request, "stripe-balance-itemized", STRIPE);
  await page.goto(`/datasets/${charges.id}`);
  const form = page.getByRole("form", { name: "Forecast with a saved model" });
  await page.getByLabel("Choose a model file").setInputFiles({ name: "gross_model.zip", mimeType: "application/zip", buffer: await zip.body() });
  await expect(page.getByTestId("model-summary")).toContainText("Trained on gross");
  await form.getByRole("button", { name: "Forecast with this model" }).click();
  await expect(form.getByRole("alert")).toContainText('Series "gross" holds events at irregular times (a row per transaction or order), not readings at a regular step');
  await expect(form.getByRole("alert")).toContainText('choose Day or Week under "Group rows by" in the import preview');
  await expect(page.getByTestId("model-forecast-note")).toHaveCount(0);
});

test("a logger a second or two off its 10-minute grid is still forecast on its step: no note before Train", async ({ page, request }) => {
  let seed = 3;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const late = fs
    .readFileSync(path.join(FIXTURES, "sensor-log.csv"), "utf8")
    .replace(/(\d{4}-\d\d-\d\dT\d\d:\d\d:)00Z/g, (_, minute: string) => `${minute}0${Math.floor(random() * 3)}Z`);
  const logger = await uploadCsv(request, "sensor-log-late", late);
  const stored = (await (await request.get(`/api/datasets/${logger.id}`)).json()) as { series: { frequency: { kind: string; events?: boolean } }[] };
  expect(stored.series[0]?.frequency.kind).toBe("irregular");
  expect(stored.series[0]?.frequency.events).toBeUndefined();
  await page.goto(`/datasets/${logger.id}`);
  await expect(page.getByRole("form", { name: "Training settings" }).getByRole("button", { name: "Train forecast" })).toBeVisible();
  await expect(page.getByTestId("irregular-events-note")).toHaveCount(0);
});
