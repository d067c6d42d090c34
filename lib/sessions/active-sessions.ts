import { and, desc, eq, gt } from "drizzle-orm";
import { db } from "@/lib/db";
import { passkey, session } from "@/lib/db/schema";
import { describeUserAgent } from "@/lib/format/user-agent";

export type ActiveSession = {
  id: string;
  device: string;
  ipAddress: string | null;
  /** Better Auth refreshes a session at most once a day, so this is when it was last refreshed. */
  lastActiveAt: string;
  signedInAt: string;
  /** How it signed in: a SignInMethod (lib/sign-in-methods/methods.ts), or null for an older session. */
  signInMethod: string | null;
  /** The passkey that signed it in, if one did and it still exists. */
  passkey: SignedInPasskey | null;
  isCurrent: boolean;
};

export type SignedInPasskey = {
  name: string | null;
  aaguid: string | null;
  transports: string | null;
  backedUp: boolean;
};

/** The user's sessions that have not expired, the current one first, then the most recently active. */
export async function activeSessions(userId: string, currentSessionId: string): Promise<ActiveSession[]> {
  const rows = await db()
    .select({
      session,
      passkey: {
        name: passkey.name,
        aaguid: passkey.aaguid,
        transports: passkey.transports,
        backedUp: passkey.backedUp,
      },
    })
    .from(session)
    .leftJoin(passkey, eq(passkey.id, session.passkeyId))
    .where(and(eq(session.userId, userId), gt(session.expiresAt, new Date())))
    .orderBy(desc(session.updatedAt));
  return rows
    .map(({ session: row, passkey: used }) => ({
      id: row.id,
      device: describeUserAgent(row.userAgent),
      ipAddress: row.ipAddress,
      lastActiveAt: row.updatedAt.toISOString(),
      signedInAt: row.createdAt.toISOString(),
      signInMethod: row.signInMethod,
      passkey: used,
      isCurrent: row.id === currentSessionId,
    }))
    .sort((a, b) => Number(b.isCurrent) - Number(a.isCurrent));
}
