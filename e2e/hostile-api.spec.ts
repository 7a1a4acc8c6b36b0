import fs from "node:fs";
import http from "node:http";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { forecastOnServer, MONTHLY, uploadCsv, waitForRun } from "./helpers";

/**
 * Requests a careless or hostile client sends: each answers a 4xx JSON error naming what to
 * change, stores nothing, and leaves the server answering.
 */

async function expectJsonError(response: APIResponse, status: number, error: RegExp) {
  expect(response.status()).toBe(status);
  expect(response.headers()["content-type"]).toContain("application/json");
  const body = (await response.json()) as { error: string };
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error).toMatch(error);
}

async function datasetCount(request: APIRequestContext): Promise<number> {
  return ((await (await request.get("/api/datasets")).json()) as { datasets: unknown[] }).datasets.length;
}

async function runCount(request: APIRequestContext, datasetId: string): Promise<number> {
  return ((await (await request.get(`/api/datasets/${datasetId}/runs`)).json()) as { runs: unknown[] }).runs.length;
}

/** A body sent in chunks: `head`, then `fill` repeated in 1 MB chunks, then `tail`. */
interface ChunkedBody {
  contentType: string;
  head: string;
  fill: string;
  tail: string;
}

const MULTIPART_BOUNDARY = "----tidecast-hostile";
/** A CSV file in a form field, rows of `2024-01-01,1`. */
const MULTIPART_CSV: ChunkedBody = {
  contentType: `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`,
  head: `--${MULTIPART_BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`,
  fill: "2024-01-01,1\n",
  tail: `\r\n--${MULTIPART_BOUNDARY}--\r\n`,
};

/**
 * POSTs a body of `total` bytes in chunks, without Content-Length (chunked), as a client that
 * does not say the size up front does, and stops sending once the server answers.
 * @returns the status, the error and how many bytes were sent before the answer came
 */
function postChunked(url: URL, total: number, body: ChunkedBody): Promise<{ status: number; error: string; sent: number }> {
  const chunk = Buffer.alloc(1024 * 1024, body.fill);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request(url, { method: "POST", headers: { "content-type": body.contentType, "transfer-encoding": "chunked" } });
    req.on("response", (response) => {
      answered = true;
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (d: string) => (text += d));
      response.on("end", () => {
        req.destroy();
        resolve({ status: response.statusCode ?? 0, error: (JSON.parse(text) as { error: string }).error, sent });
      });
    });
    req.on("error", (err) => (answered ? undefined : reject(err)));
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end(body.tail);
    };
    req.write(body.head);
    pump();
  });
}

test("a multipart upload without Content-Length is refused at the limit, not read whole first", async ({ request, baseURL }) => {
  const before = await datasetCount(request);
  // 300 MB against the 100 MB limit: the answer must come once the limit is passed.
  const answer = await postChunked(new URL("/api/datasets", baseURL), 300 * 1024 * 1024, MULTIPART_CSV);
  expect(answer.status).toBe(413);
  expect(answer.error).toBe("The file is larger than the 100 MB upload limit. Split it, or raise MAX_UPLOAD_MB on the server.");
  expect(answer.sent).toBeLessThan(200 * 1024 * 1024);
  expect(await datasetCount(request)).toBe(before);

  const { id } = await uploadCsv(request, "hostile-runs", fs.readFileSync(MONTHLY));
  const run = await postChunked(new URL(`/api/datasets/${id}/runs`, baseURL), 300 * 1024 * 1024, MULTIPART_CSV);
  expect(run.status).toBe(413);
  expect(run.error).toMatch(/^The run is too large to save \(over 96 MB\)/);
  expect(run.sent).toBeLessThan(200 * 1024 * 1024);
  expect(await runCount(request, id)).toBe(0);
});

test("a forecast request without Content-Length is refused at 64 kB, not read whole first", async ({ request, baseURL }) => {
  const { id } = await uploadCsv(request, "hostile-forecast-body", fs.readFileSync(MONTHLY));
  // 300 MB of JSON whitespace against the 64 kB a few settings take: read whole, it held 1.3 GB of memory.
  const answer = await postChunked(new URL(`/api/datasets/${id}/forecast`, baseURL), 300 * 1024 * 1024, { contentType: "application/json", head: '{"horizon": 3', fill: " ", tail: "}" });
  expect(answer.status).toBe(413);
  expect(answer.error).toMatch(/^The request body is over 64 kB/);
  expect(answer.sent).toBeLessThan(100 * 1024 * 1024);
  expect(await runCount(request, id)).toBe(0);
  expect((await request.get("/api/datasets")).status()).toBe(200);
});

