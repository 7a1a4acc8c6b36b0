import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { RunSeries, SaveRunInput } from "@/lib/series/run-schema";
import type { DatasetDto, SeriesPointsDto } from "@/lib/series/schema";
import { nextTimes } from "@/lib/time/frequency";
import { TEST_CONFIG } from "@/lib/workbench/test-fixtures";
import { useTestDatabase } from "@/tests/fixtures/test-database";

/**
 * The export routes against a real SQLite file: a run's forecast as CSV and JSON, a series' data
 * back as CSV (uploaded again: the same points), deletes, and JSON errors for every refusal.
 */
let database: Awaited<ReturnType<typeof useTestDatabase>>;
let upload: typeof import("./datasets/route");
let dataset: typeof import("./datasets/[id]/route");
let points: typeof import("./datasets/[id]/series/[seriesId]/points/route");
let seriesCsv: typeof import("./datasets/[id]/series/[seriesId]/route");
let run: typeof import("./runs/[id]/route");
let model: typeof import("./runs/[id]/model/route");
let modelZip: typeof import("./runs/[id]/model.zip/route");
let datasetRuns: typeof import("./datasets/[id]/runs/route");
let startForecast: typeof import("./datasets/[id]/forecast/route");
let forecastCsv: typeof import("./runs/[id]/forecast.csv/route");
let forecastJson: typeof import("./runs/[id]/forecast.json/route");
let chartSvg: typeof import("./runs/[id]/chart.svg/route");
let chartPng: typeof import("./runs/[id]/chart.png/route");
let unknown: typeof import("./[[...path]]/route");
let runs: typeof import("@/lib/server/runs");

beforeAll(async () => {
  database = await useTestDatabase();
  upload = await import("./datasets/route");
  dataset = await import("./datasets/[id]/route");
  points = await import("./datasets/[id]/series/[seriesId]/points/route");
  seriesCsv = await import("./datasets/[id]/series/[seriesId]/route");
  run = await import("./runs/[id]/route");
  model = await import("./runs/[id]/model/route");
  modelZip = await import("./runs/[id]/model.zip/route");
  datasetRuns = await import("./datasets/[id]/runs/route");
  startForecast = await import("./datasets/[id]/forecast/route");
  forecastCsv = await import("./runs/[id]/forecast.csv/route");
  forecastJson = await import("./runs/[id]/forecast.json/route");
  chartSvg = await import("./runs/[id]/chart.svg/route");
  chartPng = await import("./runs/[id]/chart.png/route");
  unknown = await import("./[[...path]]/route");
  runs = await import("@/lib/server/runs");
});

afterAll(async () => {
  const { db } = await import("@/lib/server/db");
  await db.$disconnect();
  database.remove();
});

const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });
const get = (path: string) => new Request(`http://localhost${path}`);

async function uploadCsv(text: string | ArrayBuffer, name: string, options: object = {}): Promise<DatasetDto> {
  const form = new FormData();
  form.set("file", new File([text], `${name}.csv`, { type: "text/csv" }));
  form.set("name", name);
  form.set("options", JSON.stringify(options));
  const response = await upload.POST(new Request("http://localhost/api/datasets", { method: "POST", body: form }));
  expect(response.status).toBe(201);
  return (await response.json()) as DatasetDto;
}

async function readPoints(datasetId: string, seriesId: string): Promise<SeriesPointsDto> {
  const response = await points.GET(get(`/api/datasets/${datasetId}/series/${seriesId}/points`), params({ id: datasetId, seriesId }));
  return (await response.json()) as SeriesPointsDto;
}

/** A refusal: the status, JSON content, and `{ error }` with the exact sentence (or matching it). */
async function expectError(response: Response, status: number, error: string | RegExp) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toContain("application/json");
  const body = (await response.json()) as { error: string };
  expect(Object.keys(body)).toEqual(["error"]);
  if (typeof error === "string") expect(body.error).toBe(error);
  else expect(body.error).toMatch(error);
}

// Semicolons, decimal commas, day-first month-end dates, and a series name that is a formula.
const GERMAN = "Datum;Nord;=Süd\n31.01.2024;1.234,5;-2\n29.02.2024;1.240,25;\n31.03.2024;1.250;-3,5\n";

const interval = (base: number) => ({ mean: [base, -base], lower80: [base - 1, -base - 1], upper80: [base + 1, 1 - base], lower95: [base - 2, null], upper95: [base + 2, 2 - base] });
const metrics = { mase: 0.5, smape: 3, rmse: 2, coverage80: 0.8, coverage95: 0.95 };

