"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { createPreviewClient, type PreviewClient } from "@/lib/csv/preview-client";
import type { ReadOptions } from "@/lib/csv/read-dataset";
import type { ImportPreview } from "@/lib/series/schema";
import { toErrorMessage } from "@/lib/to-error-message";

export type PreviewState =
  | { status: "idle" }
  | { status: "reading"; file: File; options: ReadOptions; share: number; preview: ImportPreview | null }
  | { status: "ready"; file: File; options: ReadOptions; preview: ImportPreview }
  | { status: "failed"; file: File; options: ReadOptions; message: string };

/**
 * React glue over the preview worker: `open(file)` reads a file, `choose(options)` reads it again
 * with the analyst's choices (the last preview stays on screen meanwhile), `reset()` forgets it.
 */
export function useImportPreview() {
  const client = useRef<PreviewClient | null>(null);
  const [state, setState] = useState<PreviewState>({ status: "idle" });

  useEffect(() => {
    return () => {
      client.current?.dispose();
      client.current = null;
    };
  }, []);

  const read = useCallback((file: File, options: ReadOptions, previous: ImportPreview | null) => {
    client.current ??= createPreviewClient();
    setState({ status: "reading", file, options, share: 0, preview: previous });
    client.current
      .preview(file, options, (share) =>
        setState((current) => (current.status === "reading" && current.file === file ? { ...current, share } : current)),
      )
      .then(
        (preview) => setState({ status: "ready", file, options, preview }),
        (error: unknown) =>
          setState({ status: "failed", file, options, message: toErrorMessage(error) }),
      );
  }, []);

  const open = useCallback((file: File) => read(file, {}, null), [read]);

  const choose = useCallback(
    (options: ReadOptions) => {
      if (state.status === "idle") return;
      const previous = state.status === "ready" ? state.preview : state.status === "reading" ? state.preview : null;
      read(state.file, options, previous);
    },
    [read, state],
  );

  const reset = useCallback(() => setState({ status: "idle" }), []);

  return { state, open, choose, reset };
}
