import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { forecastOnServer, MONTHLY, overflow, uploadCsv } from "./helpers";

const HOUR = 3_600_000;

test("a dataset forecast many times lists its runs 20 at a time, newest or best MASE first, from the keyboard; runs on two pages compare", async ({ page, request }) => {
  const { id } = await uploadCsv(request, "many-runs", fs.readFileSync(MONTHLY));
  const runId = await forecastOnServer(request, id, { horizon: 3, config: { epochs: 2, units: 4, ensembleSize: 1, patience: 2 } });
  type Saved = { chosen: string; metrics: Record<string, { mase: number | null }> };
  const source = (await (await request.get(`/api/runs/${runId}`)).json()) as Record<string, unknown> & { startedAt: string; finishedAt: string; config: object; series: Saved[] };
  const { status, elapsedMs, mode, horizon, seasonLength, backend, history } = source;
  // The same run saved again 24 times, an hour apart going back; the oldest scored best.
  let oldest = "";
  for (let i = 1; i <= 24; i++) {
    const series = structuredClone(source.series);
    const first = series[0] as Saved;
    if (i === 24) (first.metrics[first.chosen] as { mase: number | null }).mase = 0.01;
    const shift = (iso: string) => new Date(Date.parse(iso) - i * HOUR).toISOString();
    const body = { status, startedAt: shift(source.startedAt), finishedAt: shift(source.finishedAt), elapsedMs, config: { ...source.config, seed: 100 + i }, mode, horizon, seasonLength, backend, history, series };
    const saved = await request.post(`/api/datasets/${id}/runs`, { multipart: { run: JSON.stringify(body) } });
    expect(saved.status()).toBe(201);
    if (i === 24) oldest = ((await saved.json()) as { id: string }).id;
  }

  // A link to a run on the second page (the address opening a run writes) lists that page, the run marked.
  await page.goto(`/datasets/${id}?run=${oldest}`);
  await expect(page.getByTestId("runs-range")).toHaveText("Runs 21–25 of 25");
  await expect(page.getByRole("table", { name: "Saved runs" }).locator(`tr[data-run-id="${oldest}"]`)).toHaveAttribute("aria-current", "true");

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

test("a year of datasets: the home page lists 25 at a time, finds one by name and orders them, from the keyboard and on a phone", async ({ page, request }) => {
  const csv = fs.readFileSync(MONTHLY);
  // Uploaded oldest first: "ll-sales 30" is the newest.
  for (let i = 1; i <= 30; i++) await uploadCsv(request, `ll-sales ${i}`, csv);

  await page.goto("/");
  const table = page.getByRole("table", { name: "Datasets" });
  const range = page.getByTestId("datasets-range");
  const heading = page.getByRole("heading", { name: "Datasets", exact: true });
  const names = () => table.getByRole("link").allTextContents();
  await expect(range).toHaveText(/^Datasets 1–25 of \d+$/);
  await expect(table.getByRole("link")).toHaveCount(25);
  expect((await names()).slice(0, 2)).toEqual(["ll-sales 30", "ll-sales 29"]);

  const previous = page.getByRole("link", { name: "Previous 25" });
  const next = page.getByRole("link", { name: "Next 25" });
  await expect(previous).toHaveAttribute("aria-disabled", "true");
  await next.focus();
  await page.keyboard.press("Enter");
  await expect(range).toHaveText(/^Datasets 26–\d+ of \d+$/);
  expect((await names())[0]).toBe("ll-sales 5");
  // The list's start is in view, and the focus stays where the keyboard left it.
  await expect(heading).toBeInViewport();
  await expect(next).toBeFocused();

  const last = Number((await page.getByRole("navigation", { name: "Pages of datasets" }).textContent())?.match(/of (\d+)/)?.[1]);
  await page.goto(`/?page=${last}`);
  await expect(next).toHaveAttribute("aria-disabled", "true");
  // Pages the browser was sent to (not those Next fetches ahead in case they are asked for).
  const visited: string[] = [];
  page.on("request", (r) => void (r.headers().rsc && !r.headers()["next-router-prefetch"] && visited.push(r.url())));
  await next.focus();
  await page.keyboard.press("Enter");
  // Back a page, the list's start is in view, not the upload form above it.
  await previous.click();
  await expect(range).toHaveText(new RegExp(`^Datasets ${(last - 2) * 25 + 1}–${(last - 1) * 25} of \\d+$`));
  await expect(heading).toBeInViewport();
  await expect(page.getByRole("heading", { name: "Your time series" })).not.toBeInViewport();
  // Enter on the last page's Next, before, went nowhere, and did not go there either.
  expect(visited.filter((url) => url.includes(`page=${last + 1}`))).toEqual([]);

  const find = page.getByRole("searchbox", { name: "Find a dataset" });
  await find.fill("LL-SALES 1");
  await page.getByLabel("Order", { exact: true }).selectOption("name");
  await find.press("Enter");
  await expect(range).toHaveText(/^11 of \d+ match “LL-SALES 1”$/);
  // Numbers in names in their order: 1, 10, 11 … 19 (not 1, 10, 100 or 1, 2).
  expect(await names()).toEqual(["ll-sales 1", ...Array.from({ length: 10 }, (_, i) => `ll-sales ${10 + i}`)]);
  await expect(page.getByRole("navigation", { name: "Pages of datasets" })).toHaveCount(0);

  await find.fill("no such dataset");
  await find.press("Enter");
  await expect(page.getByText("No dataset matches “no such dataset”")).toBeVisible();
  await page.getByRole("link", { name: "Show every dataset" }).click();
  await expect(range).toHaveText(/^Datasets 1–25 of \d+$/);
  // The fields say what is shown: the words of the find that matched nothing are gone, the order kept.
  await expect(find).toHaveValue("");
  await expect(page.getByLabel("Order", { exact: true })).toHaveValue("name");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/?page=2");
  await expect(page.getByRole("navigation", { name: "Pages of datasets" })).toBeVisible();
  expect(await overflow(page)).toEqual({ pageScroll: 0, wide: [] });
  // Previous, the page and Next on one line under the list.
  const tops = await page.getByRole("navigation", { name: "Pages of datasets" }).locator("> *").evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top + el.getBoundingClientRect().height / 2)));
  expect(new Set(tops).size).toBe(1);
});
