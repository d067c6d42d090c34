import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { securityEvent } from "@/lib/db/schema";

export type SecurityEventType =
  /**
   * details: { method: SignInMethod (lib/sign-in-methods/methods.ts), passkeyId?, deviceType?,
   * backedUp?, newDevice?, remaining? }. A recovery-code sign-in is the redemption of that code; `remaining` is
   * how many codes are left after it.
   */
  | "sign_in"
  /** A failed sign-in on an existing account. details: { method } */
  | "sign_in_failed"
  | "passkey_added"
  | "passkey_renamed"
  | "passkey_removed"
  | "recovery_codes_generated"
  | "recovery_codes_declined"
  | "recovery_code_failed"
  /** details: { count } when several were revoked at once */
  | "session_revoked"
  | "step_up"
  /** A wrong password or a refused passkey assertion while confirming it's you. details: { method } */
  | "step_up_failed"
  | "email_changed"
  /** details: { role, previous, by } */
  | "role_changed"
  | "account_created";

export type RequestFacts = { ipAddress: string | null; userAgent: string | null };

/** The one writer of the append-only security log: who, what, when, and from where. */
export async function recordSecurityEvent(event: {
  type: SecurityEventType;
  userId: string | null;
  request: RequestFacts;
  details?: Record<string, unknown>;
}): Promise<void> {
  await db()
    .insert(securityEvent)
    .values({
      id: randomUUID(),
      userId: event.userId,
      type: event.type,
      ipAddress: event.request.ipAddress,
      userAgent: event.request.userAgent?.slice(0, 512) ?? null,
      details: event.details ?? null,
    });
}
