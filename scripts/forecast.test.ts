import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { previewCsv } from "../lib/csv/preview-csv";
import { readDataset } from "../lib/csv/read-dataset";
import { blsFlatFile, gsodFullStation, gsodJanuary, nwisDailyValues } from "../tests/fixtures/statistics-downloads";
import { runCli, type CliIo } from "./forecast";

/** Settings that keep each run well under a second. */
const FAST = JSON.stringify({ epochs: 3, units: 4, ensembleSize: 2, patience: 2, backtestOrigins: 3 });

function wave(n: number, period: number): number[] {
  return Array.from({ length: n }, (_, t) => Number((100 + 0.3 * t + 10 * Math.sin((2 * Math.PI * t) / period) + ((t * 7) % 5)).toFixed(2)));
}

/** A fixture file in the style analysts have them. */
const FIXTURES = {
  monthly: {
    text: ["Month,Passengers", ...wave(72, 12).map((v, t) => `${2018 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")},${v}`)].join("\n"),
    horizon: 4,
    expected: ["2024-01", "2024-02", "2024-03", "2024-04"],
  },
  quarterly: {
    text: ["quarter;tonnes", ...wave(60, 4).map((v, t) => `${1990 + Math.floor(t / 4)} Q${(t % 4) + 1};${String(v).replace(".", ",")}`)].join("\n"),
    horizon: 3,
    expected: ["2005 Q1", "2005 Q2", "2005 Q3"],
  },
  daily: {
    // Excel style: BOM, CRLF, US dates without zero padding; 2024 is a leap year.
    text: `\uFEFF${["DATE,TMAX_C", ...wave(59, 7).map((v, t) => {
      const d = new Date(Date.UTC(2024, 0, 1 + t));
      return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()},${v}`;
    })].join("\r\n")}`,
    horizon: 3,
    expected: ["2/29/2024", "3/1/2024", "3/2/2024"],
  },
  hourly: {
    text: ["date,temperature", ...wave(96, 24).map((v, t) => `${new Date(Date.UTC(2010, 11, 28, t)).toISOString().slice(0, 19)},${v}`)].join("\n"),
    horizon: 5,
    expected: ["2011-01-01T00:00:00", "2011-01-01T01:00:00", "2011-01-01T02:00:00", "2011-01-01T03:00:00", "2011-01-01T04:00:00"],
  },
  "Excel serial hourly": {
    // A number format of six places: the steps keep them, midnight's and 03:00's zeros too.
    text: ["Timestamp,Load", ...wave(120, 24).map((v, t) => `${(45290 + t / 24).toFixed(6)},${v}`)].join("\n"),
    horizon: 5,
    expected: ["45295.000000", "45295.041667", "45295.083333", "45295.125000", "45295.166667"],
  },
};

function memoryIo(files: Record<string, string>) {
  const out = { stdout: "", stderr: "", written: {} as Record<string, string> };
  const io: CliIo = {
    stdout: (t) => (out.stdout += t),
    stderr: (t) => (out.stderr += t),
    readFile: (file) => {
      const text = files[file];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${file}'`), { code: "ENOENT" });
      return new TextEncoder().encode(text);
    },
    writeFile: (file, text) => (out.written[file] = text),
  };
  return { io, out };
}

