import { site } from "@/config/site";
import type { Mail } from "@/lib/mail";

/**
 * What an email change sends. The request is answered the same whether or not the new address has
 * an account; only the mail to that address says which, and only its owner reads it.
 */

/** To the new address, when it is free: the link that proves the mailbox. */
export function confirmNewEmailMail(to: string, url: string): Mail {
  return {
    to,
    subject: `Confirm your new email address for ${site.name}`,
    text: [
      `Someone, hopefully you, asked to use this address for their ${site.name} account.`,
      "",
      `To confirm it, open this link within an hour, signed in to that account: ${url}`,
      "",
      "If it wasn't you, ignore this mail: nothing changes without it.",
    ].join("\n"),
  };
}

/** To the new address, when it already has an account: a note, and nothing to follow. */
export function emailInUseMail(to: string, signInUrl: string): Mail {
  return {
    to,
    subject: `This address already has an account on ${site.name}`,
    text: [
      `Someone asked to move another ${site.name} account to this email address.`,
      "",
      "It already belongs to an account, so nothing has changed, and no account can take it while it does.",
      "",
      `If you have forgotten how to reach your account, sign in here: ${signInUrl}`,
    ].join("\n"),
  };
}

/** To the old address, once the change is made: what happened, and the way back. */
export function emailChangedMail(to: string, newEmail: string, undoUrl: string): Mail {
  return {
    to,
    subject: `Your ${site.name} email address was changed`,
    text: [
      `The email address of your ${site.name} account was changed from ${to} to ${newEmail}.`,
      "",
      "If you made this change, there is nothing to do.",
      "",
      `If you didn't, open this link within 7 days to change it back and sign out every session: ${undoUrl}`,
      "",
      "Then sign in, and check your passkeys and recovery codes in your security settings.",
    ].join("\n"),
  };
}
