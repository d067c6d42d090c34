import { sql } from "drizzle-orm";
import { db } from "@/lib/db";

/**
 * The tables a refused request must leave exactly as they were. Left out, on purpose, because a
 * refusal legitimately writes them: `verifications` (a refused WebAuthn response burns its
 * challenge), `security_events` (failed attempts are recorded) and `rate_limits` (attempts are
 * counted).
 */
export const GUARDED_TABLES = [
  "users",
  "accounts",
  "sessions",
  "passkeys",
  "recovery_codes",
  "mail_outbox",
] as const;

/** A digest of every row of the guarded tables, equal for two reads exactly when nothing changed. */
export async function snapshotGuardedTables(): Promise<string> {
  // One round trip: the server hashes each table's rows, in id order.
  const digests = GUARDED_TABLES.map(
    (table) =>
      sql`(select md5(coalesce(json_agg(t order by t.id)::text, '')) from ${sql.identifier(table)} t)`,
  );
  const result = await db().execute(sql`select concat_ws(',', ${sql.join(digests, sql`, `)}) as digest`);
  const [row] = (result as { rows: { digest: string }[] }).rows;
  return row?.digest ?? "";
}
