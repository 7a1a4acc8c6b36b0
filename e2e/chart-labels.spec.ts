import fs from "node:fs";
import { expect, test, type Locator } from "@playwright/test";
import { formatAxisValue, formatTimeLabel } from "../lib/chart/format-time-label";
import { forecastOnServer, MONTHLY, uploadCsv } from "./helpers";

/** Settings that train in a second or two on the server. */
const TINY = { epochs: 3, units: 4, ensembleSize: 1, patience: 3 };

type Box = { x: number; y: number; width: number; height: number };

/** The on-screen box of an element, failing the test when it has none. */
async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  return box as Box;
}

/** A label is readable when its whole box lies inside the chart's drawing (SVG), which clips the rest. */
function expectInside(label: Box, chart: Box) {
  expect(label.x).toBeGreaterThanOrEqual(chart.x);
  expect(label.x + label.width).toBeLessThanOrEqual(chart.x + chart.width);
}

/** Whether `label` is painted over `control` (SVG paints in document order): a date over the brush must not be hidden under it. */
async function paintedOver(label: Locator, control: Locator): Promise<boolean> {
  const below = await control.elementHandle();
  return label.evaluate((el, other) => !!other && (other.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0, below);
}

test.describe("chart labels", () => {
  let datasetId = "";
  let runId = "";

  test.beforeAll(async ({ request }) => {
    const dataset = await uploadCsv(request, "chart-labels-visitors", fs.readFileSync(MONTHLY));
    datasetId = dataset.id;
    runId = await forecastOnServer(request, datasetId, { horizon: 12, config: { ...TINY, seed: 1 } });
  });

  for (const viewport of [
    { width: 1280, height: 900 },
    { width: 390, height: 844 },
  ]) {
    test(`the zoom handles' dates are whole at any position, ${viewport.width} px wide`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.goto(`/datasets/${datasetId}?run=${runId}`);
      const chart = page.getByTestId("forecast-chart");
      const drawing = chart.locator("svg").first();
      // The dates by the handles (the axis may show the same months).
      const dates = chart.getByTestId("zoom-dates");
      const start = chart.getByRole("slider", { name: /^Zoom start: / });
      const end = chart.getByRole("slider", { name: /^Zoom end: / });
      await expect(end).toHaveCount(1);
      const dateOf = async (attribute: string) => formatTimeLabel(Number(await chart.getAttribute(attribute)), "monthly", true);

      // The end handle opens at the right edge, where the plot ends 20 px before the chart does.
      await end.focus();
      const endDate = dates.getByText(await dateOf("data-window-to"), { exact: true });
      await expect(endDate).toBeVisible();
      expectInside(await boxOf(endDate), await boxOf(drawing));
      expect(await paintedOver(endDate, end)).toBe(true);

      // The start handle walked to the end: a window of the last two months, both dates whole and apart.
      await start.focus();
      for (let i = 0; i < 100; i++) await page.keyboard.press("ArrowRight");
      await expect(chart).toHaveAttribute("data-window-from", String(Date.UTC(2022, 10, 1)));
      const first = dates.getByText(await dateOf("data-window-from"), { exact: true });
      const last = dates.getByText(await dateOf("data-window-to"), { exact: true });
      await expect(first).toBeVisible();
      await expect(last).toBeVisible();
      const chartBox = await boxOf(drawing);
      const firstBox = await boxOf(first);
      const lastBox = await boxOf(last);
      expectInside(firstBox, chartBox);
      expectInside(lastBox, chartBox);
      expect(firstBox.x + firstBox.width).toBeLessThanOrEqual(lastBox.x);
      expect(await paintedOver(first, end)).toBe(true);
    });

    test(`the forecast marker's label stays off the value axis at the window's left edge, ${viewport.width} px wide`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.goto(`/datasets/${datasetId}?run=${runId}`);
      const chart = page.getByTestId("forecast-chart");
      const drawing = chart.locator("svg").first();
      // Zoom in until the window starts at the last observed month: the marker is the plot's left edge.
      const historyEnd = String(Date.UTC(2021, 11, 1));
      await chart.getByRole("slider", { name: /^Zoom start: / }).focus();
      for (let i = 0; i < 100 && (await chart.getAttribute("data-window-from")) !== historyEnd; i++) await page.keyboard.press("ArrowRight");
      await expect(chart).toHaveAttribute("data-window-from", historyEnd);
      const label = drawing.getByText("Forecast from Jan 2022", { exact: true });
      await expect(label).toBeVisible();
      const labelBox = await boxOf(label);
      expectInside(labelBox, await boxOf(drawing));
      // The value axis's labels end where the plot begins: the marker's label starts after them.
      const ticks = ((await chart.getAttribute("data-value-ticks")) ?? "").split(" ").map(Number);
      const step = (ticks[1] as number) - (ticks[0] as number);
      for (const tick of ticks) {
        const box = await boxOf(drawing.getByText(formatAxisValue(tick, step), { exact: true }));
        expect(labelBox.x).toBeGreaterThanOrEqual(box.x + box.width);
      }
    });
  }
});
