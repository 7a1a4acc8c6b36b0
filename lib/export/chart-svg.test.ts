import { describe, expect, it } from "vitest";
import { CHART_HEADER_HEIGHT, escapeXml, toChartSvg } from "./chart-svg";

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

  it("escapes the five XML characters", () => {
    expect(escapeXml(`a<b>&"c'`)).toBe("a&lt;b&gt;&amp;&quot;c&apos;");
  });
});
