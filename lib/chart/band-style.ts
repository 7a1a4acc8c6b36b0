/**
 * How the 80% and 95% bands are drawn, on the page and in every exported chart (SVG, PNG, the
 * page's own chart saved as an image), so the files look like the page.
 */

/** Fill opacity of each band; the 80% band lies over the 95% one. */
export const BAND_FILL_OPACITY = { band80: 0.28, band95: 0.14 } as const;

/** A legend key's opacity: more than its band's, as a small swatch looks lighter than a large area. */
export const BAND_KEY_OPACITY = { band80: 0.34, band95: 0.15 } as const;
