import { BASE_ERROR_CODES } from "@better-auth/core/error";
import { getSessionFromCtx, isAPIError } from "better-auth/api";
import { and, eq, ne } from "drizzle-orm";
import type { HookContext } from "@/lib/auth/hook-context";
import { requestFacts } from "@/lib/auth/request-facts";
import { db } from "@/lib/db";
import { session } from "@/lib/db/schema";
import { noticeFacts, sendNotice } from "@/lib/security-activity/notify";
import { type RequestFacts, recordSecurityEvent } from "@/lib/security-log/events";
import { liveSessionCount, recordSessionsSignedOut } from "@/lib/sessions/events";
import { passwordChangedNotice } from "./notices";

/**
 * Before Better Auth's `/change-password` (stepped up, and counted against the account's password
 * budget by lib/auth/secret-checks.ts): its `revokeOtherSessions` would sign the caller out too,
 * into a new session that has forgotten how it signed in, so it stays off; the other sessions end
 * after the change instead, always (`afterPasswordChange`).
 */
export function keepCallerSignedIn(ctx: HookContext) {
  const body: unknown = ctx.body;
  // Not an object: Better Auth's own body check answers.
  if (!body || typeof body !== "object" || Array.isArray(body)) return;
  return { context: { body: { ...body, revokeOtherSessions: false } } };
}

/**
 * After `/change-password`: a wrong current password is a guess at the account's password, logged
 * for its owner to see; a change signs out every other session of the account, is logged, and is
 * told to the owner by mail.
 */
export async function afterPasswordChange(ctx: HookContext): Promise<void> {
  const signedIn = await getSessionFromCtx(ctx);
  if (!signedIn) return;
  const userId = signedIn.user.id;
  const request = requestFacts(ctx);
  const returned = ctx.context.returned;
  if (isAPIError(returned)) {
    if (returned.body?.code === BASE_ERROR_CODES.INVALID_PASSWORD.code) {
      await recordSecurityEvent({ type: "password_change_failed", userId, request });
    }
    return;
  }
  await recordSecurityEvent({ type: "password_changed", userId, request });
  await endOtherSessions(userId, signedIn.session.id, request);
  await sendNotice(ctx, passwordChangedNotice(noticeFacts(signedIn.user.email, request)));
}

/** Signs out every session of the user but `keep`, logged as one event with how many ended. */
async function endOtherSessions(userId: string, keep: string, request: RequestFacts): Promise<void> {
  const ended = await db()
    .delete(session)
    .where(and(eq(session.userId, userId), ne(session.id, keep)))
    .returning({ expiresAt: session.expiresAt });
  await recordSessionsSignedOut(userId, request, liveSessionCount(ended));
}
