"use client";

import { memo, useId, useMemo, useState, type FormEvent } from "react";
import { readModelFiles } from "@/lib/export/model-files";
import type { SavedModel } from "@/lib/forecast/types";
import type { SeriesDto } from "@/lib/series/schema";
import { toModelSeriesChoice, toModelSummary, type ModelSummary } from "@/lib/workbench/to-model-run";
import { MessageText } from "./message-text";
import { toErrorMessage } from "@/lib/to-error-message";

/** A model read from the analyst's files, ready for the worker. */
export interface UploadedModel {
  saved: SavedModel;
  /** encodeSavedModel bytes (copy before transferring them to the worker). */
  bytes: Uint8Array;
  fileName: string;
}

export interface ModelUploadProps {
  series: SeriesDto[];
  busy: boolean;
  /** Forecasts the chosen series with the model; rejects with a sentence for the analyst. */
  onForecast: (model: UploadedModel, series: SeriesDto[], horizon: number) => Promise<void>;
}

async function readModel(files: File[]): Promise<UploadedModel> {
  const read = await readModelFiles(await Promise.all(files.map(async (f) => ({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) }))));
  if (!read.ok) throw new Error(read.reason);
  // The codec lives with tfjs: loaded only when a model is uploaded.
  const { encodeSavedModel, fromTfjsFiles } = await import("@/lib/forecast/saved-model");
  const saved = fromTfjsFiles(read.data);
  return { saved, bytes: encodeSavedModel(saved), fileName: files.map((f) => f.name).join(", ") };
}

/** "Forecast with a saved model": upload a downloaded model (.zip, or model.json + weights.bin) and forecast without training. */
export const ModelUpload = memo(function ModelUpload({ series, busy, onForecast }: ModelUploadProps) {
  const inputId = useId();
  const hintId = useId();
  const [model, setModel] = useState<UploadedModel | null>(null);
  const [summary, setSummary] = useState<ModelSummary | null>(null);
  const [picked, setPicked] = useState("");
  const [horizon, setHorizon] = useState("");
  const [state, setState] = useState<{ reading: boolean; forecasting: boolean; error: string | null }>({ reading: false, forecasting: false, error: null });

  const choice = useMemo(() => (summary ? toModelSeriesChoice(summary, series) : null), [summary, series]);
  const targets = useMemo(() => {
    if (!choice) return [];
    if (!choice.anyOne) return choice.matching;
    const one = series.find((s) => s.id === picked) ?? choice.matching[0] ?? series[0];
    return one ? [one] : [];
  }, [choice, picked, series]);

  async function onFiles(files: File[]) {
    if (!files.length) return;
    setState({ reading: true, forecasting: false, error: null });
    setModel(null);
    setSummary(null);
    try {
      const uploaded = await readModel(files);
      const about = toModelSummary(uploaded.saved);
      setModel(uploaded);
      setSummary(about);
      setHorizon(String(about.horizon));
      setPicked(toModelSeriesChoice(about, series).matching[0]?.id ?? series[0]?.id ?? "");
      setState({ reading: false, forecasting: false, error: null });
    } catch (err) {
      setState({ reading: false, forecasting: false, error: toErrorMessage(err) });
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!model || !summary) return;
    const h = Number(horizon);
    if (!Number.isInteger(h) || h < 1 || h > summary.horizon) {
      return setState((s) => ({ ...s, error: `Horizon must be a whole number from 1 to ${summary.horizon}: the model forecasts at most ${summary.horizonText}.` }));
    }
    if (!targets.length) {
      return setState((s) => ({ ...s, error: `The model was trained on ${summary.series.join(", ")}; this dataset has no series of those names.` }));
    }
    setState({ reading: false, forecasting: true, error: null });
    try {
      await onForecast(model, targets, h);
      setState({ reading: false, forecasting: false, error: null });
    } catch (err) {
      setState({ reading: false, forecasting: false, error: toErrorMessage(err) });
    }
  }

  return (
    <form className="stack model-upload" onSubmit={submit} aria-label="Forecast with a saved model">
      <div className="model-file-row">
        <input
          id={inputId}
          className="file-input"
          type="file"
          accept=".zip,.json,.bin,application/zip,application/json"
          multiple
          onChange={(event) => {
            void onFiles(Array.from(event.target.files ?? []));
            event.target.value = "";
          }}
          disabled={busy || state.forecasting}
          aria-describedby={hintId}
        />
        <label htmlFor={inputId} className="button button-small" aria-disabled={busy || state.forecasting}>
          Choose a model file…
        </label>
        {model && <span className="model-file-name">{model.fileName}</span>}
      </div>
      <p id={hintId} className="field-hint">
        The .zip from “Download model”, or its model.json together with weights.bin.
      </p>
      {state.reading && <p className="field-hint" role="status">Reading the model…</p>}
      {summary && choice && (
        <>
          <p className="model-summary" data-testid="model-summary">
            Trained on <strong>{summary.series.join(", ")}</strong>
            {/* "6 years" held whole: the panel's narrow column broke it after the number. */}
            {summary.frequency ? ` (${summary.frequency})` : ""} · up to <strong>{summary.horizonText.replace(" ", "\u00a0")}</strong> · lookback {summary.lookback} · ensemble{" "}
            {summary.ensembleSize}
          </p>
          {choice.anyOne ? (
            <label className="field">
              <span>Series to forecast</span>
              <select value={picked} onChange={(e) => setPicked(e.target.value)} disabled={busy || state.forecasting}>
                {series.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <p className="field-hint">
              Forecasts {choice.matching.length ? choice.matching.map((s) => s.name).join(", ") : "no series of this dataset"} (the series it was trained on).
            </p>
          )}
          <label className="field">
            <span>
              Horizon{" "}
              <em>
                {summary.stepUnit} ahead, at most {summary.horizon.toLocaleString("en-US")}
              </em>
            </span>
            <input type="number" inputMode="numeric" min={1} max={summary.horizon} step={1} value={horizon} onChange={(e) => setHorizon(e.target.value)} disabled={busy || state.forecasting} />
          </label>
          <button type="submit" className="button" disabled={busy || state.forecasting || !targets.length}>
            {state.forecasting ? "Forecasting…" : "Forecast with this model"}
          </button>
        </>
      )}
      {state.error && (
        <p className="alert alert-error" role="alert">
          <MessageText text={state.error} />
        </p>
      )}
    </form>
  );
});
