import type { ReactNode } from "react";

/** A short label beside an item's name, e.g. the passkey or session in use right now. */
export function Badge({ children }: { children: ReactNode }) {
  return (
    <span className="rounded-full bg-blue-50 px-2 py-0.5 text-xs font-medium text-blue-800 dark:bg-blue-950 dark:text-blue-200">
      {children}
    </span>
  );
}
