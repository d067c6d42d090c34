import { randomUUID } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { securityEvent } from "@/lib/db/schema";
import { describeUserAgent } from "@/lib/format/user-agent";

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

type SecurityEvent = {
  type: SecurityEventType;
  userId: string | null;
  request: RequestFacts;
  details?: Record<string, unknown>;
};

/** The one writer of the append-only security log: who, what, when, and from where. */
export async function recordSecurityEvent(event: SecurityEvent): Promise<void> {
  await db().insert(securityEvent).values(row(event));
}

/**
 * As `recordSecurityEvent`, with details that the database works out in the same statement (each a
 * boolean SQL expression over the rows already there, which do not yet include this one), stored
 * beside the others. Answers with those computed details.
 */
export async function recordSecurityEventWith<Computed extends string>(
  event: SecurityEvent,
  computed: Record<Computed, SQL<boolean>>,
): Promise<Record<Computed, boolean>> {
  const { id, userId, type, ipAddress, userAgent, device, details } = row(event);
  const names = Object.keys(computed) as Computed[];
  const pairs = sql.join(
    names.map((name) => sql`${name}::text, ${computed[name]}`),
    sql`, `,
  );
  const result = await db().execute(sql`
    insert into ${securityEvent} (id, user_id, type, ip_address, user_agent, device, details)
    select ${id}, ${userId}, ${type}, ${ipAddress}, ${userAgent}, ${device},
      ${JSON.stringify(details ?? {})}::jsonb || jsonb_build_object(${pairs})
    returning jsonb_build_object(${sql.join(
      names.map((name) => sql`${name}::text, details -> ${name}::text`),
      sql`, `,
    )}) as computed`);
  // node-postgres and PGlite both answer with the rows under `rows`.
  const [inserted] = (result as unknown as { rows: { computed: Record<Computed, boolean> }[] }).rows;
  if (!inserted) throw new Error("The security event was not written.");
  return inserted.computed;
}

function row(event: SecurityEvent) {
  return {
    id: randomUUID(),
    userId: event.userId,
    type: event.type,
    ipAddress: event.request.ipAddress,
    userAgent: event.request.userAgent?.slice(0, 512) ?? null,
    device: describeUserAgent(event.request.userAgent),
    details: event.details ?? null,
  };
}
