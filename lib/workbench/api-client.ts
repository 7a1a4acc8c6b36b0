/**
 * The page's side of the JSON API: reading answers (every error comes as `{ error }`, a sentence
 * for the analyst) and the requests more than one component makes. Plain fetch, no React.
 */
import type { SeriesPointsDto } from "../series/schema";

/**
 * The body of a JSON answer, or an Error with the server's sentence.
 * @param what what was asked, for the message when the server gave no sentence ("Loading Sales")
 */
export async function readJson<T>(response: Response, what = "The request"): Promise<T> {
  const body = (await response.json().catch(() => null)) as T | { error?: unknown } | null;
  if (response.ok && body !== null) return body as T;
  const error = typeof body === "object" && body !== null && "error" in body && typeof body.error === "string" ? body.error : null;
  throw new Error(error ?? `${what} failed (HTTP ${response.status}).`);
}

/** Every stored point of a series (GET …/series/<id>/points). */
export async function fetchSeriesPoints(datasetId: string, seriesId: string, seriesName: string): Promise<SeriesPointsDto> {
  return readJson<SeriesPointsDto>(await fetch(`/api/datasets/${datasetId}/series/${seriesId}/points`), `Loading ${seriesName}`);
}

/** A saved run's model as encodeSavedModel bytes (GET /api/runs/<id>/model). */
export async function fetchModelBytes(runId: string): Promise<ArrayBuffer> {
  const response = await fetch(`/api/runs/${runId}/model`);
  if (!response.ok) await readJson<never>(response, "Loading the model");
  return response.arrayBuffer();
}
