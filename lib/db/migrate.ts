import { readFileSync } from "node:fs";
import path from "node:path";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { fillInEventDevices } from "./event-devices";
import { type Connection, connection } from "./index";
import * as schema from "./schema";

const migrationsFolder = path.join(process.cwd(), "drizzle");

// Any fixed number works; it only has to be the same in every process of this app.
const MIGRATION_LOCK_ID = 7_240_135_004;

/**
 * Applies the SQL in drizzle/ that this database has not seen yet, then fills in what SQL cannot
 * work out (./event-devices.ts). Safe to run from several processes at once.
 */
export async function migrateDatabase(): Promise<void> {
  const open = connection();
  // Each start after the first finds the schema current: one read instead of the migrator's DDL
  // (CREATE SCHEMA/TABLE IF NOT EXISTS and a transaction), which is what a warm start waited for.
  const current = await isSchemaCurrent(open);
  // Then the fill-in runs every time, not only after a migration, so that rows an older version of
  // the app wrote during a rolling deploy get their device too; with nothing to fill in, one query.
  if (open.kind === "pglite") {
    // The raw PGlite: the app's Drizzle client waits for this migration to finish (lib/db/index.ts).
    const unwaiting = drizzlePglite({ client: open.client, schema });
    if (!current) await migratePglite(unwaiting, { migrationsFolder });
    await fillInEventDevices(unwaiting);
    return;
  }
  if (!current) await migratePostgresLocked(open);
  await fillInEventDevices(open.db);
}

/**
 * Instances (or test workers) starting together must not both create the same tables: holds a
 * session-level advisory lock on one reserved connection while the migrator runs.
 */
async function migratePostgresLocked(open: Extract<Connection, { kind: "postgres" }>): Promise<void> {
  const lockHolder = await open.client.connect();
  try {
    await lockHolder.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    await migratePostgres(open.db, { migrationsFolder });
  } finally {
    // Closing the session releases its lock, also when the migration failed halfway through.
    lockHolder.release(true);
  }
}

/**
 * Whether the database has applied the newest migration in drizzle/: Drizzle's migrator applies
 * every migration newer than the last it recorded (by the journal's `when`), so when that record is
 * the newest there is nothing to apply. Anything else (no record, no table yet) means "migrate".
 */
async function isSchemaCurrent(open: Connection): Promise<boolean> {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
    entries: { when: number }[];
  };
  const newest = Math.max(...journal.entries.map((entry) => entry.when));
  const query = "select max(created_at) as last from drizzle.__drizzle_migrations";
  try {
    // The same call on both clients, written twice: TypeScript cannot call a union of their `query`s.
    const { rows } =
      open.kind === "pglite"
        ? await open.client.query<{ last: unknown }>(query)
        : await open.client.query<{ last: unknown }>(query);
    return Number(rows[0]?.last ?? 0) >= newest;
  } catch {
    return false;
  }
}
