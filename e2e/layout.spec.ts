import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { forecastOnServer, MONTHLY, uploadCsv } from "./helpers";

/** Settings that train in a second or two on the server. */
const TINY = { epochs: 3, units: 4, ensembleSize: 1, patience: 3 };

/**
 * Elements whose right edge passes the window's, outside the tables meant to scroll sideways
 * (`.table-wrap`, whose scrolling is their own), and the page's own sideways scroll.
 */
async function overflow(page: Page): Promise<{ pageScroll: number; wide: string[] }> {
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

/** The backtest table against its box: how far it sticks out (0 when it fits), and its last header's right edge. */
async function tableFit(page: Page): Promise<{ hidden: number; lastHeaderInside: boolean }> {
  const table = page.getByRole("table", { name: /^Backtest of / });
  await expect(table).toBeVisible();
  return table.evaluate((el) => {
    const wrap = el.parentElement as HTMLElement;
    const headers = el.querySelectorAll("thead th");
    const last = headers[headers.length - 1]?.getBoundingClientRect();
    const cell = el.querySelector("tbody tr td:last-child")?.getBoundingClientRect();
    const box = wrap.getBoundingClientRect();
    return { hidden: wrap.scrollWidth - wrap.clientWidth, lastHeaderInside: !!last && !!cell && cell.right <= box.right + 0.5 && (last.width === 0 || last.right <= box.right + 0.5) };
  });
}

test.describe("layout", () => {
  let datasetId = "";
  let runs: string[] = [];

  test.beforeAll(async ({ request }) => {
    const dataset = await uploadCsv(request, "layout-visitors", fs.readFileSync(MONTHLY));
    datasetId = dataset.id;
    runs = [await forecastOnServer(request, datasetId, { horizon: 12, config: { ...TINY, seed: 1 } }), await forecastOnServer(request, datasetId, { horizon: 12, config: { ...TINY, seed: 2 } })];
  });

  test("at 390 px (a phone) nothing runs off the screen: the pages, a run, the comparison", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/");
    expect(await overflow(page)).toEqual({ pageScroll: 0, wide: [] });
    // The datasets table fits as it is: no sideways scrolling to reach a dataset's dates.
    const datasets = page.getByRole("table", { name: "Datasets" });
    expect(await datasets.evaluate((el) => (el.parentElement as HTMLElement).scrollWidth - (el.parentElement as HTMLElement).clientWidth)).toBe(0);
    await expect(datasets.getByRole("row").filter({ hasText: "layout-visitors" }).getByRole("cell").last()).toBeInViewport({ ratio: 1 });

    await page.goto(`/datasets/${datasetId}?run=${runs[0]}`);
    await expect(page.getByTestId("forecast-chart")).toBeVisible();
    await expect(page.getByRole("table", { name: /^Backtest of / })).toBeVisible();
    await expect(page.getByTestId("loss-chart")).toBeVisible();
    expect(await overflow(page)).toEqual({ pageScroll: 0, wide: [] });
    // The scores fit as they are, without scrolling sideways.
    expect(await tableFit(page)).toEqual({ hidden: 0, lastHeaderInside: true });
    // The panels stack: training above the result, each as wide as the other.
    const train = await page.getByRole("region", { name: "Train a forecast", exact: true }).boundingBox();
    const result = await page.getByRole("region", { name: "Forecast", exact: true }).boundingBox();
    expect(train && result && train.y + train.height <= result.y).toBe(true);
    expect(Math.abs((train?.width ?? 0) - (result?.width ?? 1))).toBeLessThan(1);

    // Each saved run is a block: its actions on screen without scrolling the table sideways.
    const savedRuns = page.getByRole("table", { name: "Saved runs" });
    expect(await savedRuns.evaluate((el) => (el.parentElement as HTMLElement).scrollWidth - (el.parentElement as HTMLElement).clientWidth)).toBe(0);
    const remove = savedRuns.getByRole("button", { name: /^Delete run of / }).first();
    await remove.scrollIntoViewIfNeeded();
    await expect(remove).toBeInViewport({ ratio: 1 });
    await expect(savedRuns.getByRole("cell", { name: /^MASE/ }).first()).toBeVisible();
    const compare = page.getByRole("table", { name: "Saved runs" }).getByRole("checkbox", { name: /^Compare run of / });
    await compare.nth(0).check();
    await compare.nth(1).check();
    await expect(page.getByTestId("run-compare")).toBeVisible();
    expect(await overflow(page)).toEqual({ pageScroll: 0, wide: [] });

    await page.goto("/datasets/nope");
    expect(await overflow(page)).toEqual({ pageScroll: 0, wide: [] });
  });

  test("at 1024 px the backtest table fits its column, every score visible", async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.goto(`/datasets/${datasetId}?run=${runs[0]}`);
    expect(await tableFit(page)).toEqual({ hidden: 0, lastHeaderInside: true });
    const last = page.getByRole("table", { name: /^Backtest of / }).getByRole("columnheader", { name: "95% cov." });
    await last.scrollIntoViewIfNeeded();
    // Wholly on screen: not cut off at the column's edge.
    await expect(last).toBeInViewport({ ratio: 1 });
    expect(await overflow(page)).toEqual({ pageScroll: 0, wide: [] });
  });
});
