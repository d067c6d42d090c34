import type { Metadata } from "next";
import { headers } from "next/headers";
import { PasskeyManager } from "@/components/passkeys/passkey-manager";
import { RecoveryCodesWarning } from "@/components/recovery-codes/recovery-codes-warning";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { serverConfig } from "@/config/env";
import { routes } from "@/config/site";
import { auth } from "@/lib/auth";
import { webAuthnUserHandle } from "@/lib/passkeys/user-handle";
import { recoveryCodeStatus } from "@/lib/recovery-codes/status";
import { requireSession } from "@/lib/session";
import { signInMethodsOf } from "@/lib/sign-in-methods/queries";

export const metadata: Metadata = { title: "Passkeys" };

type SearchParams = Promise<{ welcome?: string; recovered?: string; add?: string }>;

export default async function PasskeysPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, session } = await requireSession();
  const requestHeaders = await headers();
  const [{ welcome, recovered, add }, passkeys, { hasPassword }, recovery] = await Promise.all([
    searchParams,
    auth().api.listPasskeys({ headers: requestHeaders }),
    signInMethodsOf(user.id),
    recoveryCodeStatus(user.id),
  ]);
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
      {recovered && (
        <Notice tone={recovery.remaining <= 2 ? "error" : "success"}>
          You're back in. Add a new passkey now, so that next time you won't need a recovery code. You have{" "}
          {recovery.remaining} recovery {recovery.remaining === 1 ? "code" : "codes"} left
          {recovery.remaining <= 2 && (
            <>
              :{" "}
              <TextLink href={routes.recoveryCodes} tone="inherit">
                generate new ones
              </TextLink>{" "}
              soon
            </>
          )}
          .
        </Notice>
      )}
      {passkeys.length > 0 && recovery.total === 0 && !recovery.declinedAt && <RecoveryCodesWarning />}
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
        recovery={{ hasCodes: recovery.remaining > 0, declined: Boolean(recovery.declinedAt) }}
      />
    </div>
  );
}
