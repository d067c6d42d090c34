import { and, desc, eq, gt } from "drizzle-orm";
import { db } from "@/lib/db";
import { passkey, session } from "@/lib/db/schema";
import { describeUserAgent } from "@/lib/format/user-agent";
import { defaultPasskeyName } from "@/lib/passkeys/authenticators";
import { isSignInMethod, SIGN_IN_METHOD_WORDS } from "@/lib/sign-in-methods/methods";

export type ActiveSession = {
  id: string;
  device: string;
  ipAddress: string | null;
  /** Better Auth refreshes a session at most once a day, so this is when it was last refreshed. */
  lastActiveAt: string;
  signedInAt: string;
  /** What it signed in with, to end "Signed in … with": `the passkey "MacBook"`; null when not recorded. */
  signedInWith: string | null;
  isCurrent: boolean;
};

type SignedInWith = {
  method: string | null;
  passkey: {
    name: string | null;
    aaguid: string | null;
    transports: string | null;
    backedUp: boolean;
  } | null;
};

function signedInWith({ method, passkey: used }: SignedInWith): string | null {
  if (method === "passkey" && used) return `the passkey "${used.name || defaultPasskeyName(used)}"`;
  return isSignInMethod(method) ? SIGN_IN_METHOD_WORDS[method].usedWith : null;
}

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
      signedInWith: signedInWith({ method: row.signInMethod, passkey: used }),
      isCurrent: row.id === currentSessionId,
    }))
    .sort((a, b) => Number(b.isCurrent) - Number(a.isCurrent));
}
