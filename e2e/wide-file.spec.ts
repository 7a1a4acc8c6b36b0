import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { forecastOnServer, uploadCsv } from "./helpers";

/**
 * A wide file as analysts export it: a month column and 60 product columns (`North Wine` …
 * `Coast Milk`), ten years each. The columns are real monthly series of bench/ (births, CO2,
 * Australian gas, air passengers, wine sales, Nottingham temperatures, employment, unemployment,
 * stock prices), windows of 120 months re-dated to 2015–2024.
 */
const WIDE = fs.readFileSync(path.join(import.meta.dirname, "fixtures", "wide-drinks-60.csv"));

/** Six of the products: enough for a run of "several" series, forecast with Theta in a second or two. */
const SIX = ["North Wine", "North Beer", "North Cider", "North Spirits", "North Water", "North Juice"];
/** Longer than half the 120 months: every series is too short for the LSTM, so the run forecasts at once, without a network. */
const THETA_HORIZON = 60;

async function wideDataset(request: APIRequestContext) {
  const dataset = (await uploadCsv(request, "Drinks", WIDE)) as { id: string; series: { id: string; name: string }[] };
  expect(dataset.series).toHaveLength(60);
  const seriesIds = SIX.map((name) => dataset.series.find((s) => s.name === name)?.id);
  return { datasetId: dataset.id, seriesIds };
}

/** The dataset, a global and a per-series run of SIX, and the page open on the global run. */
async function openRuns(page: Page, request: APIRequestContext) {
  const { datasetId, seriesIds } = await wideDataset(request);
  const global = await forecastOnServer(request, datasetId, { seriesIds, horizon: THETA_HORIZON, mode: "global" });
  const perSeries = await forecastOnServer(request, datasetId, { seriesIds, horizon: THETA_HORIZON, mode: "per-series" });
  await page.goto(`/datasets/${datasetId}?run=${global}`);
  return { global, perSeries, result: page.getByRole("region", { name: "Forecast", exact: true }) };
}

test("a run of six of 60 series is headed by their count and a few names, not every name", async ({ page, request }) => {
  const { result } = await openRuns(page, request);
  await expect(result.getByText("6 series: North Wine, North Beer, North Cider and 3 more · 60 months ahead", { exact: true })).toBeVisible();
});

test("every stored series of a wide file is drawn in the history colour, none in the forecast's", async ({ page, request }) => {
  const { datasetId } = await wideDataset(request);
  await page.goto(`/datasets/${datasetId}`);
  const lines = page.getByTestId("series-chart").locator("path.recharts-line-curve");
  await expect(lines.nth(3)).toBeVisible();
  // The palette cycled before: North Beer, the second, was drawn in the forecast's orange.
  const strokes = await lines.evaluateAll((paths) => paths.slice(0, 4).map((p) => p.getAttribute("stroke")));
  expect(strokes).toEqual(["var(--series-1)", "var(--series-1)", "var(--series-1)", "var(--series-1)"]);
});

test("the runs list says which model each run of several series trained, on a line the names do not cut off", async ({ page, request }) => {
  const { global, perSeries } = await openRuns(page, request);
  const runs = page.getByRole("table", { name: "Saved runs" });
  for (const [id, mode] of [
    [global, "one global model"],
    [perSeries, "a model per series"],
  ] as const) {
    const cell = runs.locator(`tr[data-run-id="${id}"]`).getByRole("cell").filter({ hasText: "6 series: North Wine" });
    const modeText = cell.getByText(mode, { exact: true });
    await expect(modeText).toBeVisible();
    const [cellBox, modeBox] = [await cell.boundingBox(), await modeText.boundingBox()];
    expect(modeBox && cellBox && modeBox.x + modeBox.width <= cellBox.x + cellBox.width).toBe(true);
  }
});

