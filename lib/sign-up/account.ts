import type { User } from "better-auth";
import { APIError } from "better-auth/api";
import type { HookContext } from "@/lib/auth/hook-context";
import { isUniqueViolation } from "@/lib/db/errors";
import { SIGN_UP_ERROR_CODES } from "./error-codes";
import type { PendingSignUp } from "./pending";

type InternalAdapter = HookContext["context"]["internalAdapter"];

/** How the link's holder chose to sign in: Better Auth's name for the way the user came to be. */
export type SignUpMethod = "passkey" | "email-password";

/**
 * Creates the account of a pending sign-up, its address confirmed, for the holder of its link who
 * is choosing its credential now. Called inside the transaction that stores that credential and the
 * session, so that the account is there with both or not at all.
 */
export async function createSignUpAccount(
  adapter: InternalAdapter,
  pending: PendingSignUp,
  method: SignUpMethod,
): Promise<User> {
  const existing = await adapter.findUserByEmail(pending.email);
  if (existing?.user.emailVerified) throw APIError.from("CONFLICT", SIGN_UP_ERROR_CODES.ACCOUNT_EXISTS);
  // An account whose address was never confirmed has never signed in, and whoever made it did not
  // prove they own the address (lib/sign-up/abandoned.ts); the owner, who just did, takes it over.
  if (existing) await adapter.deleteUser(existing.user.id);
  try {
    return await adapter.createUser(
      { id: pending.userId, name: pending.name, email: pending.email, emailVerified: true },
      { method },
    );
  } catch (error) {
    // Two links for one address finished at the same moment: both saw no account, one created it.
    if (isUniqueViolation(error)) throw APIError.from("CONFLICT", SIGN_UP_ERROR_CODES.ACCOUNT_EXISTS);
    throw error;
  }
}
