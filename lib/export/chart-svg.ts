/**
 * The exported chart as a standalone SVG document: a white page, a title, the legend (which the
 * page draws in HTML, outside the chart's own SVG), then the chart's drawing. The drawing's
 * styles must already be inline (the page's CSS variables do not travel with the file).
 */

export interface ChartLegendEntry {
  label: string;
  kind: "line" | "band" | "dashed";
  /** A resolved CSS colour (no `var(…)`). */
  color: string;
  /** Fill opacity of a band. */
  opacity?: number;
  /** A shorter label (`80%` for `80% interval`), used when the legend does not fit the image's width in one row. */
  short?: string;
}

export interface ChartSvgInput {
  /** Size of the chart's drawing, in CSS pixels. */
  width: number;
  height: number;
  title: string;
  subtitle?: string;
  legend: ChartLegendEntry[];
  /** The chart's drawing: SVG elements (no outer <svg>), styles inline. */
  body: string;
}

/** Height of the title and a one-row legend above the drawing. */
export const CHART_HEADER_HEIGHT = 78;
/** Height each further row of a wrapped legend adds. */
const LEGEND_ROW_HEIGHT = 20;
// DejaVu Sans before the generic family: the font the server draws PNGs with (lib/server/fonts).
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif";
const PAD = 16;

/** Text for SVG: the five XML special characters escaped. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] as string);
}

/** Roughly how wide a label is at 12 px, to lay the legend out without measuring text. */
function labelWidth(text: string): number {
  return Math.ceil(text.length * 6.6);
}

/** Room one legend entry takes: key, gap, label, space before the next. */
function legendAdvance(entry: ChartLegendEntry): number {
  return 24 + labelWidth(entry.label) + 18;
}

/** How wide a legend is laid out in one row (without the page's padding), in CSS pixels. */
export function legendWidth(legend: ChartLegendEntry[]): number {
  return legend.reduce((sum, entry) => sum + legendAdvance(entry), 0) - (legend.length ? 18 : 0);
}

interface LegendPlace {
  entry: ChartLegendEntry;
  x: number;
  row: number;
}

/**
 * The legend laid out for an image `width` px wide: the labels in one row, else the short labels,
 * wrapped onto further rows where even they do not fit (a phone's chart with the backtest shown):
 * a legend wider than the image was cut at its edge (`95% inter`).
 */
function toLegendPlaces(legend: ChartLegendEntry[], width: number): LegendPlace[] {
  const right = width - PAD;
  const entries = legendWidth(legend) <= right - PAD ? legend : legend.map((entry) => ({ ...entry, label: entry.short ?? entry.label }));
  let x = PAD;
  let row = 0;
  return entries.map((entry) => {
    const advance = legendAdvance(entry);
    if (x > PAD && x + advance - 18 > right) {
      row++;
      x = PAD;
    }
    const place = { entry, x, row };
    x += advance;
    return place;
  });
}

/**
 * Height of the title and legend above the drawing of an image `width` px wide: more than
 * CHART_HEADER_HEIGHT when the legend wraps.
 */
export function toChartHeaderHeight(legend: ChartLegendEntry[], width: number): number {
  const rows = Math.max(0, ...toLegendPlaces(legend, Math.round(width)).map((p) => p.row));
  return CHART_HEADER_HEIGHT + rows * LEGEND_ROW_HEIGHT;
}

/** Text cut with an ellipsis to about `max` characters (a title longer than the image is unreadable). */
function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…` : text;
}

function legendKey(entry: ChartLegendEntry, x: number, y: number): string {
  const color = escapeXml(entry.color);
  if (entry.kind === "band") return `<rect x="${x}" y="${y - 6}" width="18" height="10" rx="2" fill="${color}" fill-opacity="${entry.opacity ?? 0.3}"/>`;
  const dash = entry.kind === "dashed" ? ` stroke-dasharray="4 3"` : "";
  return `<line x1="${x}" y1="${y - 1}" x2="${x + 18}" y2="${y - 1}" stroke="${color}" stroke-width="2"${dash}/>`;
}

/**
 * The whole SVG document of an exported chart.
 * @returns the file's text, starting with the XML declaration
 */
export function toChartSvg(input: ChartSvgInput): string {
  const width = Math.round(input.width);
  const header = toChartHeaderHeight(input.legend, width);
  const height = Math.round(input.height + header);
  const legend = toLegendPlaces(input.legend, width)
    .map(({ entry, x, row }) => {
      const y = 70 + row * LEGEND_ROW_HEIGHT;
      return legendKey(entry, x, y - 4) + `<text x="${x + 24}" y="${y}" font-size="12" fill="#5b6675">${escapeXml(entry.label)}</text>`;
    })
    .join("");
  // About 9.5 px a character of the bold 15 px title, 7 px of the 12 px subtitle (DejaVu Sans, the widest of the stack).
  const title = clip(input.title, Math.floor((width - 2 * PAD) / 9.5));
  const subtitle = input.subtitle ? `<text x="${PAD}" y="44" font-size="12" fill="#5b6675">${escapeXml(clip(input.subtitle, Math.floor((width - 2 * PAD) / 7)))}</text>` : "";
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT)}">`,
    `<title>${escapeXml(input.title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${PAD}" y="24" font-size="15" font-weight="600" fill="#17202b">${escapeXml(title)}</text>`,
    subtitle,
    legend,
    `<g transform="translate(0 ${header})">${input.body}</g>`,
    `</svg>`,
    "",
  ].join("\n");
}
