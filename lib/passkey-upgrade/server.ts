import type { BetterAuthPlugin } from "better-auth";
import { createAuthEndpoint, sessionMiddleware } from "better-auth/api";
import { and, eq, isNull, lt, notExists, or } from "drizzle-orm";
import type { PluginSurface } from "@/lib/auth/surface";
import { db } from "@/lib/db";
import { passkey, user } from "@/lib/db/schema";

/** A password user is offered a passkey at most once in this long. */
export const PASSKEY_OFFER_INTERVAL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Whether to offer this user a passkey now, recorded as offered when the answer is yes: an account
 * without passkeys, not offered one in the last week. One conditional UPDATE, so that two tabs
 * opened at once do not both offer.
 */
export function passkeyUpgrade() {
  return {
    id: "passkey-upgrade",
    options: {
      surface: {
        "/passkey-upgrade/offer": { access: "signed-in", logs: [], usedBy: "dashboard, passkey offer" },
      },
    } satisfies PluginSurface,
    endpoints: {
      offerPasskey: createAuthEndpoint(
        "/passkey-upgrade/offer",
        { method: "POST", use: [sessionMiddleware] },
        async (ctx) => {
          const now = new Date();
          const offered = await db()
            .update(user)
            .set({ passkeyNudgedAt: now })
            .where(
              and(
                eq(user.id, ctx.context.session.user.id),
                or(
                  isNull(user.passkeyNudgedAt),
                  lt(user.passkeyNudgedAt, new Date(now.getTime() - PASSKEY_OFFER_INTERVAL_MS)),
                ),
                notExists(db().select({ id: passkey.id }).from(passkey).where(eq(passkey.userId, user.id))),
              ),
            )
            .returning({ id: user.id });
          return ctx.json({ offer: offered.length > 0 });
        },
      ),
    },
  } satisfies BetterAuthPlugin;
}
