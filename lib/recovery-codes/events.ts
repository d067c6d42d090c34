import { type EventDescriptions, plain } from "@/lib/security-activity/describe";

declare module "@/lib/security-log/events" {
  interface SecurityEventKinds {
    recovery_codes_generated: true;
    recovery_codes_discarded: true;
    recovery_codes_declined: true;
    /** A refused code; without a user when the email has no account. */
    recovery_code_failed: true;
  }
}

export const RECOVERY_CODE_EVENTS = {
  recovery_code_failed: () => ({ summary: "Failed sign-in attempt with a recovery code", attention: true }),
  recovery_codes_generated: () => plain("Generated new recovery codes"),
  recovery_codes_discarded: () => plain("Skipped saving new recovery codes, which were removed"),
  recovery_codes_declined: () => plain("Chose to go without recovery codes"),
} satisfies EventDescriptions;
