import type { Metadata } from "next";
import { FinishPasskeySignUp } from "@/components/auth/finish-passkey-sign-up";
import { Notice } from "@/components/ui/notice";
import { TextLink } from "@/components/ui/text-link";
import { getSession } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Finish creating your account", referrer: "no-referrer" };

export default async function FinishPasskeySignUpPage() {
  const session = await getSession();
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Finish creating your account</h1>
      <p className="mb-6 text-sm text-neutral-600 dark:text-neutral-400">
        One tap creates your passkey and your account. No password, ever.
      </p>
      {session ? (
        <Notice>
          You're signed in as {session.user.email}. Sign out first to create another account, or go to your{" "}
          <TextLink href="/dashboard" tone="inherit">
            dashboard
          </TextLink>
          .
        </Notice>
      ) : (
        <FinishPasskeySignUp />
      )}
    </>
  );
}
