import { signUp } from "./browser";
import { passkeysOf, registerPasskey } from "./passkey-ceremonies";
import { SoftwareAuthenticator } from "./software-authenticator";

/** A password account with `count` passkeys, named "Passkey 1", "Passkey 2"…, and their rows. */
export async function accountWithPasskeys(count = 1) {
  const { browser, user } = await signUp();
  const authenticators = Array.from({ length: count }, () => new SoftwareAuthenticator());
  for (const [index, authenticator] of authenticators.entries()) {
    await registerPasskey(browser, authenticator, { name: `Passkey ${index + 1}` });
  }
  // In the authenticators' order: rows made in the same millisecond come back in any order.
  const stored = await passkeysOf(user.id);
  const passkeys = authenticators.map((authenticator) => {
    const row = stored.find((candidate) => candidate.credentialID === authenticator.credentialId);
    if (!row) throw new Error("setup: a passkey was not stored");
    return row;
  });
  return { browser, user, authenticators, passkeys };
}
