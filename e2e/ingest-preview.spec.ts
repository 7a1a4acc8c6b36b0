import path from "node:path";
import { expect, test } from "@playwright/test";
import { importAndReadValues } from "./helpers";
import { blsFlatFile, nwisDailyValues, ONS_LABELS } from "../tests/fixtures/statistics-downloads";
import { payments, paypalActivity, stripeBalance } from "../tests/fixtures/payment-exports";

const WIDE = [
  "month;north;south;west;note",
  "2023-01;1.204,5;980;455,25;start",
  "2023-02;1.250,0;1.010;470;",
  "2023-03;1.310,75;;480;spring",
  "2023-04;1.290;1.100;495,5;",
  "2023-05;1.402;1.150;510;",
  "2023-06;1.455,5;1.190;530;summer",
].join("\r\n");

test("a wide CSV is previewed, a series renamed, and each series charted after import", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Upload CSV").setInputFiles({ name: "regions.csv", mimeType: "text/csv", buffer: Buffer.from(WIDE) });

  // The preview says how the file was read before anything is stored.
  const preview = page.getByTestId("import-preview");
  await expect(preview.getByRole("heading", { name: "Preview of regions.csv" })).toBeVisible();
  await expect(preview).toContainText("semicolon-separated · decimal comma");
  await expect(preview).toContainText("6 rows");
  await expect(preview.getByLabel("Time column")).toHaveValue("month");
  const table = preview.getByRole("table", { name: "First rows of the file" });
  await expect(table.getByRole("columnheader", { name: /north/ })).toContainText("Number");
  await expect(table.getByRole("columnheader", { name: /month/ })).toContainText("YYYY-MM");
  await expect(table.getByRole("row")).toHaveCount(7);
  const series = preview.getByRole("list", { name: "Series to import" }).getByRole("listitem");
  await expect(series).toHaveCount(3);
  await expect(series.nth(1)).toContainText("6 points · monthly, season of 12 · Jan 2023 – Jun 2023 · 1 missing");
  await expect(preview.getByRole("region", { name: "Issues found" })).toContainText("Column south has 1 empty or non-numeric cell (row 4)");

  // Leave one column out, then bring it back: the preview is read again each time.
  await preview.getByRole("checkbox", { name: "west" }).uncheck();
  await expect(series).toHaveCount(2);
  await expect(preview.getByRole("button", { name: "Import 2 series" })).toBeEnabled();
  // Down to one, its tick is greyed and says why it cannot be taken off.
  await preview.getByRole("checkbox", { name: "south" }).uncheck();
  await expect(series).toHaveCount(1);
  await expect(preview.getByRole("checkbox", { name: "north" })).toBeDisabled();
  await expect(preview.getByRole("checkbox", { name: "north" })).toHaveAccessibleDescription("north stays ticked: it is the only value column chosen, and a dataset needs at least one.");
  await expect(preview.getByText("north stays ticked")).toBeVisible();
  await preview.getByRole("checkbox", { name: "south" }).check();
  await expect(preview.getByRole("checkbox", { name: "north" })).toHaveAccessibleDescription("");
  await preview.getByRole("checkbox", { name: "west" }).check();
  await expect(series).toHaveCount(3);

  await preview.getByLabel("Name of series north").fill("North region");
  await preview.getByLabel("Dataset name").fill("Regional sales");
  await page.screenshot({ path: "test-results/ingest-preview.png", fullPage: true });
  await preview.getByRole("button", { name: "Import 3 series" }).click();

  await page.waitForURL(/\/datasets\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Regional sales" })).toBeVisible();
  const charts = page.getByTestId("series-chart");
  await expect(charts).toHaveCount(3);
  for (const name of ["North region", "south", "west"]) {
    await expect(page.getByRole("heading", { name })).toBeVisible();
    await expect(page.locator(`[data-testid="series-chart"][data-series-name="${name}"]`)).toBeVisible();
  }
});

