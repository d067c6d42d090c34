import { describe, expect, it } from "vitest";
import { webAuthnUserHandle } from "@/lib/passkeys/user-handle";
import { signUp, TestBrowser } from "../helpers/browser";
import {
  authenticationOptions,
  passkeysOf,
  registerPasskey,
  sessionCount,
  signInWithPasskey,
} from "../helpers/passkey-ceremonies";
import { SoftwareAuthenticator, type SoftwareAuthenticatorOptions } from "../helpers/software-authenticator";

const SESSION_COOKIE = "session_token";

/** An account with one passkey, signed out: the state of every sign-in below. */
async function accountWithPasskey(options?: SoftwareAuthenticatorOptions) {
  const { browser, user } = await signUp();
  const authenticator = new SoftwareAuthenticator(options);
  const registration = await registerPasskey(browser, authenticator);
  if (registration.status !== 200)
    throw new Error(`registration failed: ${JSON.stringify(registration.body)}`);
  return { user, authenticator, sessionsBefore: await sessionCount(user.id) };
}

describe("signing in with a passkey", () => {
  it("creates a session for the passkey's owner and records when the passkey was used", async () => {
    const { user, authenticator, sessionsBefore } = await accountWithPasskey();
    const browser = new TestBrowser();

    const response = await signInWithPasskey(browser, authenticator);
    const session = await browser.get<{ user: { id: string } }>("/get-session");

    expect(response.status).toBe(200);
    expect(session.body.user.id).toBe(user.id);
    expect(await sessionCount(user.id)).toBe(sessionsBefore + 1);
    const [stored] = await passkeysOf(user.id);
    expect(stored?.lastUsedAt).toBeInstanceOf(Date);
    expect(stored?.counter).toBe(1);
  });

  it("asks the browser for user verification", async () => {
    const options = await authenticationOptions(new TestBrowser());

    expect(options.body.userVerification).toBe("required");
  });

  it("refuses an assertion without user verification", async () => {
    const { user, authenticator, sessionsBefore } = await accountWithPasskey();
    const browser = new TestBrowser();

    const response = await signInWithPasskey(browser, authenticator, { flags: { userVerified: false } });

    expect(response.status).toBe(401);
    expect(response.body.code).toBe("USER_VERIFICATION_REQUIRED");
    expect(browser.hasCookie(SESSION_COOKIE)).toBe(false);
    expect(await sessionCount(user.id)).toBe(sessionsBefore);
    const [stored] = await passkeysOf(user.id);
    expect(stored?.lastUsedAt).toBeNull();
  });

  it("refuses a replayed assertion: each challenge is good for one sign-in", async () => {
    const { user, authenticator, sessionsBefore } = await accountWithPasskey();
    const browser = new TestBrowser();
    const options = await authenticationOptions(browser);
    const response = authenticator.getAssertion(options.body);
    const attacker = browser.clone();
    expect((await browser.post("/passkey/verify-authentication", { response })).status).toBe(200);

    const replayed = await attacker.post<{ code: string }>("/passkey/verify-authentication", { response });

    expect(replayed.status).toBe(400);
    expect(replayed.body.code).toBe("CHALLENGE_NOT_FOUND");
    expect(await sessionCount(user.id)).toBe(sessionsBefore + 1);
  });

  it("refuses an assertion made on another origin (a phishing page)", async () => {
    const { user, authenticator, sessionsBefore } = await accountWithPasskey();
    const browser = new TestBrowser();

    const response = await signInWithPasskey(browser, authenticator, {
      origin: "http://evil.localhost:3000",
    });

    expect(response.status).toBe(400);
    expect(browser.hasCookie(SESSION_COOKIE)).toBe(false);
    expect(await sessionCount(user.id)).toBe(sessionsBefore);
  });

  it("refuses a genuine assertion relayed from an untrusted origin (login CSRF)", async () => {
    const { user, authenticator, sessionsBefore } = await accountWithPasskey();
    const phishing = new TestBrowser("http://evil.localhost:3000");

    const response = await signInWithPasskey(phishing, authenticator);

    expect(response.status).toBe(403);
    expect(response.body.code).toBe("INVALID_ORIGIN");
    expect(phishing.hasCookie(SESSION_COOKIE)).toBe(false);
    expect(await sessionCount(user.id)).toBe(sessionsBefore);
  });

  it("refuses an assertion for another relying party", async () => {
    const { user, authenticator, sessionsBefore } = await accountWithPasskey();

    const response = await signInWithPasskey(new TestBrowser(), authenticator, { rpId: "evil.localhost" });

    expect(response.status).toBe(400);
    expect(await sessionCount(user.id)).toBe(sessionsBefore);
  });

  it("refuses an assertion whose signature does not verify", async () => {
    const { user, authenticator, sessionsBefore } = await accountWithPasskey();
    const browser = new TestBrowser();

    const response = await signInWithPasskey(browser, authenticator, { corruptSignature: true });

    expect(response.status).toBe(401);
    expect(response.body.code).toBe("AUTHENTICATION_FAILED");
    expect(browser.hasCookie(SESSION_COOKIE)).toBe(false);
    expect(await sessionCount(user.id)).toBe(sessionsBefore);
  });

  it("refuses an assertion signed by a key that is not the registered one", async () => {
    const { user, authenticator, sessionsBefore } = await accountWithPasskey();
    const impostor = new SoftwareAuthenticator({
      credentialId: Buffer.from(authenticator.credentialId, "base64url"),
    });

    const response = await signInWithPasskey(new TestBrowser(), impostor);

    expect(response.status).toBe(401);
    expect(await sessionCount(user.id)).toBe(sessionsBefore);
  });

  it("refuses a device-bound passkey whose signature counter went backwards (a cloned authenticator)", async () => {
    const { user, authenticator, sessionsBefore } = await accountWithPasskey({ signCount: 10 });
    expect((await signInWithPasskey(new TestBrowser(), authenticator)).status).toBe(200);
    authenticator.signCount = 5;

    const response = await signInWithPasskey(new TestBrowser(), authenticator);

    expect(response.status).toBe(400);
    expect(response.body.code).toBe("AUTHENTICATION_FAILED");
    expect(await sessionCount(user.id)).toBe(sessionsBefore + 1);
    const [stored] = await passkeysOf(user.id);
    expect(stored?.counter).toBe(11);
  });

  it("keeps accepting a synced passkey whose counter is always 0", async () => {
    const { user, authenticator, sessionsBefore } = await accountWithPasskey({
      counterMode: "always-zero",
      flags: { backupEligible: true, backedUp: true },
    });

    const statuses = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      statuses.push((await signInWithPasskey(new TestBrowser(), authenticator)).status);
    }

    expect(statuses).toEqual([200, 200, 200]);
    expect(await sessionCount(user.id)).toBe(sessionsBefore + 3);
  });

  it.each([
    ["another account's", webAuthnUserHandle("someone-else")],
    ["no", null],
  ])("refuses an assertion that names %s user handle (WebAuthn §7.2 step 6)", async (_, userHandle) => {
    const { user, authenticator, sessionsBefore } = await accountWithPasskey();
    const browser = new TestBrowser();

    const refused = await signInWithPasskey(browser, authenticator, { userHandle });

    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe("AUTHENTICATION_FAILED");
    expect(browser.hasCookie(SESSION_COOKIE)).toBe(false);
    expect(await sessionCount(user.id)).toBe(sessionsBefore);
  });

  it("refuses a passkey the server does not know", async () => {
    const response = await signInWithPasskey(new TestBrowser(), new SoftwareAuthenticator());

    expect(response.status).toBe(401);
    expect(response.body.code).toBe("PASSKEY_NOT_FOUND");
  });

  it.each([
    ["no response", {}],
    ["a response that is an array", { response: [] }],
    [
      "a credential ID that is an object",
      { response: { id: { $ne: null }, rawId: "abc", type: "public-key" } },
    ],
    [
      "a huge clientDataJSON",
      {
        response: {
          id: "abc",
          rawId: "abc",
          type: "public-key",
          response: { clientDataJSON: "a".repeat(100_000), authenticatorData: "abc", signature: "abc" },
        },
      },
    ],
  ])("answers 400 to %s", async (_, body) => {
    const browser = new TestBrowser();
    await authenticationOptions(browser);

    const response = await browser.post("/passkey/verify-authentication", body);

    expect(response.status).toBe(400);
    expect(browser.hasCookie(SESSION_COOKIE)).toBe(false);
  });
});
