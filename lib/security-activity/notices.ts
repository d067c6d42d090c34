import { routes, site } from "@/config/site";
import { readableIpAddress } from "@/lib/format/ip-address";
import { describeUserAgent } from "@/lib/format/user-agent";
import type { Mail } from "@/lib/mail";
import type { RequestFacts } from "@/lib/security-log/events";

/** Who gets the notice, and the facts every notice states: when, and from where. */
export type NoticeFacts = {
  to: string;
  at: Date;
  request: RequestFacts;
  /** Public origin of the app, for the link back to the security settings. */
  appUrl: string;
};

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

/**
 * A plain-text notice: what happened, when, where, and what to do if it wasn't the user. Every
 * security notice has this shape; a feature words its own (lib/password/notices.ts).
 */
export function notice(facts: NoticeFacts, subject: string, what: string): Mail {
  const where = [
    describeUserAgent(facts.request.userAgent),
    facts.request.ipAddress && `IP address ${readableIpAddress(facts.request.ipAddress)}`,
  ]
    .filter(Boolean)
    .join(", ");
  return {
    to: facts.to,
    subject,
    text: [
      what,
      "",
      `When:  ${when.format(facts.at)} UTC`,
      `Where: ${where}`,
      "",
      "If this was you, there is nothing to do.",
      `Wasn't you? Check your account's security now: ${facts.appUrl}${routes.security}`,
      "",
      `— ${site.name}`,
    ].join("\n"),
  };
}

export function newPasskeyNotice(
  facts: NoticeFacts,
  passkey: { name: string | null; synced: boolean },
): Mail {
  const kind = passkey.synced ? "a synced passkey" : "a device-bound passkey";
  const named = passkey.name ? `"${passkey.name}" (${kind})` : kind;
  return notice(
    facts,
    `A passkey was added to your ${site.name} account`,
    `A new passkey, ${named}, was added to your ${site.name} account. It can now sign in to your account.`,
  );
}

export function recoveryCodeUsedNotice(facts: NoticeFacts, remaining: number): Mail {
  const left = `${remaining} recovery ${remaining === 1 ? "code is" : "codes are"} left.`;
  return notice(
    facts,
    `A recovery code was used to sign in to your ${site.name} account`,
    `Someone signed in to your ${site.name} account with one of your recovery codes. That code no longer works; ${left}`,
  );
}

export function newDeviceNotice(facts: NoticeFacts): Mail {
  return notice(
    facts,
    `New sign-in to your ${site.name} account`,
    `Your ${site.name} account was signed in to from a browser and device it has not been signed in from before.`,
  );
}
