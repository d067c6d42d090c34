import { type EventDescriptions, plain, plural } from "@/lib/security-activity/describe";
import { type RequestFacts, recordSecurityEvent } from "@/lib/security-log/events";

declare module "@/lib/security-log/events" {
  interface SecurityEventKinds {
    /** details: { count } when several were revoked at once */
    session_revoked: true;
  }
}

export const SESSION_EVENTS = {
  session_revoked: ({ count }) =>
    plain(count && count > 1 ? `Signed out ${plural(count, "session", "sessions")}` : "Signed out a session"),
} satisfies EventDescriptions;

/** How many of the sessions a change deleted were still live: expired rows go too, unnoticed. */
export function liveSessionCount(ended: readonly { expiresAt: Date }[], now = new Date()): number {
  return ended.filter(({ expiresAt }) => expiresAt > now).length;
}

/** The sessions a change signed out, as one `session_revoked` event; none, no event. */
export async function recordSessionsSignedOut(userId: string, request: RequestFacts, count: number) {
  if (count === 0) return;
  await recordSecurityEvent({
    type: "session_revoked",
    userId,
    request,
    details: count > 1 ? { count } : undefined,
  });
}
