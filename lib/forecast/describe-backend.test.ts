import { describe, expect, it } from "vitest";
import { describeBackend } from "./describe-backend";

describe("describeBackend", () => {
  it.each([
    ["wasm with SIMD", { name: "wasm", simd: true }, "wasm (SIMD)"],
    ["wasm without SIMD", { name: "wasm", simd: false }, "wasm"],
    ["cpu asked for", { name: "cpu", simd: false }, "cpu"],
    ["cpu after wasm failed", { name: "cpu", simd: false, fallbackReason: "no wasm" }, "cpu (wasm unavailable: no wasm)"],
  ] as const)("%s", (_, backend, label) => {
    expect(describeBackend(backend)).toBe(label);
  });

  it("leaves out why wasm did not load where there is no room for it", () => {
    expect(describeBackend({ name: "cpu", simd: false, fallbackReason: "no wasm" }, false)).toBe("cpu");
  });
});
