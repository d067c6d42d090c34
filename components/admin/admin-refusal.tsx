import { SignOutButton } from "@/components/app/sign-out-button";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import type { AdminRefusal as Refusal } from "@/lib/admin/require-admin";
import { routes } from "@/site.config";

/** Why this sign-in cannot open the admin area, and the steps that will. */
export function AdminRefusal({ refusal }: { refusal: Refusal }) {
  return (
    <section aria-labelledby="admin-refusal-title" className="flex flex-col gap-6">
      <PageHeader
        titleId="admin-refusal-title"
        title="This sign-in can't open the admin area"
        description="Admins sign in with a passkey that never leaves its device, such as a security key, so that a stolen password or a taken-over cloud account is not enough to reach the admin area."
      />
      <div className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
        <p>{refusal.explanation}</p>
        <p className="mt-2 font-medium">{refusal.remedy}</p>
      </div>
      {refusal.reason === "add-passkey" ? (
        <ol className="flex list-decimal flex-col gap-3 pl-5">
          <li>
            <LinkButton href={routes.passkeys}>Add a passkey</LinkButton>
            <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
              Use a security key or another authenticator that keeps the passkey on the device. Your browser
              says where it saves a passkey; the passkey list shows “Only on this device” for the right kind.
            </p>
          </li>
          <li>
            Sign out, then sign in with the new passkey.
            <div className="mt-2">
              <SignOutButton next={routes.admin} label="Sign out and sign in again" variant="secondary" />
            </div>
          </li>
        </ol>
      ) : (
        <div>
          <SignOutButton next={routes.admin} label="Sign out and sign in again" variant="primary" />
        </div>
      )}
    </section>
  );
}
