import { NotFoundNotice } from "@/app/_components/not-found-notice";

/** A dataset address whose dataset does not exist, or no longer does (the page's title says so too). */
export default function DatasetNotFound() {
  return (
    <NotFoundNotice title="Dataset not found">
      This dataset does not exist, or it was deleted. Open another from your datasets, or upload the CSV again to bring it back.
    </NotFoundNotice>
  );
}
