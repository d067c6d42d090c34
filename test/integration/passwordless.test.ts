import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { session } from "@/lib/db/schema";
import { signInMethodsOf } from "@/lib/sign-in-methods/queries";
import { signUp, TEST_PASSWORD, TestBrowser } from "../helpers/browser";
import { latestMailTo } from "../helpers/mailbox";
import { type ApiError, passkeysOf, registerPasskey, signInWithPasskey } from "../helpers/passkey-ceremonies";
import { signUpWithPasskey } from "../helpers/passkey-sign-up";
import { typesLogged } from "../helpers/rows";
import { SoftwareAuthenticator } from "../helpers/software-authenticator";

const NEW_PASSWORD = "a password again, after all";

/**
 * How the feature that offers a way back in (lib/sign-in-methods/way-back-in.ts) gives an account
 * one, from its tests (test/integration/<feature>/way-back-in.ts): a set of recovery codes. Without
 * such a feature, the cases whose outcome needs one do not run.
 */
const giveWayBackIn = Object.values(
  import.meta.glob<(browser: TestBrowser) => Promise<void>>("./*/way-back-in.ts", {
    eager: true,
    import: "giveWayBackIn",
  }),
)[0];

/** A password account with `passkeys` passkeys and, when asked and the app offers one, a way back in. */
async function accountWith({ passkeys, wayBackIn }: { passkeys: number; wayBackIn: boolean }) {
  const { browser, user } = await signUp();
  const authenticators = Array.from({ length: passkeys }, () => new SoftwareAuthenticator());
  for (const authenticator of authenticators)
    expect((await registerPasskey(browser, authenticator)).status).toBe(200);
  if (wayBackIn) await giveWayBackIn?.(browser);
  return { browser, user, authenticators };
}

const removePassword = (browser: TestBrowser) =>
  browser.post<ApiError & { signedOut?: number }>("/password/remove");

const addPassword = (browser: TestBrowser, newPassword = NEW_PASSWORD) =>
  browser.post<ApiError>("/password/add", { newPassword });

const signInWithPassword = (email: string, password: string) =>
  new TestBrowser().post<ApiError>("/sign-in/email", { email, password });

async function makeStale(userId: string) {
  await db()
    .update(session)
    .set({ createdAt: sql`now() - interval '1 hour'`, stepUpAt: null })
    .where(eq(session.userId, userId));
}

