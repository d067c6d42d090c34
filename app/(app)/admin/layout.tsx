import type { ReactNode } from "react";
import { AdminRefusal } from "@/components/admin/admin-refusal";
import { serverConfig } from "@/config/env";
import { requireAdmin } from "./require-admin";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const access = await requireAdmin();
  return access.allowed ? (
    children
  ) : (
    <AdminRefusal refusal={access} policy={serverConfig().admin.passkeyPolicy} />
  );
}
