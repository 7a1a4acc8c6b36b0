import { describe, expect, it } from "vitest";
import { inferFrequency } from "../time/frequency";
import { describeIrregularEvents } from "./irregular-events";

const events = inferFrequency([0, 2, 9, 70, 71, 300, 420, 425, 600].map((m) => m * 60_000));
const grid = inferFrequency([0, 1, 2, 1, 0, 2, 2, 1, 0, 1, 2, 0].map((s, i) => i * 600_000 + s * 1000));
const monthly = inferFrequency([Date.UTC(2024, 0, 1), Date.UTC(2024, 1, 1), Date.UTC(2024, 2, 1)]);

describe("describeIrregularEvents", () => {
  it("names a series of events and says how to group its rows, in the preview, the API and the CLI", () => {
    expect(describeIrregularEvents([{ name: "gross", frequency: events }])).toBe(
      'Series "gross" holds events at irregular times (a row per transaction or order), not readings at a regular step, so it is not forecast as it is: its next values would be placed at a step it does not have. Import the file again with its rows grouped by a period: choose Day or Week under "Group rows by" in the import preview (API: `"aggregate": { "period": "day" }` in the upload\'s options; CLI: `--aggregate day`).',
    );
  });

  it("names only the chosen series that are events, several in one sentence", () => {
    const chosen = ["gross", "fee", "net"].map((name) => ({ name, frequency: events }));
    expect(describeIrregularEvents([{ name: "visits", frequency: monthly }, ...chosen])).toMatch(/^The series "gross", "fee", "net" hold events at irregular times .*, so they are not forecast as they are: their next values/);
  });

  it("lets a logger off its grid by a second, and regular series, be forecast", () => {
    expect(describeIrregularEvents([{ name: "temperature", frequency: grid }, { name: "visits", frequency: monthly }])).toBeNull();
  });
});
