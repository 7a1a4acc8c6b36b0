import { describe, expect, it } from "vitest";
import { CHART_HEADER_HEIGHT, escapeXml, toChartHeaderHeight, toChartSvg } from "./chart-svg";

describe("chart SVG document", () => {
  const svg = toChartSvg({
    width: 738.4,
    height: 330,
    title: "Sales <north> & \"south\"",
    subtitle: "Regions · 12 steps ahead",
    legend: [
      { label: "History", kind: "line", color: "#0f6cbd" },
      { label: "80% interval", kind: "band", color: "rgb(194, 65, 12)", opacity: 0.34 },
      { label: "Backtest forecasts", kind: "dashed", color: "#7c3aed" },
    ],
    body: '<path d="M0,0L10,10" style="stroke:rgb(15, 108, 189)"/>',
  });

  it("is a standalone document: declaration, namespace, size with the header, a white page", () => {
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="738" height="408" viewBox="0 0 738 408"')).toBe(true);
    expect(330 + CHART_HEADER_HEIGHT).toBe(408);
    expect(svg).toContain('<rect width="100%" height="100%" fill="#ffffff"/>');
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
  });

  it("titles it with the text escaped, draws the legend keys, and moves the drawing below the header", () => {
    expect(svg).toContain("<title>Sales &lt;north&gt; &amp; &quot;south&quot;</title>");
    expect(svg).toContain('<line x1="16" y1="65" x2="34" y2="65" stroke="#0f6cbd" stroke-width="2"/><text x="40" y="70" font-size="12" fill="#5b6675">History</text>');
    expect(svg).toContain('fill="rgb(194, 65, 12)" fill-opacity="0.34"');
    expect(svg).toContain('stroke="#7c3aed" stroke-width="2" stroke-dasharray="4 3"');
    expect(svg).toContain(`<g transform="translate(0 ${CHART_HEADER_HEIGHT})"><path d="M0,0L10,10" style="stroke:rgb(15, 108, 189)"/></g>`);
  });

  describe("a legend too wide for the image, as a phone's chart exports it", () => {
    const legend = [
      { label: "History", kind: "line", color: "#0f6cbd" },
      { label: "Forecast", kind: "line", color: "#c2410c" },
      { label: "80% interval", short: "80%", kind: "band", color: "#c2410c", opacity: 0.28 },
      { label: "95% interval", short: "95%", kind: "band", color: "#c2410c", opacity: 0.14 },
    ] as const;
    const backtest = { label: "Backtest forecasts", short: "Backtest", kind: "dashed", color: "#7c3aed" } as const;
    /** Each legend label's left edge and estimated right edge (6.6 px a character), with its baseline. */
    const labels = (doc: string) =>
      [...doc.matchAll(/<text x="([\d.]+)" y="(\d+)" font-size="12" fill="#5b6675">([^<]*)<\/text>/g)]
        .filter((m) => Number(m[2]) >= 70)
        .map((m) => ({ text: m[3], right: Number(m[1]) + (m[3] as string).length * 6.6, y: Number(m[2]) }));

    it("keeps the long labels where they fit, else takes the short ones", () => {
      expect(labels(toChartSvg({ width: 738, height: 300, title: "t", legend: [...legend], body: "" })).map((l) => l.text)).toEqual(["History", "Forecast", "80% interval", "95% interval"]);
      // 358 px: the page's chart on a 390 px phone. Before, `95% interval` ran past the image's edge.
      const narrow = labels(toChartSvg({ width: 358, height: 300, title: "t", legend: [...legend], body: "" }));
      expect(narrow.map((l) => l.text)).toEqual(["History", "Forecast", "80%", "95%"]);
      expect(Math.max(...narrow.map((l) => l.right))).toBeLessThanOrEqual(358);
    });

    it("wraps onto a second row where even the short labels do not fit, the drawing moved below it", () => {
      const doc = toChartSvg({ width: 358, height: 300, title: "t", legend: [...legend, backtest], body: "<g/>" });
      const placed = labels(doc);
      expect(placed.map((l) => [l.text, l.y])).toEqual([["History", 70], ["Forecast", 70], ["80%", 70], ["95%", 70], ["Backtest", 90]]);
      expect(Math.max(...placed.map((l) => l.right))).toBeLessThanOrEqual(358);
      expect(toChartHeaderHeight([...legend, backtest], 358)).toBe(CHART_HEADER_HEIGHT + 20);
      expect(doc).toContain(`height="${300 + CHART_HEADER_HEIGHT + 20}"`);
      expect(doc).toContain(`<g transform="translate(0 ${CHART_HEADER_HEIGHT + 20})"><g/></g>`);
    });
  });

  it("escapes the five XML characters", () => {
    expect(escapeXml(`a<b>&"c'`)).toBe("a&lt;b&gt;&amp;&quot;c&apos;");
  });
});