test("a statistics-office download with title lines and a totals row imports without editing", async ({ page }) => {
  const months = Array.from({ length: 36 }, (_, t) => `${2021 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")},${20000 + 60 * t},${8000 + 20 * t}`);
  const text = ["Retail turnover, Australia ($ million)", "Source: ABS 8501.0, Table 1", "", "month,turnover,food", ...months, "Total,,"].join("\n");
  await page.goto("/");
  await page.getByLabel("Upload CSV").setInputFiles({ name: "retail.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("2 title lines above the table skipped");
  const issues = preview.getByRole("region", { name: "Issues found" });
  await expect(issues).toContainText("The 2 lines above the table (a title or source) were skipped.");
  await expect(issues).toContainText("Row 41 is a total or summary row and was left out.");
  await expect(preview.getByRole("list", { name: "Series to import" }).getByRole("listitem").first()).toContainText("36 points · monthly, season of 12 · Jan 2021 – Dec 2023");
  await preview.getByRole("button", { name: "Import 2 series" }).click();
  await page.waitForURL(/\/datasets\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "retail" })).toBeVisible();
});

test("a logger export: date and time columns, a units row, decimal commas and a source line under the table; the units label the charts", async ({ page }) => {
  const rows = Array.from({ length: 96 }, (_, i) => {
    const day = 1 + Math.floor(i / 24);
    const hour = String(i % 24).padStart(2, "0");
    return `0${day}.03.2024;${hour}:00;${(500 + 40 * Math.sin(i / 4)).toFixed(1).replace(".", ",")};${(8 + 3 * Math.sin(i / 4)).toFixed(1).replace(".", ",")}`;
  });
  const text = ["Datum;Uhrzeit;Last;Temperatur", ";;MW;°C", ...rows, "", "Quelle: Netzbetreiber, 2024;;;"].join("\n");
  await page.goto("/");
  await page.getByLabel("Upload CSV").setInputFiles({ name: "last.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
  const preview = page.getByTestId("import-preview");
  const issues = preview.getByRole("region", { name: "Issues found" });
  await expect(issues).toContainText("Columns Datum and Uhrzeit were read together as one time (DD.MM.YYYY hh:mm).");
  await expect(issues).toContainText("The row under the header gives units (Last in MW, Temperatur in °C); it is not data.");
  await expect(issues).toContainText("Row 100 under the table is a note or source line and was left out.");
  await expect(preview.getByRole("list", { name: "Series to import" }).getByRole("listitem").first()).toContainText("96 points · hourly");
  await preview.getByRole("button", { name: "Import 2 series" }).click();
  await page.waitForURL(/\/datasets\/[a-z0-9]+$/);
  await expect(page.locator('[data-testid="series-chart"][data-series-name="Last"]')).toContainText("MW");
  await expect(page.locator('[data-testid="series-chart"][data-series-name="Temperatur"]')).toContainText("°C");
});

test("the preview is keyboard-usable: the date order can be changed and import stays one step", async ({ page }) => {
  await page.goto("/");
  const csv = "date,reading\n01/02/2024,1\n02/02/2024,2\n03/02/2024,3\n";
  await page.getByLabel("Upload CSV").setInputFiles({ name: "readings.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  const preview = page.getByTestId("import-preview");
  const series = preview.getByRole("list", { name: "Series to import" }).getByRole("listitem");
  // Slashed dates with both numbers ≤ 12: read month-first (Excel's default), with a note.
  await expect(series.first()).toContainText("3 points · monthly");
  await expect(preview.getByRole("region", { name: "Issues found" })).toContainText("dates could be day/month or month/day");

  await preview.getByLabel("Date order").focus();
  await preview.getByLabel("Date order").selectOption("dmy");
  await expect(series.first()).toContainText("3 points · daily");
  await page.keyboard.press("Tab");
  await expect(preview.getByLabel("Decimal mark")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(preview.getByLabel("Series name column")).toBeFocused();
  await preview.getByRole("button", { name: "Import 1 series" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/datasets\/[a-z0-9]+$/);
  await expect(page.getByTestId("series-chart")).toHaveAttribute("data-point-count", "3");
});

test("a decimal mark guessed from the delimiter is said, and choosing the other one reads the numbers again", async ({ page, request }) => {
  // Whole euros with thousands dots, or kilograms to the gram? Only the analyst knows.
  const csv = "Datum;Menge\n01.03.2024;1.500\n02.03.2024;2.250\n03.03.2024;1.125\n";
  await page.goto("/");
  await page.getByLabel("Upload CSV").setInputFiles({ name: "menge.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  const preview = page.getByTestId("import-preview");
  const issues = preview.getByRole("region", { name: "Issues found" });
  await expect(issues).toContainText("No number settled the decimal mark, so 1.500 was read as 1500");
  await expect(preview.getByLabel("Decimal mark")).toHaveValue(",");
  await preview.getByLabel("Decimal mark").selectOption(".");
  await expect(preview).toContainText("semicolon-separated · decimal point");
  await expect(issues).not.toContainText("decimal mark");
  expect(await importAndReadValues(page, request)).toEqual([1.5, 2.25, 1.125]);
});

test("a payments export's currency column: one code is the amounts' unit, two split the series, each charted in its currency", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Upload CSV").setInputFiles({ name: "balance.csv", mimeType: "text/csv", buffer: Buffer.from(stripeBalance(payments(["USD", "EUR", "USD"]))) });
  const preview = page.getByTestId("import-preview");
  const issues = preview.getByRole("region", { name: "Issues found" });
  await expect(issues).toContainText("Column currency holds 2 currencies (USD, EUR): amounts in different currencies are never added together, so each series was read per currency (gross · USD, gross · EUR, …), its amounts in that currency.");
  await preview.getByLabel("Group rows by").selectOption("day");
  const series = preview.getByRole("list", { name: "Series to import" }).getByRole("listitem");
  await expect(series).toHaveCount(6);
  for (const [k, name] of ["gross · USD", "fee · USD", "net · USD", "gross · EUR", "fee · EUR", "net · EUR"].entries()) {
    await expect(series.nth(k).getByLabel(`Name of series ${name}`)).toHaveValue(name);
  }
  await expect(series.nth(3)).toContainText("10 points · daily");
  await preview.getByRole("button", { name: "Import 6 series" }).click();
  await page.waitForURL(/\/datasets\/[a-z0-9]+$/);
  await expect(page.locator('[data-testid="series-chart"][data-series-name="gross · EUR"]')).toContainText("EUR");
  await expect(page.locator('[data-testid="series-chart"][data-series-name="gross · USD"]')).toContainText("USD");

  await page.goto("/");
  await page.getByLabel("Upload CSV").setInputFiles({ name: "paypal.csv", mimeType: "text/csv", buffer: Buffer.from(paypalActivity(payments(["USD"]))) });
  await expect(preview.getByRole("region", { name: "Issues found" })).toContainText(
    "Column Currency holds one currency, USD, on every row: it is the unit of Gross, Fee, Net, Shipping and Handling Amount, Sales Tax and Balance, and it is not read as a series.",
  );
  await expect(preview.getByRole("checkbox", { name: "Currency" })).toHaveCount(0);
});

test("Eurostat's SDMX-CSV: its unit column is the series' unit, written readably, and labels the charts", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Upload CSV").setInputFiles(path.resolve(import.meta.dirname, "../tests/fixtures/analyst-exports/eurostat-namq_10_gdp.csv"));
  const preview = page.getByTestId("import-preview");
  await expect(preview.getByRole("region", { name: "Issues found" })).toContainText(
    "Column unit holds one unit, CP_MEUR (million EUR, current prices), on every row: it is the unit of OBS_VALUE, and it is not read as a series.",
  );
  await preview.getByRole("button", { name: "Import 4 series" }).click();
  await page.waitForURL(/\/datasets\/[a-z0-9]+$/);
  await expect(page.locator('[data-testid="series-chart"][data-series-name="AT"]')).toContainText("million EUR");
});

test("a sales log with several rows a day is refused until the analyst chooses to add them up", async ({ page, request }) => {
  const csv = "date,amount\n2024-03-01,12.5\n2024-03-01,7.5\n2024-03-02,4\n2024-03-03,1\n2024-03-03,2\n2024-03-03,3\n";
  await page.goto("/");
  await page.getByLabel("Upload CSV").setInputFiles({ name: "sales-log.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  const preview = page.getByTestId("import-preview");
  await expect(preview.getByRole("alert")).toContainText("Rows 2 and 3 have the same time 2024-03-01.");
  await expect(preview.getByRole("button", { name: /^Import/ })).toBeDisabled();
  // The refusal names two rows, found once the whole file was read: both are marked, none left counted.
  const table = preview.getByRole("table", { name: "First rows of the file, and the 2 rows the upload is refused for, from row 2" });
  for (const row of ["2", "3"]) {
    await expect(table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: row, exact: true }) }).getByRole("cell", { name: "2024-03-01 (the cell the upload is refused for)" })).toBeVisible();
  }
  await expect(table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "4", exact: true }) }).getByRole("cell", { name: /refused/ })).toHaveCount(0);
  await expect(table).not.toContainText("not marked here");
  await preview.getByLabel("Rows with the same time").selectOption("sum");
  const issues = preview.getByRole("region", { name: "Issues found" });
  await expect(issues).toContainText("3 rows shared a time with an earlier row; the values at each time were added up (3 points from 6 rows).");
  expect(await importAndReadValues(page, request)).toEqual([20, 4, 6]);
});

