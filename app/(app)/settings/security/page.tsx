import type { Metadata } from "next";
import { AddPasskeyLink } from "@/components/passkeys/add-passkey-link";
import { SignInMethodsSummary } from "@/components/password/sign-in-methods-summary";
import { RecoveryPathStatus } from "@/components/recovery-codes/recovery-path-status";
import { SecurityLinks } from "@/components/settings/security-links";
import { PageHeader } from "@/components/ui/page-header";
import { site } from "@/config/site";
import { securityOverview } from "@/lib/recovery-codes/recovery-path";
import { requireSession } from "@/lib/session";

export const metadata: Metadata = { title: "Security" };

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export default async function SecurityOverviewPage() {
  const { user } = await requireSession();
  const overview = await securityOverview(user.id);
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title="Security" description="How you sign in, and how you get back in." />
      <section aria-labelledby="sign-in-methods" className="flex flex-col gap-3">
        <h2 id="sign-in-methods" className="text-lg font-semibold">
          Ways to sign in
        </h2>
        <SignInMethodsSummary passkeys={overview.passkeys} hasPassword={overview.hasPassword} />
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="text-neutral-600 dark:text-neutral-400">Passkeys</dt>
          <dd>{overview.passkeys ? plural(overview.passkeys, "passkey", "passkeys") : "None yet"}</dd>
          <dt className="text-neutral-600 dark:text-neutral-400">Password</dt>
          <dd>{overview.hasPassword ? "Set" : "Not set"}</dd>
        </dl>
        {overview.passkeys === 0 && (
          <div>
            <AddPasskeyLink variant="secondary" />
          </div>
        )}
      </section>
      <section aria-labelledby="recovery-path" className="flex flex-col gap-3">
        <h2 id="recovery-path" className="text-lg font-semibold">
          Your account's recovery path
        </h2>
        <RecoveryPathStatus path={overview.recoveryPath} remaining={overview.recovery.remaining} />
      </section>
      <section aria-labelledby="security-pages" className="flex flex-col gap-3">
        <h2 id="security-pages" className="text-lg font-semibold">
          Manage
        </h2>
        <SecurityLinks pages={site.settings.pages} />
      </section>
    </div>
  );
}