describe("going passwordless", () => {
  it.runIf(giveWayBackIn)(
    "removes the password of an account with a passkey and recovery codes, logs it and tells the owner",
    async () => {
      const { browser, user, authenticators } = await accountWith({ passkeys: 1, wayBackIn: true });

      const answer = await removePassword(browser);

      expect(answer.status).toBe(200);
      expect(await signInMethodsOf(user.id)).toEqual({ passkeys: 1, hasPassword: false });
      expect((await signInWithPassword(user.email, TEST_PASSWORD)).status).toBe(401);
      expect((await browser.post<ApiError>("/step-up/password", { password: TEST_PASSWORD })).body.code).toBe(
        "STEP_UP_NO_PASSWORD",
      );
      expect(
        (await signInWithPasskey(new TestBrowser(), authenticators[0] as SoftwareAuthenticator)).status,
      ).toBe(200);
      expect((await latestMailTo(user.email)).subject).toMatch(/no longer has a password/);
      expect(await typesLogged(user.id)).toContain("password_removed");
    },
  );

  it("counts a second passkey as the way back in", async () => {
    const { browser, user } = await accountWith({ passkeys: 2, wayBackIn: false });

    expect((await removePassword(browser)).status).toBe(200);
    expect(await signInMethodsOf(user.id)).toEqual({ passkeys: 2, hasPassword: false });
  });

  it.runIf(giveWayBackIn)(
    "signs out the other sessions the password signed in, and keeps the rest",
    async () => {
      const { browser, user, authenticators } = await accountWith({ passkeys: 1, wayBackIn: true });
      const byPassword = new TestBrowser();
      await byPassword.post("/sign-in/email", { email: user.email, password: TEST_PASSWORD });
      const byPasskey = new TestBrowser();
      await signInWithPasskey(byPasskey, authenticators[0] as SoftwareAuthenticator);

      const answer = await removePassword(browser);

      expect(answer.body.signedOut).toBe(1);
      expect((await byPassword.get("/get-session")).body).toBeNull();
      expect((await byPasskey.get("/get-session")).body).not.toBeNull();
      // The remover signed in with the password too, and stays: they just proved who they are.
      expect((await browser.get("/get-session")).body).not.toBeNull();
    },
  );

  it.each([
    ["no passkey", { passkeys: 0, wayBackIn: true }, "NO_PASSKEY"],
    ["one passkey and no recovery codes", { passkeys: 1, wayBackIn: false }, "NO_RECOVERY_PATH"],
  ])("refuses an account with %s, and keeps its password", async (_, setup, code) => {
    const { browser, user } = await accountWith(setup);

    const answer = await removePassword(browser);

    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe(code);
    expect((await signInMethodsOf(user.id)).hasPassword).toBe(true);
    expect(await typesLogged(user.id)).not.toContain("password_removed");
  });

  it("refuses an account that has no password to remove", async () => {
    const { browser } = await signUpWithPasskey();

    const answer = await removePassword(browser);

    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe("NO_PASSWORD");
  });

  it("needs a recent step-up", async () => {
    const { browser, user } = await accountWith({ passkeys: 1, wayBackIn: true });
    await makeStale(user.id);

    const answer = await removePassword(browser);

    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe("STEP_UP_REQUIRED");
    expect((await signInMethodsOf(user.id)).hasPassword).toBe(true);
  });

  it.runIf(giveWayBackIn)(
    "of the password and the last passkey, removed at the same moment, keeps one",
    async () => {
      // Several accounts at once, so that the removals really overlap on a real PostgreSQL.
      const accounts = await Promise.all(
        Array.from({ length: 4 }, async () => {
          const setup = await accountWith({ passkeys: 1, wayBackIn: true });
          return { ...setup, passkey: (await passkeysOf(setup.user.id))[0]?.id };
        }),
      );

      const answers = await Promise.all(
        accounts.flatMap(({ browser, passkey }) => [
          removePassword(browser),
          browser.post("/passkey/delete-passkey", { id: passkey }),
        ]),
      );

      expect(answers.map((answer) => answer.status).sort()).toEqual([
        ...Array(4).fill(200),
        ...Array(4).fill(409),
      ]);
      for (const { user } of accounts) {
        const left = await signInMethodsOf(user.id);
        expect(left.passkeys > 0 || left.hasPassword).toBe(true);
      }
    },
  );
});

describe("adding a password back", () => {
  it("gives a passkey-only account a password, logs it and tells the owner", async () => {
    const email = `added-${crypto.randomUUID()}@example.test`;
    const { browser, user } = await signUpWithPasskey(undefined, email);

    const answer = await addPassword(browser);

    expect(answer.status).toBe(200);
    expect((await signInWithPassword(email, NEW_PASSWORD)).status).toBe(200);
    expect((await latestMailTo(email)).subject).toMatch(/password was added/);
    expect(await typesLogged(user.id)).toContain("password_added");
  });

  it("refuses an account that has a password: that is a change, which needs the current one", async () => {
    const { browser, user } = await signUp();

    const answer = await addPassword(browser);

    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe("HAS_PASSWORD");
    expect((await signInWithPassword(user.email, TEST_PASSWORD)).status).toBe(200);
  });

  it("holds it to sign-up's rules", async () => {
    const { browser, user } = await signUpWithPasskey();

    const short = await addPassword(browser, "short");
    const long = await addPassword(browser, "x".repeat(129));
    const missing = await browser.post<ApiError>("/password/add", {});

    expect([short.status, short.body.code]).toEqual([400, "PASSWORD_TOO_SHORT"]);
    expect([long.status, long.body.code]).toEqual([400, "PASSWORD_TOO_LONG"]);
    expect(missing.status).toBe(400);
    expect((await signInMethodsOf(user.id)).hasPassword).toBe(false);
  });

  it("needs a recent step-up", async () => {
    const { browser, user } = await signUpWithPasskey();
    await makeStale(user.id);

    const answer = await addPassword(browser);

    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe("STEP_UP_REQUIRED");
    expect((await signInMethodsOf(user.id)).hasPassword).toBe(false);
  });

  it("adds one password, however many tabs ask at once", async () => {
    const { browser, user } = await signUpWithPasskey();

    const answers = await Promise.all([
      addPassword(browser),
      addPassword(browser.clone(), "another password"),
    ]);

    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const credentials = await db().execute(sql`select 1 from accounts where user_id = ${user.id}`);
    expect((credentials as { rows: unknown[] }).rows).toHaveLength(1);
  });
});
