import { site } from "@/config/site";
import { STEP_UP_ERROR_CODES } from "@/lib/auth/step-up-errors";
import { SIGN_UP_ERROR_CODES } from "@/lib/sign-up/error-codes";

/** An error as Better Auth's client returns it. */
export type AuthClientError = { code?: string | undefined; message?: string | undefined; status?: number };

/** What a failed ceremony tells the user: a cancellation is information, anything else an error. */
export type Feedback = { tone: "error" | "info"; text: string };

/**
 * The user closed the step-up dialog: the sensitive action did not run. Made in the browser
 * (`useStepUp()`), never by the server.
 */
export const STEP_UP_CANCELLED = {
  code: "STEP_UP_CANCELLED",
  message: "Nothing was changed. Confirm it's you when you want to go ahead.",
} as const satisfies AuthClientError;

/**
 * The browser stopped the ceremony itself: the user dismissed the prompt, or had no passkey to
 * offer. The passkey client reports it as `AUTH_CANCELLED` or as SimpleWebAuthn's `ERROR_*` code (a
 * dismissed prompt is the browser's `NotAllowedError`, passed through as
 * `ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY`).
 */
export function isCeremonyCancelled(error: AuthClientError): boolean {
  return error.code === "AUTH_CANCELLED" || (error.code?.startsWith("ERROR_") ?? false);
}

/** Another ceremony (the button, or a re-armed autofill) took over; nothing for the user to see. */
export function isCeremonyAborted(error: AuthClientError): boolean {
  return error.code === "ERROR_CEREMONY_ABORTED";
}

/**
 * Sentences for the codes of Better Auth and its passkey plugin, whose own messages are terse
 * ("Challenge not found"). The app's own codes are not here: each is worded once, in its plugin's
 * `defineErrorCodes` table, and reaches the browser as the answer's message.
 */
const ALREADY_ON_THIS_DEVICE = "This device already has a passkey for your account.";
const messages: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: "That email and password don't match an account.",
  EMAIL_NOT_VERIFIED: "This account was never finished. Create your account again from the sign-up page.",
  USER_ALREADY_EXISTS: SIGN_UP_ERROR_CODES.ACCOUNT_EXISTS.message,
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: SIGN_UP_ERROR_CODES.ACCOUNT_EXISTS.message,
  INVALID_PASSWORD: "That isn't your current password.",
  CREDENTIAL_ACCOUNT_NOT_FOUND: "This account has no password: add one instead.",
  INVALID_TOKEN: "This link has expired, was already used, or is for a password that has changed since.",
  PASSWORD_TOO_SHORT: "Use a password of at least 8 characters.",
  PASSWORD_TOO_LONG: "Use a password of at most 128 characters.",
  INVALID_EMAIL: "Enter a valid email address.",
  PASSKEY_NOT_FOUND: `This passkey is not registered with ${site.name}. Sign in another way, then add it again.`,
  ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED: ALREADY_ON_THIS_DEVICE,
  PREVIOUSLY_REGISTERED: ALREADY_ON_THIS_DEVICE,
  CHALLENGE_NOT_FOUND: STEP_UP_ERROR_CODES.STEP_UP_CHALLENGE_NOT_FOUND.message,
  TOO_MANY_REQUESTS: "Too many attempts. Wait a moment, then try again.",
};

/** A sentence for the user: ours for Better Auth's codes, else the server's own message. */
export function describeAuthError(error: AuthClientError): string {
  if (error.status === 429 && !error.code) return messages.TOO_MANY_REQUESTS as string;
  return (error.code && messages[error.code]) || error.message || "Something went wrong. Please try again.";
}

/**
 * A sensitive action that did not run. A step-up the user closed is information, worded the same
 * wherever it happens; anything else is an error.
 */
export function describeActionFailure(error: AuthClientError): Feedback {
  if (error.code === STEP_UP_CANCELLED.code) return { tone: "info", text: STEP_UP_CANCELLED.message };
  return { tone: "error", text: describeAuthError(error) };
}

/**
 * A passkey ceremony that did not finish, or a step-up the user closed: said as information, in the
 * caller's words for a cancelled ceremony. An authenticator that already holds a passkey for this
 * account is an error, though SimpleWebAuthn reports it with an `ERROR_` code too.
 */
export function describeCeremonyFailure(error: AuthClientError, whenCancelled: string): Feedback {
  if (isCeremonyCancelled(error) && error.code !== "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED") {
    return { tone: "info", text: whenCancelled };
  }
  return describeActionFailure(error);
}
