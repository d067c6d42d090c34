import type { BetterAuthRateLimitRule } from "@better-auth/core";
import type { RateLimitRule } from "@/lib/rate-limit";
import type { AuthSurface } from "./surface";

/**
 * Per client address (lib/http/client-ip.ts), counted where all app instances see them
 * (lib/rate-limit), in every environment: each endpoint's row in lib/auth/surface.ts, or this.
 * Each limit leaves a person plenty of room (a typo, a second device, a reload) and holds a script
 * to a handful of tries a minute from one address. Over the limit: 429 with Retry-After.
 */
export const DEFAULT_AUTH_RATE_LIMIT: RateLimitRule = { max: 100, windowSeconds: 60 };

/**
 * The per-address limits of lib/auth/surface.ts in Better Auth's shape (`rateLimit.customRules`),
 * one for every served path: Better Auth has limits of its own for some paths (3 per 10 s on
 * `/sign-in*`, `/sign-up*`, `/change-email`), which a rule of ours must replace for the table to
 * be the whole truth.
 */
export function betterAuthRateLimitRules(surface: AuthSurface): Record<string, BetterAuthRateLimitRule> {
  return Object.fromEntries(
    Object.entries(surface.served).map(([path, { perAddress = DEFAULT_AUTH_RATE_LIMIT }]) => [
      path,
      { max: perAddress.max, window: perAddress.windowSeconds },
    ]),
  );
}
