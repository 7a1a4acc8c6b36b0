/**
 * `npm run bench:windows [-- --lengths 48,72]`: the default forecast of mid-length monthly
 * histories, measured. From every monthly series of the benchmark sets (public, extended, npm) it
 * cuts the earliest and the latest window of each length (months) that has a year after it,
 * forecasts that year with `runForecastOrFallback` (what the app and the CLI run), and prints the
 * mean and geometric mean MASE of the recommended forecast and of each method beside it
 * (seasonal naive, in-sample seasonal-naive scale of the window), per length. The full-length
 * holdouts of `bench:accuracy` say how the LSTM does on long histories; these windows say how it
 * does on the four to twelve years analysts often have.
 */
import { initBackend, runForecastOrFallback, type MethodName } from "../lib/forecast";
import { mase, maseScale } from "../lib/metrics";
import { argValue, loadSet, readSeries, SETS } from "./bench-sets";

const METHODS = ["lstm", "combination", "holt_winters", "theta"] as const satisfies readonly MethodName[];
type Scores = Record<"chosen" | "snaive" | (typeof METHODS)[number], number>;

async function main() {
  const lengths = (argValue("lengths") ?? "48,72,96,144").split(",").map(Number);
  const backend = await initBackend();
  console.log(`backend: ${backend.name}; windows of ${lengths.join(", ")} months, forecast 12 ahead`);
  const scores = new Map<number, Scores[]>(lengths.map((l) => [l, []]));
  for (const setName of ["public", "extended", "npm"]) {
    const set = loadSet(SETS[setName] as string, setName);
    for (const entry of set.series) {
      // The _prev files are the same series one horizon shorter: their windows are already here.
      if (entry.frequency !== "monthly" || entry.name.endsWith("_prev")) continue;
      const { values } = readSeries(set, entry);
      for (const length of lengths) {
        const latest = values.length - length - 12;
        for (const start of latest > 0 ? [0, latest] : latest === 0 ? [0] : []) {
          const train = values.slice(start, start + length);
          const actual = values.slice(start + length, start + length + 12);
          const scale = maseScale(train, 12);
          if (![...train, ...actual].every(Number.isFinite) || !(scale > 0)) continue;
          const outcome = await runForecastOrFallback({ series: [{ name: entry.name, values: train }], horizon: 12, seasonLength: 12, frequency: "monthly" });
          const series = outcome.series[0];
          if (!series) continue;
          const score = (method: MethodName) => {
            const forecast = series.forecasts[method];
            return forecast ? mase(actual, forecast.mean, scale) : Number.NaN;
          };
          const row = { chosen: score(series.chosen), snaive: mase(actual, train.slice(length - 12), scale) } as Scores;
          for (const method of METHODS) row[method] = score(method);
          scores.get(length)?.push(row);
        }
      }
    }
  }
  const finite = (xs: number[]) => xs.filter(Number.isFinite);
  const mean = (xs: number[]) => finite(xs).reduce((a, b) => a + b, 0) / finite(xs).length;
  const geomean = (xs: number[]) => Math.exp(mean(finite(xs).map((x) => Math.log(Math.max(x, 1e-9)))));
  const columns = ["chosen", ...METHODS, "snaive"] as const;
  console.log(`months  windows  ${columns.map((c) => c.padEnd(18)).join("")}`);
  for (const [length, rows] of scores) {
    const cells = columns.map((c) => `${mean(rows.map((r) => r[c])).toFixed(3)} (${geomean(rows.map((r) => r[c])).toFixed(3)})`.padEnd(18));
    console.log(`${String(length).padEnd(8)}${String(rows.length).padEnd(9)}${cells.join("")}`);
  }
  console.log("MASE mean (geometric mean) over the windows; chosen = the recommended forecast");
}

void main();
