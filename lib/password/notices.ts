import { site } from "@/config/site";
import type { Mail } from "@/lib/mail";
import { type NoticeFacts, notice } from "@/lib/security-activity/notices";

/** What the owner is told after each change to the account's password, whoever made it. */

export function passwordResetNotice(facts: NoticeFacts): Mail {
  return notice(
    facts,
    `Your ${site.name} password was reset`,
    `The password of your ${site.name} account was reset with a link mailed to this address, and every session was signed out.`,
  );
}

export function passwordChangedNotice(facts: NoticeFacts): Mail {
  return notice(
    facts,
    `Your ${site.name} password was changed`,
    `The password of your ${site.name} account was changed, and every other session was signed out.`,
  );
}

export function passwordRemovedNotice(facts: NoticeFacts): Mail {
  return notice(
    facts,
    `Your ${site.name} account no longer has a password`,
    `The password was removed from your ${site.name} account: it now signs in only with its passkeys, or a recovery code. Sessions signed in with the password were signed out.`,
  );
}

export function passwordAddedNotice(facts: NoticeFacts): Mail {
  return notice(
    facts,
    `A password was added to your ${site.name} account`,
    `A password was added to your ${site.name} account. It can now sign in with that password as well as its passkeys.`,
  );
}
