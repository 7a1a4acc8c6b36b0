import { useEffect, type RefObject } from "react";

/** Zoom brush handles: Recharts renders them as `role="slider"`, the only sliders in a chart. */
const HANDLE = '[role="slider"]';

/**
 * Keeps the focus of a zoom brush's handles (inside `ref`) to the handles. Recharts' chart
 * wrapper takes any focus inside it, bubbling up, for the chart's own keyboard navigation and
 * opens the tooltip on the first point; Enter there toggles the tooltip. Both were meant for the
 * chart's surface, not for a slider that moves the zoom (its arrow keys Recharts already keeps).
 * The events stop at `ref`'s element, before React's listener at the document sees them.
 */
export function useZoomHandleFocus(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const onHandle = (event: Event) => event.target instanceof Element && event.target.closest(HANDLE) !== null;
    const onFocusIn = (event: FocusEvent) => {
      if (onHandle(event)) event.stopPropagation();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Enter" && onHandle(event)) event.stopPropagation();
    };
    root.addEventListener("focusin", onFocusIn);
    root.addEventListener("keydown", onKeyDown);
    return () => {
      root.removeEventListener("focusin", onFocusIn);
      root.removeEventListener("keydown", onKeyDown);
    };
  }, [ref]);
}
