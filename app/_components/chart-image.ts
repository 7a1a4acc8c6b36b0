import { toChartSvg, type ChartLegendEntry } from "@/lib/export/chart-svg";

/**
 * Browser-side helpers of the exports: the drawn chart as a standalone SVG or a PNG, and a file
 * download through a real anchor (what browsers, and Playwright's "download" event, expect).
 */

/** Inherited style properties that make the drawing look as on the page once it leaves the page's CSS. */
const INHERITED = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "stroke-opacity",
  "stroke-linecap",
  "stroke-linejoin",
  "paint-order",
  "font-family",
  "font-size",
  "font-weight",
  "text-anchor",
  "dominant-baseline",
  "visibility",
];

/**
 * Copies the computed styles of `original` (and its descendants) into `copy` as inline styles:
 * an inherited property only where it differs from the parent's, opacity and display only where
 * they are not the default, so the file stays small.
 */
function inlineStyles(original: Element, copy: Element, parent: CSSStyleDeclaration | null): void {
  const computed = getComputedStyle(original);
  const declarations = INHERITED.filter((p) => !parent || computed.getPropertyValue(p) !== parent.getPropertyValue(p)).map((p) => `${p}:${computed.getPropertyValue(p)}`);
  if (computed.opacity !== "1") declarations.push(`opacity:${computed.opacity}`);
  if (computed.display === "none") declarations.push("display:none");
  if (declarations.length) copy.setAttribute("style", declarations.join(";"));
  else copy.removeAttribute("style");
  // Presentation attributes naming CSS variables mean nothing outside the page; focus order neither.
  for (const attribute of Array.from(copy.attributes)) {
    if (attribute.value.includes("var(") || attribute.name === "tabindex") copy.removeAttribute(attribute.name);
  }
  const children = Array.from(original.children);
  const copies = Array.from(copy.children);
  children.forEach((child, i) => {
    const c = copies[i];
    if (c) inlineStyles(child, c, computed);
  });
}

/** Gap kept below the drawing where the zoom brush was cut off. */
const BRUSH_GAP = 4;

export interface ChartImageHeader {
  title: string;
  subtitle?: string;
  legend: ChartLegendEntry[];
}

/**
 * The chart inside `container` (its main SVG: the one with the keyboard tooltip) as a standalone
 * SVG document: computed styles inlined (the page's CSS variables resolved), the zoom brush left
 * out, a title and the legend on top.
 * @returns the SVG text and its size in CSS pixels, or null when no chart is drawn
 */
export function toChartImage(container: HTMLElement, header: ChartImageHeader): { svg: string; width: number; height: number } | null {
  const svg = container.querySelector<SVGSVGElement>("svg[role='application']") ?? container.querySelector<SVGSVGElement>("svg");
  if (!svg) return null;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone, null);
  let height = svg.height.baseVal.value;
  const brush = svg.querySelector<SVGGElement>(".recharts-brush");
  if (brush) {
    height = Math.max(0, brush.getBBox().y - BRUSH_GAP);
    clone.querySelector(".recharts-brush")?.remove();
  }
  // The zoom handles' dates go with the brush (they are drawn beside it, not in it).
  clone.querySelector(".zoom-dates")?.remove();
  for (const note of Array.from(clone.querySelectorAll(":scope > title, :scope > desc"))) note.remove();
  // The drawing without its outer <svg> element: its styles move to a group.
  const rootStyle = clone.getAttribute("style") ?? "";
  const inner = new XMLSerializer().serializeToString(clone).replace(/^<svg[^>]*>/, "").replace(/<\/svg>\s*$/, "");
  const body = `<g style="${rootStyle.replace(/"/g, "&quot;")}">${inner}</g>`;
  const width = svg.width.baseVal.value;
  return { svg: toChartSvg({ width, height, body, ...header }), width, height };
}

/**
 * A chart image's SVG drawn into a PNG.
 * @param scale device pixels per CSS pixel (2: sharp on high-density screens and in print)
 */
export async function toPngBlob(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("this browser cannot draw into a canvas");
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the PNG could not be encoded"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves a blob as a file through a real anchor with `download`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = "noopener";
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Long enough for the browser to read the blob, then freed.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A CSS variable of an element, resolved (`--forecast` → `#c2410c`), for colours outside the page. */
export function resolveColor(element: Element, variable: string): string {
  return getComputedStyle(element).getPropertyValue(variable).trim() || "#000000";
}
