import type { ImportPreview } from "../series/schema";
import type { ReadOptions } from "./read-dataset";

/** Main thread → preview worker: read this file with these choices. */
export type PreviewRequest = { type: "preview"; id: number; file: File; options: ReadOptions };

/** Preview worker → main thread, tagged with the request's id. */
export type PreviewEvent =
  | { type: "progress"; id: number; share: number }
  | { type: "done"; id: number; preview: ImportPreview }
  | { type: "error"; id: number; message: string };
