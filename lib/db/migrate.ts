import path from "node:path";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { fillInEventDevices } from "./event-devices";
import { connection } from "./index";

const migrationsFolder = path.join(process.cwd(), "drizzle");

// Any fixed number works; it only has to be the same in every process of this app.
const MIGRATION_LOCK_ID = 7_240_135_004;

/**
 * Applies the SQL in drizzle/ that this database has not seen yet, then fills in what SQL cannot
 * work out (./event-devices.ts). Safe to run from several processes at once.
 */
export async function migrateDatabase(): Promise<void> {
  const open = connection();
  if (open.kind === "pglite") {
    await migratePglite(open.db, { migrationsFolder });
    await fillInEventDevices();
    return;
  }
  // Instances (or test workers) starting together must not both create the same tables:
  // hold a session-level advisory lock on one reserved connection while the migrator runs.
  const lockHolder = await open.client.connect();
  try {
    await lockHolder.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    await migratePostgres(open.db, { migrationsFolder });
    await fillInEventDevices();
  } finally {
    // Closing the session releases its lock, also when the migration failed halfway through.
    lockHolder.release(true);
  }
}
