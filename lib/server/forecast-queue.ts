import type { RunProgressDto } from "../series/run-schema";

/**
 * The order of server-side forecasts in this process: the runs training and the ones waiting for
 * a thread. lib/server/forecast-jobs.ts runs them; the reads of a run (lib/server/runs.ts) ask it
 * where a queued run stands, which is why it lives apart from the threads.
 */
export interface ForecastQueue<J extends { runId: string }> {
  queue: J[];
  active: Map<string, J>;
  finishing: Set<Promise<unknown>>;
}

// One queue per process, kept across the dev server's module reloads.
const globalJobs = globalThis as unknown as { tidecastForecastJobs?: ForecastQueue<{ runId: string }> };

/** This process's queue, typed as its owner fills it. */
export function forecastQueue<J extends { runId: string }>(): ForecastQueue<J> {
  return (globalJobs.tidecastForecastJobs ??= { queue: [], active: new Map(), finishing: new Set() }) as unknown as ForecastQueue<J>;
}

/** What a run reports while it waits for a thread. */
export function toQueuedProgress(ahead: number): RunProgressDto {
  return {
    stage: "queued",
    label: ahead > 0 ? `Queued behind ${ahead} server-side ${ahead === 1 ? "run" : "runs"}` : "Starting",
    percent: 0,
    model: 0,
    models: 0,
    epoch: 0,
    epochs: 0,
    elapsedMs: 0,
    etaMs: 0,
    backend: null,
  };
}

/**
 * A queued run's progress as of now: the label written when it was queued counted the runs ahead
 * then ("Queued behind 7 server-side runs"), and they finish while it waits.
 * @param stored the progress in the run's row
 * @returns the runs now ahead of it (training, and waiting before it), "Starting" once it has a
 *   thread and its first report is not yet written; `stored` when this process does not hold it
 */
export function currentQueuedProgress(runId: string, stored: RunProgressDto | null): RunProgressDto | null {
  const jobs = forecastQueue();
  if (jobs.active.has(runId)) return toQueuedProgress(0);
  const place = jobs.queue.findIndex((j) => j.runId === runId);
  return place < 0 ? stored : toQueuedProgress(jobs.active.size + place);
}
