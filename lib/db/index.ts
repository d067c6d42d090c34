import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePostgres, type NodePgDatabase } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite, type PgliteDatabase } from "drizzle-orm/pglite";
import { Pool } from "pg";
import { serverConfig } from "@/config/env";
import * as schema from "./schema";
import { schemaReady } from "./schema-ready";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Connection =
  | { kind: "postgres"; db: NodePgDatabase<typeof schema>; client: Pool }
  | { kind: "pglite"; db: PgliteDatabase<typeof schema>; client: PGlite };

/** How long opening a PostgreSQL connection may take, and how long closing the pool may wait. */
const CONNECTION_TIMEOUT_MS = 5_000;

// One connection per process, opened on first use: Next imports this module from several bundles
// (and again on every HMR), and two PGlite instances on one folder would corrupt it.
const globalForDb = globalThis as typeof globalThis & { keyholdConnection?: Connection };

export function connection(): Connection {
  globalForDb.keyholdConnection ??= connect();
  return globalForDb.keyholdConnection;
}

/** The Drizzle client: a node-postgres pool when DATABASE_URL is set, otherwise the embedded PGlite. */
export function db(): Database {
  return connection().db;
}

function connect(): Connection {
  const { databaseUrl, pgliteDir } = serverConfig();
  if (databaseUrl) {
    const client = openPool(databaseUrl);
    return { kind: "postgres", db: drizzlePostgres({ client, schema }), client };
  }
  if (!pgliteDir.startsWith("memory://")) mkdirSync(pgliteDir, { recursive: true });
  const client = new PGlite(pgliteDir);
  return { kind: "pglite", db: drizzlePglite({ client: waitingForSchema(client), schema }), client };
}

/**
 * The client the app's Drizzle uses: the same PGlite, whose statements first wait for the start-up
 * migration (./schema-ready), which the server does not wait for, so that the first page compiles
 * meanwhile. The migrator itself uses the PGlite as it is.
 */
function waitingForSchema(client: PGlite): PGlite {
  const gated = new Set<PropertyKey>(["query", "exec", "transaction"]);
  return new Proxy(client, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      if (!gated.has(property)) return value.bind(target);
      return async (...args: unknown[]) => {
        await schemaReady();
        return value.apply(target, args);
      };
    },
  });
}

/**
 * A pool that survives PostgreSQL going away. A connection that dies emits "error", and an
 * EventEmitter with no listener for it throws, taking the process down: the pool listens for its
 * idle connections, and every connection gets a listener of its own for the time it is checked out
 * (a transaction holds one; the statement it was running is rejected with the same error, which is
 * where the request learns of it, and the pool discards the dead connection on release).
 * The connect is bounded, so that requests during an outage fail fast (and answer 503) instead of
 * hanging. The size is node-postgres's default, 10 connections per process. Server notices are
 * events nobody listens to, so they are never printed.
 */
function openPool(databaseUrl: string): Pool {
  const pool = new Pool({ connectionString: databaseUrl, connectionTimeoutMillis: CONNECTION_TIMEOUT_MS });
  pool.on("error", (error) => {
    console.warn(`PostgreSQL closed an idle connection: ${error.message}`);
  });
  pool.on("connect", (client) => {
    client.on("error", () => {});
  });
  return pool;
}

export async function closeDatabase(): Promise<void> {
  const open = globalForDb.keyholdConnection;
  globalForDb.keyholdConnection = undefined;
  // Bounded, so that a connection left checked out by an outage cannot hold shutdown up.
  if (open?.kind === "postgres") await settledWithin(open.client.end(), CONNECTION_TIMEOUT_MS);
  if (open?.kind === "pglite") await open.client.close();
}

async function settledWithin(work: Promise<void>, milliseconds: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, milliseconds).unref();
  });
  try {
    await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
