import type { Metadata } from "next";
import { headers } from "next/headers";
import { AddPasskeyForm } from "@/components/settings/add-passkey-form";
import { PasskeyList } from "@/components/settings/passkey-list";
import { Notice } from "@/components/ui/notice";
import { auth } from "@/lib/auth";
import { requireSession } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Passkeys" };

export default async function PasskeysPage({
  searchParams,
}: {
  searchParams: Promise<{ welcome?: string }>;
}) {
  await requireSession();
  const [{ welcome }, passkeys] = await Promise.all([
    searchParams,
    auth().api.listPasskeys({ headers: await headers() }),
  ]);
  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Passkeys</h1>
        <p className="mt-1 text-neutral-600 dark:text-neutral-400">
          Sign in with your fingerprint, face or screen lock instead of a password.
        </p>
      </div>
      {welcome && passkeys.length === 0 && (
        <Notice tone="success">
          Your account is ready. Add a passkey now, and next time you can sign in with a single tap.
        </Notice>
      )}
      <section aria-labelledby="add-passkey" className="flex flex-col gap-3">
        <h2 id="add-passkey" className="text-lg font-medium">
          Add a passkey
        </h2>
        <AddPasskeyForm />
      </section>
      <section aria-labelledby="your-passkeys" className="flex flex-col gap-3">
        <h2 id="your-passkeys" className="text-lg font-medium">
          Your passkeys
        </h2>
        <PasskeyList passkeys={passkeys} />
      </section>
    </div>
  );
}
