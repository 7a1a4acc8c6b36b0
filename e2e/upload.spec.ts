import path from "node:path";
import { expect, test } from "@playwright/test";

const TINY = path.join(import.meta.dirname, "fixtures", "tiny.csv");

test("a fresh start lists the sample dataset and charts it", async ({ page }) => {
  // Found by name: after other tests' uploads it is no longer on the list's first page.
  await page.goto(`/?find=${encodeURIComponent("Australian wine sales (sample)")}`);
  const table = page.getByRole("table", { name: "Datasets" });
  const sample = table.getByRole("link", { name: "Australian wine sales (sample)" });
  await expect(sample).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: "Australian wine sales (sample)" })).toContainText("176");

  await sample.click();
  await expect(page.getByRole("heading", { level: 1, name: "Australian wine sales (sample)" })).toBeVisible();
  const chart = page.getByTestId("series-chart");
  await expect(chart).toHaveAttribute("data-point-count", "176");
  // The time axis shows real years, not raw numbers.
  await expect(chart.getByText(/^(Jan )?19(8|9)\d$/).first()).toBeVisible();
});

test("uploading a date,value CSV stores it and opens its chart", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Upload CSV").setInputFiles(TINY);
  await page.getByRole("button", { name: "Import 1 series" }).click();
  await page.waitForURL(/\/datasets\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "tiny" })).toBeVisible();
  const chart = page.getByTestId("series-chart");
  await expect(chart).toHaveAttribute("data-point-count", "12");
  await expect(page.getByText("12 points · daily")).toBeVisible();

  // Hovering the line shows a tooltip with the date and value of a point (the chart sits below the
  // forecast workbench, so bring it into view first).
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.locator("svg").first().boundingBox();
  expect(box).not.toBeNull();
  if (box) await page.mouse.move(box.x + box.width * 0.98, box.y + box.height / 2);
  const tooltip = page.getByTestId("chart-tooltip");
  await expect(tooltip).toContainText("12 Jan 2024");
  await expect(tooltip).toContainText("16.5");

  await page.getByRole("link", { name: "Datasets" }).first().click();
  await expect(page.getByRole("table", { name: "Datasets" }).getByRole("link", { name: "tiny", exact: true })).toBeVisible();
});

test("a bad file shows the row and the problem, and stores nothing", async ({ page, request }) => {
  const before = ((await (await request.get("/api/datasets")).json()) as { datasets: unknown[] }).datasets.length;
  await page.goto("/");
  await page.getByLabel("Upload CSV").setInputFiles({
    name: "broken.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("date,sales\n2024-01-01,10\n2024-01-02,12,5,0\n"),
  });
  await expect(page.locator("p[role=alert]")).toContainText("Row 3 has 4 fields but the header has 2");
  const after = ((await (await request.get("/api/datasets")).json()) as { datasets: unknown[] }).datasets.length;
  expect(after).toBe(before);
});

