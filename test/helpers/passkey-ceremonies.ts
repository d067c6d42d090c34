import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { eq } from "drizzle-orm";
import { db } from "@/lib/db";
import { passkey, session } from "@/lib/db/schema";
import type { ApiResponse, TestBrowser } from "./browser";
import type {
  AssertionOverrides,
  RegistrationOverrides,
  SoftwareAuthenticator,
} from "./software-authenticator";

export type ApiError = { code?: string; message?: string };

/** What `authClient.passkey.addPasskey({ name })` sends: options (nickname in the query), then the response. */
export async function registerPasskey(
  browser: TestBrowser,
  authenticator: SoftwareAuthenticator,
  { name = "Test passkey", overrides }: { name?: string; overrides?: RegistrationOverrides } = {},
) {
  const options = await registrationOptions(browser, name);
  if (options.status !== 200) return options as ApiResponse<ApiError>;
  const response = authenticator.createCredential(options.body, overrides);
  return browser.post<ApiError & { id?: string }>("/passkey/verify-registration", { response, name });
}

export function registrationOptions(browser: TestBrowser, name = "Test passkey") {
  return browser.get<PublicKeyCredentialCreationOptionsJSON>(
    `/passkey/generate-register-options?name=${encodeURIComponent(name)}`,
  );
}

export function authenticationOptions(browser: TestBrowser) {
  return browser.get<PublicKeyCredentialRequestOptionsJSON>("/passkey/generate-authenticate-options");
}

/** What `authClient.signIn.passkey()` sends. */
export async function signInWithPasskey(
  browser: TestBrowser,
  authenticator: SoftwareAuthenticator,
  overrides?: AssertionOverrides,
) {
  const options = await authenticationOptions(browser);
  const response = authenticator.getAssertion(options.body, overrides);
  return browser.post<ApiError & { user?: { id: string } }>("/passkey/verify-authentication", { response });
}

export function passkeysOf(userId: string) {
  return db().select().from(passkey).where(eq(passkey.userId, userId));
}

export function passkeysWithCredential(credentialId: string) {
  return db().select().from(passkey).where(eq(passkey.credentialID, credentialId));
}

export async function sessionCount(userId: string): Promise<number> {
  return (await db().select().from(session).where(eq(session.userId, userId))).length;
}
