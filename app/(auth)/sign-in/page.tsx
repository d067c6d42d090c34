import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getSession } from "@/lib/auth/session";
import { serverConfig } from "@/lib/env";
import { safeNext } from "@/lib/safe-next";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const { next } = await searchParams;
  const destination = safeNext(typeof next === "string" ? next : undefined);
  if (await getSession()) redirect(destination);
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Sign in</h1>
      <p className="mb-6 text-sm text-neutral-600 dark:text-neutral-400">
        Use your fingerprint, face or screen lock.
      </p>
      <SignInForm next={destination} rpId={serverConfig().rpId} />
    </>
  );
}
