import { eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { site } from "@/config/site";
import { db } from "@/lib/db";
import { passkey, session, verification } from "@/lib/db/schema";
import { signUp, startSignUp, TEST_PASSWORD, TestBrowser, uniqueEmail } from "../helpers/browser";
import { snapshotGuardedTables } from "../helpers/database-snapshot";
import { firstLink, latestMailTo, mailTo } from "../helpers/mailbox";
import { type ApiError, passkeysOf, registerPasskey } from "../helpers/passkey-ceremonies";
import { finishPasskeySignUp, type SignUpOptions, startPasskeySignUp } from "../helpers/passkey-sign-up";
import { withMailRefused } from "../helpers/refusing-mail-server";
import { eventsOf, usersWithEmail } from "../helpers/rows";
import { insertUnconfirmedAccount } from "../helpers/seed-rows";
import { type RegistrationOverrides, SoftwareAuthenticator } from "../helpers/software-authenticator";

describe("sign-up with a password", () => {
  it("creates the account only when the mailed link is opened, with the password chosen there, and signs in", async () => {
    const email = uniqueEmail();
    const browser = new TestBrowser();

    const token = await startSignUp(email);

    expect(await usersWithEmail(email)).toEqual([]);
    const mail = await latestMailTo(email);
    expect(mail.subject).toBe(`Finish creating your ${site.name} account`);
    expect(firstLink(mail).pathname).toBe("/sign-up/passkey");
    const finished = await browser.post("/sign-up/password", { token, password: TEST_PASSWORD });
    expect(finished.status).toBe(200);
    expect(finished.body).toEqual({ status: "account_created" });
    const session = await browser.get<{ user: { id: string; emailVerified: boolean } }>("/get-session");
    expect(session.body.user.emailVerified).toBe(true);
    expect(await eventsOf(session.body.user.id, "account_created")).toMatchObject([
      { details: { method: "password" } },
    ]);
    expect((await new TestBrowser().post("/sign-in/email", { email, password: TEST_PASSWORD })).status).toBe(
      200,
    );
  });

  it("records the password as how the new account's first session signed in", async () => {
    const { user } = await signUp();

    const sessions = await db().select().from(session).where(eq(session.userId, user.id));

    expect(sessions).toMatchObject([{ signInMethod: "password", passkeyId: null }]);
  });

  it("refuses a password Better Auth would not store, and leaves the link usable", async () => {
    const email = uniqueEmail();
    const token = await startSignUp(email);

    const short = await new TestBrowser().post<ApiError>("/sign-up/password", { token, password: "short" });
    const long = await new TestBrowser().post<ApiError>("/sign-up/password", {
      token,
      password: "x".repeat(129),
    });

    expect([short.status, long.status]).toEqual([400, 400]);
    expect([short.body.code, long.body.code]).toEqual(["PASSWORD_TOO_SHORT", "PASSWORD_TOO_LONG"]);
    expect(await usersWithEmail(email)).toEqual([]);
    expect(
      (await new TestBrowser().post("/sign-up/password", { token, password: TEST_PASSWORD })).status,
    ).toBe(200);
  });

  it("uses a link once, refuses a made-up token, and refuses a browser that is signed in", async () => {
    const email = uniqueEmail();
    const token = await startSignUp(email);
    const { browser: signedIn } = await signUp();

    const whileSignedIn = await signedIn.post<ApiError>("/sign-up/password", {
      token,
      password: TEST_PASSWORD,
    });
    const first = await new TestBrowser().post("/sign-up/password", { token, password: TEST_PASSWORD });
    const again = await new TestBrowser().post<ApiError>("/sign-up/password", {
      token,
      password: "another password entirely",
    });
    const madeUp = await new TestBrowser().post<ApiError>("/sign-up/password", {
      token: "made-up",
      password: TEST_PASSWORD,
    });

    expect(whileSignedIn.body.code).toBe("SIGNED_IN");
    expect(first.status).toBe(200);
    expect([again.status, madeUp.status]).toEqual([400, 400]);
    expect([again.body.code, madeUp.body.code]).toEqual(["SIGN_UP_LINK_INVALID", "SIGN_UP_LINK_INVALID"]);
    expect(await usersWithEmail(email)).toHaveLength(1);
  });

  it("answers a taken email exactly like a new one, and tells only the owner, by mail", async () => {
    const { user } = await signUp();
    const mailsBefore = (await mailTo(user.email)).length;
    const fresh = await new TestBrowser().post("/sign-up/passkey", { name: "Twin", email: uniqueEmail() });

    const taken = await new TestBrowser().post("/sign-up/passkey", { name: "Twin", email: user.email });

    expect(taken.status).toBe(fresh.status);
    expect(taken.body).toEqual(fresh.body);
    expect(taken.headers.getSetCookie()).toEqual(fresh.headers.getSetCookie());
    const mails = await mailTo(user.email);
    expect(mails).toHaveLength(mailsBefore + 1);
    expect(mails[0]?.subject).toBe(`You already have a ${site.name} account`);
    expect(firstLink(mails[0] as (typeof mails)[number]).pathname).toBe("/sign-in");
    // The account is untouched: its own password still works.
    expect(
      (await new TestBrowser().post("/sign-in/email", { email: user.email, password: TEST_PASSWORD })).status,
    ).toBe(200);
  });
});

describe("passkey-first sign-up", () => {
  it("answers a taken email exactly like a new one; the mail says which", async () => {
    const { user } = await signUp();
    const newEmail = uniqueEmail();

    const fresh = await new TestBrowser().post("/sign-up/passkey", { name: "Grace", email: newEmail });
    const taken = await new TestBrowser().post("/sign-up/passkey", { name: "Grace", email: user.email });

    expect(taken.status).toBe(200);
    expect(taken.body).toEqual(fresh.body);
    expect((await latestMailTo(newEmail)).subject).toBe(`Finish creating your ${site.name} account`);
    expect((await latestMailTo(user.email)).subject).toBe(`You already have a ${site.name} account`);
  });

  it("counts the first passkey as used for the sign-in it made, and says so on the session", async () => {
    const email = uniqueEmail();
    const token = await startPasskeySignUp(email);
    const authenticator = new SoftwareAuthenticator();

    const { verify } = await finishPasskeySignUp(new TestBrowser(), token, authenticator);

    expect(verify?.status).toBe(200);
    const [stored] = await db()
      .select()
      .from(passkey)
      .where(eq(passkey.credentialID, authenticator.credentialId));
    expect(stored?.lastUsedAt).toBeInstanceOf(Date);
    const sessions = await db()
      .select()
      .from(session)
      .where(eq(session.userId, stored?.userId as string));
    expect(sessions).toMatchObject([{ passkeyId: stored?.id, signInMethod: "passkey" }]);
  });

  it.each<[string, RegistrationOverrides]>([
    ["a forged response (wrong challenge)", { challenge: "bm90IHRoZSBjaGFsbGVuZ2U" }],
    ["a response for another origin", { origin: "https://evil.example" }],
    ["an authenticator that did not verify the user", { flags: { userVerified: false } }],
  ])("leaves no user row after %s", async (_label, overrides) => {
    const email = uniqueEmail();
    const token = await startPasskeySignUp(email);

    const { verify } = await finishPasskeySignUp(new TestBrowser(), token, new SoftwareAuthenticator(), {
      overrides,
    });

    expect(verify?.status).toBe(400);
    expect(await usersWithEmail(email)).toEqual([]);
  });

  it("leaves no user row when the ceremony is cancelled after the options", async () => {
    const email = uniqueEmail();
    const token = await startPasskeySignUp(email);

    const options = await new TestBrowser().get(`/passkey/generate-register-options?context=${token}`);

    expect(options.status).toBe(200);
    expect(await usersWithEmail(email)).toEqual([]);
  });

  it("rolls the new user back when storing the passkey fails", async () => {
    const { browser: owner } = await signUp();
    const authenticator = new SoftwareAuthenticator();
    expect((await registerPasskey(owner, authenticator)).status).toBe(200);
    const email = uniqueEmail();
    const token = await startPasskeySignUp(email);

    // The same credential again: the user row is written first, then the passkey insert fails.
    const { verify } = await finishPasskeySignUp(new TestBrowser(), token, authenticator);

    expect(verify?.status).toBe(409);
    expect(await usersWithEmail(email)).toEqual([]);
  });

  it("refuses a sign-up registration that does not ask for a session, which would run outside a transaction", async () => {
    const email = uniqueEmail();
    const token = await startPasskeySignUp(email);

    const { verify } = await finishPasskeySignUp(new TestBrowser(), token, new SoftwareAuthenticator(), {
      createSession: false,
    });

    expect(verify?.status).toBe(400);
    expect(verify?.body.code).toBe("SESSION_REQUIRED_FOR_SIGN_UP");
    expect(await usersWithEmail(email)).toEqual([]);
  });

  it("uses a link once", async () => {
    const email = uniqueEmail();
    const token = await startPasskeySignUp(email);
    await finishPasskeySignUp(new TestBrowser(), token, new SoftwareAuthenticator());

    const { options } = await finishPasskeySignUp(new TestBrowser(), token, new SoftwareAuthenticator());

    expect(options.status).toBe(400);
    expect(options.body.code).toBe("SIGN_UP_LINK_INVALID");
    expect(await usersWithEmail(email)).toHaveLength(1);
  });

  it("creates one account when two links for one address are finished at the same moment", async () => {
    const email = uniqueEmail();
    const tokens = [await startPasskeySignUp(email), await startPasskeySignUp(email)];
    const browsers = tokens.map(() => new TestBrowser());
    const responses = await Promise.all(
      tokens.map(async (token, index) => {
        const browser = browsers[index] as TestBrowser;
        const options = await browser.get<SignUpOptions>(
          `/passkey/generate-register-options?context=${encodeURIComponent(token)}`,
        );
        return new SoftwareAuthenticator().createCredential(options.body);
      }),
    );

    const verified = await Promise.all(
      responses.map((response, index) =>
        (browsers[index] as TestBrowser).post<ApiError>("/passkey/verify-registration", {
          response,
          createSession: true,
        }),
      ),
    );

    expect(verified.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(verified.find((answer) => answer.status === 409)?.body.code).toBe("ACCOUNT_EXISTS");
    expect(await usersWithEmail(email)).toHaveLength(1);
  });

  it("refuses a made-up token", async () => {
    const { options } = await finishPasskeySignUp(new TestBrowser(), "made-up", new SoftwareAuthenticator());

    expect(options.status).toBe(400);
    expect(options.body.code).toBe("SIGN_UP_LINK_INVALID");
  });

  it("never attaches a passkey to an account created since the link was mailed", async () => {
    const email = uniqueEmail();
    const token = await startPasskeySignUp(email);
    const { user } = await signUp(new TestBrowser(), email);

    const { options } = await finishPasskeySignUp(new TestBrowser(), token, new SoftwareAuthenticator());

    expect(options.status).toBe(409);
    expect(options.body.code).toBe("ACCOUNT_EXISTS");
    expect(await passkeysOf(user.id)).toEqual([]);
  });

  it("refuses to finish a sign-up in a browser that is signed in", async () => {
    const email = uniqueEmail();
    const token = await startPasskeySignUp(email);
    const { browser, user } = await signUp();

    const { options } = await finishPasskeySignUp(browser, token, new SoftwareAuthenticator());

    expect(options.status).toBe(400);
    expect(options.body.code).toBe("SIGNED_IN");
    expect(await passkeysOf(user.id)).toEqual([]);
    expect(await usersWithEmail(email)).toEqual([]);
  });

  it("lets the owner of an address take it over from an account nobody confirmed", async () => {
    const email = uniqueEmail();
    const squatter = await insertUnconfirmedAccount(email, TEST_PASSWORD);

    const token = await startPasskeySignUp(email);
    const { verify } = await finishPasskeySignUp(new TestBrowser(), token, new SoftwareAuthenticator());

    expect(verify?.status).toBe(200);
    const [owner] = await usersWithEmail(email);
    expect(owner?.id).not.toBe(squatter);
    expect(owner?.emailVerified).toBe(true);
    expect((await new TestBrowser().post("/sign-in/email", { email, password: TEST_PASSWORD })).status).toBe(
      401,
    );
  });
});

describe("checking the link as its page opens", () => {
  const expire = (email: string) =>
    db()
      .update(verification)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(like(verification.value, `%${email}%`));

  it("answers a live link as usable, changes nothing, and the link still finishes the sign-up", async () => {
    const email = uniqueEmail();
    const token = await startSignUp(email);
    const before = await snapshotGuardedTables();

    const checks = [
      await new TestBrowser().post("/sign-up/check-link", { token }),
      await new TestBrowser().post("/sign-up/check-link", { token }),
    ];

    expect(checks.map((check) => [check.status, check.body])).toEqual([
      [200, { status: "usable" }],
      [200, { status: "usable" }],
    ]);
    expect(await snapshotGuardedTables()).toBe(before);
    expect(checks[0]?.headers.getSetCookie()).toEqual([]);
    expect(
      (await new TestBrowser().post("/sign-up/password", { token, password: TEST_PASSWORD })).status,
    ).toBe(200);
  });

  it("refuses a used link, an expired one and a made-up token alike, with SIGN_UP_LINK_INVALID", async () => {
    const used = await startSignUp(uniqueEmail());
    await new TestBrowser().post("/sign-up/password", { token: used, password: TEST_PASSWORD });
    const expiredEmail = uniqueEmail();
    const expired = await startSignUp(expiredEmail);
    await expire(expiredEmail);

    const answers = await Promise.all(
      [used, expired, "made-up"].map((token) =>
        new TestBrowser().post<ApiError>("/sign-up/check-link", { token }),
      ),
    );

    expect(answers.map((answer) => [answer.status, answer.body.code])).toEqual([
      [400, "SIGN_UP_LINK_INVALID"],
      [400, "SIGN_UP_LINK_INVALID"],
      [400, "SIGN_UP_LINK_INVALID"],
    ]);
    expect(answers[0]?.body).toEqual(answers[1]?.body);
  });

  it("tells the holder of a link that its address has an account since, as finishing it would, and no one else", async () => {
    const email = uniqueEmail();
    const token = await startSignUp(email);
    await signUp(new TestBrowser(), email);

    const holder = await new TestBrowser().post<ApiError>("/sign-up/check-link", { token });
    const guesser = await new TestBrowser().post<ApiError>("/sign-up/check-link", { token: "made-up" });

    expect([holder.status, holder.body.code]).toEqual([409, "ACCOUNT_EXISTS"]);
    expect([guesser.status, guesser.body.code]).toEqual([400, "SIGN_UP_LINK_INVALID"]);
    expect(JSON.stringify(holder.body)).not.toContain(email);
  });

  it("answers a body without a token, or with an overlong one, with 400", async () => {
    const answers = [
      await new TestBrowser().post("/sign-up/check-link", {}),
      await new TestBrowser().post("/sign-up/check-link", { token: "x".repeat(101) }),
      await new TestBrowser().post("/sign-up/check-link", { token: 42 }),
    ];

    expect(answers.map((answer) => answer.status)).toEqual([400, 400, 400]);
  });
});

describe("a sign-up whose mail the address's mail server refuses", () => {
  /** Pending sign-ups stored for `email` (they hold it in their JSON value). */
  const pendingFor = (email: string) =>
    db()
      .select()
      .from(verification)
      .where(like(verification.value, `%${email}%`));

  /** The sign-up form, for one address, while the mail server refuses every recipient. */
  async function signUpRefused(email: string) {
    return withMailRefused(async () => {
      const before = await snapshotGuardedTables();
      const answer = await new TestBrowser().post<ApiError>("/sign-up/passkey", { name: "Ada", email });
      return { answer, changed: (await snapshotGuardedTables()) !== before };
    });
  }

  it("answers 400 EMAIL_UNDELIVERABLE, and keeps no account and no pending sign-up", async () => {
    const email = uniqueEmail("bounces");

    const { answer, changed } = await signUpRefused(email);

    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe("EMAIL_UNDELIVERABLE");
    expect(changed).toBe(false);
    expect(await usersWithEmail(email)).toEqual([]);
    expect(await pendingFor(email)).toEqual([]);
  });

  it("answers an address with an account exactly like a new one, confirmed or not", async () => {
    const { user } = await signUp();
    const unconfirmed = uniqueEmail("unconfirmed");
    await insertUnconfirmedAccount(unconfirmed, TEST_PASSWORD);
    const fresh = await signUpRefused(uniqueEmail("bounces"));

    for (const email of [user.email, unconfirmed]) {
      const taken = await signUpRefused(email);

      expect(taken.answer.status).toBe(fresh.answer.status);
      expect(taken.answer.body).toEqual(fresh.answer.body);
      expect(taken.changed).toBe(false);
      expect(await pendingFor(email)).toEqual([]);
    }
  });
});
