"use client";

import { useCallback, useEffect, useState } from "react";
import { isFinishedRun, type PendingRunDto, type RunDto, type RunSummaryDto } from "@/lib/series/run-schema";
import { fetchApi, readJson } from "@/lib/workbench/api-client";
import { toErrorMessage } from "@/lib/to-error-message";

/** How often the list is fetched again while a server-side run is queued or running (ms). */
const PENDING_POLL_MS = 2000;

const isPending = (run: RunSummaryDto) => run.status === "queued" || run.status === "running";

/**
 * The dataset's saved runs: the list (kept current while server-side runs train), the opened runs (cached), delete.
 * @param initialRun a run the page already holds (opened without fetching it)
 */
export function useRuns(datasetId: string, initial: RunSummaryDto[], initialRun: RunDto | null = null) {
  const [runs, setRuns] = useState(initial);
  const [opened, setOpened] = useState<Record<string, RunDto>>(() => (initialRun ? { [initialRun.id]: initialRun } : {}));
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const body = await readJson<{ runs: RunSummaryDto[] }>(await fetchApi(`/api/datasets/${datasetId}/runs`, undefined, "Loading the runs"));
    setRuns(body.runs);
  }, [datasetId]);

  /** Fetches a run (once) and returns it. */
  const load = useCallback(
    async (id: string): Promise<RunDto | null> => {
      if (opened[id]) return opened[id];
      try {
        const run = await readJson<RunDto | PendingRunDto>(await fetchApi(`/api/runs/${id}`, undefined, "Loading the run"));
        if (!isFinishedRun(run)) {
          setError(run.status === "failed" ? `This run failed: ${run.failure ?? "no reason was recorded."}` : `This run is ${run.status}; it opens when it is done.`);
          return null;
        }
        setOpened((o) => ({ ...o, [id]: run }));
        setError(null);
        return run;
      } catch (err) {
        setError(`Could not open the run: ${toErrorMessage(err)}`);
        return null;
      }
    },
    [opened],
  );

  /** A run saved just now: list it and keep it opened without fetching it again. */
  const add = useCallback(
    (run: RunDto) => {
      setOpened((o) => ({ ...o, [run.id]: run }));
      void refresh().catch(() => setRuns((list) => [run, ...list]));
    },
    [refresh],
  );

  const remove = useCallback(async (id: string) => {
    try {
      const response = await fetchApi(`/api/runs/${id}`, { method: "DELETE" }, "Deleting the run");
      if (!response.ok && response.status !== 404) await readJson(response);
      setRuns((list) => list.filter((r) => r.id !== id));
      setOpened(({ [id]: _gone, ...rest }) => rest);
      setError(null);
    } catch (err) {
      setError(`Could not delete the run: ${toErrorMessage(err)}`);
    }
  }, []);

  const pending = runs.some(isPending);
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => void refresh().catch(() => undefined), PENDING_POLL_MS);
    return () => clearInterval(timer);
  }, [pending, refresh]);

  // Runs started by a script (POST /api/datasets/<id>/forecast) show when the analyst comes back to the page.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === "visible") void refresh().catch(() => undefined);
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [refresh]);

  return { runs, opened, error, load, add, remove };
}
