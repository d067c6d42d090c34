import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { requireRecentStepUp } from "./step-up-window";
import { type EndpointCall, servedEndpointOf } from "./surface";

/** Who may call the endpoint; a path the table does not serve never gets this far (api-handler.ts). */
const accessTo = (call: EndpointCall) => servedEndpointOf(call)?.access ?? "anyone";

/**
 * Who may call what, enforced from lib/auth/surface.ts before any endpoint runs (and before it
 * reads its body, so that an anonymous caller learns nothing from a validation error): no session,
 * 401; a "stepped-up" endpoint and a session that has not verified lately, 403 STEP_UP_REQUIRED,
 * which the browser answers with the step-up dialog. Better Auth's own "signed in within
 * `session.freshAge`" rule is switched off (`freshAge: 0` in lib/auth.ts): this is the rule instead.
 */
export function accessRules() {
  return {
    id: "access-rules",
    hooks: {
      before: [
        {
          matcher: (ctx) => accessTo(ctx) !== "anyone",
          handler: createAuthMiddleware(async (ctx) => {
            const access = accessTo(ctx);
            const signedIn = await getSessionFromCtx(ctx);
            if (!signedIn) {
              // The passkey plugin names the account-to-be from the mailed link's pending sign-up
              // (lib/sign-up/passkey-registration.ts), or answers 401 itself.
              if (access === "stepped-up-or-sign-up-link") return;
              throw APIError.from("UNAUTHORIZED", { code: "UNAUTHORIZED", message: "Sign in first." });
            }
            if (access !== "signed-in") requireRecentStepUp(signedIn.session);
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
