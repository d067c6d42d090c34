import { defaultPasskeyName } from "@/lib/passkeys/authenticators";
import type { ActiveSession } from "@/lib/sessions/active-sessions";
import { isSignInMethod, SIGN_IN_METHOD_WORDS } from "@/lib/sign-in-methods/methods";

/** What a session signed in with, to end "Signed in … with": `the passkey "MacBook"`; null when not recorded. */
export function signedInWith({ signInMethod, passkey }: Pick<ActiveSession, "signInMethod" | "passkey">) {
  if (signInMethod === "passkey" && passkey)
    return `the passkey "${passkey.name || defaultPasskeyName(passkey)}"`;
  return isSignInMethod(signInMethod) ? SIGN_IN_METHOD_WORDS[signInMethod].usedWith : null;
}
