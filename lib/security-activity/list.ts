import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { securityEvent } from "@/lib/db/schema";
import { isStorableText } from "@/lib/http/storable-text";

export type SecurityActivityEvent = Pick<
  typeof securityEvent.$inferSelect,
  "id" | "type" | "ipAddress" | "userAgent" | "details" | "createdAt"
>;

export const ACTIVITY_PAGE_SIZE = 25;

/**
 * One page of a user's security events, newest first, and whether older ones exist. `before` is the
 * ID of the last event of the previous page: the database compares its own timestamps, which are
 * finer than a JavaScript Date, so no event falls between two pages. An ID that is not one of the
 * user's events gives an empty page; so does one no event could have (it comes from the page's
 * query string, and a NUL character in it would make PostgreSQL refuse the query).
 */
export async function listSecurityActivity(
  userId: string,
  { before, limit = ACTIVITY_PAGE_SIZE }: { before?: string; limit?: number } = {},
): Promise<{ events: SecurityActivityEvent[]; hasOlder: boolean }> {
  if (before !== undefined && !isStorableText(before)) return { events: [], hasOlder: false };
  const conditions: SQL[] = [eq(securityEvent.userId, userId)];
  if (before) {
    const cursor = db()
      .select({ createdAt: securityEvent.createdAt, id: securityEvent.id })
      .from(securityEvent)
      .where(and(eq(securityEvent.id, before), eq(securityEvent.userId, userId)));
    conditions.push(
      sql`(${securityEvent.createdAt}, ${securityEvent.id}) < (select created_at, id from (${cursor}) as cursor)`,
    );
  }
  const rows = await db()
    .select({
      id: securityEvent.id,
      type: securityEvent.type,
      ipAddress: securityEvent.ipAddress,
      userAgent: securityEvent.userAgent,
      details: securityEvent.details,
      createdAt: securityEvent.createdAt,
    })
    .from(securityEvent)
    .where(and(...conditions))
    .orderBy(desc(securityEvent.createdAt), desc(securityEvent.id))
    .limit(limit + 1);
  return { events: rows.slice(0, limit), hasOlder: rows.length > limit };
}
