import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verification } from "@/lib/db/schema";
import { REQUESTED_MAILS_PER_RECIPIENT } from "@/lib/mail/requested";
import { signUp, TEST_PASSWORD, TestBrowser, uniqueEmail } from "../helpers/browser";
import { firstLink, latestMailTo, mailTo, type OutboxMail } from "../helpers/mailbox";
import { type ApiError, sessionCount } from "../helpers/passkey-ceremonies";
import { signUpWithPasskey } from "../helpers/passkey-sign-up";
import { withMailRefused } from "../helpers/refusing-mail-server";
import { eventsOf } from "../helpers/rows";
import { median, timed, withAnswerFloor } from "../helpers/timing";

const NEW_PASSWORD = "a brand new passphrase";

const requestReset = (email: string, browser = new TestBrowser()) =>
  browser.post<ApiError & { status?: boolean; message?: string }>("/request-password-reset", { email });

/** The token of a reset mail's link, which rides in the fragment of the reset page's URL. */
function resetToken(mail: OutboxMail): string {
  const link = firstLink(mail);
  expect(link.pathname).toBe("/reset-password");
  expect(link.search).toBe("");
  return new URLSearchParams(link.hash.slice(1)).get("token") as string;
}

/** Asks for a link, as the forgot-password page does, and reads it from the mail. */
async function mailedToken(email: string): Promise<string> {
  expect((await requestReset(email)).status).toBe(200);
  const mail = await latestMailTo(email);
  expect(mail.subject).toMatch(/Reset your .* password/);
  return resetToken(mail);
}

const resetPassword = (token: string, newPassword = NEW_PASSWORD, browser = new TestBrowser()) =>
  browser.post<ApiError & { status?: boolean }>("/reset-password", { token, newPassword });

const signIn = (email: string, password: string) =>
  new TestBrowser().post<ApiError>("/sign-in/email", { email, password });

describe("asking for a password reset", () => {
  it("answers every address alike: with a password, without one, and with no account", async () => {
    const withPassword = await signUp();
    const passkeyOnly = uniqueEmail("passkey-only");
    await signUpWithPasskey(undefined, passkeyOnly);
    const nobody = uniqueEmail("nobody");
    const before = await mailTo(passkeyOnly);

    const answers = await Promise.all(
      [withPassword.user.email, passkeyOnly, nobody].map((email) => requestReset(email)),
    );

    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((answer) => JSON.stringify(answer.body))).size).toBe(1);
    // Only the mail differs, and only the owner of an account reads it.
    expect((await latestMailTo(withPassword.user.email)).subject).toMatch(/Reset your .* password/);
    const [noPassword, ...earlier] = await mailTo(passkeyOnly);
    expect(earlier).toHaveLength(before.length);
    expect(noPassword?.subject).toMatch(/has no password/);
    expect(noPassword?.text).not.toContain("/reset-password");
    expect(await mailTo(nobody)).toEqual([]);
  });

  it("gives an account without a password no link at all: a mailbox alone never sets one", async () => {
    const email = uniqueEmail("passkey-only");
    const { user } = await signUpWithPasskey(undefined, email);

    await requestReset(email);

    const links = await db().select().from(verification).where(eq(verification.value, user.id));
    expect(links).toEqual([]);
  });

  it("mails one address at most a few times an hour, and answers the same once it stops", async () => {
    const { user } = await signUp();
    const { max } = REQUESTED_MAILS_PER_RECIPIENT;
    // The cap is one for every mail a stranger can ask for: the sign-up link already spent one.
    const left = max - (await mailTo(user.email)).length;

    const answers = [];
    for (let attempt = 0; attempt <= max; attempt++) answers.push(await requestReset(user.email));

    expect(answers.map((answer) => answer.status)).toEqual(Array(max + 1).fill(200));
    expect(new Set(answers.map((answer) => JSON.stringify(answer.body))).size).toBe(1);
    const resetMails = (await mailTo(user.email)).filter((mail) => /Reset your/.test(mail.subject));
    expect(resetMails).toHaveLength(left);
    // The dropped mails' tokens went with them.
    const links = await db().select().from(verification).where(eq(verification.value, user.id));
    expect(links).toHaveLength(left);
  });

  it("answers the same when the mail server refuses the address, and keeps no token", async () => {
    const { user } = await signUp();

    const [refused, nobody] = await withMailRefused(() =>
      Promise.all([requestReset(user.email), requestReset(uniqueEmail("nobody"))]),
    );

    expect([refused.status, nobody.status]).toEqual([200, 200]);
    expect(refused.body).toEqual(nobody.body);
    expect(await db().select().from(verification).where(eq(verification.value, user.id))).toEqual([]);
  });

  it("keeps only a hash of each link's token: a copy of the database opens nothing", async () => {
    const { user } = await signUp();
    const token = await mailedToken(user.email);

    const dump = JSON.stringify(await db().select().from(verification));

    expect(dump).not.toContain(token);
    expect((await resetPassword(token)).status).toBe(200);
  });

  it("refuses a malformed address with 400, and does not serve Better Auth's token URL", async () => {
    const malformed = await requestReset("not an address");
    const tokenUrl = await new TestBrowser().get("/reset-password/anything?callbackURL=/sign-in");

    expect(malformed.status).toBe(400);
    expect(tokenUrl.status).toBe(404);
  });
});

