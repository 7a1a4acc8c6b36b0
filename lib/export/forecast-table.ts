import { METHOD_LABELS, type IntervalForecast, type MethodName } from "../forecast/types";
import type { RunSeries, StoredIntervalForecast } from "../series/run-schema";
import { toSettlementPeriod } from "../time/settlement-period";
import { formatTime, type TimeFormat } from "../time/time-format";
import { roundSignificant, toCsv, type CsvCell, type CsvDialect } from "./to-csv";

/** The forecast CSV's columns after the time's (what the CLI writes, with the series named on every row). */
const FORECAST_COLUMNS = ["series", "forecast", "lower80", "upper80", "lower95", "upper95"] as const;
/** With the history: `type` is `history` or `forecast`, `actual` holds the observed values. */
const FORECAST_COLUMNS_WITH_HISTORY = ["series", "type", "actual", "forecast", "lower80", "upper80", "lower95", "upper95"] as const;
/** The forecast CSV's header for times written in one column. */
export const FORECAST_HEADER = ["timestamp", ...FORECAST_COLUMNS] as const;

/** Forecast numbers are written to 10 significant digits, as the CLI writes them (observed values exactly). */
export const FORECAST_DIGITS = 10;

/** A forecast number as every export writes it (null where the forecaster had none). */
const toForecastNumber = (value: number | null | undefined): number | null =>
  value === null || value === undefined ? null : roundSignificant(value, FORECAST_DIGITS);

/** A forecast with every number as the exports write it (the CLI's --json beside its CSV). */
export function toExportedForecast(f: IntervalForecast): IntervalForecast {
  const round = (values: number[]) => values.map((v) => roundSignificant(v, FORECAST_DIGITS));
  return { mean: round(f.mean), lower80: round(f.lower80), upper80: round(f.upper80), lower95: round(f.lower95), upper95: round(f.upper95) };
}

/** Which method's forecast an export holds: each series' recommended one, or one method for all. */
export type ExportMethod = MethodName | "chosen";

/** A series' stored points, for exports that include the history. */
export interface SeriesHistory {
  /** Epoch ms, ascending. */
  times: ArrayLike<number>;
  /** Values; NaN or null = missing. */
  values: ArrayLike<number | null>;
}

/**
 * A time written in the series' own format. Series without a time column number their points
 * (stored times 0, 1, 2, … are written 1, 2, 3, …), forecast steps continuing the count.
 * @param ms epoch ms (or the 0-based position for series without a time column)
 */
export function formatStamp(ms: number, format: TimeFormat): string {
  return formatTime(ms, format, format.kind === "index" ? Math.round(ms) : 0);
}

/**
 * A time as a CSV cell: epoch, index and serial times are numbers in a spreadsheet (serials and
 * fractional Unix seconds keep the places the file wrote them with), written dates are text.
 */
export function toStampCell(ms: number, format: TimeFormat): CsvCell {
  const text = formatStamp(ms, format);
  if (format.kind === "pattern") return text;
  const places = format.kind === "excel-serial" && format.fixedDecimals ? format.decimals : format.kind === "epoch" ? format.decimals : undefined;
  return places ? { value: Number(text), decimals: places } : Number(text);
}

/** A time as a file of GB settlement periods writes it: the date as the file writes dates, and the period. */
export interface SettlementStamp {
  date: string;
  /** 1–50; null for a time that has none (01:00 and 01:30 on the day clocks go forward). */
  period: number | null;
}

/**
 * A time as its settlement date and period, for a series read from those two columns (NESO).
 * @returns null for any other series
 */
export function toSettlementStamp(ms: number, format: TimeFormat): SettlementStamp | null {
  if (format.kind !== "pattern" || !format.settlement) return null;
  const { day, period } = toSettlementPeriod(ms);
  return { date: formatTime(day, { ...format, pattern: format.pattern.replace(/ %H:%M$/, "") }), period };
}

/** The columns an export writes a time in, and the cells of one time. */
export interface StampColumns {
  header: string[];
  cells: (ms: number, format: TimeFormat) => CsvCell[];
}

/**
 * How an export writes its times: in one column in each series' own format, or, when every series
 * was read from a settlement date and period (NESO), in those two columns under the file's
 * headers, so that the forecast continues the file as it is written.
 * @param formats the time format of every series in the table
 * @param timeColumn the header of the one column
 */
export function toStampColumns(formats: TimeFormat[], timeColumn = "timestamp"): StampColumns {
  const first = formats[0];
  const settlement = first?.kind === "pattern" ? first.settlement : undefined;
  const same = (f: TimeFormat) => f.kind === "pattern" && f.settlement?.dateColumn === settlement?.dateColumn && f.settlement?.periodColumn === settlement?.periodColumn;
  if (!settlement || !formats.every(same)) return { header: [timeColumn], cells: (ms, format) => [toStampCell(ms, format)] };
  return {
    header: [settlement.dateColumn, settlement.periodColumn],
    cells: (ms, format) => {
      const stamp = toSettlementStamp(ms, format) as SettlementStamp;
      return [stamp.date, stamp.period];
    },
  };
}

