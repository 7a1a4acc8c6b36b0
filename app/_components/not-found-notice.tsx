import Link from "next/link";
import type { ReactNode } from "react";

export interface NotFoundNoticeProps {
  /** The page's heading: what was not found. */
  title: string;
  /** Why, and what to do instead. */
  children: ReactNode;
}

/** A 404 page's body: a heading, what happened, and the way back to the datasets. */
export function NotFoundNotice({ title, children }: NotFoundNoticeProps) {
  return (
    <section className="card not-found" aria-labelledby="not-found-title">
      <div className="empty-state">
        <h1 id="not-found-title">{title}</h1>
        <p>{children}</p>
        <Link href="/" className="button button-primary">
          Go to your datasets
        </Link>
      </div>
    </section>
  );
}
