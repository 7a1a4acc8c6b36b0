import { describe, expect, it } from "vitest";
import type { RunSeries } from "../series/run-schema";
import type { FrequencyKind } from "../time/frequency";
import { CHART_HEADER_HEIGHT } from "./chart-svg";
import { toForecastChartSvg, type ForecastChartSvgInput } from "./forecast-chart-svg";

const HOUR = 3_600_000;

/** A series of `n` points (`monthly` from Jan 2000, or hourly from 1 Jan 2024) and an h-step forecast around its last value. */
function chart(n: number, h: number, frequency: FrequencyKind, options: Partial<ForecastChartSvgInput> & { missing?: number[] } = {}): ForecastChartSvgInput {
  const time = (i: number) => (frequency === "monthly" ? Date.UTC(2000, i, 1) : Date.UTC(2024, 0, 1) + i * HOUR);
  const t = Array.from({ length: n }, (_, i) => time(i));
  const y = t.map((_, i) => (options.missing?.includes(i) ? null : 100 + 10 * Math.sin(i / 3) + i / 10));
  const times = Array.from({ length: h }, (_, j) => time(n + j));
  const mean = times.map(() => 110);
  const series: RunSeries = {
    seriesId: "s1",
    name: "Sales",
    historyEnd: time(n - 1),
    times,
    forecasts: {
      lstm: { mean, lower80: mean.map((m, j) => m - 2 - j), upper80: mean.map((m, j) => m + 2 + j), lower95: mean.map((m, j) => m - 4 - 2 * j), upper95: mean.map((m, j) => m + 4 + 2 * j) },
    },
    metrics: {},
    chosen: "lstm",
    chosenReason: "",
    backtestOrigins: 1,
    folds: [],
    preprocessing: { transform: "none", deseasonalized: false, seasonLength: 12, filled: 0 },
  };
  return { history: { t, y }, series, method: "lstm", frequency, title: "Sales: LSTM (ensemble) forecast", subtitle: "Shop · 12 steps ahead", ...options };
}

