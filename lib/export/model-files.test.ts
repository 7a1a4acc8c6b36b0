import { describe, expect, it } from "vitest";
import { forecastFromModel, fromTfjsFiles, runForecast, toTfjsFiles } from "../forecast";
import { readModelFiles, toModelZip } from "./model-files";

/** A monthly-like series: trend, season, a little deterministic wobble. */
const values = Array.from({ length: 72 }, (_, t) => 100 + 0.5 * t + 10 * Math.sin((2 * Math.PI * t) / 12) + ((t * 7) % 5));

describe("a trained model through its download and back", () => {
  it("the ZIP uploaded again forecasts exactly as the model did, without training", async () => {
    const request = { series: [{ name: "visitors", values }], horizon: 4, seasonLength: 12, config: { epochs: 2, units: 4, ensembleSize: 1, patience: 2 } };
    const { model } = await runForecast(request);
    const zip = toModelZip(toTfjsFiles(model));
    const uploaded = await readModelFiles([{ name: "visitors_model.zip", data: zip }]);
    if (!uploaded.ok) throw new Error(uploaded.reason);
    const again = fromTfjsFiles(uploaded.data);
    expect(await forecastFromModel(again, request.series)).toEqual(await forecastFromModel(model, request.series));
  });
});
