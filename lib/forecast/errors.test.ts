import { buildSync } from "esbuild";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { describeTrainingError } from "../workbench/progress-view";

type ErrorsModule = typeof import("./errors");

/**
 * errors.ts as a production bundle ships it: minified, so class names are not kept (Next's build
 * emits the forecaster's errors as anonymous `class extends t {}`).
 */
function loadMinified(): ErrorsModule {
  const { outputFiles } = buildSync({
    entryPoints: [fileURLToPath(new URL("./errors.ts", import.meta.url))],
    bundle: true,
    minify: true,
    format: "cjs",
    platform: "neutral",
    write: false,
  });
  const module = { exports: {} as ErrorsModule };
  new Function("module", "exports", outputFiles[0]?.text ?? "")(module, module.exports);
  return module.exports;
}

describe("forecaster errors after minification", () => {
  const errors = loadMinified();

  it.each([
    ["ForecastError", () => new errors.ForecastError("x")],
    ["InvalidRequestError", () => new errors.InvalidRequestError("x")],
    ["SeriesTooShortError", () => new errors.SeriesTooShortError("a", 3, 30, 12)],
    ["TrainingDivergedError", () => new errors.TrainingDivergedError(0.3)],
    ["SavedModelError", () => new errors.SavedModelError("x")],
  ])("%s keeps its name across the worker boundary", (name, make) => {
    expect(make().name).toBe(name);
  });

  it("a diverged run's message reaches the analyst as the forecaster wrote it", () => {
    const error = new errors.TrainingDivergedError(0.3);
    expect(describeTrainingError(error.name, error.message)).toBe(error.message);
  });
});
