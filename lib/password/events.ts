import { type EventDescriptions, plain } from "@/lib/security-activity/describe";

declare module "@/lib/security-log/events" {
  interface SecurityEventKinds {
    /** A new password set from a mailed link; every session was signed out with it. */
    password_reset: true;
    password_changed: true;
    /** A change refused because the current password was wrong. */
    password_change_failed: true;
    /** The account went passwordless: it signs in with its passkeys only. */
    password_removed: true;
    password_added: true;
  }
}

export const PASSWORD_EVENTS = {
  password_reset: () => plain("Reset the password with a mailed link, and signed out every session"),
  password_changed: () => plain("Changed the password"),
  password_change_failed: () => ({
    summary: "Failed attempt to change the password: the current password was wrong",
    attention: true,
  }),
  password_removed: () => plain("Removed the password: passkeys only from now on"),
  password_added: () => plain("Added a password"),
} satisfies EventDescriptions;
