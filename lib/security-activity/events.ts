import { isSignInMethod, SIGN_IN_METHOD_WORDS } from "@/lib/sign-in-methods/methods";
import { type EventDescriptions, type EventDetails, passkeyKind, plain, plural, quoted } from "./describe";

declare module "@/lib/security-log/events" {
  interface SecurityEventKinds {
    /**
     * details: { method: SignInMethod (lib/sign-in-methods/methods.ts), passkeyId?, name? (the
     * passkey's, at the time), deviceType?, backedUp?, newDevice?, remaining? }. A recovery-code sign-in is the redemption of that code;
     * `remaining` is how many codes are left after it.
     */
    sign_in: true;
    /** A failed sign-in on an existing account. details: { method } */
    sign_in_failed: true;
  }
}

/**
 * A method this code does not know (a row from another version, or written by hand) is named as no
 * method at all: "your password" would tell the owner a password was used when it may not have been.
 */
function signIn({ method, ...details }: EventDetails): string {
  if (method === "passkey") {
    return details.name
      ? `Signed in with the ${passkeyKind(details)} passkey ${quoted(details.name)}`
      : `Signed in with a ${passkeyKind(details)} passkey`;
  }
  if (method === "recovery_code" && details.remaining !== undefined) {
    return `Signed in with a recovery code (${plural(details.remaining, "code", "codes")} left)`;
  }
  return isSignInMethod(method) ? `Signed in with ${SIGN_IN_METHOD_WORDS[method].usedWith}` : "Signed in";
}

function failedSignIn({ method }: EventDetails): string {
  return isSignInMethod(method)
    ? `Failed sign-in attempt with ${SIGN_IN_METHOD_WORDS[method].refusedWith}`
    : "Failed sign-in attempt";
}

export const SIGN_IN_EVENTS = {
  sign_in: (details) =>
    details.newDevice
      ? { summary: signIn(details), attention: true, badge: "New device" }
      : plain(signIn(details)),
  sign_in_failed: (details) => ({ summary: failedSignIn(details), attention: true }),
} satisfies EventDescriptions;
