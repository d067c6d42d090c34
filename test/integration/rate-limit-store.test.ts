import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { postgresRateLimitStore } from "@/lib/rate-limit/postgres";
import { redisRateLimitStore } from "@/lib/rate-limit/redis";
import type { RateLimitStore } from "@/lib/rate-limit/store";

// REDIS_URL, or a local Redis. CI starts one (.ci/run) and must run the Redis half; elsewhere it
// is skipped, visibly, when no Redis answers.
const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379";
const redisClients: Redis[] = [];
const redisAvailable = process.env.CI || process.env.REDIS_URL ? true : await redisAnswers();

async function redisAnswers(): Promise<boolean> {
  const probe = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await probe.connect();
    await probe.quit();
    return true;
  } catch {
    probe.disconnect();
    return false;
  }
}

/** A second app instance's view of the same store: a connection of its own. */
function redisInstance(): RateLimitStore {
  const client = new Redis(redisUrl);
  redisClients.push(client);
  return redisRateLimitStore(client);
}

afterAll(async () => {
  await Promise.all(redisClients.map((client) => client.quit()));
});

const stores: [string, boolean, () => RateLimitStore][] = [
  ["PostgreSQL", true, () => postgresRateLimitStore],
  ["Redis", redisAvailable, redisInstance],
];

describe.each(stores)("the rate-limit store in %s", (_name, available, instance) => {
  it.skipIf(!available)(
    "lets exactly max of 40 simultaneous attempts through, across two instances",
    async () => {
      const key = `test:${randomUUID()}`;
      const [first, second] = [instance(), instance()];
      const rule = { max: 7, windowSeconds: 60 };

      const verdicts = await Promise.all(
        Array.from({ length: 40 }, (_, index) => (index % 2 ? first : second).consume(key, rule)),
      );

      expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(7);
      for (const verdict of verdicts.filter((verdict) => !verdict.allowed)) {
        expect(verdict).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) });
        if (!verdict.allowed) expect(verdict.retryAfterSeconds).toBeGreaterThan(0);
        if (!verdict.allowed) expect(verdict.retryAfterSeconds).toBeLessThanOrEqual(60);
      }
    },
  );

  it.skipIf(!available)("starts a new window once the old one is over", async () => {
    const key = `test:${randomUUID()}`;
    const store = instance();
    const rule = { max: 1, windowSeconds: 1 };

    expect((await store.consume(key, rule)).allowed).toBe(true);
    expect((await store.consume(key, rule)).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await store.consume(key, rule)).allowed).toBe(true);
  });
});
