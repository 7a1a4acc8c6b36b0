import { DatasetList } from "./_components/dataset-list";
import { UploadForm } from "./_components/upload-form";
import { listDatasets } from "@/lib/server/datasets";
import { toDatasetListView, toDatasetPage } from "@/lib/series/to-dataset-page";

export const dynamic = "force-dynamic";

type HomePageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HomePage({ searchParams }: HomePageProps) {
  const datasets = await listDatasets();
  const page = toDatasetPage(datasets, toDatasetListView(await searchParams));
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Your time series</h1>
          <p>Upload a CSV, train an LSTM forecast in your browser, and see whether it beats simple baselines.</p>
        </div>
      </div>
      <UploadForm />
      <DatasetList page={page} total={datasets.length} />
    </>
  );
}
