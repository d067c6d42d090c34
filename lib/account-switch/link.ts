import { serverConfig } from "@/config/env";
import { readEmailLink } from "@/lib/auth/email-links";
import { safeNext } from "@/lib/http/safe-next";

/**
 * The account a mailed /verify-email link acts on (the one whose email change it makes),
 * when it is another than the one this browser is signed in to; otherwise null. Opened signed out,
 * such a link signs in to that account, so opening it here would silently switch accounts. Only a
 * link the app signed and that has not expired counts: any other is refused by the endpoint anyway,
 * and switches nothing.
 */
export async function otherAccountOfLink(token: string, signedInEmail: string): Promise<string | null> {
  const link = await readEmailLink(token, serverConfig().secret);
  if (!link) return null;
  const { email } = link;
  return email.toLowerCase() === signedInEmail.toLowerCase() ? null : email;
}

/** The page that asks before the link is followed. */
export function confirmEmailPath(token: string, callbackURL: unknown): string {
  return `/confirm-email?${linkQuery(token, callbackURL)}`;
}

/** Better Auth's endpoint behind the mailed link. */
export function verifyEmailPath(token: string, callbackURL: unknown): string {
  return `/api/auth/verify-email?${linkQuery(token, callbackURL)}`;
}

function linkQuery(token: string, callbackURL: unknown): URLSearchParams {
  const query = new URLSearchParams({ token });
  if (typeof callbackURL === "string") query.set("callbackURL", safeNext(callbackURL));
  return query;
}
