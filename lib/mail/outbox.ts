import { desc } from "drizzle-orm";
import { db } from "@/lib/db";
import { mailOutbox } from "@/lib/db/schema";

export type OutboxMail = typeof mailOutbox.$inferSelect;

/** The newest mail kept for /dev/outbox, newest first. */
export async function listOutbox(limit = 50): Promise<OutboxMail[]> {
  return db().select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(limit);
}
