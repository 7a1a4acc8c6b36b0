/**
 * Seeds the sample dataset when the database holds no dataset yet (idempotent: `npm start` runs it
 * on every start). The sample is a real series: Australian wine sales, Jan 1980 – Aug 1994
 * (forecast::wineind, Time Series Data Library).
 */
import fs from "node:fs";
import path from "node:path";
import { countDatasets } from "../lib/server/datasets";
import { db } from "../lib/server/db";
import { importCsv } from "../lib/server/import-csv";
import { toErrorMessage } from "../lib/to-error-message";

const ROOT = path.resolve(import.meta.dirname, "..");
export const SAMPLE = {
  file: path.join(ROOT, "public", "samples", "wine_sales.csv"),
  name: "Australian wine sales (sample)",
};

export async function seedIfEmpty(): Promise<string | null> {
  if ((await countDatasets()) > 0) return null;
  const bytes = new Uint8Array(fs.readFileSync(SAMPLE.file));
  const dataset = await importCsv(bytes, path.basename(SAMPLE.file), { name: SAMPLE.name });
  return dataset.id;
}

if (process.argv[1]?.endsWith("seed.ts")) {
  seedIfEmpty()
    .then((id) => {
      console.log(id ? `seeded the sample dataset (${id})` : "database already has datasets: nothing seeded");
      return db.$disconnect();
    })
    .catch((error: unknown) => {
      console.error(toErrorMessage(error));
      process.exit(1);
    });
}