/** A finished run of every series of a dataset, two steps ahead (as the page would save it). */
function finishedRun(d: DatasetDto): SaveRunInput {
  const series: RunSeries[] = d.series.map((s, i) => {
    const last = Date.parse(s.end ?? "");
    return {
      seriesId: s.id,
      name: s.name,
      historyEnd: last,
      times: nextTimes(last, s.frequency, 2),
      forecasts: { lstm: interval(1000.123456789 + i), snaive: interval(5) },
      metrics: { lstm: metrics, snaive: { ...metrics, mase: 1 } },
      chosen: "lstm",
      chosenReason: "The LSTM has the lowest backtest MASE.",
      backtestOrigins: 3,
      folds: [],
      preprocessing: { transform: "none", deseasonalized: false, seasonLength: 12, filled: 0 },
    };
  });
  return {
    status: "done",
    startedAt: "2026-11-28T09:30:00.000Z",
    finishedAt: "2026-11-28T09:31:00.000Z",
    elapsedMs: 60_000,
    config: TEST_CONFIG,
    mode: "global",
    horizon: 2,
    seasonLength: 12,
    backend: { name: "wasm", requested: "wasm", simd: true, matMulFix: true },
    history: [{ stage: "training", model: 1, series: series.map((s) => s.name), bestEpoch: 1, epochs: [{ epoch: 1, loss: 0.25, valLoss: 0.5 }] }],
    series,
  };
}

/** The GERMAN file uploaded under `name`, with a finished run of its series saved. */
async function uploadWithRun(name: string): Promise<{ d: DatasetDto; runId: string }> {
  const d = await uploadCsv(GERMAN, name);
  const saved = await runs.createRun(d.id, finishedRun(d), null);
  if (!saved.ok) throw new Error(saved.reason);
  return { d, runId: saved.data.id };
}

/** A server-side run of the dataset's first series, queued: no forecast yet. */
async function queueRun(d: DatasetDto) {
  const run = await runs.createPendingRun(d.id, {
    seriesIds: [d.series[0]!.id],
    config: TEST_CONFIG,
    mode: "per-series",
    horizon: 2,
    seasonLength: 12,
    progress: { stage: "queued", label: "Starting", percent: 0, model: 0, models: 0, epoch: 0, epochs: 0, elapsedMs: 0, etaMs: 0, backend: null },
  });
  if (!run) throw new Error(`dataset ${d.id} is gone`);
  return run;
}

