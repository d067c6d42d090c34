import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/sign-up/sign-up-form";
import { PageHeader } from "@/components/ui/page-header";
import { serverConfig } from "@/config/env";
import { routes } from "@/config/site";
import { getSession } from "@/lib/session";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  if (await getSession()) redirect(routes.dashboard);
  return (
    <>
      <PageHeader
        size="card"
        title="Create your account"
        description="No password needed: your fingerprint, face or screen lock signs you in."
      />
      <SignUpForm outbox={serverConfig().smtpUrl ? null : routes.devOutbox} />
    </>
  );
}
