import { z } from "zod";
import { METHOD_NAMES } from "./run-schema";

/** `?history=1`: 1/0, true/false, yes/no (an empty value means yes, as in `?history`). */
const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .transform((v) => v === "" || v === "1" || v === "true" || v === "yes");

/** `?format=excel`: semicolons, decimal commas and a BOM, for Excel in comma-decimal locales. */
const csvFormat = z.enum(["standard", "excel"]).default("standard");

/** Query of GET /api/runs/<id>/forecast.csv and .json (unknown parameters are ignored). */
export const forecastExportQuerySchema = z.object({
  /** Whose forecast: each series' recommended method (`chosen`), or one method for all. */
  method: z.enum(["chosen", ...METHOD_NAMES]).default("chosen"),
  /** CSV only: the observed values first, with a `type` column. */
  history: flag.default(false),
  format: csvFormat,
});
export type ForecastExportQuery = z.infer<typeof forecastExportQuerySchema>;

/** Query of GET /api/datasets/<id>/series/<seriesId>.csv. */
export const seriesExportQuerySchema = z.object({ format: csvFormat });
