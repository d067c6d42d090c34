import { Redis } from "ioredis";
import type { RateLimitStore } from "./store";

// One round trip, atomic in Redis: the first attempt of a window starts its clock.
const CONSUME = `
local count = redis.call("INCR", KEYS[1])
if count == 1 then redis.call("PEXPIRE", KEYS[1], ARGV[1]) end
return { count, redis.call("PTTL", KEYS[1]) }
`;

export const REDIS_KEY_PREFIX = "keyhold:rate-limit:";

/** Fixed windows as Redis counters that expire with their window. */
export function redisRateLimitStore(redis: Redis): RateLimitStore {
  return {
    async consume(key, { max, windowSeconds }) {
      const [count, millisecondsLeft] = (await redis.eval(
        CONSUME,
        1,
        REDIS_KEY_PREFIX + key,
        windowSeconds * 1000,
      )) as [number, number];
      if (count <= max) return { allowed: true };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(millisecondsLeft / 1000)) };
    },
  };
}

const globalForRedis = globalThis as typeof globalThis & { keyholdRedis?: Redis };

/** One connection per process, opened on first use, like the database's. */
export function redisConnection(url: string): Redis {
  globalForRedis.keyholdRedis ??= new Redis(url, { maxRetriesPerRequest: 2 });
  return globalForRedis.keyholdRedis;
}
