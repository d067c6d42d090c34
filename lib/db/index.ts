import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite, type PgliteDatabase } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { serverConfig } from "@/lib/env";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Connection =
  | { kind: "postgres"; db: PostgresJsDatabase<typeof schema>; client: postgres.Sql }
  | { kind: "pglite"; db: PgliteDatabase<typeof schema>; client: PGlite };

// One connection per process, opened on first use: Next imports this module from several bundles
// (and again on every HMR), and two PGlite instances on one folder would corrupt it.
const globalForDb = globalThis as typeof globalThis & { keyholdConnection?: Connection };

export function connection(): Connection {
  globalForDb.keyholdConnection ??= connect();
  return globalForDb.keyholdConnection;
}

/** The Drizzle client: postgres.js when DATABASE_URL is set, otherwise the embedded PGlite. */
export function db(): Database {
  return connection().db;
}

function connect(): Connection {
  const { databaseUrl, pgliteDir } = serverConfig();
  if (databaseUrl) {
    // A bounded connect, so that requests during an outage fail fast (and answer 503) instead of hanging.
    const client = postgres(databaseUrl, { onnotice: () => {}, connect_timeout: 5 });
    return { kind: "postgres", db: drizzlePostgres({ client, schema }), client };
  }
  if (!pgliteDir.startsWith("memory://")) mkdirSync(pgliteDir, { recursive: true });
  const client = new PGlite(pgliteDir);
  return { kind: "pglite", db: drizzlePglite({ client, schema }), client };
}

export async function closeDatabase(): Promise<void> {
  const open = globalForDb.keyholdConnection;
  globalForDb.keyholdConnection = undefined;
  // Bounded, so that a connection left broken by an outage cannot hold shutdown up.
  if (open?.kind === "postgres") await open.client.end({ timeout: 5 });
  if (open?.kind === "pglite") await open.client.close();
}
