import { expect, test } from "@playwright/test";

/**
 * An event log as a till exports it: a sale at odd times between 09:00 and 19:00, a few a day,
 * 1 March to 29 April 2025 (60 days), no sale on Sundays 9 and 23 March.
 */
function salesLog(): { csv: string; rows: number; total: number; closed: string[] } {
  let seed = 5;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const lines = ["sold_at,amount"];
  const closed = ["2025-03-09", "2025-03-23"];
  let total = 0;
  for (let day = Date.UTC(2025, 2, 1); day < Date.UTC(2025, 3, 30); day += 86_400_000) {
    if (closed.includes(new Date(day).toISOString().slice(0, 10))) continue;
    for (let t = day + 9 * 3_600_000 + random() * 1_800_000; t < day + 19 * 3_600_000; t += 60_000 + random() * 3 * 3_600_000) {
      const cents = 500 + Math.floor(random() * 2000);
      total += cents;
      lines.push(`${new Date(t).toISOString().slice(0, 19).replace("T", " ")},${(cents / 100).toFixed(2)}`);
    }
  }
  return { csv: `${lines.join("\n")}\n`, rows: lines.length - 1, total: total / 100, closed };
}

test("an irregular sales log is grouped by day in the preview and imported as a daily series", async ({ page, request }) => {
  const log = salesLog();
  await page.goto("/");
  await page.getByLabel("Upload CSV").setInputFiles({ name: "till.csv", mimeType: "text/csv", buffer: Buffer.from(log.csv) });
  const preview = page.getByTestId("import-preview");
  const series = preview.getByRole("list", { name: "Series to import" }).getByRole("listitem");
  const issues = preview.getByRole("region", { name: "Issues found" });

  // As read: one point per sale, unevenly spaced; the note names the way out, and the control says it fits.
  await expect(series.first()).toContainText(`${log.rows.toLocaleString("en-US")} points · irregular`);
  await expect(issues).toContainText("holds events at irregular times, not readings at a regular step, so it is not forecast as it is.");
  await expect(issues).toContainText("group its rows by a period on import (CLI: --aggregate day)");
  const groupBy = preview.getByLabel("Group rows by");
  await expect(groupBy).toHaveValue("");
  await expect(groupBy).toHaveAccessibleDescription("Suggested: this file’s times are uneven or repeat.");
  await expect(preview.getByLabel("Combine with")).toHaveCount(0);
  await page.screenshot({ path: "test-results/aggregate-preview-advised.png", fullPage: true });

  // From the keyboard: choose Day, then Tab to the way of combining and choose Sum.
  await groupBy.focus();
  await groupBy.selectOption("day");
  const combine = preview.getByLabel("Combine with");
  await expect(combine).toHaveValue("sum");
  await page.keyboard.press("Tab");
  await expect(combine).toBeFocused();
  await combine.selectOption("mean");
  await expect(issues).toContainText(`Rows were averaged by day: ${log.rows.toLocaleString("en-US")} rows → 60 days (1 Mar 2025 – 29 Apr 2025).`);
  await combine.selectOption("sum");

  await expect(series.first()).toContainText("60 points · daily, season of 7 · 1 Mar 2025 – 29 Apr 2025");
  await expect(issues).toContainText(`Rows were added up by day: ${log.rows.toLocaleString("en-US")} rows → 60 days (1 Mar 2025 – 29 Apr 2025).`);
  await expect(issues).toContainText("2 of the 60 days have no rows, so their totals are 0.");
  await expect(issues).not.toContainText("events at irregular times");
  await expect(groupBy).not.toHaveAttribute("aria-describedby");

  for (const [width, name] of [
    [1360, "aggregate-preview-1360.png"],
    [390, "aggregate-preview-390.png"],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await preview.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/${name}`, fullPage: true });
  }
  await page.setViewportSize({ width: 1360, height: 900 });

  await preview.getByRole("button", { name: "Import 1 series" }).click();
  await page.waitForURL(/\/datasets\/[a-z0-9]+$/);
  await expect(page.getByTestId("series-chart")).toHaveAttribute("data-point-count", "60");
  await expect(page.getByRole("heading", { name: "amount" }).locator("xpath=..")).toContainText("60 points · daily · 1 Mar 2025 – 29 Apr 2025");

  // What was stored: one total a day, 0 on the two closed Sundays, adding up to every sale.
  const datasetId = page.url().split("/").pop() as string;
  const dataset = (await (await request.get(`/api/datasets/${datasetId}`)).json()) as { series: { id: string; timeFormat: unknown }[] };
  expect(dataset.series[0]?.timeFormat).toEqual({ kind: "pattern", pattern: "%Y-%m-%d" });
  const points = (await (await request.get(`/api/datasets/${datasetId}/series/${dataset.series[0]?.id}/points`)).json()) as { t: number[]; y: number[] };
  expect(points.t).toHaveLength(60);
  expect(points.t[1]! - points.t[0]!).toBe(86_400_000);
  expect(log.closed.map((day) => points.y[points.t.indexOf(Date.parse(`${day}T00:00:00Z`))])).toEqual([0, 0]);
  expect(points.y.reduce((sum, y) => sum + y, 0)).toBeCloseTo(log.total, 6);
});
