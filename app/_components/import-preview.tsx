"use client";

import { Fragment, useId, useState } from "react";
import { toSparklinePath } from "@/lib/chart/to-sparkline-path";
import { mentionsAggregate, withAggregate } from "@/lib/csv/aggregate";
import { describePreviewSeries } from "@/lib/csv/describe-preview-series";
import { describeDialect, formatBytes } from "@/lib/csv/describe-dialect";
import type { ReadOptions } from "@/lib/csv/read-dataset";
import { mentionsRepeatedTimes } from "@/lib/csv/repeated-times";
import { toPreviewTable } from "@/lib/csv/to-preview-table";
import type { ColumnRole, ImportPreview, PreviewColumn } from "@/lib/series/schema";
import { MessageText } from "./message-text";

export interface ImportPreviewProps {
  preview: ImportPreview;
  /** The choices the preview was read with. */
  options: ReadOptions;
  /** Share of the file read (0–1) while a new reading is under way, else null. */
  reading: number | null;
  datasetName: string;
  seriesNames: Record<string, string>;
  importing: boolean;
  /** Share of the file sent to the server while importing (1 once it is all sent and being stored). */
  sent: number;
  importError: string | null;
  onChoose: (options: ReadOptions) => void;
  onRename: (detectedName: string, name: string) => void;
  onNameDataset: (name: string) => void;
  onImport: () => void;
  onCancel: () => void;
}

const count = new Intl.NumberFormat("en-US");
const NONE = "";
/** The select's value for the columns naming the series together: no header is a NUL. */
const TOGETHER = "\u0000together";

const PERIOD_LABELS = [
  ["hour", "Hour"],
  ["day", "Day"],
  ["week", "Week (from Monday)"],
  ["month", "Month"],
  ["quarter", "Quarter"],
  ["year", "Year"],
] as const;

const KIND_LABELS: Record<PreviewColumn["kind"], string> = { time: "Time", number: "Number", text: "Text", empty: "Empty" };
const ROLE_LABELS: Record<ColumnRole, string> = { time: "time", value: "series", id: "series name", ignored: "not imported" };

function Sparkline({ values, label }: { values: (number | null)[]; label: string }) {
  const path = toSparklinePath(values, 160, 36);
  return (
    <svg className="sparkline" viewBox="0 0 160 36" preserveAspectRatio="none" role="img" aria-label={label} data-testid="preview-sparkline">
      <path d={path} fill="none" stroke="var(--accent)" strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
    </svg>
  );
}

/**
 * The upload preview: how the file was read (columns, types, frequency, first rows, issues), the
 * controls to change the time, value and series-name columns, the date order and the series
 * names, and the import button. Everything shown comes shaped from previewCsv (lib/csv).
 */
