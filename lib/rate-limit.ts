import { sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { rateLimit } from "@/lib/db/schema";

export type RateLimitRule = { max: number; windowSeconds: number };

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one attempt against `key` in a fixed window, in PostgreSQL, so every app instance shares
 * the count, and in every environment (Better Auth's own limiter runs only in production and keeps
 * its counts per process). One statement: concurrent attempts cannot both see the old count.
 */
export async function consumeRateLimit(
  key: string,
  { max, windowSeconds }: RateLimitRule,
): Promise<RateLimitVerdict> {
  const expired = sql`${rateLimit.windowStartedAt} <= now() - ${windowSeconds} * interval '1 second'`;
  const [row] = await db()
    .insert(rateLimit)
    .values({ key, count: 1, windowStartedAt: sql`now()` })
    .onConflictDoUpdate({
      target: rateLimit.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimit.count} + 1 end`,
        windowStartedAt: sql`case when ${expired} then now() else ${rateLimit.windowStartedAt} end`,
      },
    })
    .returning({
      count: rateLimit.count,
      secondsLeft: sql<number>`ceil(extract(epoch from ${rateLimit.windowStartedAt} + ${windowSeconds} * interval '1 second' - now()))::int`,
    });
  if (!row || row.count <= max) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Number(row.secondsLeft)) };
}
