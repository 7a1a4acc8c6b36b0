import type { BackendInfo } from "./types";

/**
 * The backend a run trained on, as every view names it: `wasm (SIMD)`, `wasm`, `cpu`, or with the
 * reason, `cpu (wasm unavailable: …)`.
 * @param withReason false where a table cell has no room for why wasm did not load
 */
export function describeBackend(backend: Pick<BackendInfo, "name" | "simd" | "fallbackReason">, withReason = true): string {
  if (backend.name === "wasm") return backend.simd ? "wasm (SIMD)" : "wasm";
  return withReason && backend.fallbackReason ? `cpu (wasm unavailable: ${backend.fallbackReason})` : "cpu";
}
