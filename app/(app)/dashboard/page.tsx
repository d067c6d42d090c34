import type { Metadata } from "next";
import Link from "next/link";
import { features } from "@/components/features";
import { PasskeyUpgrade } from "@/components/passkey-upgrade/passkey-upgrade";
import { wayBackInUiOf } from "@/components/slots/feature-ui";
import { PageHeader } from "@/components/ui/page-header";
import { routes } from "@/config/site";
import { requireSession } from "@/lib/session";

export const metadata: Metadata = { title: "Home" };

export default async function DashboardPage() {
  const { user } = await requireSession();
  return (
    <>
      <PasskeyUpgrade afterPasskeyAdded={wayBackInUiOf(features)?.afterPasskeyAdded} />
      <PageHeader title={`Welcome, ${user.name}`} description={`You are signed in as ${user.email}.`} />
      <Link
        href={routes.security}
        className="mt-6 inline-block rounded-lg border border-neutral-200 p-4 hover:bg-neutral-50 dark:border-neutral-800 dark:hover:bg-neutral-900"
      >
        <span className="font-medium">Security</span>
        <span className="block text-sm text-neutral-600 dark:text-neutral-400">
          Your passkeys, recovery codes, sessions and recent sign-ins.
        </span>
      </Link>
    </>
  );
}
