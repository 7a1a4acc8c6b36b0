import type { ImportPreview } from "../series/schema";
import { previewCsv } from "./preview-csv";
import type { PreviewEvent, PreviewRequest } from "./preview-protocol";
import type { ReadOptions } from "./read-dataset";

export interface PreviewClient {
  /**
   * Reads a file for the preview. A newer call supersedes an older one: the older promise never
   * settles, so a slow read of stale choices cannot overwrite a newer preview.
   */
  preview(file: File, options: ReadOptions, onProgress?: (share: number) => void): Promise<ImportPreview>;
  dispose(): void;
}

/**
 * A typed client over the preview Web Worker, so a big file is read off the main thread. Where
 * workers are missing it reads on the main thread with the same code.
 */
export function createPreviewClient(): PreviewClient {
  if (typeof Worker === "undefined") {
    return { preview: (file, options, onProgress) => previewCsv(file, file.name, options, onProgress), dispose: () => undefined };
  }
  const worker = new Worker(new URL("./preview-worker.ts", import.meta.url), { type: "module" });
  let latest = 0;
  let pending: { id: number; resolve: (p: ImportPreview) => void; reject: (e: Error) => void; onProgress?: (share: number) => void } | null = null;
  worker.onmessage = ({ data }: MessageEvent<PreviewEvent>) => {
    if (!pending || data.id !== pending.id) return;
    if (data.type === "progress") pending.onProgress?.(data.share);
    else if (data.type === "done") pending.resolve(data.preview);
    else pending.reject(new Error(data.message));
  };
  worker.onerror = (event) => {
    pending?.reject(new Error(event.message || "The file could not be read in the browser."));
  };
  return {
    preview(file, options, onProgress) {
      const id = ++latest;
      return new Promise<ImportPreview>((resolve, reject) => {
        pending = { id, resolve, reject, ...(onProgress ? { onProgress } : {}) };
        const request: PreviewRequest = { type: "preview", id, file, options };
        worker.postMessage(request);
      });
    },
    dispose: () => worker.terminate(),
  };
}
