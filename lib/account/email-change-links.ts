import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, desc, eq, gt } from "drizzle-orm";
import { db } from "@/lib/db";
import { verification } from "@/lib/db/schema";

/** One email change: the account, the address it had when the change was asked for, and the new one. */
export type EmailChange = { userId: string; from: string; to: string };

/**
 * The two mailed links of an email change, each a random token that the verification table keeps
 * only a hash of (so the database alone opens neither) and that works once:
 * - `confirm` goes to the new address and proves that mailbox; the change itself waits for the
 *   account's owner, signed in, on the page it opens. An hour, like every link that asks for action.
 * - `undo` goes to the old address once the change is made. A week, so that an owner who is away
 *   for a few days can still take their account back.
 * Each opens a page, never an endpoint: a mail scanner that fetches every link changes nothing.
 */
export const EMAIL_CHANGE_LINKS = {
  confirm: { prefix: "email-change:", seconds: 60 * 60, page: "/settings/account/new-email" },
  undo: { prefix: "email-change-undo:", seconds: 7 * 24 * 60 * 60, page: "/undo-email-change" },
} as const;

export type EmailChangeLink = keyof typeof EMAIL_CHANGE_LINKS;

function identifier(link: EmailChangeLink, token: string): string {
  return EMAIL_CHANGE_LINKS[link].prefix + createHash("sha256").update(token).digest("base64url");
}

/** Stores `change` under a new token, and returns the address of the page the mailed link opens. */
export async function createEmailChangeLink(
  link: EmailChangeLink,
  change: EmailChange,
  origin: string,
): Promise<{ token: string; url: string }> {
  const token = randomBytes(32).toString("base64url");
  await db()
    .insert(verification)
    .values({
      id: randomUUID(),
      identifier: identifier(link, token),
      value: JSON.stringify(change),
      expiresAt: new Date(Date.now() + EMAIL_CHANGE_LINKS[link].seconds * 1000),
    });
  const url = new URL(EMAIL_CHANGE_LINKS[link].page, origin);
  url.searchParams.set("token", token);
  return { token, url: url.toString() };
}

/** The change a live link stands for, left in place: what its page shows before anyone acts. */
export async function findEmailChangeLink(link: EmailChangeLink, token: string): Promise<EmailChange | null> {
  const [stored] = await db()
    .select({ value: verification.value })
    .from(verification)
    .where(and(eq(verification.identifier, identifier(link, token)), gt(verification.expiresAt, new Date())))
    .orderBy(desc(verification.createdAt))
    .limit(1);
  return stored ? (JSON.parse(stored.value) as EmailChange) : null;
}

/** Takes a link out of the table, live or not; of concurrent callers, one gets its change. */
export async function consumeEmailChangeLink(
  link: EmailChangeLink,
  token: string,
): Promise<EmailChange | null> {
  const [stored] = await db()
    .delete(verification)
    .where(eq(verification.identifier, identifier(link, token)))
    .returning({ value: verification.value, expiresAt: verification.expiresAt });
  return stored && stored.expiresAt > new Date() ? (JSON.parse(stored.value) as EmailChange) : null;
}
