export type RateLimitRule = { max: number; windowSeconds: number };

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts one attempt against `key` in a fixed window, atomically, where every app instance sees it. */
export type RateLimitStore = {
  consume(key: string, rule: RateLimitRule): Promise<RateLimitVerdict>;
};
