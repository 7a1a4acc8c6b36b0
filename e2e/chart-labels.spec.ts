import fs from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
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

/** 18 years of monthly values, January 2004 to December 2021: a trend and a yearly wave. */
const EIGHTEEN_YEARS = [
  "month,sales",
  ...Array.from({ length: 216 }, (_, i) => `${2004 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")},${(1000 + 4 * i + 150 * Math.sin((2 * Math.PI * i) / 12)).toFixed(1)}`),
].join("\n");

/** The boxes of a chart's time-axis labels that are years ("2010"), left to right. */
async function yearLabels(drawing: Locator): Promise<{ year: number; box: Box }[]> {
  const labels = await drawing.getByText(/^(19|20)\d\d$/).all();
  const found = await Promise.all(labels.map(async (label) => ({ year: Number(await label.textContent()), box: await boxOf(label) })));
  return found.sort((a, b) => a.box.x - b.box.x);
}

/** How many pixels of a PNG have each of `colors` (nearly: lines are antialiased at their edges). */
async function countColors(page: Page, png: Buffer, colors: [number, number, number][]): Promise<number[]> {
  return page.evaluate(
    async ({ data, colors }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement("canvas");
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext("2d") as CanvasRenderingContext2D;
      context.drawImage(image, 0, 0);
      const px = context.getImageData(0, 0, image.width, image.height).data;
      return colors.map(([r, g, b]) => {
        let n = 0;
        for (let i = 0; i < px.length; i += 4) if (Math.abs((px[i] as number) - r) + Math.abs((px[i + 1] as number) - g) + Math.abs((px[i + 2] as number) - b) < 60) n++;
        return n;
      });
    },
    { data: png.toString("base64"), colors },
  );
}

