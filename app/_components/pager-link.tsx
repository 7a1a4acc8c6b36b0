"use client";

import Link from "next/link";
import type { ReactNode } from "react";

export interface PagerLinkProps {
  href: string;
  /** At the first or last page: the link stays, marked as doing nothing. */
  disabled: boolean;
  children: ReactNode;
}

/**
 * Previous or Next under a list paged by its address. At either end it stays focusable (a keyboard
 * user's focus is not dropped to the top of the page) and does nothing: followed, it reloaded the
 * page it is on and moved the view up to the list's heading.
 */
export function PagerLink({ href, disabled, children }: PagerLinkProps) {
  return (
    <Link href={href} className="button button-small" aria-disabled={disabled} onClick={disabled ? (event) => event.preventDefault() : undefined}>
      {children}
    </Link>
  );
}
