import { sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { rateLimit } from "@/lib/db/schema";
import type { RateLimitStore } from "./store";

/**
 * Fixed windows in the `rate_limits` table. One statement per attempt: concurrent attempts, from
 * any number of app instances, cannot both see the old count.
 */
export const postgresRateLimitStore: RateLimitStore = {
  async consume(key, { max, windowSeconds }) {
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
  },
};
