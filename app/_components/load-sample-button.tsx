"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { readJson } from "@/lib/workbench/api-client";
import { MessageText } from "./message-text";
import { toErrorMessage } from "@/lib/to-error-message";

/** The sample the first start seeds (scripts/seed.ts), served from public/samples. */
const SAMPLE = { url: "/samples/wine_sales.csv", fileName: "wine_sales.csv", name: "Australian wine sales (sample)" };

/** Imports the sample dataset again, for an empty home page, and opens it. */
export function LoadSampleButton() {
  const router = useRouter();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  async function load() {
    setState({ busy: true, error: null });
    try {
      const sample = await fetch(SAMPLE.url);
      // A missing file answers an HTML page, which the import would refuse as a bad CSV.
      if (!sample.ok) throw new Error(`${SAMPLE.url} is not on the server (HTTP ${sample.status}).`);
      const query = new URLSearchParams({ fileName: SAMPLE.fileName, name: SAMPLE.name });
      const response = await fetch(`/api/datasets?${query}`, { method: "POST", headers: { "Content-Type": "text/csv" }, body: await sample.blob() });
      const created = await readJson<{ id: string }>(response, "Importing the sample");
      router.push(`/datasets/${created.id}`);
    } catch (err) {
      setState({ busy: false, error: `The sample could not be loaded: ${toErrorMessage(err)}` });
    }
  }

  return (
    <div className="empty-action">
      <button type="button" className="button button-small" onClick={() => void load()} disabled={state.busy}>
        {state.busy ? "Loading the sample…" : "Load the sample dataset"}
      </button>
      {state.error && (
        <span className="alert alert-error" role="alert">
          <MessageText text={state.error} />
        </span>
      )}
    </div>
  );
}
