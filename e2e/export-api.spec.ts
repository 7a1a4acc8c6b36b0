import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { readZip } from "../lib/export/zip";
import { forecastOnServer, MONTHLY, uploadCsv, waitForRun } from "./helpers";

const SENSOR_GAP = path.join(import.meta.dirname, "fixtures", "sensor-log-gap.csv");

/** Settings that train in a second or two. */
const TINY = { epochs: 3, units: 4, ensembleSize: 1, patience: 3 };

async function expectJsonError(response: Awaited<ReturnType<APIRequestContext["get"]>>, status: number, error: RegExp) {
  expect(response.status()).toBe(status);
  expect(response.headers()["content-type"]).toContain("application/json");
  const body = (await response.json()) as { error: string };
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error).toMatch(error);
}

test("POST /api/datasets/<id>/forecast: 202 at once, progress while it trains in a thread, the server answering meanwhile, then forecast.csv, .json and chart.png", async ({ request }) => {
  const dataset = await uploadCsv(request, "visitors-api", fs.readFileSync(MONTHLY));
  const started = await request.post(`/api/datasets/${dataset.id}/forecast`, { data: { horizon: 6, config: TINY } });
  expect(started.status()).toBe(202);
  const queued = (await started.json()) as { id: string; status: string; origin: string };
  expect(started.headers()["location"]).toBe(`/api/runs/${queued.id}`);
  expect(queued).toMatchObject({ status: "queued", origin: "server" });

  // Other requests are answered while the run trains.
  let slowest = 0;
  const statuses = new Set<string>();
  for (const until = Date.now() + 90_000; Date.now() < until; ) {
    const t = Date.now();
    expect((await request.get("/api/datasets")).status()).toBe(200);
    slowest = Math.max(slowest, Date.now() - t);
    const run = (await (await request.get(`/api/runs/${queued.id}`)).json()) as { status: string };
    statuses.add(run.status);
    if (run.status !== "queued" && run.status !== "running") break;
  }
  test.info().annotations.push({ type: "slowest GET /api/datasets while a server-side run trained (ms)", description: String(slowest) });
  expect(slowest).toBeLessThan(1000);
  expect(statuses.has("done")).toBe(true);

  const csv = await request.get(`/api/runs/${queued.id}/forecast.csv`);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="visitors-api_visitors_forecast_\d{4}-\d{2}-\d{2}\.csv"/);
  const lines = (await csv.text()).trimEnd().split("\n");
  expect(lines[0]).toBe("timestamp,series,forecast,lower80,upper80,lower95,upper95");
  expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(["2022-01-01", "2022-02-01", "2022-03-01", "2022-04-01", "2022-05-01", "2022-06-01"]);
  const json = (await (await request.get(`/api/runs/${queued.id}/forecast.json`)).json()) as { run: { settings: object }; series: { forecast: Record<string, number | null>[] }[] };
  expect(json.run.settings).toMatchObject(TINY);
  // The JSON holds the CSV's numbers, not more digits of them; every step's bounds in order.
  const bounds = ["forecast", "lower80", "upper80", "lower95", "upper95"];
  const csvNumbers = lines.slice(1).map((line) => line.split(",").slice(2).map(Number));
  expect(json.series[0]?.forecast.map((step) => bounds.map((key) => step[key]))).toEqual(csvNumbers);
  for (const [forecast, lower80, upper80, lower95, upper95] of csvNumbers) {
    const ordered = [lower95, lower80, forecast, upper80, upper95] as number[];
    expect(ordered).toEqual([...ordered].sort((a, b) => a - b));
  }
  const png = await request.get(`/api/runs/${queued.id}/chart.png`);
  expect(png.status()).toBe(200);
  expect(png.headers()["content-type"]).toBe("image/png");
  expect([...(await png.body()).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  // The model as the page's "Download model" gives it: tfjs files in one ZIP, named like the rest.
  const zip = await request.get(`/api/runs/${queued.id}/model.zip`);
  expect(zip.status()).toBe(200);
  expect(zip.headers()["content-type"]).toBe("application/zip");
  expect(zip.headers()["content-disposition"]).toMatch(/^attachment; filename="visitors-api_visitors_model_\d{4}-\d{2}-\d{2}\.zip"/);
  const entries = await readZip(new Uint8Array(await zip.body()));
  expect(entries.ok && entries.data.map((e) => e.name)).toEqual(["model.json", "weights.bin"]);
  const modelJson = entries.ok ? (JSON.parse(new TextDecoder().decode(entries.data[0]?.data)) as { userDefinedMetadata: { tidecast: { horizon: number } } }) : null;
  expect(modelJson?.userDefinedMetadata.tidecast.horizon).toBe(6);

  const del = await request.delete(`/api/runs/${queued.id}`);
  expect(del.status()).toBe(204);
  await expectJsonError(await request.get(`/api/runs/${queued.id}/forecast.csv`), 404, /^There is no run with id/);
  await expectJsonError(await request.get(`/api/runs/${queued.id}/model.zip`), 404, /^There is no run with id/);
});

/** 120 days of visits from 1 Jan 2024 with a weekly pattern, one of them replaced by `value`. */
function dailyVisitsWith(index: number, value: number): string {
  const rows = Array.from({ length: 120 }, (_, i) => {
    const day = new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    return `${day},${i === index ? value : 100 + 10 * Math.sin((2 * Math.PI * i) / 7) + ((i * 7919) % 13) / 4}`;
  });
  return ["day,visits", ...rows].join("\n");
}

test("a reading far outside the rest is left out of the fit: the run names it and the chart rings it", async ({ page, request }) => {
  // One reading of 5,000 four days before the end.
  const dataset = await uploadCsv(request, "outlier-visits", dailyVisitsWith(116, 5000));
  const started = (await (await request.post(`/api/datasets/${dataset.id}/forecast`, { data: { horizon: 7, config: TINY } })).json()) as { id: string };
  const run = (await waitForRun(request, started.id)) as { status: string; series: { preprocessing: { outliers?: { t: number; value: number }[] }; forecasts: { lstm: { mean: number[] } } }[] };
  expect(run.status).toBe("done");
  expect(run.series[0]?.preprocessing.outliers).toEqual([{ t: Date.UTC(2024, 3, 26), value: 5000 }]);
  // Fitted without it, the forecast stays in the usual range instead of repeating the spike weekly.
  expect(Math.max(...(run.series[0]?.forecasts.lstm.mean ?? []))).toBeLessThan(200);

  await page.goto(`/datasets/${dataset.id}?run=${started.id}`);
  await expect(page.getByTestId("preprocessing")).toContainText("1 outlier left out of the fit: 5,000 on 26 Apr 2024");
  const chart = page.getByTestId("forecast-chart");
  await expect(chart).toHaveAttribute("data-outlier-count", "1");
  await expect(chart.getByRole("list", { name: "Legend" }).getByText("Outlier left out of the fit", { exact: true })).toBeVisible();
});

test("a stretch the file has no rows for breaks the history line, on the page and in chart.svg, rather than bridging it", async ({ page, request }) => {
  // A logger's readings every 10 minutes, none from 9 Sep 20:00 to 10 Sep 01:50.
  const dataset = (await uploadCsv(request, "sensor-log-gap", fs.readFileSync(SENSOR_GAP))) as { id: string; series: { id: string; name: string }[] };
  const temperature = dataset.series.find((s) => s.name === "temperature_c") as { id: string };
  const runId = await forecastOnServer(request, dataset.id, { seriesIds: [temperature.id], horizon: 6, config: TINY });
  const svg = await (await request.get(`/api/runs/${runId}/chart.svg?history=all`)).text();
  const history = /<path d="([^"]+)"[^>]*data-kind="history"/.exec(svg)?.[1] ?? "";
  expect(history.match(/M/g)).toHaveLength(2);

  await page.goto(`/datasets/${dataset.id}?run=${runId}`);
  const stored = page.locator('[data-testid="series-chart"][data-series-name="temperature_c"] path.recharts-line-curve');
  await expect(stored).toHaveCount(1);
  expect((await stored.getAttribute("d"))?.match(/M/g)).toHaveLength(2);
});

