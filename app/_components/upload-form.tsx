"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type DragEvent } from "react";
import { useImportPreview } from "@/app/_hooks/use-import-preview";
import { nameFromFileName } from "@/lib/csv/describe-dialect";
import type { ReadOptions } from "@/lib/csv/read-dataset";
import type { ImportOptions } from "@/lib/series/schema";
import { ImportPreviewPanel } from "./import-preview";

/** Sends the file itself as the body (the server parses it while it arrives) with the choices in the query. */
async function uploadCsv(file: File, options: ImportOptions): Promise<{ id: string } | { error: string }> {
  const { name, ...readOptions } = options;
  const query = new URLSearchParams({ fileName: file.name, options: JSON.stringify(readOptions) });
  if (name) query.set("name", name);
  let response: Response;
  try {
    response = await fetch(`/api/datasets?${query}`, { method: "POST", body: file, headers: { "content-type": "text/csv" } });
  } catch {
    return { error: "The upload did not reach the server. Check the connection and try again." };
  }
  const json = (await response.json().catch(() => null)) as { id?: string; error?: string } | null;
  if (response.ok && json?.id) return { id: json.id };
  return { error: json?.error ?? `The upload failed (HTTP ${response.status}). Try again.` };
}

/** Only the choices the analyst made: what detection decides is left for the server to decide the same way. */
function toImportOptions(options: ReadOptions, seriesNames: Record<string, string>, name: string): ImportOptions {
  const renamed = Object.fromEntries(Object.entries(seriesNames).filter(([, value]) => value.trim() !== ""));
  return {
    ...(name.trim() ? { name: name.trim() } : {}),
    ...(options.timeColumn !== undefined ? { timeColumn: options.timeColumn } : {}),
    ...(options.valueColumns ? { valueColumns: options.valueColumns } : {}),
    ...(options.idColumn !== undefined ? { idColumn: options.idColumn } : {}),
    ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}),
    ...(Object.keys(renamed).length ? { seriesNames: renamed } : {}),
  };
}

/**
 * Drop zone and file input, then a preview of how the file will be read (in a Web Worker), with
 * controls to correct it; Import sends the file and the choices to POST /api/datasets and opens
 * the new dataset's page.
 */
export function UploadForm() {
  const router = useRouter();
  const inputId = useId();
  const { state, open, choose, reset } = useImportPreview();
  const [dragging, setDragging] = useState(false);
  const [datasetName, setDatasetName] = useState("");
  const [seriesNames, setSeriesNames] = useState<Record<string, string>>({});
  const [importing, setImporting] = useState(false);
  const [importError, setImportError] = useState<string | null>(null);

  function start(file: File | undefined) {
    if (!file) return;
    setDatasetName(nameFromFileName(file.name));
    setSeriesNames({});
    setImportError(null);
    open(file);
  }

  function cancel() {
    setImportError(null);
    reset();
  }

  async function importFile() {
    if (state.status !== "ready") return;
    setImporting(true);
    setImportError(null);
    const result = await uploadCsv(state.file, toImportOptions(state.options, seriesNames, datasetName));
    if ("id" in result) {
      router.push(`/datasets/${result.id}`);
      router.refresh();
    } else {
      setImporting(false);
      setImportError(result.error);
    }
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    start(event.dataTransfer.files[0]);
  }

  const preview = state.status === "ready" ? state.preview : state.status === "reading" ? state.preview : null;
  return (
    <>
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
                Drop a CSV here: a date or time column and one or more value columns, or a long file with a column naming
                each series. Commas, semicolons, tabs, decimal commas and Excel exports all work; you see how the file
                is read before anything is stored.
              </span>
            </div>
            <input
              id={inputId}
              className="file-input"
              type="file"
              accept=".csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values"
              disabled={importing}
              onChange={(event) => {
                start(event.target.files?.[0]);
                event.target.value = "";
              }}
            />
            <label htmlFor={inputId} className="button button-primary" aria-disabled={importing}>
              Upload CSV
            </label>
          </div>
          <div aria-live="polite">
            {state.status === "reading" && !state.preview && (
              <p className="alert alert-info">
                Reading {state.file.name}… {Math.round(state.share * 100)}%
              </p>
            )}
            {state.status === "failed" && (
              <p className="alert alert-error" role="alert">
                {state.message}
              </p>
            )}
          </div>
        </div>
      </section>
      {preview && state.status !== "idle" && state.status !== "failed" && (
        <ImportPreviewPanel
          preview={preview}
          options={state.options}
          reading={state.status === "reading" ? state.share : null}
          datasetName={datasetName}
          seriesNames={seriesNames}
          importing={importing}
          importError={importError}
          onChoose={choose}
          onRename={(detected, name) => setSeriesNames((names) => ({ ...names, [detected]: name }))}
          onNameDataset={setDatasetName}
          onImport={() => void importFile()}
          onCancel={cancel}
        />
      )}
    </>
  );
}
