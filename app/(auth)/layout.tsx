import Link from "next/link";
import type { ReactNode } from "react";
import { site } from "@/config/site";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-12">
      <Link href="/" className="mb-8 text-lg font-semibold tracking-tight">
        {site.name}
      </Link>
      <div className="w-full max-w-sm rounded-2xl border border-neutral-200 p-6 shadow-sm sm:p-8 dark:border-neutral-800">
        {children}
      </div>
    </main>
  );
}
