import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware, getSessionFromCtx, isAPIError } from "better-auth/api";
import { changesEmail, readEmailLink } from "@/lib/auth/email-links";
import type { HookContext } from "@/lib/auth/hook-context";
import { requestFacts } from "@/lib/auth/request-facts";
import { recordSecurityEvent } from "@/lib/security-log/events";

const REVOKING_PATHS = new Set(["/revoke-other-sessions"]);

/** How many sessions a revocation is about to end, counted before they are gone. */
const pendingRevocations = new WeakMap<object, { userId: string; count: number }>();

export function guardedEndpointHooks(): NonNullable<BetterAuthPlugin["hooks"]> {
  return {
    before: [
      {
        // After lib/auth/access.ts has let the caller in.
        matcher: (ctx) => REVOKING_PATHS.has(ctx.path ?? ""),
        handler: createAuthMiddleware(async (ctx) => {
          const signedIn = await getSessionFromCtx(ctx);
          if (!signedIn || !ctx.request) return;
          pendingRevocations.set(ctx.request, {
            userId: signedIn.user.id,
            count: await sessionsToRevoke(ctx, signedIn),
          });
        }),
      },
    ],
    after: [
      {
        matcher: (ctx) => REVOKING_PATHS.has(ctx.path ?? ""),
        handler: createAuthMiddleware(async (ctx) => {
          const pending = ctx.request && pendingRevocations.get(ctx.request);
          if (!pending || isAPIError(ctx.context.returned) || pending.count === 0) return;
          await recordSecurityEvent({
            type: "session_revoked",
            userId: pending.userId,
            request: requestFacts(ctx),
            details: pending.count > 1 ? { count: pending.count } : undefined,
          });
        }),
      },
      {
        // The new address is confirmed when its owner follows the link mailed to it.
        matcher: (ctx) => ctx.path === "/verify-email",
        handler: createAuthMiddleware(async (ctx) => {
          const change = await readEmailLink(ctx.query?.token, ctx.context.secret);
          if (!change || !changesEmail(change) || !succeeded(ctx.context.returned)) return;
          const changed = await ctx.context.internalAdapter.findUserByEmail(change.updateTo);
          if (!changed) return;
          await recordSecurityEvent({
            type: "email_changed",
            userId: changed.user.id,
            request: requestFacts(ctx),
            details: { from: change.email, to: change.updateTo },
          });
        }),
      },
    ],
  };
}

/** The live sessions /revoke-other-sessions is about to end. */
async function sessionsToRevoke(
  ctx: HookContext,
  signedIn: { session: { token: string }; user: { id: string } },
): Promise<number> {
  const sessions = await ctx.context.internalAdapter.listSessions(signedIn.user.id);
  return sessions.filter(
    (session) => session.expiresAt > new Date() && session.token !== signedIn.session.token,
  ).length;
}

/** The endpoint answered with JSON, or redirected to its callback without an `error` parameter. */
function succeeded(returned: unknown): boolean {
  if (!isAPIError(returned)) return true;
  const location = returned.statusCode === 302 ? new Headers(returned.headers).get("location") : null;
  return location !== null && !new URLSearchParams(location.split("?")[1] ?? "").has("error");
}
