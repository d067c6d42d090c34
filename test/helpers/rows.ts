import { and, asc, eq, sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { securityEvent, session, user as userTable } from "@/lib/db/schema";

export function usersWithEmail(email: string) {
  return db().select().from(userTable).where(eq(userTable.email, email));
}

/**
 * The account's security events, oldest first (without an `order by`, PostgreSQL may answer in any
 * order), of one type when `type` is given.
 */
export function eventsOf(userId: string, type?: string) {
  return db()
    .select()
    .from(securityEvent)
    .where(and(eq(securityEvent.userId, userId), type ? eq(securityEvent.type, type) : undefined))
    .orderBy(asc(securityEvent.createdAt));
}

/** The types of the account's security events, oldest first. */
export async function typesLogged(userId: string): Promise<string[]> {
  return (await eventsOf(userId)).map((event) => event.type);
}

/** The sign-in no longer counts as a recent verification; `stepUpMinutesAgo` sets the last step-up. */
export async function verifiedMinutesAgo(userId: string, stepUpMinutesAgo: number | null) {
  await db()
    .update(session)
    .set({
      createdAt: sql`now() - interval '1 hour'`,
      stepUpAt: stepUpMinutesAgo === null ? null : sql`now() - ${stepUpMinutesAgo} * interval '1 minute'`,
    })
    .where(eq(session.userId, userId));
}
