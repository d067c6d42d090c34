import { APIError } from "better-auth/api";
import { serverConfig } from "@/config/env";
import { STEP_UP_ERROR_CODES } from "./step-up-errors";

/** What the check reads from a session: when it signed in, and when it last stepped up. */
export type VerifiedSession = { createdAt: Date | string; stepUpAt?: Date | string | null };

/**
 * When the person at this session last proved it is them: signing in (with a passkey, the
 * password or a recovery code) or stepping up in place, whichever came last.
 */
function lastVerifiedAt(session: VerifiedSession): number {
  const signedInAt = new Date(session.createdAt).getTime();
  const steppedUpAt = session.stepUpAt ? new Date(session.stepUpAt).getTime() : 0;
  return Math.max(signedInAt, steppedUpAt);
}

export function isRecentlyVerified(session: VerifiedSession, now = Date.now()): boolean {
  return now - lastVerifiedAt(session) < serverConfig().stepUpWindowSeconds * 1000;
}

/**
 * The one rule every sensitive action goes through: a verification within the step-up window
 * (STEP_UP_WINDOW_SECONDS, 5 minutes by default), else 403 STEP_UP_REQUIRED, which the browser
 * answers with the step-up dialog (`useStepUp()` in components/step-up/step-up-provider.tsx).
 */
export function requireRecentStepUp(session: VerifiedSession): void {
  if (!isRecentlyVerified(session)) {
    throw APIError.from("FORBIDDEN", STEP_UP_ERROR_CODES.STEP_UP_REQUIRED);
  }
}
