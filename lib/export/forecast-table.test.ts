import { describe, expect, it } from "vitest";
import { decodeText } from "../csv/decode-text";
import { readDataset } from "../csv/read-dataset";
import type { RunSeries } from "../series/run-schema";
import { nextTimes } from "../time/frequency";
import { TEST_CONFIG } from "../workbench/test-fixtures";
import { toContentDisposition, toExportFileName } from "./file-name";
import { checkExportMethod, FORECAST_HEADER, toExportedForecast, toForecastCsv } from "./forecast-table";
import { toRunJson, type ExportableRun } from "./run-json";

const MONTH = { kind: "pattern", pattern: "%Y-%m" } as const;
const DAY_FIRST = { kind: "pattern", pattern: "%d/%m/%Y" } as const;

const interval = (base: number) => ({
  mean: [base, base + 1.123456789012],
  lower80: [base - 1, base],
  upper80: [base + 1, base + 2],
  lower95: [base - 2, null],
  upper95: [base + 2, base + 3],
});

function series(seriesId: string, name: string, times: number[], base: number): RunSeries {
  return {
    seriesId,
    name,
    historyEnd: (times[0] ?? 0) - 1,
    times,
    forecasts: { lstm: interval(base), snaive: interval(-base) },
    metrics: { lstm: { mase: 0.8, smape: 4.2, rmse: 3, coverage80: 0.8, coverage95: 1 }, snaive: { mase: 1, smape: 5, rmse: 4, coverage80: 0.7, coverage95: 0.9 } },
    chosen: "lstm",
    chosenReason: "The LSTM has the lowest backtest MASE.",
    backtestOrigins: 3,
    folds: [],
    preprocessing: { transform: "none", deseasonalized: false, seasonLength: 12, filled: 0 },
  };
}

const JAN_FEB = [Date.UTC(2024, 0, 1), Date.UTC(2024, 1, 1)];
const NORTH = series("s1", "north", JAN_FEB, 10);
const FORMULA = series("s2", "=cmd|' /C calc'!A0", [Date.UTC(2024, 0, 13), Date.UTC(2024, 0, 14)], 20);
const FORMATS = { s1: MONTH, s2: DAY_FIRST };

const run: ExportableRun = {
  id: "r1",
  status: "done",
  startedAt: "2026-11-28T10:00:00.000Z",
  finishedAt: "2026-11-28T10:01:00.000Z",
  elapsedMs: 60_000,
  config: TEST_CONFIG,
  horizon: 2,
  mode: "per-series",
  seasonLength: 12,
  backend: { name: "wasm", requested: "wasm", simd: true, matMulFix: true },
  history: [{ stage: "training", model: 1, series: ["north"], bestEpoch: 2, epochs: [{ epoch: 1, loss: 0.5, valLoss: 0.6 }] }],
  series: [NORTH],
};

