import { defineErrorCodes } from "@better-auth/core/utils/error-codes";
import { site } from "@/config/site";

export const EMAIL_CHANGE_ERROR_CODES = defineErrorCodes({
  SAME_EMAIL: "That is already your email address.",
  NEW_EMAIL_UNDELIVERABLE:
    "The mail server for that address refused our mail. Check it for a typo, or use another address.",
  LINK_EXPIRED: "This link has expired or was already used.",
  OTHER_ACCOUNT:
    "This link is for another account. Sign out, then sign in as the account that asked for the change.",
  EMAIL_TAKEN: `Another ${site.name} account has used this address since the link was sent, so your email stays as it was.`,
  OLD_EMAIL_TAKEN: `Another ${site.name} account uses your old address now, so it cannot be given back to this one.`,
});
