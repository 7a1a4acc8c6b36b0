import { expect } from "vitest";
import type { IntervalForecast } from "./types";

/** Test helper: every step's bands are nested around the point forecast (95% ⊇ 80% ∋ forecast). */
export function expectNestedBands(f: IntervalForecast, steps: number): void {
  expect(f.mean).toHaveLength(steps);
  for (let j = 0; j < steps; j++) {
    expect(f.lower95[j]).toBeLessThanOrEqual(f.lower80[j] as number);
    expect(f.lower80[j]).toBeLessThanOrEqual(f.mean[j] as number);
    expect(f.mean[j]).toBeLessThanOrEqual(f.upper80[j] as number);
    expect(f.upper80[j]).toBeLessThanOrEqual(f.upper95[j] as number);
  }
}
