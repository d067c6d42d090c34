import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { HookContext } from "@/lib/auth/hook-context";

/**
 * A sign-up between "check your inbox" and the moment the link's holder chooses the account's
 * credential (a passkey, or a password): who asked (name, email) and the ID the account will have,
 * kept in the verification table under a hash of the mailed token, so that the database alone
 * cannot finish anyone's sign-up. Nothing else is kept: whoever asked chose no credential, since
 * they need not own the address.
 */
export type PendingSignUp = { userId: string; email: string; name: string };

/** How long the mailed link works. */
export const PENDING_SIGN_UP_SECONDS = 60 * 60;

/** What every pending sign-up's identifier in the verification table starts with. */
export const PENDING_SIGN_UP_PREFIX = "sign-up:";

type InternalAdapter = HookContext["context"]["internalAdapter"];

/** The key the pending sign-up is stored under: never the token itself. */
export function pendingSignUpKey(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

export async function createPendingSignUp(
  adapter: InternalAdapter,
  signUp: Omit<PendingSignUp, "userId">,
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const pending: PendingSignUp = { userId: randomUUID(), ...signUp };
  await adapter.createVerificationValue({
    identifier: PENDING_SIGN_UP_PREFIX + pendingSignUpKey(token),
    value: JSON.stringify(pending),
    expiresAt: new Date(Date.now() + PENDING_SIGN_UP_SECONDS * 1000),
  });
  return token;
}

/** The live pending sign-up under `key`, left in place. */
export async function findPendingSignUp(
  adapter: InternalAdapter,
  key: string,
): Promise<PendingSignUp | null> {
  const stored = await adapter.findVerificationValue(PENDING_SIGN_UP_PREFIX + key);
  if (!stored || stored.expiresAt < new Date()) return null;
  return JSON.parse(stored.value) as PendingSignUp;
}

/** Takes the pending sign-up under `key` out of the table; of concurrent callers, one gets it. */
export async function consumePendingSignUp(
  adapter: InternalAdapter,
  key: string,
): Promise<PendingSignUp | null> {
  const stored = await adapter.consumeVerificationValue(PENDING_SIGN_UP_PREFIX + key);
  if (!stored || stored.expiresAt < new Date()) return null;
  return JSON.parse(stored.value) as PendingSignUp;
}
