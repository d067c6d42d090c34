import Link from "next/link";
import { Notice } from "@/components/ui/notice";

export default async function HomePage({ searchParams }: { searchParams: Promise<{ account?: string }> }) {
  const { account } = await searchParams;
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center gap-6 px-4 py-12">
      {account === "deleted" && (
        <Notice tone="success">Your account has been deleted, and you are signed out everywhere.</Notice>
      )}
      <h1 className="text-4xl font-semibold tracking-tight">Keyhold</h1>
      <p className="text-lg text-neutral-600 dark:text-neutral-400">
        Sign in with a passkey: your fingerprint, face or screen lock. No password to remember, and nothing a
        fake site can steal.
      </p>
      <div className="flex flex-wrap gap-3">
        <Link
          href="/sign-up"
          className="inline-flex h-11 items-center rounded-lg bg-neutral-900 px-4 text-sm font-medium text-white hover:bg-neutral-700 dark:bg-white dark:text-neutral-900 dark:hover:bg-neutral-200"
        >
          Create an account
        </Link>
        <Link
          href="/sign-in"
          className="inline-flex h-11 items-center rounded-lg border border-neutral-300 px-4 text-sm font-medium hover:bg-neutral-50 dark:border-neutral-700 dark:hover:bg-neutral-800"
        >
          Sign in
        </Link>
      </div>
    </main>
  );
}