describe("GET /api/runs/<id>/forecast.csv and .json", () => {
  let d: DatasetDto;
  let runId = "";
  beforeAll(async () => {
    ({ d, runId } = await uploadWithRun("Umsatz Nord/Süd"));
  });
  const csv = (query = "") => forecastCsv.GET(get(`/api/runs/${runId}/forecast.csv${query}`), params({ id: runId }));

  it("answers the forecast, one row per step and series, in each series' own time format", async () => {
    const response = await csv();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="umsatz-nord-sud_nord+sud_forecast_2026-11-28.csv"; filename*=UTF-8''umsatz-nord-s%C3%BCd_nord%2Bs%C3%BCd_forecast_2026-11-28.csv`,
    );
    expect(await response.text()).toBe(
      [
        "timestamp,series,forecast,lower80,upper80,lower95,upper95",
        "30.04.2024,Nord,1000.123457,999.1234568,1001.123457,998.1234568,1002.123457",
        "31.05.2024,Nord,-1000.123457,-1001.123457,-999.1234568,,-998.1234568",
        "30.04.2024,'=Süd,1001.123457,1000.123457,1002.123457,999.1234568,1003.123457",
        "31.05.2024,'=Süd,-1001.123457,-1002.123457,-1000.123457,,-999.1234568",
        "",
      ].join("\n"),
    );
  });

  it("with ?history=1: every stored value first, a type column, then the forecast", async () => {
    const lines = (await (await csv("?history=1")).text()).split("\n");
    expect(lines.slice(0, 6)).toEqual([
      "timestamp,series,type,actual,forecast,lower80,upper80,lower95,upper95",
      "31.01.2024,Nord,history,1234.5,,,,,",
      "29.02.2024,Nord,history,1240.25,,,,,",
      "31.03.2024,Nord,history,1250,,,,,",
      "30.04.2024,Nord,forecast,,1000.123457,999.1234568,1001.123457,998.1234568,1002.123457",
      "31.05.2024,Nord,forecast,,-1000.123457,-1001.123457,-999.1234568,,-998.1234568",
    ]);
    expect(lines.slice(6, 9)).toEqual(["31.01.2024,'=Süd,history,-2,,,,,", "29.02.2024,'=Süd,history,,,,,,", "31.03.2024,'=Süd,history,-3.5,,,,,"]);
    expect(lines).toHaveLength(1 + 2 * (3 + 2) + 1);
  });

  // The CSV's history in the JSON: asked for, it was quietly left out.
  it("with ?history=1 the JSON holds every stored value of each series, as the CSV's history rows", async () => {
    const json = (await (await forecastJson.GET(get(`/api/runs/${runId}/forecast.json?history=1`), params({ id: runId }))).json()) as import("@/lib/export/run-json").RunJson;
    expect(json.series.map((s) => s.history)).toEqual([
      [
        { timestamp: "31.01.2024", time: "2024-01-31T00:00:00.000Z", actual: 1234.5 },
        { timestamp: "29.02.2024", time: "2024-02-29T00:00:00.000Z", actual: 1240.25 },
        { timestamp: "31.03.2024", time: "2024-03-31T00:00:00.000Z", actual: 1250 },
      ],
      [
        { timestamp: "31.01.2024", time: "2024-01-31T00:00:00.000Z", actual: -2 },
        { timestamp: "29.02.2024", time: "2024-02-29T00:00:00.000Z", actual: null },
        { timestamp: "31.03.2024", time: "2024-03-31T00:00:00.000Z", actual: -3.5 },
      ],
    ]);
    const without = (await (await forecastJson.GET(get(`/api/runs/${runId}/forecast.json`), params({ id: runId }))).json()) as object;
    expect(JSON.stringify(without)).not.toContain('"history"');
  });

  it("with ?format=excel: BOM, semicolons, decimal commas; ?method picks one method for all series", async () => {
    const response = await csv("?format=excel&method=snaive");
    expect(response.headers.get("content-disposition")).toMatch(/forecast-excel_2026-11-28\.csv"/);
    // text() would drop the BOM: read the bytes as they are sent.
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith("\uFEFFtimestamp;series;forecast;lower80;upper80;lower95;upper95\r\n30.04.2024;Nord;5;4;6;3;7\r\n31.05.2024;Nord;-5;-6;-4;;-3\r\n")).toBe(true);
  });

  it("answers the run as JSON: settings, metrics, losses and the forecast", async () => {
    const response = await forecastJson.GET(get(`/api/runs/${runId}/forecast.json`), params({ id: runId }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/_run_2026-11-28\.json"/);
    const json = (await response.json()) as import("@/lib/export/run-json").RunJson;
    expect(json).toMatchObject({ format: "tidecast-run", version: 1, run: { id: runId, dataset: { id: d.id, name: "Umsatz Nord/Süd" }, status: "done", horizon: 2, settings: TEST_CONFIG } });
    expect(json.losses[0]?.epochs).toEqual([{ epoch: 1, loss: 0.25, valLoss: 0.5 }]);
    expect(json.series.map((s) => [s.name, s.method, s.metrics.lstm?.mase, s.forecast.map((f) => f.timestamp)])).toEqual([
      ["Nord", "lstm", 0.5, ["30.04.2024", "31.05.2024"]],
      ["=Süd", "lstm", 0.5, ["30.04.2024", "31.05.2024"]],
    ]);
    expect(json.series[0]?.forecast[0]).toEqual({
      timestamp: "30.04.2024",
      time: "2024-04-30T00:00:00.000Z",
      // The CSV's numbers (10 significant digits), not more digits of them.
      forecast: 1000.123457,
      lower80: 999.1234568,
      upper80: 1001.123457,
      lower95: 998.1234568,
      upper95: 1002.123457,
    });
  });

  it.each([
    ["an unknown run", "nope", "", 404, "There is no run with id `nope`."],
    ["a method the run lacks", "", "?method=theta", 422, "Series Nord has no Theta forecast in this run. Choose `chosen` or one of `lstm`, `snaive`."],
    ["an unknown method", "", "?method=arima", 422, "The request is not valid: `method` must be one of `chosen`, `lstm`, `naive`, `snaive`, `holt_winters`, `theta`, `combination` (got \"arima\")."],
    ["a bad flag", "", "?history=maybe", 422, "The request is not valid: `history` must be 1 or 0 (true or false, yes or no, or no value for yes)."],
    // The JSON's numbers have no decimal comma: it took `format` and ignored it.
    [
      "an unknown format",
      "",
      "?format=xlsx",
      422,
      'The request is not valid: `format` must be one of `standard`, `excel` (got "xlsx").',
      "The request is not valid: `format` is not a parameter of this address; it takes `method`, `history`.",
    ],
    // Ignored, a misspelt parameter gave another forecast than the one asked for, without a word.
    [
      "a parameter it does not take",
      "",
      "?metod=theta",
      422,
      "The request is not valid: `metod` is not a parameter of this address; it takes `method`, `history`, `format`.",
      "The request is not valid: `metod` is not a parameter of this address; it takes `method`, `history`.",
    ],
  ] as const)("refuses %s", async (_name, id, query, status, error, jsonError?: string) => {
    const runOrNot = id || runId;
    await expectError(await forecastCsv.GET(get(`/api/runs/${runOrNot}/forecast.csv${query}`), params({ id: runOrNot })), status, error);
    await expectError(await forecastJson.GET(get(`/api/runs/${runOrNot}/forecast.json${query}`), params({ id: runOrNot })), status, jsonError ?? error);
  });

  it("answers 409 while a server-side run has no forecast, and says why a failed one has none", async () => {
    const pending = await queueRun(d);
    await expectError(await forecastCsv.GET(get("/x"), params({ id: pending.id })), 409, new RegExp(`^Run \`${pending.id}\` is queued \\(0%, 0:00 so far\\) and has no forecast yet`));
    await runs.failRun(pending.id, "Training diverged.", 10);
    await expectError(await forecastJson.GET(get("/x"), params({ id: pending.id })), 409, `Run \`${pending.id}\` failed, so it has no forecast: Training diverged.`);
  });
});