test("the dataset page's series card counts the steps the file has no rows for, as the import preview's does", async ({ page, request }) => {
  // sensor-log.csv: every 10 minutes, two stretches without rows, 102 steps in all (the import note says so).
  const dataset = await uploadCsv(request, "sensor-log", fs.readFileSync(path.join(import.meta.dirname, "..", "tests", "fixtures", "analyst-exports", "sensor-log.csv")));
  await page.goto(`/datasets/${dataset.id}`);
  await expect(page.getByRole("heading", { name: "temperature_c" }).locator("xpath=..")).toContainText(/1,914 points · every 10 minutes · 1 Sep 2024 00:00 – 14 Sep 2024 23:50( · \d+ missing)? · 102 gaps$/);
});

test("a last reading far out of line with the rest is kept, and the run asks the analyst to check it", async ({ page, request }) => {
  // 5,000 as the very last reading: a typo or a new level, which nothing after it can tell apart.
  const dataset = await uploadCsv(request, "last-typo-visits", dailyVisitsWith(119, 5000));
  const started = (await (await request.post(`/api/datasets/${dataset.id}/forecast`, { data: { horizon: 7, config: TINY } })).json()) as { id: string };
  const run = (await waitForRun(request, started.id)) as { status: string; series: { preprocessing: { outliers?: unknown[]; unusualEnd?: { t: number; value: number }[] } }[] };
  expect(run.status).toBe("done");
  expect(run.series[0]?.preprocessing.unusualEnd).toEqual([{ t: Date.UTC(2024, 3, 29), value: 5000 }]);
  expect(run.series[0]?.preprocessing.outliers).toBeUndefined();

  await page.goto(`/datasets/${dataset.id}?run=${started.id}`);
  await expect(page.getByTestId("unusual-end")).toHaveText(
    "The last value, 5,000 on 29 Apr 2024, is far out of line with the values before it. It was kept, since nothing after it shows whether it starts a new level, and every forecast starts from it: if it is a mistake, correct it in the file and forecast again.",
  );
});

