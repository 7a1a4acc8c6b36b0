import { describe, expect, it } from "vitest";
import { resolveConfig } from "../forecast/config";
import { forecastConfigSchema, startForecastSchema } from "./run-schema";

describe("forecaster settings in requests and stored runs", () => {
  it("takes a request's overrides as given: the settings it leaves out keep the forecaster's defaults", () => {
    const input = startForecastSchema.parse({ horizon: 7, config: { epochs: 3 } });
    expect(input.config).toEqual({ epochs: 3 });
    const config = resolveConfig({ series: [{ name: "a", values: new Array(800).fill(1) }], horizon: 7, seasonLength: 7, frequency: "daily", config: input.config });
    expect(config.screenOutliers).toBe(true);
    expect(config.cyclePeriod).toBe(365.25);
  });

  it("reads a run stored before the outlier screen and the long cycle as having neither", () => {
    const stored = { ...resolveConfig({ series: [{ name: "a", values: new Array(100).fill(1) }], horizon: 6, seasonLength: 12 }) } as Record<string, unknown>;
    delete stored.screenOutliers;
    delete stored.cyclePeriod;
    expect(forecastConfigSchema.parse(stored)).toMatchObject({ screenOutliers: false, cyclePeriod: 0 });
  });

  it("refuses a setting the forecaster does not have", () => {
    expect(startForecastSchema.safeParse({ config: { epoch: 3 } }).success).toBe(false);
  });
});
