import { type EventDescriptions, plain } from "@/lib/security-activity/describe";

declare module "@/lib/security-log/events" {
  interface SecurityEventKinds {
    /** The owner, signed in, confirmed the link mailed to the new address. details: { from, to } */
    email_changed: true;
    /** The link mailed to the old address changed it back and signed out everywhere. details: { from, to } */
    email_change_undone: true;
  }
}

/** How the security activity page reads an email change (the email change plugin, lib/account/server.ts, logs them). */
export const EMAIL_CHANGE_EVENTS = {
  email_changed: () => plain("Changed your email address"),
  email_change_undone: () => ({
    summary: "Changed your email address back from the link sent to it, and signed out everywhere",
    attention: true,
  }),
} satisfies EventDescriptions;
