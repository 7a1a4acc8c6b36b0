import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { METHOD_LABELS, METHOD_MENU_LABELS } from "../lib/forecast/types";
import { expectEpochLabelsApart, forecastOnServer, MONTHLY, smallSettings, upload, uploadCsv } from "./helpers";

const TINY = path.join(import.meta.dirname, "fixtures", "tiny.csv");

/** Starts recording long main-thread tasks (PerformanceObserver "longtask") in every page load. */
async function observeLongTasks(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  });
}

/**
 * Records, in every page load, each value the training progress bar and the live loss chart take:
 * a short run can pass through its epochs between two polls of an assertion, so the test reads
 * what the page showed rather than racing it.
 */
async function recordTrainingStates(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __states: { what: string; value: string; training: boolean }[] };
    w.__states = [];
    const bar = () => document.querySelector('[role="progressbar"][aria-label="Training progress"]');
    const record = (el: Element) => {
      const training = bar() !== null;
      if (el.getAttribute("role") === "progressbar" && el.getAttribute("aria-label") === "Training progress") {
        w.__states.push({ what: "text", value: el.getAttribute("aria-valuetext") ?? "", training });
        w.__states.push({ what: "now", value: el.getAttribute("aria-valuenow") ?? "", training });
      }
      if (el.getAttribute("data-testid") === "loss-chart") {
        const epochs = el.getAttribute("data-epoch-count") ?? "";
        w.__states.push({ what: "epochs", value: epochs, training });
        w.__states.push({ what: "log scale", value: `${epochs}:${el.querySelector('input[type="checkbox"]') ? "shown" : "hidden"}`, training });
      }
    };
    new MutationObserver((mutations) => {
      for (const m of mutations) {
        if (m.type === "attributes" && m.target instanceof Element) record(m.target);
        for (const node of Array.from(m.addedNodes)) {
          if (!(node instanceof Element)) continue;
          record(node);
          node.querySelectorAll('[role="progressbar"], [data-testid="loss-chart"]').forEach(record);
        }
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-valuetext", "aria-valuenow", "data-epoch-count"] });
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The value axis's ticks (the chart's data-value-ticks) are round: evenly spaced by 1, 2, 2.5 or 5
 * times a power of ten, each a whole number of steps (no 8.5K, 17K, 25.5K or 217.3846).
 */
function expectRoundTicks(attribute: string | null) {
  const ticks = (attribute ?? "").split(" ").map(Number);
  expect(ticks.length).toBeGreaterThanOrEqual(3);
  const step = (ticks[1] as number) - (ticks[0] as number);
  const mantissa = step / 10 ** Math.floor(Math.log10(step));
  expect([1, 2, 2.5, 5].some((m) => Math.abs(mantissa - m) < 1e-9)).toBe(true);
  for (const [i, t] of ticks.entries()) {
    expect(Math.abs(t / step - Math.round(t / step))).toBeLessThan(1e-6);
    if (i > 0) expect(t - (ticks[i - 1] as number)).toBeCloseTo(step, 9);
  }
}

const backtestTable = (page: Page) => page.getByRole("table", { name: /^Backtest of / });

test("train a forecast: progress, live loss, forecast with both bands, saved and reopened with the same numbers", async ({ page }) => {
  await observeLongTasks(page);
  await recordTrainingStates(page);
  await upload(page, MONTHLY);
  await expect(page.getByTestId("series-chart")).toHaveAttribute("data-point-count", "72");
  await expect(page.getByText("No forecast yet")).toBeVisible();
  await expect(page.getByLabel(/^Horizon/)).toHaveValue("12");

  // Small, but with epochs enough that training outlasts the page's progress updates (every
  // 250 ms): eight epochs of this network finish in about 200 ms, before the first one.
  await smallSettings(page, { "Max epochs": "60", "LSTM units": "8", "Ensemble size": "1", "Patience (epochs)": "60" });
  const workerStarted = page.waitForEvent("worker");
  await page.getByRole("button", { name: "Train forecast" }).click();
  await workerStarted;
  await expect(page.getByRole("progressbar", { name: "Training progress" })).toBeVisible();

  const result = page.getByTestId("run-result");
  await expect(result).toBeVisible({ timeout: 90_000 });
  // While it trained, the bar said the epoch, the time and the backend and moved, and the live
  // loss chart grew epoch by epoch.
  const states = await page.evaluate(() => (window as unknown as { __states: { what: string; value: string; training: boolean }[] }).__states);
  expect(states.filter((x) => x.what === "text").map((x) => x.value)).toContainEqual(expect.stringMatching(/epoch \d+ of up to \d+ .*elapsed.*(wasm|cpu)/));
  // The bar named the backend as the saved run's details name it, not first one way and then the other.
  const backend = (await result.getByRole("listitem").filter({ hasText: /^Backend/ }).locator("strong").textContent()) ?? "";
  const named = states.filter((x) => x.what === "text" && x.training && / elapsed /.test(x.value)).map((x) => x.value.split(" · backend ")[1]);
  expect(new Set(named)).toEqual(new Set([backend]));
  expect(Math.max(...states.filter((x) => x.what === "now").map((x) => Number(x.value)))).toBeGreaterThan(0);
  expect(Math.max(0, ...states.filter((x) => x.what === "epochs" && x.training).map((x) => Number(x.value)))).toBeGreaterThanOrEqual(2);
  // The loss card offered its log scale only once there was a loss to scale.
  const logScale = states.filter((x) => x.what === "log scale").map((x) => x.value);
  expect(logScale).toContain("0:hidden");
  expect(logScale.filter((v) => v.startsWith("0:"))).not.toContain("0:shown");
  expect(logScale.filter((v) => !v.startsWith("0:") && v.endsWith(":shown")).length).toBeGreaterThan(0);

  const chart = page.getByTestId("forecast-chart");
  await expect(chart).toHaveAttribute("data-forecast-count", "12");
  await expect(chart).toHaveAttribute("data-band80-count", "12");
  await expect(chart).toHaveAttribute("data-band95-count", "12");
  for (const entry of ["History", "Forecast", "80% interval", "95% interval"]) {
    await expect(chart.getByRole("list", { name: "Legend" }).getByText(entry, { exact: true })).toBeVisible();
  }
  expectRoundTicks(await chart.getAttribute("data-value-ticks"));
  // The zoom handles are sliders, each named for its end of the window and the dates on show (not
  // epoch milliseconds, not one name for both), and the arrow keys move them.
  const month = "[A-Z][a-z]{2} \\d{4}";
  const start = chart.getByRole("slider", { name: new RegExp(`^Zoom start: ${month}, showing ${month} to ${month}\\.`) });
  const end = chart.getByRole("slider", { name: new RegExp(`^Zoom end: ${month}, showing ${month} to ${month}\\.`) });
  await expect(start).toHaveCount(1);
  await expect(end).toHaveCount(1);
  const zoomBefore = (await start.getAttribute("aria-label")) ?? "";
  const windowBefore = await chart.getAttribute("data-window-from");
  await start.focus();
  await page.keyboard.press("ArrowRight");
  await expect(start).not.toHaveAttribute("aria-label", zoomBefore);
  await expect(chart).not.toHaveAttribute("data-window-from", windowBefore ?? "");
  await expect(end).toHaveAttribute("aria-label", /^Zoom end: /);
  await expect(page.getByTestId("chosen-reason")).toContainText(/MASE/);
  // Monthly data: the season of 12 was tested for and the scale chosen, and the run says which, in months.
  await expect(page.getByTestId("preprocessing")).toContainText(/^Before the network: (log|original) scale · (a season of 12 months removed|season of 12 months too weak to remove)/);
  const table = backtestTable(page);
  // A header row, then one row per method, each named by its label.
  await expect(table.getByRole("row")).toHaveCount(1 + Object.keys(METHOD_LABELS).length);
  for (const label of Object.values(METHOD_LABELS)) await expect(table.getByRole("row", { name: new RegExp(`^${escapeRegExp(label)}`) })).toHaveCount(1);
  await expect(table.getByText("Best MASE")).toHaveCount(1);
  const numbers = await table.innerText();

  // Training ran in the worker (above) and the page's own tasks stayed short between the marks the
  // page sets around a run. The bound is loose on purpose: this machine is shared, and timings are
  // the benchmark's job (npm run bench:workbench reports the longest task against the 50 ms target).
  const longest = await page.evaluate(() => {
    const from = performance.getEntriesByName("tidecast:training-start")[0]?.startTime ?? 0;
    const to = performance.getEntriesByName("tidecast:training-end")[0]?.startTime ?? performance.now();
    const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks;
    return Math.max(0, ...tasks.filter((t) => t.start >= from && t.start <= to).map((t) => t.duration));
  });
  test.info().annotations.push({ type: "longest main-thread task during training (ms)", description: String(Math.round(longest)) });
  expect(longest).toBeLessThan(1000);

  // The run is saved: after a reload it is listed and opens with the same numbers.
  await expect(page).toHaveURL(/\?run=/);
  await page.goto(page.url().replace(/\?.*$/, ""));
  const runs = page.getByRole("table", { name: "Saved runs" });
  await expect(runs.getByRole("row")).toHaveCount(2);
  await expect(runs).toContainText("visitors");
  await runs.getByRole("button", { name: /^Open run of / }).click();
  await expect(page.getByTestId("forecast-chart")).toHaveAttribute("data-band95-count", "12");
  expect(await backtestTable(page).innerText()).toBe(numbers);
  await expect(page.getByTestId("loss-chart").getByRole("checkbox", { name: "Log scale" })).toBeVisible();
});

test("stop in the middle keeps a usable model", async ({ page }) => {
  await upload(page, MONTHLY);
  await smallSettings(page, { "Max epochs": "400", "LSTM units": "8", "Ensemble size": "1", "Patience (epochs)": "400" });
  await page.getByRole("button", { name: "Train forecast" }).click();
  const bar = page.getByRole("progressbar", { name: "Training progress" });
  await expect(bar).toHaveAttribute("aria-valuetext", /epoch ([3-9]|\d\d+) of up to 400/, { timeout: 60_000 });
  // The live loss chart is drawn at its frame's real width (a fixed 720-wide drawing scaled its
  // text with the card), and its legend names the curves drawn so far.
  const frame = page.getByTestId("live-loss-frame");
  const frameWidth = Math.floor((await frame.boundingBox())?.width ?? 0);
  expect(frameWidth).toBeGreaterThan(300);
  const live = frame.getByRole("img", { name: /^Loss over \d+ epochs$/ });
  await expect(live).toHaveAttribute("width", String(frameWidth));
  await expect(live).toHaveAttribute("viewBox", `0 0 ${frameWidth} 220`);
  await expect(page.getByTestId("loss-chart").getByRole("list", { name: "Legend" }).getByRole("listitem")).not.toHaveCount(0);
  // "epoch" sits in the plot's corner where the falling curves end: painted after them, so none strikes it through.
  expect(await live.evaluate((svg) => {
    const name = [...svg.querySelectorAll("text")].find((t) => t.textContent === "epoch") as Element;
    return [...svg.querySelectorAll("path")].every((path) => (path.compareDocumentPosition(name) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0);
  })).toBe(true);
  // Past epoch 15 the axis can end on the step's tick and the last epoch (`15 16` sat 8 px apart): every label keeps clear of the next.
  await expect(page.getByTestId("loss-chart")).toHaveAttribute("data-epoch-count", /^(1[6-9]|[2-9]\d|\d{3,})$/, { timeout: 60_000 });
  await expectEpochLabelsApart(live, "text.epoch-tick", `the live chart, ${frameWidth} px`);
  await page.getByRole("button", { name: "Stop" }).click();

  await expect(page.getByTestId("run-result")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("Training was stopped early")).toBeVisible();
  await expect(page.getByTestId("forecast-chart")).toHaveAttribute("data-forecast-count", "12");
  await expect(page.getByRole("table", { name: "Saved runs" }).getByText("Stopped early")).toBeVisible();

  // The saved model forecasts again without retraining.
  await page.getByRole("button", { name: "Forecast with saved model" }).click();
  await expect(page.getByText("Forecast made just now by the saved model")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("forecast-chart")).toHaveAttribute("data-band80-count", "12");
});

test("leave a period out: month fields checked, the run fills it along the season, says so, shades it, and keeps it when reopened", async ({ page }) => {
  await upload(page, MONTHLY, "leave-out-visitors.csv");
  await smallSettings(page, { "Max epochs": "3", "LSTM units": "4", "Ensemble size": "1", "Patience (epochs)": "3" });
  const panel = page.getByRole("group", { name: "Leave out a period" });
  await panel.getByRole("button", { name: "Leave out a period" }).click();
  const from = panel.getByLabel("Start of the period to leave out");
  const to = panel.getByLabel("End of the period to leave out");
  // Monthly data is asked in months.
  await expect(from).toHaveAttribute("type", "month");
  // A mistyped end is said under the fields once the field is left, in Train's words, not while it is typed.
  const fieldProblem = panel.getByTestId("leave-out-field-problem");
  await from.focus();
  await page.keyboard.type("3");
  await expect(fieldProblem).toHaveCount(0);
  await to.focus();
  await expect(fieldProblem).toHaveText("The period to leave out needs a start and an end (a month (YYYY-MM)), or remove it.");
  await expect(from).toHaveAttribute("aria-invalid", "true");
  await from.fill("2021-06");
  await expect(fieldProblem).toHaveCount(0);
  await to.fill("2020-03");
  await expect(fieldProblem).toHaveCount(0);
  await to.blur();
  const backwards = "The period to leave out ends (2020-03) before it starts (2021-06).";
  await expect(fieldProblem).toHaveText(backwards);
  await expect(to).toHaveAttribute("aria-invalid", "true");
  const problemId = (await fieldProblem.getAttribute("id")) as string;
  expect((await to.getAttribute("aria-describedby"))?.split(" ")).toContain(problemId);
  await page.getByRole("button", { name: "Train forecast" }).click();
  await expect(page.getByRole("form", { name: "Training settings" }).getByRole("alert")).toHaveText(backwards);
  // Once said, it follows each change: gone as soon as the period reads.
  await from.fill("2020-03");
  await expect(fieldProblem).toHaveCount(0);
  await expect(to).not.toHaveAttribute("aria-invalid", "true");
  await to.fill("2021-06");
  // A second period can be added and removed again.
  await panel.getByRole("button", { name: "Leave out another period" }).click();
  await expect(page.getByText("months ahead, at most 72")).toBeVisible();
  // A period at the start is dropped like a leading gap: the horizon's limit counts it out.
  await panel.getByLabel("Start of the period 2 to leave out").fill("2016-01");
  await panel.getByLabel("End of the period 2 to leave out").fill("2016-12");
  await expect(page.getByText("months ahead, at most 60")).toBeVisible();
  await panel.getByRole("button", { name: "Remove the period 2 to leave out" }).click();
  await expect(page.getByText("months ahead, at most 72")).toBeVisible();
  await expect(panel.getByLabel("Start of the period to leave out")).toHaveValue("2020-03");
  await page.getByRole("button", { name: "Train forecast" }).click();

  const result = page.getByTestId("run-result");
  await expect(result).toBeVisible({ timeout: 90_000 });
  const note = "16 values left out (Mar 2020 – Jun 2021), filled along the season";
  const check = async () => {
    await expect(page.getByTestId("preprocessing")).toContainText(note);
    await expect(page.getByTestId("run-left-out")).toHaveText("Left out Mar 2020 – Jun 2021");
    const chart = page.getByTestId("forecast-chart");
    await expect(chart).toHaveAttribute("data-left-out", `${Date.UTC(2020, 2, 1)}-${Date.UTC(2021, 6, 1) - 1}`);
    await expect(chart.locator(".left-out-area")).toHaveCount(1);
    await expect(chart.getByRole("list", { name: "Legend" })).toContainText("Period left out of training");
  };
  await check();
  await page.reload();
  await expect(page.getByTestId("run-result")).toBeVisible();
  await check();
});

test("periods to leave out are checked before Train in the run's words, and the default horizon follows one at the start until a horizon is typed", async ({ page }) => {
  await upload(page, MONTHLY, "leave-out-checks.csv");
  const horizon = page.getByLabel(/^Horizon/);
  await expect(horizon).toHaveValue("12");
  const panel = page.getByRole("group", { name: "Leave out a period" });
  await panel.getByRole("button", { name: "Leave out a period" }).click();
  const from = panel.getByLabel("Start of the period to leave out");
  const to = panel.getByLabel("End of the period to leave out");
  // Jan 2016 – Feb 2021 left out keeps 10 months: the default horizon follows the limit down.
  await from.fill("2016-01");
  await to.fill("2021-02");
  await expect(page.getByText("months ahead, at most 10")).toBeVisible();
  await expect(horizon).toHaveValue("5");
  await expect(page.getByTestId("horizon-problem")).toHaveCount(0);
  // A horizon the analyst typed is theirs: the panel says what is wrong rather than changing it.
  await horizon.fill("12");
  await expect(page.getByTestId("horizon-problem")).toContainText("The horizon may be at most 10 steps");
  await to.fill("2016-12");
  await expect(page.getByText("months ahead, at most 60")).toBeVisible();
  await expect(horizon).toHaveValue("12");
  await expect(page.getByTestId("horizon-problem")).toHaveCount(0);

  // A period over the last value: the run's own sentence, before Train, and Train refused with it.
  const problem = panel.getByTestId("leave-out-problem");
  await expect(problem).toHaveCount(0);
  await from.fill("2021-06");
  await to.fill("2021-12");
  const covers = 'The period left out, Jun 2021 – Dec 2021, covers the last value of "visitors" (Dec 2021): nothing would be left to start the forecast from; end it by Nov 2021 at the latest.';
  await expect(problem).toHaveText(covers);
  await expect(to).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Train forecast" }).click();
  await expect(page.getByRole("form", { name: "Training settings" }).getByRole("alert")).toHaveText(covers);
  await expect(page.getByRole("progressbar", { name: "Training progress" })).toHaveCount(0);
  // A period outside the series holds nothing to leave out, as the run says.
  await from.fill("2030-01");
  await to.fill("2030-06");
  await expect(problem).toHaveText("The period left out, Jan 2030 – Jun 2030, holds no value to leave out (the series run Jan 2016 – Dec 2021).");
  await from.fill("2020-03");
  await to.fill("2021-06");
  await expect(problem).toHaveCount(0);
  await expect(to).not.toHaveAttribute("aria-invalid", "true");
});

test("a series too short for the LSTM gets Theta's forecast, labelled, judged against naive, saved and exported", async ({ page }) => {
  // Another name than tiny.csv: upload.spec.ts looks for its own "tiny" dataset in the list.
  await upload(page, TINY, "too-short.csv");
  // 12 daily values: the default horizon is half the history, too far for the LSTM and its backtest.
  await expect(page.getByTestId("horizon-note")).toContainText("This series is too short for the LSTM at a horizon of 6");
  // The network's settings would change nothing in a Theta run: they are not offered.
  await page.getByText("Advanced settings").click();
  await expect(page.getByTestId("classical-settings-note")).toHaveText("Theta's forecast has no settings to tune. The LSTM's appear here once the history is long enough for the horizon.");
  await expect(page.getByLabel("LSTM units", { exact: true })).toHaveCount(0);
  await page.getByRole("button", { name: "Forecast with Theta" }).click();
  const result = page.getByTestId("run-result");
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("chosen-reason")).toContainText('Series "value" has 12 usable values; the LSTM with a backtest needs 29 for 6 steps');
  await expect(result.getByText("No network trained")).toBeVisible();
  await expect(page.getByLabel("Forecast shown")).toContainText(`Recommended: ${METHOD_MENU_LABELS.theta}`);
  const chart = page.getByTestId("forecast-chart");
  await expect(chart).toHaveAttribute("data-forecast-count", "6");
  await expect(chart).toHaveAttribute("data-band95-count", "6");
  const table = backtestTable(page);
  await expect(table.getByRole("row", { name: new RegExp(`^${escapeRegExp(METHOD_LABELS.theta)}`) })).toBeVisible();
  await expect(table.getByRole("row", { name: new RegExp(`^${escapeRegExp(METHOD_LABELS.naive)}`) })).toBeVisible();
  await expect(page.getByTestId("loss-chart")).toHaveCount(0);

  const exportBar = page.getByRole("group", { name: "Export" });
  const [download] = await Promise.all([page.waitForEvent("download"), exportBar.getByRole("button", { name: "Export CSV" }).click()]);
  const lines = fs.readFileSync(await download.path(), "utf8").trimEnd().split("\n");
  expect(lines[0]).toBe("timestamp,series,forecast,lower80,upper80,lower95,upper95");
  expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(["2024-01-13", "2024-01-14", "2024-01-15", "2024-01-16", "2024-01-17", "2024-01-18"]);
  // Saved like every run: it is listed and opens again, without a model to download.
  await expect(page).toHaveURL(/\?run=/);
  await page.goto(page.url().replace(/\?.*$/, ""));
  const runs = page.getByRole("table", { name: "Saved runs" });
  await expect(runs.getByRole("row")).toHaveCount(2);
  await runs.getByRole("button", { name: /^Open run of / }).click();
  await expect(page.getByTestId("forecast-chart")).toHaveAttribute("data-band95-count", "6");
  await expect(page.getByTestId("chosen-reason")).toContainText("Theta's forecast");
  await expect(page.getByRole("button", { name: "Forecast with saved model" })).toHaveCount(0);
});

test("a horizon longer than the history: the field shows the limit, the note says what to change, and nothing runs", async ({ page }) => {
  await upload(page, TINY, "horizon-limit.csv");
  const horizon = page.getByLabel(/^Horizon/);
  await expect(horizon).toHaveAttribute("max", "12");
  await expect(page.getByText("days ahead, at most 12")).toBeVisible();
  await horizon.fill("100000");
  const note = page.getByTestId("horizon-problem");
  await expect(note).toHaveText("The horizon may be at most 12 steps, the length of the history (got 100,000). Choose a horizon of at most 12 steps, or upload a longer history.");
  await expect(horizon).toHaveAttribute("aria-invalid", "true");
  // Not "Forecast with Theta": the run refuses this horizon, whichever method would make it.
  await expect(page.getByRole("button", { name: "Forecast with Theta" })).toHaveCount(0);
  await page.getByRole("button", { name: "Train forecast" }).click();
  // Said by the panel, in its words, not by the browser's bubble for the field's max.
  await expect(page.getByRole("form", { name: "Training settings" }).getByRole("alert")).toHaveText(/^The horizon may be at most 12 steps/);
  await expect(page.getByRole("progressbar", { name: "Training progress" })).toHaveCount(0);
  await expect(page.getByTestId("run-result")).toHaveCount(0);
  await horizon.fill("12");
  await expect(note).toHaveCount(0);
});

/** Six years of months, as a wide file's time column. */
const MONTHS = Array.from({ length: 72 }, (_, i) => `${2016 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`);

/** Uploads a wide file of two series and chooses both for training. */
async function openBothSeries(page: Page, fileName: string, csv: string) {
  await page.goto("/");
  await page.getByLabel("Upload CSV").setInputFiles({ name: fileName, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Import 2 series" }).click();
  await page.waitForURL(/\/datasets\/[a-z0-9]+$/);
  await page.getByRole("button", { name: "All" }).click();
}

test("a wide file whose second product started late: the LSTM for the long series, Theta for the short one, in one run", async ({ page }) => {
  const csv = ["month,old,new", ...MONTHS.map((m, i) => `${m},${100 + 10 * Math.sin(i / 2) + i},${i >= 52 ? 50 + i : ""}`)].join("\n");
  await openBothSeries(page, "launch.csv", csv);
  await page.getByLabel("Horizon").fill("6");
  await expect(page.getByTestId("horizon-note")).toContainText("the series shorter than that get Theta's forecast (a classical method; a naive one when it backtests far better) and the others train the LSTM");
  await smallSettings(page, { "Max epochs": "3", "LSTM units": "4", "Ensemble size": "1", "Patience (epochs)": "3" });
  await page.getByRole("button", { name: "Train forecast" }).click();
  await expect(page.getByTestId("run-result")).toBeVisible({ timeout: 90_000 });
  const series = page.getByTestId("run-result").getByRole("combobox", { name: "Series", exact: true });
  await expect(page.getByLabel("Forecast shown")).toContainText(`Recommended: ${METHOD_MENU_LABELS.lstm}`);
  await series.selectOption({ label: "new" });
  await expect(page.getByLabel("Forecast shown")).toContainText(`Recommended: ${METHOD_MENU_LABELS.theta}`);
  await expect(page.getByTestId("chosen-reason")).toContainText('Series "new" has 20 usable values');
  await expect(page.getByTestId("forecast-chart")).toHaveAttribute("data-forecast-count", "6");
});

test("a wide file with a column of 3 values: the panel says it will be left out, the run forecasts the rest and says which it left out, also when reopened", async ({ page }) => {
  const csv = ["month,core,pilot", ...MONTHS.map((m, i) => `${m},${100 + 10 * Math.sin(i / 2) + i},${i >= 69 ? 40 + i : ""}`)].join("\n");
  await openBothSeries(page, "pilot-launch.csv", csv);
  await expect(page.getByTestId("skipped-note")).toContainText("pilot has fewer than the 5 values a forecast needs, so the run leaves it out and forecasts the others.");
  await smallSettings(page, { "Max epochs": "3", "LSTM units": "4", "Ensemble size": "1", "Patience (epochs)": "3" });
  // The automatic settings shown are the network's, which trains on core alone: pilot's 3 values must not shrink them.
  const lookback = page.getByLabel("Lookback (steps)", { exact: true });
  const withPilot = await lookback.getAttribute("placeholder");
  expect(withPilot).toMatch(/^auto: \d+$/);
  await page.getByRole("checkbox", { name: "pilot" }).uncheck();
  await expect(lookback).toHaveAttribute("placeholder", withPilot as string);
  await page.getByRole("checkbox", { name: "pilot" }).check();
  await page.getByRole("button", { name: "Train forecast" }).click();
  await expect(page.getByTestId("run-result")).toBeVisible({ timeout: 90_000 });
  const skipped = page.getByTestId("skipped-series");
  await expect(skipped).toContainText('Series "pilot" has 3 usable values; a forecast needs at least 5, whatever the horizon, so it was left out of this run');
  await expect(page.getByTestId("forecast-chart")).toHaveAttribute("data-forecast-count", /^[1-9]\d*$/);
  await page.reload();
  await expect(page.getByTestId("skipped-series")).toContainText('Series "pilot" has 3 usable values');
});

test("a wide file with a column whose readings stopped 20 months early: the run forecasts the others from the file's end and says which it left out, and why", async ({ page }) => {
  const csv = ["month,core,south", ...MONTHS.map((m, i) => `${m},${100 + 10 * Math.sin(i / 2) + i},${i < MONTHS.length - 20 ? 50 + (i % 12) : ""}`)].join("\n");
  await openBothSeries(page, "sensor-removed.csv", csv);
  await smallSettings(page, { "Max epochs": "3", "LSTM units": "4", "Ensemble size": "1", "Patience (epochs)": "3" });
  // Said before Train, and following the horizon and the chosen series.
  const stopped = page.getByTestId("stopped-note");
  await page.getByLabel("Horizon").fill("24");
  await expect(stopped).toHaveText("south's readings stop at Apr 2020, 20 months before the others end: its forecast starts from its last reading carried forward over them.");
  await expect(stopped).not.toHaveClass(/warning/);
  await page.getByLabel("Horizon").fill("6");
  await expect(stopped).toHaveText("south's readings stop at Apr 2020, 20 months before the others end: with a horizon of 6 months it will be left out of the run (forecast it on its own to continue it).");
  await expect(stopped).toHaveClass(/warning/);
  await page.getByRole("checkbox", { name: "south" }).uncheck();
  await expect(stopped).toHaveCount(0);
  await page.getByRole("checkbox", { name: "south" }).check();
  await expect(stopped).toHaveClass(/warning/);
  await page.getByRole("button", { name: "Train forecast" }).click();
  await expect(page.getByTestId("run-result")).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId("skipped-series")).toContainText(/Series "south" was left out of this run: its readings stop at \w+ \d{4}, and its last 20 months are missing, more than the 6 months forecast\./);
  await expect(page.getByTestId("forecast-chart")).toHaveAttribute("data-forecast-count", "6");
});

test("a wide file with a column that stopped: a period over its last readings is taken, as the run pads it to the others' end, and counted in its note", async ({ page }) => {
  // south first: a period over the file's end was said to cover its last value at Dec 2021, where it has none.
  const csv = ["month,south,core", ...MONTHS.map((m, i) => `${m},${i < MONTHS.length - 20 ? 50 + (i % 12) : ""},${100 + 10 * Math.sin(i / 2) + i}`)].join("\n");
  await openBothSeries(page, "sensor-removed-left-out.csv", csv);
  const panel = page.getByRole("group", { name: "Leave out a period" });
  await panel.getByRole("button", { name: "Leave out a period" }).click();
  // Mar – Jun 2020 takes south's last two readings, not the file's end.
  await panel.getByLabel("Start of the period to leave out").fill("2020-03");
  await panel.getByLabel("End of the period to leave out").fill("2020-06");
  await expect(page.getByTestId("stopped-note")).toHaveText(
    "south's readings stop at Apr 2020, and with its last 2 months left out its last reading kept is Feb 2020, 22 months before the others end: with a horizon of 12 months it will be left out of the run (forecast it on its own to continue it).",
  );
  await expect(panel.getByTestId("leave-out-problem")).toHaveCount(0);
  // Over the file's end it is refused, as the run refuses it.
  await panel.getByLabel("End of the period to leave out").fill("2021-12");
  await expect(panel.getByTestId("leave-out-problem")).toHaveText(
    'The period left out, Mar 2020 – Dec 2021, covers the last value of "core" (Dec 2021): nothing would be left to start the forecast from; end it by Nov 2021 at the latest.',
  );
});

test("a column 2 months behind is forecast from the file's end by the run and again by its saved model", async ({ page }) => {
  const csv = ["month,core,east", ...MONTHS.map((m, i) => `${m},${100 + 10 * Math.sin(i / 2) + i},${i < MONTHS.length - 2 ? 50 + (i % 12) : ""}`)].join("\n");
  await openBothSeries(page, "east-behind.csv", csv);
  await smallSettings(page, { "Max epochs": "3", "LSTM units": "4", "Ensemble size": "1", "Patience (epochs)": "3" });
  await page.getByLabel("Horizon").fill("6");
  await expect(page.getByTestId("stopped-note")).toHaveText("east's readings stop at Oct 2021, 2 months before the others end: its forecast starts from its last reading carried forward over them.");
  await page.getByRole("button", { name: "Train forecast" }).click();
  await expect(page.getByTestId("run-result")).toBeVisible({ timeout: 90_000 });
  await page.getByRole("combobox", { name: "Series" }).selectOption({ label: "east" });
  const chart = page.getByTestId("forecast-chart");
  await expect(chart).toHaveAttribute("data-series-name", "east");
  await expect(page.getByTestId("missing-end")).toContainText("Its readings stop at Oct 2021");
  // The run's forecast ends 6 months after core's Dec 2021, not after east's Oct 2021.
  await expect(chart).toHaveAttribute("data-window-to", String(Date.UTC(2022, 5, 1)));
  await page.getByRole("button", { name: "Forecast with saved model" }).click();
  await expect(page.getByText("Forecast made just now by the saved model")).toBeVisible({ timeout: 60_000 });
  await expect(chart).toHaveAttribute("data-window-to", String(Date.UTC(2022, 5, 1)));
  await expect(page.getByTestId("missing-end")).toContainText("Its readings stop at Oct 2021");
});

test("two runs compare on one chart, and a run can be deleted", async ({ page }) => {
  // The value column names its unit: the comparison's axis shows it, as the forecast chart's does.
  const csv = fs.readFileSync(MONTHLY, "utf8").replace(/^month,visitors/, "month,visitors (thousands)");
  await page.goto("/");
  await page.getByLabel("Upload CSV").setInputFiles({ name: "visitors-unit.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Import 1 series" }).click();
  await page.waitForURL(/\/datasets\/[a-z0-9]+$/);
  await smallSettings(page, { "Max epochs": "3", "LSTM units": "8", "Ensemble size": "1", "Patience (epochs)": "3" });
  for (const seed of ["1", "2"]) {
    await page.getByLabel("Seed", { exact: true }).fill(seed);
    await page.getByRole("button", { name: "Train forecast" }).click();
    await expect(page.getByTestId("run-result")).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole("button", { name: "Train forecast" })).toBeEnabled();
  }
  const runs = page.getByRole("table", { name: "Saved runs" });
  await expect(runs.getByRole("row")).toHaveCount(3);
  const compare = runs.getByRole("checkbox", { name: /^Compare run of / });
  await compare.nth(0).check();
  await expect(page.getByText("Tick one more run to compare.")).toBeVisible();
  await compare.nth(1).check();
  const comparison = page.getByTestId("run-compare");
  await expect(comparison).toBeVisible();
  await expect(comparison).toContainText("seed 1");
  await expect(comparison).toContainText("seed 2");
  await expect(comparison.getByText("thousands", { exact: true })).toBeVisible();
  await expect(page.getByTestId("forecast-chart").getByText("thousands", { exact: true })).toBeVisible();
  expectRoundTicks(await comparison.getAttribute("data-value-ticks"));
  // Over the forecasts, the tooltip writes each run's value and band as the forecast chart's does,
  // with the unit ("Run A (…) : 243.5123" had a model's noise for decimals and a spaced colon).
  const drawing = comparison.getByRole("application");
  const box = (await drawing.boundingBox()) as { x: number; y: number; width: number; height: number };
  await page.mouse.move(box.x + box.width - 30, box.y + box.height / 2);
  const items = comparison.locator(".recharts-tooltip-item");
  await expect(items.filter({ hasText: /^Run A / }).first()).toBeVisible();
  for (const item of await items.allInnerTexts()) {
    expect(item, "no space before the colon").not.toContain(" : ");
    const [, value] = /: (.+)$/.exec(item) ?? [];
    expect(value, item).toMatch(/ thousands$/);
    // Visitors in the hundreds: one decimal at most, as formatEstimate writes them.
    for (const n of (value as string).match(/[\d,.]+/g) ?? []) expect(n, item).toMatch(/^\d{1,3}(,\d{3})*(\.\d)?$/);
  }

  page.once("dialog", (dialog) => void dialog.accept());
  await runs.getByRole("button", { name: /^Delete run of / }).first().click();
  await expect(runs.getByRole("row")).toHaveCount(2);
  await expect(comparison).toHaveCount(0);
});

test("a 50,000-point series opens on its last points, drawn whole, nine times the day ahead, with round value ticks", async ({ page, request }) => {
  const n = 50_000;
  const HOUR = 3_600_000;
  const t0 = Date.UTC(2019, 0, 1);
  const lines = ["time,Load (MW)"];
  for (let i = 0; i < n; i++) lines.push(`${new Date(t0 + i * HOUR).toISOString().slice(0, 16).replace("T", " ")},${(1000 + 200 * Math.sin((2 * Math.PI * i) / 24) + 0.01 * i).toFixed(2)}`);
  const dataset = await uploadCsv(request, "long-hourly", lines.join("\n"));
  const runId = await forecastOnServer(request, dataset.id, { horizon: 24, config: { epochs: 1, units: 4, ensembleSize: 1, patience: 1, maxWindows: 200, backtestOrigins: 3 } });

  await page.goto(`/datasets/${dataset.id}?run=${runId}`);
  const chart = page.getByTestId("forecast-chart");
  await expect(chart).toHaveAttribute("data-history-count", String(n));
  await expect(chart).toHaveAttribute("data-forecast-count", "24");
  // The window starts 192 hours (eight days) before the end, inside the last 1,000 points drawn
  // whole, and runs to the forecast's last step: opened on all 1,000 the day ahead was a sliver.
  await expect(chart).toHaveAttribute("data-window-from", String(t0 + (n - 192) * HOUR));
  await expect(chart).toHaveAttribute("data-window-to", String(t0 + (n - 1 + 24) * HOUR));
  await expect(chart.getByRole("slider", { name: /^Zoom start: \d+ [A-Z][a-z]{2} 2024 \d\d:00, showing/ })).toHaveCount(1);
  expectRoundTicks(await chart.getAttribute("data-value-ticks"));
  await expect(chart.getByText("MW", { exact: true })).toBeVisible();
});

test("a saved run's loss legend names only the curves drawn (no validation curve without validation data)", async ({ page, request }) => {
  const dataset = await uploadCsv(request, "no-validation", fs.readFileSync(MONTHLY));
  const runId = await forecastOnServer(request, dataset.id, { horizon: 12, config: { epochs: 3, units: 4, ensembleSize: 1, patience: 3, validationFraction: 0 } });
  await page.goto(`/datasets/${dataset.id}?run=${runId}`);
  const legend = page.getByTestId("loss-chart").getByRole("list", { name: "Legend" });
  await expect(legend.getByRole("listitem")).toHaveText(["Backtest model: train", "Final model: train"]);
});

test("a link to a run that was deleted says so in the Forecast card, where the run would open, not among the saved runs below", async ({ page, request }) => {
  const dataset = await uploadCsv(request, "deleted-run-link", fs.readFileSync(MONTHLY));
  const runId = await forecastOnServer(request, dataset.id, { horizon: 12, config: { epochs: 3, units: 4, ensembleSize: 1, patience: 3 } });
  expect((await request.delete(`/api/runs/${runId}`)).status()).toBe(204);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/datasets/${dataset.id}?run=${runId}`);
  const result = page.getByRole("region", { name: "Forecast", exact: true });
  const alert = result.getByRole("alert");
  await expect(alert).toHaveText(`Could not open the run: There is no run with id ${runId}.`);
  // On screen as the page opens: the saved runs' card, where it was, starts below the fold.
  await expect(alert).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole("region", { name: "Saved runs" }).getByRole("alert")).toHaveCount(0);
  // Opening a saved run clears it.
  await forecastOnServer(request, dataset.id, { horizon: 12, config: { epochs: 3, units: 4, ensembleSize: 1, patience: 3 } });
  await page.reload();
  await page.getByRole("table", { name: "Saved runs" }).getByRole("button", { name: /^Open run of / }).first().click();
  await expect(page.getByTestId("run-result")).toBeVisible();
  await expect(result.getByRole("alert")).toHaveCount(0);
});

test("a missing dataset or page has a heading, a title and the way back", async ({ page }) => {
  for (const [url, heading] of [
    ["/datasets/nope", "Dataset not found"],
    ["/nope", "Page not found"],
  ] as const) {
    const response = await page.goto(url);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(page).toHaveTitle(`${heading} · Tidecast`);
    await page.getByRole("link", { name: "Go to your datasets" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1, name: "Your time series" })).toBeVisible();
  }
});

test("a saved run's time and backend read the same in the runs list and in the run's details", async ({ page, request }) => {
  const dataset = await uploadCsv(request, "run-labels", fs.readFileSync(MONTHLY));
  const runId = await forecastOnServer(request, dataset.id, { horizon: 12, config: { epochs: 3, units: 4, ensembleSize: 1, patience: 3 } });
  await page.goto(`/datasets/${dataset.id}?run=${runId}`);
  const details = page.getByTestId("run-result");
  const started = (await details.getByRole("listitem").filter({ hasText: /^Started/ }).locator("strong").textContent()) ?? "";
  const backend = (await details.getByRole("listitem").filter({ hasText: /^Backend/ }).locator("strong").textContent()) ?? "";
  expect(backend).toBe("wasm (SIMD)");
  const row = page.getByRole("table", { name: "Saved runs" }).locator(`tr[data-run-id="${runId}"]`);
  await expect(row.getByRole("button", { name: /^Open run of / })).toHaveText(started);
  await expect(row.getByRole("cell").filter({ hasText: /^wasm/ })).toHaveText(backend);
});