test("OPTIONS names the methods each route takes, the same as its 405", async ({ request }) => {
  const { id, series } = await uploadCsv(request, "hostile-options", fs.readFileSync(MONTHLY));
  const routes: [string, string][] = [
    ["/api/datasets", "GET, HEAD, POST, OPTIONS"],
    [`/api/datasets/${id}`, "GET, HEAD, DELETE, OPTIONS"],
    [`/api/datasets/${id}/forecast`, "POST, OPTIONS"],
    [`/api/datasets/${id}/runs`, "GET, HEAD, POST, OPTIONS"],
    [`/api/datasets/${id}/series/${series[0]?.id}.csv`, "GET, HEAD, OPTIONS"],
    [`/api/datasets/${id}/series/${series[0]?.id}`, "PATCH, OPTIONS"],
    [`/api/datasets/${id}/series/${series[0]?.id}/points`, "GET, HEAD, OPTIONS"],
    ["/api/runs/nope", "GET, HEAD, DELETE, OPTIONS"],
    ["/api/runs/nope/forecast.csv", "GET, HEAD, OPTIONS"],
    ["/api/runs/nope/forecast.json", "GET, HEAD, OPTIONS"],
    ["/api/runs/nope/chart.svg", "GET, HEAD, OPTIONS"],
    ["/api/runs/nope/chart.png", "GET, HEAD, OPTIONS"],
    ["/api/runs/nope/model", "GET, HEAD, OPTIONS"],
    ["/api/runs/nope/model.zip", "GET, HEAD, OPTIONS"],
  ];
  for (const [path, allow] of routes) {
    const options = await request.fetch(path, { method: "OPTIONS" });
    expect(options.status(), path).toBe(204);
    expect(options.headers()["allow"], path).toBe(allow);
    const refused = await request.fetch(path, { method: allow.includes("PATCH") ? "PUT" : "PATCH" });
    expect(refused.status(), path).toBe(405);
    expect(refused.headers()["allow"], path).toBe(allow);
  }
});

test("a URL with broken percent-encoding answers 400 JSON, not a plain-text 500", async ({ request }) => {
  for (const path of ["/api/datasets/%E0%A4%A", "/api/datasets/%", "/api/runs/%zz/forecast.csv", "/datasets/%"]) {
    await expectJsonError(await request.get(path), 400, /^The address has a `%` that does not start a valid escape/);
  }
  expect((await request.get("/api/datasets")).status()).toBe(200);
});

test("a body of more than 10 MB sent without Content-Length arrives whole: the path check never buffers bodies", async ({ baseURL }) => {
  // Next buffers a body for a proxy and cuts it at 10 MB: the form would lose its closing boundary
  // (400, unreadable). Whole, the file is read, and its rows (cut at 1 MB chunks) refused by row.
  const answer = await postChunked(new URL("/api/datasets", baseURL), 20 * 1024 * 1024, MULTIPART_CSV);
  expect(answer.status).toBe(422);
  expect(answer.error).toMatch(/^Row [\d,]+, column/);
});

test("names with control characters are refused; a name taken from a file name is cleaned and kept short", async ({ request }) => {
  const csv = "date,visits\n2024-01-01,1\n2024-01-02,2\n2024-01-03,3\n";
  const before = await datasetCount(request);
  const post = (query: string) => request.post(`/api/datasets?${query}`, { data: csv, headers: { "content-type": "text/csv" } });
  await expectJsonError(await post("name=a%00b"), 422, /^The request is not valid: `name` has the control character U\+0000/);
  await expectJsonError(await post(`options=${encodeURIComponent(JSON.stringify({ seriesNames: { visits: "a\u0007b" } }))}`), 422, /^The `options` field is not valid: `seriesNames\.visits` has the control character U\+0007/);
  expect(await datasetCount(request)).toBe(before);

  // Emoji and right-to-left text are names like any other.
  const rtl = await post(`name=${encodeURIComponent("زيارات 📈")}`);
  expect(rtl.status()).toBe(201);
  expect(((await rtl.json()) as { name: string }).name).toBe("زيارات 📈");
  const fromFile = await post(`fileName=${encodeURIComponent(`../..\u0000/${"v".repeat(500)}\r\n.csv`)}`);
  expect(fromFile.status()).toBe(201);
  const { name } = (await fromFile.json()) as { name: string };
  expect(name).toBe("v".repeat(200));
});

