/** What an exported file holds (the middle part of its name). */
export type ExportKind = "forecast" | "forecast-excel" | "run" | "chart" | "model" | "data" | "data-excel";

export interface ExportFileNameInput {
  dataset: string;
  /** Names of the series in the file; more than three are written as their count. */
  series: string[];
  kind: ExportKind;
  /** The day the forecast was made (ISO text or a Date); omitted for stored data. */
  date?: string | Date | null;
  /** Extension without the dot. */
  extension: string;
}

/** Letters (any script) and digits kept, everything else one dash, at most `max` characters. */
function slug(text: string, max = 40): string {
  const s = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return s.slice(0, max).replace(/-+$/, "");
}

/**
 * A download's file name: dataset, series, kind and date, e.g.
 * `wine-sales_red_forecast_2026-11-28.csv`. Safe on every file system (no spaces, slashes or
 * punctuation), never empty.
 */
export function toExportFileName({ dataset, series, kind, date, extension }: ExportFileNameInput): string {
  const seriesPart = series.length > 3 ? `${series.length}-series` : series.map((s) => slug(s, 24)).filter(Boolean).join("+");
  const day = date ? new Date(date).toISOString().slice(0, 10) : "";
  const parts = [slug(dataset) || "dataset", seriesPart, kind, day].filter(Boolean);
  return `${parts.join("_")}.${extension}`;
}

/**
 * A Content-Disposition header for a download: an ASCII `filename` for old clients and the exact
 * UTF-8 name in `filename*` (RFC 6266).
 */
export function toContentDisposition(fileName: string): string {
  const ascii = fileName.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").replace(/["\\]/g, "") || "download";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
