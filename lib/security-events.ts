import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { securityEvent } from "@/lib/db/schema";

export type SecurityEventType =
  | "recovery_codes_generated"
  | "recovery_codes_declined"
  | "recovery_code_redeemed"
  | "recovery_code_failed";

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
