import Link from "next/link";
import { formatTimeRange } from "@/lib/chart/format-time-label";
import type { DatasetSummaryDto } from "@/lib/series/schema";
import { LoadSampleButton } from "./load-sample-button";
import { LocalTimeCell, ZonedHeading } from "./local-time";

export interface DatasetListProps {
  datasets: DatasetSummaryDto[];
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

/** The datasets table on the home page, with an empty state that says what to do. */
export function DatasetList({ datasets }: DatasetListProps) {
  return (
    <section className="card" aria-labelledby="datasets-title">
      <div className="card-head">
        <div>
          <h2 id="datasets-title">Datasets</h2>
          <p>Open one to chart it, train a forecast and export the predictions.</p>
        </div>
        <span className="badge">{count.format(datasets.length)} stored</span>
      </div>
      {datasets.length === 0 ? (
        <div className="empty-state">
          <strong>No datasets yet</strong>
          Upload a CSV above: one column of dates and at least one column of numbers. Or try the sample: monthly
          Australian wine sales, 1980–1994.
          <LoadSampleButton />
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
    </section>
  );
}