describe("a run damaged in the database", () => {
  it("answers 500 naming the run and what is damaged, on every route that reads it; its neighbours still answer", async () => {
    const { db } = await import("@/lib/server/db");
    const { d, runId: damaged } = await uploadWithRun("Damaged");
    const neighbour = await runs.createRun(d.id, finishedRun(d), null);
    if (!neighbour.ok) throw new Error(neighbour.reason);
    await db.run.update({ where: { id: damaged }, data: { forecast: '{"series": [', model: Uint8Array.from([0x54, 0x44, 0x43, 0x31, 9]) } });
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const said = `Run \`${damaged}\` is damaged in the database: its forecast (column \`forecast\`) is not valid JSON. Other runs are not affected; delete this run and make the forecast again.`;
      await expectError(await run.GET(get(`/api/runs/${damaged}`), params({ id: damaged })), 500, said);
      await expectError(await forecastCsv.GET(get(`/api/runs/${damaged}/forecast.csv`), params({ id: damaged })), 500, said);
      await expectError(await forecastJson.GET(get(`/api/runs/${damaged}/forecast.json`), params({ id: damaged })), 500, said);
      await expectError(await chartSvg.GET(get(`/api/runs/${damaged}/chart.svg`), params({ id: damaged })), 500, said);
      await expectError(await model.GET(get(`/api/runs/${damaged}/model`), params({ id: damaged })), 500, /^Run `\w+` is damaged in the database: its saved model \(column `model`\) cannot be read: These bytes are not a saved Tidecast model\. /);
      // The server's own fault: logged for whoever runs it.
      expect(logged).toHaveBeenCalledTimes(5);
    } finally {
      logged.mockRestore();
    }
    expect((await run.GET(get(`/api/runs/${neighbour.data.id}`), params({ id: neighbour.data.id }))).status).toBe(200);
    expect((await forecastCsv.GET(get(`/api/runs/${neighbour.data.id}/forecast.csv`), params({ id: neighbour.data.id }))).status).toBe(200);
    expect((await run.DELETE(get(`/api/runs/${damaged}`), params({ id: damaged }))).status).toBe(204);
  });
});

describe("exports continue the file's own way of writing times, as the stored format says", () => {
  /** Six places on every serial, and NESO's date and half-hour periods: the two layouts with details beyond a pattern. */
  const SERIAL = `Timestamp,Load\n${Array.from({ length: 6 }, (_, i) => `${(45290 + i / 24).toFixed(6)},${100 + i}`).join("\n")}\n`;
  // The 29th is the long day: 50 periods.
  const periods = [...Array.from({ length: 48 }, (_, p) => `2023-10-28,${p + 1}`), ...Array.from({ length: 50 }, (_, p) => `2023-10-29,${p + 1}`)];
  const NESO = `SETTLEMENT_DATE,SETTLEMENT_PERIOD,ND\n${periods.map((row, i) => `${row},${20_000 + i}`).join("\n")}\n`;

  async function exportsOf(text: string, name: string) {
    const d = await uploadCsv(text, name);
    const saved = await runs.createRun(d.id, finishedRun(d), null);
    if (!saved.ok) throw new Error(saved.reason);
    const id = saved.data.id;
    const csv = await (await forecastCsv.GET(get(`/api/runs/${id}/forecast.csv`), params({ id }))).text();
    const json = (await (await forecastJson.GET(get(`/api/runs/${id}/forecast.json`), params({ id }))).json()) as import("@/lib/export/run-json").RunJson;
    const series = d.series[0]!;
    const data = await (await seriesCsv.GET(get(`/api/datasets/${d.id}/series/${series.id}.csv`), params({ id: d.id, seriesId: `${series.id}.csv` }))).text();
    return { csv: csv.split("\n"), json, data: data.split("\n") };
  }

  it("Excel serials with the places the file wrote them with", async () => {
    const { csv, json } = await exportsOf(SERIAL, "Serial load");
    expect(csv.slice(1, 3).map((line) => line.split(",")[0])).toEqual(["45290.250000", "45290.291667"]);
    expect(json.series[0]?.forecast.map((step) => step.timestamp)).toEqual(["45290.250000", "45290.291667"]);
  });

  it("NESO's settlement date and period, in the forecast and in the series' data", async () => {
    const { csv, json, data } = await exportsOf(NESO, "Demand");
    expect(csv.slice(0, 3)).toEqual([
      "SETTLEMENT_DATE,SETTLEMENT_PERIOD,series,forecast,lower80,upper80,lower95,upper95",
      "2023-10-30,1,ND,1000.123457,999.1234568,1001.123457,998.1234568,1002.123457",
      "2023-10-30,2,ND,-1000.123457,-1001.123457,-999.1234568,,-998.1234568",
    ]);
    expect(json.series[0]?.forecast[1]).toMatchObject({ timestamp: "2023-10-30 00:30", settlementDate: "2023-10-30", settlementPeriod: 2 });
    expect(data.slice(0, 2)).toEqual(["SETTLEMENT_DATE,SETTLEMENT_PERIOD,ND", "2023-10-28,1,20000"]);
    // The long day's 01:00 (periods 3 and 5, averaged on reading) is written as period 3, then 02:00 as 7.
    expect(data.filter((line) => line.startsWith("2023-10-29,")).slice(2, 5)).toEqual(["2023-10-29,3,20051", "2023-10-29,4,20052", "2023-10-29,7,20054"]);
  });
});

