import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/password/reset-password-form";
import { PageHeader } from "@/components/ui/page-header";

// The link's token is in the fragment, which no Referer carries; sending none at all keeps even
// the page's address to the app.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default function ResetPasswordPage() {
  return (
    <>
      <PageHeader
        size="card"
        title="Choose a new password"
        description="Setting it signs your account out everywhere."
      />
      <ResetPasswordForm />
    </>
  );
}
