import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware } from "better-auth/api";
import { SIGN_IN_PATHS } from "@/lib/sign-in-methods/methods";
import { recordPasskeyAdded, recordPasskeyRenamed, rememberPasskey } from "./passkeys";
import { recordSignInAttempt } from "./sign-in";

const on =
  (...paths: string[]) =>
  (ctx: { path?: string }) =>
    paths.includes(ctx.path ?? "");

/**
 * The security activity of every account, written from here: sign-ins and failed attempts,
 * passkeys added, renamed and removed, each as one `security_events` row through
 * `recordSecurityEvent`, and the notices the user gets by mail. Hooks around the endpoints that do
 * these things, so that no endpoint has to remember to log itself.
 */
export function securityActivity() {
  return {
    id: "security-activity",
    schema: {
      session: { fields: { signInMethod: { type: "string", required: false, input: false } } },
    },
    hooks: {
      before: [
        {
          matcher: on("/passkey/update-passkey"),
          handler: createAuthMiddleware(rememberPasskey),
        },
      ],
      after: [
        { matcher: on(...Object.keys(SIGN_IN_PATHS)), handler: createAuthMiddleware(recordSignInAttempt) },
        { matcher: on("/passkey/verify-registration"), handler: createAuthMiddleware(recordPasskeyAdded) },
        { matcher: on("/passkey/update-passkey"), handler: createAuthMiddleware(recordPasskeyRenamed) },
      ],
    },
  } satisfies BetterAuthPlugin;
}
