import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MALFORMED } from "@/tests/fixtures/malformed-files";
import { previewCsv } from "@/lib/csv/preview-csv";
import { blsFlatFile, gsodStation, nwisDailyValues, ONS_LABELS } from "@/tests/fixtures/statistics-downloads";
import { useTestDatabase } from "@/tests/fixtures/test-database";

/**
 * The upload route against a real SQLite file: what is stored, what is refused, and that a failed
 * or interrupted import leaves no row behind.
 */
let database: Awaited<ReturnType<typeof useTestDatabase>>;
let route: typeof import("./route");
let one: typeof import("./[id]/route");
let points: typeof import("./[id]/series/[seriesId]/points/route");
let raw: Database.Database;
const OPTIONS_OBJECT = 'The `options` field must be a JSON object, such as {"decimal": ","}.';

beforeAll(async () => {
  database = await useTestDatabase();
  raw = database.raw;
  route = await import("./route");
  one = await import("./[id]/route");
  points = await import("./[id]/series/[seriesId]/points/route");
});

afterAll(async () => {
  const { db } = await import("@/lib/server/db");
  await db.$disconnect();
  database.remove();
});

function upload(bytes: Uint8Array | string, fields: Record<string, string> = {}, fileName = "upload.csv"): Request {
  const form = new FormData();
  form.set("file", new File([typeof bytes === "string" ? bytes : (bytes as Uint8Array<ArrayBuffer>)], fileName, { type: "text/csv" }));
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return new Request("http://localhost/api/datasets", { method: "POST", body: form });
}

/** The CSV as the request body, streamed (what the upload form sends). */
function rawUpload(bytes: Uint8Array | string, query: Record<string, string> = {}): Request {
  const search = new URLSearchParams(query).toString();
  return new Request(`http://localhost/api/datasets${search ? `?${search}` : ""}`, {
    method: "POST",
    body: typeof bytes === "string" ? bytes : (bytes as Uint8Array<ArrayBuffer>),
    headers: { "content-type": "text/csv" },
  });
}

const counts = () => ({
  datasets: (raw.prepare("SELECT count(*) AS n FROM Dataset").get() as { n: number }).n,
  series: (raw.prepare("SELECT count(*) AS n FROM Series").get() as { n: number }).n,
  points: (raw.prepare("SELECT count(*) AS n FROM SeriesPoints").get() as { n: number }).n,
});

/** Sends a request that must be refused: the status, the exact error, and not one row more stored. */
async function expectRefused(request: Request, status: number, error: string): Promise<void> {
  const before = counts();
  const response = await route.POST(request);
  expect(response.status).toBe(status);
  expect(await response.json()).toEqual({ error });
  expect(counts()).toEqual(before);
}

/** Runs with MAX_UPLOAD_MB set, then unsets it. */
async function withUploadLimit(mb: number, run: () => Promise<void>): Promise<void> {
  process.env.MAX_UPLOAD_MB = String(mb);
  try {
    await run();
  } finally {
    delete process.env.MAX_UPLOAD_MB;
  }
}

const TOO_LARGE = "The file is larger than the 1 MB upload limit. Split it, or raise MAX_UPLOAD_MB on the server.";
const DUPLICATED_DAYS = `date,v\n${"2024-01-01,1\n".repeat(100_000)}`;

const WIDE = "month,north,south,west\n2024-01,1,2,3\n2024-02,4,,6\n2024-03,7,8,9\n2024-05,10,11,12\n";

const DATASETS = path.resolve(import.meta.dirname, "../../../bench/datasets");
const manifest = JSON.parse(fs.readFileSync(path.join(DATASETS, "manifest.json"), "utf8")) as {
  series: { name: string; file: string; frequency: string; n_points: number; first_timestamp: string; last_timestamp: string; value_column: string }[];
};

/** `1980-01-01` and `2010-01-01T01:00:00` as the API writes them (UTC ISO). */
const toApiTime = (manifestTime: string) => new Date(`${manifestTime.length === 10 ? `${manifestTime}T00:00:00` : manifestTime}Z`).toISOString();

