import { and, desc, eq, gt } from "drizzle-orm";
import { db } from "@/lib/db";
import { session } from "@/lib/db/schema";
import { describeUserAgent } from "@/lib/format/user-agent";

export type ActiveSession = {
  id: string;
  device: string;
  ipAddress: string | null;
  /** Better Auth refreshes a session at most once a day, so this is when it was last refreshed. */
  lastActiveAt: string;
  signedInAt: string;
  isCurrent: boolean;
};

/** The user's sessions that have not expired, the current one first, then the most recently active. */
export async function activeSessions(userId: string, currentSessionId: string): Promise<ActiveSession[]> {
  const rows = await db()
    .select()
    .from(session)
    .where(and(eq(session.userId, userId), gt(session.expiresAt, new Date())))
    .orderBy(desc(session.updatedAt));
  return rows
    .map((row) => ({
      id: row.id,
      device: describeUserAgent(row.userAgent),
      ipAddress: row.ipAddress,
      lastActiveAt: row.updatedAt.toISOString(),
      signedInAt: row.createdAt.toISOString(),
      isCurrent: row.id === currentSessionId,
    }))
    .sort((a, b) => Number(b.isCurrent) - Number(a.isCurrent));
}
