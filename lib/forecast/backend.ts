import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import type { BackendInfo, BackendName, InitBackendOptions } from "./types";
import { setSliceFix } from "./wasm-slice";
import { toErrorMessage } from "../to-error-message";

/** How long the wasm backend may take to load before we fall back to cpu, in milliseconds. */
const WASM_LOAD_TIMEOUT_MS = 15_000;

let current: BackendInfo | null = null;
let pending: Promise<BackendInfo> | null = null;

/**
 * Selects the fastest tfjs backend that loads: wasm (SIMD, single thread, with the transposed
 * BatchMatMul fix and the in-heap slice fix) and else cpu. Idempotent: later calls return the backend already chosen unless
 * `options.force` is set. Runs unchanged in Node (wasm files load from node_modules) and in a
 * browser worker (pass `options.wasmPaths`).
 * @param options.wasmPaths where the three `.wasm` files are served: a folder URL ending in `/`, or
 *   a map from file name (`tfjs-backend-wasm-simd.wasm`, ...) to URL, as `setWasmPaths` accepts.
 * @param options.prefer `"cpu"` skips wasm (tests of the fallback); default `"wasm"`.
 * @returns the backend that runs, whether SIMD is on and which kernel fixes are installed.
 */
export async function initBackend(options: InitBackendOptions = {}): Promise<BackendInfo> {
  if (current && !options.force && (options.prefer ?? "wasm") === current.requested) return current;
  if (pending && !options.force) return pending;
  pending = selectBackend(options).finally(() => {
    pending = null;
  });
  current = await pending;
  return current;
}

/** The backend chosen by the last `initBackend`, or null before the first call. */
export function getBackendInfo(): BackendInfo | null {
  return current;
}

async function selectBackend(options: InitBackendOptions): Promise<BackendInfo> {
  const requested: BackendName = options.prefer ?? "wasm";
  if (requested === "wasm") {
    const wasm = await tryWasm(options);
    if (wasm) return wasm;
  }
  await tf.setBackend("cpu");
  await tf.ready();
  return { name: "cpu", requested, simd: false, matMulFix: false, sliceFix: false, fallbackReason: requested === "wasm" ? wasmFailure : undefined };
}

let wasmFailure: string | undefined;

async function tryWasm(options: InitBackendOptions): Promise<BackendInfo | null> {
  try {
    // Threads gain nothing on small machines and break under cross-origin isolation once bundled.
    tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
    if (options.wasmPaths !== undefined) setWasmPaths(options.wasmPaths);
    const loaded = await withTimeout(tf.setBackend("wasm"), WASM_LOAD_TIMEOUT_MS);
    if (!loaded) {
      wasmFailure = "the wasm backend did not load";
      return null;
    }
    await tf.ready();
    const matMulFix = setTransposedMatMulFix(options.matMulFix ?? true);
    const sliceFix = setSliceFix(options.sliceFix ?? true);
    return { name: "wasm", requested: "wasm", simd: tf.env().getBool("WASM_HAS_SIMD_SUPPORT"), matMulFix, sliceFix };
  } catch (err) {
    wasmFailure = toErrorMessage(err);
    return null;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | false> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(false), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

/** The stock wasm BatchMatMul kernel, kept while the fix replaces it. */
let stockBatchMatMul: tf.KernelConfig | null = null;

/**
 * tfjs-backend-wasm 4.22 runs `BatchMatMul` with `transposeA`/`transposeB` on a slow path
 * (≈1.6 GFLOP/s; backprop calls it that way for every matmul). The fix re-registers the kernel so
 * it transposes explicitly with the wasm `Transpose` kernel and then takes the fast path: training
 * runs about twice as fast, outputs equal to float32 rounding.
 * @param on install (true) or remove (false) the fix
 * @returns whether the fix is active afterwards
 */
function setTransposedMatMulFix(on: boolean): boolean {
  if (!on) {
    if (stockBatchMatMul) {
      tf.unregisterKernel("BatchMatMul", "wasm");
      tf.registerKernel(stockBatchMatMul);
      stockBatchMatMul = null;
    }
    return false;
  }
  if (stockBatchMatMul) return true;
  const original = tf.getKernel("BatchMatMul", "wasm");
  const transpose = tf.getKernel("Transpose", "wasm");
  if (!original || !transpose) return false;
  const fixed: tf.KernelConfig = {
    kernelName: "BatchMatMul",
    backendName: "wasm",
    setupFunc: original.setupFunc,
    disposeFunc: original.disposeFunc,
    kernelFunc: (args) => {
      const attrs = args.attrs as { transposeA?: boolean; transposeB?: boolean } | undefined;
      if (!attrs?.transposeA && !attrs?.transposeB) return original.kernelFunc(args);
      const backend = args.backend as tf.KernelBackend;
      const inputs = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
      const temporaries: tf.TensorInfo[] = [];
      const swapLastTwo = (x: tf.TensorInfo): tf.TensorInfo => {
        const rank = x.shape.length;
        const perm = [...Array(rank - 2).keys(), rank - 1, rank - 2];
        const out = transpose.kernelFunc({ inputs: { x }, backend, attrs: { perm } }) as tf.TensorInfo;
        temporaries.push(out);
        return out;
      };
      const a = attrs.transposeA ? swapLastTwo(inputs.a) : inputs.a;
      const b = attrs.transposeB ? swapLastTwo(inputs.b) : inputs.b;
      const out = original.kernelFunc({ inputs: { a, b }, backend, attrs: { ...attrs, transposeA: false, transposeB: false } });
      for (const t of temporaries) backend.disposeData(t.dataId);
      return out;
    },
  };
  tf.unregisterKernel("BatchMatMul", "wasm");
  tf.registerKernel(fixed);
  stockBatchMatMul = original;
  return true;
}
