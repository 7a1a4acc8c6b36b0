"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { MAX_UNIT_LENGTH } from "@/lib/series/schema";
import { saveSeriesUnit } from "@/lib/workbench/api-client";
import { MessageText } from "./message-text";

export interface SeriesUnitFormProps {
  datasetId: string;
  seriesId: string;
  seriesName: string;
  /** The unit stored (from the file or set here), null for none. */
  unit: string | null;
}

type State = { step: "idle" } | { step: "saving" } | { step: "saved"; unit: string | null } | { step: "error"; message: string };

/**
 * The unit of a series' values, for files that name none (most do not): written on the value axes,
 * in tooltips, notes and chart images once saved.
 */
export function SeriesUnitForm({ datasetId, seriesId, seriesName, unit }: SeriesUnitFormProps) {
  const router = useRouter();
  const [value, setValue] = useState(unit ?? "");
  const [state, setState] = useState<State>({ step: "idle" });
  // The page's data is read again after a save: the field follows what is stored.
  useEffect(() => setValue(unit ?? ""), [unit]);
  const changed = value.trim() !== (unit ?? "");

  async function save(event: FormEvent) {
    event.preventDefault();
    setState({ step: "saving" });
    try {
      const stored = await saveSeriesUnit(datasetId, seriesId, seriesName, value.trim() || null);
      setState({ step: "saved", unit: stored });
      router.refresh();
    } catch (err) {
      setState({ step: "error", message: err instanceof Error ? err.message : String(err) });
    }
  }

  const id = `unit-${seriesId}`;
  return (
    <form className="unit-form" onSubmit={(event) => void save(event)}>
      <label htmlFor={id}>
        Unit<span className="visually-hidden"> of {seriesName}</span>
      </label>
      <input
        id={id}
        className="input"
        value={value}
        maxLength={MAX_UNIT_LENGTH}
        placeholder="e.g. MW, €, °C"
        autoComplete="off"
        onChange={(event) => {
          setValue(event.target.value);
          if (state.step !== "saving") setState({ step: "idle" });
        }}
      />
      <button type="submit" className="button button-small" disabled={!changed || state.step === "saving"} aria-label={`Save the unit of ${seriesName}`}>
        {state.step === "saving" ? "Saving…" : "Save"}
      </button>
      <span className={state.step === "error" ? "unit-form-status is-error" : "unit-form-status"} role="status">
        {state.step === "saved" ? (state.unit ? "Saved" : "Unit removed") : state.step === "error" ? <MessageText text={state.message} /> : null}
      </span>
    </form>
  );
}
