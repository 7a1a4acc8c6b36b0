/**
 * The single source of the forecaster's types. Everything that crosses the worker boundary is
 * structured-clone friendly (plain objects, number arrays, one ArrayBuffer in the saved model).
 */

// ---------------------------------------------------------------- backend

export type BackendName = "wasm" | "cpu";

export interface InitBackendOptions {
  /**
   * Where the browser fetches the three `.wasm` files of @tensorflow/tfjs-backend-wasm: a folder
   * URL ending in `/`, or a map from file name (`tfjs-backend-wasm.wasm`,
   * `tfjs-backend-wasm-simd.wasm`, `tfjs-backend-wasm-threaded-simd.wasm`) to URL. Not needed in
   * Node, where they load from node_modules.
   */
  wasmPaths?: string | Record<string, string>;
  /** Backend to try first; "cpu" skips wasm. Default "wasm". */
  prefer?: BackendName;
  /** Select again even if a backend was already chosen. */
  force?: boolean;
  /** Install the transposed BatchMatMul fix on wasm (default true; false only to measure it). */
  matMulFix?: boolean;
  /** Install the in-heap Slice/SplitV/Unpack fix on wasm (default true; false only to measure it). */
  sliceFix?: boolean;
}

export interface BackendInfo {
  /** The backend that runs. */
  name: BackendName;
  /** The backend that was asked for. */
  requested: BackendName;
  /** wasm only: SIMD build in use. */
  simd: boolean;
  /** wasm only: the transposed BatchMatMul fix is installed (≈2× faster training). */
  matMulFix: boolean;
  /**
   * wasm only: Slice, SplitV and Unpack copy inside the wasm heap instead of through a new
   * ArrayBuffer per call (the Chromium worker needed about half the CPU time afterwards). Absent in
   * runs saved before it existed.
   */
  sliceFix?: boolean;
  /** Why wasm was not used, when it was asked for and cpu runs. */
  fallbackReason?: string;
}

// ---------------------------------------------------------------- request and configuration

/** One series to forecast. Values are equally spaced in time, oldest first; NaN marks a missing value. */
export interface SeriesInput {
  name: string;
  values: ArrayLike<number>;
  /**
   * A value the series cannot exceed (100 for a share in percent): forecasts and bands are capped
   * there when the history never went above it. See {@link percentCeiling}.
   */
  upperBound?: number;
  /**
   * Epoch ms of every value (same length as `values`). Needed only to leave periods out
   * ({@link ForecastConfig.leaveOut}), which are named by time.
   */
  times?: ArrayLike<number>;
}

/** A span of time whose values are left out of training and filled as gaps; epoch ms, both ends included. */
export interface LeaveOutPeriod {
  from: number;
  to: number;
}

/** "log" models the series on the log scale (multiplicative level, trend and season). */
export type TransformKind = "log" | "none";

/**
 * global: one network learns from the windows of every series (each series keeps its own
 * scaling, level and season); per-series: one network per series.
 */
export type ForecastMode = "global" | "per-series";

/** Every setting of the forecaster. {@link resolveConfig} fills the defaults from the data. */
export interface ForecastConfig {
  /** Past values the LSTM sees per window, in time steps of the series (a multiple of patchLength). */
  lookback: number;
  /** Consecutive values the LSTM reads per recurrent step (lookback / patchLength steps; fewer steps train faster). */
  patchLength: number;
  /** LSTM units (hidden state size) per layer. */
  units: number;
  /**
   * Also feed the network the change over the last season (or step) at every input step, a
   * second channel beside the deseasonalised level: it shows the local trend directly.
   */
  differenceInput: boolean;
  /** Stacked LSTM layers (1–3). */
  layers: number;
  /** Dropout rate on the LSTM output during training (0 = none). */
  dropout: number;
  /** Maximum training epochs of the backtest model (early stopping usually ends sooner). */
  epochs: number;
  /** Adam learning rate. */
  learningRate: number;
  /** Windows per gradient step. */
  batchSize: number;
  /** Seed of every random choice (initial weights, batch order, dropout): same seed, same forecast. */
  seed: number;
  /** Networks in the ensemble (trained side by side as branches of one model, combined by median). */
  ensembleSize: number;
  /** Epochs without improvement of the validation loss before training stops. */
  patience: number;
  /** Share (0–0.5) of the most recent training windows held out for early stopping. */
  validationFraction: number;
  /** At most this many of the most recent windows per series are used for training. */
  maxWindows: number;
  /** Variance-stabilising transform; "auto" picks log for positive multiplicative series. */
  transform: "auto" | TransformKind;
  /** Remove the seasonal pattern before the network ("auto": when the M4 90% seasonality test passes). */
  deseasonalize: "auto" | "on" | "off";
  /**
   * Steps of a cycle longer than the season and too long for the seasonal smoothing (a week of
   * hourly or half-hourly data, a year of daily or weekly data: 168, 336, 365.25, 52.18; 0 = none), removed by Fourier harmonics before the network when `deseasonalize` allows it ("auto":
   * when the series passes the seasonality test at that lag).
   */
  cyclePeriod: number;
  /**
   * The exponential smoothing under the network has a damped trend (Holt-Winters damped, the
   * network corrects its forecast); false: level and season only, the network supplies any trend;
   * "auto": the one of the two with the lower AICc on the whole history, as R's ets chooses.
   */
  dampedTrend: "auto" | boolean;
  /**
   * Fit every method on the series with isolated outliers (single readings far outside their
   * neighbourhood, see outliers.ts) replaced by the robust fit at their place; the backtest still
   * scores against the values as they are. false: fit on the values as they are.
   */
  screenOutliers: boolean;
  /** Training loss on the normalised targets. */
  loss: "mae" | "mse" | "huber";
  /** Rolling backtest origins (each forecasts one horizon); also the calibration set of the intervals. */
  backtestOrigins: number;
  /**
   * A baseline or the combination replaces the LSTM as the recommended forecast only when its backtest MASE is lower
   * by more than this share (0.7 = 70%) and lower in both halves of the backtest.
   */
  chooseMargin: number;
  /**
   * Periods whose values are left out (a COVID dip): they are blanked and filled as gaps (along
   * the season when there is one), and the backtest scores no forecast against them. Needs
   * `SeriesInput.times`. Absent or empty: none.
   */
  leaveOut?: LeaveOutPeriod[];
}

