import Papa from "papaparse";
import { fail, ok, type Result } from "../result";
import type { DateOrder } from "../time/detect-time-format";
import { inferFrequency, type Frequency } from "../time/frequency";
import { describeTimeFormat, formatTime, makeTimeParser, type TimeFormat } from "../time/time-format";
import { parseNumberCell } from "./parse-number";
import { sniffCsv, type ColumnInfo, type CsvDialect } from "./sniff-csv";

export interface ReadOptions {
  /** Header of the time column; `null` reads the file as a plain sequence without time. */
  timeColumn?: string | null;
  /** Headers of the value columns (default: every numeric column). */
  valueColumns?: string[];
  /** Header of a column naming the series in a long/tidy file (`series,date,value`). */
  idColumn?: string | null;
  /** Day-first or month-first reading of slashed dates (default: decided from the data). */
  dateOrder?: DateOrder;
  /** New names for series, keyed by their detected name. */
  seriesNames?: Record<string, string>;
}

export interface ParsedSeries {
  name: string;
  /** The value column it came from. */
  column: string;
  /** Epoch ms (UTC), ascending, one per point. */
  times: Float64Array;
  /** Values; NaN marks a missing value. */
  values: Float64Array;
  missingCount: number;
  frequency: Frequency;
}

export type IssueKind = "missing" | "gaps" | "unsorted" | "dropped" | "note";

export interface IngestIssue {
  kind: IssueKind;
  message: string;
}

export type DatasetShape = "long" | "wide" | "tidy";

export interface ParsedDataset {
  dialect: CsvDialect;
  columns: ColumnInfo[];
  timeColumn: string | null;
  timeFormat: TimeFormat;
  idColumn: string | null;
  shape: DatasetShape;
  series: ParsedSeries[];
  /** Data rows read (blank lines excluded). */
  rowCount: number;
  issues: IngestIssue[];
}

const ROW_LIMIT_IN_MESSAGES = 5;

/** `1204` → `1,204`, as row numbers read in messages. */
export function formatRowNumber(row: number): string {
  return row.toLocaleString("en-US");
}

function listRows(rows: number[]): string {
  const shown = rows.slice(0, ROW_LIMIT_IN_MESSAGES).map(formatRowNumber).join(", ");
  return rows.length > ROW_LIMIT_IN_MESSAGES ? `${shown} and ${rows.length - ROW_LIMIT_IN_MESSAGES} more` : shown;
}

function quote(cell: string): string {
  const short = cell.length > 40 ? `${cell.slice(0, 37)}…` : cell;
  return `\`${short}\``;
}

interface Plan {
  time: ColumnInfo | null;
  id: ColumnInfo | null;
  values: ColumnInfo[];
}

function findColumn(columns: ColumnInfo[], name: string): ColumnInfo | undefined {
  return columns.find((c) => c.name === name) ?? columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
}

function planColumns(columns: ColumnInfo[], options: ReadOptions, sampleRows: string[][]): Result<Plan> {
  const names = columns.map((c) => `\`${c.name}\``).join(", ");
  let time: ColumnInfo | null = null;
  if (options.timeColumn !== undefined && options.timeColumn !== null) {
    const chosen = findColumn(columns, options.timeColumn);
    if (!chosen) return fail(`There is no column \`${options.timeColumn}\`. The columns are ${names}.`);
    if (chosen.kind !== "time") {
      return fail(`Column \`${chosen.name}\` does not hold dates or times that could be read. Pick the column with the dates.`);
    }
    time = chosen;
  } else if (options.timeColumn === undefined) {
    time = columns.find((c) => c.kind === "time") ?? null;
  }

  let values: ColumnInfo[];
  if (options.valueColumns && options.valueColumns.length > 0) {
    values = [];
    for (const name of options.valueColumns) {
      const chosen = findColumn(columns, name);
      if (!chosen) return fail(`There is no column \`${name}\`. The columns are ${names}.`);
      if (chosen.kind !== "number") return fail(`Column \`${chosen.name}\` does not hold numbers, so it cannot be a series.`);
      values.push(chosen);
    }
  } else {
    values = columns.filter((c) => c.kind === "number" && c !== time);
  }
  if (values.length === 0) {
    return fail(
      `No column holds numbers, so there is no series to read. The columns are ${names}; a time series needs a column of values such as \`sales\` or \`temperature\`.`,
    );
  }

  let id: ColumnInfo | null = null;
  if (options.idColumn) {
    const chosen = findColumn(columns, options.idColumn);
    if (!chosen) return fail(`There is no column \`${options.idColumn}\`. The columns are ${names}.`);
    id = chosen;
  } else if (options.idColumn === undefined && time) {
    // A text column whose values repeat while times repeat too names the series of a long file.
    const timeIndex = time.index;
    const times = sampleRows.map((row) => row[timeIndex] ?? "");
    const timesRepeat = new Set(times).size < times.length;
    if (timesRepeat) {
      id =
        columns.find((c) => {
          if (c.kind !== "text") return false;
          const ids = new Set(sampleRows.map((row) => row[c.index] ?? ""));
          return ids.size > 1 && ids.size < sampleRows.length;
        }) ?? null;
    }
  }
  return ok({ time, id, values });
}