describe("forecast CSV", () => {
  it("one row per step and series, timestamps in each series' own format, 10 significant digits", () => {
    expect(toForecastCsv([NORTH, FORMULA], { timeFormats: FORMATS })).toBe(
      [
        FORECAST_HEADER.join(","),
        "2024-01,north,10,9,11,8,12",
        "2024-02,north,11.12345679,10,12,,13",
        "13/01/2024,'=cmd|' /C calc'!A0,20,19,21,18,22",
        "14/01/2024,'=cmd|' /C calc'!A0,21.12345679,20,22,,23",
        "",
      ].join("\n"),
    );
  });

  it("exports one method for every series, negative numbers as numbers", () => {
    const csv = toForecastCsv([NORTH], { timeFormats: FORMATS, method: "snaive" });
    expect(csv.split("\n")[1]).toBe("2024-01,north,-10,-11,-9,-12,-8");
  });

  it("with the history: a type column, observed values exactly in `actual`, then the forecast", () => {
    const history = { s1: { times: [Date.UTC(2023, 10, 1), Date.UTC(2023, 11, 1)], values: [1.000000000001, Number.NaN] } };
    expect(toForecastCsv([NORTH], { timeFormats: FORMATS, history }).split("\n")).toEqual([
      "timestamp,series,type,actual,forecast,lower80,upper80,lower95,upper95",
      "2023-11,north,history,1.000000000001,,,,,",
      "2023-12,north,history,,,,,,",
      "2024-01,north,forecast,,10,9,11,8,12",
      "2024-02,north,forecast,,11.12345679,10,12,,13",
      "",
    ]);
  });

  it("excel: BOM, semicolons, decimal commas", () => {
    const csv = toForecastCsv([NORTH], { timeFormats: FORMATS, dialect: "excel" });
    expect(csv).toBe("\uFEFFtimestamp;series;forecast;lower80;upper80;lower95;upper95\r\n2024-01;north;10;9;11;8;12\r\n2024-02;north;11,12345679;10;12;;13\r\n");
  });

  it("series without a time column continue their numbering, epoch times stay numbers", () => {
    const indexed = series("s3", "-neg", [72, 73], 1);
    expect(toForecastCsv([indexed], { timeFormats: { s3: { kind: "index" } } }).split("\n").slice(1, 3)).toEqual(["73,'-neg,1,0,2,-1,3", "74,'-neg,2.123456789,1,3,,4"]);
    const epoch = series("s4", "e", [-86_400_000, 0], 1);
    expect(toForecastCsv([epoch], { timeFormats: { s4: { kind: "epoch", unit: "s" } } }).split("\n")[1]).toBe("-86400,e,1,0,2,-1,3");
  });

  it("Excel serials keep the places the file wrote them with, in both dialects", () => {
    // 2024-01-08 09:00 and 12:00, after a file of `45290.041667`-style cells.
    const serial = series("s5", "load", [Date.UTC(2024, 0, 8, 9), Date.UTC(2024, 0, 8, 12)], 1);
    const timeFormats = { s5: { kind: "excel-serial", decimals: 6, fixedDecimals: true } as const };
    expect(toForecastCsv([serial], { timeFormats }).split("\n").slice(1, 3).map((line) => line.split(",")[0])).toEqual(["45299.375000", "45299.500000"]);
    expect(toForecastCsv([serial], { timeFormats, dialect: "excel" }).split("\r\n")[2]?.split(";")[0]).toBe("45299,500000");
    const json = toRunJson({ ...run, series: [serial] }, { dataset: { name: "Load" }, timeFormats });
    expect(json.series[0]?.forecast.map((step) => step.timestamp)).toEqual(["45299.375000", "45299.500000"]);
  });

  describe("a series read from NESO's settlement date and period continues in those two columns", () => {
    const NESO_FORMAT = { kind: "pattern", pattern: "%d/%m/%Y %H:%M", settlement: { dateColumn: "SETTLEMENT_DATE", periodColumn: "SETTLEMENT_PERIOD" } } as const;
    // The night clocks go forward (26 March 2023): 01:00 and 01:30 do not exist on the UK clock.
    const steps = [Date.UTC(2023, 2, 26, 0, 30), Date.UTC(2023, 2, 26, 1), Date.UTC(2023, 2, 26, 1, 30), Date.UTC(2023, 2, 26, 2)];
    const demand = { ...series("s6", "ND", steps.slice(0, 2), 1), times: steps, forecasts: { lstm: interval(1), snaive: interval(1) } };
    demand.forecasts.lstm = { mean: [1, 2, 3, 4], lower80: [0, 1, 2, 3], upper80: [2, 3, 4, 5], lower95: [0, 0, 0, 0], upper95: [9, 9, 9, 9] };

    it("in the CSV, with the history too", () => {
      expect(toForecastCsv([demand], { timeFormats: { s6: NESO_FORMAT } }).split("\n").slice(0, 5)).toEqual([
        "SETTLEMENT_DATE,SETTLEMENT_PERIOD,series,forecast,lower80,upper80,lower95,upper95",
        "26/03/2023,2,ND,1,0,2,0,9",
        "26/03/2023,,ND,2,1,3,0,9",
        "26/03/2023,,ND,3,2,4,0,9",
        "26/03/2023,3,ND,4,3,5,0,9",
      ]);
      const history = { s6: { times: [Date.UTC(2023, 2, 25, 23, 30), Date.UTC(2023, 2, 26)], values: [7.5, 8] } };
      expect(toForecastCsv([demand], { timeFormats: { s6: NESO_FORMAT }, history, dialect: "excel" }).split("\r\n").slice(0, 4)).toEqual([
        "\uFEFFSETTLEMENT_DATE;SETTLEMENT_PERIOD;series;type;actual;forecast;lower80;upper80;lower95;upper95",
        "25/03/2023;48;ND;history;7,5;;;;;",
        "26/03/2023;1;ND;history;8;;;;;",
        "26/03/2023;2;ND;forecast;;1;0;2;0;9",
      ]);
    });

    it("in the JSON, beside the time as the app shows it", () => {
      const json = toRunJson({ ...run, series: [demand] }, { dataset: { name: "Demand" }, timeFormats: { s6: NESO_FORMAT } });
      expect(json.series[0]?.forecast.map(({ timestamp, settlementDate, settlementPeriod }) => [timestamp, settlementDate, settlementPeriod])).toEqual([
        ["26/03/2023 00:30", "26/03/2023", 2],
        ["26/03/2023 01:00", "26/03/2023", null],
        ["26/03/2023 01:30", "26/03/2023", null],
        ["26/03/2023 02:00", "26/03/2023", 3],
      ]);
    });

    it("a table mixing it with a series written otherwise keeps one timestamp column", () => {
      const other = { ...demand, seriesId: "s7" };
      const csv = toForecastCsv([demand, other], { timeFormats: { s6: NESO_FORMAT, s7: MONTH } });
      expect(csv.split("\n").slice(0, 2)).toEqual([FORECAST_HEADER.join(","), "26/03/2023 00:30,ND,1,0,2,0,9"]);
    });
  });

  it("says which methods a run has when one is missing", () => {
    expect(checkExportMethod([NORTH], "lstm")).toBeNull();
    expect(checkExportMethod([NORTH], "theta")).toBe("Series north has no Theta forecast in this run. Choose `chosen` or one of `lstm`, `snaive`.");
  });
});

