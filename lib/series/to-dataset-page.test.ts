import { describe, expect, it } from "vitest";
import type { DatasetSummaryDto } from "./schema";
import { DATASETS_PAGE_SIZE, toDatasetListHref, toDatasetListView, toDatasetPage } from "./to-dataset-page";

const dataset = (name: string, day: number, pointCount = 100, fileName: string | null = null): DatasetSummaryDto => ({
  id: `id-${name}`,
  name,
  fileName,
  createdAt: new Date(Date.UTC(2026, 0, day)).toISOString(),
  seriesCount: 1,
  pointCount,
  start: null,
  end: null,
  frequency: "monthly",
});

/** 60 uploads, one a day, newest last: "upload 1" … "upload 60". */
const YEAR = Array.from({ length: 60 }, (_, i) => dataset(`upload ${i + 1}`, i + 1, (i % 7) * 1000));
const names = (page: { datasets: DatasetSummaryDto[] }) => page.datasets.map((d) => d.name);

describe("toDatasetPage", () => {
  it("gives the newest first, a page at a time, with how many match", () => {
    const first = toDatasetPage(YEAR, { find: "", sort: "newest", page: 1 });
    expect(first.datasets).toHaveLength(DATASETS_PAGE_SIZE);
    expect(names(first).slice(0, 2)).toEqual(["upload 60", "upload 59"]);
    expect(first).toMatchObject({ matching: 60, pages: 3 });
    expect(names(toDatasetPage(YEAR, { find: "", sort: "newest", page: 3 }))).toEqual(Array.from({ length: 10 }, (_, i) => `upload ${10 - i}`));
  });

  it("moves a page past the last one back to the last", () => {
    expect(toDatasetPage(YEAR, { find: "", sort: "newest", page: 99 }).view.page).toBe(3);
    expect(toDatasetPage([], { find: "", sort: "newest", page: 2 })).toMatchObject({ datasets: [], matching: 0, pages: 1, view: { page: 1 } });
  });

  it.each([
    ["part of a name, in any case", "UPLOAD 4", ["upload 49", "upload 48", "upload 47", "upload 46", "upload 45", "upload 44", "upload 43", "upload 42", "upload 41", "upload 40", "upload 4"]],
    ["part of the file name", "q3.csv", ["Sales"]],
    // A Mac writes a file name's ä as a and a combining mark; the page shows it as ä.
    ["a name with an accent, typed with it or without", "MÄRZ", ["Umsatz Ma\u0308rz"]],
    ["a name with an accent, typed without it", "umsatz marz", ["Umsatz Ma\u0308rz"]],
    ["nothing that matches", "nope", []],
  ])("finds datasets by %s", (_what, find, expected) => {
    const all = [...YEAR, dataset("Sales", 61, 5, "sales_q3.csv"), dataset("Umsatz Ma\u0308rz", 62)];
    expect(names(toDatasetPage(all, { find, sort: "newest", page: 1 }))).toEqual(expected);
  });

  it("orders names as people read them (2 before 10, any case), and by most points with ties newest first", () => {
    const all = [dataset("sales 10", 1), dataset("Sales 2", 2), dataset("air", 3), dataset("Beer", 4)];
    expect(names(toDatasetPage(all, { find: "", sort: "name", page: 1 }))).toEqual(["air", "Beer", "Sales 2", "sales 10"]);
    const points = [dataset("a", 1, 5), dataset("b", 2, 9), dataset("c", 3, 5)];
    expect(names(toDatasetPage(points, { find: "", sort: "points", page: 1 }))).toEqual(["b", "c", "a"]);
  });
});

describe("toDatasetListView and toDatasetListHref", () => {
  it.each([
    [{}, { find: "", sort: "newest", page: 1 }],
    [{ find: "  sales ", sort: "name", page: "2" }, { find: "sales", sort: "name", page: 2 }],
    [{ find: ["a", "b"], sort: "size", page: "-1" }, { find: "a", sort: "newest", page: 1 }],
    [{ page: "1.5" }, { find: "", sort: "newest", page: 1 }],
  ])("reads %o as %o", (params, view) => {
    expect(toDatasetListView(params)).toEqual(view);
  });

  it("writes only what differs from the defaults, and keeps the list in view", () => {
    // The first page too: "Previous" from the second opened the top of the home page, above the upload form.
    expect(toDatasetListHref({ find: "", sort: "newest", page: 1 })).toBe("/#datasets-title");
    expect(toDatasetListHref({ find: "wine & beer", sort: "points", page: 2 })).toBe("/?find=wine+%26+beer&sort=points&page=2#datasets-title");
  });
});
