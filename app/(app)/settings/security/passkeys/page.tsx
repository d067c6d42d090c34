import type { Metadata } from "next";
import { headers } from "next/headers";
import { PasskeyManager } from "@/components/settings/passkey-manager";
import { auth } from "@/lib/auth";
import { requireSession } from "@/lib/auth/session";
import { serverConfig } from "@/lib/env";
import { webAuthnUserHandle } from "@/lib/passkeys/user-handle";

export const metadata: Metadata = { title: "Passkeys" };

export default async function PasskeysPage({
  searchParams,
}: {
  searchParams: Promise<{ welcome?: string }>;
}) {
  const { user, session } = await requireSession();
  const requestHeaders = await headers();
  const [{ welcome }, passkeys, accounts] = await Promise.all([
    searchParams,
    auth().api.listPasskeys({ headers: requestHeaders }),
    auth().api.listUserAccounts({ headers: requestHeaders }),
  ]);
  const account = {
    rpId: serverConfig().rpId,
    userHandle: webAuthnUserHandle(user.id),
    name: user.email,
    displayName: user.name,
    email: user.email,
    hasPassword: accounts.some((linked) => linked.providerId === "credential"),
  };
  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Passkeys</h1>
        <p className="mt-1 text-neutral-600 dark:text-neutral-400">
          Sign in with your fingerprint, face or screen lock instead of a password.
        </p>
      </div>
      <PasskeyManager
        initialPasskeys={passkeys}
        currentPasskeyId={(session as { passkeyId?: string | null }).passkeyId ?? null}
        account={account}
        now={new Date().toISOString()}
        welcome={Boolean(welcome)}
      />
    </div>
  );
}
