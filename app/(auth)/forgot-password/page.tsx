import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/password/forgot-password-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <>
      <PageHeader
        size="card"
        title="Forgot your password?"
        description="We'll mail you a link to choose a new one."
      />
      <ForgotPasswordForm />
    </>
  );
}
