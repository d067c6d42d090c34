import { desc, eq } from "drizzle-orm";
import { db } from "@/lib/db";
import { mailOutbox } from "@/lib/db/schema";

export type OutboxMail = typeof mailOutbox.$inferSelect;

/** Every mail the app kept for `address` (no SMTP_URL in tests), newest first. */
export function mailTo(address: string): Promise<OutboxMail[]> {
  return db().select().from(mailOutbox).where(eq(mailOutbox.to, address)).orderBy(desc(mailOutbox.createdAt));
}

/** The newest mail to `address`; fails the test when there is none. */
export async function latestMailTo(address: string): Promise<OutboxMail> {
  const [newest] = await mailTo(address);
  if (!newest) throw new Error(`No mail to ${address}`);
  return newest;
}

/** The first link in a mail's text. */
export function firstLink(mail: Pick<OutboxMail, "subject" | "text">): URL {
  const link = mail.text.match(/https?:\/\/\S+/)?.[0];
  if (!link) throw new Error(`No link in the mail "${mail.subject}"`);
  return new URL(link);
}
