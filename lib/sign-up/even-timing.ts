import { evenAnswerTiming } from "@/lib/auth/even-timing";

/**
 * The sign-up form answers a taken email exactly like a new one, but a new one costs a write a
 * taken one does not (the pending sign-up): its endpoint's answers wait out the same floor as every
 * answer that must not tell the two apart (lib/auth/even-timing.ts).
 */
export function evenSignUpTiming() {
  return evenAnswerTiming(new Set(["/sign-up/passkey"]));
}
