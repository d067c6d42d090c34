import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { SECRET_CHECK_BUDGET } from "@/lib/auth/surface";
import { db } from "@/lib/db";
import { account, session } from "@/lib/db/schema";
import { signUp, TEST_PASSWORD, TestBrowser, uniqueEmail } from "../helpers/browser";
import { latestMailTo } from "../helpers/mailbox";
import { type ApiError, sessionCount } from "../helpers/passkey-ceremonies";
import { signUpWithPasskey } from "../helpers/passkey-sign-up";
import { typesLogged } from "../helpers/rows";

const NEW_PASSWORD = "a brand new passphrase";

const changePassword = (browser: TestBrowser, body: Record<string, unknown>) =>
  browser.post<ApiError>("/change-password", body);

async function signedInElsewhere(email: string): Promise<TestBrowser> {
  const other = new TestBrowser();
  expect((await other.post("/sign-in/email", { email, password: TEST_PASSWORD })).status).toBe(200);
  return other;
}

async function storedHash(userId: string) {
  const [credential] = await db().select().from(account).where(eq(account.userId, userId));
  return credential?.password;
}

describe("changing the password", () => {
  it("keeps the caller signed in, signs out every other session, and tells the owner", async () => {
    const { browser, user } = await signUp();
    const other = await signedInElsewhere(user.email);
    const cookie = browser.cookieValue("session_token");

    // Better Auth's own flag would sign the caller out too, into a new session: it is ignored.
    const answer = await changePassword(browser, {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
      revokeOtherSessions: true,
    });

    expect(answer.status).toBe(200);
    expect(browser.cookieValue("session_token")).toBe(cookie);
    expect((await browser.get<{ user: { id: string } }>("/get-session")).body.user.id).toBe(user.id);
    expect((await other.get("/get-session")).body).toBeNull();
    expect(await sessionCount(user.id)).toBe(1);
    expect(
      (await new TestBrowser().post("/sign-in/email", { email: user.email, password: NEW_PASSWORD })).status,
    ).toBe(200);
    const notice = await latestMailTo(user.email);
    expect(notice.subject).toMatch(/password was changed/);
    expect(await typesLogged(user.id)).toEqual(
      expect.arrayContaining(["password_changed", "session_revoked"]),
    );
  });

  it("needs a recent step-up: a stale session is answered 403 and nothing changes", async () => {
    const { browser, user } = await signUp();
    const hash = await storedHash(user.id);
    await db()
      .update(session)
      .set({ createdAt: sql`now() - interval '1 hour'`, stepUpAt: null })
      .where(eq(session.userId, user.id));

    const answer = await changePassword(browser, {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });

    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe("STEP_UP_REQUIRED");
    expect(await storedHash(user.id)).toBe(hash);
  });

  it("refuses a wrong current password, logs the attempt, and changes nothing", async () => {
    const { browser, user } = await signUp();
    const hash = await storedHash(user.id);

    const answer = await changePassword(browser, { currentPassword: "a guess", newPassword: NEW_PASSWORD });

    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe("INVALID_PASSWORD");
    expect(await storedHash(user.id)).toBe(hash);
    expect(await typesLogged(user.id)).toContain("password_change_failed");
  });

  it("spends the account's password budget, shared with sign-in, whatever email the body names", async () => {
    const { max } = SECRET_CHECK_BUDGET.perAccount;
    const { browser, user } = await signUp();
    const half = Math.floor(max / 2);
    for (let attempt = 0; attempt < half; attempt++) {
      await new TestBrowser().post("/sign-in/email", { email: user.email, password: "a guess" });
    }
    const guesses = [];
    // A stranger's address in the body must not move the count off this account.
    for (let attempt = half; attempt < max; attempt++) {
      guesses.push(
        (
          await changePassword(browser, {
            email: uniqueEmail(),
            currentPassword: "a guess",
            newPassword: NEW_PASSWORD,
          })
        ).status,
      );
    }

    const withTheRightPassword = await changePassword(browser, {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });

    expect(guesses).toEqual(Array(max - half).fill(400));
    expect(withTheRightPassword.status).toBe(429);
    expect(withTheRightPassword.body.code).toBe("TOO_MANY_ATTEMPTS");
  });

  it("holds the new password to sign-up's rules", async () => {
    const { browser } = await signUp();

    const short = await changePassword(browser, { currentPassword: TEST_PASSWORD, newPassword: "short" });
    const long = await changePassword(browser, {
      currentPassword: TEST_PASSWORD,
      newPassword: "x".repeat(129),
    });

    expect([short.status, short.body.code]).toEqual([400, "PASSWORD_TOO_SHORT"]);
    expect([long.status, long.body.code]).toEqual([400, "PASSWORD_TOO_LONG"]);
  });

  it("answers an account without a password with 400", async () => {
    const { browser } = await signUpWithPasskey();

    const answer = await changePassword(browser, { currentPassword: "anything", newPassword: NEW_PASSWORD });

    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe("CREDENTIAL_ACCOUNT_NOT_FOUND");
  });
});
