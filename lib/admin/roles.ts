import { eq } from "drizzle-orm";
import { db } from "@/lib/db";
import { user } from "@/lib/db/schema";
import { recordSecurityEvent } from "@/lib/security-log/events";

declare module "@/lib/security-log/events" {
  interface SecurityEventKinds {
    /** details: { role, previous, by } */
    role_changed: true;
  }
}

export type Role = "user" | "admin";

export const ROLES: readonly Role[] = ["user", "admin"];

/** Where the admin area lives. */
export const ADMIN_PATH = "/admin";

/**
 * The role a new account starts with: "admin" when its address is in ADMIN_EMAILS. Applied once,
 * when the account is created, and never again: an admin later demoted with `npm run admin:revoke`
 * stays demoted, and taking an address off the list changes no existing account.
 */
export function roleForNewAccount(email: string, adminEmails: readonly string[]): Role {
  return adminEmails.includes(email.trim().toLowerCase()) ? "admin" : "user";
}

export type RoleChange =
  | { status: "changed"; userId: string; previous: string }
  | { status: "unchanged"; userId: string }
  | { status: "no-account" };

/** Gives the account with this address a role, for the operator's `admin:grant` and `admin:revoke` scripts. */
export async function setRole(email: string, role: Role): Promise<RoleChange> {
  const [account] = await db()
    .select({ id: user.id, role: user.role })
    .from(user)
    .where(eq(user.email, email.trim().toLowerCase()));
  if (!account) return { status: "no-account" };
  if (account.role === role) return { status: "unchanged", userId: account.id };
  await db().update(user).set({ role, updatedAt: new Date() }).where(eq(user.id, account.id));
  await recordSecurityEvent({
    type: "role_changed",
    userId: account.id,
    request: { ipAddress: null, userAgent: null },
    details: { role, previous: account.role, by: "script" },
  });
  return { status: "changed", userId: account.id, previous: account.role };
}
