/**
 * The page's side of the JSON API: reading answers (every error comes as `{ error }`, a sentence
 * for the analyst) and the requests more than one component makes. Plain fetch, no React.
 */
import type { SeriesDto, SeriesPointsDto } from "../series/schema";

/** A request that failed: the answer's HTTP status, or 0 when no answer came (offline, server down). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/**
 * `fetch`, where a request that gets no answer throws an ApiError (status 0) naming what was asked
 * and what to check: the browser's own "Failed to fetch" says neither.
 * @param what what is asked, for the message ("Saving the run")
 */
export async function fetchApi(url: string, init: RequestInit | undefined, what: string): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (err) {
    if (init?.signal?.aborted) throw err;
    throw new ApiError(`${what} failed: the server could not be reached. Check the network connection and that Tidecast is running, then try again.`, 0);
  }
}

/**
 * The body of a JSON answer, or an ApiError with the server's sentence and the status.
 * @param what what was asked, for the message when the server gave no sentence ("Loading Sales")
 */
export async function readJson<T>(response: Response, what = "The request"): Promise<T> {
  const body = (await response.json().catch(() => null)) as T | { error?: unknown } | null;
  if (response.ok && body !== null) return body as T;
  const error = typeof body === "object" && body !== null && "error" in body && typeof body.error === "string" ? body.error : null;
  throw new ApiError(error ?? `${what} failed (HTTP ${response.status}).`, response.status);
}

/**
 * Sets the unit of a series' values (PATCH …/series/<id>); null removes it.
 * @returns the unit as stored (trimmed; null when removed)
 */
export async function saveSeriesUnit(datasetId: string, seriesId: string, seriesName: string, unit: string | null): Promise<string | null> {
  const what = `Saving the unit of ${seriesName}`;
  const init: RequestInit = { method: "PATCH", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ unit }) };
  return (await readJson<SeriesDto>(await fetchApi(`/api/datasets/${datasetId}/series/${seriesId}`, init, what), what)).unit;
}

/** Every stored point of a series (GET …/series/<id>/points). */
export async function fetchSeriesPoints(datasetId: string, seriesId: string, seriesName: string): Promise<SeriesPointsDto> {
  const what = `Loading ${seriesName}`;
  return readJson<SeriesPointsDto>(await fetchApi(`/api/datasets/${datasetId}/series/${seriesId}/points`, undefined, what), what);
}

/** A saved run's model as encodeSavedModel bytes (GET /api/runs/<id>/model). */
export async function fetchModelBytes(runId: string): Promise<ArrayBuffer> {
  const response = await fetchApi(`/api/runs/${runId}/model`, undefined, "Loading the model");
  if (!response.ok) await readJson<never>(response, "Loading the model");
  return response.arrayBuffer();
}
