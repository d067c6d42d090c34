import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { RecoverForm } from "@/components/recovery-codes/recover-form";
import { PageHeader } from "@/components/ui/page-header";
import { routes } from "@/config/site";
import { getSession } from "@/lib/session";

export const metadata: Metadata = { title: "Sign in with a recovery code" };

export default async function RecoverPage() {
  if (await getSession()) redirect(routes.passkeys);
  return (
    <>
      <PageHeader
        size="card"
        title="Lost your passkey?"
        description="Sign in with one of your recovery codes, then add a passkey on your new device."
      />
      <RecoverForm />
    </>
  );
}
