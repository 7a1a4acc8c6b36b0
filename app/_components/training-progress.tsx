"use client";

import type { TrainingState } from "@/app/_hooks/use-training";

export interface TrainingProgressProps {
  state: TrainingState;
  onStop: () => void;
}

const STATUS_TEXT: Partial<Record<TrainingState["status"], string>> = {
  loading: "Loading the full series",
  training: "Starting the worker",
  stopping: "Stopping after this batch",
  saving: "Saving the run",
  finished: "Finished",
};

/** The progress bar of a run: stage, epoch, elapsed and remaining time, backend; and "Stop". */
export function TrainingProgress({ state, onStop }: TrainingProgressProps) {
  const { view, status } = state;
  const running = status === "loading" || status === "training" || status === "stopping";
  const percent = status === "finished" ? 100 : (view?.percent ?? 0);
  // A finished run's last stage ("Forecasting" at 100%) read as work still going on beside an unsaved run.
  const finished = state.unsaved ? "Finished, not saved" : STATUS_TEXT.finished;
  const stage = status === "finished" ? finished : status === "stopping" || status === "saving" || status === "loading" || !view ? STATUS_TEXT[status] : view.stage;
  const text = [stage, view?.timing, state.backend ? `backend ${state.backend}` : null].filter(Boolean).join(" · ");
  return (
    <div className="training-progress">
      <div className="progress-head">
        <span className="progress-stage">{stage ?? "Training"}</span>
        <span className="progress-meta">
          {view?.timing}
          {state.backend ? ` · ${state.backend}` : ""}
        </span>
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-label="Training progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
      >
        <div className="progress-fill" style={{ transform: `scaleX(${percent / 100})` }} />
      </div>
      {running && (
        <div className="progress-actions">
          <button type="button" className="button" onClick={onStop} disabled={status !== "training"}>
            Stop
          </button>
          <span className="field-hint">Stop keeps the best model trained so far and still forecasts.</span>
        </div>
      )}
    </div>
  );
}
