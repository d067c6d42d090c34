import { type EventDescriptions, type EventDetails, plain } from "@/lib/security-activity/describe";

declare module "@/lib/security-log/events" {
  interface SecurityEventKinds {
    step_up: true;
    /** A wrong password or a refused passkey assertion while confirming it's you. details: { method } */
    step_up_failed: true;
  }
}

function failedStepUp({ method }: EventDetails): string {
  if (method === "passkey") return "Failed to confirm it was you with a passkey";
  if (method === "password") return "Failed to confirm it was you with the password";
  return "Failed to confirm it was you";
}

export const STEP_UP_EVENTS = {
  step_up: () => plain("Confirmed it was you"),
  step_up_failed: (details) => ({ summary: failedStepUp(details), attention: true }),
} satisfies EventDescriptions;
