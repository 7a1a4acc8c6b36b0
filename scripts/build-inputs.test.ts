import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { sourceHash } from "./build-inputs";

const roots: string[] = [];

function project(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "tidecast-build-inputs-"));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

describe("sourceHash", () => {
  const files = {
    "lib/forecast/run.ts": "export const a = 1;\n",
    "lib/forecast/run.test.ts": "it('runs', () => {});\n",
    "lib/forecast/README.md": "MASE 0.777\n",
    "app/page.tsx": "export default function Page() { return null; }\n",
  };

  it("changes when a source the build reads changes", () => {
    const root = project(files);
    const before = sourceHash(root);
    fs.writeFileSync(path.join(root, "lib/forecast/run.ts"), "export const a = 2;\n");
    expect(sourceHash(root)).not.toBe(before);
  });

  it("stays the same when only a folder's README or a test changes, so npm start does not rebuild", () => {
    const root = project(files);
    const before = sourceHash(root);
    fs.writeFileSync(path.join(root, "lib/forecast/README.md"), "MASE 0.778\n");
    fs.writeFileSync(path.join(root, "lib/forecast/run.test.ts"), "it('runs again', () => {});\n");
    expect(sourceHash(root)).toBe(before);
  });
});
