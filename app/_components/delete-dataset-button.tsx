"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { MessageText } from "./message-text";

export interface DeleteDatasetButtonProps {
  datasetId: string;
  name: string;
  runCount: number;
}

type State = { step: "idle" } | { step: "confirm" } | { step: "deleting" } | { step: "error"; message: string };

/** Deletes a dataset with its series and runs, after a second, explicit click. */
export function DeleteDatasetButton({ datasetId, name, runCount }: DeleteDatasetButtonProps) {
  const router = useRouter();
  const [state, setState] = useState<State>({ step: "idle" });
  const askRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);

  // The question replaces the button that had focus, so focus is placed by hand: on Cancel, so that
  // a second Enter cannot delete (React reused the focused button for "Delete dataset"), and back
  // on the button after Cancel instead of the page's start.
  useEffect(() => {
    if (state.step === "confirm") {
      asked.current = true;
      cancelRef.current?.focus();
    } else if (state.step === "idle" && asked.current) {
      askRef.current?.focus();
    }
  }, [state.step]);

  async function remove() {
    setState({ step: "deleting" });
    const response = await fetch(`/api/datasets/${datasetId}`, { method: "DELETE" }).catch(() => null);
    if (response?.ok) {
      router.push("/");
      router.refresh();
      return;
    }
    const body = (await response?.json().catch(() => null)) as { error?: string } | null;
    setState({ step: "error", message: body?.error ?? "The dataset could not be deleted. Try again." });
  }

  if (state.step === "confirm" || state.step === "deleting") {
    const runs = runCount === 0 ? "" : ` and its ${runCount === 1 ? "saved run" : `${runCount} saved runs`}`;
    return (
      // Escape backs out, as from a dialog; not while the request is on its way.
      <div
        className="delete-confirm"
        role="group"
        aria-label="Confirm deletion"
        onKeyDown={(event) => {
          if (event.key === "Escape" && state.step === "confirm") setState({ step: "idle" });
        }}
      >
        <span>
          Delete “{name}”{runs}? This cannot be undone.
        </span>
        <button type="button" className="button button-danger" onClick={() => void remove()} disabled={state.step === "deleting"}>
          {state.step === "deleting" ? "Deleting…" : "Delete dataset"}
        </button>
        <button ref={cancelRef} type="button" className="button" onClick={() => setState({ step: "idle" })} disabled={state.step === "deleting"}>
          Cancel
        </button>
      </div>
    );
  }
  return (
    <div className="delete-confirm">
      {state.step === "error" && (
        <span className="alert alert-error" role="alert">
          <MessageText text={state.message} />
        </span>
      )}
      <button ref={askRef} type="button" className="button button-danger" onClick={() => setState({ step: "confirm" })}>
        Delete dataset…
      </button>
    </div>
  );
}
