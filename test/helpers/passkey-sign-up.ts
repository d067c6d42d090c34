import { expect } from "vitest";
import { TestBrowser, uniqueEmail } from "./browser";
import { firstLink, latestMailTo } from "./mailbox";
import type { ApiError } from "./passkey-ceremonies";
import { type RegistrationOverrides, SoftwareAuthenticator } from "./software-authenticator";

export type SignUpOptions = {
  challenge: string;
  rp: { id?: string };
  user: { id: string; name: string; displayName: string };
};

/** Asks for a passkey-first sign-up and returns the token of the mailed link. */
export async function startPasskeySignUp(email: string, browser = new TestBrowser()): Promise<string> {
  const response = await browser.post("/sign-up/passkey", { name: "Grace Hopper", email });
  expect(response.status).toBe(200);
  const link = firstLink(await latestMailTo(email));
  expect(link.pathname).toBe("/sign-up/passkey");
  return new URLSearchParams(link.hash.slice(1)).get("token") as string;
}

/** What the finish page sends: options for the token, the authenticator's response, and a request for a session. */
export async function finishPasskeySignUp(
  browser: TestBrowser,
  token: string,
  authenticator: SoftwareAuthenticator,
  { overrides, createSession = true }: { overrides?: RegistrationOverrides; createSession?: boolean } = {},
) {
  const options = await browser.get<SignUpOptions & ApiError>(
    `/passkey/generate-register-options?context=${encodeURIComponent(token)}`,
  );
  if (options.status !== 200) return { options, verify: null };
  const response = authenticator.createCredential(options.body, overrides);
  const verify = await browser.post<ApiError & { user?: { id: string }; session?: { id: string } }>(
    "/passkey/verify-registration",
    { response, createSession },
  );
  return { options, verify };
}

/** A new account whose only way in is a passkey, signed in, as passkey-first sign-up leaves it. */
export async function signUpWithPasskey(authenticator = new SoftwareAuthenticator(), email = uniqueEmail()) {
  const browser = new TestBrowser();
  const { verify } = await finishPasskeySignUp(browser, await startPasskeySignUp(email), authenticator);
  if (verify?.status !== 200 || !verify.body.user) {
    throw new Error(`passkey sign-up failed: ${verify?.status} ${JSON.stringify(verify?.body)}`);
  }
  return { browser, user: verify.body.user, authenticator } as const;
}
