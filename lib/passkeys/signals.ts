/**
 * The WebAuthn Signal API tells the user's password manager what the server knows, so it stops
 * offering passkeys that no longer work. Newer than TypeScript's DOM types and not in every browser:
 * each call is feature-detected, and a browser that refuses is not an error for the user.
 */
type SignalApi = {
  signalAllAcceptedCredentials?: (options: {
    rpId: string;
    userId: string;
    allAcceptedCredentialIds: string[];
  }) => Promise<void>;
  signalCurrentUserDetails?: (options: {
    rpId: string;
    userId: string;
    name: string;
    displayName: string;
  }) => Promise<void>;
  signalUnknownCredential?: (options: { rpId: string; credentialId: string }) => Promise<void>;
};

function signalApi(): SignalApi | undefined {
  return globalThis.PublicKeyCredential as SignalApi | undefined;
}

export type PasskeyAccount = { rpId: string; userHandle: string; name: string; displayName: string };

/** After a passkey is removed or renamed: these are the account's passkeys now, and this is its user. */
export function signalAccountPasskeys(account: PasskeyAccount, credentialIds: string[]): void {
  const api = signalApi();
  const userId = account.userHandle;
  api
    ?.signalAllAcceptedCredentials?.({ rpId: account.rpId, userId, allAcceptedCredentialIds: credentialIds })
    .catch(() => {});
  api
    ?.signalCurrentUserDetails?.({
      rpId: account.rpId,
      userId,
      name: account.name,
      displayName: account.displayName,
    })
    .catch(() => {});
}

/** A sign-in used a passkey the server does not know (removed, or from another install). */
export function signalUnknownPasskey(rpId: string, credentialId: string): void {
  signalApi()
    ?.signalUnknownCredential?.({ rpId, credentialId })
    .catch(() => {});
}