export function ImportPreviewPanel(props: ImportPreviewProps) {
  const { preview, options, reading, seriesNames, importing } = props;
  const id = useId();
  const timeChoices = preview.columns.filter((c) => c.kind === "time");
  // Store numbers name series as well as words do (`store,date,sales`).
  const idChoices = preview.columns.filter((c) => (c.kind === "text" || c.numeric) && c.name !== preview.timeColumn);
  const valueChoices = preview.columns.filter((c) => c.numeric && c.name !== preview.timeColumn && !preview.idColumns.includes(c.name));
  // The columns found naming the series together, kept so that the analyst can come back to them after trying one.
  const [found, setFound] = useState<string[] | null>(null);
  if (preview.idColumns.length > 1 && preview.idColumns.join("\u0000") !== found?.join("\u0000")) setFound(preview.idColumns);
  const together = [options.idColumns, preview.idColumns.length > 1 ? preview.idColumns : null, found].find(
    (names) => names && names.length > 1 && names.every((name) => idChoices.some((c) => c.name === name)),
  );
  const timeInfo = preview.columns.find((c) => c.name === preview.timeColumn);
  const names = preview.series.map((s) => seriesNames[s.detectedName]?.trim() || s.name);
  const clash = names.find((name, i) => names.indexOf(name) !== i);
  const blank = preview.series.some((s) => seriesNames[s.detectedName] !== undefined && seriesNames[s.detectedName]?.trim() === "");
  const canImport = !preview.error && preview.series.length > 0 && !clash && !blank && reading === null && !importing;
  const seriesCount = preview.series.length;
  // The file's own row numbers, as the refusals name rows, so "Row 7" can be found here.
  const rowNumbers = preview.sampleRowNumbers;
  const table = toPreviewTable(preview);
  const furtherMarked = preview.refusal?.further?.length ?? 0;
  const furtherCount = furtherMarked + (preview.refusal?.furtherMore ?? 0);
  /** Columns of the table, for the rows that span it. */
  const width = (rowNumbers ? 1 : 0) + preview.columns.length + (table.hasExtra ? 1 : 0);
  // The controls show the latest choices at once, while the worker reads the file again.
  const chosenTime = options.timeColumn !== undefined ? (options.timeColumn ?? NONE) : (preview.timeColumn ?? NONE);
  const chosenId = options.idColumns
    ? TOGETHER
    : options.idColumn !== undefined
      ? (options.idColumn ?? NONE)
      : preview.idColumns.length > 1
        ? TOGETHER
        : (preview.idColumn ?? NONE);
  const chosenValues = options.valueColumns ?? preview.valueColumns;
  const chosenOrder = options.dateOrder ?? preview.dateOrder ?? "mdy";
  // A note or the refusal suggests grouping (it names the CLI flag): say so beside the control.
  const groupingAdvised = !options.aggregate && (mentionsAggregate(preview.error) || preview.issues.some((issue) => mentionsAggregate(issue.message)));

  function setValueColumn(name: string, checked: boolean) {
    const current = chosenValues;
    const next = checked ? valueChoices.map((c) => c.name).filter((n) => n === name || current.includes(n)) : current.filter((n) => n !== name);
    props.onChoose({ ...options, valueColumns: next });
  }

  function setTimeColumn(value: string) {
    const timeColumn = value === NONE ? null : value;
    const valueColumns = options.valueColumns?.filter((n) => n !== timeColumn);
    const { dateOrder: _dateOrder, ...rest } = options;
    // Without a time column there is no period to group by.
    const kept = timeColumn === null ? withAggregate(rest, "") : rest;
    props.onChoose({ ...kept, timeColumn, ...(valueColumns ? { valueColumns } : {}) });
  }

  function setIdColumn(value: string) {
    const { idColumn: _idColumn, idColumns: _idColumns, ...rest } = options;
    const names = value === TOGETHER ? (together ?? []) : value === NONE ? [] : [value];
    const valueColumns = options.valueColumns?.filter((n) => !names.includes(n));
    const naming = names.length > 1 ? { idColumns: names } : { idColumn: names[0] ?? null };
    props.onChoose({ ...rest, ...naming, ...(valueColumns ? { valueColumns } : {}) });
  }

  return (
    <section className="card import-preview" aria-labelledby={`${id}-title`} aria-busy={reading !== null} data-testid="import-preview">
      <div className="card-head">
        <div>
          <h2 id={`${id}-title`}>Preview of {preview.fileName}</h2>
          <p>
            {formatBytes(preview.fileSize)}
            {preview.dialect ? ` · ${describeDialect(preview.dialect, preview.encoding).join(" · ")}` : ""}
            {preview.rowCount > 0 ? ` · ${count.format(preview.rowCount)} rows` : ""}
          </p>
        </div>
        <div className="button-row">
          <button type="button" className="button" onClick={props.onCancel} disabled={importing}>
            Cancel
          </button>
          <button type="button" className="button button-primary" onClick={props.onImport} disabled={!canImport}>
            {importing ? (props.sent < 1 ? `Uploading… ${Math.floor(props.sent * 100)}%` : "Storing…") : seriesCount === 0 ? "Import" : seriesCount === 1 ? "Import 1 series" : `Import ${count.format(seriesCount)} series`}
          </button>
        </div>
      </div>

      {reading !== null && (
        <div className="progress" role="progressbar" aria-label="Reading the file" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(reading * 100)}>
          <div className="progress-bar" style={{ width: `${Math.max(4, Math.round(reading * 100))}%` }} />
        </div>
      )}
      {importing && (
        <div className="progress" role="progressbar" aria-label="Uploading the file" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.floor(props.sent * 100)}>
          <div className="progress-bar" style={{ width: `${Math.max(4, Math.floor(props.sent * 100))}%` }} />
        </div>
      )}

      <div className="card-body preview-body">
        {preview.error && (
          <p className="alert alert-error" role="alert">
            <MessageText text={preview.error} />
            {furtherCount > 0 && (
              <span className="alert-more">
                {furtherCount === 1 ? "1 more row cannot be read either" : `${count.format(furtherCount)} more rows cannot be read either`}
                {furtherMarked < furtherCount
                  ? `: the next ${count.format(furtherMarked)} are marked in the table below, each with its problem.`
                  : furtherCount === 1
                    ? ": it is marked in the table below, with its problem."
                    : ": each is marked in the table below, with its problem."}
              </span>
            )}
          </p>
        )}
        {props.importError && (
          <p className="alert alert-error" role="alert">
            <MessageText text={props.importError} />
          </p>
        )}

        {preview.columns.length > 0 && (
          <div className="preview-controls">
            <div className="form-field">
              <label htmlFor={`${id}-name`}>Dataset name</label>
              <input
                id={`${id}-name`}
                className="input"
                value={props.datasetName}
                maxLength={200}
                onChange={(event) => props.onNameDataset(event.target.value)}
              />
            </div>
            <div className="form-field">
              <label htmlFor={`${id}-time`}>Time column</label>
              <select id={`${id}-time`} className="input" value={chosenTime} onChange={(event) => setTimeColumn(event.target.value)}>
                {timeChoices.map((c) => (
                  <option key={c.name} value={c.name}>
                    {c.name} ({c.format})
                  </option>
                ))}
                <option value={NONE}>None (number the rows)</option>
                {preview.columns
                  .filter((c) => c.kind !== "time")
                  .map((c) => (
                    <option key={c.name} value={c.name} disabled>
                      {c.name} (not dates)
                    </option>
                  ))}
              </select>
            </div>
            {timeInfo?.hasDateOrder && (
              <div className="form-field">
                <label htmlFor={`${id}-order`}>Date order</label>
                <select
                  id={`${id}-order`}
                  className="input"
                  value={chosenOrder}
                  onChange={(event) => props.onChoose({ ...options, dateOrder: event.target.value === "dmy" ? "dmy" : "mdy" })}
                >
                  <option value="dmy">Day first (31/12/2024)</option>
                  <option value="mdy">Month first (12/31/2024)</option>
                </select>
              </div>
            )}
            {preview.dialect && (
              <div className="form-field">
                <label htmlFor={`${id}-decimal`}>Decimal mark</label>
                <select
                  id={`${id}-decimal`}
                  className="input"
                  value={options.decimal ?? preview.dialect.decimal}
                  onChange={(event) => props.onChoose({ ...options, decimal: event.target.value === "," ? "," : "." })}
                >
                  <option value=".">Point (1,234.5)</option>
                  <option value=",">Comma (1.234,5)</option>
                </select>
              </div>
            )}
            {(options.repeatedTimes !== undefined || mentionsRepeatedTimes(preview.error) || preview.issues.some((issue) => mentionsRepeatedTimes(issue.message))) && (
              <div className="form-field">
                <label htmlFor={`${id}-repeated`}>Rows with the same time</label>
                <select
                  id={`${id}-repeated`}
                  className="input"
                  value={options.repeatedTimes ?? "refuse"}
                  onChange={(event) => {
                    const { repeatedTimes: _repeated, ...rest } = options;
                    const value = event.target.value;
                    props.onChoose(value === "sum" || value === "mean" ? { ...rest, repeatedTimes: value } : rest);
                  }}
                >
                  <option value="refuse">Refuse the file</option>
                  <option value="sum">Add them up (sales, counts)</option>
                  <option value="mean">Average them (readings)</option>
                </select>
              </div>
            )}
            <div className="form-field">
              <label htmlFor={`${id}-id`}>Series name column</label>
              <select id={`${id}-id`} className="input" value={chosenId} onChange={(event) => setIdColumn(event.target.value)}>
                <option value={NONE}>None (a series per column)</option>
                {together && <option value={TOGETHER}>{together.join(" + ")}</option>}
                {idChoices.map((c) => (
                  <option key={c.name} value={c.name}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
            {chosenTime !== NONE && (
              <div className="form-field">
                <label htmlFor={`${id}-aggregate`}>Group rows by</label>
                <select
                  id={`${id}-aggregate`}
                  className="input"
                  value={options.aggregate?.period ?? NONE}
                  aria-describedby={groupingAdvised ? `${id}-aggregate-hint` : undefined}
                  onChange={(event) => props.onChoose(withAggregate(options, event.target.value))}
                >
                  <option value={NONE}>As in the file</option>
                  {PERIOD_LABELS.map(([period, label]) => (
                    <option key={period} value={period}>
                      {label}
                    </option>
                  ))}
                </select>
                {groupingAdvised && (
                  <span id={`${id}-aggregate-hint`} className="hint">
                    Suggested: this file’s times are uneven or repeat.
                  </span>
                )}
              </div>
            )}
            {options.aggregate && (
              <div className="form-field">
                <label htmlFor={`${id}-combine`}>Combine with</label>
                <select
                  id={`${id}-combine`}
                  className="input"
                  value={options.aggregate.by}
                  onChange={(event) => props.onChoose(withAggregate(options, options.aggregate?.period ?? NONE, event.target.value))}
                >
                  <option value="sum">Sum (sales, counts)</option>
                  <option value="mean">Mean (readings, prices)</option>
                  <option value="last">Last value (balances, stock levels)</option>
                </select>
              </div>
            )}
            {valueChoices.length > 0 && (
              <fieldset className="form-field form-field-wide">
                <legend>Value columns</legend>
                <div className="checkbox-list">
                  {valueChoices.map((c) => {
                    const only = chosenValues.length === 1 && chosenValues.includes(c.name);
                    return (
                      <label key={c.name} className="checkbox">
                        <input
                          type="checkbox"
                          checked={chosenValues.includes(c.name)}
                          disabled={only}
                          aria-describedby={only ? `${id}-values-hint` : undefined}
                          onChange={(event) => setValueColumn(c.name, event.target.checked)}
                        />
                        {c.name}
                      </label>
                    );
                  })}
                </div>
                {/* A greyed tick said nothing of why it could not be taken off. */}
                {chosenValues.length === 1 && valueChoices.some((c) => c.name === chosenValues[0]) && (
                  <span id={`${id}-values-hint`} className="hint">
                    {chosenValues[0]} stays ticked: it is the only value column chosen, and a dataset needs at least one.
                  </span>
                )}
              </fieldset>
            )}
          </div>
        )}

        {preview.series.length > 0 && (
          <div>
            <h3 className="preview-heading">
              {seriesCount === 1 ? "1 series" : `${count.format(seriesCount)} series`} to import
            </h3>
            <ul className="preview-series" aria-label="Series to import">
              {preview.series.map((series) => (
                <li key={series.detectedName} className="preview-series-item">
                  <label htmlFor={`${id}-series-${series.detectedName}`} className="visually-hidden">
                    Name of series {series.detectedName}
                  </label>
                  <input
                    id={`${id}-series-${series.detectedName}`}
                    className="input"
                    value={seriesNames[series.detectedName] ?? series.name}
                    maxLength={200}
                    onChange={(event) => props.onRename(series.detectedName, event.target.value)}
                  />
                  <div className="preview-series-detail">
                    <span className="hint preview-series-text">
                      {describePreviewSeries(series).map((line, i) => (
                        <Fragment key={i}>
                          {/* Read aloud, the lines are one sentence again, as the file's description was. */}
                          {i > 0 && <span className="visually-hidden"> · </span>}
                          <span className="preview-series-line">{line}</span>
                        </Fragment>
                      ))}
                    </span>
                    <Sparkline values={series.sparkline} label={`Shape of ${series.name}`} />
                  </div>
                </li>
              ))}
            </ul>
            {clash && (
              <p className="alert alert-error" role="alert">
                Two series are called <code className="message-code">{clash}</code>. Give each series its own name.
              </p>
            )}
            {blank && (
              <p className="alert alert-error" role="alert">
                Every series needs a name.
              </p>
            )}
          </div>
        )}

        {preview.issues.length > 0 && (
          <section className="alert alert-warning" aria-label="Issues found">
            <strong>Found in the file</strong>
            <ul className="issues">
              {preview.issues.map((issue) => (
                <li key={issue.message}>
                  <MessageText text={issue.message} />
                </li>
              ))}
            </ul>
          </section>
        )}

        {preview.columns.length > 0 && (
          <div className="table-scroll">
            <table className="table preview-table" aria-label={table.label}>
              <thead>
                <tr>
                  {rowNumbers && (
                    <th scope="col" className="num row-number">
                      Row
                    </th>
                  )}
                  {preview.columns.map((column) => (
                    <th key={column.name} scope="col" data-role={column.role} className={column.kind === "number" ? "num" : undefined}>
                      <span className="column-name">{column.name}</span>
                      <span className="column-meta">
                        <span className={`badge badge-${column.kind}`}>{column.kind === "time" && column.format ? column.format : KIND_LABELS[column.kind]}</span>
                        <span className="column-role">{ROLE_LABELS[column.role]}</span>
                      </span>
                    </th>
                  ))}
                  {table.hasExtra && (
                    <th scope="col" className="extra-fields">
                      Extra fields
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) =>
                  row.kind === "gap" ? (
                    <tr key={row.key} className="row-gap">
                      <td colSpan={width}>
                        <span aria-hidden="true">…</span> {count.format(row.skipped)} {row.skipped === 1 ? "row" : "rows"} not shown
                      </td>
                    </tr>
                  ) : row.kind === "more" ? (
                    <tr key={row.key} className="row-gap">
                      <td colSpan={width}>
                        The message names {count.format(row.rows)} more {row.rows === 1 ? "row" : "rows"}, not marked here
                      </td>
                    </tr>
                  ) : row.kind === "unmarked" ? (
                    <tr key={row.key} className="row-gap">
                      <td colSpan={width}>
                        {count.format(row.rows)} more {row.rows === 1 ? "row" : "rows"} cannot be read either, not marked here
                      </td>
                    </tr>
                  ) : (
                    <Fragment key={row.key}>
                    <tr className={row.refusedRow ? "row-refused" : undefined}>
                      {row.number !== null && (
                        <th scope="row" className="num row-number">
                          {count.format(row.number)}
                          {row.refusedRow && <span className="visually-hidden"> (the row the upload is refused for)</span>}
                        </th>
                      )}
                      {preview.columns.map((column, c) => (
                        <td key={column.name} data-role={column.role} className={[column.kind === "number" ? "num" : "", row.refusedColumn === c ? "cell-refused" : ""].join(" ").trim() || undefined}>
                          {row.cells[c] ?? ""}
                          {row.refusedColumn === c && <span className="visually-hidden"> (the cell the upload is refused for)</span>}
                        </td>
                      ))}
                      {table.hasExtra && (
                        <td className={row.extra.length > 0 ? "cell-refused extra-fields" : "extra-fields"}>
                          {row.extra.map((cell, i) => (
                            <span key={i} className="extra-field">
                              {cell}
                            </span>
                          ))}
                          {row.extra.length > 0 && <span className="visually-hidden"> (fields beyond the header, which the delimiter split off)</span>}
                        </td>
                      )}
                    </tr>
                    {row.problem && (
                      <tr className="row-problem">
                        <td colSpan={width}>
                          <span className="row-problem-text">
                            <MessageText text={row.problem} />
                          </span>
                        </td>
                      </tr>
                    )}
                    </Fragment>
                  ),
                )}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
