import { randomUUID } from "node:crypto";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthEndpoint, createAuthMiddleware, sessionMiddleware } from "better-auth/api";
import { and, eq, ne } from "drizzle-orm";
import * as z from "zod";
import { evenAnswerTiming } from "@/lib/auth/even-timing";
import { checkNewPassword } from "@/lib/auth/new-password";
import { requestFacts } from "@/lib/auth/request-facts";
import type { PluginSurface } from "@/lib/auth/surface";
import { type Database, db } from "@/lib/db";
import { account, session, user } from "@/lib/db/schema";
import type { PluginEvents } from "@/lib/security-activity/describe";
import { noticeFacts, sendNotice } from "@/lib/security-activity/notify";
import { recordSecurityEvent } from "@/lib/security-log/events";
import { liveSessionCount, recordSessionsSignedOut } from "@/lib/sessions/events";
import { PASSWORD_PROVIDER, signInMethodsOf } from "@/lib/sign-in-methods/queries";
import { wayBackInStateOf } from "@/lib/sign-in-methods/way-back-in";
import { afterPasswordChange, keepCallerSignedIn } from "./change";
import { PASSWORD_ERROR_CODES } from "./error-codes";
import { PASSWORD_EVENTS } from "./events";
import { passwordAddedNotice, passwordRemovedNotice } from "./notices";
import { passwordRemovalBlocker } from "./passwordless";
import { checkResetLink, passwordResetOptions } from "./reset";

const on = (path: string) => (ctx: { path?: string }) => ctx.path === path;

/**
 * Holds the user row until the transaction ends, as removing a passkey does (lib/passkeys/management.ts):
 * of two changes to what an account signs in with, each sees what the other left.
 */
function lockUser(tx: Database, userId: string) {
  return tx.select({ id: user.id }).from(user).where(eq(user.id, userId)).for("update");
}

/**
 * An address with an account costs a write and a mail that one without does not (`mailResetLink` in
 * ./reset.ts), so every answer to a reset request waits out the same floor.
 */
const evenResetRequestTiming = evenAnswerTiming(new Set(["/request-password-reset"]));

/**
 * The password's whole life after sign-up: forgetting it (Better Auth's reset, with the options
 * and checks of ./reset.ts), changing it (Better Auth's `/change-password`, ./change.ts), and
 * going without one and back (the two endpoints below). Each change is logged and told to the
 * owner; only someone who proved control of the account makes one: a stepped-up session, or the
 * holder of a link mailed to the account's address.
 */
export function passwords() {
  return {
    id: "passwords",
    options: {
      surface: {
        "/password/remove": {
          access: "stepped-up",
          logs: ["password_removed", "session_revoked"],
          usedBy: "account page, go passwordless",
        },
        "/password/add": {
          access: "stepped-up",
          logs: ["password_added"],
          usedBy: "account page, add a password",
        },
      },
      events: PASSWORD_EVENTS,
    } satisfies PluginSurface & PluginEvents,
    // Merged under the app's own options (Better Auth fills only what they leave unset), so that
    // the reset lives in this folder with the rest of the password's life.
    init: () => ({ options: passwordResetOptions() }),
    endpoints: {
      removePassword: createAuthEndpoint(
        "/password/remove",
        { method: "POST", use: [sessionMiddleware] },
        async (ctx) => {
          const { user: owner, session: current } = ctx.context.session;
          // Counted before the transaction, which this query cannot join.
          const wayBackIn = await wayBackInStateOf(ctx.context.options, owner.id);
          const signedOut = await db().transaction(async (tx) => {
            await lockUser(tx, owner.id);
            const methods = await signInMethodsOf(owner.id, { executor: tx });
            const blocker = passwordRemovalBlocker(methods, wayBackIn.usesLeft);
            if (blocker) throw APIError.from("CONFLICT", PASSWORD_ERROR_CODES[blocker]);
            await tx
              .delete(account)
              .where(and(eq(account.userId, owner.id), eq(account.providerId, PASSWORD_PROVIDER)));
            // A session the password signed in may be a phisher's: it goes with the password.
            const ended = await tx
              .delete(session)
              .where(
                and(
                  eq(session.userId, owner.id),
                  eq(session.signInMethod, "password"),
                  ne(session.id, current.id),
                ),
              )
              .returning({ expiresAt: session.expiresAt });
            return liveSessionCount(ended);
          });
          const request = requestFacts(ctx);
          await recordSecurityEvent({ type: "password_removed", userId: owner.id, request });
          await recordSessionsSignedOut(owner.id, request, signedOut);
          await sendNotice(ctx, passwordRemovedNotice(noticeFacts(owner.email, request)));
          return ctx.json({ status: true, signedOut });
        },
      ),

      addPassword: createAuthEndpoint(
        "/password/add",
        { method: "POST", body: z.object({ newPassword: z.string() }), use: [sessionMiddleware] },
        async (ctx) => {
          const owner = ctx.context.session.user;
          checkNewPassword(ctx.context, ctx.body.newPassword);
          // Better Auth's own hasher, so that sign-in checks it exactly as any other password.
          const hash = await ctx.context.password.hash(ctx.body.newPassword);
          await db().transaction(async (tx) => {
            await lockUser(tx, owner.id);
            if ((await signInMethodsOf(owner.id, { executor: tx })).hasPassword) {
              throw APIError.from("CONFLICT", PASSWORD_ERROR_CODES.HAS_PASSWORD);
            }
            // Better Auth's shape for the credential: the user's ID is its account ID.
            await tx.insert(account).values({
              id: randomUUID(),
              userId: owner.id,
              accountId: owner.id,
              providerId: PASSWORD_PROVIDER,
              password: hash,
            });
          });
          const request = requestFacts(ctx);
          await recordSecurityEvent({ type: "password_added", userId: owner.id, request });
          await sendNotice(ctx, passwordAddedNotice(noticeFacts(owner.email, request)));
          return ctx.json({ status: true });
        },
      ),
    },
    hooks: {
      before: [
        ...evenResetRequestTiming.before,
        { matcher: on("/reset-password"), handler: createAuthMiddleware(checkResetLink) },
        {
          matcher: on("/change-password"),
          handler: createAuthMiddleware(async (ctx) => keepCallerSignedIn(ctx)),
        },
      ],
      after: [
        ...evenResetRequestTiming.after,
        { matcher: on("/change-password"), handler: createAuthMiddleware(afterPasswordChange) },
      ],
    },
    $ERROR_CODES: PASSWORD_ERROR_CODES,
  } satisfies BetterAuthPlugin;
}
