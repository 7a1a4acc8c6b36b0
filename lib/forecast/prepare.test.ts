import { describe, expect, it } from "vitest";
import { choosePreparation } from "./prepare";
import { createRandom } from "./random";

const AUTO = { transform: "none", deseasonalize: "auto", cyclePeriod: 0, dampedTrend: false } as const;

describe("choosePreparation", () => {
  const random = createRandom(11);
  let level = 100;
  const walk = Float64Array.from({ length: 500 }, () => (level += random.next() - 0.5));
  const week = Float64Array.from({ length: 500 }, (_, t) => 100 + [0, 3, 5, 4, 9][t % 5]! + (random.next() - 0.5));

  it("does not take a random walk of business days for a weekly season, though M4's test says yes at lag 5", () => {
    expect(choosePreparation(walk, 5, AUTO, 14, "business-daily").deseasonalize).toBe("off");
    // Without the frequency, M4's test decides, and its autocorrelation near 1 passes.
    expect(choosePreparation(walk, 5, AUTO, 14).deseasonalize).toBe("on");
  });

  it("keeps a real week of business days", () => {
    expect(choosePreparation(week, 5, AUTO, 14, "business-daily").deseasonalize).toBe("on");
  });
});
