"use client";

import { useEffect } from "react";

/**
 * While `message` is set, asks before the page is left: the browser's own prompt on reload, close
 * or a typed address, and `message` in a confirm() on a link within the app, whose client-side
 * navigation fires no beforeunload and would unmount the page without a word.
 * @param message the question for in-app links ("… Leave anyway?"), or null to let the page go
 */
export function useLeaveGuard(message: string | null) {
  useEffect(() => {
    if (!message) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Browsers before Chrome 119 show the prompt only with returnValue set.
      event.returnValue = "";
    };
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== "_self") || link.hasAttribute("download")) return;
      const to = new URL(link.href);
      // Another site unloads the page (beforeunload asks); the same page is no navigation.
      if (to.origin !== window.location.origin || (to.pathname === window.location.pathname && to.search === window.location.search)) return;
      if (window.confirm(message)) return;
      event.preventDefault();
      // Captured at the document, before React's listener on the root: the Link never navigates.
      event.stopPropagation();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [message]);
}
