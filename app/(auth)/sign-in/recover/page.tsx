import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { RecoverForm } from "@/components/auth/recover-form";
import { getSession } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in with a recovery code" };

export default async function RecoverPage() {
  if (await getSession()) redirect("/settings/security/passkeys");
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Lost your passkey?</h1>
      <p className="mb-6 text-sm text-neutral-600 dark:text-neutral-400">
        Sign in with one of your recovery codes, then add a passkey on your new device.
      </p>
      <RecoverForm />
    </>
  );
}
