import { describe, expect, it } from "vitest";
import { readDataset } from "../csv/read-dataset";
import { horizonLimit, MAX_HORIZON, minimumLength, toHistories } from "../forecast/config";
import { applyLeaveOut } from "../forecast/leave-out";
import { nextTimes, regularTimes, type Frequency } from "../time/frequency";
import {
  describeHorizonPlan,
  describeLeaveOutBeforeRun,
  describeSkipped,
  describeStoppedSeries,
  limitStoppedNotes,
  toAutoConfig,
  toDefaultHorizon,
  toHorizonPlan,
  toStepCount,
  type SeriesLength,
} from "./horizon-plan";
import { describeStopped } from "../forecast/run-forecast";
import { alignEnds, defaultHorizon, toForecastRequest, toRegularSeries, toShortestHistory } from "./to-forecast-request";

const monthly: Frequency = { kind: "monthly", step: { unit: "month", months: 1 }, seasonLength: 12, label: "monthly", gapCount: 0 };
const series = (name: string, pointCount: number, missingCount = 0, gapCount = 0): SeriesLength => ({ name, pointCount, missingCount, frequency: { ...monthly, gapCount } });

describe("toStepCount", () => {
  it("counts the grid's steps less the empty cells", () => {
    expect(toStepCount(series("a", 100, 5, 3))).toBe(98);
  });
});

describe("toHorizonPlan", () => {
  const needed = minimumLength(12);

  it.each([
    ["nothing chosen", [], { tooShort: [], shortest: Number.POSITIVE_INFINITY, classical: false }],
    ["one long series", [series("a", 500)], { tooShort: [], shortest: 500, classical: false }],
    ["one series too short for the LSTM", [series("a", needed - 1)], { shortest: needed - 1, classical: true }],
    ["a long and a short series", [series("a", 500), series("b", needed - 1)], { shortest: needed - 1, classical: false }],
    ["a series too short for any forecast beside a long one", [series("a", 500), series("b", 3)], { tooShort: ["b"], shortest: 500, classical: false }],
  ])("%s", (_, chosen, expected) => {
    expect(toHorizonPlan(chosen, 12)).toMatchObject({ needed, ...expected });
  });

  it("plans no Theta forecast for a horizon the run refuses: the button would offer one beside the refusal", () => {
    expect(toHorizonPlan([series("a", 176)], 176)).toMatchObject({ classical: true, problem: null });
    expect(toHorizonPlan([series("a", 176)], 400)).toMatchObject({ classical: false, problem: expect.stringMatching(/^The horizon may be at most 176 steps/) });
  });

  it("limits the horizon to the longest chosen history, its steps on the grid, and says so in the forecaster's words", () => {
    // Stored series start and end with a value, so the grid's steps are the history the forecaster counts.
    const plan = toHorizonPlan([series("a", 160, 4, 16), series("b", 30)], 100_000);
    expect(plan.limit).toBe(176);
    expect(plan.problem).toBe(
      'The horizon may be at most 176 steps, the length of the longest history, that of "a" (got 100,000). Choose a horizon of at most 176 steps, or upload a longer history.',
    );
    expect(toHorizonPlan([series("a", 160, 4, 16)], 176).problem).toBeNull();
    expect(toHorizonPlan([series("a", 176)], 177).problem).toMatch(/^The horizon may be at most 176 steps, the length of the history \(got 177\)/);
    expect(toHorizonPlan([], 100_000)).toMatchObject({ limit: MAX_HORIZON, problem: null });
  });

  it("counts a period left out at a series' start out of its history, as the run drops it, and a period later on not", () => {
    // 40 months, Jan 2012 – Apr 2015; leaving out 2012 leaves 28 values to measure the horizon against.
    const a = { ...series("a", 40), start: new Date(Date.UTC(2012, 0, 1)).toISOString(), end: new Date(Date.UTC(2015, 3, 1)).toISOString() };
    const year2012 = { from: Date.UTC(2012, 0, 1), to: Date.UTC(2012, 11, 31) };
    expect(toHorizonPlan([a], 12).limit).toBe(40);
    expect(toHorizonPlan([a], 12, [year2012]).limit).toBe(28);
    expect(toHorizonPlan([a], 29, [year2012]).problem).toMatch(/^The horizon may be at most 28 steps, the length of the history \(got 29\)/);
    // Periods that follow one another from the start all count; one in the middle does not shorten the history.
    expect(toHorizonPlan([a], 12, [year2012, { from: Date.UTC(2013, 0, 1), to: Date.UTC(2013, 2, 1) }]).limit).toBe(25);
    expect(toHorizonPlan([a], 12, [{ from: Date.UTC(2013, 0, 1), to: Date.UTC(2013, 2, 1) }]).limit).toBe(40);
    // The limit is the run's: the history it measures the horizon against after leaving the period out.
    const values = Array.from({ length: 40 }, (_, t) => 100 + t);
    const times = Array.from({ length: 40 }, (_, t) => Date.UTC(2012, t, 1));
    const blanked = applyLeaveOut({ series: [{ name: "a", values, times }], horizon: 12, seasonLength: 12, frequency: "monthly", config: { leaveOut: [year2012] } });
    expect(horizonLimit(toHistories(blanked.series))).toBe(28);
  });

  it("needs nothing for a horizon below 1", () => {
    expect(toHorizonPlan([series("a", 50)], 0).needed).toBe(0);
  });
});

