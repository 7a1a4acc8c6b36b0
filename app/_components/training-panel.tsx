"use client";

import { Fragment, memo, useId, useMemo, useState, type FormEvent } from "react";
import type { ForecastMode } from "@/lib/forecast/types";
import type { SeriesDto } from "@/lib/series/schema";
import { nameHolds } from "@/lib/series/names";
import { formatStepUnit } from "@/lib/time/format-steps";
import {
  describeHorizonPlan,
  describeLeaveOutBeforeRun,
  describeSkipped,
  describeStoppedSeries,
  limitStoppedNotes,
  toAutoConfig,
  toDefaultHorizon,
  toHorizonPlan,
} from "@/lib/workbench/horizon-plan";
import {
  OVERRIDE_KEYS,
  parseSettings,
  SETTING_LABELS,
  type SettingsFields,
  type TrainingSettings,
} from "@/lib/workbench/to-forecast-request";
import {
  checkLeaveOutRows,
  collectLeaveOutPeriods,
  reportOnTrain,
  reportsOnLeave,
  shownLeaveOutProblem,
  toLeaveOutInputKind,
  type LeaveOutFields,
  type LeaveOutReported,
} from "@/lib/workbench/parse-leave-out";
import { MAX_LEAVE_OUT_PERIODS } from "@/lib/forecast/leave-out";
import { describeIrregularEvents } from "@/lib/workbench/irregular-events";
import { MessageText } from "./message-text";

export interface TrainingPanelProps {
  series: SeriesDto[];
  busy: boolean;
  onTrain: (series: SeriesDto[], settings: TrainingSettings) => void;
}

const EMPTY_OVERRIDES = Object.fromEntries(OVERRIDE_KEYS.map((k) => [k, ""])) as Omit<SettingsFields, "horizon">;

/** More series than this and the list gets a filter box (a wide file of countries or products). */
const FILTER_FROM = 12;