interface Column {
  times: number[];
  values: number[];
  rows: number[];
}

/**
 * Reads a CSV text into series: detects the dialect and columns, then reads every row, checking
 * each cell. Errors name the row (as a spreadsheet numbers it: the header is row 1) and the column.
 */
export function readDataset(text: string, options: ReadOptions = {}): Result<ParsedDataset> {
  const sniffed = sniffCsv(text, options.dateOrder ? { dateOrder: options.dateOrder } : {});
  if (!sniffed.ok) return sniffed;
  const { dialect, columns, sampleRows } = sniffed.data;
  const planned = planColumns(columns, options, sampleRows);
  if (!planned.ok) return planned;
  const plan = planned.data;
  const timeFormat: TimeFormat = plan.time?.time?.format ?? { kind: "index" };
  const parseTime = makeTimeParser(timeFormat);
  const width = columns.length;

  const groups = new Map<string, Column[]>();
  const groupOf = (key: string): Column[] => {
    let group = groups.get(key);
    if (!group) {
      group = plan.values.map(() => ({ times: [], values: [], rows: [] }));
      groups.set(key, group);
    }
    return group;
  };
  const missingRows = new Map<string, number[]>();
  let error: string | null = null;
  let rowNumber = 0;
  let dataIndex = 0;
  let headerSeen = !dialect.hasHeader;

  Papa.parse<string[]>(text, {
    delimiter: dialect.delimiter,
    skipEmptyLines: "greedy",
    step: (result, parser) => {
      rowNumber++;
      const row = result.data;
      if (!headerSeen) {
        headerSeen = true;
        return;
      }
      // papaparse counts lines, blank ones included, in cursor only; row numbers here skip blanks.
      const line = rowNumber;
      if (row.length !== width) {
        const hint =
          row.length > width && dialect.delimiter === "," && dialect.decimal === "."
            ? " If numbers use a decimal comma, quote them or save the file with semicolons."
            : " Check the delimiter and the quotes on that row.";
        error = `Row ${formatRowNumber(line)} has ${row.length} ${row.length === 1 ? "field" : "fields"} but the header has ${width}.${hint}`;
        parser.abort();
        return;
      }
      let t: number;
      if (plan.time) {
        const cell = row[plan.time.index] ?? "";
        t = parseTime(cell, dataIndex);
        if (!Number.isFinite(t)) {
          error =
            cell.trim() === ""
              ? `Row ${formatRowNumber(line)}, column \`${plan.time.name}\`: the date is empty. Every row needs a date; fill it in or delete the row.`
              : `Row ${formatRowNumber(line)}, column \`${plan.time.name}\`: ${quote(cell)} is not a date like the others (${describeTimeFormat(timeFormat)}). Correct it or delete the row.`;
          parser.abort();
          return;
        }
      } else {
        t = dataIndex;
      }
      const key = plan.id ? (row[plan.id.index] ?? "").trim() : "";
      const group = groupOf(key);
      for (let c = 0; c < plan.values.length; c++) {
        const info = plan.values[c] as ColumnInfo;
        const cell = row[info.index] ?? "";
        const parsed = parseNumberCell(cell, dialect.decimal);
        const column = group[c] as Column;
        let value: number;
        if (parsed.kind === "number") value = parsed.value;
        else if (parsed.kind === "invalid") {
          error = `Row ${formatRowNumber(line)}, column \`${info.name}\`: ${quote(cell.trim())} is not a number. Correct it, or empty the cell to mark a missing value.`;
          parser.abort();
          return;
        } else {
          value = NaN;
          const name = info.name;
          const list = missingRows.get(name) ?? [];
          list.push(line);
          missingRows.set(name, list);
        }
        column.times.push(t);
        column.values.push(value);
        column.rows.push(line);
      }
      dataIndex++;
    },
  });
  if (error) return fail(error);
  if (dataIndex === 0) {
    return fail("The file has a header row but no data rows. Add at least one row of values under the header.");
  }

  const issues: IngestIssue[] = [];
  if (plan.time?.time?.note) issues.push({ kind: "note", message: `${plan.time.name}: ${plan.time.time.note}.` });
  if (!plan.time) issues.push({ kind: "note", message: "No time column was found: points are numbered in file order." });
  for (const [name, rows] of missingRows) {
    issues.push({
      kind: "missing",
      message: `Column \`${name}\` has ${rows.length} empty or non-numeric ${rows.length === 1 ? "cell" : "cells"} (row ${listRows(rows)}), kept as missing values; the forecaster fills them by linear interpolation.`,
    });
  }

  const series: ParsedSeries[] = [];
  let unsortedReported = false;
  for (const [key, group] of groups) {
    for (let c = 0; c < plan.values.length; c++) {
      const info = plan.values[c] as ColumnInfo;
      const column = group[c] as Column;
      const order = column.times.map((_, i) => i);
      let sorted = true;
      for (let i = 1; i < column.times.length; i++) {
        if ((column.times[i] as number) < (column.times[i - 1] as number)) {
          sorted = false;
          break;
        }
      }
      if (!sorted) {
        order.sort((a, b) => (column.times[a] as number) - (column.times[b] as number) || a - b);
        if (!unsortedReported) {
          issues.push({ kind: "unsorted", message: "Rows were not in time order; they were sorted by time." });
          unsortedReported = true;
        }
      }
      const times = new Float64Array(order.length);
      const values = new Float64Array(order.length);
      let missingCount = 0;
      for (let i = 0; i < order.length; i++) {
        const from = order[i] as number;
        times[i] = column.times[from] as number;
        values[i] = column.values[from] as number;
        if (Number.isNaN(values[i])) missingCount++;
        if (i > 0 && times[i] === times[i - 1]) {
          const previousRow = column.rows[order[i - 1] as number] as number;
          const thisRow = column.rows[from] as number;
          const label = formatTime(times[i] as number, timeFormat, i);
          const where = key ? ` for series \`${key}\`` : "";
          return fail(
            `Rows ${formatRowNumber(Math.min(previousRow, thisRow))} and ${formatRowNumber(Math.max(previousRow, thisRow))} have the same time \`${label}\`${where}. Remove the duplicate row${plan.id || !plan.time ? "" : ", or, if the file holds several series, add a column that names each one"}.`,
          );
        }
      }
      const detectedName = plan.id ? (plan.values.length > 1 ? `${key} · ${info.name}` : key || "(blank)") : info.name;
      const name = options.seriesNames?.[detectedName]?.trim() || detectedName;
      const frequency = plan.time ? inferFrequency(times) : indexFrequency();
      series.push({ name, column: info.name, times, values, missingCount, frequency });
    }
  }
  for (const s of series) {
    if (s.frequency.gapCount > 0) {
      issues.push({
        kind: "gaps",
        message: `Series \`${s.name}\` skips ${s.frequency.gapCount} ${s.frequency.kind === "irregular" ? "" : `${s.frequency.label} `}${s.frequency.gapCount === 1 ? "step" : "steps"}; the forecaster treats them as missing values.`,
      });
    }
    if (s.frequency.kind === "irregular") {
      issues.push({
        kind: "note",
        message: `Series \`${s.name}\` has no regular spacing between times; forecasts treat its points as equally spaced.`,
      });
    }
  }

  return ok({
    dialect,
    columns,
    timeColumn: plan.time?.name ?? null,
    timeFormat,
    idColumn: plan.id?.name ?? null,
    shape: plan.id ? "tidy" : plan.values.length > 1 ? "wide" : "long",
    series,
    rowCount: dataIndex,
    issues,
  });
}

function indexFrequency(): Frequency {
  return { kind: "index", step: { unit: "index" }, seasonLength: 1, label: "sequence", gapCount: 0 };
}
