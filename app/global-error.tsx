"use client";

import { ServerError } from "@/components/app/server-error";
import "./globals.css";

// Replaces the root layout when that fails too, so it brings its own <html> and <body>.
export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="en">
      <body className="min-h-dvh bg-white font-sans text-neutral-900 antialiased dark:bg-neutral-950 dark:text-neutral-100">
        <ServerError digest={error.digest} onRetry={reset} />
      </body>
    </html>
  );
}