test("a World Bank table of 40 countries: read turned, and any country found by name and charted", async ({ page, request }) => {
  const years = Array.from({ length: 20 }, (_, i) => 2004 + i);
  const header = ["Country Name", "Country Code", "Indicator Name", "Indicator Code", ...years].map((c) => `"${c}"`).join(",");
  const rows = Array.from({ length: 40 }, (_, k) => {
    // Côte d'Ivoire as the IMF and the OECD write it.
    const name = k === 33 ? "Germany" : k === 34 ? "Côte d'Ivoire" : `Country ${k}`;
    return [name, `C${k}`, "GDP per capita", "NY.GDP.PCAP.CD", ...years.map((_, i) => (k % 5 === 0 && i < 4 ? "" : (1000 + 50 * k + 20 * i).toFixed(1)))].map((c) => `"${c}"`).join(",");
  });
  const csv = ['"Data Source","World Development Indicators",', "", header, ...rows].join("\n");
  const created = await request.post("/api/datasets?name=GDP%20per%20capita", { data: csv, headers: { "content-type": "text/csv" } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  await page.goto(`/datasets/${id}`);
  const notes = page.getByRole("region", { name: "Import notes" });
  await expect(notes).toContainText("The dates run across the header (2004 to 2023) with a series per row, so the table was read turned: 40 series named by Country Name.");
  await expect(notes).toContainText("8 series begin later or end earlier than the file");
  await expect(page.getByTestId("series-chart")).toHaveCount(24);
  await expect(page.getByTestId("data-caption")).toContainText("Charting the first 24 of 40 series");

  const find = page.getByRole("searchbox", { name: "Find a series" });
  await find.fill("germ");
  await find.press("Enter");
  await expect(page).toHaveURL(/find=germ/);
  await expect(page.getByTestId("data-caption")).toHaveText("1 of 40 series match “germ”.");
  const chart = page.getByTestId("series-chart");
  await expect(chart).toHaveCount(1);
  await expect(chart).toHaveAttribute("data-series-name", "Germany");
  await expect(chart).toHaveAttribute("data-point-count", "20");
  // Typed without its accent, as most keyboards make easiest, it is found too.
  await find.fill("cote d");
  await find.press("Enter");
  await expect(page.getByTestId("data-caption")).toHaveText("1 of 40 series match “cote d”.");
  await expect(chart).toHaveAttribute("data-series-name", "Côte d'Ivoire");

  // The training panel's list of 40 is filtered the same way; All and None then act on what it shows.
  const panel = page.getByRole("form", { name: "Training settings" });
  await panel.getByRole("searchbox", { name: "Filter series by name" }).fill("cote d");
  await expect(panel.getByRole("checkbox")).toHaveCount(1);
  await expect(panel.getByRole("checkbox", { name: "Côte d'Ivoire" })).toBeVisible();
  await panel.getByRole("searchbox", { name: "Filter series by name" }).fill("germ");
  await expect(panel.getByRole("checkbox")).toHaveCount(1);
  await panel.getByRole("button", { name: "All shown" }).click();
  await expect(panel).toContainText("2 of 40 chosen");
  await expect(panel.getByRole("checkbox", { name: "Germany" })).toBeChecked();
  await panel.getByRole("searchbox", { name: "Filter series by name" }).fill("");
  await expect(panel.getByRole("checkbox")).toHaveCount(40);
  await expect(panel.getByRole("checkbox", { name: "Country 0" })).toBeChecked();
  await page.getByRole("heading", { name: "Data" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/data-find.png" });
});

test("a series whose file names no unit is given one from its card, and its chart writes it", async ({ page, request }) => {
  const rows = Array.from({ length: 36 }, (_, i) => `${2021 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")},${400 + 30 * Math.sin(i / 2)}`);
  const upload = await request.post("/api/datasets", {
    multipart: { file: { name: "load.csv", mimeType: "text/csv", buffer: Buffer.from(`month,load\n${rows.join("\n")}\n`) }, name: "Grid load" },
  });
  const { id, series } = (await upload.json()) as { id: string; series: { id: string; unit: string | null }[] };
  expect(series[0]?.unit).toBeNull();
  await page.goto(`/datasets/${id}`);
  const chart = page.getByTestId("series-chart");
  await expect(chart.locator(".recharts-surface").first()).toBeVisible();
  await expect(chart.locator(".recharts-label")).toHaveCount(0);

  // From the keyboard: the field, a unit, Enter.
  const field = page.getByRole("textbox", { name: "Unit of load" });
  await field.focus();
  await page.keyboard.type(" MW ");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await expect(chart.locator(".recharts-label")).toHaveText("MW");
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Unit of load" })).toHaveValue("MW");
  expect(((await (await request.get(`/api/datasets/${id}`)).json()) as { series: { unit: string }[] }).series[0]?.unit).toBe("MW");

  // Emptied, it is removed.
  await page.getByRole("textbox", { name: "Unit of load" }).fill("");
  await page.getByRole("button", { name: "Save the unit of load" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Unit removed" })).toBeVisible();
  await expect(chart.locator(".recharts-label")).toHaveCount(0);
});
