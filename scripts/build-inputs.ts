import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** What a production build depends on; a change to any of these needs a new build. */
export const BUILD_INPUTS = ["app", "lib", "public", "proxy.ts", "next.config.js", "package-lock.json", "tsconfig.json", "prisma/schema.prisma"];
const SKIP = new Set(["node_modules", ".next", "generated", "tfjs-wasm"]);

/**
 * Whether a file under the build inputs goes into the build: tests and the folders' READMEs
 * (lib/forecast/README.md) do not, so editing a figure in one does not cost `npm start` a rebuild.
 */
function isBuildSource(name: string): boolean {
  return !name.endsWith(".test.ts") && !name.endsWith(".md");
}

function collect(root: string, entry: string, out: string[]): void {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return;
  if (fs.statSync(full).isDirectory()) {
    for (const child of fs.readdirSync(full).sort()) {
      if (!SKIP.has(child)) collect(root, path.join(entry, child), out);
    }
  } else if (isBuildSource(path.basename(entry))) {
    out.push(entry);
  }
}

/** A hash of the build inputs' contents under `root`: equal hashes mean the existing build is current. */
export function sourceHash(root: string): string {
  const files: string[] = [];
  for (const entry of BUILD_INPUTS) collect(root, entry, files);
  const hash = crypto.createHash("sha256");
  for (const file of files) {
    hash.update(file);
    hash.update(fs.readFileSync(path.join(root, file)));
  }
  return hash.digest("hex");
}
