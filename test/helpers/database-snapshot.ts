import { createHash } from "node:crypto";
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
  const digest = createHash("sha256");
  for (const table of GUARDED_TABLES) {
    const rows = await db().execute(
      sql`select coalesce(json_agg(t order by t.id), '[]'::json)::text as rows from ${sql.identifier(table)} t`,
    );
    const [first] = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { rows: string }[];
    digest.update(`${table}:${first?.rows ?? ""}\n`);
  }
  return digest.digest("hex");
}

/** Row counts per guarded table, for messages and for counting what a fault left behind. */
export async function countRows(table: (typeof GUARDED_TABLES)[number], where = sql`true`): Promise<number> {
  const rows = await db().execute(
    sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`,
  );
  const [first] = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { n: number }[];
  return Number(first?.n ?? 0);
}
