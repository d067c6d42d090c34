import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiSurface } from "@/lib/auth";
import { SECRET_CHECK_BUDGET } from "@/lib/auth/surface";
import { db } from "@/lib/db";
import { recoveryCode, session } from "@/lib/db/schema";
import type { RateLimitRule } from "@/lib/rate-limit";
import { signUp, TEST_PASSWORD, TestBrowser, uniqueEmail } from "../../helpers/browser";
import { eventsAfterSignUp } from "../../helpers/security-activity";
import { median, timed } from "../../helpers/timing";

type Generated = { codes: string[]; generatedAt: string };
type Status = { total: number; remaining: number; generatedAt: string | null };
type Failure = { code?: string; message?: string };

/** How many codes one address may try in the window (lib/recovery-codes/server.ts). */
const recoveryCodeLimitPerAddress = apiSurface().served["/sign-in/recovery-code"]
  ?.perAddress as RateLimitRule;

async function accountWithCodes() {
  const { browser, user } = await signUp();
  const generated = await browser.post<Generated>("/recovery-codes/generate");
  if (generated.status !== 200) throw new Error(`generate failed: ${generated.status}`);
  return { browser, user, codes: generated.body.codes };
}

function redeem(email: string, code: string, browser = new TestBrowser()) {
  return browser.post<Failure & { remaining?: number; user?: { id: string } }>("/sign-in/recovery-code", {
    email,
    code,
  });
}

