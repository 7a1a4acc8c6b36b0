import { expect, test, type Page } from "@playwright/test";
import { forecastOnServer, uploadCsv } from "./helpers";

/** Uploads a CSV as the analyst does: the file through the form, the previewed series imported. */
async function uploadFile(page: Page, name: string, csv: string) {
  await page.goto("/");
  await page.getByLabel("Upload CSV").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByTestId("import-preview").getByRole("button", { name: /^Import 1 series/ }).click();
  await page.waitForURL(/\/datasets\/[a-z0-9]+$/);
}

const financialYears = ["Financial year,Admissions (thousands)", ...Array.from({ length: 29 }, (_, i) => `${1995 + i}/${String((1996 + i) % 100).padStart(2, "0")},${100 + i}${i === 28 ? "*" : ""}`)].join("\n");

test("financial years read as the file writes them on the page, the charts and the forecast", async ({ page, request }) => {
  await uploadFile(page, "admissions.csv", financialYears);
  // 2019/20 shown as `2019` reads as the wrong year.
  await expect(page.getByText("29 points · yearly · 1995/96 – 2023/24")).toBeVisible();
  const chart = page.getByTestId("series-chart");
  await expect(chart.getByText("2000/01", { exact: true })).toBeVisible();
  await expect(chart.getByText("2000", { exact: true })).toHaveCount(0);

  const datasetId = page.url().split("/").pop() as string;
  const dataset = (await (await request.get(`/api/datasets/${datasetId}`)).json()) as { id: string };
  const runId = await forecastOnServer(request, dataset.id, { horizon: 4, config: { epochs: 2, units: 4, ensembleSize: 1, patience: 2 } });
  await page.goto(`/datasets/${datasetId}?run=${runId}`);
  const forecast = page.getByTestId("forecast-chart");
  await expect(forecast.getByText("Forecast from 2024/25")).toBeVisible();
  await forecast.scrollIntoViewIfNeeded();
  const box = await forecast.getByRole("application").boundingBox();
  expect(box).not.toBeNull();
  // The plot ends 20 px before the chart's right edge, at the last forecast step.
  if (box) await page.mouse.move(box.x + box.width - 22, box.y + box.height * 0.4);
  await expect(page.getByTestId("forecast-tooltip")).toContainText("2027/28");
});

test("German month names are written in English on the chart, its tooltip, the series' dates and the datasets list; the CSV keeps the file's", async ({ page, request }) => {
  const months = ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"];
  const csv = ["Monat;Umsatz (EUR)", ...Array.from({ length: 24 }, (_, i) => `${months[i % 12]} ${2022 + Math.floor(i / 12)};${1000 + 10 * i},5`)].join("\n");
  await uploadFile(page, "umsatz.csv", csv);
  await expect(page.getByText("24 points · monthly · Jan 2022 – Dec 2023")).toBeVisible();
  const chart = page.getByTestId("series-chart");
  await expect(chart.getByText("Oct 2022", { exact: true })).toBeVisible();
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.locator("svg").first().boundingBox();
  expect(box).not.toBeNull();
  if (box) await page.mouse.move(box.x + box.width * 0.98, box.y + box.height / 2);
  await expect(page.getByTestId("chart-tooltip")).toContainText("Dec 2023");
  await expect(page.getByTestId("chart-tooltip")).not.toContainText("Dez");

  const datasetId = page.url().split("/").pop() as string;
  const dataset = (await (await request.get(`/api/datasets/${datasetId}`)).json()) as { name: string; series: { id: string }[] };
  const stored = await (await request.get(`/api/datasets/${datasetId}/series/${dataset.series[0]?.id}.csv`)).text();
  expect(stored).toContain("Dez 2023");
  await page.goto(`/?find=${encodeURIComponent(dataset.name)}`);
  await expect(page.getByRole("row", { name: new RegExp(dataset.name) }).first()).toContainText("Jan 2022 – Dec 2023");
});

test("a series without times is numbered at a few round positions, not a label per point", async ({ page, request }) => {
  const values = Array.from({ length: 300 }, (_, i) => `${50 + (i % 24)}`).join("\n");
  const dataset = await uploadCsv(request, "unnumbered", `orders\n${values}\n`, { timeColumn: null });
  await page.goto(`/datasets/${dataset.id}`);
  const chart = page.getByTestId("series-chart");
  await expect(chart).toHaveAttribute("data-point-count", "300");
  await expect(chart.getByText("100", { exact: true })).toBeVisible();
  // 300 labels would be drawn on top of each other.
  await expect(chart.getByText("137", { exact: true })).toHaveCount(0);
});

test("the last time label on the axis is drawn whole, not cut at the chart's edge", async ({ page }) => {
  const csv = ["quarter,revenue", ...Array.from({ length: 10 }, (_, i) => `${2022 + Math.floor(i / 4)} Q${(i % 4) + 1},${200 + [0, 30, 50, -20][i % 4]! + 4 * i}`)].join("\n");
  await uploadFile(page, "revenue.csv", csv);
  const chart = page.getByTestId("series-chart");
  const svg = await chart.locator("svg").first().boundingBox();
  const last = await chart.getByText("2024 Q2", { exact: true }).boundingBox();
  expect(svg).not.toBeNull();
  expect(last).not.toBeNull();
  if (svg && last) expect(last.x + last.width).toBeLessThanOrEqual(svg.x + svg.width);
});