/**
 * The method whose forecast is exported for a series.
 * @returns null when the series has no forecast of that method
 */
export function toExportMethod(series: Pick<RunSeries, "chosen" | "forecasts">, method: ExportMethod): MethodName | null {
  const m = method === "chosen" ? series.chosen : method;
  return series.forecasts[m] ? m : null;
}

/**
 * Why a method cannot be exported from a run, or null when every series has its forecast.
 * @param series the run's series
 */
export function checkExportMethod(series: Pick<RunSeries, "name" | "chosen" | "forecasts">[], method: ExportMethod): string | null {
  const missing = series.find((s) => !toExportMethod(s, method));
  if (!missing) return null;
  const available = Object.keys(missing.forecasts).map((m) => `\`${m}\``);
  return `Series ${missing.name} has no ${METHOD_LABELS[method as MethodName] ?? method} forecast in this run. Choose \`chosen\` or one of ${available.join(", ")}.`;
}

export interface ForecastStep {
  /** Epoch ms. */
  t: number;
  /** The time as the series writes it. */
  timestamp: string;
  forecast: number | null;
  lower80: number | null;
  upper80: number | null;
  lower95: number | null;
  upper95: number | null;
}

/**
 * A series' forecast steps, one per horizon step, timestamps in the series' own format, numbers to
 * {@link FORECAST_DIGITS} significant digits: the JSON export holds the CSV's numbers, not more
 * digits of them (23356.000000000007 beside the CSV's 23356).
 * @throws Error when the series has no forecast of `method` (check with {@link checkExportMethod})
 */
export function toForecastSteps(series: RunSeries, method: ExportMethod, format: TimeFormat): ForecastStep[] {
  const m = toExportMethod(series, method);
  const f: StoredIntervalForecast | undefined = m ? series.forecasts[m] : undefined;
  if (!f) throw new Error(`series ${series.name} has no ${method} forecast`);
  return series.times.map((t, j) => ({
    t,
    timestamp: formatStamp(t, format),
    forecast: toForecastNumber(f.mean[j]),
    lower80: toForecastNumber(f.lower80[j]),
    upper80: toForecastNumber(f.upper80[j]),
    lower95: toForecastNumber(f.lower95[j]),
    upper95: toForecastNumber(f.upper95[j]),
  }));
}

export interface ForecastCsvOptions {
  /** The time format of each series, by series id (from SeriesDto.timeFormat). */
  timeFormats: Record<string, TimeFormat>;
  method?: ExportMethod;
  dialect?: CsvDialect;
  /**
   * The stored points of each series, by series id: when given, every observed value comes first
   * (type `history`, in column `actual`), then the forecast (type `forecast`).
   */
  history?: Record<string, SeriesHistory>;
}

const NO_FORMAT: TimeFormat = { kind: "index" };

const formatOf = (s: RunSeries, options: ForecastCsvOptions) => options.timeFormats[s.seriesId] ?? NO_FORMAT;

function* forecastRows(series: RunSeries[], options: ForecastCsvOptions, stamp: StampColumns): Generator<CsvCell[]> {
  const withHistory = options.history !== undefined;
  for (const s of series) {
    const format = formatOf(s, options);
    const past = options.history?.[s.seriesId];
    if (past) {
      for (let i = 0; i < past.times.length; i++) {
        yield [...stamp.cells(past.times[i] as number, format), s.name, "history", past.values[i] ?? null, null, null, null, null, null];
      }
    }
    for (const step of toForecastSteps(s, options.method ?? "chosen", format)) {
      const numbers = [step.forecast, step.lower80, step.upper80, step.lower95, step.upper95];
      yield withHistory ? [...stamp.cells(step.t, format), s.name, "forecast", null, ...numbers] : [...stamp.cells(step.t, format), s.name, ...numbers];
    }
  }
}

/**
 * A run's forecast as CSV: `timestamp,series,forecast,lower80,upper80,lower95,upper95`, one row per
 * step and series, timestamps in each series' own format (a settlement date and period in two
 * columns, see toStampColumns); with `history`, a `type` column tells the observed rows from the
 * forecast ones.
 */
export function toForecastCsv(series: RunSeries[], options: ForecastCsvOptions): string {
  const withHistory = options.history !== undefined;
  const stamp = toStampColumns(series.map((s) => formatOf(s, options)));
  const header = [...stamp.header, ...(withHistory ? FORECAST_COLUMNS_WITH_HISTORY : FORECAST_COLUMNS)];
  // Observed values (`actual`) are written exactly; the forecast's numbers are rounded.
  const firstRounded = header.indexOf("forecast", stamp.header.length);
  const significantDigits = header.map((_, i) => (i >= firstRounded ? FORECAST_DIGITS : undefined));
  return toCsv({ header, rows: forecastRows(series, options, stamp), significantDigits }, options.dialect);
}
