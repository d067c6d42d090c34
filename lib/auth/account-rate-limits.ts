import { defineErrorCodes } from "@better-auth/core/utils/error-codes";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { consumeRateLimit, type RateLimitRule } from "@/lib/rate-limit";
import { ACCOUNT_RATE_LIMITS } from "./rate-limits";

export const ACCOUNT_RATE_LIMIT_ERROR_CODES = defineErrorCodes({
  TOO_MANY_ATTEMPTS: "Too many attempts. Wait a while, then try again.",
});

/**
 * Counts one attempt on the account named by `email`, from whatever address; over the limit,
 * throws a 429 with Retry-After. Counted before the account is looked up, and for addresses that
 * have no account alike, so the limit says nothing about which accounts exist.
 */
export async function enforceAccountRateLimit(scope: string, email: string, rule: RateLimitRule) {
  const verdict = await consumeRateLimit(`${scope}:account:${email.trim().toLowerCase()}`, rule);
  if (!verdict.allowed) {
    throw new APIError("TOO_MANY_REQUESTS", ACCOUNT_RATE_LIMIT_ERROR_CODES.TOO_MANY_ATTEMPTS, {
      "Retry-After": String(verdict.retryAfterSeconds),
    });
  }
}

/** Per-account limits on password sign-in; Better Auth's own limiter counts per address only. */
export function accountRateLimits() {
  return {
    id: "account-rate-limits",
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === "/sign-in/email",
          handler: createAuthMiddleware(async (ctx) => {
            const email: unknown = ctx.body?.email;
            if (typeof email === "string") {
              await enforceAccountRateLimit("sign-in", email, ACCOUNT_RATE_LIMITS.passwordSignIn);
            }
          }),
        },
      ],
    },
    $ERROR_CODES: ACCOUNT_RATE_LIMIT_ERROR_CODES,
  } satisfies BetterAuthPlugin;
}
