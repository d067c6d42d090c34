import { defineErrorCodes } from "@better-auth/core/utils/error-codes";

export const PASSWORD_ERROR_CODES = defineErrorCodes({
  NO_PASSWORD: "This account has no password to remove.",
  HAS_PASSWORD: "This account already has a password: change it instead.",
  NO_PASSKEY: "Add a passkey first: without a password or a passkey, you could not sign in.",
  NO_RECOVERY_PATH:
    "Keep a way back in first: save recovery codes, or add a second passkey, then remove your password.",
});