test("a file that cannot be imported shows why in the preview and offers no import", async ({ page, request }) => {
  const count = async () => ((await (await request.get("/api/datasets")).json()) as { datasets: unknown[] }).datasets.length;
  const before = await count();
  await page.goto("/");
  await page.getByLabel("Upload CSV").setInputFiles({
    name: "typo.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("date,sales\n2024-01-01,10\n2024-01-02,1O\n"),
  });
  const preview = page.getByTestId("import-preview");
  await expect(preview.getByRole("alert")).toHaveText(
    "Row 3, column sales: 1O is not a number. Correct it, or empty the cell to mark a missing value.",
  );
  await expect(preview.getByRole("button", { name: /^Import/ })).toBeDisabled();
  await preview.getByRole("button", { name: "Cancel" }).click();
  await expect(preview).toBeHidden();

  // A picture is refused before any preview.
  await page.getByLabel("Upload CSV").setInputFiles({
    name: "chart.png",
    mimeType: "image/png",
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  });
  await expect(page.getByRole("alert").filter({ hasText: /\w/ })).toHaveText("This file is a PNG image, not a CSV text file. Export or save it as CSV and upload that.");
  expect(await count()).toBe(before);
});

test("a big file is read for the preview in a Web Worker, then imported whole", async ({ page }) => {
  const rows = Array.from({ length: 300_000 }, (_, i) => {
    const time = new Date(Date.UTC(2023, 0, 1) + i * 60_000).toISOString().slice(0, 16).replace("T", " ");
    return `${time};${(20 + Math.sin(i / 720) * 5).toFixed(2).replace(".", ",")}`;
  });
  const csv = Buffer.from(`Zeit;Leistung kW\r\n${rows.join("\r\n")}\r\n`);
  await page.goto("/");
  const workers: string[] = [];
  page.on("worker", (worker) => workers.push(worker.url()));
  await page.getByLabel("Upload CSV").setInputFiles({ name: "logger.csv", mimeType: "text/csv", buffer: csv });
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("300,000 rows", { timeout: 60_000 });
  expect(workers.length).toBeGreaterThan(0);
  const series = preview.getByRole("list", { name: "Series to import" }).getByRole("listitem");
  await expect(series.first()).toContainText("300,000 points · minutely, season of 60 · 1 Jan 2023 00:00 – 28 Jul 2023 07:59");
  await preview.getByRole("button", { name: "Import 1 series" }).click();
  await page.waitForURL(/\/datasets\/[a-z0-9]+$/, { timeout: 60_000 });
  await expect(page.getByTestId("series-chart")).toHaveAttribute("data-point-count", "300000");
});

