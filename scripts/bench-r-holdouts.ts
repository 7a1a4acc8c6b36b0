/**
 * `npm run bench:r-holdouts -- [--set public|extended] [--holdouts 3] [--only a,b]`: R's ets,
 * auto.arima and thetaf on the same K holdouts per series that `npm run bench:accuracy --
 * --holdouts K` forecasts (the standard one and the K − 1 horizons before it), so the LSTM can be
 * compared with R on more than one fortnight or year per series. Writes `reference-holdouts.csv`
 * next to the manifest (kept in the repo, like reference-scores.csv: R is not needed to read it);
 * the rows of series not run this time are kept, so a set can be filled in several runs.
 * Needs Rscript with the forecast package (`apt-get install -y r-cran-forecast`); auto.arima on
 * the hourly series takes about 20 minutes per holdout.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { argValue, argValues, holdoutReferencesFile, loadSet, readSeries, ROOT, SETS } from "./bench-sets";

function main() {
  const setName = argValue("set") ?? "public";
  const manifest = SETS[setName];
  if (!manifest) throw new Error(`--set must be ${Object.keys(SETS).join(" or ")} (got ${setName})`);
  const holdouts = Math.max(1, Number(argValue("holdouts") ?? 3));
  const only = argValue("only") ? new Set(argValues("only")) : undefined;
  const set = loadSet(manifest, setName);
  const rows = ["series,holdout,season_length,horizon,part,value"];
  for (const entry of set.series) {
    if (only && !only.has(entry.name)) continue;
    const { values } = readSeries(set, entry);
    const h = entry.horizon;
    for (let k = 0; k < holdouts; k++) {
      const upTo = values.length - k * h;
      const train = values.slice(0, upTo - h);
      if (train.length < 2 * Math.max(entry.season_length, h)) break;
      for (const v of train) rows.push(`${entry.name},${k},${entry.season_length},${h},train,${v}`);
      for (const v of values.slice(upTo - h, upTo)) rows.push(`${entry.name},${k},${entry.season_length},${h},actual,${v}`);
    }
  }
  const input = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "r-holdouts-")), "values.csv");
  fs.writeFileSync(input, rows.join("\n") + "\n");
  const out = holdoutReferencesFile(manifest);
  const partial = `${out}.partial`;
  const r = spawnSync("Rscript", [path.join(ROOT, "bench", "tools", "r-holdouts.R"), input, partial], { stdio: "inherit" });
  if (r.error || r.status !== 0) throw new Error(`Rscript failed (${r.error?.message ?? `exit ${r.status}`}); is r-cran-forecast installed?`);
  // Rows of series not run this time are kept, so sets can be filled in several runs.
  const ran = new Set(rows.slice(1).map((row) => row.split(",")[0]));
  const kept = fs.existsSync(out) ? fs.readFileSync(out, "utf8").trim().split(/\r?\n/).slice(1).filter((row) => !ran.has(row.split(",")[0] ?? "")) : [];
  const fresh = fs.readFileSync(partial, "utf8").trim().split(/\r?\n/);
  fs.writeFileSync(out, [fresh[0], ...kept, ...fresh.slice(1)].join("\n") + "\n");
  fs.rmSync(partial);
  console.log(`wrote ${path.relative(ROOT, out)}`);
}

main();
