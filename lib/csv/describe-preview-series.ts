import type { PreviewSeries } from "../series/schema";

const count = new Intl.NumberFormat("en-US");

const holdTogether = (range: string) =>
  range
    .split(" – ")
    .map((date) => date.replaceAll(" ", "\u00a0"))
    .join(" – ");

/**
 * One line about a series in the import preview: `72 points · monthly, season of 12 · Jan 2018 –
 * Dec 2023 · 3 missing · 2 gaps`. "season of 12" is held together (no-break spaces): a phone's
 * narrow card broke it as "season / of 12". So is each date of the range: the card beside its
 * sparkline broke "21 / Dec 2015", even at 1280 px; the range breaks only at its dash.
 */
export function describePreviewSeries(series: PreviewSeries): string {
  const season = series.frequency.seasonLength > 1 ? `, season\u00a0of\u00a0${series.frequency.seasonLength}` : "";
  const parts = [`${count.format(series.pointCount)} points`, `${series.frequency.label}${season}`];
  if (series.rangeLabel) parts.push(holdTogether(series.rangeLabel));
  if (series.missingCount > 0) parts.push(`${count.format(series.missingCount)} missing`);
  if (series.frequency.gapCount > 0) parts.push(`${count.format(series.frequency.gapCount)} gaps`);
  return parts.join(" · ");
}
