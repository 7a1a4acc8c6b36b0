"use client";

import { memo, useMemo, useState, type FormEvent } from "react";
import { minimumLength, resolveConfig } from "@/lib/forecast/config";
import { InvalidRequestError } from "@/lib/forecast/errors";
import { planSeries, SHORT_SERIES_MIN_FIT } from "@/lib/forecast/short-series";
import type { ForecastMode } from "@/lib/forecast/types";
import type { SeriesDto } from "@/lib/series/schema";
import {
  defaultHorizon,
  maxHorizon,
  OVERRIDE_KEYS,
  parseSettings,
  SETTING_LABELS,
  type SettingsFields,
  type TrainingSettings,
} from "@/lib/workbench/to-forecast-request";
import { MessageText } from "./message-text";

export interface TrainingPanelProps {
  series: SeriesDto[];
  busy: boolean;
  onTrain: (series: SeriesDto[], settings: TrainingSettings) => void;
}

/**
 * Values the forecaster can use, for the automatic settings and the length notes: the series' steps
 * on its regular grid (absent rows are interpolated) less its empty cells. Empty cells at the start
 * (a wide file's column that begins late) are not history; the few inside a series would be
 * interpolated, so for those this errs short.
 */
const stepCount = (s: SeriesDto) => s.pointCount + s.frequency.gapCount - s.missingCount;

/** resolveConfig only reads a series' length and its first value: no need to load the points. */
const lengthOnly = (s: SeriesDto) => ({ name: s.name, values: { length: stepCount(s), 0: 0 } });

const EMPTY_OVERRIDES = Object.fromEntries(OVERRIDE_KEYS.map((k) => [k, ""])) as Omit<SettingsFields, "horizon">;

/** More series than this and the list gets a filter box (a wide file of countries or products). */
const FILTER_FROM = 12;

