/// <reference lib="webworker" />
// The upload preview's worker: message switch only; the reading is previewCsv (lib/csv).
import { previewCsv } from "./preview-csv";
import type { PreviewEvent, PreviewRequest } from "./preview-protocol";
import { toErrorMessage } from "../to-error-message";

const post = (event: PreviewEvent) => self.postMessage(event);

self.onmessage = async ({ data }: MessageEvent<PreviewRequest>) => {
  const { id, file, options } = data;
  let reported = 0;
  try {
    const preview = await previewCsv(file, file.name, options, (share) => {
      // A few progress events per file, not one per chunk.
      if (share - reported >= 0.05 || share === 1) {
        reported = share;
        post({ type: "progress", id, share });
      }
    });
    post({ type: "done", id, preview });
  } catch (error) {
    post({ type: "error", id, message: toErrorMessage(error) });
  }
};
