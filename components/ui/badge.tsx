import type { ReactNode } from "react";

const tones = {
  info: "bg-blue-50 text-blue-800 dark:bg-blue-950 dark:text-blue-200",
  success: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100",
};

/**
 * A short label beside an item's name: the passkey or session in use right now ("info"), or what
 * the user has just added ("success").
 */
export function Badge({ children, tone = "info" }: { children: ReactNode; tone?: keyof typeof tones }) {
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${tones[tone]}`}>{children}</span>;
}
