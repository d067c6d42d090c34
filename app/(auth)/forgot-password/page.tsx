import type { Metadata } from "next";
import { connection } from "next/server";
import { features } from "@/components/features";
import { ForgotPasswordForm } from "@/components/password/forgot-password-form";
import { wayBackInUiOf } from "@/components/slots/feature-ui";
import { PageHeader } from "@/components/ui/page-header";
import { serverConfig } from "@/config/env";
import { routes } from "@/config/site";

export const metadata: Metadata = { title: "Forgot your password?" };

export default async function ForgotPasswordPage() {
  // Rendered per request: the outbox link depends on the running server's configuration, not the build's.
  await connection();
  return (
    <>
      <PageHeader
        size="card"
        title="Forgot your password?"
        description="We'll mail you a link to choose a new one."
      />
      <ForgotPasswordForm
        outbox={serverConfig().smtpUrl ? null : routes.devOutbox}
        passkeysOnlyHint={wayBackInUiOf(features)?.forgotPasswordHint}
      />
    </>
  );
}