test("forecast settings the forecaster would refuse answer 422 at once, and no run is stored", async ({ request }) => {
  const { id } = await uploadCsv(request, "hostile-settings", fs.readFileSync(MONTHLY));
  const start = (config: object) => request.post(`/api/datasets/${id}/forecast`, { data: { horizon: 3, config } });
  await expectJsonError(await start({ learningRate: 2 }), 422, /^Setting "learningRate" must be between 0 and 1 \(got 2\)\.$/);
  await expectJsonError(await start({ dropout: 1 }), 422, /^Setting "dropout" must be at least 0 and below 1/);
  await expectJsonError(await start({ lookback: 6, patchLength: 4 }), 422, /must be a multiple of "patchLength"/);
  await expectJsonError(await start({ units: 1_000_000_000 }), 422, /^The network would have [\d,]+ weights, more than the 100,000,000 one training holds in memory; lower `units`, `layers` or `ensembleSize`\.$/);
  expect(await runCount(request, id)).toBe(0);
});

test("a horizon longer than the history answers 422 naming the limit; no run is stored and the server keeps answering", async ({ request }) => {
  const { id } = await uploadCsv(request, "hostile-horizon", fs.readFileSync(MONTHLY));
  await expectJsonError(
    await request.post(`/api/datasets/${id}/forecast`, { data: { horizon: 100_000 } }),
    422,
    /^The horizon may be at most 72 steps, the length of the history \(got 100,000\)\. Choose a horizon of at most 72 steps, or upload a longer history\.$/,
  );
  expect(await runCount(request, id)).toBe(0);
  expect((await request.get(`/api/datasets/${id}`)).status()).toBe(200);
});

test("a header of 20,000 characters names its series in 200, with an ellipsis and a note; one over 256 kB is still refused", async ({ request }) => {
  const header = `${"Visitors to the northern region ".repeat(625).trimEnd()}.`;
  const rows = Array.from({ length: 24 }, (_, i) => `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")},${i + 1},${i + 2}`);
  const response = await request.post("/api/datasets?fileName=long-header.csv", { data: [`month,${header},${header}`, ...rows].join("\n"), headers: { "content-type": "text/csv" } });
  expect(response.status()).toBe(201);
  const dataset = (await response.json()) as { series: { name: string }[]; ingest: { issues: { kind: string; message: string }[] } };
  const names = dataset.series.map((s) => s.name);
  expect(names).toEqual([`${header.slice(0, 199).trimEnd()}…`, `${header.slice(0, 195).trimEnd()}… (2)`]);
  expect(dataset.ingest.issues).toContainEqual({ kind: "note", message: expect.stringMatching(/^2 series names read from the file were longer than the 200 characters a name may have \(the longest 20,000\), so they were cut: /) });

  const before = await datasetCount(request);
  const huge = await request.post("/api/datasets", { data: `month,${"v".repeat(300 * 1024)}\n2024-01,1\n`, headers: { "content-type": "text/csv" } });
  await expectJsonError(huge, 422, /^The first line is longer than 256 kB\./);
  expect(await datasetCount(request)).toBe(before);
});

test("values beyond ±1e100 are refused by row and column, not trained into a learning-rate hint; nothing is stored", async ({ request }) => {
  const rows = Array.from({ length: 60 }, (_, i) => `${2016 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")},${i % 2 ? "1.7e308" : "-1.7e308"}`);
  const before = await datasetCount(request);
  const response = await request.post("/api/datasets", { data: ["month,extreme", ...rows].join("\n"), headers: { "content-type": "text/csv" } });
  await expectJsonError(
    response,
    422,
    /^Row 2, column `extreme`: `-1\.7e308` is beyond ±1e100, the largest values Tidecast can forecast\. Write the column in a larger unit \(divide its values by a power of ten\) and upload it again\.$/,
  );
  expect(await datasetCount(request)).toBe(before);
  // Beyond float32 is no limit: 1e40 is read and forecast.
  const { id } = await uploadCsv(request, "luminosity", ["month,luminosity", ...rows.map((r, i) => `${r.split(",")[0]},${(1 + (i % 12) / 10 + i / 100) * 1e40}`)].join("\n"));
  const started = await request.post(`/api/datasets/${id}/forecast`, { data: { horizon: 3, config: { epochs: 2, units: 4, ensembleSize: 1, patience: 2 } } });
  expect(started.status()).toBe(202);
  const run = await waitForRun(request, ((await started.json()) as { id: string }).id);
  expect(run.status).toBe("done");
});

