/** Base class of the forecaster's errors; `message` says what to change. */
export class ForecastError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The request itself is malformed (no series, horizon not a positive integer, …). */
export class InvalidRequestError extends ForecastError {}

/** A series has too few observed values for the horizon and the backtest. */
export class SeriesTooShortError extends ForecastError {
  constructor(
    readonly series: string,
    readonly length: number,
    readonly minimumLength: number,
    readonly horizon: number,
    /** false: the minimum holds whatever the horizon (the fewest values any forecast is made from). */
    horizonMatters = true,
  ) {
    super(
      horizonMatters
        ? `Series "${series}" has ${length} usable values; forecasting ${horizon} steps with a backtest needs at least ` +
            `${minimumLength}. Shorten the horizon or upload a longer history.`
        : `Series "${series}" has ${length} usable ${length === 1 ? "value" : "values"}; a forecast needs at least ${minimumLength}, whatever the horizon. Upload a longer history.`,
    );
  }
}

/** Training produced a non-finite loss. */
export class TrainingDivergedError extends ForecastError {
  constructor(readonly learningRate: number) {
    super(
      `Training diverged (the loss became NaN or infinite) at learning rate ${learningRate}. ` +
        `Lower the learning rate, e.g. to ${Number((learningRate / 3).toPrecision(2))}.`,
    );
  }
}

/** A saved model cannot serve this request (unknown series, horizon too long, corrupt bytes). */
export class SavedModelError extends ForecastError {}
