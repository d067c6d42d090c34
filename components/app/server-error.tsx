"use client";

import { Button } from "@/components/ui/button";
import { site } from "@/config/site";

/**
 * What a page shows when the server could not render it, most often because the database is out
 * of reach for a moment. It never shows the error itself: production builds hide the message and
 * stack from the browser, and only the digest, which the server log also carries, is shown.
 */
export function ServerError({ digest, onRetry }: { digest?: string; onRetry: () => void }) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-12">
      <div
        role="alert"
        className="w-full max-w-sm rounded-2xl border border-neutral-200 p-6 shadow-sm sm:p-8 dark:border-neutral-800"
      >
        <h1 className="text-xl font-semibold tracking-tight">{site.name} is unavailable for a moment</h1>
        <p className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">
          We couldn't load this page, usually because our database is briefly out of reach. Nothing you did
          was lost or half-saved. Try again in a few seconds.
        </p>
        {digest && <p className="mt-2 text-xs text-neutral-500 dark:text-neutral-400">Reference: {digest}</p>}
        <Button className="mt-6 w-full" onClick={onRetry}>
          Try again
        </Button>
      </div>
    </main>
  );
}
