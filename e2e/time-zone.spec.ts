import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { forecastOnServer, MONTHLY, uploadCsv } from "./helpers";

// The server runs in UTC here: an analyst in New York must read her own clock, told which it is.
const ZONE = "America/New_York";
test.use({ timezoneId: ZONE });

const inZone = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: ZONE }).format(new Date(iso));

test("dataset and run times are written in the analyst's time zone, which the page names, and hydrate without a mismatch", async ({ page, request }) => {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  const { id } = await uploadCsv(request, "visitors-zone", fs.readFileSync(MONTHLY));
  const runId = await forecastOnServer(request, id, { horizon: 3, config: { epochs: 3, units: 4, ensembleSize: 1, patience: 3 } });
  const { createdAt } = (await (await request.get(`/api/datasets/${id}`)).json()) as { createdAt: string };
  const { startedAt } = (await (await request.get(`/api/runs/${runId}`)).json()) as { startedAt: string };

  await page.goto("/");
  const datasets = page.getByRole("table", { name: "Datasets" });
  await expect(datasets.getByRole("columnheader", { name: "Created (Eastern Time)" })).toBeVisible();
  await expect(datasets.getByRole("row").filter({ hasText: "visitors-zone" })).toContainText(inZone(createdAt));

  await page.goto(`/datasets/${id}?run=${runId}`);
  const runs = page.getByRole("table", { name: "Saved runs" });
  await expect(runs.getByRole("columnheader", { name: "Started (Eastern Time)" })).toBeVisible();
  await expect(runs.getByRole("button", { name: `Open run of ${inZone(startedAt)}` })).toBeVisible();
  await expect(page.getByTestId("run-result").getByRole("listitem").filter({ hasText: /^Started/ })).toHaveText(`Started ${inZone(startedAt)} GMT-5`);
  // The header names the zone; a phone hides the header, so each run's time says it.
  const zoneAfterTime = runs.getByRole("row").filter({ has: page.getByRole("button", { name: /^Open run of / }) }).getByText("GMT-5", { exact: true });
  await expect(zoneAfterTime).toBeHidden();
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(zoneAfterTime).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("table", { name: "Datasets" }).getByRole("row").filter({ hasText: "visitors-zone" }).locator("td[data-label^=Created]")).toHaveAttribute("data-label", "Created (Eastern Time)");
  // The server's render and the browser's first one wrote the same text: React kept the page.
  expect(problems).toEqual([]);
});

test("from the second page on, the server already writes the analyst's zone: times do not change as the page loads", async ({ page, request }) => {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  const { id } = await uploadCsv(request, "visitors-zone-cookie", fs.readFileSync(MONTHLY));
  const runId = await forecastOnServer(request, id, { horizon: 3, config: { epochs: 3, units: 4, ensembleSize: 1, patience: 3 } });
  const { startedAt } = (await (await request.get(`/api/runs/${runId}`)).json()) as { startedAt: string };
  // The text the server rendered, tags left out.
  const serverText = async (path: string) => (await (await page.request.get(path)).text()).replace(/<[^>]*>/g, "");

  // A first visit: the server cannot know the zone yet and writes UTC; the page then tells it.
  expect(await serverText("/")).toContain("Created (UTC)");
  await page.goto("/");
  await expect.poll(async () => (await page.context().cookies()).find((c) => c.name === "tidecast-tz")?.value).toBe(encodeURIComponent(ZONE));

  const home = await serverText("/");
  expect(home).toContain("Created (Eastern Time)");
  expect(home).not.toContain("(UTC)");
  expect(await serverText(`/datasets/${id}?run=${runId}`)).toContain(`Started ${inZone(startedAt)}`);
  await page.goto(`/datasets/${id}?run=${runId}`);
  await expect(page.getByTestId("run-result").getByRole("listitem").filter({ hasText: /^Started/ })).toHaveText(`Started ${inZone(startedAt)} GMT-5`);
  // The server's zone names and times are the browser's, to the letter: React kept the page.
  expect(problems).toEqual([]);
});

test.describe("a zone with a long name", () => {
  test.use({ timezoneId: "Europe/Berlin" });

  test("on a phone the datasets list's 'Created (Central European Time)' is whole, over its time", async ({ page, request }) => {
    await uploadCsv(request, "visitors-berlin", fs.readFileSync(MONTHLY));
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/");
    const cell = page.getByRole("table", { name: "Datasets" }).getByRole("row").filter({ hasText: "visitors-berlin" }).locator("td[data-label^=Created]");
    await expect(cell).toHaveAttribute("data-label", "Created (Central European Time)");
    // The label is the cell's ::before: cut at the cell's edge, it widened the cell's content instead.
    expect(await cell.evaluate((td) => td.scrollWidth - td.clientWidth)).toBeLessThanOrEqual(0);
  });
});
