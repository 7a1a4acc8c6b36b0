import fs from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { forecastOnServer, MONTHLY, uploadCsv } from "./helpers";

interface Focus {
  /** Role-ish description of the focused element, for failure messages. */
  what: string;
  /** It draws a focus indicator: an outline or a box-shadow. */
  visible: boolean;
}

/** The focused element and whether its focus can be seen; null when nothing (the body) has focus. */
function readFocus(page: Page): Promise<Focus | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    // A file input is hidden behind the button-styled label drawn for it: that label shows its focus.
    const input = el instanceof HTMLInputElement ? el : null;
    const shown = input?.type === "file" && input.labels?.[0] ? input.labels[0] : el;
    const style = getComputedStyle(shown);
    // A transparent outline (kept for Windows' forced colours) shows nothing here.
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 && !/^(transparent|rgba\(.*,\s*0\))$/.test(style.outlineColor);
    const shadow = style.boxShadow !== "none" && style.boxShadow !== "";
    const name = el.getAttribute("aria-label") ?? input?.labels?.[0]?.textContent?.trim() ?? (el.textContent ?? "").trim().slice(0, 40);
    return { what: `${el.tagName.toLowerCase()}${el.getAttribute("role") ? `[role=${el.getAttribute("role")}]` : ""} "${name}"`, visible: outline || shadow };
  });
}

/**
 * Presses `key` (Tab or Shift+Tab) until `target` has focus, as someone without a mouse would, and
 * checks that every element the focus passes on the way shows it.
 */
async function pressUntilFocused(page: Page, target: Locator, key = "Tab", max = 120) {
  const hidden: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const focus = await readFocus(page);
    if (focus && !focus.visible) hidden.push(focus.what);
    if (await target.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(target, `${key} never reached it`).toBeFocused();
  expect(hidden, "focused without a visible outline or shadow").toEqual([]);
}

test("keyboard only: from the home page to a dataset, train, stop, and export, with the focus always visible", async ({ page, request }) => {
  await uploadCsv(request, "keyboard-visitors", fs.readFileSync(MONTHLY));
  await page.goto("/");

  await pressUntilFocused(page, page.getByRole("link", { name: "keyboard-visitors", exact: true }));
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/datasets\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "keyboard-visitors" })).toBeVisible();

  // Advanced settings open with Enter; small numbers are typed in, so the run is short but still
  // trains long enough to be stopped.
  const advanced = page.getByText("Advanced settings");
  await pressUntilFocused(page, advanced);
  await page.keyboard.press("Enter");
  for (const [label, value] of [["LSTM units", "8"], ["Max epochs", "400"], ["Ensemble size", "1"], ["Patience (epochs)", "400"]] as const) {
    await pressUntilFocused(page, page.getByLabel(label, { exact: true }));
    await page.keyboard.type(value);
  }
  await pressUntilFocused(page, page.getByRole("button", { name: "Train forecast" }));
  await page.keyboard.press("Enter");

  const bar = page.getByRole("progressbar", { name: "Training progress" });
  await expect(bar).toHaveAttribute("aria-valuetext", /epoch ([3-9]|\d\d+) of up to 400/, { timeout: 60_000 });
  await pressUntilFocused(page, page.getByRole("button", { name: "Stop" }));
  await page.keyboard.press("Space");
  await expect(page.getByTestId("run-result")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("Training was stopped early")).toBeVisible();
  // The Stop button went with the training: the focus is not dropped to the top of the page, but
  // waits at the result's heading, the next Tab in the result.
  await expect(page.getByRole("heading", { level: 2, name: "Forecast", exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("combobox", { name: "Forecast shown" })).toBeFocused();

  // Every export button is reached in turn, and Enter on one downloads.
  const exportBar = page.getByRole("group", { name: "Export" });
  for (const name of ["Export CSV", "Export JSON", "Chart PNG", "Chart SVG", "Download model"]) {
    await pressUntilFocused(page, exportBar.getByRole("button", { name }));
  }
  await pressUntilFocused(page, exportBar.getByRole("button", { name: "Export CSV" }), "Shift+Tab");
  const download = page.waitForEvent("download");
  await page.keyboard.press("Enter");
  expect((await download).suggestedFilename()).toMatch(/^keyboard-visitors_visitors_forecast_.*\.csv$/);
});

test("keyboard only: deleting a dataset asks first with the focus on Cancel, and Cancel or Escape returns to the button", async ({ page, request }) => {
  const dataset = await uploadCsv(request, "keyboard-keep-me", fs.readFileSync(MONTHLY));
  await page.goto(`/datasets/${dataset.id}`);
  const ask = page.getByRole("button", { name: "Delete dataset…" });
  await pressUntilFocused(page, ask);
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("group", { name: "Confirm deletion" });
  // A second Enter must not delete: it lands on Cancel.
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(confirm).toHaveCount(0);
  await expect(ask).toBeFocused();
  expect((await request.get(`/api/datasets/${dataset.id}`)).status()).toBe(200);
  // The question is still a Tab away from its Delete button.
  await page.keyboard.press("Enter");
  await pressUntilFocused(page, confirm.getByRole("button", { name: "Delete dataset", exact: true }), "Shift+Tab");
  // Escape backs out from either of its buttons, as from a dialog, and the focus goes back to the button.
  await page.keyboard.press("Escape");
  await expect(confirm).toHaveCount(0);
  await expect(ask).toBeFocused();
  expect((await request.get(`/api/datasets/${dataset.id}`)).status()).toBe(200);
});

test("keyboard only: the backtest's scores are explained in a key under the table, opened with Enter", async ({ page, request }) => {
  const dataset = await uploadCsv(request, "keyboard-scores", fs.readFileSync(MONTHLY));
  const run = await forecastOnServer(request, dataset.id, { horizon: 12, config: { epochs: 3, units: 4, ensembleSize: 1, patience: 3 } });
  await page.goto(`/datasets/${dataset.id}?run=${run}`);
  await expect(page.getByRole("table", { name: /^Backtest of / })).toBeVisible();
  // A header's tooltip (title) is out of reach of the keyboard and of touch: the key is not.
  const key = page.getByText("What the scores mean");
  await pressUntilFocused(page, key);
  await page.keyboard.press("Enter");
  const terms = page.getByRole("term");
  await expect(terms).toHaveText(["MASE", "sMAPE", "RMSE", "80% cov.", "95% cov."]);
  await expect(page.getByRole("definition").first()).toContainText("Under 1 beats that simple rule");
  await expect(page.getByRole("definition").last()).toBeVisible();
});