describe("GET /api/runs/<id>/chart.svg and chart.png", () => {
  let d: DatasetDto;
  let runId = "";
  beforeAll(async () => {
    ({ d, runId } = await uploadWithRun("Umsatz <Nord> & Süd"));
  });
  const svg = (query = "", id = runId) => chartSvg.GET(get(`/api/runs/${id}/chart.svg${query}`), params({ id }));
  const png = (query = "", id = runId) => chartPng.GET(get(`/api/runs/${id}/chart.png${query}`), params({ id }));

  it("draws the first series by default, as an SVG file named after the dataset, the series and the day", async () => {
    const response = await svg();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="umsatz-nord-sud_nord_chart_2026-11-28\.svg"/);
    const text = await response.text();
    expect(text).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="960" height="420"/);
    expect(text).toContain("<title>Nord: LSTM (ensemble) forecast</title>");
    expect(text).toContain(">Umsatz &lt;Nord&gt; &amp; Süd · 2 months ahead · 80% and 95% intervals · made 28 Nov 2026");
    expect(text).toContain('data-kind="history"');
    expect(text).toContain('data-kind="band95"');
  });

  it("picks the series by name or id and the method, at the size asked for", async () => {
    const second = d.series[1]!;
    for (const key of [encodeURIComponent("=Süd"), second.id]) {
      const response = await svg(`?series=${key}&method=snaive&width=480&height=300&history=all`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-disposition")).toMatch(/_sud_chart_2026-11-28\.svg"/);
      const text = await response.text();
      expect(text).toContain("<title>=Süd: Seasonal naive forecast</title>");
      expect(text).toContain('width="480" height="300"');
    }
  });

  it("writes the run's time in the zone asked for, else the one the app's cookie names, else the server's", async () => {
    const made = async (response: Response) => /made ([^<]+)</.exec(await response.text())?.[1];
    expect(await made(await svg("?tz=America/New_York"))).toBe("28 Nov 2026, 04:30:00 GMT-5");
    expect(await made(await svg("?tz=Asia/Kolkata"))).toBe("28 Nov 2026, 15:00:00 GMT+5:30");
    const fromPage = (cookie: string, query = "") => chartSvg.GET(new Request(`http://localhost/api/runs/${runId}/chart.svg${query}`, { headers: { cookie } }), params({ id: runId }));
    expect(await made(await fromPage("theme=dark; tidecast-tz=Europe%2FBerlin"))).toBe("28 Nov 2026, 10:30:00 CET");
    expect(await made(await fromPage("tidecast-tz=Europe%2FBerlin", "?tz=UTC"))).toBe("28 Nov 2026, 09:30:00 UTC");
    // A cookie naming no zone is the server's (UTC here), as no cookie is.
    expect(await made(await fromPage("tidecast-tz=Mars%2FOlympus"))).toBe(await made(await svg()));
  });

  it("rasterises the same chart into a PNG at twice its size", async () => {
    const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
    for (const [query, width, height] of [["", 1920, 840], ["?width=480&height=300&series=Nord", 960, 600]] as const) {
      const response = await png(query);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/png");
      expect(response.headers.get("content-disposition")).toMatch(/_nord_chart_2026-11-28\.png"/);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.subarray(0, 8)]).toEqual(signature);
      // The IHDR chunk comes first: its width and height, big-endian, at bytes 16 and 20.
      const view = new DataView(bytes.buffer, bytes.byteOffset);
      expect(String.fromCharCode(...bytes.subarray(12, 16))).toBe("IHDR");
      expect([view.getUint32(16), view.getUint32(20)]).toEqual([width, height]);
      expect(bytes.length).toBeGreaterThan(10_000);
    }
  });

  it.each([
    ["an unknown run", "nope", "", 404, "There is no run with id `nope`."],
    ["an unknown series", "", "?series=West", 422, /^Run `\w+` has no series `West`\. Give `series` one of its series' names or ids: `Nord` \(`\w+`\), `=Süd` \(`\w+`\)\.$/],
    ["a method the series lacks", "", "?method=theta", 422, "Series Nord has no Theta forecast in this run. Choose `chosen` or one of `lstm`, `snaive`."],
    ["a width too small", "", "?width=100", 422, "The request is not valid: `width` must be a whole number of pixels from 320 to 2400."],
    ["a height that is not a number", "", "?height=tall", 422, "The request is not valid: `height` must be a whole number of pixels from 200 to 1600."],
    ["an unknown history window", "", "?history=1", 422, /^The request is not valid: `history`/],
    ["a time zone that is not one", "", "?tz=CEST", 422, "The request is not valid: `tz` must be an IANA time zone such as Europe/Berlin or America/New_York; leave it out for the server's."],
    ["a parameter it does not take", "", "?series=Nord&widht=1200", 422, "The request is not valid: `widht` is not a parameter of this address; it takes `series`, `method`, `width`, `height`, `history`, `tz`."],
  ] as const)("refuses %s, as SVG and as PNG", async (_name, id, query, status, error) => {
    await expectError(await svg(query, id || runId), status, error);
    await expectError(await png(query, id || runId), status, error);
  });

  it("answers 409 while a run has no forecast, and 405 to other methods", async () => {
    const pending = await queueRun(d);
    await expectError(await png("", pending.id), 409, new RegExp(`^Run \`${pending.id}\` is queued`));
    const post = chartPng.POST(new Request(`http://localhost/api/runs/${runId}/chart.png`, { method: "POST" }));
    await expectError(post, 405, `/api/runs/${runId}/chart.png does not take POST; use GET.`);
  });
});