test("a climate table of years by months and a price file sorted by symbol are each read as the analyst means them", async ({ page }) => {
  const years = Array.from({ length: 5 }, (_, y) => {
    const months = Array.from({ length: 12 }, (_, m) => (y === 4 && m >= 10 ? "***" : (0.2 + 0.1 * y + 0.05 * Math.sin(m)).toFixed(2)));
    return `${2020 + y},${months.join(",")},${y === 4 ? "***" : ".45"}`;
  });
  const giss = ["Land-Ocean: Global Means", "Year,Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec,J-D", ...years].join("\n");
  await page.goto("/");
  await page.getByLabel("Upload CSV").setInputFiles({ name: "giss.csv", mimeType: "text/csv", buffer: Buffer.from(giss) });
  const preview = page.getByTestId("import-preview");
  const issues = preview.getByRole("region", { name: "Issues found" });
  await expect(issues).toContainText("Columns Jan to Dec were read as one monthly series, a year per row.");
  await expect(issues).toContainText("Column J-D was left out: it sums up the months.");
  await expect(issues).toContainText("2 empty months before the first value or after the last were left out.");
  const series = preview.getByRole("list", { name: "Series to import" }).getByRole("listitem");
  await expect(series).toHaveCount(1);
  await expect(series.first()).toContainText("58 points · monthly, season of 12 · Jan 2020 – Oct 2024");
  await page.screenshot({ path: "test-results/ingest-year-by-month.png", fullPage: true });
  await preview.getByRole("button", { name: "Cancel" }).click();

  // Every MSFT month first, then every AAPL month: the first rows alone show one series.
  const month = (i: number) => `${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][i % 12]} 1 ${2000 + Math.floor(i / 12)}`;
  const prices = ["symbol,date,price", ...["MSFT", "AAPL"].flatMap((symbol, k) => Array.from({ length: 30 }, (_, i) => `${symbol},${month(i)},${(30 + 10 * k + i / 3).toFixed(2)}`))].join("\n");
  await page.getByLabel("Upload CSV").setInputFiles({ name: "stocks.csv", mimeType: "text/csv", buffer: Buffer.from(prices) });
  await expect(preview.getByRole("region", { name: "Issues found" })).toContainText("Column symbol names the series (2 of them), so each was read on its own.");
  await expect(preview.getByLabel("Series name column")).toHaveValue("symbol");
  await expect(series).toHaveCount(2);
  await expect(series.nth(1)).toContainText("30 points · monthly");
  await preview.getByRole("button", { name: "Import 2 series" }).click();
  await page.waitForURL(/\/datasets\/[a-z0-9]+$/);
  await expect(page.getByTestId("series-chart")).toHaveCount(2);
  await expect(page.locator('[data-testid="series-chart"][data-series-name="AAPL"]')).toHaveAttribute("data-point-count", "30");
});

