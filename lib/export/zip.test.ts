import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readModelFiles, toModelZip } from "./model-files";
import { crc32, readZip, toZip } from "./zip";

const FIXTURES = path.resolve(import.meta.dirname, "../../tests/fixtures/model-zip");
const text = (s: string) => new TextEncoder().encode(s);
const UNZIP = "/usr/bin/unzip";

describe("zip", () => {
  it("CRC-32 of the standard check string", () => {
    expect(crc32(text("123456789"))).toBe(0xcbf43926);
  });

  it("writes stored entries that read back byte for byte, UTF-8 names included", async () => {
    const weights = new Uint8Array(Float32Array.from([1.5, -2.25, Number.NaN, 3e38]).buffer);
    const entries = [
      { name: "model.json", data: text('{"a":1}') },
      { name: "weights.bin", data: weights },
      { name: "über/empty.txt", data: new Uint8Array(0) },
    ];
    const read = await readZip(toZip(entries));
    expect(read).toEqual({ ok: true, data: entries });
  });

  // Another program's reading of the archive, where the machine has Info-ZIP's unzip.
  it.skipIf(!fs.existsSync(UNZIP))("Info-ZIP's unzip tests the archive as sound", () => {
    const file = path.join(os.tmpdir(), `tidecast-zip-${process.pid}.zip`);
    fs.writeFileSync(file, toZip([{ name: "model.json", data: text("{}") }, { name: "weights.bin", data: new Uint8Array([1, 2, 3]) }]));
    try {
      expect(execFileSync(UNZIP, ["-t", file], { encoding: "utf8" })).toMatch(/No errors detected/);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it("reads an archive another program deflated, with a folder", async () => {
    const read = await readZip(new Uint8Array(fs.readFileSync(path.join(FIXTURES, "rezipped-with-folder.zip"))));
    if (!read.ok) throw new Error(read.reason);
    expect(read.data.map((e) => [e.name, e.data.length])).toEqual([
      ["my-model/model.json", 550],
      ["my-model/weights.bin", 16],
    ]);
  });

  it.each([
    ["not a zip", text("date,value\n2024-01-01,1\n"), "This file is not a ZIP archive."],
    ["a damaged entry", (() => { const z = toZip([{ name: "a.bin", data: new Uint8Array([1, 2, 3, 4]) }]); z[31 + 5] = 9; return z; })(), "a.bin in the ZIP archive is damaged (its checksum does not match)."],
    ["a cut-off archive", toZip([{ name: "a.bin", data: new Uint8Array(100) }]).slice(40), "The ZIP archive is damaged (its directory is cut off)."],
  ])("refuses %s", async (_name, bytes, reason) => {
    expect(await readZip(bytes)).toEqual({ ok: false, reason });
  });
});

describe("model files", () => {
  const files = { modelJson: '{"format":"layers-model"}', weightsBin: Float32Array.from([1, 2]).buffer };

  it("the download's ZIP holds model.json and weights.bin, and reads back as the same files", async () => {
    const zip = toModelZip(files);
    const entries = await readZip(zip);
    expect(entries.ok && entries.data.map((e) => e.name)).toEqual(["model.json", "weights.bin"]);
    expect(await readModelFiles([{ name: "wine_model.zip", data: zip }])).toEqual({ ok: true, data: files });
  });

  it("takes model.json and the weights chosen together, or a re-zipped folder", async () => {
    const chosen = [
      { name: "weights.bin", data: new Uint8Array(files.weightsBin) },
      { name: "model.json", data: text(files.modelJson) },
    ];
    expect(await readModelFiles(chosen)).toEqual({ ok: true, data: files });
    const rezipped = await readModelFiles([{ name: "m.zip", data: new Uint8Array(fs.readFileSync(path.join(FIXTURES, "rezipped-with-folder.zip"))) }]);
    expect(rezipped.ok && [JSON.parse(rezipped.data.modelJson).format, Array.from(new Float32Array(rezipped.data.weightsBin))]).toEqual(["layers-model", [1.5, -2.25, 0, 3]]);
  });

  it.each([
    [[{ name: "model.json", data: text("{}") }], "Choose the model's .zip as Tidecast downloads it, or its model.json together with its .bin weights file. Found: model.json."],
    [[{ name: "sales.csv", data: text("a,b\n") }], "Choose the model's .zip as Tidecast downloads it, or its model.json together with its .bin weights file. Found: sales.csv."],
    [[{ name: "x.zip", data: text("PK but not a zip") }], "x.zip: This file is not a ZIP archive. Choose the model's .zip as Tidecast downloads it, or its model.json together with its .bin weights file."],
  ])("says what to choose instead of %j", async (chosen, reason) => {
    expect(await readModelFiles(chosen)).toEqual({ ok: false, reason });
  });
});
