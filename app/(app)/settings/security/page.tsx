import type { Metadata } from "next";
import { features } from "@/components/features";
import { AddPasskeyLink } from "@/components/passkeys/add-passkey-link";
import { SignInMethodsSummary } from "@/components/password/sign-in-methods-summary";
import { SecurityLinks } from "@/components/settings/security-links";
import { settingsPagesOf } from "@/components/slots/feature-ui";
import { PageHeader } from "@/components/ui/page-header";
import { requireSession } from "@/lib/session";
import { signInMethodsOf } from "@/lib/sign-in-methods/queries";

export const metadata: Metadata = { title: "Security" };

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export default async function SecurityOverviewPage() {
  const { user } = await requireSession();
  const overview = await signInMethodsOf(user.id);
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
      {features.map(
        ({ id, SecurityOverviewSection }) =>
          SecurityOverviewSection && <SecurityOverviewSection key={id} userId={user.id} />,
      )}
      <section aria-labelledby="security-pages" className="flex flex-col gap-3">
        <h2 id="security-pages" className="text-lg font-semibold">
          Manage
        </h2>
        <SecurityLinks pages={settingsPagesOf(features)} />
      </section>
    </div>
  );
}