describe("npm run forecast", () => {
  it.each(Object.entries(FIXTURES))("writes the header and h rows with future %s timestamps", async (_name, fixture) => {
    const { io, out } = memoryIo({ "data.csv": fixture.text });
    const status = await runCli(["--input", "data.csv", "--horizon", String(fixture.horizon), "--out", "f.csv", "--config", FAST], io);
    expect(out.stderr).not.toMatch(/Error/);
    expect(status).toBe(0);
    const lines = (out.written["f.csv"] ?? "").trimEnd().split("\n");
    expect(lines[0]).toBe("timestamp,forecast,lower80,upper80,lower95,upper95");
    expect(lines).toHaveLength(fixture.horizon + 1);
    const rows = lines.slice(1).map((l) => l.split(","));
    expect(rows.map((r) => r[0])).toEqual(fixture.expected);
    for (const r of rows) {
      const [mean, lo80, hi80, lo95, hi95] = r.slice(1).map(Number) as [number, number, number, number, number];
      expect(lo95).toBeLessThanOrEqual(lo80);
      expect(lo80).toBeLessThanOrEqual(mean);
      expect(mean).toBeLessThanOrEqual(hi80);
      expect(hi80).toBeLessThanOrEqual(hi95);
    }
    expect(out.stderr).toMatch(/backtest: epoch 1\/3/);
  });

  it("--leave-out leaves a period out, read in the file's own time format, and says so; a time that does not read is refused", async () => {
    const { io, out } = memoryIo({ "data.csv": FIXTURES.monthly.text });
    expect(await runCli(["--input", "data.csv", "--horizon", "4", "--json", "--config", FAST, "--leave-out", "2020-03..2021-06", "--quiet"], io)).toBe(0);
    const json = JSON.parse(out.stdout) as { config: { leaveOut: unknown }; series: { preprocessing: string }[] };
    expect(json.series[0]?.preprocessing).toMatch(/16 values left out \(Mar 2020 – Jun 2021\), filled along the season/);
    expect(json.config.leaveOut).toEqual([{ from: Date.UTC(2020, 2, 1), to: Date.UTC(2021, 5, 1) }]);

    const bad = memoryIo({ "data.csv": FIXTURES.monthly.text });
    expect(await runCli(["--input", "data.csv", "--horizon", "4", "--leave-out", "2020-03..June 2021"], bad.io)).toBe(1);
    expect(bad.out.stderr).toBe('The end of the period to leave out, "June 2021", is not a time: write it as the file writes its times (YYYY-MM, e.g. "2023-12").\n');
    const end = memoryIo({ "data.csv": FIXTURES.monthly.text });
    expect(await runCli(["--input", "data.csv", "--horizon", "4", "--leave-out", "2023-06..2023-12"], end.io)).toBe(1);
    expect(end.out.stderr).toMatch(/covers the last value of "Passengers" \(Dec 2023\): nothing would be left to start the forecast from; end it by Nov 2023 at the latest\.\n$/);
  });

  it("forecasts every series of a wide file with a series column, or the one --value picks", async () => {
    const text = ["Month,north,south", ...wave(60, 12).map((v, t) => `${2019 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")},${v},${v / 2}`)].join("\n");
    const all = memoryIo({ "wide.csv": text });
    expect(await runCli(["--input", "wide.csv", "--horizon", "2", "--config", FAST, "--quiet"], all.io)).toBe(0);
    const lines = all.out.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("series,timestamp,forecast,lower80,upper80,lower95,upper95");
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 2).join(","))).toEqual(["north,2024-01", "north,2024-02", "south,2024-01", "south,2024-02"]);
    expect(all.out.stderr).toBe("");

    const one = memoryIo({ "wide.csv": text });
    expect(await runCli(["--input", "wide.csv", "--horizon", "2", "--value", "south", "--json", "--config", FAST, "--quiet"], one.io)).toBe(0);
    const json = JSON.parse(one.out.stdout) as { series: { name: string; timestamps: string[]; mean: number[]; metrics: Record<string, unknown> }[] };
    expect(json.series.map((s) => s.name)).toEqual(["south"]);
    expect(json.series[0]?.timestamps).toEqual(["2024-01", "2024-02"]);
    expect(json.series[0]?.mean).toHaveLength(2);
    expect(Object.keys(json.series[0]?.metrics ?? {})).toContain("lstm");

    // --json holds the CSV's numbers, not more digits of them (as the app's JSON export does).
    const csv = memoryIo({ "wide.csv": text });
    expect(await runCli(["--input", "wide.csv", "--horizon", "2", "--value", "south", "--config", FAST, "--quiet"], csv.io)).toBe(0);
    const csvNumbers = csv.out.stdout.trimEnd().split("\n").slice(1).map((line) => line.split(",").slice(1).map(Number));
    const bands = json.series[0] as unknown as Record<"mean" | "lower80" | "upper80" | "lower95" | "upper95", number[]>;
    expect([0, 1].map((j) => (["mean", "lower80", "upper80", "lower95", "upper95"] as const).map((key) => bands[key][j]))).toEqual(csvNumbers);
  });

  it("names a BLS file's one series by its series_id code on stderr and in --json, as the app does", async () => {
    const text = blsFlatFile("CUUR0000SA0", 2019, Array.from({ length: 60 }, (_, i) => 251.7 + 0.35 * i + (i % 12) / 10));
    const csv = memoryIo({ "cu.data.1.AllItems.txt": text });
    expect(await runCli(["--input", "cu.data.1.AllItems.txt", "--horizon", "3", "--config", FAST], csv.io)).toBe(0);
    expect(csv.out.stderr).toMatch(/^CUUR0000SA0: writing /m);
    expect(csv.out.stderr).not.toMatch(/^value: /m);
    const json = memoryIo({ "cu.data.1.AllItems.txt": text });
    expect(await runCli(["--input", "cu.data.1.AllItems.txt", "--horizon", "3", "--json", "--config", FAST, "--quiet"], json.io)).toBe(0);
    expect((JSON.parse(json.out.stdout) as { series: { name: string; timestamps: string[] }[] }).series.map((s) => [s.name, s.timestamps])).toEqual([["CUUR0000SA0", ["2024-01", "2024-02", "2024-03"]]]);
  });

  it("names a USGS NWIS file's one series by its site number with the zeros, on stderr and in --json", async () => {
    const text = nwisDailyValues("01646500", Array.from({ length: 60 }, (_, i) => 12300 - 37 * i + (i % 7) * 90));
    const { io, out } = memoryIo({ "dv.csv": text });
    expect(await runCli(["--input", "dv.csv", "--horizon", "3", "--json", "--config", FAST], io)).toBe(0);
    expect(out.stderr).toMatch(/^01646500: writing /m);
    expect(out.stderr).not.toMatch(/1646500\)/);
    expect((JSON.parse(out.stdout) as { series: { name: string; timestamps: string[] }[] }).series.map((s) => [s.name, s.timestamps])).toEqual([["01646500", ["2024-03-01", "2024-03-02", "2024-03-03"]]]);
  });

  it("notes a GSOD file's missing marks (99.99 for a precipitation) as the preview and the import do", async () => {
    const text = gsodFullStation(gsodJanuary());
    const read = readDataset(text);
    if (!read.ok) throw new Error(read.reason);
    const preview = await previewCsv(new Blob([text]), "72793024233.csv");
    expect(preview.issues).toEqual(read.data.issues);
    const { io, out } = memoryIo({ "72793024233.csv": text });
    expect(await runCli(["--input", "72793024233.csv", "--horizon", "3", "--config", FAST], io)).toBe(0);
    const notes = out.stderr.split("\n").filter((line) => line.startsWith("note: ")).map((line) => line.slice("note: ".length));
    // The read's notes come first; the run's own (GUST's last day missing) follow.
    expect(notes.slice(0, read.data.issues.length)).toEqual(read.data.issues.map((i) => i.message));
    expect(notes.filter((n) => n.startsWith("99.99 stands for a missing reading in column `PRCP`"))).toHaveLength(1);
    expect(out.stderr).toMatch(/^PRCP: writing /m);
  });

  it("gives a series too short for the LSTM a classical forecast, says so, and trains the LSTM on the rest", async () => {
    const stamp = (t: number) => `${2019 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")}`;
    const long = wave(60, 12);
    // "new" starts late: 20 values, too few for a 6-step LSTM backtest (29).
    const text = ["Month,old,new", ...long.map((v, t) => `${stamp(t)},${v},${t >= 40 ? v / 2 : ""}`)].join("\n");
    const { io, out } = memoryIo({ "wide.csv": text });
    expect(await runCli(["--input", "wide.csv", "--horizon", "6", "--config", FAST], io)).toBe(0);
    expect(out.stderr).toMatch(/old: writing LSTM/);
    // Under three seasons long, the seasonality test cannot run and Theta keeps the season in; seasonal naive repeats it and beat
    // Theta by far in every origin of the backtest.
    expect(out.stderr).toMatch(
      /new: writing Seasonal naive\. Series "new" has 20 usable values; the LSTM with a backtest needs 29 for 6 steps, so a classical method's forecast is given: Seasonal naive, which beat Theta by far in the backtest \(MASE [\d.]+ vs [\d.]+, better in both halves of 3 origins\)/,
    );
    const lines = out.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("series,timestamp,forecast,lower80,upper80,lower95,upper95");
    const rows = lines.slice(1).map((l) => l.split(","));
    expect(rows.map((r) => `${r[0]},${r[1]}`)).toEqual([...["old", "new"].flatMap((name) => ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"].map((t) => `${name},${t}`))]);
    for (const r of rows.filter((row) => row[0] === "new")) {
      const [mean, lo80, hi80, lo95, hi95] = r.slice(2).map(Number) as [number, number, number, number, number];
      expect(lo95).toBeLessThan(lo80);
      expect(lo80).toBeLessThan(mean);
      expect(mean).toBeLessThan(hi80);
      expect(hi80).toBeLessThan(hi95);
      // Half the size of "old", near its last values.
      expect(mean).toBeGreaterThan(40);
      expect(mean).toBeLessThan(75);
    }
  });

  it("leaves out a series with too few values for any forecast, names it on stderr, and forecasts the rest", async () => {
    const stamp = (t: number) => `${2019 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")}`;
    // "launch" has its first value three months before the end: 3 values, fewer than any method fits on.
    const text = ["Month,old,launch,other", ...wave(40, 12).map((v, t) => `${stamp(t)},${v},${t >= 37 ? v / 2 : ""},${v * 2}`)].join("\n");
    const csv = memoryIo({ "wide.csv": text });
    expect(await runCli(["--input", "wide.csv", "--horizon", "3", "--config", FAST, "--quiet"], csv.io)).toBe(0);
    expect(csv.out.stderr).toBe(
      'note: Series "launch" has 3 usable values; a forecast needs at least 5, whatever the horizon, so it was left out of this run and the other series were forecast. Forecast it again once it has a longer history.\n',
    );
    const rows = csv.out.stdout.trimEnd().split("\n").slice(1).map((l) => l.split(","));
    expect(rows.map((r) => `${r[0]},${r[1]}`)).toEqual(["old", "other"].flatMap((name) => ["2022-05", "2022-06", "2022-07"].map((t) => `${name},${t}`)));
    // Each row is its own series' forecast, not its neighbour's: "other" is twice "old".
    expect(Number(rows[3]?.[2])).toBeGreaterThan(1.5 * Number(rows[0]?.[2]));

    const json = memoryIo({ "wide.csv": text });
    expect(await runCli(["--input", "wide.csv", "--horizon", "3", "--json", "--method", "theta", "--quiet"], json.io)).toBe(0);
    const parsed = JSON.parse(json.out.stdout) as { series: { name: string }[]; skipped: { name: string; reason: string }[] };
    expect(parsed.series.map((s) => s.name)).toEqual(["old", "other"]);
    expect(parsed.skipped.map((s) => s.name)).toEqual(["launch"]);
  });

  it("forecasts every series of a wide file from the file's end: a column whose readings stopped is named, and left out when more than the horizon is missing", async () => {
    const stamp = (t: number) => `${2016 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")}`;
    const north = wave(96, 12);
    // "south"'s sensor was removed: its last 20 months are empty.
    const removed = ["date,north,south", ...north.map((v, t) => `${stamp(t)},${v},${t < 76 ? (v / 2).toFixed(2) : ""}`)].join("\n");
    const stopped = memoryIo({ "wide.csv": removed });
    expect(await runCli(["--input", "wide.csv", "--horizon", "6", "--config", FAST, "--quiet"], stopped.io)).toBe(0);
    expect(stopped.out.stderr).toBe(
      'note: Series "south" was left out of this run: its readings stop at Apr 2022, and its last 20 months are missing, more than the 6 months forecast. ' +
        "Its forecast would start from its last reading carried forward over them, a level nobody measured, so the other series were forecast without it. To continue it from its last reading, forecast it on its own.\n",
    );
    // Not six "forecasts" of May–Oct 2022, months the file already has; the series column stays.
    const future = ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"];
    expect(stopped.out.stdout.trimEnd().split("\n").map((l) => l.split(",").slice(0, 2).join(","))).toEqual(["series,timestamp", ...future.map((t) => `north,${t}`)]);

    // Two months missing (a reading late): forecast from the file's end, with a note naming the last reading.
    const late = ["date,north,south", ...north.map((v, t) => `${stamp(t)},${v},${t < 94 ? (v / 2).toFixed(2) : ""}`)].join("\n");
    const lagging = memoryIo({ "wide.csv": late });
    expect(await runCli(["--input", "wide.csv", "--horizon", "6", "--config", FAST, "--quiet"], lagging.io)).toBe(0);
    expect(lagging.out.stderr).toContain(
      `note: south: Its readings stop at Oct 2023 (${Number((north[93]! / 2).toFixed(2))}): the last 2 months are missing, and its forecast starts from that reading carried forward over them along the season, not from a measured value.\n`,
    );
    expect(lagging.out.stdout.trimEnd().split("\n").slice(1).map((l) => l.split(",").slice(0, 2).join(","))).toEqual(["north", "south"].flatMap((name) => future.map((t) => `${name},${t}`)));
    const json = memoryIo({ "wide.csv": late });
    expect(await runCli(["--input", "wide.csv", "--horizon", "6", "--config", FAST, "--json", "--quiet"], json.io)).toBe(0);
    const south = (JSON.parse(json.out.stdout) as { series: { name: string; preprocessing: string }[] }).series.find((s) => s.name === "south");
    expect(south?.preprocessing).toMatch(/ · last 2 months missing, carried forward/);
  });

  it("continues a NESO file as settlement dates and periods, across the night clocks go forward", async () => {
    // A week of half hours up to 25 March 2023; the 26th has no 01:00 or 01:30 on the UK clock.
    const days = Array.from({ length: 7 }, (_, d) => `2023-03-${19 + d}`);
    const text = ["SETTLEMENT_DATE,SETTLEMENT_PERIOD,ND", ...days.flatMap((date, d) => wave(48, 48).map((v, p) => `${date},${p + 1},${v + d}`))].join("\n");
    const csv = memoryIo({ "demand.csv": text });
    expect(await runCli(["--input", "demand.csv", "--horizon", "6", "--config", FAST, "--quiet"], csv.io)).toBe(0);
    const lines = csv.out.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("SETTLEMENT_DATE,SETTLEMENT_PERIOD,forecast,lower80,upper80,lower95,upper95");
    expect(lines.slice(1).map((line) => line.split(",").slice(0, 2).join(","))).toEqual(["2023-03-26,1", "2023-03-26,2", "2023-03-26,", "2023-03-26,", "2023-03-26,3", "2023-03-26,4"]);

    const json = memoryIo({ "demand.csv": text });
    expect(await runCli(["--input", "demand.csv", "--horizon", "2", "--config", FAST, "--json", "--quiet"], json.io)).toBe(0);
    const [series] = (JSON.parse(json.out.stdout) as { series: { timestamps: string[]; settlementDates: string[]; settlementPeriods: number[] }[] }).series;
    expect(series).toMatchObject({ timestamps: ["2023-03-26 00:00", "2023-03-26 00:30"], settlementDates: ["2023-03-26", "2023-03-26"], settlementPeriods: [1, 2] });
  });

  it("counts seasons and cycles in the series' unit, as the run view does ('a season of 4 quarters removed', not '4 steps')", async () => {
    const { io, out } = memoryIo({ "q.csv": FIXTURES.quarterly.text });
    expect(await runCli(["--input", "q.csv", "--horizon", "3", "--json", "--config", FAST, "--quiet"], io)).toBe(0);
    const json = JSON.parse(out.stdout) as { series: { preprocessing: string }[] };
    expect(json.series[0]?.preprocessing).toMatch(/season of 4 quarters/);
  });

  it("without --horizon forecasts what the app and the API would (a season), and says so; it was refused", async () => {
    const { io, out } = memoryIo({ "m.csv": FIXTURES.monthly.text });
    expect(await runCli(["--input", "m.csv", "--config", FAST], io)).toBe(0);
    const lines = out.stdout.trimEnd().split("\n");
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, "0")}`));
    expect(out.stderr).toContain("note: no --horizon given: forecasting 12 months ahead, as the app would; give --horizon for another.\n");
  });

  it("says when the season asked for is too long for the history and forecasts without one", async () => {
    const text = ["Month,sales", ...wave(60, 12).map((v, t) => `${2019 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")},${v}`)].join("\n");
    const { io, out } = memoryIo({ "m.csv": text });
    expect(await runCli(["--input", "m.csv", "--horizon", "3", "--season", "400", "--json", "--config", FAST, "--quiet"], io)).toBe(0);
    expect(out.stderr).toBe(
      'note: the season of 400 steps is too long for the history of "sales" (60 values) to show it repeat, so the forecast models no season. Give a shorter --season, or --season 1 for none.\n',
    );
    const json = JSON.parse(out.stdout) as { modelledSeasonLength: number; series: { preprocessing: string }[] };
    expect(json.modelledSeasonLength).toBe(1);
    expect(json.series[0]?.preprocessing).toMatch(/season of 400 months not modelled/);
  });

  it("says, even with --quiet, when the last value is far out of line with the values before it", async () => {
    const values = wave(60, 12);
    values[59] = (values[59] as number) * 40;
    const text = ["Month,sales", ...values.map((v, t) => `${2019 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")},${v}`)].join("\n");
    const { io, out } = memoryIo({ "m.csv": text });
    expect(await runCli(["--input", "m.csv", "--horizon", "3", "--config", FAST, "--quiet"], io)).toBe(0);
    expect(out.stderr).toMatch(/^note: The last value, [\d,.]+ on Dec 2023, is far out of line with the values before it\. .* correct it in the file and forecast again\.\n$/);
  });

  describe("--aggregate groups an event log by a period, and the future timestamps continue by that period", () => {
    // Sales at odd times between 09:00 and 19:00, a few a day, from 1 July 2023 to 30 June 2025.
    const sales: string[] = [];
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let day = Date.UTC(2023, 6, 1); day < Date.UTC(2025, 6, 1); day += 86_400_000) {
      for (let t = day + 9 * 3_600_000 + random() * 3_600_000; t < day + 19 * 3_600_000; t += random() * 4 * 3_600_000) {
        sales.push(`${new Date(t).toISOString().slice(0, 19).replace("T", " ")},${(5 + 20 * random()).toFixed(2)}`);
      }
    }
    const log = `sold_at,amount\n${sales.join("\n")}\n`;

    it.each([
      ["day", [], ["2025-07-01", "2025-07-02", "2025-07-03"], /Rows were added up by day: [\d,]+ rows → 731 days \(1 Jul 2023 – 30 Jun 2025\)\./],
      ["month", ["--aggregate-by", "mean"], ["2025-07", "2025-08", "2025-09"], /Rows were averaged by month: [\d,]+ rows → 24 months \(Jul 2023 – Jun 2025\)\./],
    ] as const)("by %s", async (period, extra, expected, note) => {
      const { io, out } = memoryIo({ "sales.csv": log });
      expect(await runCli(["--input", "sales.csv", "--horizon", "3", "--aggregate", period, ...extra, "--config", FAST], io)).toBe(0);
      expect(out.stderr).toMatch(note);
      const rows = out.stdout.trimEnd().split("\n").slice(1).map((line) => line.split(","));
      expect(rows.map((r) => r[0])).toEqual(expected);
      for (const r of rows) expect(Number(r[1])).toBeGreaterThan(0);
    });

    it("without it, the log is refused for two sales in the same second, or as events at irregular times; both messages name --aggregate", async () => {
      const refused = memoryIo({ "sales.csv": log });
      expect(await runCli(["--input", "sales.csv", "--horizon", "2", "--config", FAST], refused.io)).toBe(1);
      expect(refused.out.stderr).toMatch(/^Rows \d+ and \d+ have the same time `2023-09-26 16:34:41`\..* \(CLI: --aggregate day\)\.\n$/);
      // Summed per second, the sales are still events: forecast, they went on in steps of minutes nobody can use.
      const summed = memoryIo({ "sales.csv": log });
      expect(await runCli(["--input", "sales.csv", "--horizon", "2", "--repeated-times", "sum", "--method", "naive", "--config", FAST], summed.io)).toBe(1);
      expect(summed.out.stderr).toMatch(/note: Series `amount` holds events at irregular times, .* \(CLI: --aggregate day\)\.\n/);
      expect(summed.out.stderr).toMatch(/\nSeries "amount" holds events at irregular times .*; CLI: `--aggregate day`\)\.\n$/);
      expect(summed.out.stdout).toBe("");
    });
  });

  it.each([
    [["--input", "nope.csv", "--horizon", "3"], 1, /Cannot read nope\.csv: no such file\.\n$/],
    [["--input", "book.xlsx", "--horizon", "3"], 1, /This file is a ZIP archive \(or an \.xlsx workbook\), not a CSV/],
    [["--input", "text.csv", "--horizon", "3"], 1, /No column holds numbers/],
    [["--input", "short.csv", "--horizon", "12", "--method", "lstm"], 1, /has 20 usable values; the LSTM with a backtest needs 41 for 12 steps.*--method lstm is not available/],
    // Seasonal naive is suggested only when a season fits (20 months at h = 6), not when none does (13 months).
    [["--input", "short.csv", "--horizon", "6", "--method", "lstm"], 1, /--method lstm is not available for it; leave --method out or use theta, naive or snaive\.\n$/],
    [["--input", "len13.csv", "--horizon", "6", "--method", "lstm"], 1, /--method lstm is not available for it; leave --method out or use theta or naive\.\n$/],
    [["--input", "tiny.csv", "--horizon", "2"], 1, /has 4 usable values; a forecast needs at least 5, whatever the horizon\. Upload a longer history/],
    [["--input", "short.csv", "--horizon", "0"], 2, /--horizon must be a positive whole number/],
    [["--input", "short.csv", "--horizon", "10000000"], 2, /--horizon may be at most 100,000 steps \(got 10,000,000\)/],
    [["--input", "short.csv", "--horizon", "21"], 1, /^The horizon may be at most 20 steps, the length of the history \(got 21\)\. Choose a horizon of at most 20 steps, or upload a longer history\.\n$/],
    [["--input", "extreme.csv", "--horizon", "3"], 1, /^Row 3, column `value`: `-1\.7e308` is beyond ±1e100, the largest values Tidecast can forecast\. Write the column in a larger unit \(divide its values by a power of ten\) and upload it again\.\n$/],
    [["--horizon", "3"], 2, /--input is required/],
    [["--input", "short.csv", "--horizon", "3", "--value", "missing"], 1, /There is no column `missing`/],
    [["--input", "short.csv", "--horizon", "3", "--decimal", ";"], 2, /--decimal must be "," \(decimal comma\) or "\." \(decimal point\)/],
    [["--input", "short.csv", "--horizon", "3", "--date-order", "ymd"], 2, /--date-order must be dmy \(day first\) or mdy \(month first\)/],
    [["--input", "short.csv", "--horizon", "3", "--repeated-times", "max"], 2, /--repeated-times must be sum \(add up rows with the same time\) or mean \(average them\)/],
    [["--input", "short.csv", "--horizon", "3", "--aggregate", "fortnight"], 2, /--aggregate must be one of hour, day, week, month, quarter, year \(the period to group rows by\)/],
    [["--input", "short.csv", "--horizon", "3", "--aggregate", "year", "--aggregate-by", "max"], 2, /--aggregate-by must be sum \(add up each period's rows\), mean \(average them\) or last \(keep the last value\)/],
    [["--input", "short.csv", "--horizon", "3", "--aggregate-by", "mean"], 2, /--aggregate-by goes with --aggregate, which names the period to group rows by/],
    [["--input", "short.csv", "--horizon", "3", "--aggregate", "day"], 1, /^The file is monthly, so its rows cannot be grouped by day: a day is shorter than the step between them\. Choose a longer period \(quarter or year\)\.\n$/],
  ])("exits %# with the app's message for bad input", async (argv, status, message) => {
    const { io, out } = memoryIo({
      "book.xlsx": "PK\u0003\u0004rest",
      "text.csv": "t,name\n2020-01,a\n2020-02,b\n",
      "tiny.csv": "t,value\n2020-01,1\n2020-02,2\n2020-03,3\n2020-04,4\n",
      "extreme.csv": ["t,value", ...Array.from({ length: 24 }, (_, t) => `${2020 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")},${t % 2 ? "-1.7e308" : "1"}`)].join("\n"),
      "len13.csv": ["t,value", ...wave(13, 12).map((v, t) => `${2020 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")},${v}`)].join("\n"),
      "short.csv": ["t,value", ...wave(20, 12).map((v, t) => `${2020 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")},${v}`)].join("\n"),
    });
    expect(await runCli(argv, io)).toBe(status);
    expect(out.stderr).toMatch(message);
    expect(out.stdout).toBe("");
  });

  it("--decimal reads numbers the way the analyst says when the file could mean either", async () => {
    // Three decimals after a dot in a semicolon file: thousands by convention, unless told otherwise.
    const text = ["Monat;Wert", ...wave(48, 12).map((v, t) => `${2020 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")};${(v / 10).toFixed(3)}`)].join("\n");
    const forecastMean = async (extra: string[]) => {
      const { io, out } = memoryIo({ "de.csv": text });
      expect(await runCli(["--input", "de.csv", "--horizon", "2", "--config", FAST, "--quiet", ...extra], io)).toBe(0);
      return Number(out.stdout.trimEnd().split("\n")[1]?.split(",")[1]);
    };
    expect(await forecastMean([])).toBeGreaterThan(500);
    expect(await forecastMean(["--decimal", "."])).toBeLessThan(50);
  });

  it("runs as a script and writes the file", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tidecast-cli-"));
    const input = path.join(dir, "monthly.csv");
    fs.writeFileSync(input, FIXTURES.monthly.text);
    const output = path.join(dir, "out.csv");
    const root = path.resolve(import.meta.dirname, "..");
    const { stderr } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", path.join(root, "scripts", "forecast.ts"), "--input", input, "--horizon", "4", "--out", output, "--config", FAST],
      { cwd: root },
    );
    expect(stderr).toMatch(/writing/);
    const lines = fs.readFileSync(output, "utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(5);
    expect(lines[1]?.startsWith("2024-01,")).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