test("a refused row is found in the preview by the number the message gives, and the time column is set like the others", async ({ page }) => {
  // A title line and blank lines: the message counts every line of the file, as a spreadsheet does.
  const text = ["Daily sales of store 4", "", "date,sales", "2024-01-01,10", "2024-01-02,11", "", "2024-01-03,1O", "2024-01-04,13", "2024-01-05,14"].join("\n");
  await page.goto("/");
  await page.getByLabel("Upload CSV").setInputFiles({ name: "store4.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
  const preview = page.getByTestId("import-preview");
  await expect(preview.getByRole("alert")).toContainText("Row 7, column sales: 1O is not a number.");
  const table = preview.getByRole("table", { name: "First rows of the file" });
  await expect(table.getByRole("columnheader", { name: "Row" })).toBeVisible();
  await expect(table.getByRole("rowheader")).toHaveText(["4", "5", "7", "8", "9"]);
  await expect(table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "7", exact: true }) })).toContainText("1O");

  const fontOf = (role: string) => table.locator(`tbody td[data-role="${role}"]`).first().evaluate((cell) => getComputedStyle(cell).fontFamily);
  expect(await fontOf("time")).toBe(await fontOf("value"));
});

test("a refused row far below the first rows is shown in the preview, between its neighbours, its cell marked", async ({ page }) => {
  const lines = ["date,sales"];
  for (let d = 0; d < 1300; d++) lines.push(`${new Date(Date.UTC(2020, 0, 1 + d)).toISOString().slice(0, 10)},${d === 1202 ? '"12,5,0"' : d}`);
  await page.goto("/");
  await page.getByLabel("Upload CSV").setInputFiles({ name: "sales.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) });
  const preview = page.getByTestId("import-preview");
  await expect(preview.getByRole("alert")).toContainText("Row 1,204, column sales: 12,5,0 is not a number.");
  const table = preview.getByRole("table", { name: "First rows of the file, and row 1,204, which the upload is refused for" });
  await expect(table.getByRole("rowheader")).toHaveText(["2", "3", "4", "5", "6", "7", "8", "9", "1,203", "1,204", "1,205"]);
  await expect(table.getByRole("row").filter({ hasText: "rows not shown" })).toHaveText("… 1,193 rows not shown");
  // The cell is named for a screen reader, not only coloured.
  const refused = table.getByRole("cell", { name: "12,5,0 (the cell the upload is refused for)" });
  await expect(refused).toBeVisible();
  expect(await refused.evaluate((cell) => getComputedStyle(cell).backgroundColor)).not.toBe(await table.getByRole("cell", { name: "1201", exact: true }).evaluate((cell) => getComputedStyle(cell).backgroundColor));
});

test("every bad row of a file is marked in the preview, each with its problem, the first named in the message and those beyond 50 counted", async ({ page }) => {
  const lines = ["date,sales"];
  // Bad cells in rows 4 and 300, and in 60 rows from 1,000.
  for (let d = 0; d < 1300; d++) lines.push(`${new Date(Date.UTC(2020, 0, 1 + d)).toISOString().slice(0, 10)},${d === 2 || d === 298 || (d >= 998 && d < 1058) ? `${d}x` : d}`);
  await page.goto("/");
  await page.getByLabel("Upload CSV").setInputFiles({ name: "sales.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) });
  const preview = page.getByTestId("import-preview");
  const alert = preview.getByRole("alert");
  await expect(alert).toContainText("Row 4, column sales: 2x is not a number.");
  await expect(alert).toContainText("61 more rows cannot be read either: the next 49 are marked in the table below, each with its problem.");
  const table = preview.getByRole("table", { name: "First rows of the file, and the 50 rows the upload is refused for, from row 4" });
  await expect(table.getByRole("cell", { name: /\(the cell the upload is refused for\)$/ })).toHaveCount(50);
  // Each further row is followed by its own sentence; the first's is the message above.
  await expect(table.getByRole("cell", { name: "Row 300, column sales: 298x is not a number. Correct it, or empty the cell to mark a missing value." })).toBeVisible();
  await expect(table.getByRole("cell", { name: /^Row 1,047, column sales: 1045x is not a number/ })).toBeAttached();
  await expect(table.getByRole("row").filter({ hasText: "rows not shown" })).toHaveText(["… 290 rows not shown", "… 699 rows not shown"]);
  await expect(table.getByRole("row").last()).toHaveText("12 more rows cannot be read either, not marked here");
  // On a phone the two columns, the counts and the sentences fit the box: no sideways scrolling (it was 32 px too wide).
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await preview.locator(".table-scroll").evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
});

test("a row with too many fields shows the fields beyond the header's, marked, under their own column", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Upload CSV").setInputFiles({ name: "notes.csv", mimeType: "text/csv", buffer: Buffer.from("date,sales\n2024-01-01,10\n2024-01-02,11,see mail\n2024-01-03,12\n") });
  const preview = page.getByTestId("import-preview");
  await expect(preview.getByRole("alert")).toContainText("Row 3 has 3 fields but the header has 2");
  const table = preview.getByRole("table", { name: "First rows of the file" });
  await expect(table.getByRole("columnheader", { name: "Extra fields" })).toBeVisible();
  const refused = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^3/ }) });
  await expect(refused.getByRole("cell", { name: "see mail (fields beyond the header, which the delimiter split off)" })).toBeVisible();
  // Only that row has any: the others' cells under the column are empty.
  await expect(table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "2", exact: true }) }).getByRole("cell").last()).toHaveText("");
});

