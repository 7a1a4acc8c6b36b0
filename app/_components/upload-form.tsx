"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type DragEvent } from "react";
import { useImportPreview } from "@/app/_hooks/use-import-preview";
import { nameFromFileName } from "@/lib/csv/describe-dialect";
import type { ImportOptions } from "@/lib/series/schema";
import { toImportOptions } from "@/lib/series/to-import-options";
import { ImportPreviewPanel } from "./import-preview";
import { MessageText } from "./message-text";

/**
 * Sends the file itself as the body (the server parses it while it arrives) with the choices in the
 * query. XMLHttpRequest rather than fetch because only it reports upload progress, which is what
 * an analyst watches while a 100 MB file goes up.
 */
function uploadCsv(file: File, options: ImportOptions, onProgress: (share: number) => void): Promise<{ id: string } | { error: string }> {
  const { name, ...readOptions } = options;
  const query = new URLSearchParams({ fileName: file.name, options: JSON.stringify(readOptions) });
  if (name) query.set("name", name);
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/datasets?${query}`);
    request.setRequestHeader("content-type", "text/csv");
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onerror = () => resolve({ error: "The upload did not reach the server. Check the connection and try again." });
    request.onload = () => {
      const json = request.response as { id?: string; error?: string } | null;
      if (request.status >= 200 && request.status < 300 && json?.id) resolve({ id: json.id });
      else resolve({ error: json?.error ?? `The upload failed (HTTP ${request.status}). Try again.` });
    };
    request.send(file);
  });
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
  /** The name the analyst typed; until then the preview's (the file's own title, else its file name). */
  const [typedName, setTypedName] = useState<string | null>(null);
  const [seriesNames, setSeriesNames] = useState<Record<string, string>>({});
  const [importing, setImporting] = useState(false);
  /** Share of the file sent so far while importing; 1 while the server stores it. */
  const [sent, setSent] = useState(0);
  const [importError, setImportError] = useState<string | null>(null);

  function start(file: File | undefined) {
    if (!file) return;
    setTypedName(null);
    setSeriesNames({});
    setImportError(null);
    open(file);
  }

  function cancel() {
    setImportError(null);
    reset();
  }

  const preview = state.status === "ready" ? state.preview : state.status === "reading" ? state.preview : null;
  const datasetName = typedName ?? preview?.datasetName ?? (state.status === "idle" ? "" : nameFromFileName(state.file.name));

  async function importFile() {
    if (state.status !== "ready") return;
    setImporting(true);
    setSent(0);
    setImportError(null);
    const result = await uploadCsv(state.file, toImportOptions(state.options, seriesNames, datasetName), setSent);
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

  return (
    <>
      <section className="card" aria-labelledby={`${inputId}-title`}>
        <div className="card-body">
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
          {/* Always there, so a message is announced; it takes no room while empty (globals.css). */}
          <div className="upload-status" aria-live="polite">
            {state.status === "reading" && !state.preview && (
              <p className="alert alert-info">
                Reading {state.file.name}… {Math.round(state.share * 100)}%
              </p>
            )}
            {state.status === "failed" && (
              <p className="alert alert-error" role="alert">
                <MessageText text={state.message} />
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
          sent={sent}
          importError={importError}
          onChoose={choose}
          onRename={(detected, name) => setSeriesNames((names) => ({ ...names, [detected]: name }))}
          onNameDataset={setTypedName}
          onImport={() => void importFile()}
          onCancel={cancel}
        />
      )}
    </>
  );
}
