import type { PreviewSeries } from "../series/schema";

const count = new Intl.NumberFormat("en-US");

const holdTogether = (range: string) =>
  range
    .split(" – ")
    .map((date) => date.replaceAll(" ", "\u00a0"))
    .join(" – ");

/**
 * What a series lacks, as its cards write it after the date range: values (`3 missing`, empty
 * cells) and steps the file has no rows for (`2 gaps`). The dataset page's series card shares it
 * with the preview's: it said nothing of sensor-log.csv's 102 skipped steps, which the preview
 * and the import note did.
 */
export function describeMissing(series: { missingCount: number; frequency: { gapCount: number } }): string[] {
  const parts: string[] = [];
  if (series.missingCount > 0) parts.push(`${count.format(series.missingCount)} missing`);
  if (series.frequency.gapCount > 0) parts.push(`${count.format(series.frequency.gapCount)} gaps`);
  return parts;
}

/**
 * A series in the import preview, as the lines its card shows: the count and frequency
 * (`72 points · monthly, season of 12`), then the date range with what is missing
 * (`Jan 2018 – Dec 2023 · 3 missing · 2 gaps`). Written as one line, the card beside its sparkline
 * broke it as "… season of 12 · Jan 2015 –" / "Dec 2024", even at 1440 px; on lines of their own,
 * the range starts a line and breaks only where it does not fit. "season of 12" is held together
 * (no-break spaces): a phone's narrow card broke it as "season / of 12". So is each date of the
 * range, which breaks only at its dash: "21 / Dec 2015" was broken at 1280 px.
 */
export function describePreviewSeries(series: PreviewSeries): string[] {
  const season = series.frequency.seasonLength > 1 ? `, season\u00a0of\u00a0${series.frequency.seasonLength}` : "";
  const extent: string[] = [];
  if (series.rangeLabel) extent.push(holdTogether(series.rangeLabel));
  extent.push(...describeMissing(series));
  const lines = [`${count.format(series.pointCount)} points · ${series.frequency.label}${season}`];
  if (extent.length > 0) lines.push(extent.join(" · "));
  return lines;
}
