import { defineErrorCodes } from "@better-auth/core/utils/error-codes";

export const STEP_UP_ERROR_CODES = defineErrorCodes({
  STEP_UP_REQUIRED: "Confirm it's you to continue.",
  STEP_UP_CHALLENGE_NOT_FOUND: "The passkey request expired. Please try again.",
  STEP_UP_PASSKEY_NOT_VERIFIED: "This passkey could not confirm it's you. Use one of your own passkeys.",
  STEP_UP_PASSWORD_INCORRECT: "That password is not correct.",
  STEP_UP_NO_PASSWORD: "This account has no password. Confirm with a passkey instead.",
  STEP_UP_NO_PASSKEY: "This account has no passkey. Confirm with your password instead.",
});
