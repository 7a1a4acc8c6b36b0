/**
 * `npm run bench:short`: the forecast an analyst gets for a short history, measured. Every
 * monthly and quarterly series of the benchmark sets (public, extended, npm) is cut into windows
 * of two and two and a half seasons (24 and 30 months, 8 and 10 quarters), one every half season;
 * each window is forecast one season ahead by the path the app and the CLI take for series too
 * short for the LSTM (`forecastShortSeries`: Theta, or a naive method that backtests far better),
 * and scored by MASE against the season after it (scale: the window's own seasonal-naive error).
 * Seasonal naive and naive on the same windows are the reference measured in the same run; the
 * share of the actual values inside the recommended forecast's 80% and 95% bands is printed too.
 */
import { forecastShortSeries, type IntervalForecast } from "../lib/forecast";
import { mase, maseScale } from "../lib/metrics";
import { loadSet, readSeries, SETS } from "./bench-sets";

interface WindowScore {
  recommended: number;
  snaive: number;
  naive: number;
  seasonal: boolean;
  /** Share of the season after the window inside the recommended forecast's 80% and 95% bands. */
  inside80: number;
  inside95: number;
}

function seasonalNaive(train: number[], m: number, h: number): number[] {
  return Array.from({ length: h }, (_, j) => train[train.length - m + (j % m)] as number);
}

function main() {
  const scores = new Map<number, WindowScore[]>([[12, []], [4, []]]);
  for (const setName of ["public", "extended", "npm"]) {
    const set = loadSet(SETS[setName] as string, setName);
    for (const entry of set.series) {
      const m = entry.frequency === "monthly" ? 12 : entry.frequency === "quarterly" ? 4 : 0;
      // The _prev files are the same series one horizon shorter: their windows are already here.
      if (m === 0 || entry.name.endsWith("_prev")) continue;
      const { values } = readSeries(set, entry);
      for (const length of [2 * m, Math.round(2.5 * m)]) {
        for (let start = 0; start + length + m <= values.length; start += m / 2) {
          const train = values.slice(start, start + length);
          const actual = values.slice(start + length, start + length + m);
          const scale = maseScale(train, m);
          if (![...train, ...actual].every(Number.isFinite) || !(scale > 0)) continue;
          const made = forecastShortSeries({ name: entry.name, values: train }, m, m);
          const bands = made.forecast as IntervalForecast;
          const forecast = bands.mean;
          const share = (lower: number[], upper: number[]) => actual.filter((y, j) => y >= (lower[j] as number) && y <= (upper[j] as number)).length / m;
          scores.get(m)?.push({
            recommended: mase(actual, forecast, scale),
            snaive: mase(actual, seasonalNaive(train, m, m), scale),
            naive: mase(actual, new Array<number>(m).fill(train[train.length - 1] as number), scale),
            seasonal: made.outcome.preprocessing.deseasonalized,
            inside80: share(bands.lower80, bands.upper80),
            inside95: share(bands.lower95, bands.upper95),
          });
        }
      }
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const geomean = (xs: number[]) => Math.exp(mean(xs.map((x) => Math.log(Math.max(x, 1e-9)))));
  console.log("windows of 2 and 2.5 seasons, forecast one season ahead; MASE mean (geomean)");
  console.log("frequency   windows  season taken  tidecast          seasonal naive    naive             tidecast/snaive geomean  coverage 80% 95%");
  for (const [m, rows] of scores) {
    const cell = (pick: (r: WindowScore) => number) => `${mean(rows.map(pick)).toFixed(3)} (${geomean(rows.map(pick)).toFixed(3)})`.padEnd(18);
    const ratio = geomean(rows.map((r) => r.recommended)) / geomean(rows.map((r) => r.snaive));
    const taken = rows.filter((r) => r.seasonal).length;
    console.log(`${(m === 12 ? "monthly" : "quarterly").padEnd(12)}${String(rows.length).padEnd(9)}${String(taken).padEnd(14)}${cell((r) => r.recommended)}${cell((r) => r.snaive)}${cell((r) => r.naive)}${ratio.toFixed(3).padEnd(25)}${mean(rows.map((r) => r.inside80)).toFixed(3)}  ${mean(rows.map((r) => r.inside95)).toFixed(3)}`);
  }
}

main();