export interface ForecastRequest {
  series: SeriesInput[];
  /** Steps to forecast. */
  horizon: number;
  /** Steps per season (12 monthly, 4 quarterly, 24 hourly, 7 daily with a week, 1 none). */
  seasonLength: number;
  /** Frequency label, e.g. "monthly", "quarterly", "daily", "hourly", "yearly" (informs defaults). */
  frequency?: string;
  /** Default: "per-series" for one series, "global" for several. */
  mode?: ForecastMode;
  /** Overrides of the automatic settings. */
  config?: Partial<ForecastConfig>;
}

// ---------------------------------------------------------------- progress and control

export type ForecastStage = "preparing" | "backtest" | "training" | "forecasting";

/** Sent at most once per epoch (and once at each stage change). */
export interface ForecastProgress {
  stage: ForecastStage;
  /** 1-based index of the network being trained (per-series mode: one per series). */
  model: number;
  /** Number of networks. */
  models: number;
  /** Epoch just finished (0 before the first). */
  epoch: number;
  /** Maximum epochs of this stage. */
  epochs: number;
  /** Training loss of the epoch (normalised units; NaN before the first epoch). */
  loss: number;
  /** Validation loss of the epoch, when the stage has a validation split. */
  valLoss?: number;
  elapsedMs: number;
  /** Rough estimate of the time left, in milliseconds. */
  etaMs: number;
  /** The tfjs backend training runs on (null: a run without a network). */
  backend: BackendName | null;
  /** That backend as the page names it (`wasm (SIMD)`, see describeBackend), null without one. */
  backendLabel: string | null;
}

export interface RunForecastOptions {
  onProgress?: (progress: ForecastProgress) => void;
  /** Polled at least once per batch; returning true ends training within one batch. */
  shouldStop?: () => boolean;
  /** Options of {@link initBackend} (e.g. wasm paths in the browser). */
  backend?: InitBackendOptions;
}

// ---------------------------------------------------------------- outcome

/** Methods judged on every run, in the order tables and menus list them. */
export const METHOD_NAMES = ["lstm", "naive", "snaive", "holt_winters", "theta", "combination"] as const;
export type MethodName = (typeof METHOD_NAMES)[number];

export const METHOD_LABELS: Record<MethodName, string> = {
  lstm: "LSTM (ensemble)",
  naive: "Naive (last value)",
  snaive: "Seasonal naive",
  holt_winters: "Holt-Winters, damped trend",
  theta: "Theta",
  combination: "Combination (median of LSTM, Holt-Winters, Theta)",
};

/**
 * The methods as a menu names them, where the full label would be cut: a phone's select has room
 * for about 36 characters, "Recommended: " included (the backtest table beside it has the full
 * names and says what each is).
 */
export const METHOD_MENU_LABELS: Record<MethodName, string> = {
  ...METHOD_LABELS,
  holt_winters: "Holt-Winters (damped)",
  combination: "Combination (median)",
};

/** A point forecast with conformal 80% and 95% intervals; every array has length horizon. */
export interface IntervalForecast {
  mean: number[];
  lower80: number[];
  upper80: number[];
  lower95: number[];
  upper95: number[];
}

