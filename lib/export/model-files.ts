import type { TfjsFiles } from "../forecast/types";
import { fail, ok, type Result } from "../result";
import { readZip, toZip, type ZipEntry } from "./zip";

/** The names of a saved model's files, as tfjs writes them and model.json's weights manifest names them. */
const MODEL_JSON = "model.json";
const WEIGHTS_BIN = "weights.bin";

/**
 * A saved model's tfjs files as one ZIP download. Unzipped, the folder loads in TensorFlow.js as it
 * is (`tf.loadLayersModel("…/model.json")`); our metadata rides in model.json's `userDefinedMetadata`.
 */
export function toModelZip(files: TfjsFiles, modified?: Date): Uint8Array<ArrayBuffer> {
  return toZip(
    [
      { name: MODEL_JSON, data: new TextEncoder().encode(files.modelJson) },
      { name: WEIGHTS_BIN, data: new Uint8Array(files.weightsBin) },
    ],
    modified,
  );
}

const UPLOAD_HINT = `Choose the model's .zip as Tidecast downloads it, or its ${MODEL_JSON} together with its .bin weights file.`;

const baseName = (name: string) => name.slice(name.lastIndexOf("/") + 1).toLowerCase();

/**
 * The tfjs files of a model an analyst uploads: the ZIP Tidecast downloads (also re-zipped by an
 * archiver, with or without a folder), or model.json and the weights file chosen together.
 * @param files the chosen files, with their names
 * @returns the two files, or a sentence saying what to choose instead
 */
export async function readModelFiles(files: ZipEntry[]): Promise<Result<TfjsFiles>> {
  const all: ZipEntry[] = [];
  for (const file of files) {
    const isZip = file.data[0] === 0x50 && file.data[1] === 0x4b;
    if (!isZip) {
      all.push(file);
      continue;
    }
    const entries = await readZip(file.data);
    if (!entries.ok) return fail(`${file.name}: ${entries.reason} ${UPLOAD_HINT}`);
    all.push(...entries.data.filter((e) => !baseName(e.name).startsWith(".") && !e.name.startsWith("__MACOSX/")));
  }
  const json = all.filter((f) => baseName(f.name).endsWith(".json"));
  const weights = all.filter((f) => baseName(f.name).endsWith(".bin"));
  if (json.length !== 1 || weights.length !== 1) {
    const found = all.length ? ` Found: ${all.map((f) => f.name).join(", ")}.` : "";
    return fail(`${UPLOAD_HINT}${found}`);
  }
  const [modelJson, weightsBin] = [json[0] as ZipEntry, weights[0] as ZipEntry];
  return ok({ modelJson: new TextDecoder().decode(modelJson.data), weightsBin: weightsBin.data.slice().buffer });
}
