"use client";

import { type RefObject, useEffect, useState } from "react";

/** Whether there is more to scroll to on each side of a horizontal scroller. */
export type ScrollEdges = { before: boolean; after: boolean };

/** The scroller's hidden sides, kept current as it scrolls and as the window resizes. */
export function useScrollEdges(scroller: RefObject<HTMLElement | null>): ScrollEdges {
  const [edges, setEdges] = useState<ScrollEdges>({ before: false, after: false });
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => {
      // A pixel of slack: zoomed pages report fractional scroll positions.
      const hidden = element.scrollWidth - element.clientWidth;
      setEdges({ before: element.scrollLeft > 1, after: element.scrollLeft < hidden - 1 });
    };
    measure();
    element.addEventListener("scroll", measure, { passive: true });
    const resize = new ResizeObserver(measure);
    resize.observe(element);
    return () => {
      element.removeEventListener("scroll", measure);
      resize.disconnect();
    };
  }, [scroller]);
  return edges;
}

/** Fades the side that has more, so that a cut-off row of tabs reads as one that scrolls. */
export function fadeHiddenEdges({ before, after }: ScrollEdges): string | undefined {
  if (!before && !after) return undefined;
  const start = before ? "transparent, black 2rem" : "black";
  const end = after ? "black calc(100% - 2rem), transparent" : "black";
  return `linear-gradient(to right, ${start}, ${end})`;
}