describe("notes", () => {
  it("says nothing when every series is long enough, or none is chosen", () => {
    expect(describeHorizonPlan(toHorizonPlan([series("a", 500)], 12), 1, 12)).toBeNull();
    expect(describeHorizonPlan(toHorizonPlan([], 12), 0, 12)).toBeNull();
  });

  it.each([
    ["too short for any forecast", [series("a", 3)], /has 3 values; a forecast needs at least 5/, true],
    ["Theta for all", [series("a", 30)], /^This series is too short for the LSTM at a horizon of 12/, false],
    ["Theta for some", [series("a", 500), series("b", 30)], /^The shortest chosen series has 30 values; a horizon of 12 needs/, false],
  ])("%s", (_, chosen, text, warning) => {
    const note = describeHorizonPlan(toHorizonPlan(chosen, 12), chosen.length, 12);
    expect(note?.text).toMatch(text);
    expect(note?.warning).toBe(warning);
  });

  it("names the series a run leaves out, unless it leaves out all", () => {
    expect(describeSkipped(toHorizonPlan([series("a", 500), series("b", 3)], 12), 2)).toMatch(/^b has fewer than the 5 values/);
    expect(describeSkipped(toHorizonPlan([series("b", 3)], 12), 1)).toBeNull();
  });
});

describe("toAutoConfig", () => {
  it("resolves the settings on the series the network trains on", () => {
    expect(toAutoConfig([series("a", 500)], 12, 12)?.lookback).toBeGreaterThan(0);
  });

  it.each([0, 1.5, 1e9])("shows no automatic values for the horizon %s", (horizon) => {
    expect(toAutoConfig([series("a", 500)], 12, horizon)).toBeNull();
  });
});

describe("the form's horizon limit and the forecaster's", () => {
  it("agree for a series grouped by day whose first kept day has only empty cells", () => {
    // The first day is partial (left out of the sums) and the second's rows are all empty: the
    // series began with a missing day, which the form counted as history and the forecaster did not.
    const rows = ["time,sales", "2025-03-01 20:00,5", ...[9, 12, 15, 18].map((h) => `2025-03-02 ${h}:00,`)];
    for (let d = 3; d <= 10; d++) for (const h of [9, 12, 15, 18]) rows.push(`2025-03-${String(d).padStart(2, "0")} ${h}:00,${d + h}`);
    const read = readDataset(rows.join("\n"), { aggregate: { period: "day", by: "sum" } });
    if (!read.ok) throw new Error(read.reason);
    const s = read.data.series[0]!;
    const chosen: SeriesLength = { name: s.name, pointCount: s.times.length, missingCount: s.missingCount, frequency: s.frequency };
    const regular = toRegularSeries("id", s.name, s.times, s.values, s.frequency);
    const limit = horizonLimit(toHistories([regular]));
    expect(toHorizonPlan([chosen], limit).limit).toBe(limit);
    expect(toHorizonPlan([chosen], limit + 1).problem).not.toBeNull();
  });
});

