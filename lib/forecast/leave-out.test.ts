import { beforeAll, describe, expect, it } from "vitest";
import { InvalidRequestError, SeriesTooShortError } from "./errors";
import { applyLeaveOut, countLeftOut, describeLeaveOutPeriod, leftOutIndices } from "./leave-out";
import { cleanSeries, scoredValues } from "./prepare";
import { createRandom } from "./random";
import { initBackend } from "./backend";
import { forecastFromModel } from "./forecast-from-model";
import { runClassicalForecast, runForecast, runForecastOrFallback } from "./run-forecast";
import type { ForecastConfig, ForecastRequest } from "./types";

const month = (year: number, m: number) => Date.UTC(year, m - 1, 1);
/** Monthly times from Jan 2012. */
const monthsFrom2012 = (n: number) => Array.from({ length: n }, (_, i) => Date.UTC(2012, i, 1));
const FAST: Partial<ForecastConfig> = { epochs: 4, units: 4, ensembleSize: 1, patience: 2, backtestOrigins: 7, lookback: 12, patchLength: 3 };

function seasonal(n: number, seed = 1): number[] {
  const random = createRandom(seed);
  return Array.from({ length: n }, (_, t) => 100 + 0.3 * t + 20 * Math.sin((2 * Math.PI * t) / 12) + 2 * (random.next() - 0.5));
}

/** The series with its values in [from, to] cut by 40% (a COVID-like dip). */
function dipped(values: number[], times: number[], from: number, to: number): number[] {
  return values.map((v, i) => ((times[i] as number) >= from && (times[i] as number) <= to ? 0.6 * v : v));
}

const COVID = { from: month(2020, 3), to: month(2021, 6) };

describe("leftOutIndices and describeLeaveOutPeriod", () => {
  it("takes both ends of a period and names it at the series' precision", () => {
    const times = monthsFrom2012(120);
    const indices = leftOutIndices({ times }, [COVID]);
    expect(indices[0]).toBe(98); // Mar 2020
    expect(indices.at(-1)).toBe(113); // Jun 2021
    expect(indices).toHaveLength(16);
    expect(describeLeaveOutPeriod(COVID, "monthly")).toBe("Mar 2020 – Jun 2021");
    expect(describeLeaveOutPeriod({ from: month(2020, 4), to: month(2020, 4) }, "monthly")).toBe("Apr 2020");
  });

  it("writes both ends of an hourly period with their hours when one has an hour", () => {
    const from = Date.UTC(2024, 2, 1);
    expect(describeLeaveOutPeriod({ from, to: Date.UTC(2024, 2, 3, 18) }, "hourly")).toBe("1 Mar 2024 00:00 – 3 Mar 2024 18:00");
    expect(describeLeaveOutPeriod({ from, to: Date.UTC(2024, 2, 3) }, "hourly")).toBe("1 Mar 2024 – 3 Mar 2024");
  });
});

describe("applyLeaveOut", () => {
  const times = monthsFrom2012(120);
  const request = (leaveOut: ForecastConfig["leaveOut"], withTimes = true): ForecastRequest => ({
    series: [{ name: "sales", values: seasonal(120), ...(withTimes ? { times } : {}) }],
    horizon: 12,
    seasonLength: 12,
    frequency: "monthly",
    config: { leaveOut },
  });

  it("blanks the period's values and nothing else, and blanking twice changes nothing", () => {
    const once = applyLeaveOut(request([COVID]));
    const values = Array.from(once.series[0]?.values ?? []);
    expect(values.filter(Number.isNaN)).toHaveLength(16);
    expect(Number.isNaN(values[97] as number)).toBe(false);
    expect(Number.isNaN(values[98] as number)).toBe(true);
    expect(Number.isNaN(values[114] as number)).toBe(false);
    expect(Array.from(applyLeaveOut(once).series[0]?.values ?? [])).toEqual(values);
  });

  it("refuses a period covering the last value, naming the latest end allowed", () => {
    expect(() => applyLeaveOut(request([{ from: month(2020, 3), to: month(2030, 1) }]))).toThrow(
      'The period left out, Mar 2020 – Jan 2030, covers the last value of "sales" (Dec 2021): nothing would be left to start the forecast from; end it by Nov 2021 at the latest.',
    );
  });

  it("refuses a period over the end of a lone series sent with missing values at its end: no series reads there to name instead", () => {
    const values = seasonal(120).map((v, i) => (i >= 118 ? Number.NaN : v));
    const lone = { ...request([{ from: month(2021, 6), to: month(2021, 12) }]), series: [{ name: "sales", values, times }] };
    expect(() => applyLeaveOut(lone)).toThrow(/covers the last value of "sales" \(Dec 2021\)/);
  });

  it("refuses a period that ends before it starts, one that holds no value, and a series without times", () => {
    expect(() => applyLeaveOut(request([{ from: month(2021, 6), to: month(2020, 3) }]))).toThrow("The period to leave out ends (Mar 2020) before it starts (Jun 2021).");
    expect(() => applyLeaveOut(request([{ from: month(2030, 1), to: month(2030, 6) }]))).toThrow(
      "The period left out, Jan 2030 – Jun 2030, holds no value to leave out (the series run Jan 2012 – Dec 2021).",
    );
    expect(() => applyLeaveOut(request([COVID], false))).toThrow(InvalidRequestError);
  });

  it("names an hourly series' span with both its hours when it starts at midnight", () => {
    const hours = Array.from({ length: 72 }, (_, i) => Date.UTC(2024, 0, 1, i));
    const hourly: ForecastRequest = { series: [{ name: "load", values: hours.map((_, i) => 50 + (i % 24)), times: hours }], horizon: 24, seasonLength: 24, frequency: "hourly", config: { leaveOut: [{ from: Date.UTC(2024, 1, 1, 6), to: Date.UTC(2024, 1, 1, 9) }] } };
    expect(() => applyLeaveOut(hourly)).toThrow(
      "The period left out, 1 Feb 2024 06:00 – 1 Feb 2024 09:00, holds no value to leave out (the series run 1 Jan 2024 00:00 – 3 Jan 2024 23:00).",
    );
  });
});