/** Accuracy of one method over the rolling-origin backtest. */
export interface BacktestMetrics {
  /** Mean absolute scaled error (scale: in-sample seasonal-naive MAE before the first origin). */
  mase: number;
  /** sMAPE, M4 definition, in percent. */
  smape: number;
  /** Root mean squared error, in the series' units. */
  rmse: number;
  /** Share of actuals inside the 80% interval (intervals calibrated on earlier origins only). */
  coverage80: number;
  /** Share of actuals inside the 95% interval (intervals calibrated on earlier origins only). */
  coverage95: number;
}

/** One backtest fold: a forecast made at `origin` for the next `horizon` steps. */
export interface BacktestFold {
  /** Index (into the series' values) of the last observation the forecast used. */
  origin: number;
  /** Actual values at origin+1 … origin+horizon. */
  actual: number[];
  forecasts: Partial<Record<MethodName, number[]>>;
}

export interface SeriesPreprocessing {
  transform: TransformKind;
  /** Whether the seasonal pattern was removed before the network. */
  deseasonalized: boolean;
  seasonLength: number;
  /** The season was found in the data: a week of daily data asked for with season 1 (see seasonToModel). */
  seasonFound?: boolean;
  /**
   * The season asked for, when it was not modelled because the history is too short to show it
   * (see {@link seasonFitsHistory}); `seasonLength` is then 1. Absent: the season was kept.
   */
  seasonDropped?: number;
  /** Steps of the long cycle removed before the network, when one was (absent: none). */
  cyclePeriod?: number;
  /** The smoothing under the network had a damped trend (absent: level and season only). */
  dampedTrend?: boolean;
  /** Missing values filled by interpolation. */
  filled: number;
  /** They were filled along the season (see cleanSeries; absent: on a straight line). */
  filledWithSeason?: boolean;
  /**
   * The periods left out ({@link ForecastConfig.leaveOut}) that held values of this series, each
   * with how many (they are counted in `filled` too); absent: none.
   */
  leftOut?: (LeaveOutPeriod & { count: number })[];
  /**
   * Filled gaps of the file among the backtest's actuals (after its first origin), which it did
   * not score, as it scores no left-out value (counted in `filled` too); absent: none.
   */
  unscoredGaps?: number;
  /**
   * The last values were missing (a sensor removed before the file ends), this many: filled on from
   * the last reading, from which the forecast then starts (counted in `filled` too); absent: none.
   */
  missingAtEnd?: number;
  /** Indices (in the request's values) of isolated outliers the methods were fitted without (absent: none). */
  outliers?: number[];
  /**
   * Indices of the last one or two values when they are as far outside the series' level and
   * season as an outlier (absent: they are not). They are kept, since nothing after them says
   * whether they start a new level, and every forecast starts from them.
   */
  unusualEnd?: number[];
}

export interface SeriesOutcome {
  name: string;
  /**
   * Forecasts of every method that ran, starting one step after the last value: all of them in
   * an LSTM run; Theta and the naive methods when the series was too short for the network.
   */
  forecasts: Partial<Record<MethodName, IntervalForecast>>;
  /** Backtest accuracy of those methods, averaged over the rolling origins (none when no whole horizon fits). */
  metrics: Partial<Record<MethodName, BacktestMetrics>>;
  /** Number of rolling origins behind the metrics and the intervals. */
  backtestOrigins: number;
  /** Non-overlapping folds ending at the last value, oldest first, for a chart overlay. */
  folds: BacktestFold[];
  /** The method whose forecast we recommend: "lstm" unless a baseline clearly beat it. */
  chosen: MethodName;
  /** One sentence on why `chosen` was picked. */
  chosenReason: string;
  preprocessing: SeriesPreprocessing;
}

/** A series' outcome in a run that trained the LSTM: every method forecast and backtested. */
export interface NetworkSeriesOutcome extends SeriesOutcome {
  forecasts: Record<MethodName, IntervalForecast>;
  metrics: Record<MethodName, BacktestMetrics>;
}

export interface EpochLoss {
  epoch: number;
  loss: number;
  valLoss?: number;
}

/** Loss curve of one trained network. */
export interface TrainingHistory {
  /** "backtest": trained up to the first backtest origin, with a validation split; "training": the final network on all data. */
  stage: "backtest" | "training";
  /** 1-based network index. */
  model: number;
  /** Series the network learned from. */
  series: string[];
  epochs: EpochLoss[];
  /** Epoch whose weights were kept (the best validation loss, or the last epoch). */
  bestEpoch: number;
}

