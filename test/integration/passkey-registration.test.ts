import { passkey } from "@better-auth/passkey";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import * as schema from "@/lib/db/schema";
import { passkeyPolicy, passkeyPolicyOptions } from "@/lib/passkeys/policy";
import { passkeySignUpRegistration } from "@/lib/sign-up/passkey-registration";
import { APP_ORIGIN, signUp, TestBrowser } from "../helpers/browser";
import {
  passkeysOf,
  passkeysWithCredential,
  registerPasskey,
  registrationOptions,
} from "../helpers/passkey-ceremonies";
import { SoftwareAuthenticator } from "../helpers/software-authenticator";

describe("adding a passkey", () => {
  it("stores the passkey under its nickname, with the flags the authenticator reported", async () => {
    const { browser, user } = await signUp();
    const authenticator = new SoftwareAuthenticator({ flags: { backupEligible: true, backedUp: true } });

    const response = await registerPasskey(browser, authenticator, { name: "Work laptop" });

    expect(response.status).toBe(200);
    const [stored] = await passkeysOf(user.id);
    expect(stored).toMatchObject({
      name: "Work laptop",
      credentialID: authenticator.credentialId,
      deviceType: "multiDevice",
      backedUp: true,
      lastUsedAt: null,
    });
  });

  it("refuses a nickname longer than 64 characters, and stores nothing", async () => {
    const { browser, user } = await signUp();

    const response = await registerPasskey(browser, new SoftwareAuthenticator(), { name: "x".repeat(65) });

    expect(response.status).toBe(400);
    expect(response.body.code).toBe("INVALID_PASSKEY_NAME");
    expect(await passkeysOf(user.id)).toHaveLength(0);
  });

  it("labels the account with the user's email in the OS prompt, not with the nickname", async () => {
    const { browser, user } = await signUp();

    const options = await registrationOptions(browser, "iPhone");

    expect(options.status).toBe(200);
    expect(options.body.user.name).toBe(user.email);
    expect(options.body.user.name).not.toContain("iPhone");
  });

  it("asks for a discoverable credential and user verification", async () => {
    const { browser } = await signUp();

    const options = await registrationOptions(browser);

    expect(options.body.authenticatorSelection).toMatchObject({
      residentKey: "required",
      userVerification: "required",
    });
  });

  it("refuses an authenticator that did not verify the user, and stores nothing", async () => {
    const { browser, user } = await signUp();
    const authenticator = new SoftwareAuthenticator({ flags: { userVerified: false } });

    const response = await registerPasskey(browser, authenticator);

    expect(response.status).toBe(400);
    expect(response.body.code).toBe("USER_VERIFICATION_REQUIRED");
    expect(await passkeysOf(user.id)).toHaveLength(0);
  });

  it("refuses a credential ID that is already registered to another account", async () => {
    const first = await signUp();
    const second = await signUp();
    const authenticator = new SoftwareAuthenticator();
    expect((await registerPasskey(first.browser, authenticator)).status).toBe(200);

    const response = await registerPasskey(second.browser, authenticator);

    expect(response.status).toBe(409);
    expect(response.body.code).toBe("PASSKEY_ALREADY_REGISTERED");
    expect(await passkeysWithCredential(authenticator.credentialId)).toHaveLength(1);
    expect(await passkeysOf(second.user.id)).toHaveLength(0);
  });

  it("refuses the same credential twice for one account", async () => {
    const { browser, user } = await signUp();
    const authenticator = new SoftwareAuthenticator();
    await registerPasskey(browser, authenticator);

    const response = await registerPasskey(browser, authenticator);

    expect(response.status).toBe(409);
    expect(await passkeysOf(user.id)).toHaveLength(1);
  });

  it("stores a credential once when two accounts register it at the same moment", async () => {
    const [first, second] = await Promise.all([signUp(), signUp()]);
    const authenticator = new SoftwareAuthenticator();

    const responses = await Promise.all([
      registerPasskey(first.browser, authenticator),
      registerPasskey(second.browser, authenticator),
    ]);

    expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
    expect(await passkeysWithCredential(authenticator.credentialId)).toHaveLength(1);
  });

  it("refuses a registration made for another origin, and burns its challenge", async () => {
    const { browser, user } = await signUp();
    const authenticator = new SoftwareAuthenticator();
    const options = await registrationOptions(browser);
    const forged = authenticator.createCredential(options.body, { origin: "http://evil.localhost:3000" });
    const genuine = authenticator.createCredential(options.body);

    const refused = await browser.post<{ code: string }>("/passkey/verify-registration", {
      response: forged,
    });
    const retried = await browser.post<{ code: string }>("/passkey/verify-registration", {
      response: genuine,
    });

    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe("PASSKEY_NOT_VERIFIED");
    expect(retried.status).toBe(400);
    expect(retried.body.code).toBe("CHALLENGE_NOT_FOUND");
    expect(await passkeysOf(user.id)).toHaveLength(0);
  });

  it.each([
    ["a wrong RP ID", { rpId: "evil.localhost" }],
    ["a wrong challenge", { challenge: "c29tZS1vdGhlci1jaGFsbGVuZ2U" }],
    ["an assertion's client data type", { type: "webauthn.get" }],
  ])("refuses a registration with %s", async (_, overrides) => {
    const { browser, user } = await signUp();

    const response = await registerPasskey(browser, new SoftwareAuthenticator(), { overrides });

    expect(response.status).toBe(400);
    expect(response.body.code).toBe("PASSKEY_NOT_VERIFIED");
    expect(await passkeysOf(user.id)).toHaveLength(0);
  });

  it("refuses a registration finished after signing out, and stores nothing", async () => {
    const { browser, user } = await signUp();
    const options = await registrationOptions(browser);
    const response = new SoftwareAuthenticator().createCredential(options.body);
    expect((await browser.post("/sign-out")).status).toBe(200);

    const verify = await browser.post("/passkey/verify-registration", { response });

    expect(verify.status).toBe(401);
    expect(await passkeysOf(user.id)).toHaveLength(0);
  });

  it("refuses a replayed registration response", async () => {
    const { browser, user } = await signUp();
    const options = await registrationOptions(browser);
    const response = new SoftwareAuthenticator().createCredential(options.body);
    const attacker = browser.clone();
    expect((await browser.post("/passkey/verify-registration", { response })).status).toBe(200);

    const replayed = await attacker.post<{ code: string }>("/passkey/verify-registration", { response });

    expect(replayed.status).toBe(400);
    expect(replayed.body.code).toBe("CHALLENGE_NOT_FOUND");
    expect(await passkeysOf(user.id)).toHaveLength(1);
  });

  it("needs a session to ask for options or to register", async () => {
    const anonymous = new TestBrowser();
    const options = await registrationOptions(anonymous);
    const { browser } = await signUp();
    const validOptions = await registrationOptions(browser);
    const response = new SoftwareAuthenticator().createCredential(validOptions.body);

    const verify = await anonymous.post("/passkey/verify-registration", { response });

    expect(options.status).toBe(401);
    expect(verify.status).toBe(401);
  });

  it.each([
    ["no response at all", {}],
    ["a response that is a string", { response: "hello" }],
    [
      "a response without attestation",
      { response: { id: "abc", rawId: "abc", type: "public-key", response: {} } },
    ],
    [
      "fields that are not base64url",
      {
        response: {
          id: "not base64!",
          rawId: "not base64!",
          type: "public-key",
          response: { clientDataJSON: "%%%", attestationObject: "%%%" },
        },
      },
    ],
    [
      "a credential ID that is an object",
      { response: { id: { $ne: null }, rawId: "abc", type: "public-key" } },
    ],
  ])("answers 400 to %s", async (_, body) => {
    const { browser, user } = await signUp();
    await registrationOptions(browser);

    const response = await browser.post<{ code: string }>("/passkey/verify-registration", body);

    expect(response.status).toBe(400);
    expect(await passkeysOf(user.id)).toHaveLength(0);
  });

  it("answers 400 to a body that is not JSON", async () => {
    const { browser } = await signUp();

    const response = await browser.post("/passkey/verify-registration", undefined, { rawBody: "{not json" });

    expect(response.status).toBe(400);
  });
});

