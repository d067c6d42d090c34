import { type EventDescriptions, plain } from "@/lib/security-activity/describe";

declare module "@/lib/security-log/events" {
  interface SecurityEventKinds {
    account_created: true;
  }
}

export const SIGN_UP_EVENTS = {
  account_created: () => plain("Created your account"),
} satisfies EventDescriptions;
