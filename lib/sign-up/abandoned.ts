import { and, eq, like, lt } from "drizzle-orm";
import { db } from "@/lib/db";
import { user, verification } from "@/lib/db/schema";
import { PENDING_SIGN_UP_PREFIX, PENDING_SIGN_UP_SECONDS } from "./pending";

/**
 * Deletes the sign-ups nobody finished, once their link has expired: pending sign-ups, and accounts
 * whose address was never confirmed. Sign-up creates no such account (the account exists from the
 * moment its link is followed); the password form of earlier versions created one at once, with the
 * password of whoever typed the address, and this is what removes them. Run on every sign-up
 * request, so that it needs no scheduler: only sign-ups add what it deletes.
 */
export async function deleteAbandonedSignUps(): Promise<void> {
  const now = new Date();
  const linkLifetimeAgo = new Date(now.getTime() - PENDING_SIGN_UP_SECONDS * 1000);
  await db()
    .delete(verification)
    .where(and(like(verification.identifier, `${PENDING_SIGN_UP_PREFIX}%`), lt(verification.expiresAt, now)));
  // Their sessions, credentials and events go with them (ON DELETE CASCADE).
  await db()
    .delete(user)
    .where(and(eq(user.emailVerified, false), lt(user.createdAt, linkLifetimeAgo)));
}