for (const width of [1024, 390]) {
  test(`at ${width} px a run of several series keeps 'mean' on its MASE's line`, async ({ page, request }) => {
    // Each run is a block there, its cells flex columns: the figure and "mean" took a line each.
    await page.setViewportSize({ width, height: 800 });
    const { global } = await openRuns(page, request);
    const cell = page.getByRole("table", { name: "Saved runs" }).locator(`tr[data-run-id="${global}"]`).getByRole("cell", { name: /^MASE/ });
    const mean = cell.getByText("mean", { exact: true });
    await expect(mean).toBeVisible();
    // Both tops in one synchronous read: the page still settles above the list (charts drawing),
    // and measured one after the other they were once 370 px apart on one line.
    const apart = await cell.evaluate((td) => {
      const topOf = (test: (text: string) => boolean) => {
        const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
        let node = walker.nextNode();
        while (node && !test((node.textContent ?? "").trim())) node = walker.nextNode();
        const range = document.createRange();
        range.selectNodeContents(node as Node);
        return range.getBoundingClientRect().top;
      };
      // The figure's own text ("1.234") and "mean", wherever the markup puts them.
      return Math.abs(topOf((text) => text === "mean") - topOf((text) => /^\d/.test(text)));
    });
    expect(apart).toBeLessThanOrEqual(2);
  });
}

test("the chart image of one series of a run is named after that series; the forecast CSV after the run's series", async ({ page, request }) => {
  const { result } = await openRuns(page, request);
  await result.getByRole("combobox", { name: "Series", exact: true }).selectOption({ label: "North Juice" });
  const exportBar = page.getByRole("group", { name: "Export" });
  for (const [button, extension] of [
    ["Chart PNG", "png"],
    ["Chart SVG", "svg"],
  ] as const) {
    const [download] = await Promise.all([page.waitForEvent("download"), exportBar.getByRole("button", { name: button }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^drinks_north-juice_chart_\\d{4}-\\d{2}-\\d{2}\\.${extension}$`));
  }
  const [csv] = await Promise.all([page.waitForEvent("download"), exportBar.getByRole("button", { name: "Export CSV" }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^drinks_6-series_forecast_/);
});

test("a run with a network per series: the loss chart shows the network of the series shown, and its menu names each by its series", async ({ page, request }) => {
  const { datasetId, seriesIds } = await wideDataset(request);
  const run = await forecastOnServer(request, datasetId, {
    seriesIds: seriesIds.slice(0, 3),
    horizon: 12,
    mode: "per-series",
    config: { epochs: 2, units: 4, ensembleSize: 1, patience: 2 },
  });
  await page.goto(`/datasets/${datasetId}?run=${run}`);
  const result = page.getByRole("region", { name: "Forecast", exact: true });
  const model = page.getByTestId("loss-chart").getByRole("combobox", { name: "Model" });
  await expect(model.getByRole("option")).toHaveText(["North Wine (1 of 3)", "North Beer (2 of 3)", "North Cider (3 of 3)"]);
  await expect(model.locator("option:checked")).toHaveText("North Wine (1 of 3)");
  await result.getByRole("combobox", { name: "Series", exact: true }).selectOption({ label: "North Beer" });
  await expect(model.locator("option:checked")).toHaveText("North Beer (2 of 3)");
});

test("a run of several series lists each one's recommended forecast and scores, worst first on request, and shows the one picked from the list", async ({ page, request }) => {
  const { result, global } = await openRuns(page, request);
  const run = (await (await request.get(`/api/runs/${global}`)).json()) as { series: { name: string; chosen: string; metrics: Record<string, { mase: number | null }> }[] };
  const mase = (s: (typeof run.series)[number]) => s.metrics[s.chosen]?.mase ?? Number.NEGATIVE_INFINITY;
  const worst = [...run.series].sort((a, b) => mase(b) - mase(a))[0] as (typeof run.series)[number];

  const overview = result.getByTestId("series-overview");
  await overview.getByText("All 6 series: recommended forecast and backtest scores").click();
  const table = overview.getByRole("table", { name: "Series of this run" });
  await expect(table.getByRole("rowheader")).toHaveText(SIX);
  await overview.getByRole("combobox", { name: "Order" }).selectOption({ label: "Highest MASE first" });
  const first = table.getByRole("row").nth(1);
  await expect(first.getByRole("rowheader")).toHaveText(worst.name);
  await expect(first.getByRole("cell").nth(1)).toHaveText((worst.metrics[worst.chosen]?.mase as number).toFixed(3));

  // Its name, from the keyboard, shows that series' forecast and backtest.
  await first.getByRole("button", { name: `Show ${worst.name}` }).focus();
  await page.keyboard.press("Enter");
  await expect(result.getByRole("combobox", { name: "Series", exact: true }).locator("option:checked")).toHaveText(worst.name);
  await expect(result.getByRole("table", { name: `Backtest of ${worst.name}` })).toBeVisible();
  await expect(first).toHaveAttribute("aria-current", "true");
});
