import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { Client } from "pg";
import { webAuthnUserHandle } from "../lib/passkeys/user-handle";
import { SoftwareAuthenticator } from "../test/helpers/software-authenticator";
import type { BenchUser } from "./ceremonies";

const SERVER_URL = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432";

export function databaseUrl(name: string): string {
  return `${SERVER_URL}/${name}`;
}

/** A new, empty database with the app's migrations applied by the app's own migrate script. */
export async function freshDatabase(name: string): Promise<string> {
  await withClient(databaseUrl("postgres"), async (admin) => {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
  });
  const url = databaseUrl(name);
  execFileSync("npx", ["tsx", "scripts/db-migrate.ts"], { env: { ...process.env, DATABASE_URL: url } });
  return url;
}

/** `count` accounts, each with one device-bound passkey held by a software authenticator. */
export function makeUsers(count: number): BenchUser[] {
  return Array.from({ length: count }, (_, index) => {
    const id = randomUUID();
    return {
      id,
      email: `bench-${index}@example.test`,
      authenticator: new SoftwareAuthenticator({ userHandle: webAuthnUserHandle(id) }),
    };
  });
}

/**
 * Writes the same accounts and passkeys, row for row, into each server's database. Directly, not
 * through either server's endpoints: seeding is not what is measured, and identical rows mean
 * neither server starts with an advantage (same users, same keys, same table sizes).
 */
export async function seed(url: string, users: BenchUser[]): Promise<void> {
  await withClient(url, async (client) => {
    await insertRows(
      client,
      "users",
      users.map((user) => ({ id: user.id, name: "Bench User", email: user.email })),
    );
    await insertRows(
      client,
      "passkeys",
      users.map((user) => ({
        id: randomUUID(),
        user_id: user.id,
        name: "Bench passkey",
        public_key: Buffer.from(user.authenticator.publicKey).toString("base64"),
        credential_id: user.authenticator.credentialId,
        counter: 0,
        device_type: "singleDevice",
        backed_up: false,
        transports: "internal,hybrid",
        aaguid: "00000000-0000-0000-0000-000000000000",
      })),
    );
  });
}

/** One statement for any number of rows: the server reads them as the table's own row type. */
async function insertRows(client: Client, table: string, rows: Record<string, unknown>[]): Promise<void> {
  const columns = Object.keys(rows[0] ?? {}).join(", ");
  await client.query(
    `insert into ${table} (${columns}) select ${columns} from json_populate_recordset(null::${table}, $1)`,
    [JSON.stringify(rows)],
  );
}

/** One connection for `work`, closed afterwards whatever happens. */
export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Per-table work PostgreSQL counted for a database: reads (index and sequential scans) and rows written. */
export type TableWork = Record<string, { reads: number; inserted: number; updated: number; deleted: number }>;
export type DatabaseWork = { transactions: number; tables: TableWork };

export async function databaseWork(url: string): Promise<DatabaseWork> {
  const { tables, database } = await withClient(url, async (client) => {
    const perTable = await client.query(`
      select relname, coalesce(seq_scan, 0) + coalesce(idx_scan, 0) as reads,
             n_tup_ins as inserted, n_tup_upd as updated, n_tup_del as deleted
      from pg_stat_user_tables`);
    const total = await client.query(`
      select xact_commit + xact_rollback as transactions from pg_stat_database where datname = current_database()`);
    return { tables: perTable.rows, database: total.rows[0] };
  });
  return {
    transactions: Number(database?.transactions ?? 0),
    tables: Object.fromEntries(
      tables.map((row) => [
        String(row.relname),
        {
          reads: Number(row.reads),
          inserted: Number(row.inserted),
          updated: Number(row.updated),
          deleted: Number(row.deleted),
        },
      ]),
    ),
  };
}

/** What changed between two readings, divided by the number of operations in between. */
export function workPerOperation(before: DatabaseWork, after: DatabaseWork, operations: number) {
  const rows: { table: string; reads: number; inserted: number; updated: number; deleted: number }[] = [];
  for (const [table, now] of Object.entries(after.tables)) {
    const then = before.tables[table] ?? { reads: 0, inserted: 0, updated: 0, deleted: 0 };
    const row = {
      table,
      reads: (now.reads - then.reads) / operations,
      inserted: (now.inserted - then.inserted) / operations,
      updated: (now.updated - then.updated) / operations,
      deleted: (now.deleted - then.deleted) / operations,
    };
    if (row.reads || row.inserted || row.updated || row.deleted) rows.push(row);
  }
  return { transactions: (after.transactions - before.transactions) / operations, rows };
}
