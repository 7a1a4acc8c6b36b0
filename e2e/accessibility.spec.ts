import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { forecastOnServer, MONTHLY, smallSettings, uploadCsv } from "./helpers";

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA: what the team's accessibility rule holds the app to. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/** Runs axe over the whole page and fails naming each violation: its rule, help text and elements. */
async function expectNoAxeViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const report = violations.map(
    (v) => `${v.id} (${v.impact ?? "?"}): ${v.help} [${v.helpUrl}]\n${v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.replace(/\n\s*/g, " ") ?? ""}`).join("\n")}`,
  );
  // The report itself is compared, so a failure prints it rather than axe's nested result objects;
  // soft, so one run names what axe finds in every later state of the page too.
  expect.soft(report, `axe found on ${what}`).toEqual([]);
}

/** The dataset page's charts are drawn after hydration (a deferred render): wait for their drawings. */
async function waitForSeriesCharts(page: Page) {
  const charts = page.getByTestId("series-chart");
  await expect(charts.first()).toBeVisible();
  await expect(charts.first().locator("svg").first()).toBeVisible();
}

test("axe: the home page, with its datasets and an import preview", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("table", { name: "Datasets" })).toBeVisible();
  await expectNoAxeViolations(page, "the home page");

  await page.getByLabel("Upload CSV").setInputFiles(MONTHLY);
  await expect(page.getByTestId("import-preview")).toBeVisible();
  await expect(page.getByRole("button", { name: "Import 1 series" })).toBeEnabled();
  await expectNoAxeViolations(page, "the import preview");
});

test("axe: the home page's datasets a page at a time, found by name, and a find that matches none", async ({ page, request }) => {
  const csv = fs.readFileSync(MONTHLY);
  for (let i = 1; i <= 26; i++) await uploadCsv(request, `a11y-page ${i}`, csv);
  await page.goto("/?page=2");
  await expect(page.getByRole("navigation", { name: "Pages of datasets" })).toBeVisible();
  await expectNoAxeViolations(page, "the datasets' second page");
  await page.goto(`/?find=${encodeURIComponent("no such dataset")}`);
  await expect(page.getByText("No dataset matches “no such dataset”")).toBeVisible();
  await expectNoAxeViolations(page, "a find that matches no dataset");
});

test("axe: an import preview that refuses a row far below its first rows, shown with its marked cell", async ({ page }) => {
  const lines = ["date,sales", ...Array.from({ length: 60 }, (_, d) => `${new Date(Date.UTC(2020, 0, 1 + d)).toISOString().slice(0, 10)},${d === 40 ? "1O" : d}`)];
  await page.goto("/");
  await page.getByLabel("Upload CSV").setInputFiles({ name: "refused.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) });
  await expect(page.getByRole("cell", { name: "1O (the cell the upload is refused for)" })).toBeVisible();
  await expectNoAxeViolations(page, "the import preview with a refused row");
});

test("axe: a dataset page, its training panel, a run training and stopped, a finished run, two runs compared", async ({ page, request }) => {
  const dataset = await uploadCsv(request, "a11y-visitors", fs.readFileSync(MONTHLY));
  await page.goto("/");
  await page.getByRole("link", { name: "a11y-visitors", exact: true }).click();
  await page.waitForURL(`**/datasets/${dataset.id}`);
  await waitForSeriesCharts(page);
  await expectNoAxeViolations(page, "the dataset page");

  // Many epochs and no early stop: the run is still training while axe reads the page.
  await smallSettings(page, { "Max epochs": "400", "LSTM units": "8", "Ensemble size": "1", "Patience (epochs)": "400" });
  await expectNoAxeViolations(page, "the training panel with its advanced settings open");

  await page.getByRole("button", { name: "Train forecast" }).click();
  const bar = page.getByRole("progressbar", { name: "Training progress" });
  await expect(bar).toHaveAttribute("aria-valuetext", /epoch ([3-9]|\d\d+) of up to 400/, { timeout: 60_000 });
  await expect(page.getByTestId("live-loss-frame").getByRole("img")).toBeVisible();
  await expectNoAxeViolations(page, "a run while it trains");
  await page.getByRole("button", { name: "Stop" }).click();

  const result = page.getByTestId("run-result");
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("table", { name: /^Backtest of / })).toBeVisible();
  await expect(result.getByTestId("loss-chart")).toBeVisible();
  await expectNoAxeViolations(page, "a finished (stopped) run");

  // A second run, from the API, to compare with.
  await forecastOnServer(request, dataset.id, { horizon: 12, config: { epochs: 3, units: 4, ensembleSize: 1, patience: 3 } });
  await page.goto(`/datasets/${dataset.id}`);
  const compare = page.getByRole("table", { name: "Saved runs" }).getByRole("checkbox", { name: /^Compare run of / });
  await expect(compare).toHaveCount(2);
  await compare.nth(0).check();
  await compare.nth(1).check();
  await expect(page.getByTestId("run-compare")).toBeVisible();
  await waitForSeriesCharts(page);
  await expectNoAxeViolations(page, "two runs compared");
});

test("axe: the 404 pages (an unknown address, a missing dataset)", async ({ page }) => {
  for (const url of ["/no-such-page", "/datasets/no-such-dataset"]) {
    const response = await page.goto(url);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page, url);
  }
});
