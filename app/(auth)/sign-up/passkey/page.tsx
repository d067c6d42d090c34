import type { Metadata } from "next";
import { FinishSignUp } from "@/components/sign-up/finish-sign-up";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { routes } from "@/config/site";
import { getSession } from "@/lib/session";

export const metadata: Metadata = { title: "Finish creating your account", referrer: "no-referrer" };

export default async function FinishSignUpPage() {
  const session = await getSession();
  return (
    <>
      <PageHeader
        size="card"
        title="Finish creating your account"
        description="One tap creates your passkey and your account. No password needed."
      />
      {session ? (
        <Notice>
          You're signed in as {session.user.email}. Sign out first to create another account, or go to your{" "}
          <TextLink href={routes.dashboard} tone="inherit">
            dashboard
          </TextLink>
          .
        </Notice>
      ) : (
        <FinishSignUp />
      )}
    </>
  );
}
