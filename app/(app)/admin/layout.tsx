import type { ReactNode } from "react";
import { AdminRefusal } from "@/components/admin/admin-refusal";
import { requireAdmin } from "@/lib/admin/require-admin";
import { serverConfig } from "@/lib/env";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const access = await requireAdmin();
  return access.allowed ? (
    children
  ) : (
    <AdminRefusal refusal={access} policy={serverConfig().admin.passkeyPolicy} />
  );
}
