import type { Metadata } from "next";
import { headers } from "next/headers";
import { features } from "@/components/features";
import { PasskeyManager } from "@/components/passkeys/passkey-manager";
import { wayBackInUiOf } from "@/components/slots/feature-ui";
import { PageHeader } from "@/components/ui/page-header";
import { serverConfig } from "@/config/env";
import { routes } from "@/config/site";
import { auth } from "@/lib/auth";
import { webAuthnUserHandle } from "@/lib/passkeys/user-handle";
import { requireSession } from "@/lib/session";
import { signInMethodsOf } from "@/lib/sign-in-methods/queries";
import { wayBackInStateOf } from "@/lib/sign-in-methods/way-back-in";

export const metadata: Metadata = { title: "Passkeys" };

type SearchParams = Promise<{ welcome?: string; recovered?: string; add?: string }>;

export default async function PasskeysPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, session } = await requireSession();
  const requestHeaders = await headers();
  const [{ welcome, recovered, add }, passkeys, { hasPassword }, wayBackIn] = await Promise.all([
    searchParams,
    auth().api.listPasskeys({ headers: requestHeaders }),
    signInMethodsOf(user.id),
    wayBackInStateOf(auth().options, user.id),
  ]);
  const wayBackInUi = wayBackInUiOf(features);
  const offerWayBackIn = wayBackInUi && wayBackIn.usesLeft === 0 && !wayBackIn.declined;
  const account = {
    rpId: serverConfig().rpId,
    userHandle: webAuthnUserHandle(user.id),
    name: user.email,
    displayName: user.name,
    email: user.email,
    hasPassword,
  };
  return (
    <div className="flex flex-col gap-8">
      <PageHeader
        title="Passkeys"
        description="Sign in with your fingerprint, face or screen lock instead of a password."
      />
      {features.map(
        ({ id, PasskeysNotices }) =>
          PasskeysNotices && (
            <PasskeysNotices
              key={id}
              userId={user.id}
              hasPasskeys={passkeys.length > 0}
              recovered={Boolean(recovered)}
            />
          ),
      )}
      <PasskeyManager
        initialPasskeys={passkeys}
        currentPasskeyId={(session as { passkeyId?: string | null }).passkeyId ?? null}
        signedInWithRecoveryCode={
          (session as { signInMethod?: string | null }).signInMethod === "recovery_code"
        }
        account={account}
        now={new Date().toISOString()}
        welcome={Boolean(welcome)}
        startAdding={Boolean(add)}
        wayBackIn={{
          held: wayBackIn.usesLeft > 0,
          setUpHref: offerWayBackIn ? wayBackInUi.setUpHref(routes.passkeys) : null,
        }}
      />
    </div>
  );
}
