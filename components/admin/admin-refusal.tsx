import { SignOutButton } from "@/components/app/sign-out-button";
import { AddPasskeyLink } from "@/components/passkeys/add-passkey-link";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import type { AdminPasskeyPolicy } from "@/config/env";
import type { AdminRefusal as Refusal } from "@/lib/admin/policy";
import { ADMIN_PATH } from "@/lib/admin/roles";

/** Why this sign-in cannot open the admin area, and the steps that will. */
export function AdminRefusal({ refusal, policy }: { refusal: Refusal; policy: AdminPasskeyPolicy }) {
  return (
    <section aria-labelledby="admin-refusal-title" className="flex flex-col gap-6">
      <PageHeader
        titleId="admin-refusal-title"
        title="This sign-in can't open the admin area"
        description="Admins sign in with a passkey that never leaves its device, such as a security key, so that a stolen password or a taken-over cloud account is not enough to reach the admin area."
      />
      {policy === "claimed" && (
        <Notice tone="error">
          <strong>This site takes an authenticator's word for what it is</strong>{" "}
          (ADMIN_PASSKEY_POLICY=claimed). Software can claim to be a security key, so a stolen password,
          synced passkey or recovery code is enough to reach the admin area. Its operator should verify
          attestation instead; see “Roles and the admin area” in the README.
        </Notice>
      )}
      <div className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
        <p>{refusal.explanation}</p>
        <p className="mt-2 font-medium">{refusal.remedy}</p>
      </div>
      {refusal.reason === "add-passkey" ? (
        <ol className="flex list-decimal flex-col gap-3 pl-5">
          <li>
            <AddPasskeyLink />
            <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
              {policy === "attested"
                ? "Use a security key, and let your browser share its make and model when it asks. The passkey list shows “Verified” and the model for a key this site could verify."
                : "Use a security key or another authenticator that keeps the passkey on the device. Your browser says where it saves a passkey; the passkey list shows “Only on this device” for the right kind."}
            </p>
          </li>
          <li>
            Sign out, then sign in with the new passkey.
            <div className="mt-2">
              <SignOutButton next={ADMIN_PATH} label="Sign out and sign in again" variant="secondary" />
            </div>
          </li>
        </ol>
      ) : (
        <div>
          <SignOutButton next={ADMIN_PATH} label="Sign out and sign in again" variant="primary" />
        </div>
      )}
    </section>
  );
}
