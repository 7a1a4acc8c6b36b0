import * as tf from "@tensorflow/tfjs";
import { SavedModelError } from "./errors";
import { checkSavedModel } from "./saved-model-bytes";
import type { SavedModel, TfjsFiles, WeightSpec } from "./types";

export { decodeSavedModel, encodeSavedModel } from "./saved-model-bytes";

const WEIGHTS_FILE = "weights.bin";

/** The saved model without its tfjs artifacts: what goes into model.json's userDefinedMetadata. */
export type SavedModelMeta = Omit<SavedModel, "modelTopology" | "weightSpecs" | "weightData">;

/**
 * Captures a tfjs model's topology and weights.
 * @param model the trained model
 */
export async function captureArtifacts(model: tf.LayersModel): Promise<Pick<SavedModel, "modelTopology" | "weightSpecs" | "weightData">> {
  let captured: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      captured = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
    }),
  );
  const artifacts = captured as tf.io.ModelArtifacts | null;
  if (!artifacts?.modelTopology || !artifacts.weightSpecs || !artifacts.weightData) throw new Error("tfjs did not return the model artifacts");
  const parts = Array.isArray(artifacts.weightData) ? artifacts.weightData : [artifacts.weightData];
  return {
    modelTopology: artifacts.modelTopology as object,
    weightSpecs: artifacts.weightSpecs.map((w) => ({ name: w.name, shape: [...w.shape], dtype: w.dtype })),
    weightData: joinBuffers(parts),
  };
}

/**
 * Loads the tfjs model of a saved model.
 * @param saved a saved model (from a run, {@link decodeSavedModel} or {@link fromTfjsFiles})
 */
export async function loadNetwork(saved: SavedModel): Promise<tf.LayersModel> {
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: saved.modelTopology,
      weightSpecs: saved.weightSpecs as tf.io.WeightsManifestEntry[],
      weightData: saved.weightData,
    }),
  );
}

/**
 * The standard tfjs files of a saved model: model.json (topology, a weights manifest naming
 * weights.bin, and our metadata in `userDefinedMetadata.tidecast`) and weights.bin. Both load with
 * `tf.loadLayersModel` (e.g. from a URL serving them side by side).
 */
export function toTfjsFiles(saved: SavedModel): TfjsFiles {
  const { modelTopology, weightSpecs, weightData, ...meta } = saved;
  const modelJson = JSON.stringify({
    format: "layers-model",
    generatedBy: `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
    convertedBy: null,
    modelTopology,
    weightsManifest: [{ paths: [WEIGHTS_FILE], weights: weightSpecs }],
    userDefinedMetadata: { tidecast: meta },
  });
  return { modelJson, weightsBin: weightData.slice(0) };
}

/**
 * Reads the files written by {@link toTfjsFiles} (e.g. uploaded by the analyst).
 * @throws SavedModelError when model.json lacks the Tidecast metadata or the weights do not match
 */
export function fromTfjsFiles(files: TfjsFiles): SavedModel {
  let parsed: {
    modelTopology?: object;
    weightsManifest?: { weights: WeightSpec[] }[];
    userDefinedMetadata?: { tidecast?: SavedModelMeta };
  };
  try {
    parsed = JSON.parse(files.modelJson) as typeof parsed;
  } catch {
    throw new SavedModelError("model.json is not valid JSON.");
  }
  const meta = parsed.userDefinedMetadata?.tidecast;
  if (!meta || !parsed.modelTopology || !parsed.weightsManifest) {
    throw new SavedModelError("model.json is not a Tidecast forecaster (no userDefinedMetadata.tidecast).");
  }
  const weightSpecs = parsed.weightsManifest.flatMap((group) => group.weights);
  const saved = { ...meta, modelTopology: parsed.modelTopology, weightSpecs, weightData: files.weightsBin.slice(0) };
  checkSavedModel(saved, saved.weightData.byteLength);
  return saved;
}

function joinBuffers(parts: ArrayBuffer[]): ArrayBuffer {
  if (parts.length === 1) return (parts[0] as ArrayBuffer).slice(0);
  const total = parts.reduce((s, p) => s + p.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    out.set(new Uint8Array(p), offset);
    offset += p.byteLength;
  }
  return out.buffer;
}