/** Series, horizon and the forecaster's settings (automatic values shown), and "Train forecast". */
export const TrainingPanel = memo(function TrainingPanel({ series, busy, onTrain }: TrainingPanelProps) {
  const [selected, setSelected] = useState<string[]>(() => series.slice(0, 1).map((s) => s.id));
  const chosen = useMemo(() => series.filter((s) => selected.includes(s.id)), [series, selected]);
  // A series too short for any forecast is left out of the run (and named): the others set the horizon.
  const tooShort = useMemo(() => chosen.filter((s) => stepCount(s) <= SHORT_SERIES_MIN_FIT), [chosen]);
  const shortest = useMemo(() => {
    const kept = chosen.filter((s) => stepCount(s) > SHORT_SERIES_MIN_FIT);
    return Math.min(...(kept.length > 0 ? kept : chosen).map(stepCount));
  }, [chosen]);
  const longestSeries = useMemo(() => Math.max(...chosen.map(stepCount)), [chosen]);
  const first = chosen[0] ?? series[0];
  const [horizon, setHorizon] = useState(() => String(first ? defaultHorizon(first.frequency, stepCount(first)) : 12));
  const [mode, setMode] = useState<ForecastMode>("global");
  const [filter, setFilter] = useState("");
  const [overrides, setOverrides] = useState(EMPTY_OVERRIDES);
  const [problem, setProblem] = useState<string | null>(null);

  const auto = useMemo(() => {
    const h = Number(horizon);
    if (!first || !Number.isInteger(h) || h < 1) return null;
    try {
      // The settings the network will get: resolved on the series it trains on, as the run does.
      const network = chosen.filter((s) => planSeries(stepCount(s), h) === "network");
      const kept = chosen.filter((s) => planSeries(stepCount(s), h) !== "skip");
      const resolvedOn = network.length > 0 ? network : kept.length > 0 ? kept : chosen;
      return resolveConfig({ horizon: h, seasonLength: first.frequency.seasonLength, series: resolvedOn.map(lengthOnly) });
    } catch (err) {
      // A horizon the forecaster refuses (over MAX_HORIZON) shows "auto" placeholders; Train then
      // reports the reason. Anything else is a bug and should surface.
      if (err instanceof InvalidRequestError) return null;
      throw err;
    }
  }, [chosen, first, horizon]);
  const needed = Number(horizon) >= 1 ? minimumLength(Number(horizon)) : 0;
  const longest = maxHorizon(shortest);
  // Every chosen series too short for the LSTM at this horizon: the run gives Theta's forecast.
  const classical = chosen.length > 0 && needed > longestSeries && shortest > SHORT_SERIES_MIN_FIT;
  const lstmHint = longest > 0 ? ` A horizon of at most ${longest} trains the LSTM.` : "";

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseSettings({ horizon, ...overrides }, mode);
    if (!chosen.length) return setProblem("Choose at least one series to forecast.");
    if (!parsed.ok) return setProblem(parsed.reason);
    setProblem(null);
    onTrain(chosen, parsed.data);
  }

  const toggle = (id: string) => setSelected((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  const needle = filter.trim().toLocaleLowerCase();
  const visible = needle ? series.filter((s) => s.name.toLocaleLowerCase().includes(needle)) : series;

  return (
    <form className="stack" onSubmit={submit} aria-label="Training settings">
      {series.length > 1 && (
        <fieldset className="field">
          <legend>Series to forecast</legend>
          {series.length > FILTER_FROM && (
            <input
              type="search"
              className="input series-filter"
              aria-label="Filter series by name"
              placeholder={`Filter ${series.length} series by name`}
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
          )}
          <div className="series-picks">
            {visible.map((s) => (
              <label key={s.id} className="check series-pick" title={s.name}>
                <input type="checkbox" checked={selected.includes(s.id)} onChange={() => toggle(s.id)} disabled={busy} />
                <span className="series-pick-name">{s.name}</span>
              </label>
            ))}
          </div>
          <div className="link-row">
            {/* With a filter, All and None act on the series it shows and keep the others' ticks. */}
            <button type="button" className="link-button" onClick={() => setSelected([...new Set([...(needle ? selected : []), ...visible.map((s) => s.id)])])} disabled={busy}>
              All{needle ? " shown" : ""}
            </button>
            <button type="button" className="link-button" onClick={() => setSelected(needle ? selected.filter((id) => !visible.some((s) => s.id === id)) : [])} disabled={busy}>
              None{needle ? " shown" : ""}
            </button>
            {needle && <span className="field-hint">{selected.length} of {series.length} chosen</span>}
          </div>
        </fieldset>
      )}
      {chosen.length > 1 && (
        <label className="field">
          <span>Model</span>
          <select value={mode} onChange={(e) => setMode(e.target.value as ForecastMode)} disabled={busy}>
            <option value="global">One global model for all {chosen.length} series</option>
            <option value="per-series">One model per series</option>
          </select>
        </label>
      )}
      <label className="field">
        <span>
          Horizon <em>steps ahead{first ? ` (${first.frequency.label})` : ""}</em>
        </span>
        <input type="number" inputMode="numeric" min={1} step={1} value={horizon} onChange={(e) => setHorizon(e.target.value)} disabled={busy} />
      </label>
      {tooShort.length > 0 && tooShort.length < chosen.length && (
        <p className="field-hint warning" role="note" data-testid="skipped-note">
          {`${tooShort.map((s) => s.name).join(", ")} ${tooShort.length === 1 ? "has" : "have"} fewer than the ${SHORT_SERIES_MIN_FIT + 1} values a forecast needs, so the run leaves ${tooShort.length === 1 ? "it" : "them"} out and forecasts the others.`}
        </p>
      )}
      {chosen.length > 0 && needed > shortest && (
        <p className={shortest <= SHORT_SERIES_MIN_FIT ? "field-hint warning" : "field-hint"} role="note" data-testid="horizon-note">
          {shortest <= SHORT_SERIES_MIN_FIT
            ? `The shortest chosen series has ${shortest} values; a forecast needs at least ${SHORT_SERIES_MIN_FIT + 1}. Upload a longer history.`
            : classical
              ? `${chosen.length > 1 ? "These series are" : "This series is"} too short for the LSTM at a horizon of ${horizon} (it needs ${needed} values with its backtest), ` +
                `so the run gives Theta's forecast, a classical method, judged against naive forecasts on earlier origins (seasonal naive or naive instead when it did far better there).${lstmHint}`
              : `The shortest chosen series has ${shortest} values; a horizon of ${horizon} needs ${needed} for the LSTM, ` +
                `so the series shorter than that get Theta's forecast (a classical method; a naive one when it backtests far better) and the others train the LSTM.${longest > 0 ? ` A horizon of at most ${longest} trains it for all of them.` : ""}`}
        </p>
      )}
      <details className="advanced">
        <summary>Advanced settings</summary>
        <p className="field-hint">Empty fields use the automatic value shown, chosen from the data.</p>
        <div className="advanced-grid">
          {OVERRIDE_KEYS.map((key) => (
            <label key={key} className="field">
              <span>{SETTING_LABELS[key]}</span>
              <input
                type="number"
                step={key === "learningRate" ? "any" : 1}
                placeholder={auto ? `auto: ${auto[key]}` : "auto"}
                value={overrides[key]}
                onChange={(e) => setOverrides((o) => ({ ...o, [key]: e.target.value }))}
                disabled={busy}
              />
            </label>
          ))}
        </div>
      </details>
      {problem && (
        <p className="alert alert-error" role="alert">
          <MessageText text={problem} />
        </p>
      )}
      <button type="submit" className="button button-primary train-button" disabled={busy || chosen.length === 0}>
        {classical ? "Forecast with Theta" : "Train forecast"}
      </button>
    </form>
  );
});