describe("a mailed reset link", () => {
  it("sets a new password, signs out every session, and tells the owner", async () => {
    const { browser, user } = await signUp();
    expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(200);
    expect(await sessionCount(user.id)).toBe(2);
    const token = await mailedToken(user.email);

    const answer = await resetPassword(token);

    expect(answer.status).toBe(200);
    expect(await sessionCount(user.id)).toBe(0);
    expect((await browser.get("/get-session")).body).toBeNull();
    expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(401);
    expect((await signIn(user.email, NEW_PASSWORD)).status).toBe(200);
    const notice = await latestMailTo(user.email);
    expect(notice.subject).toMatch(/password was reset/);
    expect(notice.text).toContain("every session was signed out");
    expect(await eventsOf(user.id)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: "password_reset", details: null }),
        expect.objectContaining({ type: "session_revoked", details: { count: 2 } }),
      ]),
    );
  });

  it("works once", async () => {
    const { user } = await signUp();
    const token = await mailedToken(user.email);

    const first = await resetPassword(token);
    const second = await resetPassword(token, "yet another passphrase");

    expect(first.status).toBe(200);
    expect(second.status).toBe(400);
    expect(second.body.code).toBe("INVALID_TOKEN");
    expect((await signIn(user.email, NEW_PASSWORD)).status).toBe(200);
  });

  it("stops working after an hour", async () => {
    const { user } = await signUp();
    const token = await mailedToken(user.email);
    await db()
      .update(verification)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(verification.value, user.id));

    const answer = await resetPassword(token);

    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe("INVALID_TOKEN");
    expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(200);
  });

  it("stops working once the password it was mailed for changes: by another link, or by the owner", async () => {
    const { user } = await signUp();
    const older = await mailedToken(user.email);
    const newer = await mailedToken(user.email);
    expect((await resetPassword(newer)).status).toBe(200);

    const afterReset = await resetPassword(older, "the older link's password");

    expect(afterReset.status).toBe(400);
    expect(afterReset.body.code).toBe("INVALID_TOKEN");

    const signedIn = new TestBrowser();
    await signedIn.post("/sign-in/email", { email: user.email, password: NEW_PASSWORD });
    const beforeChange = await mailedToken(user.email);
    const change = await signedIn.post("/change-password", {
      currentPassword: NEW_PASSWORD,
      newPassword: "changed by the owner",
    });
    expect(change.status).toBe(200);

    expect((await resetPassword(beforeChange)).status).toBe(400);
  });

  it("holds the new password to sign-up's rules, and still works after a refusal", async () => {
    const { user } = await signUp();
    const token = await mailedToken(user.email);

    const short = await resetPassword(token, "short");
    const long = await resetPassword(token, "x".repeat(129));

    expect([short.status, long.status]).toEqual([400, 400]);
    expect([short.body.code, long.body.code]).toEqual(["PASSWORD_TOO_SHORT", "PASSWORD_TOO_LONG"]);
    expect((await resetPassword(token)).status).toBe(200);
  });

  it("is taken from the body only: a token in the URL is refused, and the link still works", async () => {
    const { user } = await signUp();
    const token = await mailedToken(user.email);

    const inQuery = await new TestBrowser().post<ApiError>(`/reset-password?token=${token}`, {
      newPassword: NEW_PASSWORD,
    });

    expect(inQuery.status).toBe(400);
    expect(inQuery.body.code).toBe("INVALID_TOKEN");
    expect((await resetPassword(token)).status).toBe(200);
  });

  it("cannot give a password to an account that went without one since it was mailed", async () => {
    const { browser, user } = await signUp();
    const token = await mailedToken(user.email);
    await db().execute(sql`delete from accounts where user_id = ${user.id} and provider_id = 'credential'`);

    const answer = await resetPassword(token);

    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe("INVALID_TOKEN");
    const credentials = await db().execute(sql`select 1 from accounts where user_id = ${user.id}`);
    expect((credentials as { rows: unknown[] }).rows).toEqual([]);
    expect((await browser.get<{ user: { id: string } }>("/get-session")).body.user.id).toBe(user.id);
  });
});

describe("asking for a reset names no account, in timing either", () => {
  withAnswerFloor(600);

  it("takes as long for an address with a password as for one with no account", async () => {
    const accounts = await Promise.all(Array.from({ length: 6 }, () => signUp()));
    const askFor = async (email: string) => {
      const [answer, ms] = await timed(() => requestReset(email));
      expect(answer.status).toBe(200);
      return ms;
    };
    const registered: number[] = [];
    const unknown: number[] = [];
    for (const { user } of accounts) {
      unknown.push(await askFor(uniqueEmail("nobody")));
      registered.push(await askFor(user.email));
    }

    expect(Math.min(...registered, ...unknown)).toBeGreaterThanOrEqual(600);
    const ratio = median(registered) / median(unknown);
    expect(ratio).toBeGreaterThan(0.8);
    expect(ratio).toBeLessThan(1.25);
    const sent = await Promise.all(accounts.map(({ user }) => latestMailTo(user.email)));
    expect(sent.every((mail) => /Reset your/.test(mail.subject))).toBe(true);
  }, 60_000);
});
