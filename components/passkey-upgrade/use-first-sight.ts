"use client";

import { type RefObject, useEffect } from "react";

/**
 * Calls `onSeen` once, the first time the element is on screen: rendered is not seen, as a banner
 * below the fold, or in a tab opened in the background, has not been read by anyone yet.
 */
export function useFirstSight(element: RefObject<HTMLElement | null>, onSeen: () => void): void {
  useEffect(() => {
    const target = element.current;
    if (!target) return;
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      onSeen();
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [element, onSeen]);
}