/** Sales at odd times, none in February. */
const SALES_LOG = "sold_at,amount\n2024-01-02 09:15:00,12.5\n2024-01-17 17:40:00,20\n2024-03-05 11:05:00,4.25\n";

describe("PATCH /api/datasets/<id>/series/<seriesId>: the unit of a series' values", () => {
  const patch = (datasetId: string, seriesId: string, body: string, query = "") =>
    seriesCsv.PATCH(new Request(`http://localhost/api/datasets/${datasetId}/series/${seriesId}${query}`, { method: "PATCH", body }), params({ id: datasetId, seriesId }));
  const unitOf = async (datasetId: string, seriesId: string) => {
    const stored = (await (await dataset.GET(get(`/api/datasets/${datasetId}`), params({ id: datasetId }))).json()) as DatasetDto;
    return stored.series.find((s) => s.id === seriesId)?.unit;
  };

  it("sets a unit the file did not name, trimmed, and removes it with null or an empty text", async () => {
    const d = await uploadCsv("month,load\n2024-01,1\n2024-02,2\n2024-03,3\n", "Load without a unit");
    const id = d.series[0]!.id;
    expect(await unitOf(d.id, id)).toBeNull();
    const response = await patch(d.id, id, JSON.stringify({ unit: "  MW " }));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { unit: string }).unit).toBe("MW");
    expect(await unitOf(d.id, id)).toBe("MW");
    for (const unit of [null, "", "   "]) {
      await patch(d.id, id, JSON.stringify({ unit: "°C" }));
      expect((await patch(d.id, id, JSON.stringify({ unit }))).status).toBe(200);
      expect(await unitOf(d.id, id)).toBeNull();
    }
  });

  it.each([
    ["a unit too long to write on an axis", JSON.stringify({ unit: "megawatt hours per quarter hour" }), 422, "The request is not valid: `unit` must be at most 24 characters (a unit such as MW, € or °C)."],
    ["a control character", JSON.stringify({ unit: "M\u0007W" }), 422, "The request is not valid: `unit` has the control character U+0007 at character 2; remove it."],
    ["a unit that is not text", JSON.stringify({ unit: 5 }), 422, /^The request is not valid: `unit`/],
    ["no unit at all", "{}", 422, /^The request is not valid: `unit`/],
    ["another field", JSON.stringify({ unit: "MW", name: "Load" }), 422, /^The request is not valid: .*`name`/],
    ["a body that is not JSON", "unit=MW", 400, 'The body is not valid JSON. Send e.g. {"unit": "MW"}, or {"unit": null} to remove it.'],
  ] as const)("refuses %s and keeps the unit stored", async (_name, body, status, error) => {
    const d = await uploadCsv("month,load\n2024-01,1\n2024-02,2\n2024-03,3\n", "Load kept");
    const id = d.series[0]!.id;
    await patch(d.id, id, JSON.stringify({ unit: "kW" }));
    await expectError(await patch(d.id, id, body), status, error);
    expect(await unitOf(d.id, id)).toBe("kW");
  });

  it("is taken at the series' address only: its data's address `.csv` refuses PATCH, and each names its own methods", async () => {
    const d = await uploadCsv("month,load\n2024-01,1\n2024-02,2\n2024-03,3\n", "Load csv");
    const id = d.series[0]!.id;
    const csv = new Request(`http://localhost/api/datasets/${d.id}/series/${id}.csv`, { method: "PATCH", body: JSON.stringify({ unit: "MW" }) });
    const refused = await seriesCsv.PATCH(csv, params({ id: d.id, seriesId: `${id}.csv` }));
    await expectError(refused, 405, `/api/datasets/${d.id}/series/${id}.csv does not take PATCH; use GET.`);
    expect(await unitOf(d.id, id)).toBeNull();
    const options = (path: string) => seriesCsv.OPTIONS(new Request(`http://localhost${path}`, { method: "OPTIONS" })).headers.get("allow");
    expect(options(`/api/datasets/${d.id}/series/${id}.csv`)).toBe("GET, HEAD, OPTIONS");
    expect(options(`/api/datasets/${d.id}/series/${id}`)).toBe("PATCH, OPTIONS");
  });

  it("answers 404 for a series of another dataset, and refuses query parameters", async () => {
    const a = await uploadCsv("month,a\n2024-01,1\n2024-02,2\n2024-03,3\n", "A");
    const b = await uploadCsv("month,b\n2024-01,1\n2024-02,2\n2024-03,3\n", "B");
    const foreign = b.series[0]!.id;
    await expectError(await patch(a.id, foreign, JSON.stringify({ unit: "MW" })), 404, `Dataset \`${a.id}\` has no series with id \`${foreign}\`.`);
    expect(await unitOf(b.id, foreign)).toBeNull();
    await expectError(await patch(b.id, foreign, JSON.stringify({ unit: "MW" }), "?unit=MW"), 422, /`unit` is not a parameter of this address/);
  });
});

