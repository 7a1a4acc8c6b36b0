import fs from "node:fs";
import { expect, test, type Download, type Page } from "@playwright/test";
import { formatEstimate } from "../lib/chart/format-time-label";
import { readZip } from "../lib/export/zip";
import { MONTHLY, smallSettings, upload } from "./helpers";

const HEADER = "timestamp,series,forecast,lower80,upper80,lower95,upper95";
/** The fixture's default horizon (monthly: a year). */
const H = 12;
/** `2022-03-01` → `Mar 2022`, the tooltip's label of a monthly time. */
const monthLabel = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleString("en-US", { month: "short", year: "numeric", timeZone: "UTC" });

async function download(page: Page, click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [saved] = await Promise.all([page.waitForEvent("download"), click()]);
  return { download: saved, bytes: fs.readFileSync(await saved.path()) };
}

/**
 * The tooltip's forecast rows, read by moving the mouse over the chart from its right edge leftwards
 * until every forecast step was shown: label → [forecast, 80% interval, 95% interval] as displayed.
 */
async function readForecastTooltips(page: Page, steps: number): Promise<Map<string, string[]>> {
  const chart = page.getByTestId("forecast-chart").getByRole("application");
  const box = await chart.boundingBox();
  if (!box) throw new Error("the chart is not drawn");
  const tooltip = page.getByTestId("forecast-tooltip");
  const seen = new Map<string, string[]>();
  // The plot ends 20 px before the chart's right edge (its margin); the brush sits at the bottom.
  for (let x = box.x + box.width - 20; x > box.x + 80 && seen.size < steps; x -= 3) {
    await page.mouse.move(x, box.y + box.height * 0.4);
    if (!(await tooltip.isVisible())) continue;
    const text = await tooltip.innerText();
    const rows = text.split("\n").map((line) => line.trim()).filter(Boolean);
    const value = (name: string) => rows[rows.indexOf(name) + 1] ?? "";
    if (!rows.includes("Forecast") || rows.includes("Actual")) continue;
    seen.set(rows[0] as string, [value("Forecast"), value("80% interval"), value("95% interval")]);
  }
  return seen;
}