test("a saved run's `model` must be the model's bytes, and `run` must be text", async ({ request }) => {
  const { id } = await uploadCsv(request, "hostile-save", fs.readFileSync(MONTHLY));
  await expectJsonError(await request.post(`/api/datasets/${id}/runs`, { multipart: { run: "{}", model: "not bytes" } }), 400, /^The field `model` must be the model file's bytes/);
  await expectJsonError(
    await request.post(`/api/datasets/${id}/runs`, { multipart: { run: { name: "run.json", mimeType: "application/json", buffer: Buffer.from("{}") } } }),
    400,
    /^The field `run` must be text \(the run as JSON\), not a file\.$/,
  );
  expect(await runCount(request, id)).toBe(0);
});

test("a saved run whose forecast contradicts itself is refused with 422, and nothing is stored", async ({ request }) => {
  const { id } = await uploadCsv(request, "hostile-save-forecast", fs.readFileSync(MONTHLY));
  const runId = await forecastOnServer(request, id, { horizon: 3, config: { epochs: 2, units: 4, ensembleSize: 1, patience: 2 } });
  const { status, startedAt, finishedAt, elapsedMs, config, mode, horizon, seasonLength, backend, history, series } = (await (await request.get(`/api/runs/${runId}`)).json()) as Record<string, unknown>;
  type Band = Record<"mean" | "lower80" | "upper80" | "lower95" | "upper95", (number | null)[]>;
  type Saved = { chosen: string; times: number[]; forecasts: Record<string, Band> };
  /** The finished run saved again as the page saves one, `change` made to its first series first. */
  const save = (change: (s: Saved) => void) => {
    const body = structuredClone({ status, startedAt, finishedAt, elapsedMs, config, mode, horizon, seasonLength, backend, history, series });
    change((body.series as Saved[])[0] as Saved);
    return request.post(`/api/datasets/${id}/runs`, { multipart: { run: JSON.stringify(body) } });
  };
  expect((await save(() => {})).status()).toBe(201);
  const before = await runCount(request, id);

  await expectJsonError(
    await save((s) => {
      const band = s.forecasts[s.chosen] as Band;
      [band.lower95, band.upper95] = [band.upper95, band.lower95];
    }),
    422,
    /^The request is not valid: `series\.0\.forecasts\.\w+` has bounds out of order at step 1; they must read lower95 ≤ lower80 ≤ mean ≤ upper80 ≤ upper95\.$/,
  );
  await expectJsonError(
    await save((s) => {
      const band = s.forecasts[s.chosen] as Band;
      band.mean = band.mean.slice(1);
    }),
    422,
    /^The request is not valid: `series\.0\.forecasts\.\w+\.mean` has 2 steps; the series has 3 forecast times\.$/,
  );
  await expectJsonError(
    await save((s) => delete s.forecasts[s.chosen]),
    422,
    /^The request is not valid: `series\.0\.chosen` is `\w+`, which has no forecast in `forecasts`\.$/,
  );
  await expectJsonError(await save((s) => (s.times = s.times.slice(1))), 422, /^The request is not valid: `series\.0\.times` has 2 times; `horizon` is 3\.$/);
  expect(await runCount(request, id)).toBe(before);
});

test("server-side forecasts queue up to a limit: past it, 429 and nothing stored; deleting the dataset frees the queue", async ({ request }) => {
  const dataset = await uploadCsv(request, "hostile-queue", fs.readFileSync(MONTHLY));
  const long = { horizon: 6, config: { epochs: 2000, patience: 2000, units: 16 } };
  let accepted = 0;
  let refused: APIResponse | null = null;
  // One trains and 20 wait; a script posting in a loop is told to wait instead of queueing hours of work.
  for (let i = 0; i < 30 && !refused; i++) {
    const response = await request.post(`/api/datasets/${dataset.id}/forecast`, { data: long });
    if (response.status() === 202) accepted++;
    else refused = response;
  }
  expect(refused).not.toBeNull();
  expect(accepted).toBeGreaterThanOrEqual(20);
  await expectJsonError(refused as APIResponse, 429, /^20 server-side forecasts are already waiting for a thread, so no run was started\. Send the request again when one has finished/);
  expect(await runCount(request, dataset.id)).toBe(accepted);

  expect((await request.delete(`/api/datasets/${dataset.id}`)).status()).toBe(204);
  const next = await uploadCsv(request, "hostile-queue-after", fs.readFileSync(MONTHLY));
  const run = await forecastOnServer(request, next.id, { horizon: 3, config: { epochs: 2, units: 4, ensembleSize: 1, patience: 2 } });
  expect(run).toBeTruthy();
});
