import { randomBytes, randomInt } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { serverConfig } from "@/config/env";
import { apiSurface } from "@/lib/auth";
import { DEFAULT_AUTH_RATE_LIMIT } from "@/lib/auth/rate-limits";
import { SECRET_CHECK_BUDGET } from "@/lib/auth/surface";
import { db } from "@/lib/db";
import type { RateLimitRule } from "@/lib/rate-limit";
import { consumeRateLimit } from "@/lib/rate-limit";
import { REDIS_KEY_PREFIX, redisConnection } from "@/lib/rate-limit/redis";
import { authEndpoints } from "../helpers/auth-endpoints";
import { type ApiResponse, signUp, TestBrowser, uniqueEmail } from "../helpers/browser";

type Path = string;

/** Every endpoint with a per-address limit of its own in lib/auth/surface.ts. */
const AUTH_RATE_LIMITS = Object.fromEntries(
  Object.entries(apiSurface().served).flatMap(([path, { perAddress }]) =>
    perAddress ? [[path, perAddress]] : [],
  ),
) as Record<Path, RateLimitRule>;

const PROXY = "192.0.2.10"; // TRUSTED_PROXIES in vitest.config.ts
const randomAddress = () => `198.51.${randomInt(256)}.${randomInt(1, 255)}`;

/** One request to `path` as a client would send it; the limit counts it whatever the answer. */
function attempt(path: Path, browser: TestBrowser): Promise<ApiResponse> {
  switch (path) {
    case "/passkey/generate-authenticate-options":
    case "/passkey/generate-register-options":
      return browser.get(path);
    case "/sign-in/email":
      return browser.post(path, { email: uniqueEmail(), password: "not the password" });
    case "/sign-in/recovery-code":
      return browser.post(path, { email: uniqueEmail(), code: "00000-00000-00000" });
    default:
      return authEndpoints().find((endpoint) => endpoint.path === path)?.methods[0] === "GET"
        ? browser.get(path)
        : browser.post(path, {});
  }
}

/** The longest key in the store the app counts in: Redis with REDIS_URL, else PostgreSQL. */
async function longestStoredKey(): Promise<number> {
  const { redisUrl } = serverConfig();
  if (redisUrl) {
    const keys = await redisConnection(redisUrl).keys(`${REDIS_KEY_PREFIX}*`);
    return Math.max(...keys.map((key) => key.length - REDIS_KEY_PREFIX.length));
  }
  const longest = await db().execute(sql`select max(length(key)) as length from rate_limits`);
  return Number((longest as { rows: { length: number }[] }).rows[0]?.length);
}

function expectRetryAfter(response: ApiResponse, windowSeconds: number) {
  expect(response.status).toBe(429);
  const seconds = Number(response.headers.get("retry-after"));
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(windowSeconds);
}

describe("rate limits on the auth API", () => {
  describe.each(Object.entries(AUTH_RATE_LIMITS))("%s", (path, { max, windowSeconds }) => {
    it(`answers the attempt after ${max} from one address with 429 and Retry-After, and no other address`, async () => {
      const client = new TestBrowser();
      const answers = [];
      for (let count = 0; count <= max; count++) answers.push(await attempt(path, client));

      expect(answers.slice(0, max).filter((answer) => answer.status === 429)).toHaveLength(0);
      expectRetryAfter(answers[max] as ApiResponse, windowSeconds);
      expect((await attempt(path, new TestBrowser())).status).not.toBe(429);
    });
  });

  it("limits every other served endpoint by the default rule", async () => {
    const { max } = DEFAULT_AUTH_RATE_LIMIT;
    const unlisted = Object.entries(apiSurface().served).filter(([, row]) => !row.perAddress);
    for (const [path] of unlisted) {
      const client = new TestBrowser();
      const statuses = [];
      for (let count = 0; count <= max; count++) statuses.push((await attempt(path, client)).status);

      expect(statuses.slice(0, max), path).not.toContain(429);
      expect(statuses[max], path).toBe(429);
    }
  }, 120_000);

  it("is not dodged by a forged X-Forwarded-For: only the hop the trusted proxy appended counts", async () => {
    const { max } = AUTH_RATE_LIMITS["/sign-in/email"] as RateLimitRule;
    const attacker = randomAddress();
    const statuses = [];
    for (let count = 0; count <= max; count++) {
      // What the attacker wrote, then what the proxy (and a second, trusted proxy) appended.
      const forged = `${randomAddress()}, ${randomAddress()}`;
      const chain = count % 2 ? `${forged}, ${attacker}` : `${forged}, ${attacker}, ${PROXY}`;
      statuses.push((await attempt("/sign-in/email", new TestBrowser(undefined, chain))).status);
    }

    expect(statuses.slice(0, max)).not.toContain(429);
    expect(statuses[max]).toBe(429);
    // Another client behind the same proxy has a count of its own.
    const neighbour = new TestBrowser(undefined, `${attacker}, ${randomAddress()}`);
    expect((await attempt("/sign-in/email", neighbour)).status).toBe(401);
  });

  it("limits password sign-in per account from any number of addresses, alike for an unknown email", async () => {
    const { max, windowSeconds } = SECRET_CHECK_BUDGET.perAccount;
    const { user } = await signUp();
    for (const email of [user.email, uniqueEmail("no-account")]) {
      const answers = [];
      for (let count = 0; count <= max; count++) {
        answers.push(await new TestBrowser().post("/sign-in/email", { email, password: "guess" }));
      }
      expect(answers.slice(0, max).map((answer) => answer.status)).toEqual(Array(max).fill(401));
      expectRetryAfter(answers[max] as ApiResponse, windowSeconds);
      expect(answers[max]?.body).toEqual({ code: "TOO_MANY_ATTEMPTS", message: expect.any(String) });
    }
  });

  it("counts a key of any length, and stores none longer than a digest", async () => {
    // Random, so that PostgreSQL cannot compress it below the index's limit as it would "aaaa…".
    const key = `sign-in:account:${randomBytes(6_000).toString("base64url")}@example.test`;
    const rule = { max: 1, windowSeconds: 60 };

    const verdicts = [await consumeRateLimit(key, rule), await consumeRateLimit(key, rule)];

    expect(verdicts).toEqual([{ allowed: true }, { allowed: false, retryAfterSeconds: expect.any(Number) }]);
    expect(await longestStoredKey()).toBeLessThanOrEqual(43);
  });
});
