/**
 * What leaving a period out buys: every monthly benchmark series the forecaster models with a
 * season (public and extended sets, or `--manifest`), forecast three ways over the manifest's
 * holdout: as it is, with a COVID-shaped dip injected in its training history (−40% for 3 months,
 * recovering over the next 6, starting `--years-before` years before the holdout, default 3), and
 * dipped with those 9 months left out (`config.leaveOut`). Prints holdout MASE per series and the
 * means, for the LSTM, the recommended forecast and Holt-Winters; every MASE is scaled by the
 * untouched training data, so the three columns share a denominator.
 *
 *   npm run bench:leave-out -- [--set public|extended|all] [--manifest path/manifest.json] [--only air_passengers] [--seed 1] [--years-before 3]
 */
import path from "node:path";
import { mase, maseScale } from "../lib/metrics";
import { initBackend, runForecastOrFallback, type ForecastOutcome, type LeaveOutPeriod } from "../lib/forecast";
import { ALL_SETS, argValue, argValues, loadSet, readSeries, SETS } from "./bench-sets";

/** The dip's factor per month from its start: −40% for 3 months, then back to the level over 6. */
const DIP = [0.6, 0.6, 0.6, ...Array.from({ length: 6 }, (_, k) => 0.6 + (0.4 * (k + 1)) / 7)];

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const num = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v.toFixed(3) : "—");

interface Row {
  name: string;
  /** MASE per variant: LSTM, recommended, Holt-Winters. */
  scores: Record<"untouched" | "dipped" | "leftOut", { lstm?: number; chosen: number; holt_winters?: number; chosenMethod: string }>;
}

async function main() {
  const manifests = argValues("manifest");
  const setName = argValue("set") ?? "all";
  const sets = manifests.length > 0 ? manifests.map((m) => loadSet(path.resolve(process.env.INIT_CWD ?? process.cwd(), m))) : (setName === "all" ? ALL_SETS : [setName]).map((k) => loadSet(SETS[k] as string, k));
  const only = argValue("only") ? argValues("only") : undefined;
  const seed = Number(argValue("seed") ?? 1);
  const yearsBefore = Number(argValue("years-before") ?? 3);
  await initBackend();
  console.log(`seed ${seed}; dip of ${DIP.length} months (${DIP.map((f) => f.toFixed(2)).join(" ")}) starting ${yearsBefore} years before the holdout`);
  console.log(`${"series".padEnd(24)}${"untouched lstm/chosen/hw".padEnd(27)}${"dipped".padEnd(27)}${"dip left out".padEnd(27)}`);
  const rows: Row[] = [];
  for (const set of sets) {
    for (const entry of set.series) {
      if (entry.frequency !== "monthly" || entry.season_length !== 12 || (only && !only.includes(entry.name))) continue;
      const { times, values } = readSeries(set, entry);
      const h = entry.horizon;
      const T = values.length - h;
      const start = T - 12 * yearsBefore;
      if (start < 12) continue;
      const trainTimes = times.slice(0, T);
      const train = values.slice(0, T);
      const actual = values.slice(T);
      const scale = maseScale(train, 12);
      const dipped = train.map((v, i) => (i >= start && i < start + DIP.length ? v * (DIP[i - start] as number) : v));
      const period: LeaveOutPeriod = { from: trainTimes[start] as number, to: trainTimes[start + DIP.length - 1] as number };
      const run = (history: number[], leaveOut?: LeaveOutPeriod[]) =>
        runForecastOrFallback({
          series: [{ name: entry.name, values: history, ...(leaveOut ? { times: trainTimes } : {}) }],
          horizon: h,
          seasonLength: 12,
          frequency: "monthly",
          config: { seed, ...(leaveOut ? { leaveOut } : {}) },
        });
      const untouched = await run(train);
      // The measure is about seasonal series: one the forecaster takes no season from is not one.
      if (!untouched.series[0]?.preprocessing.deseasonalized) {
        console.log(`${entry.name.padEnd(24)}(no season modelled: left out of the measure)`);
        continue;
      }
      const score = (o: ForecastOutcome) => {
        const s = o.series[0];
        if (!s) throw new Error(`${entry.name}: no outcome`);
        const at = (method: keyof typeof s.forecasts) => {
          const f = s.forecasts[method];
          return f ? mase(actual, f.mean, scale) : undefined;
        };
        return { lstm: at("lstm"), chosen: at(s.chosen) as number, holt_winters: at("holt_winters"), chosenMethod: s.chosen };
      };
      const row: Row = { name: entry.name, scores: { untouched: score(untouched), dipped: score(await run(dipped)), leftOut: score(await run(dipped, [period])) } };
      rows.push(row);
      const cell = (v: Row["scores"]["untouched"]) => `${num(v.lstm)} ${num(v.chosen)} ${num(v.holt_winters)}`.padEnd(27);
      console.log(`${entry.name.padEnd(24)}${cell(row.scores.untouched)}${cell(row.scores.dipped)}${cell(row.scores.leftOut)}`);
    }
  }
  console.log("");
  console.log(`mean holdout MASE over ${rows.length} seasonal monthly series      untouched  dipped  dip left out`);
  for (const method of ["lstm", "chosen", "holt_winters"] as const) {
    const m = (variant: keyof Row["scores"]) => num(mean(rows.map((r) => r.scores[variant][method]).filter((v): v is number => v !== undefined && Number.isFinite(v))));
    console.log(`  ${method.padEnd(55)}${m("untouched").padEnd(11)}${m("dipped").padEnd(8)}${m("leftOut")}`);
  }
  const worse = (variant: "dipped" | "leftOut") => rows.filter((r) => r.scores[variant].chosen > r.scores.untouched.chosen * 1.05).length;
  console.log(`  series whose recommended forecast is more than 5% worse than untouched: dipped ${worse("dipped")}, dip left out ${worse("leftOut")} (of ${rows.length})`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