/** Series, horizon and the forecaster's settings (automatic values shown), and "Train forecast". */
export const TrainingPanel = memo(function TrainingPanel({ series, busy, onTrain }: TrainingPanelProps) {
  const [selected, setSelected] = useState<string[]>(() => series.slice(0, 1).map((s) => s.id));
  const chosen = useMemo(() => series.filter((s) => selected.includes(s.id)), [series, selected]);
  const first = chosen[0] ?? series[0];
  // Null until the analyst types a horizon: the default then follows the chosen series and the periods left out.
  const [typedHorizon, setTypedHorizon] = useState<string | null>(null);
  const [mode, setMode] = useState<ForecastMode>("global");
  const [filter, setFilter] = useState("");
  const [overrides, setOverrides] = useState(EMPTY_OVERRIDES);
  const [problem, setProblem] = useState<string | null>(null);
  const [leaveOut, setLeaveOut] = useState<LeaveOutFields[]>([]);
  // Per period, the fields whose problem was said: a mistyped end is said once the field is left, not while it is typed.
  const [reported, setReported] = useState<LeaveOutReported[]>([]);
  const horizonProblemId = useId();
  const leaveOutHintId = useId();
  const leaveOutProblemId = useId();
  const rowProblemId = useId();

  // The ends are asked in the series' own unit: a month for monthly data, a date for daily.
  const leaveOutKind = toLeaveOutInputKind(first?.frequency.kind ?? "index");
  const checks = useMemo(() => checkLeaveOutRows(leaveOut, first?.frequency.kind ?? "index"), [leaveOut, first]);
  const periods = useMemo(() => collectLeaveOutPeriods(checks), [checks]);
  // What the run would refuse of periods typed in full, said before Train in its own words.
  const leaveOutProblem = useMemo(() => (periods.ok ? describeLeaveOutBeforeRun(chosen, periods.data) : null), [chosen, periods]);
  const leftOut = useMemo(() => (periods.ok && !leaveOutProblem ? periods.data : []), [periods, leaveOutProblem]);
  const defaultHorizon = useMemo(() => String(toDefaultHorizon(chosen, leftOut)), [chosen, leftOut]);
  const horizon = typedHorizon ?? defaultHorizon;
  // A period at a series' start shortens the history the horizon is measured against, as the run drops it.
  const plan = useMemo(() => toHorizonPlan(chosen, Number(horizon), leftOut), [chosen, horizon, leftOut]);
  const leaveOutType = leaveOutKind === "year" || leaveOutKind === "position" ? "number" : leaveOutKind;
  const leaveOutPlaceholder = { month: "YYYY-MM", date: "YYYY-MM-DD", "datetime-local": "YYYY-MM-DDTHH:MM", year: "YYYY", position: "1" }[leaveOutKind];
  const auto = useMemo(() => (first ? toAutoConfig(chosen, first.frequency.seasonLength, Number(horizon)) : null), [chosen, first, horizon]);
  const horizonNote = describeHorizonPlan(plan, chosen.length, Number(horizon));
  const skippedNote = describeSkipped(plan, chosen.length);
  // Said before anything else: no horizon or setting makes events at irregular times forecastable.
  const eventsProblem = useMemo(() => describeIrregularEvents(chosen), [chosen]);
  const stoppedNotes = useMemo(() => limitStoppedNotes(describeStoppedSeries(chosen, Number(horizon), plan.tooShort, leftOut)), [chosen, horizon, plan, leftOut]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseSettings({ horizon, ...overrides }, mode);
    if (!chosen.length) return setProblem("Choose at least one series to forecast.");
    if (eventsProblem) return setProblem(eventsProblem);
    if (!parsed.ok) return setProblem(parsed.reason);
    if (plan.problem) return setProblem(plan.problem);
    if (!periods.ok) {
      // Train says the first problem; each period's own is said under its fields from now on.
      setReported((rows) => reportOnTrain(checks, rows));
      return setProblem(periods.reason);
    }
    if (leaveOutProblem) return setProblem(leaveOutProblem);
    setProblem(null);
    onTrain(chosen, periods.data.length > 0 ? { ...parsed.data, leaveOut: periods.data } : parsed.data);
  }

  const toggle = (id: string) => setSelected((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  const needle = filter.trim();
  const visible = needle ? series.filter((s) => nameHolds(s.name, needle)) : series;

  // noValidate: the panel says what is wrong with a setting in its own words (under the field, and
  // on Train); the browser's bubble for the horizon's max covered that note.
  return (
    <form className="stack" onSubmit={submit} aria-label="Training settings" noValidate>
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
          Horizon{" "}
          <em>
            {formatStepUnit(chosen.map((s) => s.frequency.kind))} ahead
            {chosen.length > 0 ? `, at most ${plan.limit.toLocaleString("en-US")}` : ""}
          </em>
        </span>
        <input
          type="number"
          inputMode="numeric"
          min={1}
          max={chosen.length > 0 ? plan.limit : undefined}
          step={1}
          value={horizon}
          onChange={(e) => setTypedHorizon(e.target.value)}
          disabled={busy}
          aria-invalid={plan.problem ? true : undefined}
          aria-describedby={plan.problem ? horizonProblemId : undefined}
        />
      </label>
      {eventsProblem && (
        <p className="field-hint warning" role="note" data-testid="irregular-events-note">
          <MessageText text={eventsProblem} />
        </p>
      )}
      {plan.problem && (
        <p className="field-hint warning" role="note" id={horizonProblemId} data-testid="horizon-problem">
          {plan.problem}
        </p>
      )}
      {skippedNote && (
        <p className="field-hint warning" role="note" data-testid="skipped-note">
          {skippedNote}
        </p>
      )}
      {stoppedNotes.map((note) => (
        <p key={note.name || "more"} className={note.warning ? "field-hint warning" : "field-hint"} role="note" data-testid="stopped-note">
          {note.text}
        </p>
      ))}
      {horizonNote && !plan.problem && (
        <p className={horizonNote.warning ? "field-hint warning" : "field-hint"} role="note" data-testid="horizon-note">
          {horizonNote.text}
        </p>
      )}
      <fieldset className="field leave-out" data-testid="leave-out">
        <legend>Leave out a period</legend>
        <p className="field-hint" id={leaveOutHintId}>
          A stretch that will not repeat (a COVID dip, a strike): its values are filled along the season before training, and the backtest scores no forecast against them. Both ends are included.
        </p>
        {leaveOut.map((row, k) => {
          const label = leaveOut.length > 1 ? `period ${k + 1} to leave out` : "period to leave out";
          const set = (field: keyof LeaveOutFields, value: string) => setLeaveOut((rows) => rows.map((r, j) => (j === k ? { ...r, [field]: value } : r)));
          const check = checks[k];
          const shown = check && reported[k] ? shownLeaveOutProblem(check, reported[k]) : null;
          const leave = (field: keyof LeaveOutFields, halfTyped: boolean) =>
            setReported((rows) => rows.map((r, j) => (j === k && check ? { ...r, [field]: reportsOnLeave(check, field, halfTyped) } : r)));
          const problemId = `${rowProblemId}-${k}`;
          return (
            <Fragment key={k}>
              <div className="leave-out-row">
                {(["from", "to"] as const).map((field) => {
                  const invalid = leaveOutProblem !== null || shown?.fields.includes(field) === true;
                  const describedBy = [leaveOutHintId, shown?.fields.includes(field) ? problemId : null, leaveOutProblem ? leaveOutProblemId : null].filter(Boolean).join(" ");
                  return (
                    <label key={field} className="inline-field">
                      {field === "from" ? "From" : "To"}
                      <input
                        className="input"
                        type={leaveOutType}
                        inputMode={leaveOutType === "number" ? "numeric" : undefined}
                        min={leaveOutType === "number" ? 1 : undefined}
                        placeholder={leaveOutPlaceholder}
                        value={row[field]}
                        onChange={(e) => set(field, e.target.value)}
                        // A browser's own date field keeps a half-typed month out of its value: only badInput tells.
                        onBlur={(e) => leave(field, e.currentTarget.validity.badInput)}
                        disabled={busy}
                        aria-label={`${field === "from" ? "Start" : "End"} of the ${label}`}
                        aria-invalid={invalid ? true : undefined}
                        aria-describedby={describedBy}
                      />
                    </label>
                  );
                })}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    setLeaveOut((rows) => rows.filter((_, j) => j !== k));
                    setReported((rows) => rows.filter((_, j) => j !== k));
                  }}
                  disabled={busy}
                  aria-label={`Remove the ${label}`}
                >
                  Remove
                </button>
              </div>
              {shown && (
                <p className="field-hint warning" role="note" id={problemId} data-testid="leave-out-field-problem">
                  {shown.reason}
                </p>
              )}
            </Fragment>
          );
        })}
        {leaveOutProblem && (
          <p className="field-hint warning" role="note" id={leaveOutProblemId} data-testid="leave-out-problem">
            {leaveOutProblem}
          </p>
        )}
        {leaveOut.length < MAX_LEAVE_OUT_PERIODS && (
          <div className="link-row">
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setLeaveOut((rows) => [...rows, { from: "", to: "" }]);
                setReported((rows) => [...rows, { from: false, to: false }]);
              }}
              disabled={busy}
            >
              {leaveOut.length === 0 ? "Leave out a period" : "Leave out another period"}
            </button>
          </div>
        )}
      </fieldset>
      <details className="advanced">
        <summary>Advanced settings</summary>
        {plan.classical ? (
          // Theta is fitted, not trained: the network's settings would change nothing in this run.
          <p className="field-hint" data-testid="classical-settings-note">
            Theta&apos;s forecast has no settings to tune. The LSTM&apos;s appear here once the history is long enough for the horizon.
          </p>
        ) : (
          <>
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
          </>
        )}
      </details>
      {problem && (
        <p className="alert alert-error" role="alert">
          <MessageText text={problem} />
        </p>
      )}
      <button type="submit" className="button button-primary train-button" disabled={busy || chosen.length === 0}>
        {plan.classical ? "Forecast with Theta" : "Train forecast"}
      </button>
    </form>
  );
});