test("an order export's Id is left out as an identifier, unticked but offered; a number cut at a comma for thousands is named", async ({ page }) => {
  await page.goto("/");
  const orders = ["Created at,Id,Total", ...Array.from({ length: 10 }, (_, d) => `2024-09-${String(d + 1).padStart(2, "0")} 10:15,${5600000001001 + d},${100 + d}`)].join("\n");
  await page.getByLabel("Upload CSV").setInputFiles({ name: "orders.csv", mimeType: "text/csv", buffer: Buffer.from(orders) });
  const preview = page.getByTestId("import-preview");
  await expect(preview.getByRole("region", { name: "Issues found" })).toContainText("Column Id numbers each record (an order, transaction or invoice), so it is an identifier, not read as a series");
  await expect(preview.getByRole("checkbox", { name: "Id" })).not.toBeChecked();
  await expect(preview.getByRole("checkbox", { name: "Total" })).toBeChecked();
  const series = preview.getByRole("list", { name: "Series to import" }).getByRole("listitem");
  await expect(series).toHaveCount(1);
  await preview.getByRole("checkbox", { name: "Id" }).check();
  await expect(series).toHaveCount(2);

  await page.getByLabel("Upload CSV").setInputFiles(path.resolve(import.meta.dirname, "../tests/fixtures/analyst-exports/annual-revenue-unquoted.csv"));
  await expect(preview.getByRole("alert")).toContainText("Row 9 has 4 fields but the header has 3: 1 and 017 are one number, 1,017, written with a comma for thousands. Quote such numbers");
});

