import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { SoftwareAuthenticator } from "../test/helpers/software-authenticator";
import { BenchBrowser, type Reply, type Target } from "./http-client";

const API = "/api/auth/passkey";

/** One seeded account: its passkey lives in `authenticator`, and in both servers' databases. */
export type BenchUser = { id: string; email: string; authenticator: SoftwareAuthenticator };

export class CeremonyError extends Error {}

function expectOk<T>(step: string, reply: Reply<T>): T {
  if (reply.status !== 200) {
    throw new CeremonyError(`${step}: ${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`);
  }
  return reply.body;
}

/**
 * The full passkey sign-in of a signed-out browser: options (and the challenge cookie), an ES256
 * assertion from the software authenticator, verification (and the session cookie).
 */
export async function signIn(target: Target, user: BenchUser): Promise<BenchBrowser> {
  const browser = new BenchBrowser(target);
  const options = expectOk(
    "generate-authenticate-options",
    await browser.get<PublicKeyCredentialRequestOptionsJSON>(`${API}/generate-authenticate-options`),
  );
  // The authenticator was made once for both servers; each ceremony names the page it runs on.
  const response = user.authenticator.getAssertion(options, { origin: target.origin });
  expectOk("verify-authentication", await browser.post(`${API}/verify-authentication`, { response }));
  return browser;
}

/** Adds a passkey from a signed-in browser: a new credential each time, as a new device would. */
export async function register(browser: BenchBrowser): Promise<void> {
  browser.nextCeremony();
  const options = expectOk(
    "generate-register-options",
    await browser.get<PublicKeyCredentialCreationOptionsJSON>(`${API}/generate-register-options?name=Bench`),
  );
  const device = new SoftwareAuthenticator({ origin: browser.target.origin });
  const response = device.createCredential(options);
  expectOk(
    "verify-registration",
    await browser.post(`${API}/verify-registration`, { response, name: "Bench" }),
  );
}

/** The settings page's list of the user's passkeys. */
export async function listPasskeys(browser: BenchBrowser): Promise<void> {
  browser.nextCeremony();
  expectOk("list-user-passkeys", await browser.get(`${API}/list-user-passkeys`));
}
