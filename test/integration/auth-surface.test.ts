import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiSurface } from "@/lib/auth";
import { SECRET_CHECK_BUDGET } from "@/lib/auth/surface";
import { db } from "@/lib/db";
import { session } from "@/lib/db/schema";
import { authEndpoints } from "../helpers/auth-endpoints";
import { signUp, TEST_PASSWORD, TestBrowser, uniqueEmail } from "../helpers/browser";
import { type ApiError, registerPasskey, signInWithPasskey } from "../helpers/passkey-ceremonies";
import { SoftwareAuthenticator } from "../helpers/software-authenticator";

const served = Object.entries(apiSurface().served);
const disabled = Object.entries(apiSurface().rows).filter(([, row]) => "off" in row);

/** The method the endpoint answers: every served endpoint takes GET or POST. */
function methodOf(path: string): "GET" | "POST" {
  return authEndpoints().find((endpoint) => endpoint.path === path)?.methods[0] ?? "POST";
}

function call(browser: TestBrowser, path: string) {
  return methodOf(path) === "GET" ? browser.get<ApiError>(path) : browser.post<ApiError>(path, {});
}

/** The session no longer counts as a recent verification: signed in an hour ago, never stepped up. */
async function makeStale(userId: string) {
  await db()
    .update(session)
    .set({ createdAt: sql`now() - interval '1 hour'`, stepUpAt: null })
    .where(eq(session.userId, userId));
}

describe("the auth API's surface (lib/auth/surface.ts)", () => {
  it("classifies every endpoint Better Auth serves, and names none it does not", () => {
    const known = authEndpoints().map((endpoint) => endpoint.path);

    expect(known.filter((path) => !Object.hasOwn(apiSurface().rows, path))).toEqual([]);
    expect(Object.keys(apiSurface().rows).filter((path) => !known.includes(path))).toEqual([]);
  });

  it.each(disabled)("switches %s off: 404 to GET and POST alike", async (path) => {
    const browser = (await signUp()).browser;
    const concrete = path.replace(/:\w+/, "anything");

    const answers = [await browser.get(concrete), await browser.post(concrete, {})];

    expect(answers.map((answer) => answer.status)).toEqual([404, 404]);
  });

  it.each([
    "/verify%2Dpassword",
    "/verify-password/",
    "//verify-password",
    "/VERIFY-PASSWORD",
    "/list-sessions/",
    "/sign-in/../verify-password",
    "/no-such-endpoint",
    "",
  ])("answers %j, which the table does not serve, with 404", async (path) => {
    const browser = (await signUp()).browser;

    const answer = await browser.fetch("POST", path, {
      body: JSON.stringify({ password: TEST_PASSWORD }),
      headers: { "content-type": "application/json" },
    });

    expect(answer.status).toBe(404);
  });

  it.each(served.filter(([, row]) => row.access !== "anyone"))(
    "answers %s without a session with 401",
    async (path) => {
      const answer = await call(new TestBrowser(), path);

      expect(answer.status).toBe(401);
    },
  );

  it.each(served.filter(([, row]) => row.access === "stepped-up"))(
    "answers %s for a session that has not stepped up lately with 403 STEP_UP_REQUIRED",
    async (path) => {
      const { browser, user } = await signUp();
      await makeStale(user.id);

      const answer = await call(browser, path);

      expect(answer.status).toBe(403);
      expect(answer.body.code).toBe("STEP_UP_REQUIRED");
    },
  );

  it("never hands a session token to JavaScript: sign-in answers and session reads carry none", async () => {
    const { browser, user } = await signUp();
    const authenticator = new SoftwareAuthenticator();
    await registerPasskey(browser, authenticator);
    const tokenOf = (holder: TestBrowser) => holder.cookieValue("session_token")?.split(".")[0] ?? "missing";

    const byPassword = new TestBrowser();
    const password = await byPassword.post("/sign-in/email", { email: user.email, password: TEST_PASSWORD });
    const byPasskey = new TestBrowser();
    const passkey = await signInWithPasskey(byPasskey, authenticator);
    const answers = [
      [password, byPassword],
      [passkey, byPasskey],
      [await byPassword.get("/get-session"), byPassword],
      [await browser.get("/get-session"), browser],
    ] as const;

    for (const [answer, holder] of answers) {
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.body)).not.toContain(tokenOf(holder));
      expect(JSON.stringify(answer.body)).not.toContain('"token"');
    }
  });
});

describe("the one budget for secret checks (lib/auth/secret-checks.ts)", () => {
  it.each(served.filter(([, row]) => row.checksSecret === "per account and address"))(
    "counts %s against the account's budget: spent elsewhere, it answers 429",
    async (path) => {
      const { browser, user } = await signUp();
      for (let attempt = 0; attempt < SECRET_CHECK_BUDGET.perAccount.max; attempt++) {
        await new TestBrowser().post("/sign-in/email", { email: user.email, password: "guess" });
      }

      const answer = await browser.post<ApiError>(path, { email: user.email, password: "guess", code: "0" });

      expect(answer.status).toBe(429);
      expect(answer.body.code).toBe("TOO_MANY_ATTEMPTS");
    },
  );

  it("counts a signed-in check against the caller's own account, whatever email its body names", async () => {
    const { max } = SECRET_CHECK_BUDGET.perAccount;
    const { browser } = await signUp();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < max; attempt++) {
      const body = { email: uniqueEmail(), password: "guess" };
      statuses.push((await browser.post("/step-up/password", body)).status);
    }

    const withTheRightPassword = await browser.post<ApiError>("/step-up/password", {
      password: TEST_PASSWORD,
    });

    expect(statuses).toEqual(Array(max).fill(401));
    expect(withTheRightPassword.status).toBe(429);
  });

  it("refuses a password sent to /delete-user, which would be a second, unmetered oracle", async () => {
    const { browser, user } = await signUp();

    const answer = await browser.post<ApiError>("/delete-user", { password: "guess" });

    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe("PASSWORD_NOT_ACCEPTED");
    expect((await browser.get<{ user: { id: string } }>("/get-session")).body.user.id).toBe(user.id);
  });
});
