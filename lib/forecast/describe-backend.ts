import type { BackendInfo } from "./types";

/**
 * The backend a run trained on, as every view names it: `wasm (SIMD)`, `wasm`, `cpu`, or with the
 * reason, `cpu (wasm unavailable: …)`. A bare name (all a progress event carries) is written as is.
 * @param withReason false where a table cell has no room for why wasm did not load
 */
export function describeBackend(backend: Pick<BackendInfo, "name" | "simd" | "fallbackReason"> | string, withReason = true): string {
  if (typeof backend === "string") return backend;
  if (backend.name === "wasm") return backend.simd ? "wasm (SIMD)" : "wasm";
  return withReason && backend.fallbackReason ? `cpu (wasm unavailable: ${backend.fallbackReason})` : "cpu";
}
