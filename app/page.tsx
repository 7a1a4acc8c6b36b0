import { DatasetList } from "./_components/dataset-list";
import { UploadForm } from "./_components/upload-form";
import { listDatasets } from "@/lib/server/datasets";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const datasets = await listDatasets();
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Your time series</h1>
          <p>Upload a CSV, train an LSTM forecast in your browser, and see whether it beats simple baselines.</p>
        </div>
      </div>
      <UploadForm />
      <DatasetList datasets={datasets} />
    </>
  );
}
