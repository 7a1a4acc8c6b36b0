/**
 * Base class of the forecaster's errors; `message` says what to change. Each class spells out its
 * `name` rather than reading `new.target.name`: the production build minifies class names, and the
 * name is all that tells the page a worker's error is one of these (see isForecastErrorName).
 */
export class ForecastError extends Error {
  override name = "ForecastError";
}

/** The request itself is malformed (no series, horizon not a positive integer, …). */
export class InvalidRequestError extends ForecastError {
  override name = "InvalidRequestError";
}

/** A series has too few observed values for the horizon and the backtest. */
export class SeriesTooShortError extends ForecastError {
  override name = "SeriesTooShortError";
  constructor(
    readonly series: string,
    readonly length: number,
    readonly minimumLength: number,
    readonly horizon: number,
    /** false: the minimum holds whatever the horizon (the fewest values any forecast is made from). */
    horizonMatters = true,
    /** The periods left out of this series, in words ("Mar 2020 – Jun 2021"), when any were. */
    leftOut?: string,
  ) {
    const has = `Series "${series}" has ${length} usable ${length === 1 ? "value" : "values"}${leftOut ? ` after leaving out ${leftOut}` : ""}`;
    const fix = leftOut ? "Leave out a shorter period or none, or upload a longer history." : "Upload a longer history.";
    super(
      horizonMatters
        ? `${has}; forecasting ${horizon} steps with a backtest needs at least ${minimumLength}. Shorten the horizon${leftOut ? ", leave out a shorter period" : ""} or upload a longer history.`
        : `${has}; a forecast needs at least ${minimumLength}, whatever the horizon. ${fix}`,
    );
  }
}

/** Training produced a non-finite loss. */
export class TrainingDivergedError extends ForecastError {
  override name = "TrainingDivergedError";
  constructor(readonly learningRate: number) {
    super(
      `Training diverged (the loss became NaN or infinite) at learning rate ${learningRate}. ` +
        `Lower the learning rate, e.g. to ${Number((learningRate / 3).toPrecision(2))}.`,
    );
  }
}

/** A saved model cannot serve this request (unknown series, horizon too long, corrupt bytes). */
export class SavedModelError extends ForecastError {
  override name = "SavedModelError";
}

/**
 * The names the forecaster's errors carry. Errors cross a worker boundary as `{ name, message }`
 * (lib/forecast/protocol.ts), where `instanceof` is lost; the name says whether the message is one
 * of ours, written for the analyst, or something unexpected.
 */
const FORECAST_ERROR_NAMES: ReadonlySet<string> = new Set(["ForecastError", "InvalidRequestError", "SeriesTooShortError", "TrainingDivergedError", "SavedModelError"]);

/** Whether an error name (a worker's "error" event) is one of the forecaster's own errors. */
export function isForecastErrorName(name: string): boolean {
  return FORECAST_ERROR_NAMES.has(name);
}