test("GET /api/datasets/<id>/series/<seriesId>.csv gives the stored data back: uploaded again, the same points", async ({ request }) => {
  const text = "Datum;Umsatz\n31.01.2024;1.234,5\n29.02.2024;\n31.03.2024;-7,25\n30.04.2024;0,1\n";
  const first = await uploadCsv(request, "umsatz", text);
  const seriesId = first.series[0]?.id ?? "";
  for (const format of ["", "?format=excel"]) {
    const exported = await request.get(`/api/datasets/${first.id}/series/${seriesId}.csv${format}`);
    expect(exported.status()).toBe(200);
    const again = await uploadCsv(request, `umsatz-again${format ? "-excel" : ""}`, await exported.body());
    const points = async (d: { id: string; series: { id: string }[] }) =>
      (await (await request.get(`/api/datasets/${d.id}/series/${d.series[0]?.id}/points`)).json()) as { t: number[]; y: (number | null)[] };
    const [a, b] = [await points(first), await points(again)];
    expect(b).toEqual({ ...a, seriesId: again.series[0]?.id });
  }
});

test("a server-side forecast continues the file's way of writing times: NESO's settlement date and period, Excel serials with their places", async ({ request }) => {
  // A week of half hours up to 25 March 2023; on the 26th the UK clock skips 01:00 and 01:30.
  const days = Array.from({ length: 7 }, (_, d) => `2023-03-${19 + d}`);
  const demand = days.flatMap((date, d) => Array.from({ length: 48 }, (_, p) => `${date},${p + 1},${(25_000 + 5_000 * Math.sin((p / 48) * 2 * Math.PI) + 10 * d).toFixed(0)}`));
  const neso = await uploadCsv(request, "neso-demand", ["SETTLEMENT_DATE,SETTLEMENT_PERIOD,ND", ...demand].join("\n"));
  const nesoRun = await forecastOnServer(request, neso.id, { horizon: 6, config: TINY });
  const lines = (await (await request.get(`/api/runs/${nesoRun}/forecast.csv`)).text()).trimEnd().split("\n");
  expect(lines[0]).toBe("SETTLEMENT_DATE,SETTLEMENT_PERIOD,series,forecast,lower80,upper80,lower95,upper95");
  expect(lines.slice(1).map((line) => line.split(",").slice(0, 2).join(","))).toEqual(["2023-03-26,1", "2023-03-26,2", "2023-03-26,", "2023-03-26,", "2023-03-26,3", "2023-03-26,4"]);
  const json = (await (await request.get(`/api/runs/${nesoRun}/forecast.json`)).json()) as { series: { forecast: { settlementPeriod: number | null }[] }[] };
  expect(json.series[0]?.forecast.map((step) => step.settlementPeriod)).toEqual([1, 2, null, null, 3, 4]);

  // Ten days of hours written with six places, as a `0.000000` number format saves them.
  const load = Array.from({ length: 240 }, (_, i) => `${(45290 + i / 24).toFixed(6)},${(100 + 10 * Math.sin((i / 24) * 2 * Math.PI)).toFixed(1)}`);
  const serial = await uploadCsv(request, "serial-load", ["Timestamp,Load", ...load].join("\n"));
  const serialRun = await forecastOnServer(request, serial.id, { horizon: 3, config: TINY });
  const stamps = (await (await request.get(`/api/runs/${serialRun}/forecast.csv`)).text()).trimEnd().split("\n").slice(1).map((line) => line.split(",")[0]);
  expect(stamps).toEqual(["45300.000000", "45300.041667", "45300.083333"]);
});

