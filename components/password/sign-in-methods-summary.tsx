import { site } from "@/config/site";
import type { AccountSignInMethods } from "@/lib/sign-in-methods/methods";

/**
 * What the account signs in with, in one plain sentence, and what that means for phishing: a
 * passkey works on this site alone, while a password works wherever it is typed.
 */
export function SignInMethodsSummary({ passkeys, hasPassword }: AccountSignInMethods) {
  return (
    <p className="text-sm text-neutral-700 dark:text-neutral-300">{summaryOf({ passkeys, hasPassword })}</p>
  );
}

function summaryOf({ passkeys, hasPassword }: AccountSignInMethods): string {
  if (passkeys > 0 && !hasPassword) {
    return `You sign in with a passkey only. Your account is phishing-resistant: it has no password to give away, and a passkey works on ${site.name} alone.`;
  }
  if (passkeys > 0) {
    return "You sign in with a passkey or your password. While the password remains, it can be phished: a look-alike site can ask you for it.";
  }
  if (hasPassword) {
    return "You sign in with your password only. A password can be phished: add a passkey, which a look-alike site cannot use.";
  }
  return "Your account has no passkey and no password: only a recovery code signs it in. Add a passkey.";
}
