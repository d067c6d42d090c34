import type { ReactNode } from "react";

/**
 * Where a form's outcome appears. It is on the page before there is anything to say, so screen
 * readers announce the Notice put into it later; atomic, so they read the whole message, not
 * only the words that changed since the last one.
 */
export function LiveRegion({ children }: { children: ReactNode }) {
  return (
    <div aria-live="polite" aria-atomic="true">
      {children}
    </div>
  );
}
