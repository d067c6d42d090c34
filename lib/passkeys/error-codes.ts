import { defineErrorCodes } from "@better-auth/core/utils/error-codes";

export const PASSKEY_POLICY_ERROR_CODES = defineErrorCodes({
  INVALID_PASSKEY_RESPONSE: "The passkey response is malformed.",
  PASSKEY_NOT_VERIFIED: "This passkey could not be verified. Please try again.",
  USER_VERIFICATION_REQUIRED:
    "Your device did not confirm it was you. Use a passkey with a fingerprint, face or PIN check.",
  PASSKEY_ALREADY_REGISTERED: "This passkey is already registered.",
  INVALID_PASSKEY_NAME: "Passkey names are 1 to 64 visible characters.",
  LAST_SIGN_IN_METHOD:
    "This passkey is your only way to sign in. Add another passkey first, then remove this one.",
  INVALID_SIGN_OUT_CHOICE: "signOutItsSessions must be true or false.",
});

export type PolicyError = (typeof PASSKEY_POLICY_ERROR_CODES)[keyof typeof PASSKEY_POLICY_ERROR_CODES];
