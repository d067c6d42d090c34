import Link from "next/link";

export type SecurityLink = { href: string; title: string; description: string };

/** The security settings pages as cards, each saying what is there. */
export function SecurityLinks({ links }: { links: SecurityLink[] }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {links.map((link) => (
        <li key={link.href}>
          <Link
            href={link.href}
            className="block h-full rounded-lg border border-neutral-200 p-4 hover:bg-neutral-50 dark:border-neutral-800 dark:hover:bg-neutral-900"
          >
            <span className="font-medium">{link.title}</span>
            <span className="block text-sm text-neutral-600 dark:text-neutral-400">{link.description}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