test.describe("chart labels", () => {
  let datasetId = "";
  let runId = "";
  let longId = "";
  let longRunId = "";

  test.beforeAll(async ({ request }) => {
    const dataset = await uploadCsv(request, "chart-labels-visitors", fs.readFileSync(MONTHLY));
    datasetId = dataset.id;
    runId = await forecastOnServer(request, datasetId, { horizon: 12, config: { ...TINY, seed: 1 } });
    // The same settings and seed again: a second run whose forecast is the first one's.
    await forecastOnServer(request, datasetId, { horizon: 12, config: { ...TINY, seed: 1 } });
    longId = (await uploadCsv(request, "chart-labels-eighteen-years", EIGHTEEN_YEARS)).id;
    // Two years ahead: the chart opens on the whole history (a shorter forecast opens on its recent part).
    longRunId = await forecastOnServer(request, longId, { horizon: 24, config: { ...TINY, seed: 1 } });
  });

  test("a monthly run says its horizon in months: in the result's heading, its details, the backtest's caption and the saved runs", async ({ page }) => {
    await page.goto(`/datasets/${datasetId}?run=${runId}`);
    const result = page.getByRole("region", { name: "Forecast", exact: true });
    await expect(result.getByText(/ · 12 months ahead$/)).toBeVisible();
    await expect(page.getByTestId("run-result").getByRole("listitem").filter({ hasText: /^Horizon/ })).toHaveText("Horizon 12 months");
    await expect(page.getByRole("table", { name: /^Backtest of / }).locator("caption")).toContainText("each 12 months ahead.");
    // The saved runs say it as the details do: "12 months", and how long the run took.
    const row = page.getByRole("table", { name: "Saved runs" }).locator(`tr[data-run-id="${runId}"]`);
    await expect(row.locator('[data-label="Horizon"]')).toHaveText("12 months");
    await expect(page.getByRole("table", { name: "Saved runs" }).getByRole("columnheader", { name: "Took" })).toBeVisible();
  });

  test("the markers' labels ('best', 'Forecast from …') are painted over the curves, ringed in the card's colour", async ({ page }) => {
    // A loss curve flat along the top of the plot ran through "best", drawn under it.
    await page.goto(`/datasets/${datasetId}?run=${runId}`);
    for (const [chart, text] of [
      [page.getByTestId("loss-chart"), "best"],
      [page.getByTestId("forecast-chart"), /^Forecast from /],
    ] as const) {
      const label = chart.locator("svg.recharts-surface text").filter({ hasText: text });
      await expect(label).toHaveCount(1);
      const curves = chart.locator("path.recharts-line-curve");
      expect(await curves.count()).toBeGreaterThan(0);
      for (const curve of await curves.all()) expect(await paintedOver(label, curve)).toBe(true);
      const ring = await label.evaluate((el) => {
        const style = getComputedStyle(el);
        const card = getComputedStyle(el.closest(".card") as Element).backgroundColor;
        return { first: style.getPropertyValue("paint-order").split(" ")[0], stroke: style.stroke === card, width: parseFloat(style.strokeWidth) };
      });
      expect(ring.first).toBe("stroke");
      expect(ring.stroke).toBe(true);
      expect(ring.width).toBeGreaterThan(1);
    }
  });

  test("a zoom handle takes the keyboard's focus without opening the tooltip; the chart's own keys and the mouse still do", async ({ page }) => {
    await page.goto(`/datasets/${datasetId}?run=${runId}`);
    const chart = page.getByTestId("forecast-chart");
    const tooltip = page.getByTestId("forecast-tooltip");
    const start = chart.getByRole("slider", { name: /^Zoom start: / });
    const end = chart.getByRole("slider", { name: /^Zoom end: / });
    await expect(end).toHaveCount(1);
    const to = await chart.getAttribute("data-window-to");

    // Back onto the end handle from the control after the chart: the first focus inside the chart.
    await page.getByLabel("CSV format").focus();
    await page.keyboard.press("Shift+Tab");
    await expect(end).toBeFocused();
    await page.keyboard.press("ArrowLeft");
    // The window moved, so the chart has drawn since the focus: a tooltip would be there by now.
    await expect(chart).not.toHaveAttribute("data-window-to", to ?? "");
    await expect(tooltip).toBeHidden();
    await page.keyboard.press("Shift+Tab");
    await expect(start).toBeFocused();
    await page.keyboard.press("Enter");
    await page.keyboard.press("ArrowRight");
    await expect(chart).not.toHaveAttribute("data-window-from", String(Date.UTC(2016, 0, 1)));
    await expect(tooltip).toBeHidden();

    // The chart's own keyboard navigation: its surface, before the handles, shows the first point and the arrows move on.
    await page.keyboard.press("Shift+Tab");
    const surface = chart.getByRole("application");
    await expect(surface).toBeFocused();
    await expect(tooltip).toBeVisible();
    const first = await tooltip.innerText();
    await page.keyboard.press("ArrowRight");
    await expect(tooltip).not.toHaveText(first);
    // Leaving it for a handle closes the tooltip, and the handle does not open it again.
    await page.keyboard.press("Tab");
    await expect(start).toBeFocused();
    await expect(tooltip).toBeHidden();

    // The mouse over the plot.
    const box = await boxOf(surface);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 3);
    await expect(tooltip).toBeVisible();
  });

  test("two runs whose forecasts coincide both show on the comparison chart, told apart by their strokes", async ({ page }) => {
    await page.goto(`/datasets/${datasetId}`);
    const compare = page.getByRole("table", { name: "Saved runs" }).getByRole("checkbox", { name: /^Compare run of / });
    await compare.nth(0).check();
    await compare.nth(1).check();
    const comparison = page.getByTestId("run-compare");
    const drawing = comparison.getByRole("application");
    await expect(drawing).toBeVisible();
    const a = drawing.locator('path[stroke="var(--forecast)"]');
    const b = drawing.locator('path[stroke="var(--series-4)"]');
    await expect(a).toHaveCount(1);
    await expect(b).toHaveCount(1);
    // The same forecast twice: the same path.
    expect(await a.getAttribute("d")).toBe(await b.getAttribute("d"));

    // Without colour: A wide and solid, B thin and dashed and drawn over A; the legend's keys as the lines.
    const stroke = async (line: Locator) => ({ width: Number(await line.getAttribute("stroke-width")), dash: (await line.getAttribute("stroke-dasharray")) ?? "none" });
    const lineA = await stroke(a);
    const lineB = await stroke(b);
    expect(lineA.width).toBeGreaterThanOrEqual(lineB.width + 2);
    expect(lineA.dash).not.toBe(lineB.dash);
    expect(await paintedOver(b, a)).toBe(true);
    const keys = comparison.getByRole("list", { name: "Legend" }).getByTestId("legend-stroke").locator("line");
    await expect(keys).toHaveCount(2);
    expect(await stroke(keys.nth(0))).toEqual(lineA);
    expect(await stroke(keys.nth(1))).toEqual(lineB);

    // With colour: both lines' colours are on screen (--forecast #c2410c, --series-4 #7c3aed).
    const [orange, purple] = await countColors(page, await drawing.screenshot(), [
      [0xc2, 0x41, 0x0c],
      [0x7c, 0x3a, 0xed],
    ]);
    expect(orange).toBeGreaterThan(100);
    expect(purple).toBeGreaterThan(50);
  });

  test("the forecast chart opens with the forecast a readable share of a phone's plot, and a desktop's window as before", async ({ page }) => {
    // 72 months and a year ahead: a desktop opens on the whole history.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/datasets/${datasetId}?run=${runId}`);
    const chart = page.getByTestId("forecast-chart");
    await expect(chart).toHaveAttribute("data-window-from", String(Date.UTC(2016, 0, 1)));
    await expect(chart).toHaveAttribute("data-window-to", String(Date.UTC(2022, 11, 1)));

    // A phone opens on the recent part: the forecast's 12 months take a quarter of the plot or more
    // (eight times the forecast's history left them 28 px of 390).
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/datasets/${datasetId}?run=${runId}`);
    await expect(chart).not.toHaveAttribute("data-window-from", String(Date.UTC(2016, 0, 1)));
    const from = Number(await chart.getAttribute("data-window-from"));
    const to = Number(await chart.getAttribute("data-window-to"));
    const historyEnd = Date.UTC(2021, 11, 1);
    expect((to - historyEnd) / (to - from)).toBeGreaterThanOrEqual(0.25);
  });

  test("on a phone the forecast marker's label is whole: a weekly date too long for either side of the line gives way to 'Forecast'", async ({ page, request }) => {
    const births = await uploadCsv(request, "chart-labels-births", fs.readFileSync(path.join(import.meta.dirname, "..", "bench", "weekly", "births_9403_weekly.csv")));
    const birthsRun = await forecastOnServer(request, births.id, { horizon: 13, config: { ...TINY, seed: 1 } });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/datasets/${births.id}?run=${birthsRun}`);
    const drawing = page.getByTestId("forecast-chart").locator("svg").first();
    // "Forecast from 29 Dec 2003" ran from the line past the chart's right edge: "Forecast from 2".
    const label = drawing.getByText(/^Forecast( from 29 Dec 2003)?$/);
    await expect(label).toBeVisible();
    expectInside(await boxOf(label), await boxOf(drawing));
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

    test(`18 years of monthly values get as many year ticks as their labels leave room for, whole and apart, ${viewport.width} px wide`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.goto(`/datasets/${longId}?run=${longRunId}`);
      // A phone opens the forecast chart on its recent years (the forecast a readable share of
      // it): zoomed out to the whole history, as a desktop opens, it has 18 years to label.
      const forecastChart = page.getByTestId("forecast-chart");
      const historyStart = String(Date.UTC(2004, 0, 1));
      await forecastChart.getByRole("slider", { name: /^Zoom start: / }).focus();
      for (let i = 0; i < 300 && (await forecastChart.getAttribute("data-window-from")) !== historyStart; i++) await page.keyboard.press("ArrowLeft");
      await expect(forecastChart).toHaveAttribute("data-window-from", historyStart);
      for (const chart of [forecastChart, page.getByTestId("series-chart").first()]) {
        await chart.scrollIntoViewIfNeeded();
        const drawing = chart.getByRole("application");
        await expect(drawing.getByText("2010", { exact: true })).toBeVisible();
        const labels = await yearLabels(drawing);
        const chartBox = await boxOf(drawing);
        // A phone had two (2010, 2020): now one every five years; a desktop more.
        expect(labels.length).toBeGreaterThanOrEqual(4);
        if (viewport.width < 500) expect(labels.every((l) => l.year % 5 === 0)).toBe(true);
        for (const [i, label] of labels.entries()) {
          expectInside(label.box, chartBox);
          const previous = labels[i - 1]?.box;
          if (previous) expect(label.box.x).toBeGreaterThan(previous.x + previous.width + 8);
        }
      }
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
