import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectEpochLabelsApart, forecastOnServer, MONTHLY, overflow, smallSettings, uploadCsv } from "./helpers";

/** Settings that train in a second or two on the server. */
const TINY = { epochs: 3, units: 4, ensembleSize: 1, patience: 3 };

/** The backtest table against its box: how far it sticks out (0 when it fits), and its last header's right edge. */
async function tableFit(page: Page): Promise<{ hidden: number; lastHeaderInside: boolean }> {
  const table = page.getByRole("table", { name: /^Backtest of / });
  await expect(table).toBeVisible();
  return table.evaluate((el) => {
    const wrap = el.parentElement as HTMLElement;
    const headers = el.querySelectorAll("thead th");
    const last = headers[headers.length - 1]?.getBoundingClientRect();
    const cell = el.querySelector("tbody tr td:last-child")?.getBoundingClientRect();
    const box = wrap.getBoundingClientRect();
    return { hidden: wrap.scrollWidth - wrap.clientWidth, lastHeaderInside: !!last && !!cell && cell.right <= box.right + 0.5 && (last.width === 0 || last.right <= box.right + 0.5) };
  });
}

test.describe("layout", () => {
  let datasetId = "";
  let runs: string[] = [];

  test.beforeAll(async ({ request }) => {
    // A name with no place to break (a file called by a long code): it must wrap, not widen the
    // list. Uploaded first, so the dataset below stays at the top of the list.
    await uploadCsv(request, `layout-${"0123456789".repeat(15)}`, fs.readFileSync(MONTHLY, "utf8"));
    // A unit in the header, as analysts' files have: the backtest's RMSE column then names it.
    const dataset = await uploadCsv(request, "layout-visitors", fs.readFileSync(MONTHLY, "utf8").replace("month,visitors", "month,visitors (EUR)"));
    datasetId = dataset.id;
    runs = [await forecastOnServer(request, datasetId, { horizon: 12, config: { ...TINY, seed: 1 } }), await forecastOnServer(request, datasetId, { horizon: 12, config: { ...TINY, seed: 2 } })];
  });

  test("at 390 px (a phone) nothing runs off the screen: the pages, a run, the comparison", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/");
    expect(await overflow(page)).toEqual({ pageScroll: 0, wide: [] });
    // The datasets table fits as it is: no sideways scrolling to reach a dataset's dates.
    const datasets = page.getByRole("table", { name: "Datasets" });
    expect(await datasets.evaluate((el) => (el.parentElement as HTMLElement).scrollWidth - (el.parentElement as HTMLElement).clientWidth)).toBe(0);
    // Scrolled to first: above 25 datasets (earlier specs' uploads) the find form pushes it below the fold.
    const created = datasets.getByRole("row").filter({ hasText: "layout-visitors" }).getByRole("cell").last();
    await created.scrollIntoViewIfNeeded();
    await expect(created).toBeInViewport({ ratio: 1 });

    await page.goto(`/datasets/${datasetId}?run=${runs[0]}`);
    await expect(page.getByTestId("forecast-chart")).toBeVisible();
    await expect(page.getByRole("table", { name: /^Backtest of / })).toBeVisible();
    await expect(page.getByTestId("loss-chart")).toBeVisible();
    expect(await overflow(page)).toEqual({ pageScroll: 0, wide: [] });
    // The scores fit as they are, without scrolling sideways.
    expect(await tableFit(page)).toEqual({ hidden: 0, lastHeaderInside: true });
    // Each score's small label fits its cell rather than running into the next one's ("RMSE (EUR)" beside "80% cov.").
    await expect(page.getByRole("table", { name: /^Backtest of / }).getByRole("cell", { name: /^RMSE \(EUR\)/ }).first()).toBeVisible();
    const cramped = await page.getByRole("table", { name: /^Backtest of / }).evaluate((el) =>
      [...el.querySelectorAll("td")].filter((td) => td.scrollWidth > td.clientWidth + 1).map((td) => `${td.dataset.label}: ${td.scrollWidth} > ${td.clientWidth} px`),
    );
    expect(cramped).toEqual([]);
    // The forecast shown is named whole ("Recommended: LSTM (ensem…" beside its label): the select
    // takes its own row, wide enough for any method, recommended or not.
    const shown = page.getByRole("combobox", { name: "Forecast shown" });
    await expect(shown).toBeVisible();
    const room = await shown.evaluate((el) => {
      const select = el as HTMLSelectElement;
      const style = getComputedStyle(select);
      const context = document.createElement("canvas").getContext("2d") as CanvasRenderingContext2D;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      // The arrow Chromium draws at the select's right takes about 20 px of its padding box.
      const inner = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
      const row = (select.closest(".result-toolbar") as HTMLElement).getBoundingClientRect().width;
      // Every method's option, and each as the recommendation it may be in another run.
      const methods = [...select.options].slice(1).map((o) => o.text);
      const texts = [...methods, ...methods.map((m) => `Recommended: ${m}`)];
      return { text: Math.ceil(Math.max(...texts.map((t) => context.measureText(t).width))), inner: Math.floor(inner), width: select.getBoundingClientRect().width, row };
    });
    expect(room.text).toBeLessThanOrEqual(room.inner);
    expect(room.width).toBeGreaterThan(room.row - 1);
    // The panels stack: training above the result, each as wide as the other.
    const train = await page.getByRole("region", { name: "Train a forecast", exact: true }).boundingBox();
    const result = await page.getByRole("region", { name: "Forecast", exact: true }).boundingBox();
    expect(train && result && train.y + train.height <= result.y).toBe(true);
    expect(Math.abs((train?.width ?? 0) - (result?.width ?? 1))).toBeLessThan(1);

    // Each saved run is a block: its actions on screen without scrolling the table sideways.
    const savedRuns = page.getByRole("table", { name: "Saved runs" });
    expect(await savedRuns.evaluate((el) => (el.parentElement as HTMLElement).scrollWidth - (el.parentElement as HTMLElement).clientWidth)).toBe(0);
    const remove = savedRuns.getByRole("button", { name: /^Delete run of / }).first();
    await remove.scrollIntoViewIfNeeded();
    await expect(remove).toBeInViewport({ ratio: 1 });
    await expect(savedRuns.getByRole("cell", { name: /^MASE/ }).first()).toBeVisible();
    const compare = page.getByRole("table", { name: "Saved runs" }).getByRole("checkbox", { name: /^Compare run of / });
    await compare.nth(0).check();
    await compare.nth(1).check();
    await expect(page.getByTestId("run-compare")).toBeVisible();
    expect(await overflow(page)).toEqual({ pageScroll: 0, wide: [] });
    // The comparison's legend says what the shading is, and a label wrapped on a phone keeps its
    // key by its first line (the keys sat half-way down two-line labels).
    const legend = page.getByTestId("run-compare").getByRole("list", { name: "Legend" });
    await expect(legend.getByRole("listitem").filter({ hasText: "80% interval" })).toHaveCount(1);
    const keys = await legend.evaluate((el) =>
      [...el.querySelectorAll("li")].map((li) => {
        const key = (li.querySelector("[aria-hidden]") as Element).getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(li.lastChild as Node);
        const lines = [...range.getClientRects()].filter((r) => r.width > 0);
        const first = lines[0] as DOMRect;
        return { lines: new Set(lines.map((r) => Math.round(r.top))).size, offset: Math.abs(key.top + key.height / 2 - (first.top + first.height / 2)) };
      }),
    );
    expect(keys.some((k) => k.lines > 1)).toBe(true);
    for (const key of keys) expect(key.offset).toBeLessThanOrEqual(3);

    await page.goto("/datasets/nope");
    expect(await overflow(page)).toEqual({ pageScroll: 0, wide: [] });
  });

  test("at 390 px the export's status breaks a saved file's name after an underscore, never inside a part (the date)", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/datasets/${datasetId}?run=${runs[0]}`);
    await expect(page.getByTestId("forecast-chart")).toBeVisible();
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Chart PNG" }).click();
    const name = (await download).suggestedFilename();
    const status = page.getByRole("status").filter({ hasText: "Saved" });
    await expect(status).toHaveText(`Saved ${name}.`);
    const layout = await status.evaluate((el, fileName) => {
      // Where each character of the name is drawn, found through the text nodes however the name is split.
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const chars: { node: Text; offset: number }[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) for (let i = 0; i < (node.textContent ?? "").length; i++) chars.push({ node: node as Text, offset: i });
      const start = (el.textContent ?? "").indexOf(fileName);
      const lineOf = (k: number) => {
        const { node, offset } = chars[start + k] as { node: Text; offset: number };
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        return Math.round(range.getBoundingClientRect().top);
      };
      // The name as drawn, a `/` where it moves to the next line.
      let drawn = "";
      for (let k = 0; k < fileName.length; k++) drawn += (k > 0 && lineOf(k) !== lineOf(k - 1) ? "/" : "") + fileName[k];
      return { drawn, overflow: el.scrollWidth - el.clientWidth };
    }, name);
    expect(layout.drawn, "the name wraps on a phone").toContain("/");
    expect(layout.drawn.split("/").every((line, i, lines) => i === lines.length - 1 || line.endsWith("_")), layout.drawn).toBe(true);
    expect(layout.overflow).toBe(0);
    expect(await overflow(page)).toEqual({ pageScroll: 0, wide: [] });
  });

  test("the comparison's legend names each run's time with its zone, as the run's details do", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/datasets/${datasetId}?run=${runs[0]}`);
    const started = (await page.getByTestId("run-result").getByRole("listitem").filter({ hasText: /^Started/ }).innerText()).replace(/^Started\s+/, "");
    const compare = page.getByRole("table", { name: "Saved runs" }).getByRole("checkbox", { name: /^Compare run of / });
    await compare.nth(0).check();
    await compare.nth(1).check();
    const legend = page.getByTestId("run-compare").getByRole("list", { name: "Legend" });
    const labels = await legend.getByRole("listitem").filter({ hasText: /^Run [AB] / }).allInnerTexts();
    expect(labels).toHaveLength(2);
    // The run open above is one of the two, written as its details write it: the time, then the zone.
    expect(labels.some((l) => l.startsWith(`Run A (${started}):`) || l.startsWith(`Run B (${started}):`)), `${labels.join(" | ")} against ${started}`).toBe(true);
  });

  test("at 390 px the empty forecast's hint keeps '10–30 seconds' whole", async ({ page, request }) => {
    const { id } = await uploadCsv(request, "layout-no-runs", fs.readFileSync(MONTHLY, "utf8"));
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/datasets/${id}`);
    const hint = page.locator(".empty-state").filter({ hasText: "No forecast yet" });
    await expect(hint).toBeVisible();
    const lines = await hint.evaluate((el) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const found = /10\u2060?–\u2060?30\sseconds/.exec(node.textContent ?? "");
        if (!found) continue;
        const range = document.createRange();
        range.setStart(node, found.index);
        range.setEnd(node, found.index + found[0].length);
        return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
      }
      return 0;
    });
    expect(lines).toBe(1);
  });

  test("at 1024 px the backtest table fits its column, every score visible", async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.goto(`/datasets/${datasetId}?run=${runs[0]}`);
    expect(await tableFit(page)).toEqual({ hidden: 0, lastHeaderInside: true });
    const last = page.getByRole("table", { name: /^Backtest of / }).getByRole("columnheader", { name: "95% cov." });
    await last.scrollIntoViewIfNeeded();
    // Wholly on screen: not cut off at the column's edge.
    await expect(last).toBeInViewport({ ratio: 1 });
    expect(await overflow(page)).toEqual({ pageScroll: 0, wide: [] });
  });

  test("at 1024 px each backtest header reads on one line ('80% cov.' did not break after '80%')", async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.goto(`/datasets/${datasetId}?run=${runs[0]}`);
    const table = page.getByRole("table", { name: /^Backtest of / });
    await expect(table).toBeVisible();
    const lines = await table.locator("thead th").evaluateAll((headers) =>
      headers.map((th) => {
        const range = document.createRange();
        range.selectNodeContents(th);
        // One box per line the header's text takes.
        return `${(th.textContent ?? "").trim()}: ${new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size}`;
      }),
    );
    expect(lines).toEqual(["Method: 1", "MASE: 1", "sMAPE: 1", "RMSE (EUR): 1", "80% cov.: 1", "95% cov.: 1"]);
    expect(await tableFit(page)).toEqual({ hidden: 0, lastHeaderInside: true });
  });

  test("every checkbox (a run's, the saved runs', the preview's value columns) is an 18 px box in the app's blue, its focus drawn", async ({ page }) => {
    await page.goto(`/datasets/${datasetId}?run=${runs[0]}`);
    await expect(page.getByRole("table", { name: /^Backtest of / })).toBeVisible();
    const boxes = async () =>
      page.locator('input[type="checkbox"]').evaluateAll((inputs) =>
        inputs.map((input) => {
          const box = input.getBoundingClientRect();
          const label = (input as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? "";
          return `${label}: ${Math.round(box.width)}x${Math.round(box.height)} ${getComputedStyle(input).accentColor}`;
        }),
      );
    const sized = (list: string[]) => list.map((line) => line.replace(/: .*/, ": 18x18 rgb(15, 108, 189)"));
    const onRun = await boxes();
    expect(onRun.length).toBeGreaterThan(2);
    expect(onRun).toEqual(sized(onRun));
    // Reached by Tab, the box shows the app's outline.
    const overlay = page.getByRole("checkbox", { name: "Backtest overlay" });
    await overlay.focus();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    await expect(overlay).toBeFocused();
    expect(await overlay.evaluate((el) => `${getComputedStyle(el).outlineStyle} ${getComputedStyle(el).outlineWidth}`)).toBe("solid 2px");

    await page.goto("/");
    await page.getByLabel("Upload CSV").setInputFiles({ name: "two.csv", mimeType: "text/csv", buffer: Buffer.from("date,a,b\n2024-01-01,1,2\n2024-01-02,3,4\n2024-01-03,5,6\n") });
    await expect(page.getByRole("group", { name: "Value columns" }).getByRole("checkbox")).toHaveCount(2);
    const inPreview = await boxes();
    expect(inPreview).toEqual(sized(inPreview));
  });

  test("the series' unit field shows its whole example ('°C' lost its C)", async ({ page }) => {
    await page.goto(`/datasets/${datasetId}`);
    const unit = page.getByPlaceholder("e.g. MW, €, °C");
    await expect(unit).toBeVisible();
    const room = await unit.evaluate((el) => {
      const input = el as HTMLInputElement;
      const style = getComputedStyle(input);
      const context = document.createElement("canvas").getContext("2d") as CanvasRenderingContext2D;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      return { text: Math.ceil(context.measureText(input.placeholder).width), inner: Math.floor(input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)) };
    });
    expect(room.text).toBeLessThanOrEqual(room.inner);
  });

  test("at 1024 px the recommended method's badge stands out from its shaded row, and starts under the name when it wraps", async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.goto(`/datasets/${datasetId}?run=${runs[0]}`);
    const row = page.getByRole("table", { name: /^Backtest of / }).locator("tr.is-chosen");
    const badge = row.getByText("Recommended", { exact: true });
    await expect(badge).toBeVisible();
    const fit = await badge.evaluate((el) => {
      const header = el.closest("th") as HTMLElement;
      const range = document.createRange();
      range.selectNodeContents(header.querySelector(".badge")?.parentElement?.firstChild as Node);
      const name = range.getClientRects()[0] as DOMRect;
      const box = el.getBoundingClientRect();
      return {
        // The soft accent on the soft accent row read as loose text.
        distinct: getComputedStyle(el).backgroundColor !== getComputedStyle(el.closest("tr") as HTMLElement).backgroundColor,
        // On the name's line, or under it from the same left edge.
        placed: Math.abs(box.top + box.height / 2 - (name.top + name.height / 2)) <= 3 || Math.abs(box.left - name.left) <= 1,
      };
    });
    expect(fit).toEqual({ distinct: true, placed: true });
  });

  test("at 390, 1024 and 1440 px a run that trained 16 epochs labels its loss chart's epochs 1, 5, 10, 16, every label clear of the next", async ({ page, request }) => {
    // The axis ended `15 16`, the two labels 8–17 px apart: the last epoch now takes the place of the step's tick before it.
    const run = await forecastOnServer(request, datasetId, { horizon: 12, config: { ...TINY, epochs: 16, patience: 16, seed: 3 } });
    for (const width of [390, 1024, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/datasets/${datasetId}?run=${run}`);
      const chart = page.getByTestId("loss-chart");
      await expect(chart).toHaveAttribute("data-epoch-count", "16");
      await expect(chart.locator(".recharts-xAxis-tick-labels text").last()).toHaveText("16");
      expect(await expectEpochLabelsApart(chart, ".recharts-xAxis-tick-labels text", `${width} px`)).toEqual(["1", "5", "10", "16"]);
    }
  });

  test("at 1440, 1024 and 390 px a run's recommendation leads with the forecast and its backtest MASE, the reason's every sentence below it, smaller", async ({ page, request }) => {
    // As one paragraph the reason ran to about 8 lines at 1024 px, the forecast it recommends named in its middle.
    const stored = (await (await request.get(`/api/runs/${runs[0]}`)).json()) as { series: { chosenReason: string }[] };
    const reason = stored.series[0]?.chosenReason ?? "";
    for (const width of [1440, 1024, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/datasets/${datasetId}?run=${runs[0]}`);
      const block = page.getByTestId("chosen-reason");
      await expect(block).toContainText("Recommended");
      const lead = block.locator(".chosen-lead");
      await expect(lead).toHaveText(/^Recommended\s*\S[^:]*: backtest MASE \d+\.\d{3}, /);
      // Every sentence of the stored reason is there, but the LSTM's own best score, which the lead says whole.
      const details = block.getByRole("listitem");
      const rest = reason.replace(/^The LSTM had the best backtest MASE \([\d.]+; next best .+ [\d.]+\)\.\s*/, "");
      expect((await details.allTextContents()).join(" ")).toBe(rest);
      const measured = await block.evaluate((el) => {
        const lead = el.querySelector(".chosen-lead") as HTMLElement;
        const text = [...lead.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE) as Text[];
        const range = document.createRange();
        range.setStart(text[0] as Text, 0);
        range.setEnd(text.at(-1) as Text, (text.at(-1)?.textContent ?? "").length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 1).map((r) => Math.round(r.top))).size;
        const list = el.querySelector(".chosen-details");
        const card = (el.closest(".card") as HTMLElement).getBoundingClientRect();
        const box = el.getBoundingClientRect();
        return {
          lines,
          smaller: !list || parseFloat(getComputedStyle(list).fontSize) < parseFloat(getComputedStyle(lead).fontSize),
          below: !list || list.getBoundingClientRect().top >= lead.getBoundingClientRect().bottom - 0.5,
          inside: box.left >= card.left && box.right <= card.right,
        };
      });
      expect(measured, `${width} px`).toEqual({ lines: expect.any(Number), smaller: true, below: true, inside: true });
      expect(measured.lines, `${width} px: the lead's lines`).toBeLessThanOrEqual(width >= 1024 ? 2 : 3);
      await block.screenshot({ path: test.info().outputPath(`recommendation-${width}.png`) });
    }
  });

  for (const width of [1024, 800]) {
    test(`at ${width} px a saved run's Compare and Delete are in reach: the runs list does not scroll sideways`, async ({ page }) => {
      // Eight columns took 1,047 px: at 1024 px Delete sat behind a sideways scroll, at 800 px MASE too.
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`/datasets/${datasetId}?run=${runs[0]}`);
      const savedRuns = page.getByRole("table", { name: "Saved runs" });
      await expect(savedRuns).toBeVisible();
      expect(await savedRuns.evaluate((el) => (el.parentElement as HTMLElement).scrollWidth - (el.parentElement as HTMLElement).clientWidth)).toBe(0);
      for (const control of [savedRuns.getByRole("checkbox", { name: /^Compare run of / }).first(), savedRuns.getByRole("button", { name: /^Delete run of / }).first()]) {
        await control.scrollIntoViewIfNeeded();
        await expect(control).toBeInViewport({ ratio: 1 });
      }
      // The header row is hidden, so each figure names itself.
      await expect(savedRuns.getByRole("cell", { name: /^MASE/ }).first()).toBeInViewport({ ratio: 1 });
      await expect(savedRuns.getByRole("cell", { name: /^Took/ }).first()).toBeInViewport({ ratio: 1 });
      expect(await overflow(page)).toEqual({ pageScroll: 0, wide: [] });
    });
  }

  test("at 1101, 1201 and 1440 px a server run of several series keeps its Compare and Delete inside the saved runs' card", async ({ page, request }) => {
    // Its time, seed and "Server" badge on one line beside the series and their model put Delete
    // 43 px past the card at every width from 1200 px ("Dele"), 142 px at 1101 px.
    const wide = await uploadCsv(request, "layout-drinks", fs.readFileSync(path.join(import.meta.dirname, "fixtures", "wide-drinks-60.csv")));
    const run = await forecastOnServer(request, wide.id, { horizon: 12, seriesIds: wide.series.slice(0, 3).map((s) => s.id), config: { ...TINY, seed: 1 } });
    for (const width of [1101, 1201, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/datasets/${wide.id}`);
      const savedRuns = page.getByRole("table", { name: "Saved runs" });
      await expect(savedRuns.locator(`tr[data-run-id="${run}"]`).getByText("Server", { exact: true })).toBeVisible();
      const fit = await savedRuns.evaluate((el) => {
        const wrap = (el.parentElement as HTMLElement).getBoundingClientRect();
        const ends = [...el.querySelectorAll(".run-actions label, .run-actions button")].map((c) => c.getBoundingClientRect().right);
        return { hidden: (el.parentElement as HTMLElement).scrollWidth - (el.parentElement as HTMLElement).clientWidth, past: Math.max(0, Math.round(Math.max(...ends) - wrap.right)) };
      });
      expect(fit, `at ${width} px`).toEqual({ hidden: 0, past: 0 });
      expect(await overflow(page)).toEqual({ pageScroll: 0, wide: [] });
    }
  });

  test("at 390 px pressing Train forecast brings the training's progress on screen", async ({ page, request }) => {
    // The panels stack on a phone: the progress bar and Stop came 200 px below the fold, and the
    // only change in sight was the greyed button.
    const { id } = await uploadCsv(request, "layout-phone-train", fs.readFileSync(MONTHLY, "utf8"));
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/datasets/${id}`);
    await smallSettings(page, { "Max epochs": "400", "LSTM units": "8", "Ensemble size": "1", "Patience (epochs)": "400" });
    await page.getByRole("button", { name: "Train forecast" }).click();
    const bar = page.getByRole("progressbar", { name: "Training progress" });
    await expect(bar).toHaveAttribute("aria-valuetext", /epoch \d+ of up to 400/, { timeout: 60_000 });
    await expect(bar).toBeInViewport({ ratio: 1 });
    await expect(page.getByTestId("run-result")).toBeVisible({ timeout: 60_000 });
  });

  test("at 1280 px the upload card is padded evenly, and the preview's numbers line up under their headers", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/");
    // The drop zone sits in the middle of its card: the status line under it takes no room while empty.
    const gaps = await page.getByRole("region", { name: "Add a dataset" }).evaluate((card) => {
      const zone = (card.querySelector(".dropzone") as HTMLElement).getBoundingClientRect();
      const box = card.getBoundingClientRect();
      return { top: Math.round(zone.top - box.top), bottom: Math.round(box.bottom - zone.bottom) };
    });
    expect.soft(gaps.bottom, "space under the drop zone").toBe(gaps.top);
    // Beside a long name (which wraps), each dataset's counts and dates keep to one line.
    const wrapped = await page.getByRole("table", { name: "Datasets" }).evaluate((el) =>
      [...el.querySelectorAll("td[data-label]")]
        .filter((td) => {
          const range = document.createRange();
          range.selectNodeContents(td);
          return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size > 1;
        })
        .map((td) => td.textContent),
    );
    expect.soft(wrapped, "cells wrapped onto two lines").toEqual([]);

    await page.getByLabel("Upload CSV").setInputFiles(MONTHLY);
    const table = page.getByRole("table", { name: "First rows of the file" });
    await expect(table.getByRole("columnheader", { name: /visitors/ })).toBeVisible();
    // A number column's name ends where its right-aligned numbers end; the time column's starts where its times start.
    const edges = await table.evaluate((el) => {
      const textBox = (node: Element) => {
        const range = document.createRange();
        range.selectNodeContents(node);
        return range.getBoundingClientRect();
      };
      const headers = [...el.querySelectorAll("thead th")];
      // The file's row numbers come first; the columns of the file follow them.
      return headers.filter((th) => th.querySelector(".column-name")).map((th) => {
        const name = textBox(th.querySelector(".column-name") as Element);
        const cell = textBox((el.querySelector("tbody tr") as Element).children[headers.indexOf(th)] as Element);
        return { left: Math.round(name.left - cell.left), right: Math.round(name.right - cell.right) };
      });
    });
    expect(edges).toEqual([{ left: 0, right: expect.any(Number) }, { left: expect.any(Number), right: 0 }]);
  });

  test("at 390 px the preview's series card writes dates as the dataset page does, and 'season of 12' on one line", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/");
    // Dates as a German spreadsheet writes them: the card said "01.01.2018 – 01.12.2023".
    const rows = Array.from({ length: 72 }, (_, i) => `01.${String((i % 12) + 1).padStart(2, "0")}.${2018 + Math.floor(i / 12)};${(1000 + 5 * i + 200 * Math.sin((2 * Math.PI * i) / 12)).toFixed(1).replace(".", ",")}`);
    await page.getByLabel("Upload CSV").setInputFiles({ name: "umsatz.csv", mimeType: "text/csv", buffer: Buffer.from(["Datum;Umsatz", ...rows].join("\n")) });
    const card = page.getByTestId("import-preview").getByRole("list", { name: "Series to import" }).getByRole("listitem").first();
    await expect(card).toContainText("72 points · monthly, season of 12 · Jan 2018 – Dec 2023");
    // The card is narrow enough on a phone to wrap its line: "season of 12" stays on one line of it.
    const lines = await card.evaluate((el) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node.textContent ?? "").search(/season\sof\s12/);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + "season of 12".length);
        return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
      }
      return 0;
    });
    expect(lines).toBe(1);
  });

  test("at 390, 1024 and 1440 px each preview series card reads on two lines: count and frequency, then the date range whole", async ({ page }) => {
    // At 1440 px a wide file's cards wrapped to three lines beside the sparkline: "120 points ·
    // monthly, season of 12 · Jan 2015 –" / "Dec 2024", with room to spare.
    // From midnight: the range's first date keeps its 00:00 beside the last one's 23:00 (it read
    // "1 Jan 2024 – 31 Dec 2024 23:00").
    const hours = Array.from({ length: 366 * 24 }, (_, i) => {
      const t = new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString();
      return `${t.slice(0, 10)} ${t.slice(11, 16)},${(500 + 100 * Math.sin((2 * Math.PI * i) / 24)).toFixed(1)}`;
    });
    const files = [
      { name: "wide-drinks-60.csv", buffer: fs.readFileSync(path.join(import.meta.dirname, "fixtures", "wide-drinks-60.csv")), first: "120 points · monthly, season of 12", range: "Jan 2015 – Dec 2024" },
      { name: "load-hourly.csv", buffer: Buffer.from(["time,load", ...hours].join("\n")), first: "8,784 points · hourly, season of 24", range: "1 Jan 2024 00:00 – 31 Dec 2024 23:00" },
    ];
    for (const file of files) {
      for (const width of [390, 1024, 1440]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto("/");
        await page.getByLabel("Upload CSV").setInputFiles({ name: file.name, mimeType: "text/csv", buffer: file.buffer });
        const cards = page.getByTestId("import-preview").getByRole("list", { name: "Series to import" }).getByRole("listitem");
        await expect(cards.first()).toContainText(file.range);
        // The visible text of each card's description, line by line (by the top of each character's box).
        const measured = await cards.evaluateAll((items) =>
          items.slice(0, 12).map((item) => {
            const detail = item.querySelector(".preview-series-detail .hint") as HTMLElement;
            const lines = new Map<number, string>();
            const walker = document.createTreeWalker(detail, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              if (node.parentElement?.closest(".visually-hidden")) continue;
              const text = node.textContent ?? "";
              for (let i = 0; i < text.length; i++) {
                const range = document.createRange();
                range.setStart(node, i);
                range.setEnd(node, i + 1);
                const box = [...range.getClientRects()].find((r) => r.width > 0);
                if (!box) continue;
                const top = Math.round(box.top);
                lines.set(top, (lines.get(top) ?? "") + (text[i] as string));
              }
            }
            const card = item.getBoundingClientRect();
            const box = detail.getBoundingClientRect();
            return {
              lines: [...lines.entries()].sort((a, b) => a[0] - b[0]).map(([, line]) => line.replace(/\s+/g, " ").trim()),
              inside: box.left >= card.left - 0.5 && box.right <= card.right + 0.5 && item.scrollWidth <= item.clientWidth,
            };
          }),
        );
        expect(measured.length, `${file.name} at ${width} px`).toBeGreaterThan(0);
        for (const card of measured) {
          expect(card, `${file.name} at ${width} px`).toEqual({ lines: [file.first, expect.stringMatching(new RegExp(`^${file.range}( ·|$)`))], inside: true });
        }
      }
    }
  });

  test("at 390 px the datasets list breaks a date range at its dash, each date whole", async ({ page, request }) => {
    await uploadCsv(request, "layout-births", fs.readFileSync(path.join(import.meta.dirname, "..", "bench", "weekly", "births_9403_weekly.csv")));
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/");
    const cell = page.getByRole("table", { name: "Datasets" }).getByRole("row").filter({ hasText: "layout-births" }).locator('td[data-label="Date range"]');
    await expect(cell).toHaveText("22 Nov 1999 – 22 Dec 2003");
    // The lines each date's text lies on: "22 Dec" ended one line and "2003" began the next.
    const lines = await cell.evaluate((td) =>
      ["22 Nov 1999", "22 Dec 2003"].map((date) => {
        const node = [...td.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? "").includes(date)) as Text;
        const range = document.createRange();
        const at = (node.textContent ?? "").indexOf(date);
        range.setStart(node, at);
        range.setEnd(node, at + date.length);
        return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
      }),
    );
    expect(lines).toEqual([1, 1]);
  });
});
