"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { isFinishedRun, RUNS_PAGE_SIZE, type PendingRunDto, type RunDto, type RunPageDto, type RunSort, type RunSummaryDto } from "@/lib/series/run-schema";
import { fetchApi, readJson } from "@/lib/workbench/api-client";
import { toErrorMessage } from "@/lib/to-error-message";

/** How often the list is fetched again while a server-side run is queued or running (ms). */
const PENDING_POLL_MS = 2000;

const isPending = (run: RunSummaryDto) => run.status === "queued" || run.status === "running";

/** Which page of the runs is shown, in which order. */
export interface RunsView {
  offset: number;
  sort: RunSort;
}

/**
 * The dataset's saved runs: one page of the list at a time (kept current while server-side runs
 * train), the opened runs (cached, whichever page they are on), delete.
 * @param initial the page shown first, newest first, as the page brought it
 * @param initialRun a run the page already holds (opened without fetching it)
 * @param initialOffset where `initial` starts in the list
 */
export function useRuns(datasetId: string, initial: RunPageDto, initialRun: RunDto | null = null, initialOffset = 0) {
  const [page, setPage] = useState(initial);
  const [view, setView] = useState<RunsView>({ offset: initialOffset, sort: "newest" });
  const shown = useRef(view);
  const [opened, setOpened] = useState<Record<string, RunDto>>(() => (initialRun ? { [initialRun.id]: initialRun } : {}));
  /** What last failed, and the run it failed to open (null for the list's own failures). */
  const [failure, setFailure] = useState<{ message: string; runId: string | null } | null>(null);
  const setError = useCallback((message: string | null, runId: string | null = null) => setFailure(message === null ? null : { message, runId }), []);

  const fetchPage = useCallback(
    async (next: RunsView): Promise<void> => {
      const query = new URLSearchParams({ limit: String(RUNS_PAGE_SIZE), offset: String(next.offset), sort: next.sort });
      const body = await readJson<RunPageDto>(await fetchApi(`/api/datasets/${datasetId}/runs?${query}`, undefined, "Loading the runs"));
      // The last page emptied by deletes (here or elsewhere): show the one before it.
      if (body.runs.length === 0 && next.offset > 0) return fetchPage({ ...next, offset: Math.max(0, Math.ceil(body.total / RUNS_PAGE_SIZE) - 1) * RUNS_PAGE_SIZE });
      shown.current = next;
      setPage(body);
      setView(next);
    },
    [datasetId],
  );
  const refresh = useCallback(() => fetchPage(shown.current), [fetchPage]);

  /** Shows another page or order of the list, saying so when it cannot be loaded. */
  const show = useCallback(
    async (next: RunsView) => {
      try {
        await fetchPage(next);
        setError(null);
      } catch (err) {
        setError(`Could not load the runs: ${toErrorMessage(err)}`);
      }
    },
    [fetchPage, setError],
  );

  /** Fetches a run (once) and returns it. */
  const load = useCallback(
    async (id: string): Promise<RunDto | null> => {
      if (opened[id]) return opened[id];
      try {
        const run = await readJson<RunDto | PendingRunDto>(await fetchApi(`/api/runs/${id}`, undefined, "Loading the run"));
        if (!isFinishedRun(run)) {
          setError(run.status === "failed" ? `This run failed: ${run.failure ?? "no reason was recorded."}` : `This run is ${run.status}; it opens when it is done.`, id);
          return null;
        }
        setOpened((o) => ({ ...o, [id]: run }));
        setError(null);
        return run;
      } catch (err) {
        setError(`Could not open the run: ${toErrorMessage(err)}`, id);
        return null;
      }
    },
    [opened, setError],
  );

  /** A run saved just now: list it (the newest runs are shown) and keep it opened without fetching it again. */
  const add = useCallback(
    (run: RunDto) => {
      setOpened((o) => ({ ...o, [run.id]: run }));
      void fetchPage({ offset: 0, sort: "newest" }).catch(() => setPage((p) => ({ runs: [run, ...p.runs].slice(0, RUNS_PAGE_SIZE), total: p.total + 1 })));
    },
    [fetchPage],
  );

  const remove = useCallback(async (id: string) => {
    try {
      const response = await fetchApi(`/api/runs/${id}`, { method: "DELETE" }, "Deleting the run");
      if (!response.ok && response.status !== 404) await readJson(response);
      setPage((p) => ({ runs: p.runs.filter((r) => r.id !== id), total: p.total - 1 }));
      setOpened(({ [id]: _gone, ...rest }) => rest);
      setError(null);
    } catch (err) {
      setError(`Could not delete the run: ${toErrorMessage(err)}`);
      return;
    }
    // The next page's first run moves up into the gap.
    await refresh().catch(() => undefined);
  }, [refresh, setError]);

  const pending = page.runs.some(isPending);
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

  return { runs: page.runs, total: page.total, view, show, opened, error: failure?.message ?? null, failedRunId: failure?.runId ?? null, load, add, remove };
}
