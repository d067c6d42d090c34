import { type EventDescriptions, plain, plural } from "@/lib/security-activity/describe";

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
