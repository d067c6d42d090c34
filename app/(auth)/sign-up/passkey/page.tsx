import type { Metadata } from "next";
import { features } from "@/components/features";
import { type AfterSignUp, FinishSignUp } from "@/components/sign-up/finish-sign-up";
import { wayBackInUiOf } from "@/components/slots/feature-ui";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { routes } from "@/config/site";
import { getSession } from "@/lib/session";

export const metadata: Metadata = { title: "Finish creating your account", referrer: "no-referrer" };

const PASSKEY_INVITATION = `${routes.passkeys}?welcome=1`;

/**
 * Where a new account goes first: the way back in should it lose its passkey or password, when a
 * feature offers one. A password account goes on to the invitation to add a passkey.
 */
function afterSignUp(): AfterSignUp {
  const setUp = wayBackInUiOf(features)?.setUpHref;
  if (!setUp) return { passkey: routes.dashboard, password: PASSKEY_INVITATION };
  return {
    passkey: setUp(undefined, { welcome: true }),
    password: setUp(PASSKEY_INVITATION, { welcome: true }),
  };
}

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
        <FinishSignUp after={afterSignUp()} />
      )}
    </>
  );
}