describe("GET /api/datasets/<id>/series/<seriesId>.csv", () => {
  const seriesCsvOf = (datasetId: string, seriesId: string, query = "") =>
    seriesCsv.GET(get(`/api/datasets/${datasetId}/series/${seriesId}.csv${query}`), params({ id: datasetId, seriesId: `${seriesId}.csv` }));

  it.each([
    ["decimal commas, day-first dates, a missing value", GERMAN, {}],
    ["ambiguous day-first dates chosen at upload", "date,value\n01/02/2024,1.5\n02/02/2024,2\n03/02/2024,-0.25\n", { dateOrder: "dmy" }],
    ["date-times with an offset", "time,load\n2024-03-01T00:00:00+02:00,1\n2024-03-01T01:00:00+02:00,2\n", {}],
    ["no time column", "reading\n1.5\nNA\n2.5\n", {}],
    ["a sales log grouped by week at upload", SALES_LOG, { aggregate: { period: "week", by: "sum" } }],
  ])("upload → export → upload again gives the same times and values: %s", async (name, text, options) => {
    const first = await uploadCsv(text, name, options);
    for (const series of first.series) {
      for (const format of ["", "?format=excel"]) {
        const response = await seriesCsvOf(first.id, series.id, format);
        expect(response.status).toBe(200);
        expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
        // The bytes as sent (with the Excel variant's BOM).
        const again = await uploadCsv(await response.arrayBuffer(), `${name} again`, options);
        expect(again.series).toHaveLength(1);
        expect(await readPoints(again.id, again.series[0]!.id)).toEqual({ ...(await readPoints(first.id, series.id)), seriesId: again.series[0]!.id });
      }
    }
  });

  it("writes a series grouped at upload by its period: months as the months they are", async () => {
    const d = await uploadCsv(SALES_LOG, "Till", { aggregate: { period: "month", by: "sum" } });
    expect(await (await seriesCsvOf(d.id, d.series[0]!.id)).text()).toBe("sold_at,amount\n2024-01,32.5\n2024-02,0\n2024-03,4.25\n");
  });

  it("writes the file's time column and format, values exactly, the name escaped", async () => {
    const d = await uploadCsv(GERMAN, "German");
    const response = await seriesCsvOf(d.id, d.series[1]!.id);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="german_sud_data\.csv"/);
    expect(await response.text()).toBe("Datum,'=Süd\n31.01.2024,-2\n29.02.2024,\n31.03.2024,-3.5\n");
  });

  it("refuses unknown series, a series of another dataset, other paths and bad formats with JSON", async () => {
    const a = await uploadCsv("t,v\n2024-01,1\n2024-02,2\n", "A");
    const b = await uploadCsv("t,v\n2024-01,1\n2024-02,2\n", "B");
    const other = b.series[0]!.id;
    await expectError(await seriesCsvOf(a.id, "nope"), 404, `Dataset \`${a.id}\` has no series with id \`nope\`.`);
    await expectError(await seriesCsvOf(a.id, other), 404, `Dataset \`${a.id}\` has no series with id \`${other}\`.`);
    await expectError(await seriesCsv.GET(get("/x"), params({ id: a.id, seriesId: other })), 404, /^Unknown path\. A series' data is at/);
    await expectError(await seriesCsvOf(a.id, a.series[0]!.id, "?format=ods"), 422, /^The request is not valid: `format`/);
    await expectError(await seriesCsvOf(a.id, a.series[0]!.id, "?fromat=excel"), 422, "The request is not valid: `fromat` is not a parameter of this address; it takes `format`.");
  });
});

describe("DELETE", () => {
  it("a run: 204, then 404; a dataset with its runs: 204, then 404 everywhere", async () => {
    const d = await uploadCsv("t,v\n2024-01,1\n2024-02,2\n2024-03,3\n", "To delete");
    const saved = await runs.createRun(d.id, finishedRun(d), null);
    const other = await runs.createRun(d.id, finishedRun(d), null);
    if (!saved.ok || !other.ok) throw new Error("runs not saved");
    const del = (id: string) => run.DELETE(new Request(`http://localhost/api/runs/${id}`, { method: "DELETE" }), params({ id }));
    const response = await del(saved.data.id);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    await expectError(await del(saved.data.id), 404, `There is no run with id \`${saved.data.id}\`.`);

    const dropDataset = () => dataset.DELETE(new Request(`http://localhost/api/datasets/${d.id}`, { method: "DELETE" }), params({ id: d.id }));
    expect((await dropDataset()).status).toBe(204);
    await expectError(await dropDataset(), 404, `There is no dataset with id \`${d.id}\`.`);
    await expectError(await run.GET(get("/x"), params({ id: other.data.id })), 404, `There is no run with id \`${other.data.id}\`.`);
    await expectError(await forecastCsv.GET(get("/x"), params({ id: other.data.id })), 404, `There is no run with id \`${other.data.id}\`.`);
  });
});

