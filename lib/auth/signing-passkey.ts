import { defineRequestState, hasRequestState } from "@better-auth/core/context";

/** A passkey row as Better Auth's adapter returns it, with its owner's row (the `user` join). */
export type SigningPasskey = {
  id: string;
  userId: string;
  credentialID: string;
  name: string | null;
  deviceType: string;
  backedUp: boolean;
  user: { id: string };
};

const signingPasskeyState = defineRequestState<SigningPasskey | null>(() => null);

/**
 * The passkey a passkey sign-in names, with its owner, read once per request by the user-handle
 * check (lib/passkeys/authentication.ts) and shared with everything after it in that request: the
 * passkey plugin's own lookups (lib/passkeys/sign-in-reads.ts), the session it stamps and the log
 * entry. Kept in Better Auth's request state, which each API call has its own of.
 */
export async function signingPasskey(): Promise<SigningPasskey | null> {
  return (await hasRequestState()) ? signingPasskeyState.get() : null;
}

export async function rememberSigningPasskey(read: SigningPasskey): Promise<void> {
  if (await hasRequestState()) await signingPasskeyState.set(read);
}
