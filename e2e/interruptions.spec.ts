import { expect, test, type Page } from "@playwright/test";
import { MONTHLY, smallSettings, upload } from "./helpers";

/** A run of a few seconds. */
const QUICK = { "Max epochs": "3", "LSTM units": "8", "Ensemble size": "1", "Patience (epochs)": "3" };
/** A run that trains long enough to be interrupted. */
const LONG = { "Max epochs": "400", "LSTM units": "8", "Ensemble size": "1", "Patience (epochs)": "400" };

const RUNS_POST = "**/api/datasets/*/runs";
const savedRuns = (page: Page) => page.getByRole("table", { name: "Saved runs" });
const trainingError = (page: Page) => page.getByTestId("training-error");

/** Answers the next POST of a finished run with `fail` (the list of runs still loads). */
async function failNextSave(page: Page, fail: Parameters<Page["route"]>[1]) {
  await page.route(RUNS_POST, (route, request) => (request.method() === "POST" ? fail(route, request) : route.continue()), { times: 1 });
}

async function trainUntilEpoch(page: Page) {
  await page.getByRole("button", { name: "Train forecast" }).click();
  await expect(page.getByRole("progressbar", { name: "Training progress" })).toHaveAttribute("aria-valuetext", /epoch ([2-9]|\d\d+) of up to 400/, { timeout: 60_000 });
}

test("a run the server fails to save stays on the page, exports, and is saved by 'Save again'", async ({ page, request }) => {
  await upload(page, MONTHLY, "save-503.csv");
  const datasetId = page.url().split("/").pop() as string;
  await failNextSave(page, (route) => route.fulfill({ status: 503, contentType: "text/html", body: "<h1>Service Unavailable</h1>" }));
  await smallSettings(page, QUICK);
  await page.getByRole("button", { name: "Train forecast" }).click();

  await expect(trainingError(page)).toContainText("The forecast is ready but could not be saved: Saving the run failed (HTTP 503).", { timeout: 60_000 });
  await expect(trainingError(page)).toContainText("press “Save again”, or export it below.");
  await expect(page.getByTestId("run-result")).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Training progress" })).toHaveAttribute("aria-valuetext", /^Finished, not saved · /);
  expect(((await (await request.get(`/api/datasets/${datasetId}/runs`)).json()) as { runs: unknown[] }).runs).toEqual([]);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  expect((await download).suggestedFilename()).toMatch(/forecast.*\.csv$/);

  await trainingError(page).getByRole("button", { name: "Save again" }).click();
  await expect(savedRuns(page).getByRole("row")).toHaveCount(2);
  await expect(trainingError(page)).toHaveCount(0);
  await expect(page).toHaveURL(/\?run=/);
  // Sent with its model: the saved run forecasts again without training.
  await expect(page.getByRole("button", { name: "Forecast with saved model" })).toBeVisible();
});

test("a run finished while the connection is down says the server could not be reached, and is saved when the connection returns", async ({ page, context }) => {
  await upload(page, MONTHLY, "save-offline.csv");
  await failNextSave(page, (route) => route.abort("internetdisconnected"));
  await smallSettings(page, QUICK);
  await page.getByRole("button", { name: "Train forecast" }).click();

  await expect(trainingError(page)).toContainText("could not be saved: the server could not be reached.", { timeout: 60_000 });
  await expect(trainingError(page)).not.toContainText("Failed to fetch");
  await expect(trainingError(page)).toContainText("it is also sent again by itself when the connection returns");
  await context.setOffline(true);
  await context.setOffline(false);
  await expect(savedRuns(page).getByRole("row")).toHaveCount(2);
  await expect(trainingError(page)).toHaveCount(0);
});

test("the dataset deleted in another tab while training: the page says so, offers no 'Save again', and the forecast still exports", async ({ page, request }) => {
  await upload(page, MONTHLY, "deleted-meanwhile.csv");
  const datasetId = page.url().split("/").pop() as string;
  await smallSettings(page, LONG);
  await trainUntilEpoch(page);
  expect((await request.delete(`/api/datasets/${datasetId}`)).status()).toBe(204);
  await page.getByRole("button", { name: "Stop" }).click();

  await expect(trainingError(page)).toContainText("cannot be saved: its dataset was deleted while the model trained. Export it below", { timeout: 60_000 });
  await expect(trainingError(page)).not.toContainText("There is no dataset with id");
  await expect(page.getByRole("button", { name: "Save again" })).toHaveCount(0);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export JSON" }).click();
  expect((await download).suggestedFilename()).toMatch(/run.*\.json$/);
});

test("leaving the page while training asks first, by a reload and by a link, and staying keeps the run going", async ({ page }) => {
  await upload(page, MONTHLY, "leave-while-training.csv");
  await smallSettings(page, LONG);
  await trainUntilEpoch(page);

  const asked: { type: string; message: string }[] = [];
  page.on("dialog", (dialog) => {
    asked.push({ type: dialog.type(), message: dialog.message() });
    void dialog.dismiss();
  });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Datasets" }).click();
  await expect.poll(() => asked.map((d) => d.type)).toEqual(["confirm"]);
  expect(asked[0]?.message).toBe("The model is still training. Leaving this page stops it, and nothing of this run is kept. Leave anyway?");
  expect(page.url()).toMatch(/\/datasets\/[a-z0-9]+$/);

  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked.map((d) => d.type)).toEqual(["confirm", "beforeunload"]);
  expect(page.isClosed()).toBe(false);
  await expect(page.getByRole("button", { name: "Stop" })).toBeEnabled();
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(savedRuns(page).getByRole("row")).toHaveCount(2, { timeout: 60_000 });
});

test("training with the connection down names what failed and what to check, not 'Failed to fetch'", async ({ page, context }) => {
  await upload(page, MONTHLY, "offline-load.csv");
  await context.setOffline(true);
  await page.getByRole("button", { name: "Train forecast" }).click();
  await expect(trainingError(page)).toContainText("Loading visitors failed: the server could not be reached. Check the network connection and that Tidecast is running, then try again.");
  await expect(trainingError(page)).not.toContainText("Failed to fetch");
  await context.setOffline(false);
});

test("a forecast worker that failed to load is said so, and the next 'Train forecast' starts a new one instead of waiting forever", async ({ page }) => {
  await upload(page, MONTHLY, "worker-failed.csv");
  let refused = 0;
  // The bundler's worker entry: refused once, as a dropped connection or a deploy in between would.
  await page.route("**/*worker*.js*", (route) => (refused++ === 0 ? route.fulfill({ status: 404, body: "" }) : route.continue()));
  await smallSettings(page, QUICK);
  await page.getByRole("button", { name: "Train forecast" }).click();
  await expect(trainingError(page)).toContainText("The forecast worker could not run (its script did not load).");
  expect(refused).toBe(1);

  await page.getByRole("button", { name: "Train forecast" }).click();
  await expect(page.getByTestId("run-result")).toBeVisible({ timeout: 60_000 });
  await expect(trainingError(page)).toHaveCount(0);
  await expect(savedRuns(page).getByRole("row")).toHaveCount(2);
});