describe("describeStoppedSeries", () => {
  // north Jan 2018 – Dec 2023 (72 months); south's readings stop at Apr 2022, 20 months before.
  const north: SeriesLength = { ...series("north", 72), start: "2018-01-01T00:00:00.000Z", end: "2023-12-01T00:00:00.000Z" };
  const south: SeriesLength = { ...series("south", 52), start: "2018-01-01T00:00:00.000Z", end: "2022-04-01T00:00:00.000Z" };

  it("warns before the run that a series stopped more than the horizon before the others end will be left out", () => {
    expect(describeStoppedSeries([north, south], 6)).toEqual([
      {
        name: "south",
        text: "south's readings stop at Apr 2022, 20 months before the others end: with a horizon of 6 months it will be left out of the run (forecast it on its own to continue it).",
        warning: true,
      },
    ]);
  });

  it("says more quietly that a series stopped within the horizon is forecast from its last reading carried forward", () => {
    expect(describeStoppedSeries([north, south], 24)).toEqual([
      { name: "south", text: "south's readings stop at Apr 2022, 20 months before the others end: its forecast starts from its last reading carried forward over them.", warning: false },
    ]);
    const oneBehind: SeriesLength = { ...series("east", 71), start: "2018-01-01T00:00:00.000Z", end: "2023-11-01T00:00:00.000Z" };
    expect(describeStoppedSeries([north, oneBehind], 6)[0]?.text).toBe("east's readings stop at Nov 2023, 1 month before the others end: its forecast starts from its last reading carried forward over it.");
  });

  it("leaves out at exactly the horizons the run leaves it out (describeStopped on the aligned series)", () => {
    const toGrid = (s: SeriesLength) => {
      const times = Array.from({ length: s.pointCount }, (_, i) => Date.UTC(2018, i, 1));
      return { name: s.name, times, values: times.map((_, i) => i), frequency: monthly };
    };
    const aligned = alignEnds([north, south].map(toGrid));
    for (const horizon of [1, 6, 19, 20, 21, 40]) {
      const inRun = aligned.map((s) => describeStopped(s, horizon, "monthly") !== null);
      const noted = [north, south].map((s) => describeStoppedSeries([north, south], horizon).some((n) => n.name === s.name && n.warning));
      expect(noted, `horizon ${horizon}`).toEqual(inRun);
    }
  });

  it("counts the last readings a period leaves out as missing, and leaves out at the horizons the run leaves it out", () => {
    // Mar – Jun 2022 takes south's last two readings (Mar, Apr 2022): it keeps Feb 2022, 22 months before Dec 2023.
    const period = [{ from: Date.UTC(2022, 2, 1), to: Date.UTC(2022, 6, 1) - 1 }];
    expect(describeStoppedSeries([north, south], 21, [], period)).toEqual([
      {
        name: "south",
        text: "south's readings stop at Apr 2022, and with its last 2 months left out its last reading kept is Feb 2022, 22 months before the others end: with a horizon of 21 months it will be left out of the run (forecast it on its own to continue it).",
        warning: true,
      },
    ]);
    const grids = [north, south].map((s) => {
      const times = Array.from({ length: s.pointCount }, (_, i) => Date.UTC(2018, i, 1));
      return { name: s.name, times, values: times.map((_, i) => 50 + i), frequency: monthly };
    });
    const blanked = applyLeaveOut({ series: alignEnds(grids), horizon: 1, seasonLength: 12, frequency: "monthly", config: { leaveOut: period } });
    for (const horizon of [6, 20, 21, 22, 23]) {
      const inRun = blanked.series.map((s) => describeStopped(s, horizon, "monthly") !== null);
      const noted = [north, south].map((s) => describeStoppedSeries([north, south], horizon, [], period).some((n) => n.name === s.name && n.warning));
      expect(noted, `horizon ${horizon}`).toEqual(inRun);
    }
    expect(describeStopped(blanked.series[1]!, 21, "monthly")).toMatch(/its readings stop at Feb 2022, and its last 22 months are missing/);
  });

  it("says nothing when the chosen series end together, for a series named as too short, or for a horizon the form refuses", () => {
    expect(describeStoppedSeries([north], 6)).toEqual([]);
    expect(describeStoppedSeries([north, { ...north, name: "twin" }], 6)).toEqual([]);
    expect(describeStoppedSeries([north, south], 6, ["south"])).toEqual([]);
    expect(describeStoppedSeries([north, south], 0)).toEqual([]);
    expect(describeStoppedSeries([north, south], 2.5)).toEqual([]);
  });
});

describe("limitStoppedNotes", () => {
  const note = (name: string, warning: boolean) => ({ name, text: `${name} stopped`, warning });

  it("shows a few notes, those leaving a series out first, and counts the rest in one sentence", () => {
    const notes = [note("a", false), note("b", true), note("c", false), note("d", true), note("e", false), note("f", true)];
    expect(limitStoppedNotes(notes)).toEqual([
      note("b", true),
      note("d", true),
      note("f", true),
      { name: "", text: "3 more series stop before the others end: their forecasts start from their last readings carried forward.", warning: false },
    ]);
    expect(limitStoppedNotes([...notes, note("g", true)]).at(-1)).toEqual({ name: "", text: "4 more series stop before the others end: 1 of them will be left out of the run.", warning: true });
    expect(limitStoppedNotes(notes.map((n) => ({ ...n, warning: true }))).at(-1)?.text).toBe("3 more series stop before the others end: all of them will be left out of the run.");
  });

  it("lists every note when summing up would save no line", () => {
    const four = [note("a", false), note("b", true), note("c", false), note("d", false)];
    expect(limitStoppedNotes(four)).toEqual(four);
  });
});