test("train → Export CSV: the header, h rows per series, the numbers of the chart's tooltip; Excel, history, JSON, PNG, SVG; the model downloads and forecasts again", async ({ page }) => {
  await upload(page, MONTHLY);
  await smallSettings(page, { "Max epochs": "3", "LSTM units": "4", "Ensemble size": "1", "Patience (epochs)": "3" });
  await page.getByRole("button", { name: "Train forecast" }).click();
  await expect(page.getByTestId("run-result")).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId("forecast-chart")).toHaveAttribute("data-forecast-count", String(H));
  const exportBar = page.getByRole("group", { name: "Export" });

  // The CSV: header, one row per step, timestamps as the file writes them (YYYY-MM-DD).
  const csv = await download(page, () => exportBar.getByRole("button", { name: "Export CSV" }).click());
  expect(csv.download.suggestedFilename()).toMatch(/^monthly-visitors_visitors_forecast_\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = csv.bytes.toString("utf8").trimEnd().split("\n");
  expect(lines[0]).toBe(HEADER);
  const rows = lines.slice(1).map((line) => line.split(","));
  expect(rows).toHaveLength(H);
  expect(rows.map((r) => r[0])).toEqual(Array.from({ length: H }, (_, j) => `2022-${String(j + 1).padStart(2, "0")}-01`));
  expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(["visitors"]));

  // Every step's numbers are the ones the chart's tooltip shows.
  const tooltips = await readForecastTooltips(page, H);
  expect(tooltips.size).toBe(H);
  for (const [timestamp, , mean, lo80, hi80, lo95, hi95] of rows as string[][]) {
    // The CSV's full numbers, rounded as the tooltip rounds a forecast.
    const f = (text: string | undefined) => formatEstimate(Number(text));
    expect(tooltips.get(monthLabel(timestamp as string)), `tooltip of ${timestamp}`).toEqual([f(mean), `${f(lo80)} – ${f(hi80)}`, `${f(lo95)} – ${f(hi95)}`]);
  }

  // Excel-friendly, with the history: BOM, semicolons, decimal commas, a type column.
  await exportBar.getByLabel("CSV format").selectOption({ label: "Excel: semicolon, decimal comma" });
  await exportBar.getByLabel("Include history").check();
  const excel = await download(page, () => exportBar.getByRole("button", { name: "Export CSV" }).click());
  expect(excel.download.suggestedFilename()).toMatch(/_forecast-excel_\d{4}-\d{2}-\d{2}\.csv$/);
  expect([...excel.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const excelLines = excel.bytes.subarray(3).toString("utf8").split("\r\n");
  expect(excelLines[0]).toBe("timestamp;series;type;actual;forecast;lower80;upper80;lower95;upper95");
  expect(excelLines[1]).toBe("2016-01-01;visitors;history;191;;;;;");
  expect(excelLines.filter((l) => l.includes(";visitors;history;"))).toHaveLength(72);
  expect(excelLines.filter((l) => l.includes(";visitors;forecast;"))).toHaveLength(H);
  const firstForecast = excelLines.find((l) => l.includes(";visitors;forecast;"))?.split(";") ?? [];
  expect(firstForecast[0]).toBe("2022-01-01");
  expect(firstForecast[4]).toBe((rows[0]?.[2] ?? "").replace(".", ","));

  // JSON: the settings, metrics, losses and the same forecast.
  const json = await download(page, () => exportBar.getByRole("button", { name: "Export JSON" }).click());
  expect(json.download.suggestedFilename()).toMatch(/_run_\d{4}-\d{2}-\d{2}\.json$/);
  const run = JSON.parse(json.bytes.toString("utf8")) as {
    run: { settings: { epochs: number; units: number } };
    series: { name: string; metrics: Record<string, { mase: number }>; forecast: { timestamp: string; forecast: number }[] }[];
    losses: unknown[];
  };
  expect(run.run.settings).toMatchObject({ epochs: 3, units: 4 });
  expect(run.series[0]?.forecast.map((f) => f.timestamp)).toEqual(rows.map((r) => r[0]));
  expect(Number(run.series[0]?.forecast[0]?.forecast.toPrecision(10))).toBe(Number(rows[0]?.[2]));
  expect(run.series[0]?.metrics.lstm?.mase).toEqual(expect.any(Number));
  expect(run.losses.length).toBeGreaterThan(0);

  // The chart as SVG (standalone: styles inline, no CSS variables, no zoom brush) and PNG.
  const svg = await download(page, () => exportBar.getByRole("button", { name: "Chart SVG" }).click());
  expect(svg.download.suggestedFilename()).toMatch(/_chart_\d{4}-\d{2}-\d{2}\.svg$/);
  const svgText = svg.bytes.toString("utf8");
  expect(svgText.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svgText).toMatch(/<title>visitors: .+ forecast<\/title>/);
  expect(svgText).toContain("95% interval");
  expect(svgText).not.toContain("var(--");
  expect(svgText).not.toContain("recharts-brush");
  expect(svgText).toContain('style="fill:rgb(194, 65, 12);fill-opacity:0.28"');
  const png = await download(page, () => exportBar.getByRole("button", { name: "Chart PNG" }).click());
  expect(png.download.suggestedFilename()).toMatch(/_chart_\d{4}-\d{2}-\d{2}\.png$/);
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // Drawn at twice the chart's size: sharp on high-density screens and in print.
  const svgWidth = Number(/<svg [^>]*width="(\d+)"/.exec(svgText)?.[1]);
  expect(png.bytes.readUInt32BE(16)).toBe(2 * svgWidth);
  expect(png.bytes.length).toBeGreaterThan(20_000);

  // The model in tfjs format: model.json (with our metadata) and weights.bin in one ZIP.
  const model = await download(page, () => exportBar.getByRole("button", { name: "Download model" }).click());
  expect(model.download.suggestedFilename()).toMatch(/_model_\d{4}-\d{2}-\d{2}\.zip$/);
  const entries = await readZip(new Uint8Array(model.bytes));
  if (!entries.ok) throw new Error(entries.reason);
  expect(entries.data.map((e) => e.name)).toEqual(["model.json", "weights.bin"]);
  const modelJson = JSON.parse(new TextDecoder().decode(entries.data[0]?.data)) as { format: string; weightsManifest: { paths: string[] }[]; userDefinedMetadata: { tidecast: { horizon: number } } };
  expect(modelJson).toMatchObject({ format: "layers-model", weightsManifest: [{ paths: ["weights.bin"] }], userDefinedMetadata: { tidecast: { horizon: H } } });

  // Uploaded again, it forecasts without training; that forecast exports the same way.
  const modelFile = model.download.suggestedFilename();
  await page.getByLabel("Choose a model file").setInputFiles({ name: modelFile, mimeType: "application/zip", buffer: model.bytes });
  await expect(page.getByTestId("model-summary")).toContainText(`Trained on visitors`);
  await page.getByRole("button", { name: "Forecast with this model" }).click();
  await expect(page.getByTestId("model-forecast-note")).toContainText(`Forecast by the uploaded model ${modelFile}`);
  await expect(page.getByTestId("forecast-chart")).toHaveAttribute("data-forecast-count", String(H));
  await expect(page.getByTestId("forecast-chart")).toHaveAttribute("data-band95-count", String(H));
  await exportBar.getByLabel("Include history").uncheck();
  await exportBar.getByLabel("CSV format").selectOption({ label: "Comma, decimal point" });
  const again = await download(page, () => exportBar.getByRole("button", { name: "Export CSV" }).click());
  const againLines = again.bytes.toString("utf8").trimEnd().split("\n");
  expect(againLines[0]).toBe(HEADER);
  expect(againLines.slice(1).map((l) => l.split(",")[0])).toEqual(rows.map((r) => r[0]));
});

test("a model file that is not one says what to choose", async ({ page }) => {
  await upload(page, MONTHLY);
  await page.getByLabel("Choose a model file").setInputFiles({ name: "visitors.csv", mimeType: "text/csv", buffer: fs.readFileSync(MONTHLY) });
  await expect(page.getByRole("form", { name: "Forecast with a saved model" }).getByRole("alert")).toHaveText(
    "Choose the model's .zip as Tidecast downloads it, or its model.json together with its .bin weights file. Found: visitors.csv.",
  );
});

test("on a phone, the chart image keeps its whole legend inside its width", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await upload(page, MONTHLY);
  await smallSettings(page, { "Max epochs": "2", "LSTM units": "4", "Ensemble size": "1", "Patience (epochs)": "2" });
  await page.getByRole("button", { name: "Train forecast" }).click();
  await expect(page.getByTestId("run-result")).toBeVisible({ timeout: 90_000 });
  const exportBar = page.getByRole("group", { name: "Export" });
  const svg = (await download(page, () => exportBar.getByRole("button", { name: "Chart SVG" }).click())).bytes.toString("utf8");
  const width = Number(/<svg [^>]*width="(\d+)"/.exec(svg)?.[1]);
  expect(width).toBeLessThan(390);
  // The legend's labels (12 px, under the title and subtitle), with their estimated right edges (6.6 px a character, as laid out).
  const legend = [...svg.matchAll(/<text x="([\d.]+)" y="(\d+)" font-size="12" fill="#5b6675">([^<]*)<\/text>/g)].filter((m) => Number(m[2]) >= 70);
  expect(legend.map((m) => m[3])).toEqual(["History", "Forecast", "80%", "95%"]);
  for (const m of legend) expect(Number(m[1]) + (m[3] as string).length * 6.6).toBeLessThanOrEqual(width);
});
