import Link from "next/link";
import type { SettingsPage } from "@/config/site";

/** The security settings pages as cards, each saying what is there. */
export function SecurityLinks({ pages }: { pages: SettingsPage[] }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {pages.map((page) => (
        <li key={page.href}>
          <Link
            href={page.href}
            className="block h-full rounded-lg border border-neutral-200 p-4 hover:bg-neutral-50 dark:border-neutral-800 dark:hover:bg-neutral-900"
          >
            <span className="font-medium">{page.label}</span>
            <span className="block text-sm text-neutral-600 dark:text-neutral-400">{page.summary}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
