import type { Metadata } from "next";
import { NotFoundNotice } from "./_components/not-found-notice";

export const metadata: Metadata = { title: "Page not found" };

/** Any address the app has no page for. A missing dataset has its own (datasets/[id]/not-found.tsx). */
export default function NotFound() {
  return (
    <NotFoundNotice title="Page not found">
      There is no page at this address. Your datasets are listed on the start page: open one there, or upload a CSV to add one.
    </NotFoundNotice>
  );
}
