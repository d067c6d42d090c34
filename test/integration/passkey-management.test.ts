import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { account, session } from "@/lib/db/schema";
import { webAuthnUserHandle } from "@/lib/passkeys/user-handle";
import { accountWithPasskeys } from "../helpers/accounts";
import { signUp, TestBrowser } from "../helpers/browser";
import {
  passkeysOf,
  registerPasskey,
  registrationOptions,
  signInWithPasskey,
} from "../helpers/passkey-ceremonies";
import { isSignedIn, removalEvents, signedInWith } from "../helpers/signed-in";
import { SoftwareAuthenticator } from "../helpers/software-authenticator";

type Row = { id: string; name?: string; lastUsedAt?: string | null };

/** An account whose only ways in are its passkeys, as passkey-first sign-up will create. */
async function removePassword(userId: string) {
  await db()
    .delete(account)
    .where(and(eq(account.userId, userId), eq(account.providerId, "credential")));
}

describe("listing passkeys", () => {
  it("shows the caller's passkeys only", async () => {
    const mine = await accountWithPasskeys(2);
    await accountWithPasskeys(1);

    const list = await mine.browser.get<Row[]>("/passkey/list-user-passkeys");

    expect(list.status).toBe(200);
    expect(list.body.map((row) => row.id).sort()).toEqual(mine.passkeys.map((row) => row.id).sort());
  });

  it("gives every passkey of an account the same WebAuthn user handle", async () => {
    const { browser, user } = await signUp();

    const first = await registrationOptions(browser);
    const second = await registrationOptions(browser);

    expect(first.body.user.id).toBe(webAuthnUserHandle(user.id));
    expect(second.body.user.id).toBe(first.body.user.id);
  });
});

describe("renaming a passkey", () => {
  it("stores the trimmed name", async () => {
    const { browser, passkeys } = await accountWithPasskeys();
    const [passkey] = passkeys;

    const response = await browser.post("/passkey/update-passkey", {
      id: passkey?.id,
      name: "  Work laptop  ",
    });

    expect(response.status).toBe(200);
    expect((await passkeysOf(passkey?.userId ?? ""))[0]?.name).toBe("Work laptop");
  });

  it.each([
    ["empty", "   "],
    ["65 characters", "x".repeat(65)],
    ["a newline", "Work\nlaptop"],
    ["a right-to-left override", "Work\u202Elaptop"],
    ["not a string", 42],
  ])("refuses a name that is %s, and keeps the old one", async (_, name) => {
    const { browser, passkeys } = await accountWithPasskeys();
    const [passkey] = passkeys;

    const response = await browser.post<{ code: string }>("/passkey/update-passkey", {
      id: passkey?.id,
      name,
    });

    expect(response.status).toBe(400);
    expect(response.body.code).toBe("INVALID_PASSKEY_NAME");
    expect((await passkeysOf(passkey?.userId ?? ""))[0]?.name).toBe("Passkey 1");
  });

  it("accepts 64 characters", async () => {
    const { browser, passkeys } = await accountWithPasskeys();

    const response = await browser.post("/passkey/update-passkey", {
      id: passkeys[0]?.id,
      name: "é".repeat(64),
    });

    expect(response.status).toBe(200);
  });

  it("answers 404 for another account's passkey, and changes nothing", async () => {
    const victim = await accountWithPasskeys();
    const attacker = await accountWithPasskeys();

    const response = await attacker.browser.post<{ code: string }>("/passkey/update-passkey", {
      id: victim.passkeys[0]?.id,
      name: "pwned",
    });

    expect(response.status).toBe(404);
    expect(response.body.code).toBe("PASSKEY_NOT_FOUND");
    expect((await passkeysOf(victim.user.id))[0]?.name).toBe("Passkey 1");
  });

  it("answers 404 for an ID that does not exist, and 401 without a session", async () => {
    const { browser, passkeys } = await accountWithPasskeys();

    const missing = await browser.post("/passkey/update-passkey", { id: "no-such-passkey", name: "x" });
    const anonymous = await new TestBrowser().post("/passkey/update-passkey", {
      id: passkeys[0]?.id,
      name: "x",
    });

    expect(missing.status).toBe(404);
    expect(anonymous.status).toBe(401);
  });
});

describe("removing a passkey", () => {
  it("removes the caller's passkey when a password remains", async () => {
    const { browser, user, passkeys } = await accountWithPasskeys();

    const response = await browser.post("/passkey/delete-passkey", { id: passkeys[0]?.id });

    expect(response.status).toBe(200);
    expect(await passkeysOf(user.id)).toHaveLength(0);
  });

  it("answers 404 for another account's passkey, and removes nothing", async () => {
    const victim = await accountWithPasskeys();
    const attacker = await accountWithPasskeys();

    const response = await attacker.browser.post("/passkey/delete-passkey", { id: victim.passkeys[0]?.id });

    expect(response.status).toBe(404);
    expect(await passkeysOf(victim.user.id)).toHaveLength(1);
  });

  it("refuses to remove the last way in of an account without a password", async () => {
    const { browser, user, passkeys } = await accountWithPasskeys(2);
    await removePassword(user.id);

    const first = await browser.post("/passkey/delete-passkey", { id: passkeys[0]?.id });
    const last = await browser.post<{ code: string }>("/passkey/delete-passkey", { id: passkeys[1]?.id });

    expect(first.status).toBe(200);
    expect(last.status).toBe(409);
    expect(last.body.code).toBe("LAST_SIGN_IN_METHOD");
    expect(await passkeysOf(user.id)).toHaveLength(1);
  });
});

