"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { type SettingsPage, site } from "@/config/site";
import { fadeHiddenEdges, useScrollEdges } from "./use-scroll-edges";

/**
 * The overview and the settings pages, with the current one marked for sight and for screen readers. On a narrow
 * screen the row scrolls: the side with more tabs fades out, and the current tab is scrolled into
 * view, as is a tab that takes focus. Padding around the tabs leaves room for the focus outline,
 * which the scroller would otherwise clip; it is the list's, not the scroller's, whose end padding
 * browsers do not all count as something to scroll to.
 */
export function SettingsNav({ pages }: { pages: SettingsPage[] }) {
  const pathname = usePathname();
  const scroller = useRef<HTMLElement>(null);
  const edges = useScrollEdges(scroller);
  const mask = fadeHiddenEdges(edges);

  useEffect(() => {
    scroller.current
      ?.querySelector(`a[href="${pathname}"]`)
      ?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [pathname]);

  return (
    <nav
      ref={scroller}
      aria-label="Settings"
      className="-mx-2 scroll-px-8 overflow-x-auto py-1.5"
      style={{ maskImage: mask, WebkitMaskImage: mask }}
      // The browser scrolls a focused tab only until some of it shows; this brings all of it, and its
      // outline, clear of the faded edge (the scroll padding).
      onFocus={(event) => event.target.scrollIntoView({ block: "nearest", inline: "nearest" })}
    >
      <ul className="flex w-max gap-1 px-2 text-sm">
        {[site.settings.overview, ...pages].map((page) => {
          const current = pathname === page.href;
          return (
            <li key={page.href} className="shrink-0">
              <Link
                href={page.href}
                aria-current={current ? "page" : undefined}
                className={`block whitespace-nowrap rounded-md px-3 py-1.5 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 ${
                  current
                    ? "bg-neutral-900 font-medium text-white dark:bg-white dark:text-neutral-900"
                    : "text-neutral-600 hover:bg-neutral-100 hover:text-neutral-900 dark:text-neutral-400 dark:hover:bg-neutral-900 dark:hover:text-white"
                }`}
              >
                {page.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
