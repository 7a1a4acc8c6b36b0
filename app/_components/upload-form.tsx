"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type DragEvent } from "react";

type UploadState = { status: "idle" } | { status: "uploading"; fileName: string } | { status: "error"; message: string };

async function uploadCsv(file: File): Promise<{ id: string } | { error: string }> {
  const body = new FormData();
  body.set("file", file);
  const response = await fetch("/api/datasets", { method: "POST", body });
  const json = (await response.json().catch(() => null)) as { id?: string; error?: string } | null;
  if (response.ok && json?.id) return { id: json.id };
  return { error: json?.error ?? `The upload failed (HTTP ${response.status}). Try again.` };
}

/** Drop zone and file input: a CSV goes to POST /api/datasets, then its page opens. */
export function UploadForm() {
  const router = useRouter();
  const inputId = useId();
  const [state, setState] = useState<UploadState>({ status: "idle" });
  const [dragging, setDragging] = useState(false);

  async function upload(file: File | undefined) {
    if (!file) return;
    setState({ status: "uploading", fileName: file.name });
    const result = await uploadCsv(file);
    if ("id" in result) {
      router.push(`/datasets/${result.id}`);
      router.refresh();
    } else {
      setState({ status: "error", message: result.error });
    }
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    void upload(event.dataTransfer.files[0]);
  }

  const busy = state.status === "uploading";
  return (
    <section className="card" aria-labelledby={`${inputId}-title`}>
      <div className="card-body" style={{ display: "grid", gap: "var(--space-3)" }}>
        <div
          className="dropzone"
          data-dragging={dragging}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <div className="dropzone-text">
            <strong id={`${inputId}-title`}>Add a dataset</strong>
            <span>
              Drop a CSV here: a date or time column and one or more value columns. Commas, semicolons or tabs,
              decimal commas and Excel exports all work.
            </span>
          </div>
          <input
            id={inputId}
            className="file-input"
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/plain"
            disabled={busy}
            onChange={(event) => {
              void upload(event.target.files?.[0]);
              event.target.value = "";
            }}
          />
          <label htmlFor={inputId} className="button button-primary" aria-disabled={busy}>
            {busy ? "Uploading…" : "Upload CSV"}
          </label>
        </div>
        <div aria-live="polite">
          {state.status === "uploading" && <p className="alert alert-info">Reading {state.fileName}…</p>}
          {state.status === "error" && (
            <p className="alert alert-error" role="alert">
              {state.message}
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