describe("toDefaultHorizon", () => {
  // 40 months, Jan 2012 – Apr 2015.
  const a = { ...series("a", 40), start: "2012-01-01T00:00:00.000Z", end: "2015-04-01T00:00:00.000Z" };

  it("is the run's default for the chosen series, as the panel set it before a period was typed", () => {
    expect(toDefaultHorizon([a])).toBe(defaultHorizon(monthly, 40));
    expect(toDefaultHorizon([])).toBe(12);
  });

  it("follows a period left out at a series' start, staying within the limit the panel then shows", () => {
    // Jan 2012 – Jun 2014 left out: 10 values left, at most 10 steps, where 12 was the default.
    const start = [{ from: Date.UTC(2012, 0, 1), to: Date.UTC(2014, 6, 1) - 1 }];
    expect(toDefaultHorizon([a])).toBeGreaterThan(10);
    expect(toHorizonPlan([a], 12, start).limit).toBe(10);
    const followed = toDefaultHorizon([a], start);
    expect(followed).toBe(defaultHorizon(monthly, 10));
    expect(toHorizonPlan([a], followed, start).problem).toBeNull();
    // The same default the API and the CLI choose when no horizon is sent, from the series' values.
    const grid = { values: Array.from({ length: 40 }, (_, t) => 100 + t), times: Array.from({ length: 40 }, (_, t) => Date.UTC(2012, t, 1)) };
    expect(defaultHorizon(monthly, toShortestHistory([grid], start))).toBe(followed);
    // A period in the middle shortens nothing.
    expect(toDefaultHorizon([a], [{ from: Date.UTC(2013, 0, 1), to: Date.UTC(2013, 5, 1) }])).toBe(toDefaultHorizon([a]));
  });
});