describe("the six public datasets import through the route", () => {
  it.each(manifest.series)("$name: $n_points points, $frequency, $first_timestamp – $last_timestamp", async (entry) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(DATASETS, entry.file)));
    const response = await route.POST(upload(bytes, {}, entry.file));
    expect(response.status).toBe(201);
    const dataset = (await response.json()) as {
      name: string;
      series: { name: string; pointCount: number; start: string; end: string; missingCount: number; frequency: { kind: string } }[];
    };
    expect(dataset.name).toBe(entry.name);
    expect(dataset.series).toHaveLength(1);
    expect(dataset.series[0]).toMatchObject({
      name: entry.value_column,
      pointCount: entry.n_points,
      start: toApiTime(entry.first_timestamp),
      end: toApiTime(entry.last_timestamp),
      missingCount: 0,
      frequency: { kind: entry.frequency },
    });
  });
});

describe("POST /api/datasets", () => {
  it("stores a wide file as one series per column and GET reports each series", async () => {
    const response = await route.POST(upload(WIDE, { name: "Regions", options: JSON.stringify({ seriesNames: { west: "West coast" } }) }));
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string };
    const got = await one.GET(new Request(`http://localhost/api/datasets/${created.id}`), { params: Promise.resolve({ id: created.id }) });
    const dataset = (await got.json()) as {
      name: string;
      series: { name: string; pointCount: number; start: string; end: string; missingCount: number; frequency: { kind: string; gapCount: number } }[];
    };
    expect(dataset.name).toBe("Regions");
    const south = (dataset as unknown as { series: { id: string }[] }).series[1]!.id;
    const read = await points.GET(new Request(`http://localhost/api/datasets/${created.id}/series/${south}/points`), {
      params: Promise.resolve({ id: created.id, seriesId: south }),
    });
    expect(await read.json()).toMatchObject({
      totalCount: 4,
      t: [Date.UTC(2024, 0, 1), Date.UTC(2024, 1, 1), Date.UTC(2024, 2, 1), Date.UTC(2024, 4, 1)],
      y: [2, null, 8, 11],
    });
    expect(dataset.series.map((s) => [s.name, s.pointCount, s.start, s.end, s.missingCount, s.frequency.kind, s.frequency.gapCount])).toEqual([
      ["north", 4, "2024-01-01T00:00:00.000Z", "2024-05-01T00:00:00.000Z", 0, "monthly", 1],
      ["south", 4, "2024-01-01T00:00:00.000Z", "2024-05-01T00:00:00.000Z", 1, "monthly", 1],
      ["West coast", 4, "2024-01-01T00:00:00.000Z", "2024-05-01T00:00:00.000Z", 0, "monthly", 1],
    ]);
  });

  it("names an ONS download by its Title row rather than its file name, unless a name is sent", async () => {
    // As the ONS website saves a series: `series-161024.csv`, label rows over the years and months.
    const ons = `${ONS_LABELS.map(([label, value]) => `"${label}","${value}"`).join("\n")}\n"2023 OCT","101.2"\n"2023 NOV","101.9"\n"2023 DEC","103.4"\n`;
    const untitled = (await (await route.POST(rawUpload(ons, { fileName: "series-161024.csv" }))).json()) as { name: string; fileName: string };
    expect([untitled.name, untitled.fileName]).toEqual(["Retail sales index", "series-161024.csv"]);
    const named = (await (await route.POST(upload(ons, { name: "UK retail" }, "series-161024.csv"))).json()) as { name: string };
    expect(named.name).toBe("UK retail");
    const plain = (await (await route.POST(rawUpload(ons.split("\n").slice(ONS_LABELS.length).join("\n"), { fileName: "series-161024.csv" }))).json()) as { name: string };
    expect(plain.name).toBe("series-161024");
  });

  it("stores a BLS file's one series by its code, and renames it by the code the preview showed", async () => {
    const text = blsFlatFile("CUUR0000SA0", 2023, Array.from({ length: 24 }, (_, i) => 299.17 + i * 0.41));
    const preview = await previewCsv(new Blob([text]), "cu.data.1.AllItems");
    expect(preview.series.map((s) => [s.detectedName, s.name])).toEqual([["CUUR0000SA0", "CUUR0000SA0"]]);
    const seriesNames = { [preview.series[0]!.detectedName]: "CPI-U, all items" };
    const renamed = (await (await route.POST(rawUpload(text, { fileName: "cu.data.1.AllItems", options: JSON.stringify({ seriesNames }) }))).json()) as { series: { name: string; pointCount: number }[] };
    expect(renamed.series.map((s) => [s.name, s.pointCount])).toEqual([["CPI-U, all items", 24]]);
    const plain = (await (await route.POST(rawUpload(text))).json()) as { series: { name: string }[] };
    expect(plain.series.map((s) => s.name)).toEqual(["CUUR0000SA0"]);
  });

  it("reports the column that named a BLS file's one series, as the preview shows it, in the answer and the stored report", async () => {
    const text = blsFlatFile("CUUR0000SA0", 2023, Array.from({ length: 24 }, (_, i) => 299.17 + i * 0.41));
    const preview = await previewCsv(new Blob([text]), "cu.data.1.AllItems");
    expect([preview.idColumn, preview.idColumns]).toEqual(["series_id", ["series_id"]]);
    type Answer = { id: string; ingest: { idColumn: string | null; idColumns: string[]; shape: string } };
    const answer = (await (await route.POST(rawUpload(text, { fileName: "cu.data.1.AllItems" }))).json()) as Answer;
    const naming = (report: Answer["ingest"]) => ({ idColumn: report.idColumn, idColumns: report.idColumns, shape: report.shape });
    // One value column, one series: still "long", with the column that names it.
    expect(naming(answer.ingest)).toEqual({ idColumn: preview.idColumn, idColumns: preview.idColumns, shape: "long" });
    const stored = (await (await one.GET(new Request(`http://localhost/api/datasets/${answer.id}`), { params: Promise.resolve({ id: answer.id }) })).json()) as Answer;
    expect(naming(stored.ingest)).toEqual({ idColumn: "series_id", idColumns: ["series_id"], shape: "long" });
    // Choosing no series name column names the series 'value' and the report no column.
    const unnamed = (await (await route.POST(rawUpload(text, { options: JSON.stringify({ idColumn: null }) }))).json()) as Answer & { series: { name: string }[] };
    expect([unnamed.series.map((s) => s.name), naming(unnamed.ingest)]).toEqual([["value"], { idColumn: null, idColumns: [], shape: "long" }]);
  });

  it("stores a USGS NWIS file's one series by its site number with the zeros, and reports the column as the preview shows it", async () => {
    const text = nwisDailyValues("01646500", Array.from({ length: 31 }, (_, i) => 12300 - 37 * i));
    const preview = await previewCsv(new Blob([text]), "dv.csv");
    type Answer = { id: string; series: { name: string; pointCount: number }[]; ingest: { idColumn: string | null; idColumns: string[]; shape: string } };
    const answer = (await (await route.POST(rawUpload(text, { fileName: "dv.csv" }))).json()) as Answer;
    expect(answer.series.map((s) => [s.name, s.pointCount])).toEqual([["01646500", 31]]);
    expect([answer.ingest.idColumn, answer.ingest.idColumns]).toEqual([preview.idColumn, preview.idColumns]);
    const stored = (await (await one.GET(new Request(`http://localhost/api/datasets/${answer.id}`), { params: Promise.resolve({ id: answer.id }) })).json()) as Answer;
    expect([stored.series.map((s) => s.name), stored.ingest.idColumn, stored.ingest.idColumns]).toEqual([["01646500"], "site_no", ["site_no"]]);
  });

  it("answers a GSOD file's missing marks with the notes the preview shows: each once, not again as empty cells", async () => {
    // No gust on every third day (the first among them), no maximum on the 4th, 11th and 18th.
    const days = Array.from({ length: 20 }, (_, i) => [41.4 + (i % 5), 5.2 + (i % 4), i % 3 === 0 ? null : 14 + (i % 6), i % 7 === 3 ? null : 46 + (i % 6)] as [number, number, number | null, number | null]);
    const text = gsodStation(days);
    const preview = await previewCsv(new Blob([text]), "72793024233.csv");
    const response = await route.POST(rawUpload(text, { fileName: "72793024233.csv" }));
    expect(response.status).toBe(201);
    const dataset = (await response.json()) as { series: { name: string; missingCount: number }[]; ingest: { issues: { kind: string; message: string }[] } };
    expect(dataset.ingest.issues).toEqual(preview.issues);
    expect(dataset.ingest.issues.filter((i) => i.kind === "missing")).toEqual([]);
    expect(dataset.ingest.issues.filter((i) => / stands for a missing reading /.test(i.message)).map((i) => i.message.split(": ")[0])).toEqual([
      "999.9 stands for a missing reading in column `GUST`",
      "9999.9 stands for a missing reading in column `MAX`",
    ]);
    expect(dataset.series.map((s) => [s.name, s.missingCount])).toEqual([["TEMP", 0], ["WDSP", 0], ["GUST", 6], ["MAX", 3]]);
  });

  it("honours the preview's choices: value columns, id column, date order", async () => {
    const csv = "site,date,reading,spare\nA,01/02/2024,1,9\nB,01/02/2024,2,9\nA,02/02/2024,3,9\nB,02/02/2024,4,9\n";
    const options = { valueColumns: ["reading"], idColumn: "site", dateOrder: "dmy", seriesNames: { A: "Site A" } };
    const response = await route.POST(upload(csv, { options: JSON.stringify(options) }));
    expect(response.status).toBe(201);
    const dataset = (await response.json()) as { series: { name: string; start: string; end: string; frequency: { kind: string } }[] };
    expect(dataset.series.map((s) => [s.name, s.start, s.end, s.frequency.kind])).toEqual([
      ["Site A", "2024-02-01T00:00:00.000Z", "2024-02-02T00:00:00.000Z", "daily"],
      ["B", "2024-02-01T00:00:00.000Z", "2024-02-02T00:00:00.000Z", "daily"],
    ]);
  });

  it("takes the columns that name the series together, and stores which they were", async () => {
    // A row per region × product × day: neither column alone makes each day's row its series' only one.
    const csv = "region,product,date,units\n" + ["2024-01-01", "2024-01-02"].flatMap((d, k) => ["N,a", "N,b", "S,a", "S,b"].map((rp, i) => `${rp},${d},${i + 10 * k}`)).join("\n");
    const response = await route.POST(upload(csv, { options: JSON.stringify({ idColumns: ["product", "region"] }) }));
    expect(response.status).toBe(201);
    const dataset = (await response.json()) as { series: { name: string }[]; ingest: { idColumn: string; idColumns: string[] } };
    expect(dataset.series.map((s) => s.name)).toEqual(["a · N", "b · N", "a · S", "b · S"]);
    expect([dataset.ingest.idColumn, dataset.ingest.idColumns]).toEqual(["product", ["product", "region"]]);
  });

  it("groups an event log by day when asked, and stores the daily series with its notes and time format", async () => {
    const log = "timestamp,amount\n2025-03-03 09:14,12.5\n2025-03-03 13:02,8\n2025-03-03 13:02,9\n2025-03-04 10:41,20.25\n2025-03-06 11:30,4.75\n";
    const response = await route.POST(rawUpload(log, { fileName: "sales.csv", options: JSON.stringify({ aggregate: { period: "day" } }) }));
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string; series: { id: string; pointCount: number; startLabel: string; endLabel: string; frequency: { kind: string; seasonLength: number }; timeFormat: unknown }[]; ingest: { issues: { message: string }[] } };
    const [series] = created.series;
    expect([series?.pointCount, series?.startLabel, series?.endLabel, series?.frequency.kind, series?.frequency.seasonLength]).toEqual([4, "2025-03-03", "2025-03-06", "daily", 7]);
    expect(series?.timeFormat).toEqual({ kind: "pattern", pattern: "%Y-%m-%d" });
    // `by` defaults to a sum.
    expect(created.ingest.issues.map((i) => i.message)).toContain("Rows were added up by day: 5 rows → 4 days (3 Mar 2025 – 6 Mar 2025).");
    const read = await points.GET(new Request(`http://localhost/api/datasets/${created.id}/series/${series?.id}/points`), {
      params: Promise.resolve({ id: created.id, seriesId: series?.id as string }),
    });
    expect(await read.json()).toMatchObject({ t: [Date.UTC(2025, 2, 3), Date.UTC(2025, 2, 4), Date.UTC(2025, 2, 5), Date.UTC(2025, 2, 6)], y: [29.5, 20.25, 0, 4.75] });
  });

  it.each(MALFORMED.flatMap(([name, bytes, error]) => [
    [`${name} (multipart)`, () => upload(bytes), error] as const,
    [`${name} (streamed body)`, () => rawUpload(bytes), error] as const,
  ]))("refuses %s with 422 and stores nothing", async (_name, request, error) => {
    await expectRefused(request(), 422, error);
  });

  it.each([
    [
      "a JSON body",
      400,
      "Send the CSV as multipart/form-data with the file in a field named `file`, or as the body with Content-Type text/csv.",
      () => new Request("http://localhost/api/datasets", { method: "POST", body: "{}", headers: { "content-type": "application/json" } }),
    ],
    [
      "no file field",
      400,
      "No file was sent. Put the CSV in a form field named `file`.",
      () => {
        const form = new FormData();
        form.set("name", "x");
        return new Request("http://localhost/api/datasets", { method: "POST", body: form });
      },
    ],
    ["options that are not JSON", 400, "The `options` field is not valid JSON.", () => upload("date,v\n2024-01-01,1\n", { options: "{" })],
    // An array or a string was spread into the options and refused for keys "0", "1" the sender never wrote.
    ["options that are a JSON array", 422, OPTIONS_OBJECT, () => upload("date,v\n2024-01-01,1\n", { options: "[1,2]" })],
    ["options that are a JSON string", 422, OPTIONS_OBJECT, () => upload("date,v\n2024-01-01,1\n", { options: '"dmy"' })],
    [
      "an option naming a column the file lacks",
      422,
      "There is no column `sales`. The columns are `date`, `v`.",
      () => upload("date,v\n2024-01-01,1\n", { options: JSON.stringify({ valueColumns: ["sales"] }) }),
    ],
    [
      "an unknown option",
      422,
      "The `options` field is not valid: `delimiter` is not a field of `options`; it takes `name`, `timeColumn`, `valueColumns`, `idColumn`, `idColumns`, `dateOrder`, `decimal`, `repeatedTimes`, `aggregate`, `seriesNames`.",
      () => upload("date,v\n2024-01-01,1\n", { options: JSON.stringify({ delimiter: ";" }) }),
    ],
    [
      "an unknown period to group by",
      422,
      'The `options` field is not valid: `aggregate.period` must be one of `hour`, `day`, `week`, `month`, `quarter`, `year` (got "fortnight").',
      () => upload("date,v\n2024-01-01,1\n", { options: JSON.stringify({ aggregate: { period: "fortnight", by: "sum" } }) }),
    ],
    [
      "a period finer than the file's",
      422,
      "The file is monthly, so its rows cannot be grouped by day: a day is shorter than the step between them. Choose a longer period (quarter or year).",
      () => upload(WIDE, { options: JSON.stringify({ aggregate: { period: "day", by: "mean" } }) }),
    ],
    [
      // Ignored, a misspelt `name` left the dataset named after its file without a word.
      "a query parameter the upload does not take",
      422,
      "The request is not valid: `nmae` is not a parameter of this address; it takes `fileName`, `name`, `options`.",
      () => rawUpload("date,v\n2024-01-01,1\n", { fileName: "sales.csv", nmae: "Sales" }),
    ],
    [
      "a name with a control character, as a query parameter",
      422,
      "The request is not valid: `name` has the control character U+0000 at character 2; remove it.",
      () => rawUpload("date,v\n2024-01-01,1\n", { name: "a\u0000b" }),
    ],
    [
      "a name with a control character, as a form field",
      422,
      "The request is not valid: `name` has the control character U+0007 at character 2; remove it.",
      () => upload("date,v\n2024-01-01,1\n", { name: "a\u0007b" }),
    ],
    [
      // Dropped, `?name=Sales` left the dataset named after its file without a word.
      "query parameters on a form upload",
      422,
      "A form upload takes no query parameters (`name`, `options` were sent): send them as form fields beside `file`.",
      () => {
        const form = new FormData();
        form.set("file", new File(["date,v\n2024-01-01,1\n"], "upload.csv", { type: "text/csv" }));
        return new Request("http://localhost/api/datasets?name=Sales&options=%7B%7D", { method: "POST", body: form });
      },
    ],
    ["an option of the wrong kind", 422, "The `options` field is not valid: `valueColumns` must be an array, not text (got \"v\").", () => upload("date,v\n2024-01-01,1\n", { options: JSON.stringify({ valueColumns: "v" }) })],
  ] as const)("answers %s with %i and stores nothing", async (_name, status, error, request) => {
    await expectRefused(request(), status, error);
  });

  it("answers 413 above MAX_UPLOAD_MB, before reading the file", async () => {
    await withUploadLimit(1, () => expectRefused(upload(DUPLICATED_DAYS), 413, TOO_LARGE));
  });

  it("an import interrupted while writing points leaves nothing behind (one transaction)", async () => {
    const before = counts();
    // The second series' points fail to insert, as a crash or a full disk would make them.
    raw.exec(`CREATE TRIGGER interrupt_import BEFORE INSERT ON SeriesPoints
      WHEN (SELECT count(*) FROM SeriesPoints) >= ${before.points + 1}
      BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END;`);
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const response = await route.POST(upload(WIDE));
      expect(response.status).toBe(500);
      expect(((await response.json()) as { error: string }).error).toMatch(/Nothing was changed/);
      expect(log).toHaveBeenCalledOnce();
    } finally {
      raw.exec("DROP TRIGGER interrupt_import");
      log.mockRestore();
    }
    expect(counts()).toEqual(before);
  });

  it("takes the CSV as a streamed body with the name, file name and options in the query", async () => {
    const response = await route.POST(
      rawUpload(WIDE, { fileName: "regions.csv", options: JSON.stringify({ valueColumns: ["north", "west"], seriesNames: { north: "N" } }) }),
    );
    expect(response.status).toBe(201);
    const dataset = (await response.json()) as { name: string; fileName: string; series: { name: string; pointCount: number }[] };
    expect([dataset.name, dataset.fileName, dataset.series.map((s) => [s.name, s.pointCount])]).toEqual(["regions", "regions.csv", [["N", 4], ["west", 4]]]);
  });

  it("answers 413 while a streamed body without Content-Length grows past the limit", async () => {
    await withUploadLimit(1, () => expectRefused(rawUpload(DUPLICATED_DAYS), 413, TOO_LARGE));
  });
});

