import path from "node:path";
import { renderAsync } from "@resvg/resvg-js";

/** The font every server-drawn chart's text is set in: shipped with the app, so no system font is needed. */
const FONT_FAMILY = "DejaVu Sans";
const FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((file) => path.join(process.cwd(), "lib", "server", "fonts", file));

/** Device pixels per CSS pixel, as the page's PNG export: sharp on high-density screens and in print. */
const PNG_SCALE = 2;

/**
 * An SVG document drawn into a PNG with resvg (native, off the event loop in libuv's thread pool).
 * Every font family the SVG names that is not shipped falls back to DejaVu Sans.
 * @param scale device pixels per CSS pixel
 * @returns the PNG file's bytes
 */
export async function toChartPng(svg: string, scale = PNG_SCALE): Promise<Uint8Array<ArrayBuffer>> {
  const image = await renderAsync(svg, {
    fitTo: { mode: "zoom", value: scale },
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    logLevel: "off",
  });
  return new Uint8Array(image.asPng());
}
