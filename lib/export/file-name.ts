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

/** Letters that NFKD does not take apart into a Latin letter and its marks, as ASCII spells them. */
const ASCII_SPELLINGS: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i" };

/**
 * A file name in printable ASCII: accents dropped, other letters left out. The `_`-separated
 * parts whose letters were all left out go too: their dashes and plus signs stayed, so a dataset
 * named `東京 電力` was saved by `curl -OJ` (which reads only the ASCII name) as `-__data.csv`, a
 * name a shell takes for an option.
 */
function toAsciiFileName(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  const extension = dot > 0 ? fileName.slice(dot).replace(/[^\x21-\x7e]|["\\]/g, "") : "";
  const parts = (dot > 0 ? fileName.slice(0, dot) : fileName)
    .normalize("NFKD")
    .replace(/[ßæœøłđðþı]/giu, (letter) => ASCII_SPELLINGS[letter.toLowerCase()] ?? "")
    .replace(/[^\x20-\x7e]|["\\]/g, "")
    .split("_")
    .map((part) => part.replace(/[-+]{2,}/g, (run) => run.slice(0, 1)).replace(/^[-+ ]+|[-+ ]+$/g, ""))
    .filter(Boolean);
  return `${parts.join("_") || "download"}${extension}`;
}

/**
 * A Content-Disposition header for a download: an ASCII `filename` for old clients and the exact
 * UTF-8 name in `filename*` (RFC 6266).
 */
export function toContentDisposition(fileName: string): string {
  return `attachment; filename="${toAsciiFileName(fileName)}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * A file name cut after each `_`, where a narrow line may break it: left alone, a browser broke
 * it after a dash, inside the date (`…_2026-` / `12-07.png`).
 */
export function toFileNameParts(fileName: string): string[] {
  return fileName.split(/(?<=_)/);
}