describe("recovery codes", () => {
  it("generates ten codes, shown once, and stores only keyed hashes", async () => {
    const { browser, user } = await signUp();

    const generated = await browser.post<Generated>("/recovery-codes/generate");
    const status = await browser.get<Status>("/recovery-codes/status");

    expect(generated.status).toBe(200);
    expect(generated.headers.get("cache-control")).toBe("no-store");
    expect(generated.body.codes).toHaveLength(10);
    expect(status.body).toMatchObject({ total: 10, remaining: 10 });
    const stored = await db().select().from(recoveryCode).where(eq(recoveryCode.userId, user.id));
    const storedText = JSON.stringify(stored);
    for (const code of generated.body.codes) {
      expect(storedText).not.toContain(code);
      expect(storedText).not.toContain(code.replaceAll("-", ""));
    }
    expect(await eventsAfterSignUp(user.id)).toEqual([
      expect.objectContaining({
        type: "recovery_codes_generated",
        userAgent: "keyhold-tests",
        ipAddress: browser.ipAddress,
      }),
    ]);
  });

  it("signs in with a code once, and never again with the same code", async () => {
    const { user, codes } = await accountWithCodes();
    const browser = new TestBrowser();

    const first = await redeem(user.email, codes[3] as string, browser);
    const signedIn = await browser.get<{ user: { id: string } }>("/get-session");
    const again = await redeem(user.email, codes[3] as string);

    expect(first.status).toBe(200);
    expect(first.body.remaining).toBe(9);
    expect(signedIn.body.user.id).toBe(user.id);
    expect(again.status).toBe(401);
    const types = (await eventsAfterSignUp(user.id)).map((event) => event.type);
    expect(types).toEqual(["recovery_codes_generated", "sign_in", "recovery_code_failed"]);
  });

  it("accepts a code typed in capitals, with spaces and without dashes", async () => {
    const { user, codes } = await accountWithCodes();
    const typed = ` ${(codes[0] as string).toUpperCase().replaceAll("-", " ")} `;

    expect((await redeem(user.email, typed)).status).toBe(200);
  });

  it("answers a wrong email, a wrong code and a used code alike", async () => {
    const { user, codes } = await accountWithCodes();
    await redeem(user.email, codes[0] as string);
    const other = await accountWithCodes();

    const answers = await Promise.all([
      redeem(uniqueEmail(), codes[1] as string),
      redeem(user.email, "00000-00000-00000"),
      redeem(user.email, codes[0] as string),
      redeem(other.user.email, codes[1] as string),
      redeem(user.email, "not a code at all"),
    ]);

    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ code: "INVALID_RECOVERY_CODE", message: expect.any(String) });
    }
  });

  it("takes about as long for an email with no account as for a wrong code (no enumeration by timing)", async () => {
    const accounts = await Promise.all(Array.from({ length: 12 }, () => signUp()));
    const redeemWrongCode = async (email: string) => {
      const [answer, ms] = await timed(() => redeem(email, "00000-00000-00000"));
      expect(answer.status).toBe(401);
      return ms;
    };

    const unknownEmail: number[] = [];
    const wrongCode: number[] = [];
    // Interleaved, so that a slow moment of the machine falls on both sides.
    for (const { user } of accounts) {
      unknownEmail.push(await redeemWrongCode(uniqueEmail()));
      wrongCode.push(await redeemWrongCode(user.email));
    }

    const ratio = median(unknownEmail) / median(wrongCode);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it("makes old codes stop working when new ones are generated", async () => {
    const { browser, user, codes } = await accountWithCodes();

    const regenerated = await browser.post<Generated>("/recovery-codes/generate");

    expect((await redeem(user.email, codes[0] as string)).status).toBe(401);
    expect((await redeem(user.email, regenerated.body.codes[0] as string)).status).toBe(200);
  });

  it("lets exactly one of twenty simultaneous redemptions of one code through", async () => {
    const { user, codes } = await accountWithCodes();
    const sessionsBefore = (await db().select().from(session).where(eq(session.userId, user.id))).length;

    const answers = await Promise.all(
      Array.from({ length: 20 }, () => redeem(user.email, codes[0] as string)),
    );

    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    // Whatever a limit answers to some of them, none may succeed twice.
    expect(statuses.every((status) => status === 200 || status === 401 || status === 429)).toBe(true);
    const sessionsAfter = (await db().select().from(session).where(eq(session.userId, user.id))).length;
    expect(sessionsAfter).toBe(sessionsBefore + 1);
  });

  it("lets the owner in with a valid code, however many wrong guesses strangers made from other addresses", async () => {
    const { user, codes } = await accountWithCodes();

    // Three strangers, each guessing codes up to its address's limit, and wrong passwords past the
    // account's: far more attempts on this account than the per-account count allows.
    const { max } = recoveryCodeLimitPerAddress;
    const guesses = [];
    for (let stranger = 0; stranger < 3; stranger++) {
      const browser = new TestBrowser();
      for (let guess = 0; guess < max; guess++)
        guesses.push(await redeem(user.email, "00000-00000-00000", browser));
    }
    for (let guess = 0; guess < SECRET_CHECK_BUDGET.perAccount.max; guess++) {
      await new TestBrowser().post("/sign-in/email", { email: user.email, password: "guess" });
    }
    const owner = new TestBrowser();
    const withTheRightCode = await redeem(user.email, codes[0] as string, owner);
    const withThePassword = await new TestBrowser().post("/sign-in/email", {
      email: user.email,
      password: TEST_PASSWORD,
    });

    expect(guesses.map((answer) => answer.status)).toEqual(Array(3 * max).fill(401));
    expect(withTheRightCode.status).toBe(200);
    expect((await owner.get<{ user: { id: string } }>("/get-session")).body.user.id).toBe(user.id);
    // A password keeps its per-account count (SECURITY.md, "recovery lock-out"): the strangers
    // can hold password sign-in shut, not the account.
    expect(withThePassword.status).toBe(429);
  });

  it("limits guesses at one account from one address, even with the right code, with Retry-After", async () => {
    const { user, codes } = await accountWithCodes();
    const stranger = new TestBrowser();

    const { max } = recoveryCodeLimitPerAddress;
    const answers = [];
    for (let guess = 0; guess < max; guess++)
      answers.push(await redeem(user.email, "00000-00000-00000", stranger));
    const withTheRightCode = await redeem(user.email, codes[0] as string, stranger);

    expect(answers.map((answer) => answer.status)).toEqual(Array(max).fill(401));
    expect(withTheRightCode.status).toBe(429);
    expect(Number(withTheRightCode.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await redeem(user.email, codes[0] as string)).status).toBe(200);
  });

  it("limits guesses per address, across accounts", async () => {
    const attacker = new TestBrowser();

    const statuses = [];
    for (let guess = 0; guess < 11; guess++)
      statuses.push((await redeem(uniqueEmail(), "00000-00000-00000", attacker)).status);

    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it("needs a recent step-up to generate, and a session to read the status", async () => {
    const { browser, user } = await signUp();
    await db()
      .update(session)
      .set({ createdAt: sql`now() - interval '10 minutes'` })
      .where(eq(session.userId, user.id));

    const stale = await browser.post<Failure>("/recovery-codes/generate");
    const anonymous = await new TestBrowser().get("/recovery-codes/status");

    expect(stale.status).toBe(403);
    expect(stale.body.code).toBe("STEP_UP_REQUIRED");
    expect(anonymous.status).toBe(401);
    expect(await db().select().from(recoveryCode).where(eq(recoveryCode.userId, user.id))).toHaveLength(0);
  });

  it("discards a set nobody saved, under step-up, without declining codes for good", async () => {
    const { browser, user } = await accountWithCodes();

    const discarded = await browser.post("/recovery-codes/discard");
    const status = await browser.get<Status & { declinedAt: string | null }>("/recovery-codes/status");

    expect(discarded.status).toBe(200);
    expect(status.body).toMatchObject({ total: 0, remaining: 0, declinedAt: null });
    expect((await eventsAfterSignUp(user.id)).map((event) => event.type)).toEqual([
      "recovery_codes_generated",
      "recovery_codes_discarded",
    ]);

    await db()
      .update(session)
      .set({ createdAt: sql`now() - interval '10 minutes'` })
      .where(eq(session.userId, user.id));
    const stale = await browser.post<Failure>("/recovery-codes/discard");
    expect(stale.status).toBe(403);
    expect(stale.body.code).toBe("STEP_UP_REQUIRED");
  });

  it("records a user's informed choice to go without codes", async () => {
    const { browser, user } = await signUp();

    const declined = await browser.post("/recovery-codes/decline");

    expect(declined.status).toBe(200);
    expect(
      (await browser.get<{ declinedAt: string | null }>("/recovery-codes/status")).body.declinedAt,
    ).not.toBeNull();
    expect((await eventsAfterSignUp(user.id)).map((event) => event.type)).toEqual([
      "recovery_codes_declined",
    ]);
  });
});
