import Link from "next/link";
import { routes, site } from "@/config/site";
import type { MenuLink } from "@/lib/auth/menu";
import { SignOutButton } from "./sign-out-button";

/** `links`: the site's menu and what the plugins add for this user (`pluginMenuLinks`). */
export function AppHeader({ email, links }: { email: string; links: MenuLink[] }) {
  return (
    <header className="border-b border-neutral-200 dark:border-neutral-800">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href={routes.dashboard} className="font-semibold tracking-tight">
          {site.name}
        </Link>
        <nav aria-label="Main" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {links.map((link) => (
            <Link
              key={link.href}
              href={link.href}
              className="text-neutral-600 hover:text-neutral-900 dark:text-neutral-400 dark:hover:text-white"
            >
              {link.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-2">
          <span className="hidden text-sm text-neutral-500 sm:inline dark:text-neutral-400">{email}</span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
