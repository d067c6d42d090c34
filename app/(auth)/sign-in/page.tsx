import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { features } from "@/components/features";
import { wayBackInUiOf } from "@/components/slots/feature-ui";
import { PageHeader } from "@/components/ui/page-header";
import { serverConfig } from "@/config/env";
import { safeNext } from "@/lib/http/safe-next";
import { getSession } from "@/lib/session";

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
      <PageHeader size="card" title="Sign in" description="Use your fingerprint, face or screen lock." />
      <SignInForm
        next={destination}
        rpId={serverConfig().rpId}
        lostPasskeyLink={wayBackInUiOf(features)?.lostPasskeyLink}
      />
    </>
  );
}
