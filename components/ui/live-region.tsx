import type { ReactNode } from "react";

/**
 * Where a form's outcome appears. It is on the page before there is anything to say, so screen
 * readers announce the Notice put into it later; atomic, so they read the whole message, not
 * only the words that changed since the last one.
 */
export function LiveRegion({
  children,
  reserveLine = false,
}: {
  children: ReactNode;
  reserveLine?: boolean;
}) {
  return (
    // `reserveLine` keeps a one-line message's room, so that what follows does not jump when it appears.
    <div aria-live="polite" aria-atomic="true" className={reserveLine ? "min-h-10" : undefined}>
      {children}
    </div>
  );
}
