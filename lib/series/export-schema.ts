import { z } from "zod";
import { METHOD_NAMES } from "../forecast/types";
import { isTimeZone } from "../time/time-zone-cookie";

/** `?history=1`: 1/0, true/false, yes/no (an empty value means yes, as in `?history`). */
const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", ""], { error: "must be 1 or 0 (true or false, yes or no, or no value for yes)" })
  .transform((v) => v === "" || v === "1" || v === "true" || v === "yes");

/** `?format=excel`: semicolons, decimal commas and a BOM, for Excel in comma-decimal locales. */
const csvFormat = z.enum(["standard", "excel"]).default("standard");

/** Whose forecast: each series' recommended method (`chosen`), or one method for all. */
const exportMethod = z.enum(["chosen", ...METHOD_NAMES]).default("chosen");

/** Query of GET /api/runs/<id>/forecast.csv and .json (a parameter not listed is refused). */
export const forecastExportQuerySchema = z.strictObject({
  method: exportMethod,
  /** The observed values too: in the CSV first, with a `type` column; in the JSON as each series' `history`. */
  history: flag.default(false),
  format: csvFormat,
});
export type ForecastExportQuery = z.infer<typeof forecastExportQuerySchema>;

/** Query of GET /api/runs/<id>/forecast.json: the CSV's, less `format` (JSON numbers have no decimal comma; it was taken and ignored). */
export const runJsonQuerySchema = forecastExportQuerySchema.omit({ format: true });

/** A whole number of CSS pixels within bounds (`?width=960`). */
const pixels = (min: number, max: number, fallback: number) => {
  const error = `must be a whole number of pixels from ${min} to ${max}`;
  return z.coerce.number({ error }).int(error).min(min, error).max(max, error).default(fallback);
};

/** Query of GET /api/runs/<id>/chart.svg and chart.png (a parameter not listed is refused). */
export const chartExportQuerySchema = z.strictObject({
  /** The series drawn, by name or id (default: the run's first): one chart per image. */
  series: z.string().trim().min(1, "must be a series' name or id; leave it out for the run's first series").optional(),
  method: exportMethod,
  /** Size of the whole image in CSS pixels (a PNG has twice as many device pixels). */
  width: pixels(320, 2400, 960),
  height: pixels(200, 1600, 420),
  /** `recent`: the last stretch of the history, eight times as long as the forecast (as the page's chart opens); `all`: all of it. */
  history: z.enum(["recent", "all"]).default("recent"),
  /** The zone the run's time is written in (`made 7 Dec 2026, 13:18:29 CET`); default: the browser's, from the app's cookie, else the server's. */
  tz: z
    .string()
    .trim()
    .refine(isTimeZone, { error: "must be an IANA time zone such as Europe/Berlin or America/New_York; leave it out for the server's" })
    .optional(),
});
export type ChartExportQuery = z.infer<typeof chartExportQuerySchema>;

/** Query of GET /api/datasets/<id>/series/<seriesId>.csv. */
export const seriesExportQuerySchema = z.strictObject({ format: csvFormat });
