import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware, getSessionFromCtx, isAPIError } from "better-auth/api";
import type { HookContext } from "@/lib/auth/hook-context";
import { requestFacts } from "@/lib/auth/request-facts";
import { recordSessionsSignedOut } from "./events";

const isRevokingOthers = (ctx: { path?: string }) => ctx.path === "/revoke-other-sessions";

/** How many sessions a revocation is about to end, counted before they are gone. */
const pendingRevocations = new WeakMap<object, { userId: string; count: number }>();

/**
 * Better Auth's /revoke-other-sessions, logged as one `session_revoked` event with how many it ended
 * (nothing when there were none): counted in a before hook, written once the endpoint succeeded.
 */
export function revokeOthersLogHooks(): NonNullable<BetterAuthPlugin["hooks"]> {
  return {
    before: [
      {
        // After lib/auth/access.ts has let the caller in.
        matcher: isRevokingOthers,
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
        matcher: isRevokingOthers,
        handler: createAuthMiddleware(async (ctx) => {
          const pending = ctx.request && pendingRevocations.get(ctx.request);
          if (!pending || isAPIError(ctx.context.returned)) return;
          await recordSessionsSignedOut(pending.userId, requestFacts(ctx), pending.count);
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
