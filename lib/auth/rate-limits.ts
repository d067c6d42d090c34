import type { BetterAuthRateLimitRule } from "@better-auth/core";
import type { RateLimitRule } from "@/lib/rate-limit";

/**
 * Every limit on the auth API, in one table: attempts per client address (lib/http/client-ip.ts)
 * per window, counted where all app instances see them (lib/rate-limit), in every environment.
 * Each one leaves a person plenty of room (a typo, a second device, a reload) and holds a
 * script to a handful of tries a minute from one address. Over the limit: 429 with Retry-After.
 */
export const AUTH_RATE_LIMITS = {
  /** Password guessing and credential stuffing. Also counted per account, below. */
  "/sign-in/email": { max: 10, windowSeconds: 60 },
  /** Account creation, and the mail it sends. */
  "/sign-up/email": { max: 5, windowSeconds: 60 },
  "/sign-up/passkey": { max: 5, windowSeconds: 60 },
  /** Every visit to the sign-in page asks for one (autofill), so these are cheap and plentiful. */
  "/passkey/generate-authenticate-options": { max: 30, windowSeconds: 60 },
  "/passkey/verify-authentication": { max: 10, windowSeconds: 60 },
  "/passkey/generate-register-options": { max: 10, windowSeconds: 60 },
  "/passkey/verify-registration": { max: 10, windowSeconds: 60 },
  /** 75-bit codes: the limit is about cost and noise, not odds. Also counted per account, below. */
  "/sign-in/recovery-code": { max: 10, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimitRule>;

/** Everything else on the auth API (session reads, passkey list, sign-out…). */
export const DEFAULT_AUTH_RATE_LIMIT: RateLimitRule = { max: 100, windowSeconds: 60 };

/**
 * Per account, whatever the address: an attack spread over many addresses on one account. Passkey
 * sign-in has none, so nobody can lock a user out of their passkeys by guessing their password.
 */
export const ACCOUNT_RATE_LIMITS = {
  passwordSignIn: { max: 10, windowSeconds: 15 * 60 },
  recoveryCode: { max: 5, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimitRule>;

/** The table above in Better Auth's shape (`rateLimit.customRules`). */
export function betterAuthRateLimitRules(): Record<string, BetterAuthRateLimitRule> {
  return Object.fromEntries(
    Object.entries(AUTH_RATE_LIMITS).map(([path, { max, windowSeconds }]) => [
      path,
      { max, window: windowSeconds },
    ]),
  );
}
