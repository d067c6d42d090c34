import { notFound } from "next/navigation";
import { cache } from "react";
import { type AdminAccess, adminAccess } from "@/lib/admin/policy";
import { requireSession } from "@/lib/session";

/**
 * The admin policy's answer for this request, read once however many layouts and pages ask. A
 * signed-out visitor goes to sign-in; a signed-in non-admin gets the ordinary 404, so the admin
 * area is never shown to exist. An admin gets the decision: allowed, or why not.
 *
 * Every admin layout and page calls it, not the layout alone: Next renders a page alongside its
 * layout, and can render a page on its own when the layout is already on screen.
 */
export const requireAdmin = cache(async (): Promise<Exclude<AdminAccess, { reason: "not-admin" }>> => {
  const { session } = await requireSession();
  const access = await adminAccess(session.id);
  if (!access.allowed && access.reason === "not-admin") notFound();
  return access;
});
