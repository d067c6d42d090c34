import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "@/lib/db";
import type { TestBrowser } from "./browser";
import type { ApiError } from "./passkey-ceremonies";

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

export type GuardedTable = (typeof GUARDED_TABLES)[number];

/** A digest of each guarded table's rows, equal for two reads exactly when that table did not change. */
export async function guardedTableDigests(): Promise<Record<GuardedTable, string>> {
  // One round trip: the server hashes each table's rows, in id order.
  const digests = GUARDED_TABLES.map(
    (table) =>
      sql`(select md5(coalesce(json_agg(t order by t.id)::text, '')) from ${sql.identifier(table)} t)`,
  );
  const result = await db().execute(sql`select concat_ws(',', ${sql.join(digests, sql`, `)}) as digest`);
  const [row] = (result as { rows: { digest: string }[] }).rows;
  const values = (row?.digest ?? "").split(",");
  return Object.fromEntries(GUARDED_TABLES.map((table, index) => [table, values[index] ?? ""])) as Record<
    GuardedTable,
    string
  >;
}

/** A digest of every row of the guarded tables, equal for two reads exactly when nothing changed. */
export async function snapshotGuardedTables(): Promise<string> {
  return Object.values(await guardedTableDigests()).join(",");
}

/** Sends a raw JSON body, and checks that the refusal left the guarded tables untouched. */
export async function refused(browser: TestBrowser, path: string, body: unknown) {
  const before = await snapshotGuardedTables();
  const response = await browser.post<ApiError>(path, body);
  expect(await snapshotGuardedTables(), `${path} changed the database`).toBe(before);
  return response;
}
