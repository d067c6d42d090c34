import { createHash } from "node:crypto";
import type { BetterAuthRateLimitStorage } from "@better-auth/core";
import { serverConfig } from "@/config/env";
import { postgresRateLimitStore } from "./postgres";
import { redisConnection, redisRateLimitStore } from "./redis";
import type { RateLimitRule, RateLimitStore, RateLimitVerdict } from "./store";

export type { RateLimitRule, RateLimitStore, RateLimitVerdict };

/**
 * Where every rate-limit count lives: Redis when REDIS_URL is set, otherwise PostgreSQL. Either
 * way every app instance shares the counts; Better Auth's own default keeps them in process memory.
 */
export function rateLimitStore(): RateLimitStore {
  const { redisUrl } = serverConfig();
  return redisUrl ? redisRateLimitStore(redisConnection(redisUrl)) : postgresRateLimitStore;
}

/**
 * Counts one attempt against `key`. Keys are built from what clients send (an email, an address),
 * so the store sees only a digest of each: 43 characters however long the input, which no
 * database index overflows (a sign-in with an email of a few thousand characters once answered
 * 500), and a table that lists no email address.
 */
export function consumeRateLimit(key: string, rule: RateLimitRule): Promise<RateLimitVerdict> {
  return rateLimitStore().consume(storedKey(key), rule);
}

function storedKey(key: string): string {
  return createHash("sha256").update(key).digest("base64url");
}

/** The same store behind Better Auth's limiter (`rateLimit.customStorage`). */
export const betterAuthRateLimitStorage: BetterAuthRateLimitStorage = {
  async consume(key, { max, window }) {
    const verdict = await consumeRateLimit(key, { max, windowSeconds: window });
    return verdict.allowed
      ? { allowed: true, retryAfter: null }
      : { allowed: false, retryAfter: verdict.retryAfterSeconds };
  },
};

/**
 * Better Auth answers its 429s with a non-standard `X-Retry-After` only; clients and proxies read
 * `Retry-After` (RFC 9110). Applied to every response of the auth handler.
 */
export function withStandardRetryAfter(response: Response): Response {
  const seconds = response.headers.get("x-retry-after");
  if (response.status !== 429 || !seconds || response.headers.has("retry-after")) return response;
  const headers = new Headers(response.headers);
  headers.set("Retry-After", seconds);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