describe("a streamed upload whose connection drops", () => {
  it("answers 400 (not a server fault) and stores nothing", async () => {
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // The first piece of the file arrives, then the connection resets.
        if (!sent) controller.enqueue(new TextEncoder().encode("date,v\n2024-01-01,1\n2024-01-02,"));
        else controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
        sent = true;
      },
    });
    const request = new Request("http://localhost/api/datasets", {
      method: "POST",
      body,
      headers: { "content-type": "text/csv" },
      duplex: "half",
    } as RequestInit);
    await expectRefused(request, 400, "The upload was cut off before the whole file arrived, so nothing was stored. Upload the file again.");
  });
});

describe("GET …/points names a bad query", () => {
  it.each([
    ["from=2021-06-01&to=2021-01-01", "The request is not valid: `from` (2021-06-01T00:00:00.000Z) is after `to` (2021-01-01T00:00:00.000Z); swap them."],
    ["from=99999999999999999999", "The request is not valid: `from` must be epoch milliseconds or an ISO date, such as 2024-01-31."],
    ["maxPoints=", "The request is not valid: `maxPoints` must be a whole number of points from 3 to 1,000,000."],
    ["maxPoints=3.5", "The request is not valid: `maxPoints` must be a whole number of points from 3 to 1,000,000."],
    ["maxPoints=NaN", "The request is not valid: `maxPoints` must be a whole number of points from 3 to 1,000,000."],
    ["from=2021-01-01&max=500", "The request is not valid: `max` is not a parameter of this address; it takes `from`, `to`, `maxPoints`."],
  ])("?%s", async (query, error) => {
    const created = (await (await route.POST(rawUpload("date,v\n2021-01-01,1\n2021-02-01,2\n2021-03-01,3\n"))).json()) as { id: string; series: { id: string }[] };
    const seriesId = created.series[0]?.id as string;
    const read = await points.GET(new Request(`http://localhost/api/datasets/${created.id}/series/${seriesId}/points?${query}`), {
      params: Promise.resolve({ id: created.id, seriesId }),
    });
    expect(read.status).toBe(422);
    expect(await read.json()).toEqual({ error });
  });
});
