import Link from "next/link";
import { formatTimeLabel } from "@/lib/chart/format-time-label";
import type { DatasetSummaryDto } from "@/lib/series/schema";
import { LoadSampleButton } from "./load-sample-button";

export interface DatasetListProps {
  datasets: DatasetSummaryDto[];
}

const count = new Intl.NumberFormat("en-US");
const created = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function range(dataset: DatasetSummaryDto): string {
  if (!dataset.start || !dataset.end) return "—";
  // Months read as months and hours as hours; a file without dates is numbered.
  const kind = dataset.frequency === null || dataset.frequency === "irregular" ? "daily" : dataset.frequency;
  const label = (iso: string) => formatTimeLabel(Date.parse(iso), kind);
  return `${label(dataset.start)} – ${label(dataset.end)}`;
}

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
        <table className="table" aria-label="Datasets">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col" className="num">
                Series
              </th>
              <th scope="col" className="num">
                Points
              </th>
              <th scope="col">Date range</th>
              <th scope="col">Created (UTC)</th>
            </tr>
          </thead>
          <tbody>
            {datasets.map((dataset) => (
              <tr key={dataset.id}>
                <td>
                  <Link href={`/datasets/${dataset.id}`}>{dataset.name}</Link>
                </td>
                <td className="num">{count.format(dataset.seriesCount)}</td>
                <td className="num">{count.format(dataset.pointCount)}</td>
                <td>{range(dataset)}</td>
                <td>{created.format(new Date(dataset.createdAt))}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </section>
  );
}
