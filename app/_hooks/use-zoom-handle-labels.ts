import { useLayoutEffect, type RefObject } from "react";
import type { ZoomLabels } from "@/lib/chart/to-zoom-labels";

/**
 * Gives the two handles (role="slider") of a Recharts brush inside `ref` a name and value each:
 * Recharts puts one `aria-label` on both, so a screen reader heard the same name twice. The left
 * handle (lower `aria-valuenow`, its x) is the window's start. The chart's DOM is watched because
 * Recharts draws the handles after measuring its container and resets the shared name whenever
 * the window moves.
 */
export function useZoomHandleLabels(ref: RefObject<HTMLElement | null>, labels: ZoomLabels): void {
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    const apply = () => {
      const handles = [...root.querySelectorAll('[role="slider"]')].sort((a, b) => Number(a.getAttribute("aria-valuenow")) - Number(b.getAttribute("aria-valuenow")));
      handles.slice(0, 2).forEach((handle, i) => {
        const label = i === 0 ? labels.start : labels.end;
        // Only on a difference: a write is itself a mutation the observer sees.
        if (handle.getAttribute("aria-label") !== label.name) handle.setAttribute("aria-label", label.name);
        if (handle.getAttribute("aria-valuetext") !== label.value) handle.setAttribute("aria-valuetext", label.value);
      });
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ["aria-label", "aria-valuenow"] });
    return () => observer.disconnect();
  }, [ref, labels]);
}