describe("cleanSeries with values left out", () => {
  it("fills them along the season and keeps where they were, in clean indexing", () => {
    const times = monthsFrom2012(120);
    const values = seasonal(120);
    values[0] = Number.NaN; // a leading gap shifts the clean indices by one
    const clean = cleanSeries(values, 12, leftOutIndices({ times }, [COVID]));
    expect(clean.offset).toBe(1);
    expect(clean.filled).toBe(16);
    expect(clean.filledWithSeason).toBe(true);
    expect(clean.leftOut[0]).toBe(97);
    // The fill follows the season: March's fill is close to what March would have been.
    expect(Math.abs((clean.values[97] as number) - (values[98] as number))).toBeLessThan(5);
    expect(scoredValues(clean).filter(Number.isNaN)).toHaveLength(16);
    expect(countLeftOut({ times }, [COVID], 1)).toEqual([{ ...COVID, count: 16 }]);
  });

  it("counts a value held by overlapping periods once, in the first that holds it", () => {
    // Mar 2020 – Jun 2021 and 2021 share Jan – Jun 2021: 22 values are left out, not 16 + 12.
    const times = monthsFrom2012(120);
    const year2021 = { from: month(2021, 1), to: month(2021, 12) };
    expect(countLeftOut({ times }, [COVID, year2021], 0)).toEqual([{ ...COVID, count: 16 }, { ...year2021, count: 6 }]);
    expect(leftOutIndices({ times }, [COVID, year2021])).toHaveLength(22);
    // A period inside another adds nothing.
    expect(countLeftOut({ times }, [COVID, { from: month(2020, 4), to: month(2020, 5) }], 0)).toEqual([{ ...COVID, count: 16 }]);
  });
});

describe("a run with a period left out", () => {
  beforeAll(async () => {
    await initBackend();
  });

  it("scores no backtest fold against the left-out values and says how many it left out", async () => {
    // 10 years to Dec 2021, h = 6, 7 origins: the backtest scores Feb–Dec 2021, and the dip left
    // out (Mar 2020 – Jun 2021) covers its first months.
    const times = monthsFrom2012(120);
    const values = dipped(seasonal(120), times, COVID.from, COVID.to);
    const outcome = await runForecast({ series: [{ name: "sales", values, times }], horizon: 6, seasonLength: 12, frequency: "monthly", config: { ...FAST, leaveOut: [COVID] } });
    const s = outcome.series[0];
    if (!s) throw new Error("no outcome");
    expect(s.preprocessing.leftOut).toEqual([{ ...COVID, count: 16 }]);
    expect(s.preprocessing.filled).toBe(16);
    expect(outcome.config.leaveOut).toEqual([COVID]);
    const scoredTimes = s.folds.flatMap((f) => f.actual.map((a, j) => ({ t: times[f.origin + 1 + j] as number, a })));
    expect(scoredTimes.length).toBeGreaterThan(0);
    for (const { t, a } of scoredTimes) {
      if (t <= COVID.to) expect(a).toBeNaN();
      else expect(a).toBe(values[times.indexOf(t)]);
    }
    expect(Number.isFinite(s.metrics.lstm.mase)).toBe(true);

    // The saved model forecasts the same data again as the run did: with the period still left out.
    const again = await forecastFromModel(outcome.model, [{ name: "sales", values, times }]);
    again.series[0]?.forecasts.lstm.mean.forEach((v, j) => expect(v).toBeCloseTo(s.forecasts.lstm.mean[j] as number, 4));
  });

  it("does the same for a series too short for the network (Theta)", async () => {
    const times = monthsFrom2012(120).slice(84); // Jan 2019 – Dec 2021: 36 months
    const values = dipped(seasonal(36), times, COVID.from, COVID.to);
    const outcome = await runClassicalForecast({ series: [{ name: "sales", values, times }], horizon: 12, seasonLength: 12, frequency: "monthly", config: { leaveOut: [COVID] } });
    const s = outcome.series[0];
    if (!s) throw new Error("no outcome");
    expect(s.preprocessing.leftOut).toEqual([{ ...COVID, count: 16 }]);
    const scored = s.folds.flatMap((f) => f.actual.map((a, j) => ({ t: times[f.origin + 1 + j] as number, a })));
    expect(scored.some(({ t }) => t >= COVID.from && t <= COVID.to)).toBe(true);
    for (const { t, a } of scored) {
      if (t >= COVID.from && t <= COVID.to) expect(a).toBeNaN();
      else expect(a).toBe(values[times.indexOf(t)]);
    }
  });

  it("names the period when what is left is too short", async () => {
    // A period at the start is dropped like a leading gap: 4 values remain of 40.
    const times = monthsFrom2012(40);
    const request = { series: [{ name: "sales", values: seasonal(40), times }], horizon: 6, seasonLength: 12, frequency: "monthly", config: { leaveOut: [{ from: month(2012, 1), to: month(2014, 12) }] } };
    await expect(runForecastOrFallback(request)).rejects.toThrow(
      new SeriesTooShortError("sales", 4, 5, 6, false, "Jan 2012 – Dec 2014"),
    );
    await expect(runForecastOrFallback(request)).rejects.toThrow(/after leaving out Jan 2012 – Dec 2014/);
  });
});
