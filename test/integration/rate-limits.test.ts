import { randomBytes, randomInt } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ACCOUNT_RATE_LIMITS, AUTH_RATE_LIMITS } from "@/lib/auth/rate-limits";
import { db } from "@/lib/db";
import { consumeRateLimit } from "@/lib/rate-limit";
import { type ApiResponse, signUp, TestBrowser, uniqueEmail } from "../helpers/browser";

type Path = keyof typeof AUTH_RATE_LIMITS;

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
    case "/sign-up/email":
      // Refused as too short: nothing is created, and the attempt still counts.
      return browser.post(path, { name: "Mallory", email: uniqueEmail(), password: "short" });
    case "/sign-in/recovery-code":
      return browser.post(path, { email: uniqueEmail(), code: "00000-00000-00000" });
    default:
      return browser.post(path, {});
  }
}

function expectRetryAfter(response: ApiResponse, windowSeconds: number) {
  expect(response.status).toBe(429);
  const seconds = Number(response.headers.get("retry-after"));
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(windowSeconds);
}

describe("rate limits on the auth API", () => {
  describe.each(Object.entries(AUTH_RATE_LIMITS) as [Path, (typeof AUTH_RATE_LIMITS)[Path]][])(
    "%s",
    (path, { max, windowSeconds }) => {
      it(`answers the attempt after ${max} from one address with 429 and Retry-After, and no other address`, async () => {
        const client = new TestBrowser();
        const answers = [];
        for (let count = 0; count <= max; count++) answers.push(await attempt(path, client));

        expect(answers.slice(0, max).filter((answer) => answer.status === 429)).toHaveLength(0);
        expectRetryAfter(answers[max] as ApiResponse, windowSeconds);
        expect((await attempt(path, new TestBrowser())).status).not.toBe(429);
      });
    },
  );

  it("is not dodged by a forged X-Forwarded-For: only the hop the trusted proxy appended counts", async () => {
    const { max } = AUTH_RATE_LIMITS["/sign-in/email"];
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
    const { max, windowSeconds } = ACCOUNT_RATE_LIMITS.passwordSignIn;
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
    const longest = await db().execute(sql`select max(length(key)) as length from rate_limits`);
    expect((longest as { rows: { length: number }[] }).rows[0]?.length).toBeLessThanOrEqual(43);
  });
});
