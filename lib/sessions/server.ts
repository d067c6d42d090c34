import { defineErrorCodes } from "@better-auth/core/utils/error-codes";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthEndpoint, sessionMiddleware } from "better-auth/api";
import { and, eq } from "drizzle-orm";
import * as z from "zod";
import { requestFacts } from "@/lib/auth/request-facts";
import type { PluginSurface } from "@/lib/auth/surface";
import { db } from "@/lib/db";
import { session } from "@/lib/db/schema";
import type { PluginEvents } from "@/lib/security-activity/describe";
import { recordSecurityEvent } from "@/lib/security-log/events";
import { SESSION_EVENTS } from "./events";
import { revokeOthersLogHooks } from "./revoke-others-log";

export const SESSION_REVOCATION_ERROR_CODES = defineErrorCodes({
  SESSION_NOT_FOUND: "That session has already ended.",
  CURRENT_SESSION: "This is the session you are using now: sign out instead.",
});

/**
 * Signing out one other session by its ID. Better Auth's own /revoke-session takes the session's
 * token, which would mean handing every device's token to this page's JavaScript; the ID is
 * useless to anyone who reads it. Another account's session answers like one that has ended.
 */
export function sessionRevocation() {
  return {
    id: "session-revocation",
    options: {
      surface: {
        "/sessions/revoke": { access: "stepped-up", logs: ["session_revoked"], usedBy: "sessions page" },
      },
      events: SESSION_EVENTS,
    } satisfies PluginSurface & PluginEvents,
    endpoints: {
      revokeSessionById: createAuthEndpoint(
        "/sessions/revoke",
        { method: "POST", body: z.object({ id: z.string().min(1).max(200) }), use: [sessionMiddleware] },
        async (ctx) => {
          const { session: current, user } = ctx.context.session;
          if (ctx.body.id === current.id) {
            throw APIError.from("BAD_REQUEST", SESSION_REVOCATION_ERROR_CODES.CURRENT_SESSION);
          }
          const [target] = await db()
            .select({ token: session.token })
            .from(session)
            .where(and(eq(session.id, ctx.body.id), eq(session.userId, user.id)));
          if (!target) throw APIError.from("NOT_FOUND", SESSION_REVOCATION_ERROR_CODES.SESSION_NOT_FOUND);
          await ctx.context.internalAdapter.deleteSession(target.token);
          await recordSecurityEvent({ type: "session_revoked", userId: user.id, request: requestFacts(ctx) });
          return ctx.json({ status: true });
        },
      ),
    },
    hooks: revokeOthersLogHooks(),
    $ERROR_CODES: SESSION_REVOCATION_ERROR_CODES,
  } satisfies BetterAuthPlugin;
}