/** The attribute values of every element of a kind (`<path … data-kind="history"/>`). */
function elements(svg: string, tag: string, kind: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  for (const match of svg.matchAll(new RegExp(`<${tag} ([^>]*?)/?>`, "g"))) {
    const attributes = Object.fromEntries([...(match[1] as string).matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
    if (attributes["data-kind"] === kind) found.push(attributes);
  }
  return found;
}

/** The points of a path (`M1,2L3,4M5,6`) as subpaths of [x, y]. */
function subpaths(d: string): [number, number][][] {
  return d
    .split("M")
    .filter(Boolean)
    .map((part) => part.split("L").map((p) => p.split(",").map(Number) as [number, number]));
}

function polygonPoints(points: string): [number, number][] {
  return points.split(" ").map((p) => p.split(",").map(Number) as [number, number]);
}

/** The texts of the elements of a kind, XML entities left as written. */
function texts(svg: string, kind: string): string[] {
  return [...svg.matchAll(new RegExp(`<text [^>]*data-kind="${kind}"[^>]*>([^<]*)</text>`, "g"))].map((m) => m[1] as string);
}

/** Every tag opened is closed, in order, under one root <svg>: a well-formed document (no DOM here). */
function expectWellFormed(svg: string) {
  const body = svg.replace(/^<\?xml[^>]*\?>\s*/, "");
  const stack: string[] = [];
  let roots = 0;
  for (const [, close, name, selfClosing] of body.matchAll(/<(\/?)([a-zA-Z]+)(?:\s[^<>]*?)?(\/?)>/g)) {
    if (close) expect(stack.pop()).toBe(name);
    else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(name as string);
    }
  }
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
  // No raw ampersand outside an entity, no stray angle bracket in text.
  expect(body).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
  expect(body.replace(/<[^<>]*>/g, "")).not.toMatch(/[<>]/);
}

describe("toForecastChartSvg", () => {
  const svg = toForecastChartSvg(chart(60, 12, "monthly", { unit: "€" }));

  it("is a well-formed standalone SVG of the default size, titled, with the legend above", () => {
    expectWellFormed(svg);
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="960" height="420" viewBox="0 0 960 420"/);
    expect(svg).toContain("<title>Sales: LSTM (ensemble) forecast</title>");
    expect(svg).toContain(">Shop · 12 steps ahead</text>");
    for (const label of ["History", "Forecast", "80% interval", "95% interval"]) expect(svg).toContain(`>${label}</text>`);
  });

  it("draws every history point, the forecast from the last value on, both bands as polygons, all inside the image", () => {
    const [history] = elements(svg, "path", "history");
    const [forecast] = elements(svg, "path", "forecast");
    expect(history).toMatchObject({ stroke: "#0f6cbd", "stroke-width": "1.5", fill: "none" });
    expect(forecast).toMatchObject({ stroke: "#c2410c", "stroke-width": "2", fill: "none" });
    expect(subpaths(history?.d ?? "").map((s) => s.length)).toEqual([60]);
    expect(subpaths(forecast?.d ?? "").map((s) => s.length)).toEqual([13]);
    // The forecast starts where the history ends.
    expect(subpaths(forecast?.d ?? "")[0]?.[0]).toEqual(subpaths(history?.d ?? "")[0]?.[59]);
    const bands = { band80: elements(svg, "polygon", "band80"), band95: elements(svg, "polygon", "band95") };
    expect(bands.band80.map((b) => [b["fill"], b["fill-opacity"], polygonPoints(b["points"] ?? "").length])).toEqual([["#c2410c", "0.28", 26]]);
    expect(bands.band95.map((b) => [b["fill"], b["fill-opacity"], polygonPoints(b["points"] ?? "").length])).toEqual([["#c2410c", "0.14", 26]]);
    // The 95% band around the 80% band, upper edge above (smaller y).
    const upper = (b: Record<string, string> | undefined, i: number) => polygonPoints(b?.["points"] ?? "")[i]?.[1] ?? 0;
    expect(upper(bands.band95[0], 12)).toBeLessThan(upper(bands.band80[0], 12));
    const all = [history, forecast, ...bands.band80, ...bands.band95].flatMap((e) => (e?.["d"] ? subpaths(e["d"]).flat() : polygonPoints(e?.["points"] ?? "")));
    for (const [x, y] of all) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(960);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y + CHART_HEADER_HEIGHT).toBeLessThanOrEqual(420);
    }
    expect(elements(svg, "line", "history-end")).toEqual([expect.objectContaining({ "stroke-dasharray": "4 3" })]);
  });

  it("labels the time axis with real dates on calendar boundaries: months or years for monthly data, days or hours for hourly data", () => {
    expect(texts(svg, "time-tick")).toEqual(["Jan 2000", "Jan 2001", "Jan 2002", "Jan 2003", "Jan 2004", "Jan 2005"]);
    expect(texts(toForecastChartSvg(chart(300, 12, "monthly", { window: "all" })), "time-tick")).toEqual(["2000", "2002", "2004", "2006", "2008", "2010", "2012", "2014", "2016", "2018", "2020", "2022", "2024"]);
    expect(texts(toForecastChartSvg(chart(200, 24, "hourly")), "time-tick")).toEqual(["1 Jan", "2 Jan", "3 Jan", "4 Jan", "5 Jan", "6 Jan", "7 Jan", "8 Jan", "9 Jan", "10 Jan"]);
    expect(texts(toForecastChartSvg(chart(40, 6, "hourly")), "time-tick")).toEqual(["1 Jan 00:00", "1 Jan 06:00", "1 Jan 12:00", "1 Jan 18:00", "2 Jan 00:00", "2 Jan 06:00", "2 Jan 12:00", "2 Jan 18:00"]);
  });

  it("breaks the history line at missing values", () => {
    const gappy = toForecastChartSvg(chart(60, 12, "monthly", { missing: [20, 21, 22, 40] }));
    expect(subpaths(elements(gappy, "path", "history")[0]?.["d"] ?? "").map((s) => s.length)).toEqual([20, 17, 19]);
  });

  it("opens a long history on its recent part (nine times the forecast), or draws it all", () => {
    const long = chart(1000, 12, "monthly");
    const points = (input: ForecastChartSvgInput) => subpaths(elements(toForecastChartSvg(input), "path", "history")[0]?.["d"] ?? "").flat().length;
    expect(points(long)).toBe(108 - 12);
    expect(points({ ...long, window: "all" })).toBe(1000);
  });

  it.each([390, 1280])("gives the forecast of a history longer than the page draws room to be read, %i px wide", (width) => {
    // Half a year of hours, a day ahead: the image opened on the last 1,000 hours, the forecast 2% of the plot.
    const svg = toForecastChartSvg(chart(4400, 24, "hourly", { width }));
    const xs = (kind: string) => subpaths(elements(svg, "path", kind)[0]?.["d"] ?? "").flat().map(([x]) => x);
    const forecastWidth = Math.max(...xs("forecast")) - Math.min(...xs("forecast"));
    const historyWidth = Math.max(...xs("history")) - Math.min(...xs("history"));
    // About 72 px, as on the page (before: 7 px at 390, 30 px at 1280).
    expect(forecastWidth).toBeGreaterThanOrEqual(64);
    expect(historyWidth / forecastWidth).toBeGreaterThanOrEqual(2);
    expect(elements(svg, "polygon", "band95")).toHaveLength(1);
  });

  it("escapes names and writes the unit beside the value axis, whose ticks are round and compact", () => {
    const named = toForecastChartSvg(chart(30, 6, "monthly", { title: `Q&A <"north"> 'sales'`, subtitle: "R&D <draft>", unit: "m³/h" }));
    expectWellFormed(named);
    expect(named).toContain("<title>Q&amp;A &lt;&quot;north&quot;&gt; &apos;sales&apos;</title>");
    expect(named).toContain(">R&amp;D &lt;draft&gt;</text>");
    expect(texts(named, "unit")).toEqual(["m³/h"]);
    expect(elements(named, "text", "unit")[0]).toMatchObject({ "text-anchor": "middle", fill: "#5b6675" });
    expect(texts(toForecastChartSvg(chart(30, 6, "monthly")), "unit")).toEqual([]);
    const values = [...svg.matchAll(/<text [^>]*text-anchor="end" font-size="12"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(values).toEqual(["80", "100", "120", "140"]);
  });

  it("writes value ticks that barely differ in full, so no two read the same", () => {
    const input = chart(30, 6, "monthly");
    const near = { ...input, history: { t: input.history.t, y: Array.from(input.history.y, (v) => (v === null ? null : 45_300 + (v - 100) / 4)) } };
    const mean = near.series.times.map(() => 45_302);
    near.series = { ...near.series, forecasts: { lstm: { mean, lower80: mean.map((m) => m - 1), upper80: mean.map((m) => m + 1), lower95: mean.map((m) => m - 2), upper95: mean.map((m) => m + 2) } } };
    const values = [...toForecastChartSvg(near).matchAll(/<text [^>]*text-anchor="end" font-size="12"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(values.length).toBeGreaterThan(2);
    expect(new Set(values).size).toBe(values.length);
    expect(values.every((v) => /^45,\d{3}$/.test(v as string))).toBe(true);
  });

  it("fits the size asked for; a narrow image gets the short legend", () => {
    const small = toForecastChartSvg(chart(60, 12, "monthly", { width: 320, height: 200 }));
    expectWellFormed(small);
    expect(small).toMatch(/width="320" height="200" viewBox="0 0 320 200"/);
    expect(small).toContain(">80%</text>");
    expect(small).not.toContain(">80% interval</text>");
    const labels = texts(small, "time-tick");
    expect(labels.length).toBeGreaterThanOrEqual(2);
  });
});
