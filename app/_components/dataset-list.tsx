import Link from "next/link";
import { formatTimeRange } from "@/lib/chart/format-time-label";
import type { DatasetSummaryDto } from "@/lib/series/schema";
import { DATASET_SORTS, DATASETS_PAGE_SIZE, toDatasetListHref, type DatasetPage } from "@/lib/series/to-dataset-page";
import { LoadSampleButton } from "./load-sample-button";
import { LocalTimeCell, ZonedHeading } from "./local-time";
import { PagerLink } from "./pager-link";

export interface DatasetListProps {
  /** The page of datasets shown, from those that match the view's `find`. */
  page: DatasetPage;
  /** Datasets stored. */
  total: number;
}

const count = new Intl.NumberFormat("en-US");

function range(dataset: DatasetSummaryDto): string {
  if (!dataset.start || !dataset.end) return "—";
  // Months read as months and hours as hours; a file without dates is numbered.
  const kind = dataset.frequency === null || dataset.frequency === "irregular" ? "daily" : dataset.frequency;
  return formatTimeRange(Date.parse(dataset.start), Date.parse(dataset.end), kind);
}

/** The table's headers; a phone shows the same words above each value (the cells' data-label). */
const COLUMNS = [{ label: "Name" }, { label: "Series", num: true }, { label: "Points", num: true }, { label: "Date range" }, { label: "Created", zoned: true }];

/**
 * The datasets table on the home page, a page at a time, found by name and ordered through a plain
 * GET form and links (they work before the page's scripts load, and from the keyboard), with an
 * empty state that says what to do.
 */
export function DatasetList({ page, total }: DatasetListProps) {
  const { datasets, view, matching, pages } = page;
  const first = (view.page - 1) * DATASETS_PAGE_SIZE + 1;
  const shown = `${count.format(first)}–${count.format(first + datasets.length - 1)}`;
  return (
    <section className="card" aria-labelledby="datasets-title">
      <div className="card-head">
        <div>
          <h2 id="datasets-title">Datasets</h2>
          <p>Open one to chart it, train a forecast and export the predictions.</p>
        </div>
        {/* With none stored the empty state below says so; "0 stored" beside it said it twice. */}
        {total > 0 && <span className="badge">{count.format(total)} stored</span>}
      </div>
      {total > DATASETS_PAGE_SIZE || view.find ? (
        <form className="series-find datasets-find" role="search" aria-label="Find datasets" action="/#datasets-title">
          <label htmlFor="dataset-find">Find a dataset</label>
          <input id="dataset-find" className="input" name="find" type="search" defaultValue={view.find} placeholder="Part of a name or file name" />
          <label htmlFor="dataset-sort">Order</label>
          <select id="dataset-sort" className="input" name="sort" defaultValue={view.sort}>
            {Object.entries(DATASET_SORTS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <button type="submit" className="button button-small">
            Show
          </button>
          <span className="muted" role="status" data-testid="datasets-range">
            {view.find
              ? `${count.format(matching)} of ${count.format(total)} ${matching === 1 ? "matches" : "match"} “${view.find}”${pages > 1 ? `; ${shown} shown` : ""}`
              : `Datasets ${shown} of ${count.format(total)}`}
          </span>
        </form>
      ) : null}
      {total === 0 ? (
        <div className="empty-state">
          <strong>No datasets yet</strong>
          Upload a CSV above: one column of dates and at least one column of numbers. Or try the sample: monthly
          Australian wine sales, 1980–1994.
          <LoadSampleButton />
        </div>
      ) : datasets.length === 0 ? (
        <div className="empty-state">
          <strong>No dataset matches “{view.find}”</strong>
          No name or file name holds it.
          <div className="empty-action">
            <Link href={toDatasetListHref({ ...view, find: "", page: 1 })} className="button button-small">
              Show every dataset
            </Link>
          </div>
        </div>
      ) : (
        <div className="table-wrap">
          {/* Explicit roles: on a phone each dataset is a block (globals.css), which drops a table's own semantics. */}
          <table className="table datasets-table" role="table" aria-label="Datasets">
            <thead role="rowgroup">
              <tr role="row">
                {COLUMNS.map((column) => (
                  <th key={column.label} scope="col" role="columnheader" className={column.num ? "num" : undefined}>
                    {column.zoned ? <ZonedHeading label={column.label} /> : column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody role="rowgroup">
              {datasets.map((dataset) => (
                <tr key={dataset.id} role="row">
                  <td role="cell" className="dataset-name">
                    <Link href={`/datasets/${dataset.id}`}>{dataset.name}</Link>
                  </td>
                  <td role="cell" className="num" data-label="Series">
                    {count.format(dataset.seriesCount)}
                  </td>
                  <td role="cell" className="num" data-label="Points">
                    {count.format(dataset.pointCount)}
                  </td>
                  <td role="cell" className="date-range" data-label="Date range">
                    {range(dataset)}
                  </td>
                  <LocalTimeCell iso={dataset.createdAt} label="Created" />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav className="list-pager" aria-label="Pages of datasets">
          <PagerLink href={toDatasetListHref({ ...view, page: view.page - 1 })} disabled={view.page === 1}>
            Previous {DATASETS_PAGE_SIZE}
          </PagerLink>
          <span>
            Page {count.format(view.page)} of {count.format(pages)}
          </span>
          <PagerLink href={toDatasetListHref({ ...view, page: view.page + 1 })} disabled={view.page === pages}>
            Next {DATASETS_PAGE_SIZE}
          </PagerLink>
        </nav>
      )}
    </section>
  );
}
