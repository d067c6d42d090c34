import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { db } from "@/lib/db";

/**
 * Each multi-row write either happens whole or not at all. The fault is a trigger, installed by
 * the test, that makes the database refuse the second write of the request (as a crash or a lost
 * connection at that moment would); the test then looks for what the first write left behind.
 * Triggers fire only for this test's own rows, so files sharing one PostgreSQL are not disturbed.
 */
export async function withFailingInsert<T>(
  table: "accounts" | "passkeys" | "sessions",
  condition: string,
  run: () => Promise<T>,
) {
  const name = `fault_${randomUUID().replaceAll("-", "")}`;
  await db().execute(
    sql.raw(`create function ${name}() returns trigger language plpgsql as $$
      begin
        if ${condition} then raise exception 'injected fault: the database failed between two writes'; end if;
        return NEW;
      end $$`),
  );
  await db().execute(
    sql.raw(`create trigger ${name} before insert on ${table} for each row execute function ${name}()`),
  );
  try {
    return await run();
  } finally {
    await db().execute(sql.raw(`drop trigger ${name} on ${table}`));
    await db().execute(sql.raw(`drop function ${name}()`));
  }
}
