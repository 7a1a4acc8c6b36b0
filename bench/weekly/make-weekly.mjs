/**
 * Rebuilds bench/weekly from the daily benchmark files in this repo: `node bench/weekly/make-weekly.mjs`.
 * No benchmark set had a weekly series, and M4's weekly horizon (13) and season (1) are their own
 * case (a yearly cycle of 52.18 steps, few years of history). Each week runs Monday to Sunday and
 * is labelled by its Monday; a week missing more than one reading at either end is dropped.
 * Counts are summed (a week with a day missing is scaled to seven days), weather is averaged,
 * and prices keep the week's last close.
 */
import fs from "node:fs";
import path from "node:path";

const here = path.dirname(new URL(import.meta.url).pathname);
const bench = path.resolve(here, "..");

const SOURCES = [
  { name: "births_6988_weekly", file: "npm/births_6988_daily.csv", how: "sum", date: "ymd" },
  { name: "births_9403_weekly", file: "npm/births_9403_daily.csv", how: "sum", date: "ymd" },
  { name: "ny_temp_max_weekly", file: "npm/ny_temp_max.csv", how: "mean", date: "ymd" },
  { name: "ny_wind_weekly", file: "npm/ny_wind.csv", how: "mean", date: "ymd" },
  { name: "seattle_wind_weekly", file: "npm/seattle_wind.csv", how: "mean", date: "ymd" },
  { name: "seattle_temp_max_weekly", file: "datasets/seattle_temp_max.csv", how: "mean", date: "mdy" },
  { name: "dax_weekly", file: "extended/dax_close.csv", how: "last", date: "ymd" },
  { name: "ftse_weekly", file: "extended/ftse_close.csv", how: "last", date: "dmy", sep: ";" },
];

function parseDate(text, order) {
  const parts = text.split(/[-/]/).map(Number);
  const [y, m, d] = order === "ymd" ? parts : order === "mdy" ? [parts[2], parts[0], parts[1]] : [parts[2], parts[1], parts[0]];
  return Date.UTC(y, m - 1, d);
}

const DAY = 86_400_000;
const series = [];
for (const source of SOURCES) {
  const lines = fs.readFileSync(path.join(bench, source.file), "utf8").replace(/^\uFEFF/, "").trim().split(/\r?\n/).slice(1);
  const weeks = new Map();
  for (const line of lines) {
    const [time, value] = line.split(source.sep ?? ",");
    const t = parseDate(time, source.date);
    const monday = t - ((new Date(t).getUTCDay() + 6) % 7) * DAY;
    if (!weeks.has(monday)) weeks.set(monday, []);
    weeks.get(monday).push(Number(value.replace(",", ".")));
  }
  const keys = [...weeks.keys()].sort((a, b) => a - b);
  const full = source.how === "last" ? 5 : 7;
  while (keys.length > 0 && weeks.get(keys[0]).length < full - 1) keys.shift();
  while (keys.length > 0 && weeks.get(keys[keys.length - 1]).length < full - 1) keys.pop();
  const rows = keys.map((key) => {
    const days = weeks.get(key);
    const sum = days.reduce((s, v) => s + v, 0);
    const value = source.how === "sum" ? (sum * 7) / days.length : source.how === "mean" ? sum / days.length : days[days.length - 1];
    return `${new Date(key).toISOString().slice(0, 10)},${Math.round(value * 1000) / 1000}`;
  });
  fs.writeFileSync(path.join(here, `${source.name}.csv`), `week,value\n${rows.join("\n")}\n`);
  series.push({ name: source.name, file: `${source.name}.csv`, frequency: "weekly", season_length: 1, horizon: 13, time_column: "week", value_column: "value", n_points: rows.length });
}
const manifest = {
  set: "weekly",
  description: "Weekly aggregates of the benchmark's daily series (make-weekly.mjs). No R reference scores: compare with tidecast's own baselines.",
  series,
};
fs.writeFileSync(path.join(here, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