describe("routes that take no query parameters", () => {
  let d: DatasetDto;
  let runId = "";
  beforeAll(async () => ({ d, runId } = await uploadWithRun("No parameters")));

  // Ignored, `?limit=5` answered every dataset as if it had been applied, and `?horizon=12` on a
  // forecast started one with the automatic horizon.
  it.each([
    ["GET /api/datasets/<id>", "?fields=name", "fields", () => dataset.GET(get(`/api/datasets/${d.id}?fields=name`), params({ id: d.id }))],
    ["DELETE /api/datasets/<id>", "?force=1", "force", () => dataset.DELETE(new Request(`http://localhost/api/datasets/${d.id}?force=1`, { method: "DELETE" }), params({ id: d.id }))],
    ["GET /api/runs/<id>", "?include=model", "include", () => run.GET(get(`/api/runs/${runId}?include=model`), params({ id: runId }))],
    ["DELETE /api/runs/<id>", "?force=1", "force", () => run.DELETE(new Request(`http://localhost/api/runs/${runId}?force=1`, { method: "DELETE" }), params({ id: runId }))],
    ["GET /api/runs/<id>/model", "?v=2", "v", () => model.GET(get(`/api/runs/${runId}/model?v=2`), params({ id: runId }))],
    ["GET /api/runs/<id>/model.zip", "?v=2", "v", () => modelZip.GET(get(`/api/runs/${runId}/model.zip?v=2`), params({ id: runId }))],
    ["POST /api/datasets/<id>/runs", "?model=0", "model", () => datasetRuns.POST(new Request(`http://localhost/api/datasets/${d.id}/runs?model=0`, { method: "POST", body: new FormData() }), params({ id: d.id }))],
    [
      "POST /api/datasets/<id>/forecast",
      "?horizon=12",
      "horizon",
      () => startForecast.POST(new Request(`http://localhost/api/datasets/${d.id}/forecast?horizon=12`, { method: "POST", body: "" }), params({ id: d.id })),
    ],
  ] as const)("%s refuses %s and changes nothing", async (_route, _query, parameter, request) => {
    await expectError(await request(), 422, `The request is not valid: \`${parameter}\` is not a parameter of this address; it takes none.`);
    expect((await dataset.GET(get("/x"), params({ id: d.id }))).status).toBe(200);
    expect((await run.GET(get("/x"), params({ id: runId }))).status).toBe(200);
  });
});

describe("GET /api/datasets", () => {
  it("finds, sorts and pages the datasets as the home page does, with how many match, and refuses what it does not take", async () => {
    const months = (n: number) => `month,v\n${Array.from({ length: n }, (_, i) => `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")},${i + 1}`).join("\n")}\n`;
    // A few milliseconds apart, so that "newest first" has an order to check.
    const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
    const apples = await uploadCsv(months(30), "Listtest Äpfel");
    await pause();
    const pears = await uploadCsv(months(50), "listtest pears");
    await pause();
    const figs = await uploadCsv(months(40), "LISTTEST figs 10");
    const list = async (query: string) => (await upload.GET(get(`/api/datasets${query}`))).json() as Promise<{ datasets: { id: string }[]; total: number }>;
    const ids = async (query: string) => (await list(query)).datasets.map((d) => d.id);

    const all = await list("");
    expect(all.total).toBe(all.datasets.length);
    expect(all.datasets.map((d) => d.id)).toEqual(expect.arrayContaining([apples.id, pears.id, figs.id]));
    // Newest first by default; the find ignores case and accents, in the name or the file name.
    expect(await ids("?find=listtest")).toEqual([figs.id, pears.id, apples.id]);
    expect(await ids("?find=APFEL")).toEqual([apples.id]);
    expect(await ids("?find=listtest&sort=name")).toEqual([apples.id, figs.id, pears.id]);
    expect(await ids("?find=listtest&sort=points")).toEqual([pears.id, figs.id, apples.id]);
    expect(await list("?find=listtest&sort=points&limit=2&offset=1")).toMatchObject({ datasets: [{ id: figs.id }, { id: apples.id }], total: 3 });
    expect(await list("?find=listtest&offset=3")).toEqual({ datasets: [], total: 3 });
    expect(await list("?find=no+such+dataset")).toEqual({ datasets: [], total: 0 });

    await expectError(await upload.GET(get("/api/datasets?page=2")), 422, "The request is not valid: `page` is not a parameter of this address; it takes `find`, `sort`, `limit`, `offset`.");
    expect((await upload.GET(get("/api/datasets?limit=0"))).status).toBe(422);
    expect((await upload.GET(get("/api/datasets?sort=oldest"))).status).toBe(422);
  });
});

describe("GET /api/datasets/<id>/runs", () => {
  it("answers a page of the runs with their total, and refuses what it does not take", async () => {
    const { d, runId } = await uploadWithRun("Paged runs");
    const list = (query: string) => datasetRuns.GET(get(`/api/datasets/${d.id}/runs${query}`), params({ id: d.id }));
    expect(await (await list("")).json()).toMatchObject({ runs: [{ id: runId }], total: 1 });
    expect(await (await list("?limit=20&offset=0&sort=mase")).json()).toMatchObject({ runs: [{ id: runId }], total: 1 });
    expect(await (await list("?limit=20&offset=1")).json()).toEqual({ runs: [], total: 1 });
    await expectError(await list("?status=done"), 422, "The request is not valid: `status` is not a parameter of this address; it takes `limit`, `offset`, `sort`.");
    expect((await list("?limit=0")).status).toBe(422);
    expect((await list("?sort=oldest")).status).toBe(422);
  });
});

describe("unknown API paths", () => {
  it.each(["GET", "POST", "PUT", "DELETE"] as const)("%s answers a JSON 404", async (method) => {
    const response = await unknown[method](new Request("http://localhost/api/nothing/here", { method }));
    await expectError(response, 404, `There is no API at ${method} /api/nothing/here. The README lists the routes.`);
  });
});
