import type { BetterAuthOptions } from "better-auth";
import type { AccountSignInMethods } from "@/lib/sign-in-methods/methods";
import { signInMethodsOf } from "@/lib/sign-in-methods/queries";
import { wayBackInStateOf } from "@/lib/sign-in-methods/way-back-in";
import type { PASSWORD_ERROR_CODES } from "./error-codes";

/** Why the password cannot go yet: the code of PASSWORD_ERROR_CODES the API answers with. */
export type PasswordRemovalBlocker = Extract<
  keyof typeof PASSWORD_ERROR_CODES,
  "NO_PASSWORD" | "NO_PASSKEY" | "NO_RECOVERY_PATH"
>;

/**
 * Whether an account may go passwordless: it keeps a passkey to sign in with, and a way back in
 * should that passkey be lost (a second passkey, or the way back in a feature offers: an unused
 * recovery code, lib/sign-in-methods/way-back-in.ts). A mailed link never
 * sets a password on an account without one (lib/password/reset.ts), so once the password is gone
 * these are the only ways in: that is what leaves nothing to phish.
 */
export function passwordRemovalBlocker(
  methods: AccountSignInMethods,
  wayBackInUsesLeft: number,
): PasswordRemovalBlocker | null {
  if (!methods.hasPassword) return "NO_PASSWORD";
  if (methods.passkeys === 0) return "NO_PASSKEY";
  if (wayBackInUsesLeft === 0 && methods.passkeys < 2) return "NO_RECOVERY_PATH";
  return null;
}

export type PasswordStatus = AccountSignInMethods & {
  /** Why removing the password would be refused now; null when it may go. */
  removalBlocker: PasswordRemovalBlocker | null;
};

/** What the account page and the security overview say about the account's password. */
export async function passwordStatus(
  options: Pick<BetterAuthOptions, "plugins">,
  userId: string,
): Promise<PasswordStatus> {
  const [methods, wayBackIn] = await Promise.all([
    signInMethodsOf(userId),
    wayBackInStateOf(options, userId),
  ]);
  return { ...methods, removalBlocker: passwordRemovalBlocker(methods, wayBackIn.usesLeft) };
}
