import { defineErrorCodes } from "@better-auth/core/utils/error-codes";

export const SIGN_UP_ERROR_CODES = defineErrorCodes({
  SIGN_UP_LINK_INVALID:
    "This sign-up link has expired or was already used. Start again from the sign-up page.",
  ACCOUNT_EXISTS: "An account with this email already exists. Sign in instead.",
  SIGNED_IN: "You're signed in. Sign out before creating another account.",
  SESSION_REQUIRED_FOR_SIGN_UP: "Creating an account with a passkey signs you in; ask for a session.",
  EMAIL_UNDELIVERABLE:
    "The mail server for this address refused our mail. Check the address for a typo, or use another one.",
});
