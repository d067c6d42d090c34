import { site } from "@/config/site";
import type { Mail } from "@/lib/mail";

/**
 * What the sign-up form sends. It answers "check your inbox" whatever the email; only the owner of
 * the address learns, from one of these mails, whether it already had an account.
 */

export function finishSignUpMail(to: string, url: string): Mail {
  return {
    to,
    subject: `Finish creating your ${site.name} account`,
    text: [
      `Someone, hopefully you, started creating a ${site.name} account with this email address.`,
      "",
      `To finish, open this link within an hour: ${url}`,
      "",
      "If it wasn't you, ignore this mail: no account is created without it.",
    ].join("\n"),
  };
}

export function existingAccountMail(to: string, signInUrl: string): Mail {
  return {
    to,
    subject: `You already have a ${site.name} account`,
    text: [
      `Someone, hopefully you, tried to create a ${site.name} account with this email address.`,
      "",
      `You already have an account, so sign in instead: ${signInUrl}`,
      "",
      "If it wasn't you, ignore this mail: nothing about your account has changed.",
    ].join("\n"),
  };
}