export interface ForecastOutcome {
  config: ForecastConfig;
  mode: ForecastMode;
  horizon: number;
  seasonLength: number;
  /** The tfjs backend that ran (null: no network was trained, every series was too short for one). */
  backend: BackendInfo | null;
  /** True when shouldStop ended training early; the forecast uses the best weights so far. */
  stopped: boolean;
  history: TrainingHistory[];
  series: SeriesOutcome[];
  /**
   * Series left out of the run because they have too few values for any forecast (fewer than
   * {@link SHORT_SERIES_MIN_FIT} + 1), each with a sentence saying so; absent when none was. The
   * other series are forecast as usual ({@link runForecastOrFallback}).
   */
  skipped?: SkippedSeries[];
  /** The trained model, ready for {@link encodeSavedModel} or {@link forecastFromModel} (null: none was trained). */
  model: SavedModel | null;
  elapsedMs: number;
}

/** A series a run left out, and why, in a sentence for the analyst. */
export interface SkippedSeries {
  name: string;
  reason: string;
}

/** The outcome of a run that trained the LSTM ({@link ForecastOutcome} with nothing missing). */
export interface NetworkForecastOutcome extends ForecastOutcome {
  backend: BackendInfo;
  series: NetworkSeriesOutcome[];
  model: SavedModel;
}

// ---------------------------------------------------------------- saved model

/**
 * A long cycle (a week of hourly values, a year of daily ones) as a sum of Fourier harmonics.
 * Cycles of hundreds of steps are too long for a seasonal smoothing (one state per phase, each
 * updated once a cycle), so the cycle is fitted by least squares and removed before the
 * smoothing and the network, which then see the deviation from the usual time of the week or year.
 */
export interface LongCycle {
  /** Steps per cycle (may be fractional: 365.25 days). */
  period: number;
  /** a_1, b_1, …, a_K, b_K: the cycle at step t is Σ a_k cos(2πkt/P) + b_k sin(2πkt/P). */
  coefficients: number[];
}

/** Exponential smoothing parameters and initial states (modelling scale). */
export interface SmoothingModel {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
  /** 1 when there is no season. */
  seasonLength: number;
  trend: "none" | "damped";
  level0: number;
  trend0: number;
  season0: number[];
}

/** Split-conformal calibration of one method: interval half-width = q · sigma[j] on the modelling scale. */
export interface Calibration {
  /** Typical absolute error per horizon step (non-decreasing), modelling scale. */
  sigma: number[];
  q80: number;
  q95: number;
}

/** What is needed to forecast one series again from newer data. */
export interface SavedSeriesState {
  name: string;
  /** Which input of the tfjs model takes this series' windows. */
  input: number;
  transform: TransformKind;
  deseasonalized: boolean;
  /** Long cycle removed before the network (absent in models saved before cycles existed). */
  cycle?: LongCycle | null;
  /** Level/season filter of the network's normalisation. */
  smoothing: SmoothingModel;
  /** Divisor of the normalised windows (modelling scale). */
  scale: number;
  /** Holt-Winters baseline. */
  holtWinters: SmoothingModel;
  /**
   * Theta baseline: SES parameters on the seasonally adjusted series and the drift.
   * `multiplicative`: the indices are ratios (R's thetaf), for a positive series modelled on its
   * own scale; absent in models saved before, whose indices are additive.
   */
  theta: { smoothing: SmoothingModel; drift: number; seasonal: boolean; indices: number[]; multiplicative?: boolean };
  calibration: Record<MethodName, Calibration>;
  chosen: MethodName;
}

/** Weight entry of a tfjs weights manifest. */
export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: "float32" | "int32" | "bool" | "string" | "complex64";
}

export interface SavedModel {
  format: "tidecast-lstm";
  version: 1;
  config: ForecastConfig;
  mode: ForecastMode;
  /** Steps the network forecasts (the most {@link forecastFromModel} can give). */
  horizon: number;
  seasonLength: number;
  frequency?: string;
  series: SavedSeriesState[];
  /** The tfjs LayersModel: `model.toJSON()` topology, weight specs and the packed float32 weights. */
  modelTopology: object;
  weightSpecs: WeightSpec[];
  weightData: ArrayBuffer;
}

/** The standard tfjs files of a saved model (for download; `tf.loadLayersModel` reads them). */
export interface TfjsFiles {
  /** Text of model.json; our metadata is in `userDefinedMetadata.tidecast`. */
  modelJson: string;
  /** Contents of weights.bin. */
  weightsBin: ArrayBuffer;
}

/** Forecasts made by {@link forecastFromModel} from newer data, without retraining. */
export interface ModelForecast {
  horizon: number;
  series: {
    name: string;
    forecasts: Record<MethodName, IntervalForecast>;
    chosen: MethodName;
    /** Values missing at the end, carried forward from the last reading (see `SeriesPreprocessing.missingAtEnd`). */
    missingAtEnd?: number;
  }[];
  /** Series left out, and why: readings that stopped more than the horizon before the end. */
  skipped?: SkippedSeries[];
}
