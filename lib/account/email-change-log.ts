import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware, isAPIError } from "better-auth/api";
import { changesEmail, readEmailLink } from "@/lib/auth/email-links";
import { requestFacts } from "@/lib/auth/request-facts";
import { type EventDescriptions, type PluginEvents, plain } from "@/lib/security-activity/describe";
import { recordSecurityEvent } from "@/lib/security-log/events";

declare module "@/lib/security-log/events" {
  interface SecurityEventKinds {
    /** details: { from, to } */
    email_changed: true;
  }
}

const EMAIL_CHANGE_EVENTS = {
  email_changed: () => plain("Changed your email address"),
} satisfies EventDescriptions;

/** An email change, logged as `email_changed` once its owner has followed the link mailed to the new address. */
export function emailChangeLog() {
  return {
    id: "email-change-log",
    options: { events: EMAIL_CHANGE_EVENTS } satisfies PluginEvents,
    hooks: {
      after: [
        {
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
    },
  } satisfies BetterAuthPlugin;
}

/** The endpoint answered with JSON, or redirected to its callback without an `error` parameter. */
function succeeded(returned: unknown): boolean {
  if (!isAPIError(returned)) return true;
  const location = returned.statusCode === 302 ? new Headers(returned.headers).get("location") : null;
  return location !== null && !new URLSearchParams(location.split("?")[1] ?? "").has("error");
}
