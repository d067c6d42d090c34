import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware } from "better-auth/api";
import { SESSION_CREATING_PATHS, SIGN_IN_PATHS } from "@/lib/sign-in-methods/methods";
import type { PluginEvents } from "./describe";
import { SIGN_IN_EVENTS } from "./events";
import { recordSignInAttempt } from "./sign-in-events";

const isSignIn = (ctx: { path?: string }) => Object.hasOwn(SIGN_IN_PATHS, ctx.path ?? "");

/**
 * Every sign-in and failed sign-in attempt, whatever the method, as one `security_events` row
 * (lib/security-log/events.ts), stamped on its session, with the notice the user gets by mail for
 * a new device. After hooks on the sign-in endpoints, so that no sign-in method has to remember to
 * log itself. Each feature logs its own changes (passkeys in lib/passkeys/passkey-events.ts).
 */
export function securityActivity() {
  return {
    id: "security-activity",
    options: { events: SIGN_IN_EVENTS } satisfies PluginEvents,
    schema: {
      session: { fields: { signInMethod: { type: "string", required: false, input: false } } },
    },
    // Stamped as the session is written, so that no sign-in pays for a second statement.
    init: () => ({
      options: {
        databaseHooks: {
          session: {
            create: {
              before: async (session, ctx) => {
                const path = ctx?.path ?? "";
                if (!Object.hasOwn(SESSION_CREATING_PATHS, path)) return;
                return { data: { ...session, signInMethod: SESSION_CREATING_PATHS[path] } };
              },
            },
          },
        },
      },
    }),
    hooks: {
      after: [{ matcher: isSignIn, handler: createAuthMiddleware(recordSignInAttempt) }],
    },
  } satisfies BetterAuthPlugin;
}
