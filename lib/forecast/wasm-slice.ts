import * as tf from "@tensorflow/tfjs";

/** What the kernels below use of tfjs-backend-wasm's BackendWasm (not exported as a type). */
interface WasmBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
}

/** The stock wasm kernels, kept while the fix replaces them. */
let stock: tf.KernelConfig[] | null = null;

const FIXED = ["Slice", "SplitV", "Unpack"] as const;

/**
 * tfjs-backend-wasm 4.22's `Slice` (and `SplitV` and `Unpack`, which call it once per output)
 * first copies the whole input out of the wasm heap into a new ArrayBuffer (`readSync`), then
 * copies the slice back in. The LSTM splits its gates and unstacks its time steps that way, so a
 * training batch allocated ~240 ArrayBuffers of up to 64 KB; in Chromium that allocation and the
 * garbage collections it triggers took a quarter of the worker's time. The fix re-registers the
 * three kernels to copy inside the heap. Outputs are bit-identical.
 * @param on install (true) or remove (false) the fix
 * @returns whether the fix is active afterwards
 */
export function setSliceFix(on: boolean): boolean {
  if (!on) {
    if (stock) {
      for (const config of stock) {
        tf.unregisterKernel(config.kernelName, "wasm");
        tf.registerKernel(config);
      }
      stock = null;
    }
    return false;
  }
  if (stock) return true;
  const originals = FIXED.map((name) => tf.getKernel(name, "wasm"));
  if (originals.some((k) => !k)) return false;
  const [stockSlice, stockSplitV, stockUnpack] = originals as [tf.KernelConfig, tf.KernelConfig, tf.KernelConfig];
  // Strings are not in the heap: the stock kernels handle them.
  const isString = (inputs: tf.NamedTensorInfoMap) => Object.values(inputs).some((t) => t?.dtype === "string");
  const fixed: Record<(typeof FIXED)[number], tf.KernelFunc> = {
    Slice: (args) => {
      if (isString(args.inputs)) return stockSlice.kernelFunc(args);
      const { inputs, attrs, backend } = args;
      const { begin, size } = attrs as unknown as tf.SliceAttrs;
      return sliceInHeap((inputs as unknown as tf.SliceInputs).x as tf.TensorInfo, begin, size, backend as unknown as WasmBackend);
    },
    SplitV: (args) => {
      if (isString(args.inputs)) return stockSplitV.kernelFunc(args);
      const { inputs, attrs, backend } = args;
      const x = (inputs as unknown as tf.SplitVInputs).x as tf.TensorInfo;
      const { numOrSizeSplits, axis } = attrs as unknown as tf.SplitVAttrs;
      const at = tf.util.parseAxisParam(axis, x.shape)[0] as number;
      const sizes = tf.backend_util.prepareSplitSize(x, numOrSizeSplits, at);
      const begin = x.shape.map(() => 0);
      return sizes.map((s) => {
        const size = [...x.shape];
        size[at] = s;
        const out = sliceInHeap(x, begin, size, backend as unknown as WasmBackend);
        begin[at] = (begin[at] as number) + s;
        return out;
      });
    },
    Unpack: (args) => {
      if (isString(args.inputs)) return stockUnpack.kernelFunc(args);
      const { inputs, attrs, backend } = args;
      const x = (inputs as unknown as tf.UnpackInputs).value as tf.TensorInfo;
      const rank = x.shape.length;
      const { axis: a } = attrs as unknown as tf.UnpackAttrs;
      const axis = a < 0 ? a + rank : a;
      const outShape = x.shape.filter((_, i) => i !== axis);
      const begin = x.shape.map(() => 0);
      const size = [...x.shape];
      size[axis] = 1;
      return Array.from({ length: x.shape[axis] as number }, (_, i) => {
        begin[axis] = i;
        const { dataId, dtype } = sliceInHeap(x, begin, size, backend as unknown as WasmBackend);
        return { dataId, dtype, shape: outShape };
      });
    },
  };
  originals.forEach((original) => {
    const config = original as tf.KernelConfig;
    tf.unregisterKernel(config.kernelName, "wasm");
    tf.registerKernel({ ...config, kernelFunc: fixed[config.kernelName as (typeof FIXED)[number]] });
  });
  stock = originals as tf.KernelConfig[];
  return true;
}

/**
 * Slice of `x` copied from heap to heap, one contiguous run at a time (the innermost axes that are
 * taken whole merge into one run).
 */
function sliceInHeap(x: tf.TensorInfo, begin: number | number[], size: number | number[], backend: WasmBackend): tf.TensorInfo {
  const [start, extent] = tf.slice_util.parseSliceParams(x, begin, size) as [number[], number[]];
  // Allocate first: growing the heap detaches views taken before.
  const out = backend.makeOutput(extent, x.dtype);
  if (tf.util.sizeFromShape(extent) === 0) return out;
  const from = backend.typedArrayFromHeap(x);
  const to = backend.typedArrayFromHeap(out);
  const heap = new Uint8Array(from.buffer);
  const bytes = from.BYTES_PER_ELEMENT;
  const rank = x.shape.length;
  const strides = [...tf.util.computeStrides(x.shape), 1];
  // Innermost axis k whose inner axes are all taken whole: each run is extent[k] × strides[k].
  let k = Math.max(0, rank - 1);
  while (k > 0 && start[k] === 0 && extent[k] === x.shape[k]) k--;
  const run = (rank === 0 ? 1 : (extent[k] as number) * (strides[k] as number)) * bytes;
  const index = new Array<number>(k).fill(0);
  let target = to.byteOffset;
  for (;;) {
    let source = 0;
    for (let j = 0; j < k; j++) source += ((start[j] as number) + (index[j] as number)) * (strides[j] as number);
    if (rank > 0) source += (start[k] as number) * (strides[k] as number);
    heap.copyWithin(target, from.byteOffset + source * bytes, from.byteOffset + source * bytes + run);
    target += run;
    let j = k - 1;
    while (j >= 0 && (index[j] = (index[j] as number) + 1) === extent[j]) index[j--] = 0;
    if (j < 0) break;
  }
  return out;
}
