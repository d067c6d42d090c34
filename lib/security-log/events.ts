import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { securityEvent } from "@/lib/db/schema";

/**
 * Every kind of event the security log holds, each declared by the feature that writes it, beside
 * its code (`declare module "@/lib/security-log/events" { interface SecurityEventKinds { … } }`),
 * with what its `details` hold. Deleting a feature's folder deletes its kinds, and TypeScript
 * points at any writer left behind.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging, one feature at a time.
export interface SecurityEventKinds {}

export type SecurityEventType = keyof SecurityEventKinds;

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