test("a file named by store and department together: the combination is one choice, and a single column can still be picked", async ({ page }) => {
  const weeks = Array.from({ length: 8 }, (_, w) => new Date(Date.UTC(2010, 1, 5 + 7 * w)).toISOString().slice(0, 10));
  const csv = ["Store,Dept,Date,Weekly_Sales,IsHoliday", ...weeks.flatMap((date, w) => ["1,1", "1,2", "2,1", "2,2"].map((sd, i) => `${sd},${date},${24000 + 1000 * i + w * 10}.09,${w === 0 ? "TRUE" : "FALSE"}`))].join("\n");
  await page.goto("/");
  await page.getByLabel("Upload CSV").setInputFiles({ name: "walmart.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  const preview = page.getByTestId("import-preview");
  await expect(preview.getByRole("region", { name: "Issues found" })).toContainText("Columns Store and Dept name the series together (4 of them), so each was read on its own.");
  const naming = preview.getByLabel("Series name column");
  await expect(naming.locator("option:checked")).toHaveText("Store + Dept");
  const series = preview.getByRole("list", { name: "Series to import" }).getByRole("listitem");
  await expect(series).toHaveCount(4);

  // One column alone repeats each week: the preview says so, and the combination is still offered.
  await naming.selectOption({ label: "Dept" });
  await expect(preview.getByRole("alert")).toContainText("have the same time 2010-02-05 for series Dept 1");
  await naming.focus();
  await naming.selectOption({ label: "Store + Dept" });
  await expect(series).toHaveCount(4);
  await preview.getByRole("button", { name: "Import 4 series" }).click();
  await page.waitForURL(/\/datasets\/[a-z0-9]+$/);
  await expect(page.getByTestId("series-chart")).toHaveCount(4);
  await expect(page.locator('[data-testid="series-chart"][data-series-name="Store 2 · Dept 1"]')).toHaveAttribute("data-point-count", "8");
});

test("a USGS NWIS file's one series is offered under its site number with the zeros, and kept so when that column is chosen again", async ({ page }) => {
  await page.goto("/");
  const flows = Array.from({ length: 31 }, (_, i) => 12300 - 37 * i + (i % 5) * 90);
  await page.getByLabel("Upload CSV").setInputFiles({ name: "dv.csv", mimeType: "text/csv", buffer: Buffer.from(nwisDailyValues("01646500", flows)) });
  const preview = page.getByTestId("import-preview");
  await expect(preview.getByLabel("Name of series 01646500")).toHaveValue("01646500");
  const code = preview.locator('th[data-role="id"]');
  await expect(code.locator(".column-name")).toHaveText("site_no");
  await expect(code.locator(".column-role")).toHaveText("series name");
  // Chosen again (the choice is then sent with the upload), it names the series alike.
  const naming = preview.getByLabel("Series name column");
  await naming.selectOption({ label: "None (a series per column)" });
  await expect(preview.getByLabel("Name of series 69928_00060_00003")).toHaveValue("69928_00060_00003");
  await naming.selectOption("site_no");
  await expect(preview.getByLabel("Name of series 01646500")).toHaveValue("01646500");
  await preview.getByRole("button", { name: "Import 1 series" }).click();
  await page.waitForURL(/\/datasets\/[a-z0-9]+$/);
  await expect(page.locator('[data-testid="series-chart"][data-series-name="01646500"]')).toBeVisible();
});

test("a BLS file's one series is offered under its code and renamed by it; an ONS download is named by its title unless a name is typed", async ({ page }) => {
  const cpi = Array.from({ length: 24 }, (_, i) => 299.17 + i * 0.41);
  await page.goto("/");
  await page.getByLabel("Upload CSV").setInputFiles({ name: "cu.data.1.AllItems.txt", mimeType: "text/plain", buffer: Buffer.from(blsFlatFile("CUUR0000SA0", 2023, cpi)) });
  const preview = page.getByTestId("import-preview");
  const series = preview.getByRole("list", { name: "Series to import" }).getByRole("listitem");
  await expect(series).toHaveCount(1);
  // The code column is shown as what names the series, as a long file's series column is.
  const code = preview.locator('th[data-role="id"]');
  await expect(code.locator(".column-name")).toHaveText("series_id");
  await expect(code.locator(".column-role")).toHaveText("series name");
  const naming = preview.getByLabel("Series name column");
  await expect(naming).toHaveValue("series_id");
  // With none chosen the series is its value column's, and the code column is not imported.
  await naming.selectOption({ label: "None (a series per column)" });
  await expect(preview.getByLabel("Name of series value")).toHaveValue("value");
  await expect(preview.locator('th[data-role="id"]')).toHaveCount(0);
  await naming.selectOption("series_id");
  await preview.getByLabel("Name of series CUUR0000SA0").fill("CPI-U, all items");
  await preview.getByRole("button", { name: "Import 1 series" }).click();
  await page.waitForURL(/\/datasets\/[a-z0-9]+$/);
  await expect(page.locator('[data-testid="series-chart"][data-series-name="CPI-U, all items"]')).toBeVisible();

  const ons = `${ONS_LABELS.map(([label, value]) => `"${label}","${value}"`).join("\n")}\n"2023 OCT","101.2"\n"2023 NOV","101.9"\n"2023 DEC","103.4"\n"2024 JAN","102.1"\n`;
  await page.goto("/");
  await page.getByLabel("Upload CSV").setInputFiles({ name: "series-161024.csv", mimeType: "text/csv", buffer: Buffer.from(ons) });
  const name = page.getByTestId("import-preview").getByLabel("Dataset name");
  await expect(name).toHaveValue("Retail sales index");
  await name.fill("UK retail");
  await page.getByTestId("import-preview").getByRole("button", { name: "Import 1 series" }).click();
  await page.waitForURL(/\/datasets\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "UK retail" })).toBeVisible();
});
