import { recoveryCodeStatus } from "@/lib/recovery-codes/status";
import type { AccountSignInMethods } from "@/lib/sign-in-methods/methods";
import { signInMethodsOf } from "@/lib/sign-in-methods/queries";
import type { PASSWORD_ERROR_CODES } from "./error-codes";

/** Why the password cannot go yet: the code of PASSWORD_ERROR_CODES the API answers with. */
export type PasswordRemovalBlocker = Extract<
  keyof typeof PASSWORD_ERROR_CODES,
  "NO_PASSWORD" | "NO_PASSKEY" | "NO_RECOVERY_PATH"
>;

/**
 * Whether an account may go passwordless: it keeps a passkey to sign in with, and a way back in
 * should that passkey be lost (an unused recovery code, or a second passkey). A mailed link never
 * sets a password on an account without one (lib/password/reset.ts), so once the password is gone
 * these are the only ways in: that is what leaves nothing to phish.
 */
export function passwordRemovalBlocker(
  methods: AccountSignInMethods,
  unusedRecoveryCodes: number,
): PasswordRemovalBlocker | null {
  if (!methods.hasPassword) return "NO_PASSWORD";
  if (methods.passkeys === 0) return "NO_PASSKEY";
  if (unusedRecoveryCodes === 0 && methods.passkeys < 2) return "NO_RECOVERY_PATH";
  return null;
}

export type PasswordStatus = AccountSignInMethods & {
  /** Why removing the password would be refused now; null when it may go. */
  removalBlocker: PasswordRemovalBlocker | null;
};

/** What the account page and the security overview say about the account's password. */
export async function passwordStatus(userId: string): Promise<PasswordStatus> {
  const [methods, recovery] = await Promise.all([signInMethodsOf(userId), recoveryCodeStatus(userId)]);
  return { ...methods, removalBlocker: passwordRemovalBlocker(methods, recovery.remaining) };
}