describe("the registration rules, whatever the plugin keeps to itself", () => {
  it("refuses an authenticator that did not verify the user when the plugin renames its challenge cookie", async () => {
    const { browser, user } = await signUp();
    const auth = authWithChallengeCookie("renamed-challenge");
    const session = `better-auth.session_token=${browser.cookieValue("session_token")}`;

    const unverified = await registerThrough(auth, session, { userVerified: false });
    const verified = await registerThrough(auth, session, { userVerified: true });

    expect(unverified.status).toBe(400);
    expect(unverified.body.code).toBe("USER_VERIFICATION_REQUIRED");
    expect(verified.status).toBe(200);
    expect(await passkeysOf(user.id)).toHaveLength(1);
  });
});

/**
 * The app's passkey plugin and policy, in an instance whose plugin keeps its challenge under
 * another cookie name, as a setting or a later version of the plugin may.
 */
function authWithChallengeCookie(webAuthnChallengeCookie: string) {
  return betterAuth({
    baseURL: APP_ORIGIN,
    secret: process.env.BETTER_AUTH_SECRET,
    database: drizzleAdapter(db(), { provider: "pg", schema, transaction: true }),
    telemetry: { enabled: false },
    plugins: [
      passkey({
        rpID: new URL(APP_ORIGIN).hostname,
        origin: [APP_ORIGIN],
        ...passkeyPolicyOptions(passkeySignUpRegistration()),
        advanced: { webAuthnChallengeCookie },
      }),
      passkeyPolicy(),
    ],
  });
}

/** Options, then a response from a new authenticator, as a signed-in browser sends them to `auth`. */
async function registerThrough(
  auth: ReturnType<typeof authWithChallengeCookie>,
  session: string,
  flags: { userVerified: boolean },
) {
  const send = (path: string, cookie: string, body?: unknown) =>
    auth.handler(
      new Request(`${APP_ORIGIN}/api/auth${path}`, {
        method: body ? "POST" : "GET",
        headers: { origin: APP_ORIGIN, cookie, "content-type": "application/json" },
        body: body ? JSON.stringify(body) : undefined,
      }),
    );
  const options = await send("/passkey/generate-register-options", session);
  expect(options.status).toBe(200);
  const challenge = options.headers.getSetCookie().map((line) => line.split(";")[0]);
  const response = new SoftwareAuthenticator({ flags }).createCredential(await options.json());
  const verify = await send("/passkey/verify-registration", [session, ...challenge].join("; "), { response });
  return { status: verify.status, body: (await verify.json()) as { code?: string } };
}