describe("describeLeaveOutBeforeRun", () => {
  const quarterly: Frequency = { kind: "quarterly", step: { unit: "month", months: 3 }, seasonLength: 4, label: "quarterly", gapCount: 0 };
  const hourly: Frequency = { kind: "hourly", step: { unit: "ms", ms: 3_600_000 }, seasonLength: 24, label: "hourly", gapCount: 0 };
  const at = (ms: number) => new Date(ms).toISOString();
  /** A series of `n` steps from `start` on a grid, as the panel knows it. */
  const span = (name: string, start: number, n: number, frequency: Frequency = monthly): SeriesLength => ({
    name,
    pointCount: n,
    missingCount: 0,
    frequency,
    start: at(start),
    end: at(n > 1 ? (nextTimes(start, frequency, n - 1).at(-1) as number) : start),
  });
  // north Jan 2018 – Dec 2023 (72 months); south's readings stop at Apr 2022.
  const north = span("north", Date.UTC(2018, 0, 1), 72);
  const south = span("south", Date.UTC(2018, 0, 1), 52);
  const months = (from: [number, number], to: [number, number]) => ({ from: Date.UTC(from[0], from[1] - 1, 1), to: Date.UTC(to[0], to[1], 1) - 1 });

  /** What the run says of the periods: its own check on the chosen series, aligned as the workbench aligns them. */
  function runSays(chosen: SeriesLength[], leaveOut: { from: number; to: number }[]): string | null {
    const grids = chosen.map((s) => {
      const times = regularTimes(Date.parse(s.start as string), Date.parse(s.end as string), s.frequency);
      return { name: s.name, times, values: times.map((_, i) => 100 + i), frequency: s.frequency };
    });
    try {
      applyLeaveOut({ series: alignEnds(grids), horizon: 1, seasonLength: 12, frequency: chosen[0]?.frequency.kind, config: { leaveOut } });
      return null;
    } catch (err) {
      return (err as Error).message;
    }
  }

  it("says the run's own sentence for a period over the last value of a series", () => {
    const period = [months([2023, 6], [2023, 12])];
    const said = describeLeaveOutBeforeRun([north], period);
    expect(said).toBe('The period left out, Jun 2023 – Dec 2023, covers the last value of "north" (Dec 2023): nothing would be left to start the forecast from; end it by Nov 2023 at the latest.');
    expect(said).toBe(runSays([north], period));
  });

  it("takes a period over the last reading of a series that stopped early, as the run pads it to the others' end", () => {
    const period = [months([2022, 3], [2022, 6])];
    expect(runSays([north, south], period)).toBeNull();
    expect(describeLeaveOutBeforeRun([north, south], period)).toBeNull();
    // Alone, south ends in it.
    expect(describeLeaveOutBeforeRun([south], period)).toBe(runSays([south], period));
    expect(describeLeaveOutBeforeRun([south], period)).toMatch(/covers the last value of "south" \(Apr 2022\)/);
  });

  it("names a series over whose last value a period runs with its own last time, not a stopped column with the file's end", () => {
    // A wide file whose first column, south, stops at Apr 2020; core runs to Dec 2021.
    const stamps = Array.from({ length: 72 }, (_, i) => `${2016 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`);
    const read = readDataset(["month,south,core", ...stamps.map((m, i) => `${m},${i < 52 ? 50 + (i % 12) : ""},${100 + i}`)].join("\n"));
    if (!read.ok) throw new Error(read.reason);
    const stored = read.data.series;
    const chosen = stored.map((s): SeriesLength => ({ ...series(s.name, s.times.length), start: at(s.times[0] as number), end: at(s.times.at(-1) as number) }));
    expect(chosen.map((s) => `${s.name} ${s.end}`)).toEqual(["south 2020-04-01T00:00:00.000Z", "core 2021-12-01T00:00:00.000Z"]);
    const leaveOut = [months([2020, 3], [2021, 12])];
    const said = 'The period left out, Mar 2020 – Dec 2021, covers the last value of "core" (Dec 2021): nothing would be left to start the forecast from; end it by Nov 2021 at the latest.';
    expect(describeLeaveOutBeforeRun(chosen, leaveOut)).toBe(said);
    // The run's own check, on the series as the workbench sends them (south padded to Dec 2021).
    const sent = toForecastRequest(alignEnds(stored.map((s) => toRegularSeries(s.name, s.name, s.times, s.values, s.frequency))), { horizon: 6, mode: "global", overrides: {}, leaveOut }, 12, "monthly");
    expect(() => applyLeaveOut({ ...sent, config: { leaveOut } })).toThrow(said);
  });

  it("says what the run says of a period outside every chosen series, and of one between a quarterly series' values", () => {
    const outside = [months([2030, 1], [2030, 6])];
    expect(describeLeaveOutBeforeRun([north, south], outside)).toBe("The period left out, Jan 2030 – Jun 2030, holds no value to leave out (the series run Jan 2018 – Dec 2023).");
    expect(describeLeaveOutBeforeRun([north, south], outside)).toBe(runSays([north, south], outside));
    const q = span("gdp", Date.UTC(2010, 0, 1), 40, quarterly);
    const between = [months([2015, 2], [2015, 3])];
    expect(describeLeaveOutBeforeRun([q], between)).toMatch(/holds no value to leave out/);
    expect(describeLeaveOutBeforeRun([q], between)).toBe(runSays([q], between));
  });

  it("agrees with the run on every period of whole months around two series that end apart", () => {
    const ends: [number, number][] = [];
    for (let y = 2017; y <= 2024; y++) for (const m of [1, 4, 5, 6, 11, 12]) ends.push([y, m]);
    for (const chosen of [[north], [south], [north, south], [south, north]]) {
      for (const from of ends) {
        for (const to of ends) {
          if (Date.UTC(to[0], to[1]) <= Date.UTC(from[0], from[1] - 1)) continue;
          const period = [months(from, to)];
          expect(describeLeaveOutBeforeRun(chosen, period), `${chosen.map((s) => s.name).join("+")} ${from.join("-")}..${to.join("-")}`).toBe(runSays(chosen, period));
        }
      }
    }
  });

  it("places a period on an hourly grid without listing its hours, as the run does", () => {
    const load = span("load", Date.UTC(2024, 0, 1), 24 * 400, hourly);
    const between = [{ from: Date.UTC(2024, 5, 1, 10, 15), to: Date.UTC(2024, 5, 1, 10, 45) }];
    const lastHours = [{ from: Date.UTC(2025, 1, 4, 20), to: Date.UTC(2025, 1, 4, 23, 59) }];
    expect(describeLeaveOutBeforeRun([load], between)).toMatch(/holds no value to leave out/);
    expect(describeLeaveOutBeforeRun([load], between)).toBe(runSays([load], between));
    expect(describeLeaveOutBeforeRun([load], lastHours)).toBe(runSays([load], lastHours));
    expect(describeLeaveOutBeforeRun([load], [{ from: Date.UTC(2024, 5, 1, 10), to: Date.UTC(2024, 5, 1, 10) }])).toBeNull();
  });
});
