import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { forecastOnServer, MONTHLY, uploadCsv } from "./helpers";

const HOUR = 3_600_000;

test("a dataset forecast many times lists its runs 20 at a time, newest or best MASE first, from the keyboard; runs on two pages compare", async ({ page, request }) => {
  const { id } = await uploadCsv(request, "many-runs", fs.readFileSync(MONTHLY));
  const runId = await forecastOnServer(request, id, { horizon: 3, config: { epochs: 2, units: 4, ensembleSize: 1, patience: 2 } });
  type Saved = { chosen: string; metrics: Record<string, { mase: number | null }> };
  const source = (await (await request.get(`/api/runs/${runId}`)).json()) as Record<string, unknown> & { startedAt: string; finishedAt: string; config: object; series: Saved[] };
  const { status, elapsedMs, mode, horizon, seasonLength, backend, history } = source;
  // The same run saved again 24 times, an hour apart going back; the oldest scored best.
  for (let i = 1; i <= 24; i++) {
    const series = structuredClone(source.series);
    const first = series[0] as Saved;
    if (i === 24) (first.metrics[first.chosen] as { mase: number | null }).mase = 0.01;
    const shift = (iso: string) => new Date(Date.parse(iso) - i * HOUR).toISOString();
    const body = { status, startedAt: shift(source.startedAt), finishedAt: shift(source.finishedAt), elapsedMs, config: { ...source.config, seed: 100 + i }, mode, horizon, seasonLength, backend, history, series };
    expect((await request.post(`/api/datasets/${id}/runs`, { multipart: { run: JSON.stringify(body) } })).status()).toBe(201);
  }

  await page.goto(`/datasets/${id}`);
  const table = page.getByRole("table", { name: "Saved runs" });
  const range = page.getByTestId("runs-range");
  await expect(range).toHaveText("Runs 1–20 of 25");
  await expect(table.getByRole("button", { name: /^Open run of / })).toHaveCount(20);
  await table.getByRole("checkbox", { name: /^Compare run of / }).first().check();

  const next = page.getByRole("button", { name: "Next 20" });
  await next.focus();
  await page.keyboard.press("Enter");
  await expect(range).toHaveText("Runs 21–25 of 25");
  await expect(table.getByRole("button", { name: /^Open run of / })).toHaveCount(5);
  // On the last page the button says it does nothing, and keeps the focus.
  await expect(next).toHaveAttribute("aria-disabled", "true");
  await expect(next).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(range).toHaveText("Runs 21–25 of 25");

  await table.getByRole("checkbox", { name: /^Compare run of / }).last().check();
  await expect(page.getByTestId("run-compare")).toBeVisible();

  await page.getByLabel("Order").selectOption("mase");
  await expect(range).toHaveText("Runs 1–20 of 25");
  await expect(table.getByRole("row").nth(1).getByRole("cell", { name: "0.010" })).toBeVisible();
  await expect(table.getByRole("row").nth(1)).toContainText("seed 124");

  await page.getByRole("button", { name: "Delete dataset…" }).click();
  await expect(page.getByRole("group", { name: "Confirm deletion" })).toContainText("and its 25 saved runs?");
});
