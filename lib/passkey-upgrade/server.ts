import type { BetterAuthPlugin } from "better-auth";
import { createAuthEndpoint, sessionMiddleware } from "better-auth/api";
import { and, eq, isNull, lt, notExists, or } from "drizzle-orm";
import type { PluginSurface } from "@/lib/auth/surface";
import { db } from "@/lib/db";
import { passkey, user } from "@/lib/db/schema";

/** A password user is offered a passkey at most once in this long. */
export const PASSKEY_OFFER_INTERVAL_MS = 7 * 24 * 60 * 60 * 1000;

/** This user, if the account has no passkey and was not offered one in the last week. */
function dueAnOffer(userId: string, now: Date) {
  return and(
    eq(user.id, userId),
    or(
      isNull(user.passkeyNudgedAt),
      lt(user.passkeyNudgedAt, new Date(now.getTime() - PASSKEY_OFFER_INTERVAL_MS)),
    ),
    notExists(db().select({ id: passkey.id }).from(passkey).where(eq(passkey.userId, user.id))),
  );
}

/**
 * Offering a passkey to a password user, at most once a week. Asking whether an offer is due spends
 * nothing: the page may never show it (the password manager declined a quiet passkey, the tab was
 * closed). The browser reports the offer once it was really made, a banner on screen; that report
 * spends the week, in one conditional UPDATE, so that two tabs reporting at once record one offer.
 */
export function passkeyUpgrade() {
  return {
    id: "passkey-upgrade",
    options: {
      surface: {
        "/passkey-upgrade/offer": { access: "signed-in", logs: [], usedBy: "dashboard, passkey offer" },
        "/passkey-upgrade/offer-shown": {
          access: "signed-in",
          logs: [],
          usedBy: "dashboard, passkey offer on screen",
        },
      },
    } satisfies PluginSurface,
    endpoints: {
      isPasskeyOfferDue: createAuthEndpoint(
        "/passkey-upgrade/offer",
        { method: "POST", use: [sessionMiddleware] },
        async (ctx) => {
          const due = await db()
            .select({ id: user.id })
            .from(user)
            .where(dueAnOffer(ctx.context.session.user.id, new Date()));
          return ctx.json({ offer: due.length > 0 });
        },
      ),
      recordPasskeyOfferShown: createAuthEndpoint(
        "/passkey-upgrade/offer-shown",
        { method: "POST", use: [sessionMiddleware] },
        async (ctx) => {
          const now = new Date();
          const recorded = await db()
            .update(user)
            .set({ passkeyNudgedAt: now })
            .where(dueAnOffer(ctx.context.session.user.id, now))
            .returning({ id: user.id });
          return ctx.json({ recorded: recorded.length > 0 });
        },
      ),
    },
  } satisfies BetterAuthPlugin;
}