test("errors are JSON with the right status, unknown API paths included", async ({ request }) => {
  // Its own dataset: the newest of the others may hold only a series too short for any horizon.
  const { id } = await uploadCsv(request, "visitors-errors", fs.readFileSync(MONTHLY));
  await expectJsonError(await request.post("/api/datasets/nope/forecast", { data: {} }), 404, /^There is no dataset with id `nope`\.$/);
  await expectJsonError(await request.post(`/api/datasets/${id}/forecast`, { data: Buffer.from("{nope"), headers: { "content-type": "application/json" } }), 400, /^The body is not valid JSON/);
  await expectJsonError(await request.post(`/api/datasets/${id}/forecast`, { data: { horizon: 0 } }), 422, /^The request is not valid: `horizon`/);
  const tiny = await uploadCsv(request, "visitors-four-months", "month,visitors\n2024-01,5\n2024-02,7\n2024-03,6\n2024-04,8\n");
  await expectJsonError(await request.post(`/api/datasets/${tiny.id}/forecast`, { data: {} }), 422, /has 4 usable values; a forecast needs at least 5, whatever the horizon/);
  await expectJsonError(await request.post(`/api/datasets/${id}/forecast`, { data: Buffer.from("x".repeat(70_000)), headers: { "content-type": "application/json" } }), 413, /^The request body is over 64 kB/);
  await expectJsonError(await request.get("/api/runs/nope/forecast.csv"), 404, /^There is no run with id `nope`\.$/);
  await expectJsonError(await request.get("/api/runs/nope/forecast.json?method=arima"), 422, /^The request is not valid: `method`/);
  await expectJsonError(await request.get(`/api/datasets/${id}/series/nope.csv`), 404, /has no series with id `nope`/);
  for (const path of ["/api", "/api/nope", "/api/runs/x/weights.bin", "/api/datasets/x/y/z"]) {
    await expectJsonError(await request.get(path), 404, /^There is no API at GET /);
  }
  const put = await request.put("/api/datasets", { data: {} });
  await expectJsonError(put, 405, /^\/api\/datasets does not take PUT; use GET or POST\.$/);
  expect(put.headers()["allow"]).toBe("GET, HEAD, POST, OPTIONS");
  await expectJsonError(await request.post(`/api/datasets/${id}`, { data: {} }), 405, /does not take POST; use GET or DELETE\.$/);
  await expectJsonError(await request.get(`/api/datasets/${id}/forecast`), 405, /does not take GET; use POST\.$/);
});

test("the runs list shows a server-side run while it trains; deleting it ends it", async ({ page, request }) => {
  const dataset = await uploadCsv(request, "visitors-live", fs.readFileSync(MONTHLY));
  const long = (await (await request.post(`/api/datasets/${dataset.id}/forecast`, { data: { horizon: 6, config: { epochs: 2000, patience: 2000, units: 16 } } })).json()) as { id: string };
  await page.goto(`/datasets/${dataset.id}`);
  const runs = page.getByRole("table", { name: "Saved runs" });
  const row = runs.locator(`tr[data-run-id="${long.id}"]`);
  await expect(row.getByText(/^Running \d+%$/)).toBeVisible({ timeout: 30_000 });
  await expect(row.getByText("Server")).toBeVisible();
  await expect(row.getByRole("button", { name: /^Open run of / })).toBeDisabled();
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: /^Delete run of / }).click();
  await expect(row).toHaveCount(0);
  expect((await request.get(`/api/runs/${long.id}`)).status()).toBe(404);

  // A run started by a script shows when the page is loaded again, and turns to done in the list by itself.
  const short = (await (await request.post(`/api/datasets/${dataset.id}/forecast`, { data: { horizon: 6, config: { ...TINY, epochs: 60, patience: 60 } } })).json()) as { id: string };
  await page.reload();
  const done = runs.locator(`tr[data-run-id="${short.id}"]`);
  await expect(done.getByRole("button", { name: /^Open run of / })).toBeEnabled({ timeout: 60_000 });
  await done.getByRole("button", { name: /^Open run of / }).click();
  await expect(page.getByTestId("forecast-chart")).toHaveAttribute("data-forecast-count", "6");
  await expect(waitForRun(request, short.id)).resolves.toMatchObject({ status: "done" });
});
