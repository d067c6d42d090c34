import type { Metadata } from "next";
import { headers } from "next/headers";
import { RecoveryCodesPanel } from "@/components/recovery-codes/recovery-codes-panel";
import { RecoveryCodesWarning } from "@/components/recovery-codes/recovery-codes-warning";
import { PageHeader } from "@/components/ui/page-header";
import { auth } from "@/lib/auth";
import { recoveryCodeStatus } from "@/lib/recovery-codes/status";
import { requireSession } from "@/lib/session";

export const metadata: Metadata = { title: "Recovery codes" };

export default async function RecoveryCodesPage() {
  const { user } = await requireSession();
  const requestHeaders = await headers();
  const [status, passkeys] = await Promise.all([
    recoveryCodeStatus(user.id),
    auth().api.listPasskeys({ headers: requestHeaders }),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Recovery codes"
        description="One-time codes that get you back in if you lose every device with your passkeys."
      />
      {passkeys.length > 0 && status.total === 0 && !status.declinedAt && <RecoveryCodesWarning />}
      <RecoveryCodesPanel status={status} />
    </div>
  );
}
