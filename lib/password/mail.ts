import { site } from "@/config/site";
import type { Mail } from "@/lib/mail";

/**
 * What a request for a password reset sends. The form answers the same for every address; only
 * the owner of one that has an account learns, from one of these mails, what it can do.
 */

export function resetLinkMail(to: string, url: string): Mail {
  return {
    to,
    subject: `Reset your ${site.name} password`,
    text: [
      `Someone, hopefully you, asked to reset the password of your ${site.name} account.`,
      "",
      `To choose a new one, open this link within an hour: ${url}`,
      "",
      "It works once. Setting a new password signs you out everywhere.",
      "",
      "If it wasn't you, ignore this mail: your password stays as it is.",
    ].join("\n"),
  };
}

/**
 * To an account without a password: nothing to reset, and no link that would add one, since a
 * mailbox alone must not give a passwordless account a password (lib/password/passwordless.ts).
 */
export function noPasswordMail(
  to: string,
  urls: { signIn: string; recover: { name: string; url: string } | null },
): Mail {
  return {
    to,
    subject: `Your ${site.name} account has no password`,
    text: [
      `Someone, hopefully you, asked to reset the password of your ${site.name} account.`,
      "",
      "Your account has no password: it signs in with a passkey, so there is nothing to reset.",
      "",
      `Sign in with your passkey: ${urls.signIn}`,
      ...(urls.recover ? [`Lost your passkeys? Sign in with ${urls.recover.name}: ${urls.recover.url}`] : []),
      "",
      "If it wasn't you, ignore this mail: nothing about your account has changed.",
    ].join("\n"),
  };
}
