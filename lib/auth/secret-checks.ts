import { defineErrorCodes } from "@better-auth/core/utils/error-codes";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { clientIpAddress } from "@/lib/http/client-ip";
import { consumeRateLimit, type RateLimitRule } from "@/lib/rate-limit";
import type { HookContext } from "./hook-context";
import { type EndpointCall, SECRET_CHECK_BUDGET, servedEndpointOf } from "./surface";

export const SECRET_CHECK_ERROR_CODES = defineErrorCodes({
  TOO_MANY_ATTEMPTS: "Too many attempts. Wait 15 minutes, then try again.",
  PASSWORD_NOT_ACCEPTED: "Confirm it's you with step-up instead of sending a password.",
});

/** How the endpoint spends the budget of lib/auth/surface.ts (`SECRET_CHECK_BUDGET`), if it does. */
const secretCheckOf = (call: EndpointCall) => servedEndpointOf(call)?.checksSecret;

export function secretChecks() {
  return {
    id: "secret-checks",
    hooks: {
      before: [
        {
          matcher: (call) => secretCheckOf(call) !== undefined,
          handler: createAuthMiddleware(async (ctx) => {
            const address = ctx.request ? clientIpAddress(ctx.request) : null;
            await spend(`secret-check:address:${address ?? "unknown"}`, SECRET_CHECK_BUDGET.perAddress);
            if (secretCheckOf(ctx) !== "per account and address") return;
            const account = await accountOf(ctx);
            if (account) await spend(`secret-check:account:${account}`, SECRET_CHECK_BUDGET.perAccount);
          }),
        },
        {
          // Better Auth checks a password sent with /delete-user: a second oracle outside the
          // budget. Deleting is guarded by step-up (lib/step-up), which is the one proof.
          matcher: (ctx) => ctx.path === "/delete-user",
          handler: createAuthMiddleware(async (ctx) => {
            if (ctx.body?.password !== undefined) {
              throw APIError.from("BAD_REQUEST", SECRET_CHECK_ERROR_CODES.PASSWORD_NOT_ACCEPTED);
            }
          }),
        },
      ],
    },
    $ERROR_CODES: SECRET_CHECK_ERROR_CODES,
  } satisfies BetterAuthPlugin;
}

/**
 * The account a check is about: on an endpoint anyone may call, the email it names (counted alike
 * whether or not it has an account, so that the limit says nothing about which exist); on one that
 * needs a session, the signed-in user's, whatever email the body carries, so that a session cannot
 * spend a stranger's budget in place of its own.
 */
async function accountOf(ctx: HookContext): Promise<string | null> {
  if (servedEndpointOf(ctx)?.access === "anyone") {
    const email: unknown = ctx.body?.email;
    return typeof email === "string" ? email.trim().toLowerCase() : null;
  }
  const signedIn = await getSessionFromCtx(ctx);
  return signedIn ? signedIn.user.email.toLowerCase() : null;
}

async function spend(key: string, rule: RateLimitRule): Promise<void> {
  const verdict = await consumeRateLimit(key, rule);
  if (!verdict.allowed) {
    throw new APIError("TOO_MANY_REQUESTS", SECRET_CHECK_ERROR_CODES.TOO_MANY_ATTEMPTS, {
      "Retry-After": String(verdict.retryAfterSeconds),
    });
  }
}