describe("toExportedForecast", () => {
  it("writes every band to the CSV's 10 significant digits", () => {
    const f = { mean: [23356.000000000007], lower80: [0.12345678901234], upper80: [1e-20 / 3], lower95: [-2 / 3], upper95: [123456789012] };
    expect(toExportedForecast(f)).toEqual({ mean: [23356], lower80: [0.123456789], upper80: [3.333333333e-21], lower95: [-0.6666666667], upper95: [123456789000] });
  });
});

describe("run JSON", () => {
  it("holds the settings, metrics, losses and the forecast with both kinds of time", () => {
    const json = toRunJson(run, { dataset: { id: "d1", name: "Regions" }, timeFormats: FORMATS });
    expect(json.run).toEqual({
      id: "r1",
      dataset: { id: "d1", name: "Regions" },
      status: "done",
      startedAt: "2026-11-28T10:00:00.000Z",
      finishedAt: "2026-11-28T10:01:00.000Z",
      elapsedMs: 60_000,
      horizon: 2,
      mode: "per-series",
      seasonLength: 12,
      backend: run.backend,
      settings: TEST_CONFIG,
    });
    expect(json.losses).toEqual(run.history);
    expect(json.series[0]).toMatchObject({ seriesId: "s1", name: "north", method: "lstm", chosen: "lstm", metrics: NORTH.metrics, backtestOrigins: 3 });
    expect(json.series[0]?.forecast[1]).toEqual({
      timestamp: "2024-02",
      time: "2024-02-01T00:00:00.000Z",
      forecast: 11.12345679,
      lower80: 10,
      upper80: 12,
      lower95: null,
      upper95: 13,
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it("gives fiscal quarters no calendar time: the month their year starts in is not known", () => {
    const fiscal = series("s7", "revenue", [Date.UTC(2024, 0, 1), Date.UTC(2024, 3, 1)], 5);
    const json = toRunJson({ ...run, series: [fiscal] }, { dataset: { name: "Revenue" }, timeFormats: { s7: { kind: "pattern", pattern: "FY%y Q%q" } } });
    expect(json.series[0]?.forecast.map((step) => [step.timestamp, step.time])).toEqual([["FY24 Q1", null], ["FY24 Q2", null]]);
    expect(toForecastCsv([fiscal], { timeFormats: { s7: { kind: "pattern", pattern: "Q%q FY%Y" } } }).split("\n").slice(1, 3).map((line) => line.split(",")[0])).toEqual(["Q1 FY2024", "Q2 FY2024"]);
  });

  it("holds the numbers the CSV writes, not more digits of them", () => {
    const noisy = { ...NORTH, forecasts: { lstm: { mean: [23356.000000000007, 0.1 + 0.2], lower80: [-1e-7 / 3, 0], upper80: [23356.5, 1], lower95: [-1, -1], upper95: [123456789012, 2] } } };
    const rows = toForecastCsv([noisy], { timeFormats: FORMATS }).trimEnd().split("\n").slice(1);
    const csvNumbers = rows.map((row) => row.split(",").slice(2).map(Number));
    const json = toRunJson({ ...run, series: [noisy] }, { dataset: { name: "Regions" }, timeFormats: FORMATS });
    expect(json.series[0]?.forecast.map((s) => [s.forecast, s.lower80, s.upper80, s.lower95, s.upper95])).toEqual(csvNumbers);
    expect(csvNumbers[0]?.[0]).toBe(23356);
  });
});

describe("file names", () => {
  it.each([
    [{ dataset: "Wine sales", series: ["Red wine"], kind: "forecast", date: "2026-11-28T23:59:00.000Z", extension: "csv" }, "wine-sales_red-wine_forecast_2026-11-28.csv"],
    [{ dataset: "Régions / 2024", series: ["north", "south"], kind: "forecast-excel", date: "2026-01-02T00:00:00.000Z", extension: "csv" }, "régions-2024_north+south_forecast-excel_2026-01-02.csv"],
    [{ dataset: "x", series: ["a", "b", "c", "d"], kind: "run", date: "2026-01-02T00:00:00.000Z", extension: "json" }, "x_4-series_run_2026-01-02.json"],
    [{ dataset: "=cmd", series: ["=1+2"], kind: "data", extension: "csv" }, "cmd_1-2_data.csv"],
    [{ dataset: "!!!", series: [], kind: "model", extension: "zip" }, "dataset_model.zip"],
  ] as const)("%j → %s", (input, name) => {
    expect(toExportFileName({ ...input, series: [...input.series] })).toBe(name);
  });

  it("Content-Disposition carries an ASCII name and the exact UTF-8 one", () => {
    expect(toContentDisposition("régions_forecast.csv")).toBe(`attachment; filename="regions_forecast.csv"; filename*=UTF-8''r%C3%A9gions_forecast.csv`);
  });

  // curl -OJ saves under the ASCII name: `東京-電力_需要_data.csv` was saved as `-__data.csv`, which a shell reads as an option.
  it.each([
    ["東京-電力_需要_data.csv", "data.csv"],
    ["زيارات_مبيعات_forecast_2026-12-07.csv", "forecast_2026-12-07.csv"],
    ["ørsted-strøm_größe+æble_forecast_2026-12-07.csv", "orsted-strom_grosse+aeble_forecast_2026-12-07.csv"],
    ["wine_東京+red_chart_2026-12-07.png", "wine_red_chart_2026-12-07.png"],
    ["需要.csv", "download.csv"],
  ])("the ASCII name of %s is %s", (fileName, ascii) => {
    expect(toContentDisposition(fileName)).toBe(`attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  });
});

describe("a forecast CSV uploaded again", () => {
  const HOUR = 3_600_000;
  const start = Date.UTC(2023, 11, 29);
  // Four weeks of hours: the history rows fill the reader's sampled first rows, the forecast's columns empty there.
  const times = Array.from({ length: 24 * 28 }, (_, i) => start + i * HOUR);
  const values = times.map((_, i) => 100 + (i % 24) + i / 1000);
  const end = times.at(-1)!;
  const future = [end + HOUR, end + 2 * HOUR];
  const hourly = { ...series("s1", "load", future, 10), historyEnd: end };
  const format = { kind: "pattern", pattern: "%d.%m.%Y %H:%M" } as const;

  function upload(text: string, options: Parameters<typeof readDataset>[1] = {}) {
    const decoded = decodeText(new TextEncoder().encode(text));
    if (!decoded.ok) throw new Error(decoded.reason);
    const read = readDataset(decoded.data.text, options);
    if (!read.ok) throw new Error(read.reason);
    return read.data;
  }

  it.each(["standard", "excel"] as const)("with its history (%s): the forecast columns are named, and read back exactly when chosen", (dialect) => {
    const csv = toForecastCsv([hourly], { timeFormats: { s1: format }, dialect, history: { s1: { times, values } } });
    // Before, `forecast` … `upper95` were taken for empty columns and left out without a word.
    const first = upload(csv);
    expect(first.series.map((s) => s.column)).toEqual(["actual"]);
    expect(first.lateColumns).toEqual(["forecast", "lower80", "upper80", "lower95", "upper95"]);
    expect(first.issues.map((i) => i.message)).toContainEqual(expect.stringContaining("`forecast` (from row 674)"));

    const again = upload(csv, { valueColumns: ["actual", "forecast", "upper95"] });
    const byColumn = Object.fromEntries(again.series.map((s) => [s.column, s]));
    expect(Array.from(byColumn.actual!.values)).toEqual(values);
    expect(Array.from(byColumn.forecast!.times)).toEqual(future);
    expect(Array.from(byColumn.forecast!.values)).toEqual([10, 11.12345679]);
    expect(Array.from(byColumn.upper95!.values)).toEqual([12, 13]);
  });
});

describe("a forecast CSV uploaded again gives the forecast's times and numbers", () => {
  const rows = (n: number, time: (i: number) => string, sep = ",") => Array.from({ length: n }, (_, i) => `${time(i)}${sep}${100 + i}`).join("\n");
  const day = (i: number, from: number) => new Date(from + i * 86_400_000).toISOString().slice(0, 10);
  const FILES: [string, string][] = [
    ["years", `year,v\n${rows(12, (i) => String(2010 + i))}\n`],
    ["quarters 2020-Q1", `quarter,v\n${rows(12, (i) => `${2017 + Math.floor(i / 4)}-Q${(i % 4) + 1}`)}\n`],
    ["month ends, dotted day-first, decimal comma", `Datum;Umsatz\n${["31.10.2023", "30.11.2023", "31.12.2023", "31.01.2024"].map((d, i) => `${d};${i},5`).join("\n")}\n`],
    ["ISO weeks over a year with 53", `week,v\n${rows(8, (i) => `2020-W${String(45 + i).padStart(2, "0")}`)}\n`],
    ["business days over a year end", `Date,Close\n${["12/26/2023", "12/27/2023", "12/28/2023", "12/29/2023", "01/02/2024", "01/03/2024", "01/04/2024", "01/05/2024", "01/08/2024"].map((d, i) => `${d},${i}`).join("\n")}\n`],
    ["days over 29 February", `date,v\n${rows(10, (i) => day(i, Date.UTC(2024, 1, 18)))}\n`],
    ["hours with an offset over a year end", `time,load\n${rows(30, (i) => `${new Date(Date.UTC(2023, 11, 30, 22) + i * 3_600_000).toISOString().slice(0, 19)}+01:00`)}\n`],
    ["quarter hours, German", `Zeit;Leistung\n${rows(12, (i) => { const d = new Date(Date.UTC(2023, 11, 31, 22) + i * 900_000); return `${String(d.getUTCDate()).padStart(2, "0")}.${String(d.getUTCMonth() + 1).padStart(2, "0")}.${d.getUTCFullYear()} ${d.toISOString().slice(11, 16)}`; }, ";")}\n`],
    ["Excel serial days", `Date,v\n${rows(10, (i) => String(45290 + i))}\n`],
    ["Excel serial half days", `Date,v\n${rows(10, (i) => String(45290 + i / 2))}\n`],
    ["R's decimal years", `time,x\n${rows(8, (i) => String(1960 + i / 4))}\n`],
    ["financial years", `year,budget\n${rows(6, (i) => `${2015 + i}/${String((16 + i) % 100).padStart(2, "0")}`)}\n`],
  ];

  function upload(text: string) {
    const decoded = decodeText(new TextEncoder().encode(text));
    if (!decoded.ok) throw new Error(decoded.reason);
    const read = readDataset(decoded.data.text);
    if (!read.ok) throw new Error(read.reason);
    return read.data;
  }

  it.each(FILES.flatMap(([name, text]) => (["standard", "excel"] as const).map((dialect) => [name, dialect, text] as const)))("%s (%s)", (_name, dialect, text) => {
    const read = upload(text);
    const parsed = read.series[0]!;
    const end = parsed.times.at(-1)!;
    const future = nextTimes(end, parsed.frequency, 6);
    const run = { ...series("s1", parsed.name, future, 0), historyEnd: end };
    const mean = future.map((_, j) => 1234.5678901234 + j / 3);
    run.forecasts = { lstm: { mean, lower80: mean.map((m) => m - 1), upper80: mean.map((m) => m + 1), lower95: mean.map((m) => m - 2), upper95: mean.map((m) => m + 2) } };
    const back = upload(toForecastCsv([run], { timeFormats: { s1: read.timeFormat }, dialect }));
    const forecast = back.series.find((s) => s.column === "forecast")!;
    expect(Array.from(forecast.times)).toEqual(future);
    expect(Array.from(forecast.values)).toEqual(mean.map((m) => Number(m.toPrecision(10))));
  });
});
