import type { Metadata } from "next";
import { SaveRecoveryCodes } from "@/components/recovery-codes/save-recovery-codes";
import { PageHeader } from "@/components/ui/page-header";
import { routes } from "@/config/site";
import { safeNext } from "@/lib/http/safe-next";
import { recoveryCodeStatus } from "@/lib/recovery-codes/status";
import { requireSession } from "@/lib/session";

export const metadata: Metadata = { title: "Save your recovery codes" };

export default async function SaveRecoveryCodesPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; welcome?: string }>;
}) {
  const { user } = await requireSession();
  const [{ next, welcome }, status] = await Promise.all([searchParams, recoveryCodeStatus(user.id)]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={welcome ? "Your account is ready — save these codes" : "Save your recovery codes"}
        description="Recovery codes get you back into your account if you can no longer sign in."
      />
      <SaveRecoveryCodes next={safeNext(next, routes.dashboard)} hasCodes={status.total > 0} />
    </div>
  );
}
