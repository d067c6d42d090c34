import { site } from "@/site.config";

/** An error as Better Auth's client returns it. */
export type AuthClientError = { code?: string | undefined; message?: string | undefined; status?: number };

/** The browser stopped the ceremony itself: the user dismissed the prompt, or had no passkey to offer. */
export function isCeremonyCancelled(error: AuthClientError): boolean {
  return error.code === "AUTH_CANCELLED" || (error.code?.startsWith("ERROR_") ?? false);
}

/** Another ceremony (the button, or a re-armed autofill) took over; nothing for the user to see. */
export function isCeremonyAborted(error: AuthClientError): boolean {
  return error.code === "ERROR_CEREMONY_ABORTED";
}

const messages: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: "That email and password don't match an account.",
  EMAIL_NOT_VERIFIED: "Confirm your email first: we've sent you a new link.",
  USER_ALREADY_EXISTS: "An account with this email already exists. Sign in instead.",
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: "An account with this email already exists. Sign in instead.",
  PASSWORD_TOO_SHORT: "Use a password of at least 8 characters.",
  PASSWORD_TOO_LONG: "Use a password of at most 128 characters.",
  INVALID_EMAIL: "Enter a valid email address.",
  PASSKEY_NOT_FOUND: `This passkey is not registered with ${site.name}. Sign in another way, then add it again.`,
  ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED: "This device already has a passkey for your account.",
  PREVIOUSLY_REGISTERED: "This device already has a passkey for your account.",
  CHALLENGE_NOT_FOUND: "The passkey request expired. Please try again.",
  TOO_MANY_REQUESTS: "Too many attempts. Wait a moment, then try again.",
  TOO_MANY_ATTEMPTS: "Too many attempts on this account. Wait 15 minutes, then try again.",
};

/** A sentence for the user: ours for known codes, else the server's own message. */
export function describeAuthError(error: AuthClientError): string {
  if (error.status === 429 && !error.code) return messages.TOO_MANY_REQUESTS as string;
  return (error.code && messages[error.code]) || error.message || "Something went wrong. Please try again.";
}
