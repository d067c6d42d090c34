import type { AuthClientError } from "@/lib/auth-messages";
import { signalUnknownPasskey } from "@/lib/passkeys/signals";

/**
 * A passkey sign-in, through the browser's autofill or its passkey picker. A passkey the server does
 * not know (removed here, still in the password manager) is reported to the browser, so that it
 * stops offering it.
 */
export async function signInWithPasskey({ rpId, autoFill = false }: { rpId: string; autoFill?: boolean }) {
  const { authClient } = await loadAuthClient();
  const result = await authClient.signIn.passkey({ autoFill, returnWebAuthnResponse: true });
  const credentialId = "webauthn" in result ? result.webauthn?.response.id : undefined;
  const error: AuthClientError | null = result.error;
  if (error?.code === "PASSKEY_NOT_FOUND" && credentialId) signalUnknownPasskey(rpId, credentialId);
  return result;
}

/**
 * The auth client (Better Auth's, its fetch layer, the WebAuthn calls) is fetched when a sign-in
 * first needs it, after the page is interactive, rather than with the page: on /sign-in it would
 * be most of the page's own JavaScript.
 */
export function loadAuthClient() {
  return import("@/lib/auth-client");
}
