import type { Metadata } from "next";
import { AccountsWithoutRecovery } from "@/components/admin/accounts-without-recovery";
import { AdoptionFigures } from "@/components/admin/adoption-figures";
import { SignInsChart } from "@/components/admin/sign-ins-chart";
import { PageHeader } from "@/components/ui/page-header";
import { site } from "@/config/site";
import { accountsWithoutRecovery, passkeyAdoption, signInsByDay } from "@/lib/admin/adoption";
import { requireAdmin } from "./require-admin";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  // The layout shows the refusal; this only makes sure no figure is read for a refused session.
  if (!(await requireAdmin()).allowed) return null;
  const now = new Date();
  const [adoption, signIns, withoutRecovery] = await Promise.all([
    passkeyAdoption(now),
    signInsByDay(now),
    accountsWithoutRecovery({ now }),
  ]);
  return (
    <div className="flex flex-col gap-10">
      <PageHeader
        title="Passkey adoption"
        description={`How people sign in to ${site.name}, over the last 30 days.`}
      />
      <AdoptionFigures adoption={adoption} />
      <SignInsChart days={signIns} />
      <AccountsWithoutRecovery {...withoutRecovery} />
    </div>
  );
}