describe("removing a passkey signs out the sessions it signed in", () => {
  it("when asked: every other session of that passkey ends; the current one and all others stay", async () => {
    const { browser: byPassword, user, authenticators, passkeys } = await accountWithPasskeys(2);
    const [lost, kept] = authenticators as [SoftwareAuthenticator, SoftwareAuthenticator];
    const remover = await signedInWith(lost);
    const elsewhere = [await signedInWith(lost), await signedInWith(lost)];
    const byTheOtherPasskey = await signedInWith(kept);

    const removed = await remover.post<{ signedOut?: number }>(
      `/passkey/delete-passkey?signOutItsSessions=true`,
      { id: passkeys[0]?.id },
    );

    expect(removed.status).toBe(200);
    for (const browser of elsewhere) expect(await isSignedIn(browser)).toBe(false);
    for (const browser of [remover, byTheOtherPasskey, byPassword])
      expect(await isSignedIn(browser)).toBe(true);
    expect(removed.body.signedOut).toBe(2);
    expect(await removalEvents(user.id)).toEqual([
      expect.objectContaining({ type: "passkey_removed" }),
      { type: "session_revoked", details: { count: 2 } },
    ]);
  });

  it("when not asked, ends none of them", async () => {
    const { browser, authenticators, passkeys } = await accountWithPasskeys();
    const elsewhere = await signedInWith(authenticators[0] as SoftwareAuthenticator);

    const removed = await browser.post<{ signedOut?: number }>(
      "/passkey/delete-passkey?signOutItsSessions=false",
      {
        id: passkeys[0]?.id,
      },
    );

    expect(removed.status).toBe(200);
    expect(await isSignedIn(elsewhere)).toBe(true);
    expect(removed.body.signedOut).toBe(0);
  });

  it("refuses a choice it does not understand, and removes nothing", async () => {
    const { browser, user, authenticators, passkeys } = await accountWithPasskeys();
    const elsewhere = await signedInWith(authenticators[0] as SoftwareAuthenticator);

    const answer = await browser.post<{ code?: string }>("/passkey/delete-passkey?signOutItsSessions=yes", {
      id: passkeys[0]?.id,
    });

    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe("INVALID_SIGN_OUT_CHOICE");
    expect(await passkeysOf(user.id)).toHaveLength(1);
    expect(await isSignedIn(elsewhere)).toBe(true);
  });
});

describe("the session remembers its passkey", () => {
  it("records which passkey signed the session in, and nothing for a password sign-in", async () => {
    const { browser: passwordBrowser, passkeys, authenticators } = await accountWithPasskeys(2);
    const browser = new TestBrowser();

    await signInWithPasskey(browser, authenticators[1] as SoftwareAuthenticator);
    const signedIn = await browser.get<{ session: { id: string; passkeyId?: string } }>("/get-session");

    const [row] = await db().select().from(session).where(eq(session.id, signedIn.body.session.id));
    expect(row?.passkeyId).toBe(passkeys.find((passkey) => passkey.name === "Passkey 2")?.id);
    expect(signedIn.body.session.passkeyId).toBe(row?.passkeyId);
    const passwordSession = await passwordBrowser.get<{ session: { id: string } }>("/get-session");
    const [passwordRow] = await db()
      .select()
      .from(session)
      .where(eq(session.id, passwordSession.body.session.id));
    expect(passwordRow?.passkeyId).toBeNull();
  });
});

describe("a session without a recent step-up", () => {
  it("confirms it's the user in place before adding a passkey, then can", async () => {
    const { browser, user, authenticators } = await accountWithPasskeys();
    await db()
      .update(session)
      .set({ createdAt: sql`now() - interval '10 minutes'` })
      .where(eq(session.userId, user.id));

    const stale = await registerPasskey(browser, new SoftwareAuthenticator());
    const options = await browser.post<PublicKeyCredentialRequestOptionsJSON>("/step-up/passkey/options");
    const response = (authenticators[0] as SoftwareAuthenticator).getAssertion(options.body);
    const steppedUp = await browser.post("/step-up/passkey/verify", { response });
    const fresh = await registerPasskey(browser, new SoftwareAuthenticator());

    expect(stale.status).toBe(403);
    expect(stale.body.code).toBe("STEP_UP_REQUIRED");
    expect(steppedUp.status).toBe(200);
    expect(fresh.status).toBe(200);
    expect(await passkeysOf(user.id)).toHaveLength(2);
  });
});
