import { describe, expect, it } from "vitest";
import { readMissingMark, type MarkColumn } from "./missing-mark";

const column = (name: string, values: number[]): MarkColumn => ({
  name,
  parts: [{ values: Float64Array.from(values), length: values.length, rows: Int32Array.from(values.map((_, i) => i + 2)) }],
});
const temperatures = [13.6, 13.3, 11.9, 11, 11.2, 11.3, 10.7, 10.7, 9.9, -1.9, 44.6];

describe("a number written for a missing reading", () => {
  it("is read as missing in every column where it lies beyond the others, once it lies far beyond them in one", () => {
    const t = column("T", [...temperatures, -200, -200, -200]);
    // Resistances of 300–2,600: -200 lies beyond them, though not by their span.
    const sensor = column("PT08.S1(CO)", [1360, 1292, 1402, 1376, 1272, 1197, 1185, 1136, 2600, 300, -200, -200, -200]);
    const found = readMissingMark([t, sensor], 5);
    expect(found).toMatchObject({ mark: -200, far: { name: "T" }, rowCount: 4, rows: [12, 13, 14, 15] });
    expect(found?.columns).toEqual([
      { name: "T", count: 3, min: -1.9, max: 44.6 },
      { name: "PT08.S1(CO)", count: 3, min: 300, max: 2600 },
    ]);
    expect(Array.from(t.parts[0]!.values).slice(-3)).toEqual([NaN, NaN, NaN]);
    expect(sensor.parts[0]!.values.filter((v) => v === -200)).toHaveLength(0);
  });

  it("is found as nines above the values too (9999), and in a column split by series", () => {
    const split: MarkColumn = {
      name: "TMAX",
      parts: [
        { values: Float64Array.from([31, 9999, 28, 30, 9999]), length: 5, rows: Int32Array.from([2, 3, 4, 5, 6]) },
        { values: Float64Array.from([25, 27, 9999, 26, 24, 0]), length: 6, rows: Int32Array.from([7, 8, 9, 10, 11, 12]) },
      ],
    };
    expect(readMissingMark([split], 5)).toMatchObject({ mark: 9999, rowCount: 3, rows: [3, 6, 9] });
  });

  it("is found as nines with one decimal, as NOAA's daily summaries write a missing temperature (9999.9) or wind speed (999.9)", () => {
    const max = column("MAX", [48.2, 51.1, 9999.9, 46.9, 44.1, 9999.9, 50, 53.6, 55.9, 9999.9, 49.3]);
    const wind = column("WDSP", [6.1, 999.9, 4.4, 8.9, 999.9, 7.2, 5.5, 999.9, 3.9, 6.6, 10.1]);
    expect(readMissingMark([max], 5)).toMatchObject({ mark: 9999.9, rowCount: 3, rows: [4, 7, 11] });
    expect(readMissingMark([wind], 5)).toMatchObject({ mark: 999.9, rowCount: 3, rows: [3, 6, 9] });
    const below = column("TEMP", [-999.9, 12.5, -3.1, 0.4, -999.9, 7.7, 2.2, -8.3, -999.9, 4.4, 1.1]);
    expect(readMissingMark([below], 5)).toMatchObject({ mark: -999.9, rowCount: 3 });
  });

  it("is found as nines with two decimals, as NOAA's daily summaries write a missing precipitation (99.99), only where it lies far beyond the others", () => {
    // Inches of rain, 0 to 1.12.
    const rain = column("PRCP", [0, 0.2, 0.05, 99.99, 0.31, 0, 1.12, 99.99, 0.03, 0, 0.48, 99.99]);
    // Beside it, a humidity in % reaching 99.99 on three days: beyond its other values, but not far.
    const humidity = column("RH", [71.5, 99.99, 88.02, 64.3, 99.99, 93.1, 79.45, 99.99, 58.8, 84.6, 97.25, 90.1]);
    const found = readMissingMark([rain, humidity], 5);
    expect(found).toMatchObject({ mark: 99.99, far: { name: "PRCP", min: 0, max: 1.12 }, rowCount: 3, rows: [5, 9, 13] });
    expect(found?.columns.map((c) => c.name)).toEqual(["PRCP"]);
    expect(Array.from(rain.parts[0]!.values).filter((v) => v !== v)).toHaveLength(3);
    expect(Array.from(humidity.parts[0]!.values).filter((v) => v === 99.99)).toHaveLength(3);
  });

  it("is not read from nines with two decimals that are a series' own level in a long file: a price of 99.99 or 999.99", () => {
    const part = (values: number[], from: number) => ({ values: Float64Array.from(values), length: values.length, rows: Int32Array.from(values.map((_, i) => from + i)) });
    for (const price of [99.99, 999.99]) {
      const prices: MarkColumn = {
        name: "Price",
        parts: [part([9.99, 9.99, 9.99, 9.99], 2), part([14.99, 24.99, 14.99, 14.99], 6), part([31.99, 32.99, 30.99, 31.99], 10), part([price, price, price, price], 14)],
      };
      expect(readMissingMark([prices], 5)).toBeNull();
      expect(Array.from(prices.parts[3]!.values)).toEqual([price, price, price, price]);
    }
    // A station's missing precipitation lies among its own readings: still a mark, also in a station without a gauge.
    const rain: MarkColumn = { name: "PRCP", parts: [part([0, 0.2, 99.99, 0.05, 0.31, 99.99], 2), part([0, 1.12, 0.03, 0, 0.48, 0], 8), part([99.99, 99.99], 14)] };
    expect(readMissingMark([rain], 5)).toMatchObject({ mark: 99.99, rowCount: 4 });
  });

  it("is not guessed from a value among the others' span, a round number that is not a code, or too few repeats", () => {
    const fees = [120, 4990, 310, 75, 2200, 18, 640, 99, 1500];
    for (const values of [
      [...fees, -200, -200, -200], // a recurring fee: -200 lies beyond, but not far beyond, sales of 18 to 4,990
      [...temperatures, -150, -150, -150], // not written as a code
      [4.2, -3.1, 12.5, 0.8, -7.4, 9.9, 2.2, -1.5, -100, -100, -100], // growth rates in %: -100 is a product dropped
      [...temperatures, 0, 0, 0], // a meter's 0 is a reading
      [...temperatures, -200, -200], // twice only
      [13.6, 13.3, -200, -200, -200], // too few other values to judge by
      [71.2, 84.5, 99.9, 62.3, 99.9, 77.8, 90.1, 99.9, 68.4, 73.9, 55.0, 99.9], // a heat wave in °F reaching 99.9: no code
      [31.2, 20.5, 25.9, 28.8, 33.1, 30.4, 27.7, 29.9, 99.9, 99.9, 99.9], // 99.9 far above: two nines are a reading (a humidity of 99.9 %)
      [99.95, 99.97, 99.9, 99.99, 99.96, 99.98, 99.93, 99.99, 99.94, 99.99, 99.92], // an uptime in % at its top: 99.99 lies close to the others
      [1.5, 2.25, 0.75, 3.5, 1.25, 2.5, 0.5, 1.75, 9.99, 9.99, 9.99], // one nine before two decimals is a price
      [120.5, 880.1, 455.2, 999.8, 610.3, 1020.6, 730.4, 999.9, 999.9, 999.9, 560.7], // 999.9 among the others' span
    ]) {
      const only = column("v", values);
      expect(readMissingMark([only], 5)).toBeNull();
      expect(Array.from(only.parts[0]!.values)).toEqual(values);
    }
  });
});
