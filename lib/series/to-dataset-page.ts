import { nameHolds } from "./names";
import type { DatasetSummaryDto } from "./schema";

/** Datasets the home page lists at a time: a team's year of uploads is a hundred or more. */
export const DATASETS_PAGE_SIZE = 25;

export const DATASET_SORTS = { newest: "Newest first", name: "Name (A–Z)", points: "Most points" } as const;
export type DatasetSort = keyof typeof DATASET_SORTS;

/** What the home page's address asks of the list (`/?find=sales&sort=name&page=2`). */
export interface DatasetListView {
  /** Part of a name or file name; empty: every dataset. */
  find: string;
  sort: DatasetSort;
  /** From 1. */
  page: number;
}

export interface DatasetPage {
  datasets: DatasetSummaryDto[];
  /** Datasets that match `find`. */
  matching: number;
  /** The view shown: its page moved back into range when the address asked past the last one. */
  view: DatasetListView;
  pages: number;
}

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? "") : (value ?? ""));

/** The list's view from the page's search parameters; anything unreadable is the default, never an error page. */
export function toDatasetListView(params: SearchParams): DatasetListView {
  const sort = first(params.sort);
  const page = Number(first(params.page));
  return {
    find: first(params.find).trim(),
    sort: sort in DATASET_SORTS ? (sort as DatasetSort) : "newest",
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/**
 * The home page's address for a view, without the parameters that are the defaults, at the list's
 * heading: a page of the list opens where the list starts, not above the upload form.
 */
export function toDatasetListHref(view: DatasetListView): string {
  const query = new URLSearchParams();
  if (view.find) query.set("find", view.find);
  if (view.sort !== "newest") query.set("sort", view.sort);
  if (view.page > 1) query.set("page", String(view.page));
  const text = query.toString();
  return `/${text ? `?${text}` : ""}#datasets-title`;
}

// Names as people read them: "sales 2" before "sales 10", "Air" beside "air".
const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

const COMPARE: Record<DatasetSort, (a: DatasetSummaryDto, b: DatasetSummaryDto) => number> = {
  newest: (a, b) => b.createdAt.localeCompare(a.createdAt),
  name: (a, b) => collator.compare(a.name, b.name),
  points: (a, b) => b.pointCount - a.pointCount,
};

/**
 * The datasets whose name or file name holds `find` ({@link nameHolds}; empty: all of them), in the
 * order `sort` names, ties newest first. The home page and GET /api/datasets list by it.
 */
export function findDatasets(all: readonly DatasetSummaryDto[], find: string, sort: DatasetSort): DatasetSummaryDto[] {
  const matching = find ? all.filter((d) => nameHolds(d.name, find) || nameHolds(d.fileName ?? "", find)) : [...all];
  return matching.sort((a, b) => COMPARE[sort](a, b) || COMPARE.newest(a, b));
}

/**
 * One page of the datasets: those whose name or file name holds `find` ({@link nameHolds}), in the view's
 * order (ties newest first), `DATASETS_PAGE_SIZE` at a time.
 * @param all every dataset's summary
 */
export function toDatasetPage(all: readonly DatasetSummaryDto[], view: DatasetListView): DatasetPage {
  const matching = findDatasets(all, view.find, view.sort);
  const pages = Math.max(1, Math.ceil(matching.length / DATASETS_PAGE_SIZE));
  const page = Math.min(view.page, pages);
  return {
    datasets: matching.slice((page - 1) * DATASETS_PAGE_SIZE, page * DATASETS_PAGE_SIZE),
    matching: matching.length,
    view: { ...view, page },
    pages,
  };
}
